# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Tariffs as pure functions: which tariff applies on a date, and yearly indexation."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal


@dataclass(frozen=True)
class TariefRegel:
    productcode: str
    bedrag_eurocent: int
    geldig_van: date
    geldig_tot: date | None
    overeenkomst: int | None = None  # a contract-specific tariff overrides the regional one


def geindexeerd(
    bedrag: int, van_jaar: int, naar_jaar: int, indexaties: Mapping[int, Decimal]
) -> int:
    """A tariff set in ``van_jaar`` as it applies in ``naar_jaar``: raised on every
    1 January in between by that year's indexation, rounded half-up to the cent each
    year, as regions publish yearly tariff lists. A missing year counts as 0%."""
    uit = Decimal(bedrag)
    for jaar in range(van_jaar + 1, naar_jaar + 1):
        pct = indexaties.get(jaar, Decimal(0))
        uit = (uit * (1 + pct / 100)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return int(uit)


def tarief_op(
    regels: Iterable[TariefRegel],
    productcode: str,
    dag: date,
    indexaties: Mapping[int, Decimal],
    overeenkomst: int | None = None,
) -> int | None:
    """The tariff of a product on a day: the contract's own tariff when it has one valid
    on that day, else the regional one; indexed from the year it was set to the year of
    ``dag``. None when no tariff is valid."""
    geldig = [
        r
        for r in regels
        if r.productcode == productcode
        and r.geldig_van <= dag
        and (r.geldig_tot is None or dag <= r.geldig_tot)
        and r.overeenkomst in (None, overeenkomst)
    ]
    if not geldig:
        return None
    # Contract-specific first, then the most recently set.
    beste = max(geldig, key=lambda r: (r.overeenkomst is not None, r.geldig_van))
    return geindexeerd(beste.bedrag_eurocent, beste.geldig_van.year, dag.year, indexaties)


def overlappen(regels: Iterable[TariefRegel]) -> list[tuple[TariefRegel, TariefRegel]]:
    """Pairs of tariffs for the same product and contract whose periods overlap."""
    per: dict[tuple[str, int | None], list[TariefRegel]] = {}
    for r in regels:
        per.setdefault((r.productcode, r.overeenkomst), []).append(r)
    uit = []
    for lijst in per.values():
        lijst.sort(key=lambda r: r.geldig_van)
        for a, b in itertools.pairwise(lijst):
            if a.geldig_tot is None or b.geldig_van <= a.geldig_tot:
                uit.append((a, b))
    return uit
