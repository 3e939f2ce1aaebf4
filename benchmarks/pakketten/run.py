# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Benchmark: all PD1 packs of the demo region for one steering moment as PDF, the way
the team makes them: `jeugdsturing sturing pakketten --region JZ13 --moment 2027-06
--soort pd1 --format pdf` (read the data, make a new frozen version of every pack with
its differences, render each to PDF). Goal (issue 21): 20 packs in under 60 s on the
2-core machine.

    python benchmarks/pakketten/run.py [--db var/jeugdsturing.sqlite3] [--moment 2027-06]

The database is the demo (`make demo`, or `jeugdsturing demo load`); the benchmark works
on a copy, so the demo keeps its versions. Reference, measured in the same run on the
same packs: WeasyPrint alone turning the packs' finished HTML into PDF (the floor no
change to our code can go below). Printed: seconds in all, per pack, the projection to
20 packs, and the share of the time the reference takes; docs/performance.md records
the results."""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]

REFERENTIE = """
import json, sys, time
import django
django.setup()
from django.template.loader import render_to_string
from jeugdsturing.sturing.models import Pakketversie
from jeugdsturing.sturing.pakket.uitvoer import context
from jeugdsturing.weergave.pdf import pdf
laatste = {}
soorten = sys.argv[2].split(",")
for v in Pakketversie.objects.filter(pakket__moment=sys.argv[1], pakket__soort__in=soorten):
    if v.pakket_id not in laatste or v.nummer > laatste[v.pakket_id].nummer:
        laatste[v.pakket_id] = v
htmls = [render_to_string("sturing/pakket/pdf.html", {**context(v, gedeeld=True, duidingen={}),
         "pdf": True}) for v in laatste.values()]
pdf(htmls[0])  # fonts loaded once, as in the command
start = time.perf_counter()
for h in htmls:
    pdf(h)
print(json.dumps({"pakketten": len(htmls), "seconden": time.perf_counter() - start}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    ap.add_argument("--db", type=Path, default=ROOT / "var" / "jeugdsturing.sqlite3")
    ap.add_argument("--moment", default="2027-06")
    ap.add_argument("--regio", default="JZ13")
    ap.add_argument("--alle", action="store_true", help="ook de PD2-pakketten")
    args = ap.parse_args()
    if not args.db.exists():
        sys.exit(
            f"{args.db} bestaat niet: maak eerst de demo (make demo of jeugdsturing demo load)"
        )
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "db.sqlite3"
        shutil.copy(args.db, db)
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}", "DEBUG": "1",
               "DJANGO_SETTINGS_MODULE": "jeugdsturing.settings"}  # fmt: skip
        uit = Path(tmp) / "pdf"
        start = time.perf_counter()
        proces = subprocess.run(  # noqa: S603
            [sys.executable, "-m", "jeugdsturing", "sturing", "pakketten", "--region", args.regio,
             "--moment", args.moment, *([] if args.alle else ["--soort", "pd1"]), "--format",
             "pdf", "--out", str(uit), "--geen-voortgang"],
            env=env, cwd=ROOT, check=True, capture_output=True, text=True,
        )  # fmt: skip
        totaal = time.perf_counter() - start
        samenvatting = json.loads(proces.stdout.strip().splitlines()[-1])
        n = samenvatting["pakketten"]
        paginas = sum(len(PdfReader(p).pages) for p in uit.glob("*.pdf"))
        ref = subprocess.run(  # noqa: S603
            [sys.executable, "-c", REFERENTIE, f"{args.moment}-01",
             "pd1,pd2_thema,pd2_opdracht,pd2_gebied" if args.alle else "pd1"],
            env=env, cwd=ROOT, check=True, capture_output=True, text=True,
        )  # fmt: skip
        referentie = json.loads(ref.stdout.strip().splitlines()[-1])
    uitkomst = {
        "machine": f"{platform.machine()}, {os.cpu_count()} kernen",
        "moment": args.moment, "pakketten": n, "paginas_pdf": paginas or None,
        "seconden_opdracht": round(totaal, 1),
        "seconden_in_opdracht": samenvatting["seconden"],
        "seconden_per_pakket": round(totaal / n, 2),
        "projectie_20_pakketten": round(totaal / n * 20, 1),
        "referentie_weasyprint_s": round(referentie["seconden"], 1),
        "aandeel_weasyprint": round(referentie["seconden"] / totaal, 2),
        "doel_20_onder_60s": totaal / n * 20 < 60,
    }  # fmt: skip
    print(json.dumps(uitkomst, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
