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
