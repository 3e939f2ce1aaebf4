# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The follow-up of a plan from the message traffic, as a pure function: did the
current provider's stop (JW307) and the partner's start (JW305) arrive, with how many
days of gap or overlap, and does continued care end by its date."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from jeugdsturing.continuiteit.plan import OVERDRAGEN

ZOEKVENSTER = timedelta(days=183)  # a start this long before the transition still counts
OVERSTAP = "38"  # JZ588 reden beëindiging: "Overstap naar andere aanbieder"


@dataclass(frozen=True)
class Zorg:
    """A trajectory of the same child in the same gemeente, as known now."""

    sleutel: str
    aanbieder: str  # AGB
    begindatum: date | None
    einddatum: date | None
    reden: str = ""  # JZ588 reden beëindiging of the stop


@dataclass(frozen=True)
class Volging:
    volgstand: str
    stop_datum: date | None
    nieuwe_start: date | None
    nieuwe_aanbieder: str
    tussen_dagen: int | None  # > 0 days without care, < 0 days of overlap, 0 seamless
    signaal: bool  # a gap (or a missing start) longer than the norm
    afgerond: bool


def volg(
    *,
    besluit: str,
    plan_datum: date,
    partner: str | None,
    oud: Zorg,
    andere: Sequence[Zorg],
    overgang: date,
    peil: date,
    norm: int,
) -> Volging:
    """What the messages known on ``peil`` say about one planned case."""
    stop = oud.einddatum
    # Care that ended before the transition for another reason than a change of provider
    # needed no continuity: nothing to follow.
    eerder = stop is not None and stop < overgang and oud.reden != OVERSTAP
    if besluit != OVERDRAGEN:
        if eerder:
            return Volging("voor_overgang", stop, None, "", None, False, True)
        if stop is not None and stop <= plan_datum:
            return Volging("beeindigd", stop, None, "", None, False, True)
        if stop is not None or peil > plan_datum:
            return Volging("loopt_door", stop, None, "", None, False, stop is not None)
        return Volging(
            "nog_niet" if peil < overgang else "loopt", None, None, "", None, False, False
        )
    van = max(oud.begindatum or overgang, overgang - ZOEKVENSTER)
    nieuw = sorted(
        (z for z in andere
         if z.sleutel != oud.sleutel and z.aanbieder != oud.aanbieder
         and z.begindatum is not None and z.begindatum > van),
        key=lambda z: (z.aanbieder != partner, z.begindatum),
    )  # fmt: skip
    if nieuw:
        z = nieuw[0]
        assert z.begindatum is not None  # noqa: S101 (filtered above)
        if stop is None:  # started at the partner while the current care runs on
            overlap = (min(peil, plan_datum) - z.begindatum).days + 1
            return Volging(
                "overlap", None, z.begindatum, z.aanbieder, -max(overlap, 0), False, False
            )
        tussen = (z.begindatum - stop).days - 1
        stand = (
            "andere_aanbieder" if partner is not None and z.aanbieder != partner
            else "onderbreking" if tussen > 0 else "naadloos" if tussen == 0 else "overlap"
        )  # fmt: skip
        return Volging(stand, stop, z.begindatum, z.aanbieder, tussen, tussen > norm, True)
    if eerder:
        return Volging("voor_overgang", stop, None, "", None, False, True)
    if stop is not None:
        zonder = (peil - stop).days
        return Volging("start_ontbreekt", stop, None, "", None, zonder > norm, False)
    if peil > plan_datum:
        return Volging("te_laat", None, None, "", None, False, False)
    return Volging("nog_niet" if peil < overgang else "loopt", None, None, "", None, False, False)
