# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Uploaded Excel workbooks read within bounds. A few kilobytes of xlsx can declare a
sheet of a million rows by 16,384 columns (or a row numbered a million), which openpyxl
would fill with empty cells until the memory runs out. Here a sheet is read in read-only
mode (streamed), at most ``max_rijen`` rows of ``max_kolommen`` columns; a sheet that
declares or holds more is refused with a message that names it, before it is loaded."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from typing import Any

from openpyxl import load_workbook


class WerkboekFout(ValueError):
    """A workbook that cannot be read or is too large; ``blad`` names the sheet."""

    def __init__(self, blad: str, tekst: str) -> None:
        super().__init__(tekst)
        self.blad = blad


def bladen(
    data: bytes, namen: Sequence[str] | None = None, *, max_rijen: int, max_kolommen: int
) -> dict[str, list[list[Any]]]:
    """The rows of the sheets ``namen`` (all when None), each row as long as it is (up
    to ``max_kolommen``); WerkboekFout for an unreadable file or a sheet above the bounds."""
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as e:
        raise WerkboekFout("-", f"geen leesbaar Excel-bestand (.xlsx): {e}") from None
    uit: dict[str, list[list[Any]]] = {}
    try:
        for naam in namen if namen is not None else wb.sheetnames:
            if naam not in wb.sheetnames:
                continue
            ws = wb[naam]
            # The declared size (the <dimension> element) first: refuse before reading.
            for gezegd, grens, wat in ((ws.max_row, max_rijen, "rijen"),
                                       (ws.max_column, max_kolommen, "kolommen")):  # fmt: skip
                if gezegd is not None and gezegd > grens:
                    raise WerkboekFout(
                        naam, f"het blad is te groot: {gezegd} {wat} (hoogstens {grens})"
                    )
            rijen: list[list[Any]] = []
            for rij in ws.iter_rows(max_row=max_rijen + 1, max_col=max_kolommen, values_only=True):
                if len(rijen) == max_rijen:
                    raise WerkboekFout(naam, f"het blad heeft meer dan {max_rijen} rijen")
                rijen.append(list(rij))
            # Trailing empty cells of the bounded rows are not data.
            uit[naam] = [r[: _lengte(r)] for r in rijen]
    finally:
        wb.close()
    return uit


def _lengte(rij: list[Any]) -> int:
    n = len(rij)
    while n and rij[n - 1] in (None, ""):
        n -= 1
    return n


def bladnamen(data: bytes) -> list[str]:
    """The sheet names of a readable workbook (for a message naming what was found)."""
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError):
        return []
    try:
        return list(wb.sheetnames)
    finally:
        wb.close()
