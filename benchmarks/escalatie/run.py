# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Benchmark and check on the demo: the signal rules of the demo region at a date, how
long their evaluation takes, and whom they flag (issue 22: the simulator's two weaker
providers, AGB ending 0005 and 0010, and no more than one other at the 99.8% limit).

    python benchmarks/escalatie/run.py [--db var/jeugdsturing.sqlite3] [--as-of 2027-12-31]

Reads only (the evaluation without recording). Reference, measured in the same run: the
indicator engine computing all its indicators per provider for the same twelve months
(Monitor.frame), the monitor's own figures behind the measures. Printed: the seconds of
each, their ratio, and per rule the units at the 95% and 99.8% limits; docs/escalatie.md
records the results."""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ZWAK = ("0005", "0010")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    ap.add_argument("--db", type=Path, default=ROOT / "var" / "jeugdsturing.sqlite3")
    ap.add_argument("--as-of", default="2027-12-31")
    ap.add_argument("--herhaal", type=int, default=5)
    args = ap.parse_args()
    if not args.db.exists():
        sys.exit(f"{args.db}: geen database; draai eerst make demo")
    os.environ["DATABASE_URL"] = f"sqlite:///{args.db.resolve()}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jeugdsturing.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from jeugdsturing.core.access import Scope
    from jeugdsturing.escalatie.config import STANDAARD, lees_escalatie
    from jeugdsturing.escalatie.evaluatie import Regel, evalueer, rule_punten
    from jeugdsturing.monitor.service import regio_monitor
    from jeugdsturing.monitor.vergelijking import venster
    from jeugdsturing.regio.models import Regio

    peil = date.fromisoformat(args.as_of)
    regio = Regio.objects.get(code="JZ13")
    monitor = regio_monitor(regio, Scope.beheer())  # frames read once, as in the process
    # The default rules as the file gives them (the database may hold edited ones).
    regels = [
        Regel(r.code, r.naam, r.maatstaf, r.groepering, r.vergelijking,  # type: ignore[arg-type]
              r.minimum_volume, r.niveau, r.periode_maanden)
        for r in lees_escalatie(STANDAARD).regels
    ]  # fmt: skip

    def beste(f: object) -> float:
        tijden = []
        for _ in range(args.herhaal):
            start = time.perf_counter()
            f()  # type: ignore[operator]
            tijden.append(time.perf_counter() - start)
        return min(tijden)

    jaar = venster(peil, 12)
    referentie = beste(lambda: monitor.frame([jaar], ["aanbieder"]))
    evaluatie = beste(lambda: evalueer(monitor, regels, peil, sinds_bekend=lambda r, p: peil))
    met_sinds = beste(lambda: evalueer(monitor, regels, peil))

    rijen = []
    tel = {"zwak": [0, 0, 0], "ander": [0, 0, 0]}  # tests, outside 95%, outside 99.8%
    for regel in regels:
        for p in rule_punten(monitor, regel, peil):
            wie = "zwak" if p.aanbieder.endswith(ZWAK) else "ander"
            tel[wie][0] += 1
            tel[wie][1] += p.niveau.value != "binnen"
            tel[wie][2] += p.niveau.value == "99,8"
            if p.niveau.value != "binnen":
                rijen.append({
                    "regel": regel.code, "aanbieder": p.aanbieder, "niveau": p.niveau.value,
                    "waarde": round(p.waarde, 3), "doel": round(p.grenzen.doel, 3),
                    "volume": p.volume,
                })  # fmt: skip
    toetsen, buiten95, buiten998 = tel["ander"]
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(json.dumps({
        "machine": machine,
        "peildatum": peil.isoformat(), "trajecten": monitor.verrijkt.height,
        "referentie_engine_per_aanbieder_s": round(referentie, 3),
        "evaluatie_zes_regels_s": round(evaluatie, 3),
        "evaluatie_met_sinds_s": round(met_sinds, 3),
        "verhouding_evaluatie_referentie": round(evaluatie / referentie, 1),
        "zwakke_aanbieders": {"toetsen": tel["zwak"][0], "buiten_95": tel["zwak"][1],
                              "buiten_99_8": tel["zwak"][2]},
        "andere_aanbieders": {
            "toetsen": toetsen, "buiten_95": buiten95, "buiten_99_8": buiten998,
            "vals_alarm_95_pct": round(100 * buiten95 / max(1, toetsen), 1),
            "vals_alarm_99_8_pct": round(100 * buiten998 / max(1, toetsen), 1),
        },
        "buiten_de_grenzen": rijen,
    }, ensure_ascii=False, indent=1))  # fmt: skip
    geflagd = {r["aanbieder"][-4:] for r in rijen if r["niveau"] == "99,8"}
    andere = geflagd - set(ZWAK)
    ok = set(ZWAK) <= geflagd and len(andere) <= 1
    print(f"zwakke aanbieders gevlagd: {sorted(set(ZWAK) & geflagd)}; andere op 99,8%: "
          f"{sorted(andere) or 'geen'}; {'voldoet' if ok else 'VOLDOET NIET'}")  # fmt: skip
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
