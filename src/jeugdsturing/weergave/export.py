# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Exports for Dutch spreadsheets, one convention for every download. CSV: a byte-order
mark (Excel reads UTF-8), semicolons, decimal commas, no thousands separators, dates as
06-12-2026 and an empty cell for a missing value. Excel: real number and date cells, a
bold header, a codebook and an explanation sheet. Each column holds one kind of value:
a protected figure is an empty cell with a separate flag column. Pure."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal

Cel = str | int | Decimal | float | date | None


def _cel(waarde: Cel) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, int):
        return str(waarde)
    if isinstance(waarde, float):  # the shortest form that reads back the same
        waarde = Decimal(repr(waarde))
    if isinstance(waarde, Decimal):
        return format(waarde, "f").replace(".", ",")
    if isinstance(waarde, date):
        return f"{waarde:%d-%m-%Y}"
    return waarde


def csv_tekst(kop: Sequence[str], rijen: Iterable[Sequence[Cel]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(kop)
    for rij in rijen:
        w.writerow([_cel(c) for c in rij])
    return "\ufeff" + buf.getvalue()


def euro(eurocent: int | None) -> Decimal | None:
    """Eurocent as euros with two decimals, for a CSV cell."""
    return None if eurocent is None else (Decimal(eurocent) / 100).quantize(Decimal("0.01"))


def xlsx_bytes(
    kop: Sequence[str],
    rijen: Iterable[Sequence[Cel]],
    blad: str,
    uitleg: Sequence[str],
    codeboek: Sequence[tuple[str, str]] = (),
) -> bytes:
    """An Excel workbook: one sheet with a bold header, real number and date cells
    (columns whose header ends in "(euro)" get the money format), then a sheet
    "Codeboek" (column, meaning) when given, and a sheet "Toelichting" with `uitleg`."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.create_sheet(blad[:31], 0)
    wb.remove(wb.worksheets[1])
    ws.append(list(kop))
    for cel in ws[1]:
        cel.font = Font(bold=True)
    for rij in rijen:
        ws.append([float(c) if isinstance(c, Decimal) else c for c in rij])
    for kolom, naam in enumerate(kop, start=1):
        for (c,) in ws.iter_rows(min_row=2, min_col=kolom, max_col=kolom):
            if naam.endswith("(euro)"):
                c.number_format = '"€" #,##0.00'
            elif isinstance(c.value, date):
                c.number_format = "DD-MM-YYYY"
    ws.freeze_panes = "A2"
    if codeboek:
        boek = wb.create_sheet("Codeboek")
        boek.append(["Kolom", "Betekenis"])
        for cel in boek[1]:
            cel.font = Font(bold=True)
        for naam_, betekenis in codeboek:
            boek.append([naam_, betekenis])
    toelichting = wb.create_sheet("Toelichting")
    for regel in uitleg:
        toelichting.append([regel])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
