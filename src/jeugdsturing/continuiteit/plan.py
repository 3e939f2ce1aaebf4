# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Continuity plans as pure functions: which bulk rule decides a case, the date and
partner it gives, and the continuity budget a plan reserves per gemeente and year."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from jeugdsturing.continuiteit.analyse import kosten_per_jaar, plus_maanden

DOORLOPEN, OVERDRAGEN, BEEINDIGEN = "doorlopen", "overdragen", "beeindigen"
STANDAARD_MAANDEN = 12  # a rule "until the end of the assignment" for a case without one


@dataclass(frozen=True)
class Regel:
    id: int
    categorieen: frozenset[str]
    thema: int | None
    gemeente: str
    aanbieder: int | None
    besluit: str
    tot_einde_toewijzing: bool
    maanden: int | None
    partner: int | None


@dataclass(frozen=True)
class Kern:
    """What a rule looks at in a case."""

    id: int
    categorie: str
    thema: int | None
    gemeente: str
    aanbieder: int
    toewijzing_einddatum: date | None


@dataclass(frozen=True)
class Plan:
    besluit: str
    datum: date
    partner: int | None
    regel: int  # the bulk rule that decided


def past(regel: Regel, geval: Kern) -> bool:
    """Does the rule apply to the case? An empty condition matches every case."""
    return (
        (not regel.categorieen or geval.categorie in regel.categorieen)
        and (regel.thema is None or geval.thema == regel.thema)
        and (not regel.gemeente or geval.gemeente == regel.gemeente)
        and (regel.aanbieder is None or geval.aanbieder == regel.aanbieder)
    )


def datum_van(regel: Regel, geval: Kern, overgang: date) -> date:
    """The rule's date for a case: the assignment's end (when it lies after the
    transition date), else the given number of months after the transition date."""
    einde = geval.toewijzing_einddatum
    if regel.tot_einde_toewijzing and einde is not None and einde >= overgang:
        return einde
    return plus_maanden(overgang, regel.maanden or STANDAARD_MAANDEN)


def plannen(
    regels: Sequence[Regel],
    gevallen: Sequence[Kern],
    *,
    overgang: date,
    partners: Mapping[int | None, Sequence[int]],
    bezetting: Mapping[int, int] | None = None,
    huidig: Mapping[int, int] | None = None,
) -> tuple[dict[int, Plan], list[int]]:
    """Plans for the cases a rule matches (the first by order decides), and the cases a
    transfer rule matched but no partner is contracted for their theme. A transfer rule
    without a named partner chooses, case by case, the theme's partner with the fewest
    transfers so far (``bezetting``: transfers already planned by hand), in the order of
    ``partners``; so the children are spread and the result does not depend on chance.
    A case that already has a partner from an earlier run (``huidig``) keeps it while
    that partner is still contracted for its theme: applying the rules again does not
    move children between partners."""
    telling = dict(bezetting or {})
    huidig = huidig or {}
    for p in huidig.values():
        telling[p] = telling.get(p, 0) + 1
    plannen_: dict[int, Plan] = {}
    zonder_partner: list[int] = []
    for g in sorted(gevallen, key=lambda k: k.id):
        vorige = huidig.get(g.id)
        if vorige is not None:
            telling[vorige] -= 1  # counted again below when the case keeps it
        regel = next((r for r in regels if past(r, g)), None)
        if regel is None:
            continue
        partner = None
        if regel.besluit == OVERDRAGEN:
            kandidaten = list(partners.get(g.thema, ()))
            if regel.partner is not None:
                partner = regel.partner if regel.partner in kandidaten or g.thema is None else None
            elif vorige is not None and vorige in kandidaten:
                partner = vorige
            elif kandidaten:
                partner = min(kandidaten, key=lambda p: (telling.get(p, 0), kandidaten.index(p)))
            if partner is None:
                zonder_partner.append(g.id)
                continue
            telling[partner] = telling.get(partner, 0) + 1
        plannen_[g.id] = Plan(regel.besluit, datum_van(regel, g, overgang), partner, regel.id)
    return plannen_, zonder_partner


@dataclass(frozen=True)
class Kosten:
    """A planned case as the budget sees it."""

    gemeente: str
    maandkosten: Sequence[int]
    datum: date  # continuity care until this date (then transferred or ended)


def reservering(gevallen: Sequence[Kosten], overgang: date) -> dict[tuple[str, int], int]:
    """The continuity budget per (gemeente, year): the expected cost of the care at the
    current provider from the transition date until the plan's date, summed exactly (each
    case's cost is whole eurocent per month)."""
    uit: dict[tuple[str, int], int] = {}
    for g in gevallen:
        for jaar, bedrag in kosten_per_jaar(g.maandkosten, overgang, g.datum).items():
            uit[(g.gemeente, jaar)] = uit.get((g.gemeente, jaar), 0) + bedrag
    return uit
