# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The intake point's rules as pure functions (docs/escalatie.md): the BSN check, the
priority order of the waiting list, and linking an aanmelding to the trajectory that
the message traffic later shows for the same child."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

URGENTIE_RANG = {"spoed": 0, "hoog": 1, "normaal": 2}


def bsn_geldig(bsn: str) -> bool:
    """Nine digits passing the elfproef (9*d1 + 8*d2 + ... + 2*d8 - 1*d9 divisible by 11)."""
    if len(bsn) != 9 or not bsn.isdigit() or bsn == "000000000":
        return False
    som = sum((9 - i) * int(c) for i, c in enumerate(bsn[:8])) - int(bsn[8])
    return som % 11 == 0


@dataclass(frozen=True)
class Wachtende:
    id: int
    urgentie: str
    ontvangen_op: datetime


def volgorde(wachtenden: Iterable[Wachtende], prioriteit: str) -> list[Wachtende]:
    """The waiting list in the order of the region's priority rule: urgency first, then
    arrival ("urgentie_dan_aankomst"), or arrival only ("aankomst"). Ties on both keep
    the order of registration (the lower number first)."""
    if prioriteit == "aankomst":
        return sorted(wachtenden, key=lambda w: (w.ontvangen_op, w.id))
    if prioriteit == "urgentie_dan_aankomst":
        return sorted(wachtenden, key=lambda w: (URGENTIE_RANG[w.urgentie], w.ontvangen_op, w.id))
    raise ValueError(f"onbekende prioriteitsregel {prioriteit!r}")


@dataclass(frozen=True)
class Aangemeld:
    id: int
    client: str
    aanbieder: str  # AGB code of the accepting provider
    thema: str
    op: date


@dataclass(frozen=True)
class Zorgtraject:
    id: int
    client: str
    aanbieder: str
    thema: str | None
    begindatum: date | None
    toewijzingsdatum: date | None


def koppel(
    aanmeldingen: Sequence[Aangemeld], trajecten: Iterable[Zorgtraject], venster_dagen: int
) -> dict[int, Zorgtraject]:
    """Which trajectory belongs to which aanmelding: the same pseudonym, provider and
    theme, assigned or started from the day of the aanmelding up to `venster_dagen`
    after it; the earliest such trajectory, each trajectory to one aanmelding at most
    (the earlier aanmelding first)."""
    per_client: dict[tuple[str, str, str], list[Zorgtraject]] = {}
    for t in trajecten:
        if t.thema is None:
            continue
        per_client.setdefault((t.client, t.aanbieder, t.thema), []).append(t)
    bezet: set[int] = set()
    uit: dict[int, Zorgtraject] = {}
    for a in sorted(aanmeldingen, key=lambda a: (a.op, a.id)):
        eind = a.op + timedelta(days=venster_dagen)
        kandidaten = []
        for t in per_client.get((a.client, a.aanbieder, a.thema), []):
            moment = t.toewijzingsdatum or t.begindatum
            if t.id not in bezet and moment is not None and a.op <= moment <= eind:
                kandidaten.append((moment, t.begindatum or date.max, t.id, t))
        if kandidaten:
            gekozen = min(kandidaten, key=lambda k: k[:3])[3]
            bezet.add(gekozen.id)
            uit[a.id] = gekozen
    return uit
