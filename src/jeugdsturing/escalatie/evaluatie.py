# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Evaluating a region's signal rules at a date: each rule's funnel points
(monitor.vergelijking) on the region's frames, the units outside the rule's limit, and
since when they have been outside it. Reads only; services/signalen.py records."""

from __future__ import annotations

import calendar
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import cast

from jeugdsturing.core.access import Scope
from jeugdsturing.monitor.indicatoren import Periode
from jeugdsturing.monitor.service import Monitor, regio_monitor
from jeugdsturing.monitor.trechter import Grenzen, Niveau
from jeugdsturing.monitor.vergelijking import (
    MAATSTAVEN,
    Groepering,
    Punt,
    Vergelijking,
    achter_punt,
    punten,
    venster,
)
from jeugdsturing.regio.models import Regio

TERUG_MAANDEN = 24  # how far back "since" looks
RANG = {Niveau.BINNEN: 0, Niveau.WAARSCHUWING: 1, Niveau.ALARM: 2}

# Where a rule compared with a goal finds its target (a fraction for a share): the goals
# live in the sturing app above this one, which registers its lookup at start-up.
DoelwaardeBron = Callable[[Regio, str], float | None]
_doelwaarden: list[DoelwaardeBron] = []


def registreer_doelwaarden(bron: DoelwaardeBron) -> None:
    if bron not in _doelwaarden:
        _doelwaarden.append(bron)


def doelwaarde(regio: Regio, code: str) -> float | None:
    for bron in _doelwaarden:
        waarde = bron(regio, code)
        if waarde is not None:
            return waarde
    return None


# The acceptance duty as a signal source (seed 000 2.4): refused assignments at the
# intake point, counted per provider against a threshold (the rule's minimum volume)
# rather than compared in a funnel: the duty is absolute, one refusal can be enough.
WEIGERINGEN = "weigeringen"
DREMPEL = "drempel"
# Per AGB code in a period: (assignments, refusals).
Weigerbron = Callable[[Periode], Mapping[str, tuple[int, int]]]


@dataclass(frozen=True)
class Regel:
    """What evaluation needs of a rule (a Signaalregel or a RegelConfig). `vergelijking`
    is a comparison of monitor.vergelijking, or "drempel" for the refusals."""

    code: str
    naam: str
    maatstaf: str
    groepering: Groepering
    vergelijking: str
    minimum_volume: int
    niveau: str
    periode_maanden: int = 12
    doelwaarde: float | None = None

    @property
    def drempel(self) -> Niveau:
        return Niveau.ALARM if self.vergelijking == DREMPEL else Niveau(self.niveau)


@dataclass(frozen=True)
class Bevinding:
    regel: Regel
    punt: Punt
    peil: date
    sinds: date
    trajecten: tuple[int, ...] = ()

    @property
    def grens(self) -> tuple[float, float]:
        """The limits at the rule's level (the ones the value lies outside); for a
        threshold: 0 up to the most that is still allowed."""
        g = self.punt.grenzen
        if self.regel.drempel == Niveau.ALARM:
            return g.onder_998, g.boven_998
        return g.onder_95, g.boven_95

    def rij(self) -> dict[str, object]:
        """The CLI row: rule, provider, indicator, value, lower, upper, level, since."""
        onder, boven = self.grens
        return {
            "rule": self.regel.code, "provider": self.punt.aanbieder,
            **{k: v for k, v in self.punt.groep.items() if k != "aanbieder"},
            "indicator": self.regel.maatstaf, "value": round(self.punt.waarde, 4),
            "lower": round(onder, 4), "upper": round(boven, 4),
            "level": DREMPEL if self.regel.vergelijking == DREMPEL else self.punt.niveau.value,
            "volume": self.punt.volume,
            "since": self.sinds.isoformat(),
        }  # fmt: skip


def maandeinde(d: date, terug: int = 0) -> date:
    jaar, maand = divmod(d.year * 12 + d.month - 1 - terug, 12)
    return date(jaar, maand + 1, calendar.monthrange(jaar, maand + 1)[1])


def weigerpunten(regel: Regel, peil: date, bron: Weigerbron) -> list[Punt]:
    """Per provider with assignments in the period: its refusals against the threshold
    (a signal from `minimum_volume` refusals on)."""
    hoogst = float(regel.minimum_volume - 1)  # the most refusals still without a signal
    g = Grenzen(0.0, 0.0, hoogst, 0.0, hoogst)
    uit = []
    for agb, (toegewezen, geweigerd) in sorted(bron(venster(peil, regel.periode_maanden)).items()):
        niveau = Niveau.ALARM if geweigerd >= regel.minimum_volume else Niveau.BINNEN
        uit.append(Punt(WEIGERINGEN, {"aanbieder": agb}, float(geweigerd), float(toegewezen),
                        float(geweigerd), g, niveau))  # fmt: skip
    return uit


def rule_punten(
    monitor: Monitor, regel: Regel, peil: date, weigeringen: Weigerbron | None = None
) -> list[Punt]:
    if regel.maatstaf == WEIGERINGEN:
        return weigerpunten(regel, peil, weigeringen) if weigeringen is not None else []
    return punten(
        regel.maatstaf, monitor.verrijkt, monitor.data.verlengingen,
        venster(peil, regel.periode_maanden), groepering=regel.groepering,
        vergelijking=cast(Vergelijking, regel.vergelijking), doelwaarde=regel.doelwaarde,
        minimum_volume=regel.minimum_volume, normen=monitor.normen,
    )  # fmt: skip


def _vuurt(p: Punt, regel: Regel) -> bool:
    return RANG[p.niveau] >= RANG[regel.drempel]


def evalueer(
    monitor: Monitor,
    regels: Sequence[Regel],
    peil: date,
    *,
    met_trajecten: bool = False,
    sinds_bekend: Callable[[Regel, Punt], date | None] | None = None,
    weigeringen: Weigerbron | None = None,
) -> list[Bevinding]:
    """The units outside each rule's limit at `peil`. Since when: the first month-end
    from which the unit has been outside the limit at every month-end up to `peil`
    (looking back at most TERUG_MAANDEN), unless `sinds_bekend` knows it already."""
    uit: list[Bevinding] = []
    for regel in regels:
        if regel.vergelijking == "doel" and regel.doelwaarde is None:
            continue
        vuren = [p for p in rule_punten(monitor, regel, peil, weigeringen) if _vuurt(p, regel)]
        eerder: dict[int, dict[tuple[object, ...], Punt]] = {}
        for p in vuren:
            sleutel = tuple(p.groep.values())
            sinds = sinds_bekend(regel, p) if sinds_bekend else None
            if sinds is None:
                sinds = peil
                for k in range(1, TERUG_MAANDEN + 1):
                    if k not in eerder:
                        eerder[k] = {
                            tuple(q.groep.values()): q
                            for q in rule_punten(monitor, regel, maandeinde(peil, k), weigeringen)
                        }
                    q = eerder[k].get(sleutel)
                    if q is None or not _vuurt(q, regel):
                        break
                    sinds = maandeinde(peil, k)
            ids: tuple[int, ...] = ()
            if met_trajecten and regel.maatstaf in MAATSTAVEN:
                per = venster(peil, regel.periode_maanden)
                ids = achter_punt(p, monitor.verrijkt, monitor.data.verlengingen, per,
                                  monitor.normen)  # fmt: skip
            uit.append(Bevinding(regel, p, peil, sinds, ids))
    return uit


def regio_evaluatie(
    regio: Regio,
    regels: Sequence[Regel],
    peil: date,
    *,
    met_trajecten: bool = False,
    sinds_bekend: Callable[[Regel, Punt], date | None] | None = None,
    weigeringen: Weigerbron | None = None,
) -> list[Bevinding]:
    """evalueer() on the region's monitor as the operator sees it (all of it, exact)."""
    return evalueer(
        regio_monitor(regio, Scope.beheer()), regels, peil, met_trajecten=met_trajecten,
        sinds_bekend=sinds_bekend, weigeringen=weigeringen,
    )  # fmt: skip
