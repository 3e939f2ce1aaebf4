# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""CSV for Dutch spreadsheets: a byte-order mark (Excel reads UTF-8), semicolons,
decimal commas, no thousands separators, and an empty cell for a missing value; each
column holds one kind of value. Pure."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

Cel = str | int | Decimal | float | None


def _cel(waarde: Cel) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, int):
        return str(waarde)
    if isinstance(waarde, Decimal | float):
        return format(waarde, "f").replace(".", ",")
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
    kop: Sequence[str], rijen: Iterable[Sequence[Cel]], blad: str, uitleg: Sequence[str]
) -> bytes:
    """An Excel workbook: one sheet with a bold header and real number cells (columns
    whose header ends in "(euro)" get the money format), and a sheet "Toelichting" with
    `uitleg`."""
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
        if naam.endswith("(euro)"):
            for (c,) in ws.iter_rows(min_row=2, min_col=kolom, max_col=kolom):
                c.number_format = '"€" #,##0.00'
    ws.freeze_panes = "A2"
    toelichting = wb.create_sheet("Toelichting")
    for regel in uitleg:
        toelichting.append([regel])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
