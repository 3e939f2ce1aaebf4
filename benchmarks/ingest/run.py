# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Benchmark: ingest of simulated iJw traffic against plain lxml parse + XSD validation.

    python benchmarks/ingest/run.py --scale 1.0 [--pg postgres://...]

Simulates the demo region's traffic (JZ13; --scale 1.0 over 2026-2027 is about 1M
product lines), then measures in one run on this machine:
  (a) the reference: every message read from the zips, lxml parse + XSD validation;
  (b) `jeugdsturing ijw import` into a fresh SQLite database, XSD layer on;
  (c) the same into PostgreSQL when --pg is given (its berichten tables are emptied).
It prints times, throughput and the ratio reference/import; docs/performance.md
records the results. DEBUG is off, as in production."""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
TELLING = (
    "from django.db.models import Sum; from jeugdsturing.berichten.models import Bericht as B;"
    "print(B.objects.count(), B.objects.aggregate(s=Sum('regels'))['s'])"
)


def jeugdsturing(env: dict[str, str], *args: str, output: bool = False) -> str:
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "jeugdsturing", *args],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout if output else ""


def timed(env: dict[str, str], *args: str) -> float:
    start = time.perf_counter()
    jeugdsturing(env, *args)
    return time.perf_counter() - start


def nieuwe_database(env: dict[str, str]) -> None:
    for args in (("migrate", "-v0"), ("reference", "load"), ("region", "configure")):
        jeugdsturing(env, *args)


def reference(sim: Path, xsd: Path) -> tuple[float, int]:
    schemas: dict[str, etree.XMLSchema] = {}
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    n = 0
    start = time.perf_counter()
    for path in sorted(sim.glob("*.zip")):
        with zipfile.ZipFile(path) as z:
            for name in sorted(z.namelist()):
                code = name.rsplit("_", 1)[-1][:5]
                if code not in schemas:
                    schemas[code] = etree.XMLSchema(etree.parse(str(xsd / f"{code}.xsd")))
                if not schemas[code].validate(etree.fromstring(z.read(name), parser=parser)):
                    raise SystemExit(f"{name} is not valid")
                n += 1
    return time.perf_counter() - start, n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--van", default="2026-01-01")
    ap.add_argument("--tot", default="2027-12-31")
    ap.add_argument(
        "--pg", help="PostgreSQL URL of a database whose berichten tables may be emptied"
    )
    ap.add_argument("--xsd", type=Path, default=ROOT.parent / "shared" / "ijw" / "xsd")
    ap.add_argument("--workdir", type=Path)
    args = ap.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="jeugdsturing-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    sim = work / f"sim-{args.scale:g}"
    base = {**os.environ, "IJW_XSD_DIR": str(args.xsd)}
    base.pop("DEBUG", None)

    if not any(sim.glob("*.zip")):
        env = {**base, "DATABASE_URL": f"sqlite:///{work / 'setup.sqlite3'}"}
        nieuwe_database(env)
        t_sim = timed(
            env, "ijw", "simulate", "--region", "JZ13", "--from", args.van, "--to", args.tot,
            "--seed", "1", "--scale", str(args.scale), "--out", str(sim),
        )  # fmt: skip
        print(f"simulatie: {t_sim:.1f} s")

    t_ref, n_ref = reference(sim, args.xsd)
    print(f"referentie (lxml parse + XSD): {n_ref} berichten in {t_ref:.1f} s")

    targets = [("SQLite", f"sqlite:///{work / 'bench.sqlite3'}")]
    if args.pg:
        targets.append(("PostgreSQL", args.pg))
    for label, url in targets:
        env = {**base, "DATABASE_URL": url}
        if label == "SQLite":
            for suffix in ("", "-wal", "-shm"):
                Path(str(work / "bench.sqlite3") + suffix).unlink(missing_ok=True)
        else:
            jeugdsturing(env, "migrate", "berichten", "zero", "-v0")
        nieuwe_database(env)
        t_imp = timed(env, "ijw", "import", str(sim), "--geen-voortgang")
        n, regels = (
            int(x) for x in jeugdsturing(env, "shell", "-c", TELLING, output=True).split()[-2:]
        )
        print(
            f"import {label}: {n} berichten, {regels} productregels in {t_imp:.1f} s = "
            f"{regels / t_imp:,.0f} regels/s; referentie/import = {t_ref / t_imp:.2f}; "
            f"1M regels zou {1_000_000 / (regels / t_imp):.0f} s duren"
        )
    machine = f"{platform.platform()}, {os.cpu_count()} cores"
    print(f"machine: {machine}, Python {platform.python_version()}")


if __name__ == "__main__":
    main()
