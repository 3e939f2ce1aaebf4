# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""jeugdsturing contracten lumpsum | forecast | backtest (docs/contracten.md)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jeugdsturing.contracten.backtest import backtest
from jeugdsturing.contracten.iv3 import Iv3Regel, begroting_vs_realisatie
from jeugdsturing.contracten.jaarprognose import backtest_jaren, prognose_rijen
from jeugdsturing.contracten.prognose import METHODEN
from jeugdsturing.contracten.selectors import (
    claims_frame,
    lumpsum_rijen,
    realisatie_rijen,
    regionale_tarieven,
    trajecten_frame,
)
from jeugdsturing.core.access import Actie, Scope, Sectie, scope_voor_commando
from jeugdsturing.regio.models import Regio

GEBRUIKER = (
    "gebruikersnaam: alleen wat die gebruiker mag zien (zonder: alles, voor de beheerder "
    "van de server)"
)

REALISATIE_VELDEN = [
    "aanbieder", "gemeente", "product", "maand", "gedeclareerd_eurocent", "afgewezen_eurocent",
    "goedgekeurd_eurocent",
]  # fmt: skip
LUMPSUM_VELDEN = ["aanbieder", "gemeente", "thema", "bedrag_eurocent"]
FORECAST_VELDEN = [
    "aanbieder", "gemeente", "gerealiseerd_eurocent", "prognose_eurocent", "onder_eurocent",
    "boven_eurocent", "budget_eurocent", "methode",
]  # fmt: skip


