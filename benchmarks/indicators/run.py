# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Benchmark: the full indicator set per provider per month for one year, with
(a) our engine (Polars, src/jeugdsturing/monitor/indicatoren.py), (b) the hand-written
DuckDB SQL reference (referentie_duckdb.py) and (c) a straightforward pandas version
(referentie_pandas.py); all three must agree exactly (vergelijk.py).

    python benchmarks/indicators/run.py --db PATH.sqlite3 [--year 2025] [--copies 1 20]
    python benchmarks/indicators/run.py --build DIR        # simulate + import first

Data: simulated iJw traffic of the demo region (JZ13) imported by `jeugdsturing ijw
import`; --build makes it (scale 1.0, 2022-01-01 to 2027-01-31: about 1.25M product
lines, 20 minutes). The trajectories are extracted once to Parquet next to the database.
"About 20M product lines" is that region 16 times over (--copies 16): every copy gets its
own client pseudonyms and trajectory ids, so nothing is shared between copies.

Each implementation runs in its own process (so peak memory is its own): load the
frames, compute once to warm up, then the best of --repeat timed runs; --rounds such
processes per implementation, taking turns, and the fastest counts. Printed: seconds,
peak RSS, ratios to the engine; docs/performance.md records the results."""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

import polars as pl  # noqa: E402

from benchmarks.indicators import referentie_duckdb, referentie_pandas  # noqa: E402
from benchmarks.indicators.vergelijk import verschillen  # noqa: E402
from jeugdsturing.monitor.indicatoren import bereken, perioden  # noqa: E402
from jeugdsturing.monitor.werkdagen import feestdagen_tussen  # noqa: E402

EXTRACT = """
import json, sys
from django.db.models import Sum
from jeugdsturing.berichten.models import Bericht
from jeugdsturing.monitor.selectors import monitor_data
from jeugdsturing.regio.models import Regio
regio = Regio.objects.get(code=sys.argv[1])
d = monitor_data(regio)
d.trajecten.write_parquet(sys.argv[2] + "/trajecten.parquet")
d.verlengingen.write_parquet(sys.argv[2] + "/verlengingen.parquet")
meta = {"jongeren": int(d.bevolking["jongeren_0_17"].sum()),
        "productregels": Bericht.objects.aggregate(s=Sum("regels"))["s"] or 0}
