# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""jeugdsturing scenario bronnen [--dir ../shared/data]: load the public figures;
jeugdsturing scenario verevening --region JZ18 --kosten realisatie-2023 [--sleutel ...]
[--format json|csv]: the five equalisation models; jeugdsturing scenario projectie
--region JZ06 [--gemeente 0361] [--scenario NAAM]: the cost projection (docs/scenario.md)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from jeugdsturing.regio.models import Gemeente, Regio
from jeugdsturing.scenario.bronnen import BronFout, lees_map
from jeugdsturing.scenario.models import Kostenscenario
from jeugdsturing.scenario.projectie import (
    Effect,
    ProjectieFout,
    aannames_lezen,
    omslagjaar,
    projecteer,
    standaard_aannames,
)
from jeugdsturing.scenario.selectors import kostenbronnen, projectiebasis, vereveningsinvoer
from jeugdsturing.scenario.services import bronnen_laad
from jeugdsturing.scenario.verevening import (
    Instellingen,
    Model,
    Sleutel,
    VereveningFout,
    model_kolom,
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
        p = sub.add_parser("projectie", help="de kostenprojectie met de zes effecten")
        p.add_argument("--region", required=True, help="regiocode, bijvoorbeeld JZ06")
        p.add_argument("--gemeente", help="CBS-code van een gemeente; zonder: de hele regio")
        p.add_argument("--scenario", help="naam van een bewaard scenario; zonder: de standaard")
        p.add_argument("--format", choices=["json", "csv"], default="json")

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
        if options["actie"] == "projectie":
            self._projectie(options)
            return
        self._verevening(options)

    def _projectie(self, options: dict[str, Any]) -> None:
        regio = Regio.objects.filter(code=options["region"]).first()
        if regio is None:
            raise CommandError(f"--region {options['region']!r}: onbekende regio")
        gemeente = None
        if options["gemeente"]:
            gemeente = regio.gemeenten.filter(code=options["gemeente"]).first()
            if gemeente is None:
                raise CommandError(
                    f"--gemeente {options['gemeente']!r}: geen gemeente van {regio.naam}"
                )
        naam, _, jaren = standaard_aannames()
        if options["scenario"]:
            s = Kostenscenario.objects.filter(regio=regio, naam=options["scenario"]).first()
            if s is None:
                raise CommandError(f"--scenario {options['scenario']!r}: onbekend scenario")
            naam = s.naam
            try:
                jaren = aannames_lezen(s.aannames, s.naam)
            except ProjectieFout as e:
                raise CommandError(str(e)) from None
        pb = projectiebasis(regio, gemeente)
        if pb.basis is None:
            raise CommandError("geen basis voor een projectie: " + "; ".join(pb.ontbreekt))
        b = pb.basis
        uit = projecteer(b, {j: a for j, a in jaren.items() if j > b.jaar})
        rijen: list[dict[str, Any]] = [
            {
                "jaar": j,
                "soort": "gerealiseerd",
                "totaal": euro(w),
                "begroot": euro(pb.begroot.get(j)),
            }
            for j, w in sorted(pb.gerealiseerd.items())
        ]
        for p in uit:
            rij: dict[str, Any] = {"jaar": p.jaar, "soort": "projectie", "trend": euro(p.trend)}
            rij |= {e.value: euro(p.effecten[e]) for e in Effect}
            rij |= {"totaal": euro(p.totaal), "begroot": euro(pb.begroot.get(p.jaar))}
            rijen.append(rij)
        if options["format"] == "json":
            self.stdout.write(json.dumps(
                {"regio": regio.code, "gemeente": gemeente.code if gemeente else None,
                 "scenario": naam, "basisjaar": b.jaar, "omslagjaar": omslagjaar(b, uit),
                 "jaren": rijen},
                default=str, ensure_ascii=False, indent=1,
            ))  # fmt: skip
            return
        kop = ["jaar", "soort", "trend", *[e.value for e in Effect], "totaal", "begroot"]
        sys.stdout.write(csv_tekst([f"{k}_euro" if k not in ("jaar", "soort") else k for k in kop],
                                   [[r.get(k) for k in kop] for r in rijen]))  # fmt: skip

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
        kop = ["gemeentecode", "gemeente", "jongeren 0-17", "kosten (euro)"]
        kop += [model_kolom(m, d) for m in Model for d in ("bijdrage", "verrekening")]
        data = [
            [r["gemeente"], r["naam"], r["jongeren"], r["kosten"]]
            + [r[m.value][d] for m in Model for d in ("bijdrage", "verrekening")]
            for r in rijen
        ]
        sys.stdout.write(csv_tekst(kop, data))
