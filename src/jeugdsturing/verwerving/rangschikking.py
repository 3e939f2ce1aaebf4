# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Ranking and selection of a tender: pure functions, no ORM (docs/verwerving.md).

- The weighted total of a bid is the weighted mean of its final (consensus) scores.
- A bid is eligible when it meets the minimum of every criterion that has one and the
  minimum total.
- Ties are broken by the announced rule (the higher score on the heaviest criterion,
  then the next heaviest, ...) and what is still tied by a lottery: a reproducible
  order from a recorded seed (SHA-256 of seed and bid number), so that anyone with the
  seed can check the draw.
- The best N eligible bids are selected, the next K go to the waiting room; when a
  selected bidder drops out, the first in the waiting room moves up.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal

from jeugdsturing.weergave.templatetags.bedragen import komma

TWEE = Decimal("0.01")


@dataclass(frozen=True)
class Criterium:
    code: str
    weging: Decimal
    minimum: Decimal | None = None


@dataclass(frozen=True)
class Beoordeling:
    """The final score per criterion code of one bid."""

    inschrijving: int
    scores: Mapping[str, Decimal]


@dataclass(frozen=True)
class Plaats:
    inschrijving: int
    rang: int
    totaal: Decimal
    door_loting: bool = False


@dataclass(frozen=True)
class Afgewezen:
    inschrijving: int
    totaal: Decimal
    reden: str


@dataclass(frozen=True)
class Rangschikking:
    plaatsen: tuple[Plaats, ...]
    afgewezen: tuple[Afgewezen, ...]
    lotingen: tuple[tuple[int, ...], ...]  # each tied group, in the order the lottery drew


@dataclass(frozen=True)
class Selectie:
    geselecteerd: tuple[int, ...]
    wachtkamer: tuple[int, ...]
    buiten: tuple[int, ...]  # eligible, but below the waiting room
    opgeschoven: tuple[int, ...] = field(default=())  # moved up from the waiting room


def totaal(scores: Mapping[str, Decimal], criteria: Sequence[Criterium]) -> Decimal:
    """Weighted mean of the scores, rounded to 0.01 (half up)."""
    ontbreekt = [c.code for c in criteria if c.code not in scores]
    if ontbreekt:
        raise ValueError(f"score ontbreekt voor criterium {', '.join(ontbreekt)}")
    gewicht = sum((c.weging for c in criteria), Decimal(0))
    if gewicht <= 0:
        raise ValueError("de wegingen van de criteria tellen op tot 0")
    som = sum((scores[c.code] * c.weging for c in criteria), Decimal(0))
    return (som / gewicht).quantize(TWEE, rounding=ROUND_HALF_UP)


def loting(inschrijvingen: Sequence[int], zaad: str) -> tuple[int, ...]:
    """The lottery's order: by SHA-256 of "seed|bid number". The same seed and bids
    always give the same order; the seed is recorded with witnesses and time."""
    if not zaad:
        raise ValueError("een loting vraagt om een vastgelegd zaad (seed)")
    return tuple(
        sorted(inschrijvingen, key=lambda i: hashlib.sha256(f"{zaad}|{i}".encode()).hexdigest())
    )


def rangschik(
    beoordelingen: Sequence[Beoordeling],
    criteria: Sequence[Criterium],
    *,
    minimum_totaal: Decimal | None = None,
    zaad: str | None = None,
) -> Rangschikking:
    """Rank the eligible bids; the others are rejected with their reason. A tie that the
    announced rule leaves needs `zaad` (the recorded seed of the lottery)."""
    zwaarst = sorted(criteria, key=lambda c: (-c.weging, c.code))
    geschikt: list[tuple[Decimal, tuple[Decimal, ...], int]] = []
    afgewezen: list[Afgewezen] = []
    for b in beoordelingen:
        t = totaal(b.scores, criteria)
        onder = [
            f"{c.code} {komma(b.scores[c.code])} < {komma(c.minimum)}"
            for c in criteria
            if c.minimum is not None and b.scores[c.code] < c.minimum
        ]
        if onder:
            afgewezen.append(Afgewezen(b.inschrijving, t, "onder het minimum: " + "; ".join(onder)))
        elif minimum_totaal is not None and t < minimum_totaal:
            afgewezen.append(
                Afgewezen(
                    b.inschrijving,
                    t,
                    f"totaal {komma(t)} onder het minimum {komma(minimum_totaal)}",
                )
            )
        else:
            geschikt.append((t, tuple(b.scores[c.code] for c in zwaarst), b.inschrijving))
    # Group by (total, then the announced rule); a group of more than one is a tie.
    groepen: dict[tuple[Decimal, tuple[Decimal, ...]], list[int]] = {}
    for t, regel, nr in geschikt:
        groepen.setdefault((t, regel), []).append(nr)
    plaatsen: list[Plaats] = []
    lotingen: list[tuple[int, ...]] = []
    for sleutel in sorted(groepen, key=lambda k: (k[0], k[1]), reverse=True):
        leden = sorted(groepen[sleutel])
        if len(leden) > 1:
            if zaad is None:
                raise GelijkeStand(tuple(leden))
            leden = list(loting(leden, zaad))
            lotingen.append(tuple(leden))
        for nr in leden:
            plaatsen.append(Plaats(nr, len(plaatsen) + 1, sleutel[0], door_loting=len(leden) > 1))
    return Rangschikking(tuple(plaatsen), tuple(afgewezen), tuple(lotingen))


