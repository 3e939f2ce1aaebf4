# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""jeugdsturing monitor: the indicators per period and dimension (docs/indicatoren.md)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jeugdsturing.core.access import Actie, Scope, Sectie, scope_voor_commando, weigering
from jeugdsturing.monitor.indicatoren import (
    ACHTER,
    DIMENSIES,
    MAANDEN_PER,
    Periode,
    perioden,
)
from jeugdsturing.monitor.labels import kop
from jeugdsturing.monitor.selectors import monitor_data
from jeugdsturing.monitor.service import Monitor, PeriodeNietVast, code_namen
from jeugdsturing.monitor.uitvoer import als_csv, als_json, als_xlsx
from jeugdsturing.regio.models import Regio


def _datum(tekst: str) -> date:
    try:
        return date.fromisoformat(tekst)
    except ValueError as e:
        raise CommandError(f"ongeldige datum {tekst!r}: gebruik JJJJ-MM-DD") from e


def _bereik(tekst: str) -> Periode:
    van, sep, tot = tekst.partition(":")
    if not sep:
        raise CommandError(
            f"--baseline {tekst!r}: gebruik VAN:TOT, bijvoorbeeld 2024-01-01:2024-12-31"
        )
    return Periode(_datum(van), _datum(tot))


class Command(BaseCommand):
    # Reads only: the system checks (which import every view module, Altair and openpyxl)
    # are for the commands that serve or change (docs/performance.md).
    requires_system_checks: list[str] = []
    help = "Indicatoren van de monitor per periode en dimensie (JSON, CSV of Excel)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--region", required=True, help="regiocode, bijvoorbeeld JZ13")
        parser.add_argument("--from", dest="van", required=True, help="eerste dag, JJJJ-MM-DD")
        parser.add_argument("--to", dest="tot", required=True, help="laatste dag, JJJJ-MM-DD")
        parser.add_argument(
            "--by", action="extend", nargs="+", default=[], choices=DIMENSIES,
            help="uitsplitsen naar een of meer dimensies",
        )  # fmt: skip
        parser.add_argument(
            "--per", choices=list(MAANDEN_PER), help="de periode opdelen in maanden, kwartalen, ..."
        )
        parser.add_argument(
            "--compare", action="append", choices=["previous", "baseline"], default=[],
            help="ook de vorige periode van gelijke lengte en/of de nulmeting",
        )  # fmt: skip
        parser.add_argument("--baseline", help="nulmeting VAN:TOT (bij --compare baseline)")
        parser.add_argument("--exact", action="store_true", help="zonder afscherming (teamrollen)")
        parser.add_argument(
            "--detail", choices=sorted(ACHTER),
            help="de gepseudonimiseerde trajecten achter deze indicator (teamrollen)",
        )  # fmt: skip
        parser.add_argument(
            "--filter", action="append", default=[], metavar="DIMENSIE=WAARDE",
            help="bij --detail: alleen deze waarde van een dimensie (herhaalbaar)",
        )  # fmt: skip
        parser.add_argument(
            "--user", help="gebruikersnaam: bepaalt wat u mag zien (zonder: gepubliceerde cijfers)"
        )
        parser.add_argument("--format", choices=["json", "csv", "xlsx"], default="json")
        parser.add_argument("--output", help="bestand (verplicht bij xlsx); anders stdout")

    def handle(self, *args: Any, **opts: Any) -> None:
        try:
            regio = Regio.objects.get(code=opts["region"])
        except Regio.DoesNotExist as e:
            raise CommandError(f"onbekende regio {opts['region']!r}") from e
        van, tot = _datum(opts["van"]), _datum(opts["tot"])
        if tot < van:
            raise CommandError(f"--to {tot} ligt voor --from {van}")
        scope = self._scope(opts)
        if opts["exact"] and not scope.exact:
            raise CommandError(
                f"--exact: {weigering(Sectie.MONITOR, Actie.EXACT)} Geef --user met zo'n rol."
            )
        by: list[str] = list(dict.fromkeys(opts["by"]))
        monitor = Monitor(monitor_data(regio), scope)
        if opts["detail"]:
            self._detail(regio, monitor, Periode(van, tot), opts)
            return
        pp = perioden(van, tot, opts["per"])
        try:
            rijen, velden = self._rijen(monitor, pp, by, opts)
        except PeriodeNietVast as e:
            raise CommandError(f"--from/--to: {e}") from None
        velden += [k for k in rijen[0] if k not in velden] if rijen else []
        titel = f"Monitor {regio.naam} {van:%d-%m-%Y} t/m {tot:%d-%m-%Y}"
        self._schrijf(rijen, velden, opts, titel, code_namen(regio, monitor))

    def _rijen(
        self, monitor: Monitor, pp: list[Periode], by: list[str], opts: dict[str, Any]
    ) -> tuple[list[dict[str, Any]], list[str]]:
        rijen = monitor.rijen(pp, by, exact=opts["exact"])
        velden = ["periode_van", "periode_tot", *by]
        if opts["compare"]:
            for r in rijen:
                r["vergelijking"] = None
            for soort in opts["compare"]:
                if soort == "previous":
                    vergelijk = [p.vorige() for p in pp]
                else:
                    if not opts["baseline"]:
                        raise CommandError("--compare baseline vraagt om --baseline VAN:TOT")
                    vergelijk = [_bereik(opts["baseline"])]
                for p in vergelijk:
                    for r in monitor.rijen([p], by, exact=opts["exact"]):
                        r["vergelijking"] = soort
                        rijen.append(r)
            velden.append("vergelijking")
        return rijen, velden

    def _scope(self, opts: dict[str, Any]) -> Scope:
        """Without --user: published figures for the whole region. With --user: what
        that user may see, if the policy lets the user export the monitor (and see
        exact figures, for --exact and --detail)."""
        naam = opts["user"]
        if naam is None:
            return Scope.publiek()
        eisen = [(Actie.EXPORTEREN, f"--user {naam}")]
        if opts["detail"]:
            eisen.insert(0, (Actie.EXACT, "--detail toont trajecten"))
        elif opts["exact"]:
            eisen.insert(0, (Actie.EXACT, "--exact"))
        return scope_voor_commando(naam, Sectie.MONITOR, *eisen)

    def _detail(
        self, regio: Regio, monitor: Monitor, periode: Periode, opts: dict[str, Any]
    ) -> None:
        if not monitor.scope.exact:
            raise CommandError(
                f"--detail toont trajecten: {weigering(Sectie.MONITOR, Actie.EXACT)} "
                "Geef --user met zo'n rol."
            )
        filters: dict[str, str | None] = {}
        for f in opts["filter"]:
            dim, sep, waarde = f.partition("=")
            if not sep or dim not in DIMENSIES:
                raise CommandError(
                    f"--filter {f!r}: gebruik DIMENSIE=WAARDE met een dimensie uit "
                    f"{', '.join(DIMENSIES)}"
                )
            filters[dim] = waarde or None
        frame = monitor.detail(periode, opts["detail"], filters)
        rijen = frame.to_dicts()
        titel = f"Trajecten achter {kop(opts['detail'])}"
        self._schrijf(rijen, frame.columns, opts, titel, code_namen(regio, monitor))

    def _schrijf(
        self,
        rijen: list[dict[str, Any]],
        velden: list[str],
        opts: dict[str, Any],
        titel: str,
        namen: dict[str, dict[str, str]],
    ) -> None:
        if opts["format"] == "xlsx":
            if not opts["output"]:
                raise CommandError("--format xlsx schrijft een bestand: geef --output PAD.xlsx")
            Path(opts["output"]).write_bytes(als_xlsx(rijen, velden, titel, namen))
            self.stderr.write(f"{len(rijen)} rijen naar {opts['output']}")
            return
        tekst = als_json(rijen) if opts["format"] == "json" else als_csv(rijen, velden, namen)
        if opts["output"]:
            Path(opts["output"]).write_text(
                tekst + ("\n" if opts["format"] == "json" else ""), encoding="utf-8"
            )
        else:
            self.stdout.write(tekst, ending="\n" if opts["format"] == "json" else "")
