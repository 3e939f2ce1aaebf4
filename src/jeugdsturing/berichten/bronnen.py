# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
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
from typing import NamedTuple, cast

from isal import isal_zlib

from jeugdsturing.berichten.xml import MAX_BYTES

MAX_ZIP_MEMBERS = 200_000
MAX_ZIP_TOTAL = 20 * 1024 * 1024 * 1024  # uncompressed bytes per archive
MAX_ZIP_RATIO = 200  # uncompressed / compressed, per member


class Onleesbaar(Exception):
    """A source whose bytes cannot be read; the message says why."""


# Where a message's bytes are, small enough to travel to the worker that reads them
# (reading and unpacking in the writing process was a sixth of its work; docs/
# performance.md): (path,) for a file, or (path, local header offset, compression
# method, packed size, size, CRC) for a stored or deflated member of a zip archive,
# from the archive's central directory.
Plek = tuple[str] | tuple[str, int, int, int, int, int]


@dataclass(frozen=True)
class Bron:
    """One message to read: its name and where its bytes are (plek), or the bytes
    themselves (data), or why it cannot be read (fout)."""

    naam: str
    data: bytes | None = None
    fout: str | None = None
    plek: Plek | None = None

    def opdracht(self) -> tuple[str, bytes | Plek]:
        """What a worker needs to read this source (lezen.lees_bericht)."""
        return (self.naam, self.data if self.data is not None else self.plek or b"")

    def lees(self) -> bytes | None:
        """The bytes again, for the quarantine; None when they cannot be read."""
        if self.data is not None or self.plek is None:
            return self.data
        try:
            return lees_plek(self.plek)
        except Onleesbaar:
            return None


def _read_limited(fh: object, limit: int) -> bytes | None:
    data: bytes = fh.read(limit + 1)  # type: ignore[attr-defined]
    return None if len(data) > limit else data


_LOKALE_KOP = struct.Struct("<4s5H3I2H")  # a member's local header: 30 bytes
_SNEL = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
# isal's stubs declare its error as an instance; it is the class igzip_lib.IsalError.
_INFLATEFOUT = cast(type[Exception], isal_zlib.error)
_TE_GROOT = f"bestand is groter dan {MAX_BYTES // (1024 * 1024)} MB"


class _Archief:
    """The archive a process last read from, kept open as a mmap: members are read in
    order, thousands from the same archive."""

    pad: str | None = None
    ruw: mmap.mmap | None = None

    @classmethod
    def open(cls, pad: str) -> mmap.mmap:
        if cls.pad != pad or cls.ruw is None:
            cls.sluit()
            with open(pad, "rb") as fh:
                cls.ruw = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
            cls.pad = pad
        return cls.ruw

    @classmethod
    def sluit(cls) -> None:
        if cls.ruw is not None:
            cls.ruw.close()
        cls.pad, cls.ruw = None, None


def sluit_archief() -> None:
    """Close the archive this process kept open (at the end of an import)."""
    _Archief.sluit()


