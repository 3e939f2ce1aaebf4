# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Uploaded workbooks within bounds (weergave/werkboek.py): a few kilobytes of xlsx that
declare or hold a huge sheet are refused with a message, without filling the memory."""

from __future__ import annotations

import io
import re
import tracemalloc
import zipfile

import pytest
from openpyxl import Workbook

from jeugdsturing.contracten.rapportage import RapportageOngeldig, lees
from jeugdsturing.weergave.werkboek import WerkboekFout, bladen


def _werkboek(blad: str = "Rapportage") -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = blad
    ws.append(["agb_code", "jaar"])
    ws.append(["98130001", 2028])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _opgeblazen(data: bytes, *, dimensie: str | None, laatste_rij: int | None) -> bytes:
    """The same workbook with its sheet XML changed: a declared dimension and/or one
    more cell in a far-away row (the 'huge sheet' of issue 25)."""
    uit = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as z,
        zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as n,
    ):
        for info in z.infolist():
            inhoud = z.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                xml = inhoud.decode()
                if dimensie:
                    xml = re.sub(r'<dimension ref="[^"]*"/>', f'<dimension ref="{dimensie}"/>', xml)
                if laatste_rij:
                    xml = xml.replace(
                        "</sheetData>",
                        f'<row r="{laatste_rij}"><c r="XFD{laatste_rij}" t="n"><v>1</v></c>'
                        "</row></sheetData>",
                    )
                inhoud = xml.encode()
            n.writestr(info, inhoud)
    return uit.getvalue()


@pytest.mark.parametrize(
    ("dimensie", "laatste_rij", "melding"),
    [
        ("A1:XFD1048576", None, "het blad is te groot: 1048576 rijen"),
        ("A1:XFD2", None, "het blad is te groot: 16384 kolommen"),
        ("A1:B2", 1048576, "het blad heeft meer dan 10000 rijen"),  # a lying dimension
    ],
)
def test_a_huge_sheet_is_refused_with_little_memory(dimensie, laatste_rij, melding):
    bom = _opgeblazen(_werkboek(), dimensie=dimensie, laatste_rij=laatste_rij)
    assert len(bom) < 10_000
    tracemalloc.start()
    try:
        with pytest.raises(RapportageOngeldig) as fout:
            lees(bom, "rapport.xlsx", gemeenten=["0362"], themas=["A"])
        _, piek = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert piek < 100 * 1024 * 1024, piek
    assert melding in fout.value.fouten[0].reden
    assert fout.value.fouten[0].blad == "Rapportage"


def test_bounded_rows_keep_their_cells_and_drop_trailing_empties():
    gelezen = bladen(_werkboek(), max_rijen=10, max_kolommen=5)
    assert gelezen == {"Rapportage": [["agb_code", "jaar"], ["98130001", 2028]]}
    with pytest.raises(WerkboekFout, match="geen leesbaar Excel-bestand"):
        bladen(b"PK\x03\x04 kapot", max_rijen=10, max_kolommen=5)


@pytest.mark.parametrize(
    ("kolom", "waarde", "melding"),
    [
        (8, -3, "negatief getal"),
        (7, 10**20, "bedrag groter dan 100.000.000.000 euro"),
        (7, "12345678901234567890", "bedrag groter dan"),
        (8, 10**12, "getal groter dan 10.000.000"),
        (7, "NaN", "geen bedrag"),
    ],
)
def test_bad_values_in_a_report_are_named_not_a_server_error(kolom, waarde, melding):
    from openpyxl import load_workbook

    from jeugdsturing.contracten.rapportage import sjabloon

    wb = load_workbook(io.BytesIO(sjabloon(agb_code="98130001", aanbieder="Amstelzorg", jaar=2028,
                                           maanden=4, cellen=[("0362", "Amstelveen", "A")])))  # fmt: skip
    ws = wb["Rapportage"]
    ws.cell(2, 7, 1000)
    ws.cell(2, 8, 3)
    ws.cell(2, kolom, waarde)
    buf = io.BytesIO()
    wb.save(buf)
    with pytest.raises(RapportageOngeldig) as fout:
        lees(buf.getvalue(), "rapport.xlsx", gemeenten=["0362"], themas=["A"])
    eerste = fout.value.fouten[0]
    assert melding in eerste.reden
    assert (eerste.blad, eerste.rij) == ("Rapportage", 2)
    assert eerste.kolom is not None
