# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""jeugdsturing sturing doelen [FILE ...] (docs/sturing.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from jeugdsturing.regio.config import ConfigError
from jeugdsturing.regio.models import Regio
from jeugdsturing.sturing.doelconfig import ingebouwde_doelen, lees_doelen
from jeugdsturing.sturing.services import doelen_richt_in


class Command(BaseCommand):
    help = "Sturing: de doelen per thema inrichten uit een TOML-bestand (docs/sturing.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="actie", required=True)
        d = sub.add_parser("doelen", help="doelen inrichten (zonder bestanden: de meegeleverde)")
        d.add_argument("bestanden", nargs="*", type=Path)

    def handle(self, *args: Any, **opts: Any) -> None:
        for pad in opts["bestanden"] or ingebouwde_doelen():
            code = pad.stem
            try:
                regio = Regio.objects.get(code=code)
            except Regio.DoesNotExist:
                raise CommandError(
                    f"{pad}: geen regio {code!r} (de bestandsnaam is de regiocode)"
                ) from None
            try:
                config = lees_doelen(pad, list(regio.themas.values_list("code", flat=True)))
                tellers = doelen_richt_in(regio=regio, config=config)
            except (ConfigError, ValidationError) as e:
                raise CommandError(
                    str(e) if isinstance(e, ConfigError) else " ".join(e.messages)
                ) from e
            samenvatting = ", ".join(f"{k}: {v}" for k, v in sorted(tellers.items()))
            self.stdout.write(f"{regio.code} doelen: {samenvatting}")
