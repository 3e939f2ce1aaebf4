# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""jeugdsturing verwerving ocds TENDER --out FILE (docs/verwerving.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from jeugdsturing.core.access import Actie, Sectie, scope_voor_commando
from jeugdsturing.verwerving import ocds
from jeugdsturing.verwerving.models import Aanbesteding


class Command(BaseCommand):
    help = "Verwerving: de aanbesteding als OCDS-releasepakket."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="actie", required=True)
        o = sub.add_parser("ocds", help="OCDS 1.1.5-releasepakket van een aanbesteding")
        o.add_argument("aanbesteding", help="referentie (of id) van de aanbesteding")
        o.add_argument("--out", required=True, help="bestand om te schrijven")
        o.add_argument(
            "--user",
            help="gebruikersnaam: alleen als die gebruiker het pakket mag publiceren (zonder: "
            "de beheerder van de server)",
        )

    def handle(self, *args: Any, **opts: Any) -> None:
        sleutel = opts["aanbesteding"]
        a = Aanbesteding.objects.filter(referentie=sleutel).first()
        if a is None and sleutel.isdigit():
            a = Aanbesteding.objects.filter(pk=int(sleutel)).first()
        if a is None:
            raise CommandError(f"onbekende aanbesteding {sleutel!r}")
        if opts.get("user"):
            scope = scope_voor_commando(
                opts["user"], Sectie.VERWERVING, (Actie.EXPORTEREN, f"--user {opts['user']}")
            )
            if scope.regio_id is not None and scope.regio_id != a.regio_id:
                raise CommandError(
                    f"--user {opts['user']}: aanbesteding {a.referentie} hoort niet bij uw regio"
                )
        fouten = ocds.schrijf(a, Path(opts["out"]))
        if fouten:
            raise CommandError(
                "het pakket voldoet niet aan het OCDS-schema (niets geschreven):\n"
                + "\n".join(fouten[:20])
            )
        gecontroleerd = (
            "gevalideerd tegen OCDS 1.1.5 met extensies"
            if settings.OCDS_SCHEMA_DIR
            else "niet gevalideerd (OCDS_SCHEMA_DIR niet gezet)"
        )
        self.stdout.write(f"{opts['out']}: {a.referentie}, {gecontroleerd}")
