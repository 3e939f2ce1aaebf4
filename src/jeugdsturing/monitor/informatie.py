# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Timely and complete information (steering element 2, seed 002 3.4.2), as pure
functions over plain rows: what the message traffic and the reports say about how a
provider keeps the region informed (docs/indicatoren.md, "Informatievoorziening").

Per period (and provider or gemeente):

- ``toewijzingen_zonder_start``: assignments without a start at the end of the period,
  more than N days (default 30) after they took effect (the later of the assignment
  date and its first day), while the assignment still ran;
- ``pxq_trajectmaanden`` / ``pxq_zonder_declaratie``: months in which a started PxQ
  trajectory (an assignment with a volume per week or month, not a total) was active,
  and of those the months without any claim (JW323) received by the reference date;
- ``retourberichten`` / ``retour_afgekeurd``: the region's replies to what the provider
  sent (JW306, JW308, JW316, JW318, JW320) dated in the period, and those with a retour
  code other than 0200 (goedgekeurd);
- ``declaratieregels`` / ``declaratieregels_afgewezen``: claim lines received in the
  period, and those a JW325 rejected;
- ``rapportages_verwacht`` / ``rapportages_tijdig`` / ``rapportages_te_laat``: the
  4-, 8- and 12-month reports due in the period, in on time, and in late (a report due
  and not in by the reference date is missing: expected - on time - late).

The start and stop messages within 5 working days are monitor indicators already
(startberichten_tijdig_pct, stopberichten_tijdig_pct); the service puts them alongside.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlencode

from jeugdsturing.contracten.prognose import Claim
from jeugdsturing.monitor.indicatoren import Periode

ZONDER_START_DAGEN = 30
GOEDGEKEURD = "0200"
RETOURTYPEN = ("JW306", "JW308", "JW316", "JW318", "JW320")
TOTAAL = "6"  # WMO757 frequency 'totaal': a total volume, claimed when it suits

INFORMATIE: tuple[str, ...] = (
    "toewijzingen_zonder_start",
    "pxq_trajectmaanden",
    "pxq_zonder_declaratie",
    "zonder_declaratie_pct",
    "retourberichten",
    "retour_afgekeurd",
    "retour_afgekeurd_pct",
    "declaratieregels",
    "declaratieregels_afgewezen",
    "afgewezen_pct",
    "rapportages_verwacht",
    "rapportages_tijdig",
    "rapportages_te_laat",
)
# For the small-number protection (monitor.bescherming): counts, and each percentage's
# denominator and numerator.
INFORMATIE_AANTALLEN: tuple[str, ...] = (
    "toewijzingen_zonder_start", "pxq_zonder_declaratie", "retour_afgekeurd",
    "declaratieregels_afgewezen",
)  # fmt: skip
INFORMATIE_NOEMERS = {
    "zonder_declaratie_pct": "pxq_trajectmaanden",
    "retour_afgekeurd_pct": "retourberichten",
    "afgewezen_pct": "declaratieregels",
}
INFORMATIE_TELLERS = {
    "zonder_declaratie_pct": "pxq_zonder_declaratie",
    "retour_afgekeurd_pct": "retour_afgekeurd",
    "afgewezen_pct": "declaratieregels_afgewezen",
}
INFORMATIE_DIMENSIES = ("aanbieder", "gemeente")


@dataclass(frozen=True)
class Toewijzingsregel:
    """One trajectory as timeliness needs it."""

    aanbieder: str
    gemeente: str
    toewijzingnummer: str
    taakgericht: bool
    frequentie: str
    toewijzingsdatum: date | None
    toewijzing_ingangsdatum: date | None
    toewijzing_einddatum: date | None
    begindatum: date | None
    start_gemeld_op: date | None
    einddatum: date | None


@dataclass(frozen=True)
class Retour:
    aanbieder: str
    gemeente: str
    dagtekening: date
    afgekeurd: bool


@dataclass(frozen=True)
class Rapportage:
    """A 4-, 8- or 12-month report a provider owed; gemeente is empty (one report covers
    all gemeenten)."""

    aanbieder: str
    jaar: int
    maanden: int
    deadline: date
    ingediend_op: date | None
    gemeente: str = ""


@dataclass(frozen=True)
class InformatieData:
    trajecten: Sequence[Toewijzingsregel]
    claims: Sequence[Claim]
    retouren: Sequence[Retour]
    rapportages: Sequence[Rapportage]


def rapportage_deadline(jaar: int, maanden: int, termijn_maanden: int = 1) -> date:
    """The last day of the month `termijn_maanden` after the period the report covers
    (4-month report: 31 May; 8-month: 30 September; 12-month: 31 January)."""
    jaar2, maand = divmod(jaar * 12 + maanden - 1 + termijn_maanden + 1, 12)
    return date(jaar2, maand + 1, 1) - timedelta(days=1)


