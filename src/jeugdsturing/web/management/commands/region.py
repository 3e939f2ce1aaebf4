# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""jeugdsturing region configure FILE [FILE ...] | region list

Lives in the web shell because it combines two apps: the region's structure (regio) and
its budget, which goes through the budget service of contracten and its approval rule."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from jeugdsturing.contracten.services import begrotingen_richt_in
from jeugdsturing.regio.config import ConfigError, builtin_configs, load_config_file
from jeugdsturing.regio.models import Regio
from jeugdsturing.regio.services import regio_richt_in


class Command(BaseCommand):
    help = (
        "Richt een regio in vanuit een TOML-bestand (zie docs/regio-inrichten.md), of toon "
        "de regio's. Zonder bestanden: de meegeleverde regio's."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["configure", "list"])
        parser.add_argument("files", nargs="*", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "list":
            for r in Regio.objects.prefetch_related("gemeenten"):
                names = ", ".join(g.naam for g in r.gemeenten.all())
                self.stdout.write(f"{r.code:8} {r.naam}: {names}")
            return
        for path in options["files"] or builtin_configs():
            try:
                config = load_config_file(path)
                with transaction.atomic():
                    regio, counts = regio_richt_in(config=config)
                    if config.begroting is not None:
                        counts.update(
                            begrotingen_richt_in(
                                regio=regio,
                                begroting=config.begroting,
                                reden=f"regio ingericht uit {path.name}",
                            )
                        )
            except ValidationError as exc:
                raise CommandError(f"{path}: begroting: {' '.join(exc.messages)}") from exc
            except (ConfigError, ValueError) as exc:
                raise CommandError(str(exc)) from exc
            summary = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))
            self.stdout.write(f"{regio.code} {regio.naam}: {summary}")
