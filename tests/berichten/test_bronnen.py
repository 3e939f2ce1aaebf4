# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Reading sources: the central directory of a zip archive, and the bytes of its
members, as the workers of an import read them."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest

from jeugdsturing.berichten import bronnen
from jeugdsturing.berichten.bronnen import Onleesbaar, lees_plek, tel
from jeugdsturing.berichten.bronnen import bronnen as alle_bronnen


def _archief(tmp_path: Path, members: dict[str, bytes]) -> Path:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for i, (name, data) in enumerate(members.items()):
            z.writestr(name, data, compress_type=(zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)[i % 2])
        z.writestr("map/", b"")
        z.comment = b"een opmerking"
    path = tmp_path / "a.zip"
    path.write_bytes(buf.getvalue())
    return path


LEDEN = {
    "a.xml": b"<a>" + b"x" * 5000 + b"</a>",
    "map/b.xml": b"<b/>",
    "ongewone naam \u00e9\u00e8 \u4e2d.xml": b"<c/>",
    "leesmij.txt": b"tekst",
}


def _zoals_zipfile(path: Path) -> list[tuple[object, ...]]:
    with zipfile.ZipFile(path) as z:
        return [
            (i.filename, i.header_offset, i.compress_type, i.compress_size, i.file_size, i.CRC,
             i.flag_bits)
            for i in z.infolist()
        ]  # fmt: skip


def test_the_quick_central_directory_reads_what_zipfile_reads(tmp_path):
    path = _archief(tmp_path, LEDEN)
    snel = bronnen._snelle_inhoudsopgave(path)
    assert snel is not None
    assert [tuple(lid) for lid in snel] == _zoals_zipfile(path)


@pytest.mark.parametrize("soort", ["zip64", "data ervoor", "afgekapt"])
def test_unusual_archives_are_left_to_zipfile(tmp_path, soort):
    if soort == "zip64":  # more than 65,535 members: a zip64 end record
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("a.xml", LEDEN["a.xml"])
            for i in range(65_535):
                z.writestr(f"x/{i}.txt", b"")
        data = buf.getvalue()
    else:
        data = _archief(tmp_path, LEDEN).read_bytes()
        data = b"#!/bin/sh\n" + data if soort == "data ervoor" else data[:-30]
    path = tmp_path / "b.zip"
    path.write_bytes(data)
    assert bronnen._snelle_inhoudsopgave(path) is None
    if soort == "afgekapt":  # zipfile names the damage
        [bron] = alle_bronnen([path])
        assert bron.fout is not None
        assert "geen geldig zip-archief" in bron.fout
    else:  # zipfile reads it, and the members are read as from any archive
        gelezen = {b.naam.rsplit("!", 1)[1]: b for b in alle_bronnen([path])}
        assert gelezen["a.xml"].lees() == LEDEN["a.xml"]


