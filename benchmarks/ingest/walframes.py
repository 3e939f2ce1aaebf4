# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Which tables and indexes an import writes, page by page (SQLite).

    python benchmarks/ingest/walframes.py --basis BASE.sqlite3 \\
        /tmp/bench/sim-2.7/ijw-2027-07.zip

Copies BASE to a scratch file, imports the given files into the copy with checkpoints
off (`wal_autocheckpoint=0`), so that the WAL file keeps every page every commit wrote,
then assigns each frame of the WAL to its table or index (`dbstat`) and prints frames
and distinct pages per object. Deterministic for the same data, unlike a wall clock:
an index whose frames are many times its distinct pages is rewritten by commit after
commit (docs/performance.md)."""

from __future__ import annotations

import argparse
import collections
import os
import shutil
import sqlite3
import struct
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WAL_HEADER, FRAME_HEADER = 32, 24


def frames_per_object(db: Path) -> tuple[collections.Counter[str], dict[str, set[int]], int]:
    con = sqlite3.connect(db)
    page_size = int(con.execute("PRAGMA page_size").fetchone()[0])
    owner = dict(con.execute("SELECT pageno, name FROM dbstat"))
    frames: collections.Counter[str] = collections.Counter()
    pages: dict[str, set[int]] = collections.defaultdict(set)
    with open(f"{db}-wal", "rb") as wal:
        wal.read(WAL_HEADER)
        while len(header := wal.read(FRAME_HEADER)) == FRAME_HEADER:
            page = struct.unpack(">I", header[:4])[0]
            wal.seek(page_size, os.SEEK_CUR)
            name = owner.get(page, "(vrije of nieuwe pagina)")
            frames[name] += 1
            pages[name].add(page)
    con.close()
    return frames, pages, page_size


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--basis", type=Path, required=True, help="SQLite database to start from")
    ap.add_argument("--werkers", type=int, default=1)
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--xsd", type=Path, default=ROOT.parent / "shared" / "ijw" / "xsd")
    args = ap.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="jeugdsturing-wal-")) / "db.sqlite3"
    shutil.copyfile(args.basis, scratch)
    os.environ["DATABASE_URL"] = f"sqlite:///{scratch}"
    os.environ["IJW_XSD_DIR"] = str(args.xsd)
    os.environ.pop("DEBUG", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jeugdsturing.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.db import connection

    from jeugdsturing.berichten.importeren import berichten_importeer

    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_autocheckpoint=0")
    result = berichten_importeer(args.paths, bron="benchmark", werkers=args.werkers)
    frames, pages, page_size = frames_per_object(scratch)
    total = sum(frames.values())
    print(f"{result.accepted} berichten; {total} frames = {total * page_size / 1e6:.1f} MB WAL")
    print(f"{'tabel of index':50s} {'frames':>8s} {'MB':>7s} {'pagina’s':>9s}")
    for name, n in frames.most_common(args.top):
        print(f"{name:50s} {n:8d} {n * page_size / 1e6:7.1f} {len(pages[name]):9d}")
    connection.close()
    shutil.rmtree(scratch.parent)


if __name__ == "__main__":
    main()