def stand_na(tot: date) -> date:
    """The reference date of a period's figures: the end of the month after it (the
    claims of its last month are in by then)."""
    eerste = (tot.replace(day=1) + timedelta(days=32)).replace(day=1)
    return (eerste + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def informatielink(van: date, tot: date, aanbieder: str | None = None) -> str:
    """This page for one period (and provider)."""
    q = {"van": van.isoformat(), "tot": tot.isoformat()}
    if aanbieder:
        q["aanbieder"] = aanbieder
    return "/monitor/informatie/?" + urlencode(q)


def is_afgekeurd(retourcodes: Iterable[str]) -> bool:
    """A reply rejects (part of) a message when any of its codes is not 0200."""
    return any(c != GOEDGEKEURD for c in retourcodes)


def _maand(d: date) -> int:
    return d.year * 12 + d.month - 1


def _maand_einde(m: int) -> date:
    j, mm = divmod(m + 1, 12)
    return date(j, mm + 1, 1) - timedelta(days=1)


def zonder_start_op(t: Toewijzingsregel, dag: date, dagen: int = ZONDER_START_DAGEN) -> bool:
    """Was this assignment waiting for its start message on `dag`, more than `dagen`
    days after it took effect, while it still ran?"""
    if t.toewijzingsdatum is None or t.taakgericht:
        return False
    geldig = max(t.toewijzingsdatum, t.toewijzing_ingangsdatum or t.toewijzingsdatum)
    if geldig + timedelta(days=dagen) > dag:
        return False
    if t.toewijzing_einddatum is not None and t.toewijzing_einddatum < dag:
        return False
    return t.start_gemeld_op is None or t.start_gemeld_op > dag


def pxq_maanden(t: Toewijzingsregel, peil: date) -> range:
    """The calendar months (as month numbers) in which a started PxQ trajectory was
    active, as known on `peil`; empty for taakgericht care and total volumes."""
    if (
        t.taakgericht
        or t.frequentie == TOTAAL
        or not t.toewijzingnummer
        or t.begindatum is None
        or t.start_gemeld_op is None
        or t.start_gemeld_op > peil
    ):
        return range(0)
    eind = t.einddatum if t.einddatum is not None else peil
    return range(_maand(t.begindatum), _maand(min(eind, peil)) + 1)


def _sleutel(rij: Any, by: Sequence[str]) -> tuple[str, ...]:
    return tuple(getattr(rij, d) for d in by)


def informatie(
    data: InformatieData,
    pp: Sequence[Periode],
    by: Sequence[str] = (),
    *,
    peil: date,
    dagen: int = ZONDER_START_DAGEN,
) -> list[dict[str, Any]]:
    """The figures per period and per combination of `by` (aanbieder, gemeente), as of
    `peil`: one row per period and group that has anything to count. Percentages are
    rounded to 0.1 and None when their denominator is 0."""
    for d in by:
        if d not in INFORMATIE_DIMENSIES:
            raise ValueError(f"onbekende dimensie {d!r}; kies uit aanbieder, gemeente")
    tel: dict[tuple[int, tuple[str, ...]], dict[str, int]] = defaultdict(
        lambda: dict.fromkeys(INFORMATIE, 0)
    )
    maandnummers = [(_maand(p.van), _maand(p.tot)) for p in pp]

    def perioden_van(d: date) -> list[int]:
        return [k for k, p in enumerate(pp) if p.van <= d <= p.tot]

    geclaimd = {(c.gemeente, c.toewijzingnummer, _maand(c.zorgmaand)) for c in data.claims
                if c.ontvangen <= peil}  # fmt: skip
    for t in data.trajecten:
        s = _sleutel(t, by)
        for k, p in enumerate(pp):
            eind = min(p.tot, peil)
            if eind >= p.van and zonder_start_op(t, eind, dagen):
                tel[(k, s)]["toewijzingen_zonder_start"] += 1
        actief = pxq_maanden(t, peil)
        if not actief:
            continue
        for k, (m0, m1) in enumerate(maandnummers):
            for m in range(max(m0, actief.start), min(m1, actief.stop - 1) + 1):
                if _maand_einde(m) > peil:
                    continue  # the month is not over: no claim can be expected yet
                cel = tel[(k, s)]
                cel["pxq_trajectmaanden"] += 1
                if (t.gemeente, t.toewijzingnummer, m) not in geclaimd:
                    cel["pxq_zonder_declaratie"] += 1
    for r in data.retouren:
        if r.dagtekening > peil:
            continue
        for k in perioden_van(r.dagtekening):
            cel = tel[(k, _sleutel(r, by))]
            cel["retourberichten"] += 1
            cel["retour_afgekeurd"] += r.afgekeurd
    for c in data.claims:
        if c.ontvangen > peil:
            continue
        for k in perioden_van(c.ontvangen):
            cel = tel[(k, _sleutel(c, by))]
            cel["declaratieregels"] += 1
            cel["declaratieregels_afgewezen"] += (
                c.afgewezen_op is not None and c.afgewezen_op <= peil
            )
    for rap in data.rapportages:
        if "gemeente" in by:
            continue  # a report covers all gemeenten
        for k in perioden_van(rap.deadline):
            if rap.deadline > peil:
                continue
            cel = tel[(k, _sleutel(rap, by))]
            cel["rapportages_verwacht"] += 1
            if rap.ingediend_op is not None and rap.ingediend_op <= peil:
                if rap.ingediend_op <= rap.deadline:
                    cel["rapportages_tijdig"] += 1
                else:
                    cel["rapportages_te_laat"] += 1
    uit = []
    for (k, s), cel in sorted(tel.items()):
        if not any(cel.values()) and not cel["pxq_trajectmaanden"]:
            continue
        rij: dict[str, Any] = {"periode_van": pp[k].van, "periode_tot": pp[k].tot}
        rij |= dict(zip(by, s, strict=True))
        rij |= cel
        for pct, noemer in INFORMATIE_NOEMERS.items():
            n = cel[noemer]
            rij[pct] = round(100.0 * cel[INFORMATIE_TELLERS[pct]] / n, 1) if n else None
        uit.append(rij)
    return uit
