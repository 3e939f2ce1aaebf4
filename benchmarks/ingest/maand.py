# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""A/B measurement of the import on one or more months, on top of a database that already
holds the months before (the late months of a large database are where the time goes).

    python benchmarks/ingest/maand.py --basis BASE.sqlite3 --werkers 1 --batch 5000 \\
        /tmp/bench/sim-2.7/ijw-2027-07.zip

Copies BASE to a scratch file, imports the given files into the copy with `berichten_importeer()`
and prints wall time, product lines per second and the CPU time of the main process and
of its workers. Measure each variant more than once, in both orders: on a shared machine
the same run varies by 20% (docs/performance.md)."""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--basis", type=Path, required=True, help="SQLite database to start from")
    ap.add_argument("--werkers", type=int, default=1)
    ap.add_argument("--batch", type=int, default=5000)
    ap.add_argument("--xsd", type=Path, default=ROOT.parent / "shared" / "ijw" / "xsd")
    args = ap.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="jeugdsturing-ab-")) / "db.sqlite3"
    shutil.copyfile(args.basis, scratch)
    os.environ["DATABASE_URL"] = f"sqlite:///{scratch}"
    os.environ["IJW_XSD_DIR"] = str(args.xsd)
    os.environ.pop("DEBUG", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jeugdsturing.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from jeugdsturing.berichten.importeren import berichten_importeer

    start = time.perf_counter()
    result = berichten_importeer(
        args.paths, bron="benchmark", werkers=args.werkers, batch=args.batch
    )
    wall = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        f"{result.accepted} berichten, {result.regels} regels in {wall:.1f} s "
        f"= {result.regels / wall:,.0f} regels/s; CPU hoofdproces "
        f"{own.ru_utime + own.ru_stime:.1f} s (systeem {own.ru_stime:.1f} s), "
        f"werkers {children.ru_utime + children.ru_stime:.1f} s"
    )
    shutil.rmtree(scratch.parent)


if __name__ == "__main__":
    main()
