"""Where messages come from: files, directories (recursively, in name order) and .zip
archives, each read with limits so a hostile archive cannot exhaust the machine."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from jeugdsturing.berichten.xml import MAX_BYTES

MAX_ZIP_MEMBERS = 200_000
MAX_ZIP_TOTAL = 20 * 1024 * 1024 * 1024  # uncompressed bytes per archive
MAX_ZIP_RATIO = 200  # uncompressed / compressed, per member


@dataclass(frozen=True)
class Bron:
    naam: str
    data: bytes | None
    fout: str | None = None


def _read_limited(fh: object, limit: int) -> bytes | None:
    data: bytes = fh.read(limit + 1)  # type: ignore[attr-defined]
    return None if len(data) > limit else data


def _zip(path: Path) -> Iterator[Bron]:
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        yield Bron(str(path), None, f"geen geldig zip-archief: {exc}")
        return
    with archive:
        members = [i for i in archive.infolist() if not i.is_dir()]
        if len(members) > MAX_ZIP_MEMBERS:
            yield Bron(str(path), None, f"zip-archief met meer dan {MAX_ZIP_MEMBERS} bestanden")
            return
        total = 0
        for info in sorted(members, key=lambda i: i.filename):
            naam = f"{path}!{info.filename}"
            if not info.filename.lower().endswith(".xml"):
                continue
            if info.file_size > MAX_BYTES:
                yield Bron(naam, None, f"bestand is groter dan {MAX_BYTES // (1024 * 1024)} MB")
                continue
            if info.compress_size and info.file_size / info.compress_size > MAX_ZIP_RATIO:
                yield Bron(naam, None, "verdachte compressieverhouding (zipbom)")
                continue
            total += info.file_size
            if total > MAX_ZIP_TOTAL:
                yield Bron(naam, None, "zip-archief pakt uit tot meer dan toegestaan (zipbom)")
                return
            with archive.open(info) as fh:  # sizes in the header can lie: read with a limit
                data = _read_limited(fh, MAX_BYTES)
            if data is None:
                yield Bron(naam, None, f"bestand is groter dan {MAX_BYTES // (1024 * 1024)} MB")
            else:
                yield Bron(naam, data)


def _file(path: Path) -> Iterator[Bron]:
    if path.suffix.lower() == ".zip":
        yield from _zip(path)
        return
    if path.stat().st_size > MAX_BYTES:
        yield Bron(str(path), None, f"bestand is groter dan {MAX_BYTES // (1024 * 1024)} MB")
        return
    yield Bron(str(path), path.read_bytes())


def bronnen(paths: list[Path]) -> Iterator[Bron]:
    for path in paths:
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in {".xml", ".zip"}:
                    yield from _file(child)
        elif path.is_file():
            yield from _file(path)
        else:
            yield Bron(str(path), None, "bestand of map bestaat niet")


def tel(paths: list[Path]) -> int:
    """How many sources an import will read (for the progress bar)."""
    n = 0
    for path in paths:
        if path.is_dir():
            files = [p for p in path.rglob("*") if p.suffix.lower() in {".xml", ".zip"}]
        else:
            files = [path]
        for f in files:
            if f.suffix.lower() == ".zip" and f.is_file():
                try:
                    with zipfile.ZipFile(f) as z:
                        n += sum(1 for i in z.infolist() if i.filename.lower().endswith(".xml"))
                except zipfile.BadZipFile:
                    n += 1
            else:
                n += 1
    return n
