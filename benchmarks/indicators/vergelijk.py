# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Compare the engine with a reference: the same rows, counts equal, and every other
figure equal up to floating-point rounding (1e-9 relative)."""

from __future__ import annotations

import math

import polars as pl

from jeugdsturing.monitor.indicatoren import HULPKOLOMMEN, INDICATOREN

KOLOMMEN = [k for k in (*INDICATOREN, *HULPKOLOMMEN) if k != "jongeren_0_17"]


def verschillen(engine: pl.DataFrame, referentie: pl.DataFrame, naam: str) -> list[str]:
    """Human-readable differences (empty when the two agree)."""
    sleutel = ["periode_van", "aanbieder"]
    a = engine.select(*sleutel, *KOLOMMEN).sort(sleutel)
    b = referentie.select(*sleutel, *KOLOMMEN).sort(sleutel)
    uit: list[str] = []
    if a.select(sleutel).rows() != b.select(sleutel).rows():
        alleen_a = set(a.select(sleutel).rows()) - set(b.select(sleutel).rows())
        alleen_b = set(b.select(sleutel).rows()) - set(a.select(sleutel).rows())
        return [
            f"{naam}: other rows: only engine {sorted(alleen_a)[:5]}, "
            f"only {naam} {sorted(alleen_b)[:5]}"
        ]
    for k in KOLOMMEN:
        for i, (x, y) in enumerate(zip(a[k].to_list(), b[k].to_list(), strict=True)):
            if x is None or y is None or (isinstance(x, float) and math.isnan(x)):
                gelijk = (x is None or (isinstance(x, float) and math.isnan(x))) and (
                    y is None or (isinstance(y, float) and math.isnan(y))
                )
            elif isinstance(x, int) and isinstance(y, int):
                gelijk = x == y
            else:
                gelijk = math.isclose(float(x), float(y), rel_tol=1e-9, abs_tol=1e-9)
            if not gelijk:
                uit.append(f"{naam}: {k} at {a.row(i)[:2]}: engine {x}, {naam} {y}")
    return uit
