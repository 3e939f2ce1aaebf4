# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Small-number protection of published figures (docs/indicatoren.md, "Kleine aantallen").

- A count of 1-4 is shown as "<5" (0 is shown: nobody to protect); a larger count is
  rounded to a multiple of 5 as CBS does, so that no two published counts differ by
  1-4 (a child cannot be found by subtracting two tables).
- A percentage is shown only when its denominator is at least 10 and neither its
  numerator nor the complement (denominator - numerator) is 1-4: otherwise 4.0% of 50
  would tell that 2 clients did something.
- A median, p80 or mean is shown only when it rests on at least 10 trajectories;
  placements per 1,000 only when the placements are not 1-4.
- Secondary suppression, so that a hidden count cannot be derived by subtraction:
  within a row (outflow = planned + drop-out + other) and down each column of counts
  that add up over the rows of a dimension (inflow, outflow, extensions), a lone hidden
  cell takes the smallest visible positive cell of the same sum with it.
Hidden statistics and percentages are shown as "afgeschermd"; null stays "undefined".
Percentages and statistics are computed from the exact numbers. Published figures only
cover fixed periods (Periode.vast: a month, quarter, half-year or (rolling) year), never
arbitrary day ranges (Monitor.rijen refuses them for a viewer without exact figures).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from jeugdsturing.monitor.indicatoren import (
    AANTALLEN,
    INDICATOREN,
    NOEMERS,
    OPTELBAAR,
    TELLERS,
)

KLEIN = "<5"
AFGESCHERMD = "afgeschermd"
MIN_AANTAL = 5
MIN_NOEMER = 10
AFRONDING = 5  # CBS rounds published counts to multiples of 5
UITSTROOM = ("uitstroom", "uitstroom_volgens_plan", "uitstroom_voortijdig", "uitstroom_overig")

Rij = dict[str, Any]


@dataclass(frozen=True)
class Regels:
    """What to protect in a kind of row: the counts, each percentage's denominator and
    numerator, the counts that add up over the rows of a dimension, and the sums within
    a row (a total and its parts)."""

    aantallen: tuple[str, ...]
    noemers: Mapping[str, str]
    tellers: Mapping[str, str]
    optelbaar: tuple[str, ...] = ()
    rijsommen: tuple[tuple[str, ...], ...] = ()


MONITOR = Regels(AANTALLEN, NOEMERS, TELLERS, OPTELBAAR, (UITSTROOM,))


def _klein(v: object) -> bool:
    return isinstance(v, int) and 1 <= v < MIN_AANTAL


def aandeel_getoond(teller: int | None, noemer: int) -> bool:
    """May a share be published? Not over fewer than 10, and not when it tells that 1-4
    did or did not (teller None: only the denominator is known)."""
    if noemer < MIN_NOEMER:
        return False
    return teller is None or not (_klein(teller) or _klein(noemer - teller))


def afgerond(n: int) -> int:
    """A count rounded to the nearest multiple of 5 (halves up): 12 -> 10, 13 -> 15."""
    return (n + AFRONDING // 2) // AFRONDING * AFRONDING


def verborgen(v: object) -> bool:
    return v in (KLEIN, AFGESCHERMD)


def _rij(rij: Rij, regels: Regels) -> Rij:
    uit = dict(rij)
    for k in regels.aantallen:
        v = rij.get(k)
        if _klein(v):
            uit[k] = KLEIN
        elif isinstance(v, int) and not isinstance(v, bool):
            uit[k] = afgerond(v)
    for k, noemer_kolom in regels.noemers.items():
        if uit.get(k) is None:
            continue
        noemer = int(rij.get(noemer_kolom) or 0)
        teller_kolom = regels.tellers.get(k)
        teller = int(rij.get(teller_kolom) or 0) if teller_kolom is not None else None
        if not aandeel_getoond(teller, noemer):
            uit[k] = AFGESCHERMD
    if uit.get("plaatsingen_per_1000") is not None and _klein(rij.get("n_plaatsingen")):
        uit["plaatsingen_per_1000"] = AFGESCHERMD
    return uit


def _neem_mee(cellen: list[tuple[Rij, str, Rij]]) -> bool:
    """cellen: (published row, column, exact row) of one additive sum. A lone hidden cell
    takes the smallest visible positive one with it. True when something changed."""
    verborgen_n = sum(verborgen(uit[k]) for uit, k, _ in cellen)
    if verborgen_n != 1:
        return False
    zichtbaar = [
        (exact[k], i)
        for i, (uit, k, exact) in enumerate(cellen)
        if not verborgen(uit[k]) and isinstance(exact.get(k), int) and exact[k] > 0
    ]
    if not zichtbaar:
        return False
    _, i = min(zichtbaar)
    uit, k, _ = cellen[i]
    uit[k] = KLEIN if _klein(cellen[i][2][k]) else AFGESCHERMD
    return True


def beschermen(rijen: Sequence[Rij], by: Sequence[str] = (), regels: Regels = MONITOR) -> list[Rij]:
    """The published version of result rows (exact rows in, protected rows out; the
    helper counts n_* stay in the exact rows only). Rows of one period and one value of
    each other dimension form one additive sum."""
    uit = [_rij(r, regels) for r in rijen]
    paren = list(zip(uit, rijen, strict=True))
    # One additive sum per period and per value of all dimensions but one: its rows add
    # up to a figure the viewer can ask for separately (the total, or a margin).
    sommen: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for i, r in enumerate(rijen):
        for d in by:
            rest = tuple(r.get(x) for x in by if x != d)
            sommen[(d, r.get("periode_van"), r.get("periode_tot"), *rest)].append(i)
    veranderd = True
    while veranderd:
        veranderd = False
        for u, exact in paren:
            for som in regels.rijsommen:
                veranderd |= _neem_mee([(u, k, exact) for k in som])
        for leden in sommen.values():
            for k in regels.optelbaar:
                veranderd |= _neem_mee([(uit[i], k, rijen[i]) for i in leden])
    return uit


def publiek(rijen: Sequence[Rij], by: Sequence[str], exact: bool) -> list[Rij]:
    """Rows as shown to a viewer: dimensions, period and indicators; protected unless
    the viewer may see exact figures."""
    bron = list(rijen) if exact else beschermen(rijen, by)
    velden = ["periode_van", "periode_tot", *by, *INDICATOREN]
    return [{k: r.get(k) for k in velden} for r in bron]
