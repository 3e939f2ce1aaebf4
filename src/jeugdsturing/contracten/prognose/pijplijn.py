# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The pipeline method (PxQ): the expected claims of running trajectories and new
inflow over the remaining months, and the variance chance alone causes (noise floor)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from jeugdsturing.contracten.prognose.basis import maand_index
from jeugdsturing.contracten.prognose.methoden import _s


@dataclass(frozen=True)
class PijplijnInvoer:
    """What the pipeline method knows on the peildatum, per (aanbieder, gemeente)."""

    lopend: Sequence[tuple[str, date, float]]  # productcode, start month, monthly amount
    wachtend: int  # assigned, not yet started
    # The starts of the inflow window as templates for new inflow: productcode, amount
    # (per month, or once for a total volume) and whether it is claimed once.
    nieuw: Sequence[tuple[str, float, bool]] = ()
    venster: int = 1  # months in the inflow window
    # The usual number waiting at a month end in the window (None: no history).
    wachtend_normaal: float | None = None
    benutting_lopend: float = 1.0  # claimed / planned x season of the running trajectories
    benutting_nieuw: float = 1.0  # the same for the trajectories started in the past year
    aanbieder: str = ""


def _curve(
    overleving: Mapping[str, Sequence[float]], aanbieder: str, product: str
) -> Sequence[float]:
    """The provider's own curve for the product, else the product's, else the overall."""
    eigen = overleving.get(f"{aanbieder}|{product}")
    return eigen if eigen is not None else overleving.get(product, overleving["*"])


def _eerste_maand(invoer: PijplijnInvoer) -> float:
    """Weight of month m+1 in the new inflow: more (or fewer) starts when more (fewer)
    children wait for their start than usual; the assignments already made are the one
    part of next month's inflow that is known."""
    per_maand = len(invoer.nieuw) / invoer.venster
    if invoer.wachtend_normaal is None:
        return max(1.0, invoer.wachtend / per_maand)
    return max(0.0, 1.0 + (invoer.wachtend - invoer.wachtend_normaal) / per_maand)


def pijplijn_rest(
    invoer: PijplijnInvoer,
    jaar: int,
    m: int,
    overleving: Mapping[str, Sequence[float]],
    index: Sequence[float],
) -> float:
    """Expected claims for care months m+1..12 of ``jaar``."""
    peil_maand = jaar * 12 + m - 1  # index of care month m
    lopend = 0.0
    for product, start, bedrag in invoer.lopend:
        curve = _curve(overleving, invoer.aanbieder, product)
        a0 = peil_maand - maand_index(start)
        # Running on the peildatum (its claim for month m in, no stop known by the 15th
        # of m+1) means it has come through month m: condition on S(a0 + 1), not S(a0),
        # which would count month m's ends a second time (8% too few months, measured).
        s0 = _s(curve, a0 + 1)
        if s0 <= 0:
            continue
        for k in range(m + 1, 13):
            a = a0 + k - m
            actief = (_s(curve, a) + _s(curve, a + 1)) / 2  # ends fall mid-month
            lopend += bedrag * index[k - 1] * actief / s0
    if not invoer.nieuw:
        return lopend * invoer.benutting_lopend
    # New inflow: every start of the window is a template, with its own product's curve
    # and amount, arriving at len(nieuw) / venster starts per month.
    eerste = _eerste_maand(invoer)
    gewicht_eenmalig = (eerste + (12 - m - 1)) / invoer.venster
    per_product: dict[str, float] = {}
    nieuw = 0.0
    for product, bedrag, eenmalig in invoer.nieuw:
        if eenmalig:  # a total volume is claimed once, in the start month
            nieuw += bedrag * gewicht_eenmalig
            continue
        factor = per_product.get(product)
        if factor is None:
            curve = _curve(overleving, invoer.aanbieder, product)
            factor = 0.0
            for j in range(m + 1, 13):
                w = eerste if j == m + 1 else 1.0
                for k in range(j, 13):
                    deel = 0.5 if k == j else 1.0  # starts fall mid-month on average
                    actief = (_s(curve, k - j) + _s(curve, k - j + 1)) / 2
                    factor += w * index[k - 1] * deel * actief
            factor /= invoer.venster
            per_product[product] = factor
        nieuw += bedrag * factor
    return lopend * invoer.benutting_lopend + nieuw * invoer.benutting_nieuw


def _verdeling_einde(curve: Sequence[float], vanaf: int, tot: int) -> list[tuple[int, float]]:
    """(end age d, probability) for a trajectory known to run at age ``vanaf``: ends at
    ages vanaf..tot, and a last entry (tot + 1) for 'still running after age tot'."""
    s0 = _s(curve, vanaf)
    if s0 <= 0:
        return []
    uit = [(d, (_s(curve, d) - _s(curve, d + 1)) / s0) for d in range(vanaf, tot + 1)]
    return [*uit, (tot + 1, _s(curve, tot + 1) / s0)]


def _actief(d: int, a: int) -> float:
    """Share of the month at age a that a trajectory ending at age d is running."""
    return 1.0 if d > a else 0.5 if d == a else 0.0


def pijplijn_ruis(
    invoer: PijplijnInvoer,
    jaar: int,
    m: int,
    overleving: Mapping[str, Sequence[float]],
    index: Sequence[float],
) -> float:
    """The variance of the claims for care months m+1..12 that chance alone causes,
    when everything the pipeline method assumes is exactly right: which running
    trajectories end when (each on its own curve), and how many children start (a
    Poisson process at the inflow rate; compound, since each start costs differently).
    A forecast cannot on average get closer than sqrt(2 / pi) x its square root: the
    noise floor of the backtest. Leaves out how much providers deliver of the planned
    volume, so the real floor is a little higher."""
    peil_maand = jaar * 12 + m - 1
    variantie = 0.0
    v1: dict[tuple[str, int], float] = {}  # variance for 1 cent a month, per product, age
    for product, start, bedrag in invoer.lopend:
        a0 = peil_maand - maand_index(start)
        if (product, a0) not in v1:
            curve = _curve(overleving, invoer.aanbieder, product)
            e = e2 = 0.0
            for d, p in _verdeling_einde(curve, a0 + 1, a0 + 12 - m):
                r = sum(index[k - 1] * _actief(d, a0 + k - m) for k in range(m + 1, 13))
                e += p * r
                e2 += p * r * r
            v1[(product, a0)] = e2 - e * e
        b = bedrag * invoer.benutting_lopend
        variantie += b * b * v1[(product, a0)]
    if not invoer.nieuw:
        return variantie
    per_maand = len(invoer.nieuw) / invoer.venster
    eerste = _eerste_maand(invoer)
    z2: dict[tuple[str, int], float] = {}  # E[claims^2] of one start of 1 cent a month
    for j in range(m + 1, 13):
        starts = per_maand * (eerste if j == m + 1 else 1.0)
        som = 0.0  # sum over the templates of E[Y^2]
        for product, bedrag, eenmalig in invoer.nieuw:
            b = bedrag * invoer.benutting_nieuw
            if eenmalig:
                som += b * b
                continue
            sleutel = (product, j)
            if sleutel not in z2:
                curve = _curve(overleving, invoer.aanbieder, product)
                z2[sleutel] = sum(
                    p
                    * sum(
                        index[k - 1] * (0.5 if k == j else 1.0) * _actief(d, k - j)
                        for k in range(j, 13)
                    )
                    ** 2
                    for d, p in _verdeling_einde(curve, 0, 12 - j)
                )
            som += b * b * z2[sleutel]
        variantie += starts * som / len(invoer.nieuw)
    return variantie