class GelijkeStand(Exception):
    """A tie the announced rule does not break: a lottery (with a recorded seed) is needed."""

    def __init__(self, inschrijvingen: tuple[int, ...]) -> None:
        super().__init__(
            "gelijke stand tussen inschrijvingen "
            + ", ".join(str(i) for i in inschrijvingen)
            + ": loting nodig"
        )
        self.inschrijvingen = inschrijvingen


def gelijke_standen(
    beoordelingen: Sequence[Beoordeling], criteria: Sequence[Criterium]
) -> list[tuple[int, ...]]:
    """The tied groups the announced rule leaves (all bids, eligible or not)."""
    zwaarst = sorted(criteria, key=lambda c: (-c.weging, c.code))
    groepen: dict[tuple[Decimal, tuple[Decimal, ...]], list[int]] = {}
    for b in beoordelingen:
        sleutel = (totaal(b.scores, criteria), tuple(b.scores[c.code] for c in zwaarst))
        groepen.setdefault(sleutel, []).append(b.inschrijving)
    return [tuple(sorted(v)) for v in groepen.values() if len(v) > 1]


def selecteer(rangschikking: Rangschikking, maximum: int, wachtkamer: int) -> Selectie:
    """The best `maximum` ranked bids, the next `wachtkamer` in the waiting room."""
    volgorde = tuple(p.inschrijving for p in rangschikking.plaatsen)
    return Selectie(
        geselecteerd=volgorde[:maximum],
        wachtkamer=volgorde[maximum : maximum + wachtkamer],
        buiten=volgorde[maximum + wachtkamer :],
    )


def selecteer_per_perceel(
    rangschikking: Rangschikking,
    percelen: Mapping[int, Collection[str]],
    limieten: Mapping[str, tuple[int | None, int]],
) -> dict[str, Selectie]:
    """Selection per lot (seed 000): per lot the ranked bids that bid on it, in the
    overall order; the best `maximum` (None: no maximum) selected, the next `wachtkamer`
    in that lot's waiting room. percelen: bid number -> its lot codes; limieten: lot
    code -> (maximum, wachtkamer)."""
    uitkomst: dict[str, Selectie] = {}
    for code, (maximum, wachtkamer) in limieten.items():
        volgorde = tuple(
            p.inschrijving
            for p in rangschikking.plaatsen
            if code in percelen.get(p.inschrijving, ())
        )
        n = len(volgorde) if maximum is None else maximum
        uitkomst[code] = Selectie(
            volgorde[:n], volgorde[n : n + wachtkamer], volgorde[n + wachtkamer :]
        )
    return uitkomst


def uitval(selectie: Selectie, inschrijving: int) -> Selectie:
    """A selected bidder drops out: the first in the waiting room moves up (if any)."""
    if inschrijving not in selectie.geselecteerd:
        raise ValueError(f"inschrijving {inschrijving} is niet geselecteerd")
    rest = tuple(i for i in selectie.geselecteerd if i != inschrijving)
    if not selectie.wachtkamer:
        return replace(selectie, geselecteerd=rest)
    eerste, *overig = selectie.wachtkamer
    return replace(
        selectie,
        geselecteerd=(*rest, eerste),
        wachtkamer=tuple(overig),
        opgeschoven=(*selectie.opgeschoven, eerste),
    )