class Command(BaseCommand):
    # Reads only (the forecast and backtest it keeps are derived, per data version): no
    # system checks, which import every view module (docs/performance.md).
    requires_system_checks: list[str] = []
    help = "Lumpsums, jaarprognoses en de backtest van de prognosemethoden."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="actie", required=True)
        ls = sub.add_parser("lumpsum", help="lumpsumbijdragen per aanbieder, gemeente en thema")
        ls.add_argument("--region", required=True)
        ls.add_argument("--year", type=int, required=True)
        ls.add_argument("--format", choices=["json", "csv"], default="json")
        ls.add_argument("--user", help=GEBRUIKER)
        fc = sub.add_parser("forecast", help="jaarprognose per aanbieder en gemeente")
        fc.add_argument("--region", required=True)
        fc.add_argument("--year", type=int, required=True)
        fc.add_argument("--month", type=int, required=True, choices=range(1, 13))
        fc.add_argument("--format", choices=["json", "csv"], default="json")
        fc.add_argument("--user", help=GEBRUIKER)
        bt = sub.add_parser("backtest", help="fout van elke prognosemethode op eerdere jaren")
        bt.add_argument("--region", required=True)
        bt.add_argument("--years", required=True, help="bijvoorbeeld 2025-2027")
        bt.add_argument("--format", choices=["json", "markdown"], default="markdown")
        rl = sub.add_parser(
            "realisatie", help="PxQ-realisatie per maand, aanbieder, gemeente, product"
        )
        rl.add_argument("--region", required=True)
        rl.add_argument("--year", type=int, required=True)
        rl.add_argument("--format", choices=["json", "csv"], default="csv")
        rl.add_argument("--user", help=GEBRUIKER)
        iv = sub.add_parser(
            "iv3", help="controle: begroting en realisatie jeugd per gemeente (Iv3)"
        )
        iv.add_argument("--region", required=True)
        iv.add_argument("--year", type=int, default=2023)
        iv.add_argument("--dir", required=True, help="map met iv3_jeugd_JAAR_*.csv (../shared)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            regio = Regio.objects.get(code=options["region"])
        except Regio.DoesNotExist:
            raise CommandError(f"Regio '{options['region']}' bestaat niet.") from None
        actie = options["actie"]
        scope = (
            scope_voor_commando(
                options["user"], Sectie.CONTRACTEN, (Actie.EXPORTEREN, f"--user {options['user']}")
            )
            if options.get("user")
            else Scope.beheer()
        )
        if actie == "lumpsum":
            rows = [
                {k: r[k] for k in LUMPSUM_VELDEN}
                for r in lumpsum_rijen(regio, options["year"], scope=scope)
            ]
            self._schrijf(rows, LUMPSUM_VELDEN, options["format"])
        elif actie == "forecast":
            rows, _ = prognose_rijen(regio, options["year"], options["month"], scope=scope)
            self._schrijf(rows, FORECAST_VELDEN, options["format"])
        elif actie == "realisatie":
            rows = realisatie_rijen(regio, options["year"], scope=scope)
            self._schrijf(rows, REALISATIE_VELDEN, options["format"])
        elif actie == "iv3":
            self._iv3(regio, options["year"], Path(options["dir"]))
        else:
            self._backtest(regio, options["years"], options["format"])

    def _iv3(self, regio: Regio, jaar: int, map_: Path) -> None:
        try:
            b = (map_ / f"iv3_jeugd_{jaar}_begroting.csv").read_text(encoding="utf-8")
            j = (map_ / f"iv3_jeugd_{jaar}_jaarrekening.csv").read_text(encoding="utf-8")
        except OSError as e:
            raise CommandError(f"Iv3-bestand niet leesbaar: {e}") from None
        namen = list(regio.gemeenten.values_list("naam", flat=True))
        rijen = begroting_vs_realisatie(b, j, namen)
        self.stdout.write(f"| gemeente | begroot {jaar} (x € 1.000) | gerealiseerd | verschil |")
        self.stdout.write("|---|---|---|---|")
        for r in [*rijen, Iv3Regel("Totaal", sum(x.begroot_duizend for x in rijen),
                                    sum(x.gerealiseerd_duizend for x in rijen))]:  # fmt: skip
            v = "–" if r.verschil_pct is None else f"{r.verschil_pct:+.1f}%".replace(".", ",")
            b_ = f"{r.begroot_duizend:,.0f}".replace(",", ".")
            g_ = f"{r.gerealiseerd_duizend:,.0f}".replace(",", ".")
            self.stdout.write(f"| {r.gemeente} | {b_} | {g_} | {v} |")

    def _schrijf(self, rows: list[dict[str, Any]], velden: list[str], fmt: str) -> None:
        if fmt == "json":
            self.stdout.write(json.dumps(rows, ensure_ascii=False))
            return
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=velden, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
        self.stdout.write(buf.getvalue(), ending="")

    def _backtest(self, regio: Regio, jaren: str, fmt: str) -> None:
        try:
            van, _, tot = jaren.partition("-")
            reeks = list(range(int(van), int(tot or van) + 1))
        except ValueError:
            raise CommandError(f"--years '{jaren}': verwacht bijvoorbeeld 2025-2027") from None
        claims = claims_frame(regio, reeks[-1])
        bruikbaar = set(backtest_jaren(claims, reeks[-1] + 1, terug=len(reeks)))
        overgeslagen = [j for j in reeks if j not in bruikbaar]
        if overgeslagen:
            self.stderr.write(
                f"Overgeslagen (geen volledig voorafgaand jaar met declaraties): {overgeslagen}"
            )
        jaren_ok = [j for j in reeks if j in bruikbaar]
        if not jaren_ok:
            raise CommandError("Geen jaar om te backtesten.")
        tarieven = regionale_tarieven(regio, date(jaren_ok[-1], 7, 1))
        uitslag = backtest(claims, trajecten_frame(regio), tarieven, jaren_ok)
        tabel = uitslag.tabel()
        if fmt == "json":
            self.stdout.write(
                json.dumps(
                    {
                        "jaren": jaren_ok,
                        "aanbieders": uitslag.aantallen,
                        "rijen": tabel,
                        "ruisvloer": uitslag.ruisvloer,
                    }
                )
            )
            return
        self.stdout.write(
            f"Backtest {regio.code}, jaren {', '.join(map(str, jaren_ok))} "
            f"(aanbieders per maand: {uitslag.aantallen})\n"
        )
        self.stdout.write(
            "| maand | methode | MAPE aanbieders | MAPE aanbieder x gemeente | t.o.v. naïef "
            "| dekking 80%-interval |\n|---|---|---|---|---|---|"
        )
        for r in tabel:
            self.stdout.write(
                f"| {r['maand']} | {r['methode']} | {_pct(r['mape_aanbieder'])} "
                f"| {_pct(r['mape_aanbieder_gemeente'])} | {_x(r['ten_opzichte_van_naief'])} "
                f"| {_pct(r['dekking_interval_80'])} |"
            )
            maand = r["maand"]
            if r["methode"] == METHODEN[-1] and isinstance(maand, int):
                # The error chance alone causes: no method gets below it on average.
                vloer = uitslag.ruisvloer.get(maand)
                naief = uitslag.mape_aanbieder.get(("naief", maand))
                if vloer is None:
                    continue
                self.stdout.write(
                    f"| {maand} | ruisvloer (toeval) | {_pct(vloer)} | – "
                    f"| {_x(vloer / naief if naief else None)} | – |"
                )


def _pct(v: object) -> str:
    return "–" if v is None else f"{float(v) * 100:.1f}%".replace(".", ",")  # type: ignore[arg-type]


def _x(v: object) -> str:
    return "–" if v is None else f"{float(v):.2f}".replace(".", ",")  # type: ignore[arg-type]
