# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Reading sources: the central directory of a zip archive, and the bytes of its
members, as the workers of an import read them."""

from __future__ import annotations

import io
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
    gevonden = {b.naam.rsplit("!", 1)[1]: b for b in alle_bronnen([path])}
    assert set(gevonden) == {n for n in LEDEN if n.endswith(".xml")}  # no .txt, no directory
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
