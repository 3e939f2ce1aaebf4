# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""jeugdsturing scenario bronnen [--dir ../shared/data]: load the public figures;
jeugdsturing scenario verevening --region JZ18 --kosten realisatie-2023 [--sleutel ...]
[--format json|csv]: the five equalisation models (docs/scenario.md)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from jeugdsturing.regio.models import Gemeente, Regio
from jeugdsturing.scenario.bronnen import BronFout, lees_map
from jeugdsturing.scenario.selectors import kostenbronnen, vereveningsinvoer
from jeugdsturing.scenario.services import bronnen_laad
from jeugdsturing.scenario.verevening import (
    Instellingen,
    Model,
    Sleutel,
    VereveningFout,
    verevenen,
)
from jeugdsturing.weergave.export import csv_tekst, euro
from jeugdsturing.weergave.invoer import Invoerfout, lees_getal


class Command(BaseCommand):
    help = (
        "Scenario's: de openbare cijfers per gemeente laden (Iv3, gemeentefonds, SCP) en de "
        "modellen van risicoverevening doorrekenen (docs/scenario.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="actie", required=True)
        b = sub.add_parser(
            "bronnen", help="openbare cijfers laden uit een kopie van ../shared/data"
        )
        b.add_argument("--dir", type=Path, help="map met iv3/, gemeentefonds/, scp/ en cbs/")
        v = sub.add_parser("verevening", help="de vijf modellen van risicoverevening")
        v.add_argument("--region", required=True, help="regiocode, bijvoorbeeld JZ18")
        v.add_argument("--kosten", help="bijvoorbeeld realisatie-2023 of begroting-2025")
        v.add_argument("--sleutel", choices=[s.value for s in Sleutel], default="gemeentefonds")
        v.add_argument("--drempel", default="110", help="drempel in model (c), procent")
        v.add_argument("--pot", default="50", help="deel in de pot in model (d), procent")
        v.add_argument("--format", choices=["json", "csv"], default="json")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["actie"] == "bronnen":
            map_ = options["dir"] or settings.OPEN_DATA_DIR
            gemeenten = dict(Gemeente.objects.values_list("code", "naam"))
            if not gemeenten:
                raise CommandError("er zijn nog geen gemeenten: laad eerst de referentiedata")
            try:
                cijfers = lees_map(Path(map_), gemeenten)
            except BronFout as e:
                raise CommandError(str(e)) from None
            tellers = bronnen_laad(cijfers, bron=str(map_))
            self.stdout.write(
                "Openbare cijfers: " + ", ".join(f"{v} {k}" for k, v in sorted(tellers.items()))
            )
            return
        self._verevening(options)

    def _verevening(self, options: dict[str, Any]) -> None:
        regio = Regio.objects.filter(code=options["region"]).first()
        if regio is None:
            raise CommandError(f"--region {options['region']!r}: onbekende regio")
        bronnen = kostenbronnen(regio)
        if not bronnen:
            raise CommandError(
                f"{regio.code}: geen openbare cijfers; draai eerst 'scenario bronnen'"
            )
        bron = bronnen[0]
        if options["kosten"]:
            bron = next((b for b in bronnen if b.code == options["kosten"]), None)  # type: ignore[assignment]
            if bron is None:
                keuzes = ", ".join(b.code for b in bronnen)
                raise CommandError(f"--kosten {options['kosten']!r}: kies uit {keuzes}")
        try:
            inst = Instellingen(
                Sleutel(options["sleutel"]),
                lees_getal(options["drempel"], "--drempel"),
                lees_getal(options["pot"], "--pot"),
            )
            invoer = vereveningsinvoer(regio, bron)
            uit = {m: verevenen(m, invoer.gemeenten, inst) for m in Model}
        except (Invoerfout, VereveningFout) as e:
            raise CommandError(str(e)) from None
        for melding in invoer.ontbreekt:
            self.stderr.write(f"let op: {melding}")
        rijen = []
        for i, g in enumerate(invoer.gemeenten):
            rij: dict[str, Any] = {"gemeente": g.code, "naam": g.naam, "jongeren": g.jongeren,
                                   "kosten": euro(g.kosten)}  # fmt: skip
            for m in Model:
                u = uit[m][i]
                rij[m.value] = {"bijdrage": euro(u.bijdrage), "verrekening": euro(u.verrekening),
                                "per_jongere": u.per_jongere}  # fmt: skip
            rijen.append(rij)
        if options["format"] == "json":
            self.stdout.write(json.dumps(
                {"regio": regio.code, "kosten": bron.code, "sleutel": inst.sleutel.value,
                 "drempel_pct": inst.drempel_pct, "pot_pct": inst.pool_pct, "gemeenten": rijen},
                default=str, ensure_ascii=False, indent=1,
            ))  # fmt: skip
            return
        kop = ["gemeentecode", "gemeente", "jongeren_0_17", "kosten_euro"]
        kop += [f"{m.value}_{d}" for m in Model for d in ("bijdrage_euro", "verrekening_euro")]
        data = [
            [r["gemeente"], r["naam"], r["jongeren"], r["kosten"]]
            + [r[m.value][d] for m in Model for d in ("bijdrage", "verrekening")]
            for r in rijen
        ]
        sys.stdout.write(csv_tekst(kop, data))
