# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The monitor's exports for people (monitor/uitvoer.py): Dutch headers, names beside
codes, protected figures as empty cells with a flag column, real dates and numbers."""

from __future__ import annotations

import io
from datetime import date, datetime

from openpyxl import load_workbook

from jeugdsturing.monitor.bescherming import AFGESCHERMD, KLEIN
from jeugdsturing.monitor.uitvoer import als_csv, als_xlsx, codeboek, tabel

RIJEN = [
    {"periode_van": date(2026, 1, 1), "periode_tot": date(2026, 12, 31), "aanbieder": "0001",
     "instroom": KLEIN, "clienten_in_zorg": 30, "binnen_wachtnorm_pct": AFGESCHERMD,
     "doorlooptijd_mediaan_dagen": 12.5},
    {"periode_van": date(2026, 1, 1), "periode_tot": date(2026, 12, 31), "aanbieder": "0002",
     "instroom": 12, "clienten_in_zorg": 40, "binnen_wachtnorm_pct": 81.25,
     "doorlooptijd_mediaan_dagen": None},
]  # fmt: skip
VELDEN = ["periode_van", "periode_tot", "aanbieder", "instroom", "clienten_in_zorg",
          "binnen_wachtnorm_pct", "doorlooptijd_mediaan_dagen"]  # fmt: skip
NAMEN = {"aanbieder": {"0001": "Amstelzorg", "0002": "Arkin Jong"}}


def test_headers_names_and_the_flag_column():
    koppen, cellen = tabel(RIJEN, VELDEN, NAMEN)
    assert koppen == ["Periode van", "Periode tot en met", "Aanbieder (code)", "Aanbieder",
                      "Instroom (trajecten)", "Cliënten in zorg", "Binnen wachtnorm (%)",
                      "Doorlooptijd mediaan (dagen)", "Afgeschermd"]  # fmt: skip
    eerste, tweede = cellen
    assert eerste[2:8] == ["0001", "Amstelzorg", None, 30, None, 12.5]
    assert eerste[-1] == (
        "Instroom (trajecten): 1 tot en met 4; "
        "Binnen wachtnorm (%): afgeleid of te weinig trajecten"
    )
    assert tweede[-1] is None
    assert [k for k, _ in codeboek(VELDEN, NAMEN)] == koppen
    for rij in cellen:  # no text in a number column
        for kop_, cel in zip(koppen, rij, strict=True):
            if kop_ not in ("Aanbieder (code)", "Aanbieder", "Afgeschermd"):
                assert cel is None or isinstance(cel, int | float | date), (kop_, cel)


def test_csv_for_dutch_excel():
    tekst = als_csv(RIJEN, VELDEN, NAMEN)
    assert tekst.startswith("\ufeffPeriode van;Periode tot en met;Aanbieder (code);Aanbieder;")
    regels = tekst[1:].split("\r\n")
    assert regels[1].startswith("01-01-2026;31-12-2026;0001;Amstelzorg;;30;;12,5;")
    assert regels[2] == "01-01-2026;31-12-2026;0002;Arkin Jong;12;40;81,25;;"
    assert "<5" not in tekst
    assert "_" not in regels[0]


def test_excel_has_real_dates_and_numbers_and_a_codebook():
    wb = load_workbook(io.BytesIO(als_xlsx(RIJEN, VELDEN, "Monitor", NAMEN)))
    assert wb.sheetnames == ["Indicatoren", "Codeboek", "Toelichting"]
    ws = wb["Indicatoren"]
    assert isinstance(ws["A2"].value, datetime)
    assert ws["A2"].number_format == "DD-MM-YYYY"
    assert ws["F2"].value == 30
    assert ws["E2"].value is None
    boek = list(wb["Codeboek"].iter_rows(min_row=2, values_only=True))
    assert ("Binnen wachtnorm (%)", "percentage, met een decimale komma") in boek
