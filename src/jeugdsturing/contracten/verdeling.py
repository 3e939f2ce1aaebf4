# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Lump-sum allocation as pure functions: budgets and keys in, amounts out, exact to the
cent (docs/contracten.md, "Verdeling").

Each budget cell (gemeente x thema) is divided over providers in proportion to their
keys with the largest-remainder method: every provider first gets the whole cents of
its exact share, and the cents left over go one by one to the largest remainders
(ties: the order of the keys as given, which callers make deterministic by sorting).
So the allocations of a cell always add up to its budget, none is negative, and each
differs from its exact share by less than one cent."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
A = TypeVar("A", bound=Hashable)
G = TypeVar("G", bound=Hashable)
T = TypeVar("T", bound=Hashable)

Gewicht = int | Decimal | Fraction | str


class VerdelingFout(ValueError):
    """A budget that cannot be divided: names the cell and the reason."""


def _fractie(w: Gewicht) -> Fraction:
    f = Fraction(w)  # exact for int, Decimal, Fraction and decimal strings
    if f < 0:
        raise VerdelingFout(f"negatieve sleutel {w}")
    return f


def verdeel(totaal: int, sleutels: Mapping[K, Gewicht]) -> dict[K, int]:
    """Divide ``totaal`` eurocent over the keys in proportion to their weights."""
    if totaal < 0:
        raise VerdelingFout(f"negatief bedrag {totaal}")
    gewichten = {k: _fractie(w) for k, w in sleutels.items()}
    som = sum(gewichten.values(), Fraction(0))
    if som == 0:
        if totaal == 0:
            return dict.fromkeys(gewichten, 0)
        raise VerdelingFout("geen sleutel groter dan nul om het bedrag over te verdelen")
    exact = {k: totaal * w / som for k, w in gewichten.items()}
    uit = {k: int(e) for k, e in exact.items()}  # floor: shares are non-negative
    over = totaal - sum(uit.values())
    volgorde = {k: i for i, k in enumerate(gewichten)}
    rest = sorted(gewichten, key=lambda k: (-(exact[k] - uit[k]), volgorde[k]))
    for k in rest[:over]:
        uit[k] += 1
    return uit


def lumpsums_verdelen(
    budgetten: Mapping[tuple[G, T], int],
    sleutels: Mapping[tuple[G, T], Mapping[A, Gewicht]],
) -> dict[tuple[A, G, T], int]:
    """Allocation of every (gemeente, thema) budget over the providers keyed for that
    cell. Returns amounts per (aanbieder, gemeente, thema), zero amounts left out."""
    uit: dict[tuple[A, G, T], int] = {}
    for (gemeente, thema), bedrag in budgetten.items():
        cel = sleutels.get((gemeente, thema))
        if not cel:
            if bedrag == 0:
                continue
            raise VerdelingFout(
                f"geen verdeelsleutel voor gemeente {gemeente}, thema {thema} "
                f"(budget {bedrag} eurocent)"
            )
        try:
            deel = verdeel(bedrag, cel)
        except VerdelingFout as e:
            raise VerdelingFout(f"gemeente {gemeente}, thema {thema}: {e}") from None
        for aanbieder, b in deel.items():
            if b:
                uit[(aanbieder, gemeente, thema)] = b
    return uit


def sleutels_uit_startfoto(
    regels: Iterable[tuple[A, G, T, int]],
    cellen: Iterable[tuple[G, T]],
) -> tuple[dict[tuple[G, T], dict[A, int]], list[tuple[G, T]]]:
    """Keys from a startfoto: each provider's realised amount (or clients) per gemeente
    and thema in a reference period. A cell without any realisation takes the provider
    shares of its thema over all gemeenten; the cells for which that was needed are
    returned too, so the caller can report them. A thema without any realisation has
    no keys (lumpsums_verdelen will then name it)."""
    per_cel: dict[tuple[G, T], dict[A, int]] = {}
    per_thema: dict[T, dict[A, int]] = {}
    for aanbieder, gemeente, thema, gewicht in regels:
        if gewicht < 0:
            raise VerdelingFout(f"negatieve startfoto voor {aanbieder}, {gemeente}, {thema}")
        if gewicht == 0:
            continue
        cel = per_cel.setdefault((gemeente, thema), {})
        cel[aanbieder] = cel.get(aanbieder, 0) + gewicht
        th = per_thema.setdefault(thema, {})
        th[aanbieder] = th.get(aanbieder, 0) + gewicht
    uit: dict[tuple[G, T], dict[A, int]] = {}
    aangevuld: list[tuple[G, T]] = []
    for gemeente, thema in cellen:
        if (gemeente, thema) in per_cel:
            uit[(gemeente, thema)] = dict(sorted(per_cel[(gemeente, thema)].items(), key=str))
        elif thema in per_thema:
            uit[(gemeente, thema)] = dict(sorted(per_thema[thema].items(), key=str))
            aangevuld.append((gemeente, thema))
    return uit, aangevuld