open(sys.argv[2] + "/meta.json", "w").write(json.dumps(meta))
"""


def jeugdsturing(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "-m", "jeugdsturing", *args], env=env, cwd=ROOT, check=True)  # noqa: S603


def build(map_: Path) -> Path:
    """Simulate the demo region at scale 1.0 and import it into a fresh SQLite file."""
    map_.mkdir(parents=True, exist_ok=True)
    db = map_ / "db.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}", "DEBUG": "1"}
    for args in (("migrate", "-v0"), ("reference", "load"), ("region", "configure")):
        jeugdsturing(env, *args)
    sim = str(map_ / "sim")
    jeugdsturing(env, "ijw", "simulate", "--region", "JZ13", "--from", "2022-01-01",
                 "--to", "2027-01-31", "--seed", "1", "--scale", "1.0", "--out", sim)  # fmt: skip
    jeugdsturing(env, "ijw", "import", str(map_ / "sim"), "--geen-voortgang", "--json")
    return db


def extract(db: Path, regio: str) -> Path:
    cache = db.parent / f"monitor-{regio}"
    if (cache / "meta.json").exists():
        return cache
    cache.mkdir(exist_ok=True)
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{db}",
        "DJANGO_SETTINGS_MODULE": "jeugdsturing.settings",
    }
    code = "import django; django.setup()\n" + EXTRACT
    subprocess.run([sys.executable, "-c", code, regio, str(cache)], env=env, cwd=ROOT, check=True)  # noqa: S603
    return cache


def laad(cache: Path, copies: int) -> tuple[pl.DataFrame, pl.DataFrame, int]:
    t = pl.read_parquet(cache / "trajecten.parquet")
    v = pl.read_parquet(cache / "verlengingen.parquet")
    jongeren = json.loads((cache / "meta.json").read_text())["jongeren"]
    if copies == 1:
        return t, v, jongeren
    stap = int(t["id"].max() or 0) + 1
    ts = [
        t.with_columns(pl.col("id") + i * stap, pl.col("client") + f"~{i}") for i in range(copies)
    ]
    vs = [v.with_columns(pl.col("id") + i * stap) for i in range(copies)]
    return pl.concat(ts, rechunk=True), pl.concat(vs, rechunk=True), jongeren * copies


def meet(cache: Path, copies: int, impl: str, jaar: int, repeat: int, out: Path) -> None:
    """One implementation in this process: prints a JSON line with its measurements."""
    t, v, jongeren = laad(cache, copies)
    rss_geladen = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    pp = perioden(date(jaar, 1, 1), date(jaar, 12, 31), "maand")
    feest = feestdagen_tussen(date(jaar - 50, 1, 1), date(jaar + 50, 12, 31))
    bevolking = pl.DataFrame({"gemeente": ["alle"], "jongeren_0_17": [jongeren]})

    def run() -> pl.DataFrame:
        if impl == "engine":
            return bereken(t, v, pp, ["aanbieder"], bevolking=bevolking, afronden=False)
        if impl == "duckdb":
            return referentie_duckdb.bereken(t, v, pp, feest, jongeren)
        return referentie_pandas.bereken(t, v, pp, feest, jongeren)

    tijden = []
    uitkomst = run()  # warm-up (and the result compared)
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        tijden.append(time.perf_counter() - start)
    uitkomst.write_parquet(out)
    print(json.dumps({
        "impl": impl, "copies": copies, "trajecten": t.height, "seconden": min(tijden),
        "piek_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "geladen_mb": rss_geladen, "rijen": uitkomst.height,
    }))  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--db", type=Path, help="SQLite database with imported simulated traffic")
    ap.add_argument("--build", type=Path, help="simulate and import into this folder first")
    ap.add_argument("--region", default="JZ13")
    ap.add_argument("--year", type=int, default=2025)
    ap.add_argument("--copies", type=int, nargs="+", default=[1, 16])
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per process")
    ap.add_argument("--rounds", type=int, default=3, help="processes per implementation")
    ap.add_argument("--pandas-max-copies", type=int, default=1, help="pandas only up to this size")
    ap.add_argument("--measure", nargs=3, metavar=("IMPL", "COPIES", "OUT"), help=argparse.SUPPRESS)
    ap.add_argument("--cache", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.measure:
        meet(a.cache, int(a.measure[1]), a.measure[0], a.year, a.repeat, Path(a.measure[2]))
        return
    db = a.db if a.db else build(a.build) if a.build else None
    if db is None:
        ap.error("geef --db of --build")
    cache = extract(db, a.region)
    regels = json.loads((cache / "meta.json").read_text())["productregels"]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, polars {pl.__version__}, "
          f"duckdb {referentie_duckdb.duckdb.__version__}, "
          f"pandas {referentie_pandas.pd.__version__}")  # fmt: skip
    print(f"data: {db} ({regels:,} product lines), year {a.year}, per provider per month\n")
    for copies in a.copies:
        uitslagen: dict[str, dict[str, float]] = {}
        impls = ["engine", "duckdb"] + (["pandas"] if copies <= a.pandas_max_copies else [])
        # Rounds take turns between the implementations, so a slow spell of this shared
        # machine hits all of them; per implementation the fastest round counts.
        for _ in range(a.rounds):
            for impl in impls:
                out = cache / f"uitkomst-{impl}-{copies}.parquet"
                proc = subprocess.run(  # noqa: S603
                    [sys.executable, __file__, "--cache", str(cache), "--year", str(a.year),
                     "--repeat", str(a.repeat), "--measure", impl, str(copies), str(out)],
                    check=True, capture_output=True, text=True,
                )  # fmt: skip
                meting = json.loads(proc.stdout.strip().splitlines()[-1])
                vorige = uitslagen.get(impl)
                if vorige is None or meting["seconden"] < vorige["seconden"]:
                    if vorige is not None:
                        meting["piek_mb"] = max(meting["piek_mb"], vorige["piek_mb"])
                    uitslagen[impl] = meting
                elif vorige is not None:
                    vorige["piek_mb"] = max(meting["piek_mb"], vorige["piek_mb"])
        engine = pl.read_parquet(cache / f"uitkomst-engine-{copies}.parquet")
        fouten = []
        for impl in impls[1:]:
            fouten += verschillen(
                engine, pl.read_parquet(cache / f"uitkomst-{impl}-{copies}.parquet"), impl
            )
        e = uitslagen["engine"]
        kopie = "copy" if copies == 1 else "copies"
        print(f"== {regels * copies:,} product lines ({e['trajecten']:,} trajectories, "
              f"{copies} {kopie}), {e['rijen']} result rows")  # fmt: skip
        print(
            f"{'implementation':<16}{'seconds':>10}{'peak MB':>10}{'loaded MB':>11}{'x engine':>10}"
        )
        for impl, u in uitslagen.items():
            print(f"{impl:<16}{u['seconden']:>10.3f}{u['piek_mb']:>10.0f}{u['geladen_mb']:>11.0f}"
                  f"{u['seconden'] / e['seconden']:>10.2f}")  # fmt: skip
        print(
            "agreement: "
            + ("all implementations agree exactly" if not fouten else f"{len(fouten)} differences")
        )
        for f in fouten[:10]:
            print("  " + f)
        print()
        if fouten:
            sys.exit(1)


if __name__ == "__main__":
    main()