def test_a_zip64_local_header_is_read(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z, z.open("a.xml", "w", force_zip64=True) as fh:
        fh.write(LEDEN["a.xml"])
    path = tmp_path / "c.zip"
    path.write_bytes(buf.getvalue())
    snel = bronnen._snelle_inhoudsopgave(path)
    assert snel is not None
    assert [tuple(lid) for lid in snel] == _zoals_zipfile(path)
    [bron] = alle_bronnen([path])
    assert bron.lees() == LEDEN["a.xml"]  # past the zip64 extra field in the local header


def test_members_are_found_and_read_by_their_place(tmp_path):
    path = _archief(tmp_path, LEDEN)
    alle = {b.naam.rsplit("!", 1)[1]: b for b in alle_bronnen([path])}
    # The .txt is listed as skipped, with its reason; a directory is not a member.
    assert alle["leesmij.txt"].fout == "overgeslagen: geen iJw-bericht (alleen .xml-bestanden)"
    gevonden = {n: b for n, b in alle.items() if b.fout is None}
    assert set(gevonden) == {n for n in LEDEN if n.endswith(".xml")}
    for naam, bron in gevonden.items():
        assert bron.data is None
        assert bron.plek is not None
        assert lees_plek(bron.plek) == LEDEN[naam]
    assert tel([path]) == 3


def test_a_member_that_unpacks_to_more_than_the_limit_is_refused(tmp_path):
    path = _archief(tmp_path, LEDEN)
    bron = next(b for b in alle_bronnen([path]) if b.naam.endswith("!a.xml"))
    assert bron.plek is not None
    with pytest.raises(Onleesbaar, match="groter dan"):
        lees_plek(bron.plek, limit=1000)


def test_a_file_is_read_with_a_limit(tmp_path):
    path = tmp_path / "c.xml"
    path.write_bytes(b"<c/>")
    [bron] = alle_bronnen([path])
    assert bron.plek == (str(path),)
    assert lees_plek(bron.plek) == b"<c/>"
    with pytest.raises(Onleesbaar, match="groter dan"):
        lees_plek(bron.plek, limit=2)
    path.unlink()
    with pytest.raises(Onleesbaar, match="niet te lezen"):
        lees_plek(bron.plek)
    assert bron.lees() is None  # for the quarantine: nothing to keep


def test_a_nested_archive_is_refused_by_name_and_the_rest_read(tmp_path):
    binnen = io.BytesIO()
    with zipfile.ZipFile(binnen, "w") as z:
        z.writestr("x.xml", b"<x/>")
    path = _archief(tmp_path, {"a.xml": b"<a/>", "binnen.zip": binnen.getvalue()})
    alle = {b.naam.rsplit("!", 1)[1]: b for b in alle_bronnen([path])}
    assert alle["a.xml"].fout is None
    assert "zip-archief in een zip-archief" in (alle["binnen.zip"].fout or "")


def test_a_bad_member_name_refuses_that_member_only(tmp_path):
    """A name flagged UTF-8 that is not: that member is refused, its neighbours read."""
    path = _archief(tmp_path, {"goed.xml": b"<a/>", "fout\u00e9.xml": b"<b/>"})
    ruw = path.read_bytes()
    kapot = ruw.replace("fout\u00e9".encode(), b"fout\xff\xfe")  # local and central name
    assert kapot != ruw
    path.write_bytes(kapot)
    alle = list(alle_bronnen([path]))
    goed = [b for b in alle if b.naam.endswith("!goed.xml")]
    assert goed
    assert goed[0].fout is None
    [fout] = [b for b in alle if "fout" in b.naam.rsplit("!", 1)[1]]
    assert fout.fout == "ongeldige bestandsnaam in zip-archief (geen UTF-8)"


def test_overlapping_members_are_refused_without_unpacking(tmp_path):
    """Many directory entries pointing at the same compressed bytes (an overlapping-entry
    zip bomb): every one of them is refused before anything is unpacked."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("a.xml", b"<a>" + b" " * 100_000 + b"</a>")
    ruw = buf.getvalue()
    at = ruw.index(b"PK\x01\x02")
    eind = ruw.index(b"PK\x05\x06")
    centraal = ruw[at:eind]
    n = 50
    kopieen = centraal * n  # n entries, all pointing at the one member's bytes
    staart = bytearray(ruw[eind:])
    struct.pack_into("<HHLL", staart, 8, n, n, len(kopieen), at)
    path = tmp_path / "bom.zip"
    path.write_bytes(ruw[:at] + kopieen + bytes(staart))
    alle = list(alle_bronnen([path]))
    assert len(alle) == n
    assert all("overlapt" in (b.fout or "") for b in alle)


def test_a_damaged_archive_is_quarantined_whole_and_its_members_listed(importeer_bytes):
    """Rejected at file level: a damaged archive is kept (it is small enough) with its
    reason; in a sound archive every member that is skipped is named in the result."""
    from jeugdsturing.berichten import models as m

    result = importeer_bytes(b"PK\x03\x04 geen archief", suffix=".zip")
    assert "geen geldig zip-archief" in result.rejected[0].reason
    assert m.Quarantaine.objects.get().bestandsnaam.endswith(".zip")
