"""Where messages come from: files, directories (recursively, in name order) and .zip
archives, each read with limits so a hostile archive cannot exhaust the machine."""

from __future__ import annotations

import mmap
import struct
import zipfile
import zlib
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


_LOKALE_KOP = struct.Struct("<4s5H3I2H")  # a member's local header: 30 bytes
_SNEL = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)


def _lid(
    archive: zipfile.ZipFile, ruw: mmap.mmap, info: zipfile.ZipInfo, limit: int
) -> bytes | None:
    """A member's bytes, or None when it unpacks to more than limit. Stored and deflated
    members (what iJw senders write) are unpacked straight from the archive's bytes with
    zlib, and checked against the size and CRC of the central directory: zipfile's own
    reader costs about 50 µs a member in Python, a third of the main process's share of
    a large import (docs/performance.md). Other methods go through zipfile. Raises
    zipfile.BadZipFile for a damaged member."""
    if info.compress_type not in _SNEL:
        with archive.open(info) as fh:  # sizes in the header can lie: read with a limit
            return _read_limited(fh, limit)
    kop = _LOKALE_KOP.unpack_from(ruw, info.header_offset)
    if kop[0] != b"PK\x03\x04":
        raise zipfile.BadZipFile("geen lokale kop op de plek die de inhoudsopgave noemt")
    begin = info.header_offset + _LOKALE_KOP.size + kop[9] + kop[10]
    ingepakt = ruw[begin : begin + info.compress_size]
    if info.compress_type == zipfile.ZIP_STORED:
        data = ingepakt[: limit + 1]
    else:
        data = zlib.decompressobj(-15).decompress(ingepakt, limit + 1)
    if len(data) > limit:
        return None
    if len(data) != info.file_size or zlib.crc32(data) != info.CRC:
        raise zipfile.BadZipFile("grootte of CRC klopt niet met de inhoudsopgave")
    return data


def _zip(path: Path) -> Iterator[Bron]:
    try:
        archive = zipfile.ZipFile(path)
        with path.open("rb") as fh:
            ruw = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except (zipfile.BadZipFile, ValueError) as exc:
        yield Bron(str(path), None, f"geen geldig zip-archief: {exc}")
        return
    with archive, ruw:
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
            if info.flag_bits & 0x1:
                yield Bron(naam, None, "versleuteld bestand in zip-archief: niet te lezen")
                continue
            try:
                data = _lid(archive, ruw, info, MAX_BYTES)
            except (zipfile.BadZipFile, zlib.error, struct.error) as exc:
                yield Bron(naam, None, f"beschadigd bestand in zip-archief: {exc}")
                continue
            except NotImplementedError:
                yield Bron(
                    naam, None, f"compressiemethode {info.compress_type} wordt niet ondersteund"
                )
                continue
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