def lees_plek(plek: Plek, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a file or zip member (see Plek), at most limit of them. A member is
    unpacked straight from the archive's bytes with ISA-L (isal) and checked against the size
    and CRC of the central directory: zipfile's own reader costs about 50 µs a member
    in Python (docs/performance.md). Raises Onleesbaar with the reason."""
    if len(plek) == 1:
        try:
            with open(plek[0], "rb") as fh:
                data = _read_limited(fh, limit)
        except OSError as exc:
            raise Onleesbaar(f"bestand niet te lezen: {exc.strerror}") from exc
        if data is None:
            raise Onleesbaar(_TE_GROOT)
        return data
    pad, offset, methode, ingepakt_grootte, grootte, crc = plek
    try:
        ruw = _Archief.open(pad)
        kop = _LOKALE_KOP.unpack_from(ruw, offset)
        if kop[0] != b"PK\x03\x04":
            raise zipfile.BadZipFile("geen lokale kop op de plek die de inhoudsopgave noemt")
        begin = offset + _LOKALE_KOP.size + kop[9] + kop[10]
        ingepakt = ruw[begin : begin + ingepakt_grootte]
        if methode == zipfile.ZIP_STORED:
            data = ingepakt[: limit + 1]
        else:
            # ISA-L inflates the same deflate stream in 60% of zlib's time, and computes
            # the CRC in half (docs/performance.md).
            data = isal_zlib.decompressobj(-15).decompress(ingepakt, limit + 1)
        if len(data) > limit:
            raise Onleesbaar(_TE_GROOT)
        if len(data) != grootte or isal_zlib.crc32(data) != crc:
            raise zipfile.BadZipFile("grootte of CRC klopt niet met de inhoudsopgave")
    except (OSError, ValueError) as exc:
        raise Onleesbaar(f"zip-archief niet te lezen: {exc}") from exc
    except (zipfile.BadZipFile, _INFLATEFOUT, struct.error) as exc:
        raise Onleesbaar(f"beschadigd bestand in zip-archief: {exc}") from exc
    return data


class _Lid(NamedTuple):
    """A member as the archive's central directory describes it."""

    filename: str
    header_offset: int
    compress_type: int
    compress_size: int
    file_size: int
    CRC: int
    flag_bits: int


_EINDE = struct.Struct("<4s4H2LH")  # end of central directory record: 22 bytes
_CENTRAAL = struct.Struct("<4s4B4HL2L5H2L")  # a central directory entry: 46 bytes
_GROOT = 0xFFFFFFFF  # a size or offset that lives in a zip64 extra field


def _snelle_inhoudsopgave(path: Path) -> list[_Lid] | None:
    """The central directory read with struct, about 1 µs a member: zipfile builds a
    ZipInfo per member in Python (7 µs; a quarter of a second for an archive of a
    month). None for anything this does not handle (zip64, data before the archive,
    damage): zipfile reads those, and names the damage."""
    with path.open("rb") as fh:
        fh.seek(0, 2)
        size = fh.tell()
        staart = min(size, _EINDE.size + 65535)
        fh.seek(size - staart)
        tail = fh.read(staart)
        at = tail.rfind(b"PK\x05\x06")
        if at < 0 or at + _EINDE.size > len(tail):
            return None
        _, disk, cd_disk, _, entries, cd_size, cd_offset, _ = _EINDE.unpack_from(tail, at)
        eocd = size - staart + at
        if disk or cd_disk or entries == 0xFFFF or cd_offset == _GROOT:
            return None
        if cd_offset + cd_size != eocd or b"PK\x06\x07" in tail[max(0, at - 20) : at]:
            return None  # data before the archive, or a zip64 locator
        fh.seek(cd_offset)
        cd = fh.read(cd_size)
    leden, pos = [], 0
    for _ in range(entries):
        if pos + _CENTRAAL.size > len(cd):
            return None
        (sig, _, _, _, _, flags, method, _, _, crc, packed, unpacked, n_name, n_extra,
         n_comment, _, _, _, offset) = _CENTRAAL.unpack_from(cd, pos)  # fmt: skip
        if sig != b"PK\x01\x02" or _GROOT in (packed, unpacked, offset):
            return None
        raw = cd[pos + _CENTRAAL.size : pos + _CENTRAAL.size + n_name]
        # A name that is not the UTF-8 its flag promises is kept readable (with U+FFFD
        # where a byte is wrong) and that one member refused (_zip), not the archive.
        name = raw.decode("utf-8" if flags & 0x800 else "cp437", errors="replace")
        leden.append(_Lid(name.split("\x00", 1)[0], offset, method, packed, unpacked, crc, flags))
        pos += _CENTRAAL.size + n_name + n_extra + n_comment
    return leden if pos == len(cd) else None


def _inhoudsopgave(path: Path) -> list[_Lid]:
    """The members of an archive (directories left out); raises zipfile.BadZipFile."""
    leden = _snelle_inhoudsopgave(path)
    if leden is None:
        with zipfile.ZipFile(path) as archive:
            leden = [
                _Lid(i.filename, i.header_offset, i.compress_type, i.compress_size,
                     i.file_size, i.CRC, i.flag_bits)
                for i in archive.infolist()
            ]  # fmt: skip
    return [lid for lid in leden if not lid.filename.endswith("/")]


def _zip(path: Path) -> Iterator[Bron]:
    """The members of an archive, from its central directory: limits on their number,
    sizes and compression ratio are checked here, the bytes are read by lees_plek (in a
    worker). Members packed otherwise than stored or deflated are read here."""
    try:
        members = _inhoudsopgave(path)
    except (zipfile.BadZipFile, ValueError, OSError, UnicodeDecodeError) as exc:
        yield Bron(str(path), None, f"geen geldig zip-archief: {exc}")
        return
    if len(members) > MAX_ZIP_MEMBERS:
        yield Bron(str(path), None, f"zip-archief met meer dan {MAX_ZIP_MEMBERS} bestanden")
        return
    archive: zipfile.ZipFile | None = None  # opened for the first member that needs it
    total = 0
    overlap = _overlappend(members)
    try:
        for info in sorted(members, key=lambda i: i.filename):
            naam = f"{path}!{info.filename}"
            soort = Path(info.filename).suffix.lower()
            if "\ufffd" in info.filename:
                yield Bron(naam, None, "ongeldige bestandsnaam in zip-archief (geen UTF-8)")
                continue
            if soort == ".zip":
                yield Bron(
                    naam, None, "zip-archief in een zip-archief wordt niet gelezen: lever de "
                    "berichten los of in één archief aan",
                )  # fmt: skip
                continue
            if soort != ".xml":
                yield Bron(naam, None, "overgeslagen: geen iJw-bericht (alleen .xml-bestanden)")
                continue
            if info.header_offset in overlap:
                yield Bron(
                    naam, None, "overlapt in het archief met een ander bestand (zipbom): "
                    "niet gelezen",
                )  # fmt: skip
                continue
            if info.file_size > MAX_BYTES:
                yield Bron(naam, None, _TE_GROOT)
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
            if info.compress_type in _SNEL:
                plek = (
                    str(path), info.header_offset, info.compress_type, info.compress_size,
                    info.file_size, info.CRC,
                )  # fmt: skip
                yield Bron(naam, plek=plek)
            else:
                try:
                    archive = archive or zipfile.ZipFile(path)
                except (zipfile.BadZipFile, OSError) as exc:
                    yield Bron(naam, None, f"beschadigd bestand in zip-archief: {exc}")
                    continue
                yield _ander_lid(archive, info, naam)
    finally:
        if archive is not None:
            archive.close()


def _overlappend(members: list[_Lid]) -> set[int]:
    """Offsets of members whose bytes lie (partly) inside another member's: a zip bomb
    that points many directory entries at the same compressed data. A sound archive
    never has them; each such member would unpack the same bytes again."""
    verdacht: set[int] = set()
    einde = -1
    eerste = -1
    for lid in sorted(members, key=lambda i: (i.header_offset, i.compress_size)):
        if lid.header_offset < einde:
            verdacht.update({lid.header_offset, eerste})
        else:
            eerste = lid.header_offset
        einde = max(einde, lid.header_offset + _LOKALE_KOP.size + lid.compress_size)
    return verdacht


def _ander_lid(archive: zipfile.ZipFile, info: _Lid, naam: str) -> Bron:
    """A member packed otherwise than stored or deflated (bzip2, lzma), through zipfile."""
    try:
        with archive.open(info.filename) as fh:
            data = _read_limited(fh, MAX_BYTES)  # sizes in the header can lie
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, KeyError) as exc:
        return Bron(naam, None, f"beschadigd bestand in zip-archief: {exc}")
    except NotImplementedError:
        return Bron(naam, None, f"compressiemethode {info.compress_type} wordt niet ondersteund")
    return Bron(naam, data) if data is not None else Bron(naam, None, _TE_GROOT)


def _file(path: Path) -> Iterator[Bron]:
    if path.suffix.lower() == ".zip":
        yield from _zip(path)
        return
    if path.stat().st_size > MAX_BYTES:
        yield Bron(str(path), None, _TE_GROOT)
        return
    yield Bron(str(path), plek=(str(path),))


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
                    n += sum(1 for i in _inhoudsopgave(f) if i.filename.lower().endswith(".xml"))
                except (zipfile.BadZipFile, ValueError, OSError, UnicodeDecodeError):
                    n += 1
            else:
                n += 1
    return n
