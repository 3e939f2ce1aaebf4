"""Benchmark: ingest of simulated iJw traffic against plain lxml parse + XSD validation.

    python benchmarks/ingest/run.py --scale 1.0 [--pg postgres://...] [--xsd ../shared/ijw/xsd]

Simulates the demo region's traffic (--scale 1.0 and 2026-2027 is roughly 1M product
lines), then measures in one run:
  (a) the reference: read every message from the zips, lxml parse + XSD validation;
  (b) `jeugdsturing ijw import` into a fresh SQLite database (with the XSD layer on);
  (c) the same into PostgreSQL when --pg is given.
Prints times, throughput and the ratios; docs/performance.md records the results."""

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

ROOT = Path(__file__).resolve().parents[2]


def run(cmd: list[str], env: dict[str, str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)  # noqa: S603
    return time.perf_counter() - t


def jeugdsturing(db_url: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "jeugdsturing", *args]


def reference(sim: Path, xsd: Path) -> tuple[float, int]:
    from lxml import etree

    schemas: dict[str, etree.XMLSchema] = {}
    n = 0
    t = time.perf_counter()
    for path in sorted(sim.glob("*.zip")):
        with zipfile.ZipFile(path) as z:
            for name in sorted(z.namelist()):
                code = name.rsplit("_", 1)[-1][:5]
                schema = schemas.get(code)
                if schema is None:
                    schema = schemas[code] = etree.XMLSchema(etree.parse(str(xsd / f"{code}.xsd")))
                parser = etree.XMLParser(resolve_entities=False, no_network=True)
                if not schema.validate(etree.fromstring(z.read(name), parser=parser)):
                    raise SystemExit(f"{name} is not valid")
                n += 1
    return time.perf_counter() - t, n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--van", default="2026-01-01")
    ap.add_argument("--tot", default="2027-12-31")
    ap.add_argument("--pg", help="PostgreSQL URL of a database the benchmark may empty")
    ap.add_argument("--xsd", type=Path, default=ROOT.parent / "shared" / "ijw" / "xsd")
    ap.add_argument("--workdir", type=Path)
    args = ap.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="jeugdsturing-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    sim = work / "sim"
    base_env = {**os.environ, "DEBUG": "1", "IJW_XSD_DIR": str(args.xsd)}

    setup_db = work / "setup.sqlite3"
    env = {**base_env, "DATABASE_URL": f"sqlite:///{setup_db}"}
    if not any(sim.glob("*.zip")):
        for cmd in (["migrate", "-v0"], ["reference", "load"], ["region", "configure"]):
            run(jeugdsturing("", *cmd), env)
        t_sim = run(
            jeugdsturing("", "ijw", "simulate", "--region", "JZ13", "--from", args.van, "--to", args.tot,
                         "--seed", "1", "--scale", str(args.scale), "--out", str(sim)),
            env,
        )  # fmt: skip
        print(f"simulatie: {t_sim:.1f} s")

    t_ref, n_msgs = reference(sim, args.xsd)
    print(
        f"referentie (lxml parse + XSD): {n_msgs} berichten in {t_ref:.1f} s = {n_msgs / t_ref:,.0f} berichten/s"
    )

    targets = [("SQLite", f"sqlite:///{work / 'bench.sqlite3'}")]
    if args.pg:
        targets.append(("PostgreSQL", args.pg))
    for label, url in targets:
        if url.startswith("sqlite:///"):
            Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
        env = {**base_env, "DATABASE_URL": url}
        if label == "PostgreSQL":
            subprocess.run(
                [sys.executable, "-m", "jeugdsturing", "migrate", "berichten", "zero", "-v0"],
                env=env, cwd=ROOT, check=False, stdout=subprocess.DEVNULL,
            )  # fmt: skip
        for cmd in (["migrate", "-v0"], ["reference", "load"], ["region", "configure"]):
            run(jeugdsturing(url, *cmd), env)
        t_imp = run(jeugdsturing(url, "ijw", "import", str(sim), "--geen-voortgang"), env)
        out = subprocess.run(
            [sys.executable, "-m", "jeugdsturing", "shell", "-c",
             "from jeugdsturing.berichten.models import Bericht as B; from django.db.models import Sum; "
             "print(B.objects.count(), B.objects.aggregate(s=Sum('regels'))['s'])"],
            env=env, cwd=ROOT, check=True, capture_output=True, text=True,
        ).stdout.split()  # fmt: skip
        n, regels = int(out[-2]), int(out[-1])
        print(
            f"import {label}: {n} berichten, {regels} productregels in {t_imp:.1f} s = "
            f"{regels / t_imp:,.0f} regels/s; verhouding tot referentie {t_ref / t_imp:.2f}"
        )
    print(
        f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )


if __name__ == "__main__":
    main()
