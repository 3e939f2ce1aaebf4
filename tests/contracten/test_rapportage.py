# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The lump-sum report template: a round trip, and errors that name sheet, row and column."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from jeugdsturing.contracten.rapportage import RapportageOngeldig, lees, sjabloon

GEMEENTEN = ["0358", "0362", "0363"]
THEMAS = ["A", "B", "C", "D"]


def _ingevuld(rijen: list[list[object]] | None = None, **kwargs: object) -> bytes:
    data = sjabloon(agb_code="98030004", aanbieder="GGZ Jong", jaar=2027, maanden=4,
                    cellen=[("0358", "Aalsmeer", "B"), ("0363", "Amsterdam", "C")])  # fmt: skip
    wb = load_workbook(io.BytesIO(data))
    ws = wb["Rapportage"]
    ws["G2"], ws["H2"] = 1234.56, 7
    ws["G3"], ws["H3"] = "98765,4", 31
    for rij in rijen or []:
        ws.append(rij)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_template_round_trip():
    r = lees(_ingevuld(), "r.xlsx", gemeenten=GEMEENTEN, themas=THEMAS)
    assert (r.agb_code, r.jaar, r.maanden) == ("98030004", 2027, 4)
    assert [(x.gemeente, x.thema, x.kosten_eurocent, x.clienten) for x in r.regels] == [
        ("0358", "B", 123456, 7), ("0363", "C", 9876540, 31),
    ]  # fmt: skip
    wb = load_workbook(io.BytesIO(_ingevuld()))
    assert wb.sheetnames == ["Rapportage", "Toelichting"]


def _fouten(data: bytes, naam: str = "r.xlsx") -> list[str]:
    with pytest.raises(RapportageOngeldig) as e:
        lees(data, naam, gemeenten=GEMEENTEN, themas=THEMAS)
    return [str(f) for f in e.value.fouten]


def test_errors_name_sheet_row_and_column():
    fouten = _fouten(_ingevuld([
        ["98030004", 2027, 4, "9999", "", "B", "12.3.4", 1],
        ["98030004", 2027, 4, "0362", "", "Z", 10, "veel"],
        ["98030004", 2027, 4, "0358", "", "B", 1, 1],
    ]))  # fmt: skip
    assert (
        "blad 'Rapportage', rij 4, kolom D (gemeente_code): geen gemeente van deze regio (waarde '9999')"
        in fouten
    )
    assert any(
        f.startswith("blad 'Rapportage', rij 4, kolom G (kosten_euro): geen bedrag") for f in fouten
    )
    assert any(
        f.startswith("blad 'Rapportage', rij 5, kolom F (thema_code): onbekend thema")
        for f in fouten
    )
    assert (
        "blad 'Rapportage', rij 5, kolom H (clienten): geen geheel getal (waarde 'veel')" in fouten
    )
    assert any("rij 6" in f and "al op een eerdere rij" in f for f in fouten)


def test_mixed_periods_missing_values_and_columns():
    fouten = _fouten(_ingevuld([["98030004", 2027, 8, "0362", "", "A", None, 3]]))
    assert any("kosten ontbreken" in f and "rij 4" in f for f in fouten)
    assert any("één aanbieder, één jaar en één periode" in f for f in fouten)
    kop_zonder = b"agb_code;jaar;maanden;gemeente_code;thema_code;kosten_euro\n"
    assert _fouten(kop_zonder, "r.csv") == [
        "blad 'CSV', rij 1: kolom ontbreekt in de kopregel: clienten"
    ]
    assert "geen leesbaar Excel-bestand" in _fouten(b"not a zip")[0]


def test_csv_with_semicolons_and_decimal_comma():
    csv = (
        b"agb_code;jaar;maanden;gemeente_code;gemeente;thema_code;kosten_euro;clienten\n"
        b"98030004;2027;12;363;Amsterdam;A;1500,5;12\n"
    )
    r = lees(csv, "r.csv", gemeenten=GEMEENTEN, themas=THEMAS)
    assert r.regels[0].gemeente == "0363"
    assert r.regels[0].kosten_eurocent == 150050
    fout = _fouten(csv.replace(b"1500,5", b"1.500,50"), "r.csv")
    assert fout[0].startswith("blad 'CSV', rij 2, kolom G (kosten_euro): geen bedrag")
