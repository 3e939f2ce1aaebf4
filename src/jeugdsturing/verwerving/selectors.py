# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Reads of the tender: objection periods, what is sealed, what an assessor may see,
the scores and keys the ranking and distribution use, and the coverage of expected
demand by the capacity statements."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError

from jeugdsturing.contracten.models import Aanbieder, Overeenkomst
from jeugdsturing.verwerving import dekking
from jeugdsturing.verwerving import rangschikking as r
from jeugdsturing.verwerving.models import (
    IS,
    Aanbesteding,
    Beoordelaar,
    Bewijsstuk,
    Inschrijving,
    Score,
)
from jeugdsturing.verwerving.moment import nu as _nu
from jeugdsturing.weergave.templatetags.datums import tijd


def einde_bezwaartermijn(aanbesteding: Aanbesteding) -> date | None:
    """The last day objections to the selection can be made (calendar days)."""
    if aanbesteding.selectie_bekendgemaakt_op is None:
        return None
    return aanbesteding.selectie_bekendgemaakt_op + timedelta(
        days=aanbesteding.bezwaartermijn_dagen
    )


def bewijsstuk_open(
    *, bewijsstuk: Bewijsstuk, aanbieder: Aanbieder | None = None, op: datetime | None = None
) -> Bewijsstuk:
    """Sealed like its bid: the own bidder always, the team only after the deadline."""
    inschrijving_open(inschrijving=bewijsstuk.inschrijving, aanbieder=aanbieder, op=op)
    return bewijsstuk


class Verzegeld(PermissionDenied):
    """A bid cannot be opened before the bid deadline."""


def verzegeld(aanbesteding: Aanbesteding, op: datetime | None = None) -> bool:
    """Before the bid deadline nobody but a bidder itself learns anything of the bids:
    not who bid, not how many, not when (pages, OCDS, proces-verbaal, selection)."""
    return _nu(op) <= aanbesteding.inschrijven_tot


def inschrijving_open(
    *, inschrijving: Inschrijving, aanbieder: Aanbieder | None = None, op: datetime | None = None
) -> Inschrijving:
    """The bid's content for the team (after the deadline) or for its own bidder
    (always). Before the deadline nobody else can open it."""
    if aanbieder is not None and aanbieder.pk == inschrijving.aanbieder_id:
        return inschrijving
    deadline = inschrijving.aanbesteding.inschrijven_tot
    if verzegeld(inschrijving.aanbesteding, op):
        raise Verzegeld(f"Inschrijving {inschrijving.nummer} is verzegeld tot {tijd(deadline)}.")
    if aanbieder is not None:
        raise PermissionDenied("Een inschrijver ziet alleen de eigen inschrijving.")
    return inschrijving


def alle_ingediend(inschrijving: Inschrijving) -> bool:
    """Have all assessors assigned to the bid submitted all their scores?"""
    return inschrijving.pk in volledig_beoordeeld(inschrijving.aanbesteding, inschrijving)


def volledig_beoordeeld(a: Aanbesteding, inschrijving: Inschrijving | None = None) -> set[int]:
    """The bids (pks) of the tender, or just `inschrijving`, with at least one assessor,
    whose assigned assessors have all submitted a score on every criterion. Three queries
    whatever the number of bids."""
    toewijzingen = Beoordelaar.inschrijvingen.through.objects.filter(inschrijving__aanbesteding=a)
    scores = Score.objects.filter(inschrijving__aanbesteding=a, ingediend_op__isnull=False)
    if inschrijving is not None:
        toewijzingen = toewijzingen.filter(inschrijving=inschrijving)
        scores = scores.filter(inschrijving=inschrijving)
    toegewezen: dict[int, set[int]] = {}
    for bod, beoordelaar in toewijzingen.values_list("inschrijving_id", "beoordelaar_id"):
        toegewezen.setdefault(bod, set()).add(beoordelaar)
    ingediend = Counter(scores.values_list("inschrijving_id", "beoordelaar_id"))
    n_criteria = a.criteria.count()
    return {
        bod
        for bod, beoordelaars in toegewezen.items()
        if all(ingediend[(bod, b)] == n_criteria for b in beoordelaars)
    }


def zichtbare_scores(*, beoordelaar: Beoordelaar, inschrijving: Inschrijving) -> list[Score]:
    """Blind scoring: an assessor sees only his own scores until every assessor of the
    bid has submitted; then all."""
    qs = Score.objects.filter(inschrijving=inschrijving).select_related("criterium", "beoordelaar")
    if alle_ingediend(inschrijving):
        return list(qs)
    return list(qs.filter(beoordelaar=beoordelaar))


def criteria_van(a: Aanbesteding) -> list[r.Criterium]:
    return [r.Criterium(c.code, c.weging, c.minimum) for c in a.criteria.all()]


def beoordelingen(a: Aanbesteding) -> list[r.Beoordeling]:
    """The final scores of every bid still in the running (not excluded)."""
    criteria = list(a.criteria.values_list("code", flat=True))
    uit = []
    for i in a.inschrijvingen.filter(status=IS.INGEDIEND).prefetch_related("consensus__criterium"):
        scores = {c.criterium.code: c.waarde for c in i.consensus.all()}
        ontbreekt = [c for c in criteria if c not in scores]
        if ontbreekt:
            raise ValidationError(
                f"Inschrijving {i.nummer}: nog geen consensus op {', '.join(ontbreekt)}."
            )
        uit.append(r.Beoordeling(i.nummer, scores))
    return uit


def verdeelsleutels(a: Aanbesteding) -> dict[int, dict[int, Decimal]]:
    """Per theme id: the weight of every partner still in the running (selected; a
    refused offer withdraws the bid) that bid on that theme's lot: its stated maximum
    capacity for the theme when the capacity statement names the theme or its lot, otherwise an
    equal share (1). With selection per lot only the lots where it is selected count."""
    sleutels: dict[int, dict[int, Decimal]] = {}
    partners = a.inschrijvingen.filter(status=IS.GESELECTEERD).prefetch_related(
        "percelen__thema", "plaatsen__perceel__thema"
    )
    for i in partners:
        percelen = (
            [pl.perceel for pl in i.plaatsen.all() if pl.status == IS.GESELECTEERD]
            if a.selectie_per_perceel
            else list(i.percelen.all())
        )
        for p in percelen:
            thema = p.thema
            if thema is None:
                continue
            capaciteit = [
                Decimal(str(c.get("max", 0)))
                for c in i.capaciteit
                if isinstance(c, dict)
                and (c.get("thema") == thema.code or c.get("perceel") == p.code)
            ]
            sleutels.setdefault(thema.pk, {})[i.pk] = sum(capaciteit, Decimal(0)) or Decimal(1)
    return sleutels


def einde_bezwaartermijn_gunning(aanbesteding: Aanbesteding) -> date | None:
    if aanbesteding.voorlopig_gegund_op is None:
        return None
    return aanbesteding.voorlopig_gegund_op + timedelta(days=aanbesteding.bezwaartermijn_dagen)


PARTNERS = (IS.GESELECTEERD, IS.GEGUND)


def partnercapaciteit(a: Aanbesteding) -> list[tuple[int, dict[str, Any]]]:
    """The capacity statements of the partners (selected bids, and after the award the
    awarded ones)."""
    return _capaciteit_van(a, PARTNERS)


def _capaciteit_van(a: Aanbesteding, statussen: Sequence[str]) -> list[tuple[int, dict[str, Any]]]:
    return [
        (i.nummer, dict(regel))
        for i in a.inschrijvingen.filter(status__in=statussen).order_by("nummer")
        for regel in i.capaciteit
        if isinstance(regel, dict)
    ]


def vraag_uit_monitor(a: Aanbesteding, van: date, tot: date) -> dict[tuple[str, str], int]:
    """Expected demand per area from the monitor, on the scale of a capacity statement
    (children in care at the same time): the mean over the month ends in [van, tot] (the
    last day when the period holds none) of the distinct clients in care on that day per
    gebied, rounded up; expertise "alle". Areas without a code are left out."""
    from jeugdsturing.monitor.indicatoren import Periode, bereken, verrijk
    from jeugdsturing.monitor.selectors import monitor_data

    dagen = _maandeinden(van, tot) or [tot]
    data = monitor_data(a.regio)
    trajecten = verrijk(data.trajecten)
    rijen = [
        rij
        for dag in dagen  # one call per day: bereken takes adjoining periods only
        for rij in bereken(
            trajecten, data.verlengingen, [Periode(dag, dag)], ["gebied"], verrijkt=True
        ).to_dicts()
    ]
    som: dict[str, int] = {}
    for rij in rijen:
        if rij["gebied"]:
            som[str(rij["gebied"])] = som.get(str(rij["gebied"]), 0) + int(rij["clienten_in_zorg"])
    return {("alle", g): -(-n // len(dagen)) for g, n in som.items()}


def _maandeinden(van: date, tot: date) -> list[date]:
    dagen: list[date] = []
    jaar, maand = van.year, van.month
    while True:
        volgende = date(jaar + maand // 12, maand % 12 + 1, 1)
        einde = volgende - timedelta(days=1)
        if einde > tot:
            return dagen
        if einde >= van:
            dagen.append(einde)
        jaar, maand = volgende.year, volgende.month


@dataclass(frozen=True)
class Dekkingsbeeld:
    bron: str  # whose capacity counts: "partners" or (before the selection) "inschrijvingen"
    per_gebied: list[dekking.Dekkingsregel]  # over all expertises (expertise "alle")
    per_expertise: list[dekking.Dekkingsregel]


def dekking_van(a: Aanbesteding) -> Dekkingsbeeld:
    """Coverage per area over all expertises (the monitor's demand is per area) and per
    expertise and area. The capacity is the partners' once there is a selection, before
    that every bid still in the running (what the market offers). Per area an estimate
    for "alle" takes precedence over the sum of that area's expertise estimates."""
    partners = a.inschrijvingen.filter(status__in=PARTNERS).exists()
    capaciteit = _capaciteit_van(a, PARTNERS if partners else (IS.INGEDIEND,))
    ramingen = list(a.vraagramingen.all())
    met_totaal = {v.gebied for v in ramingen if v.expertise == "alle"}
    per_gebied: dict[tuple[str, str], int] = {}
    for v in ramingen:
        if v.expertise == "alle" or v.gebied not in met_totaal:
            per_gebied[("alle", v.gebied)] = per_gebied.get(("alle", v.gebied), 0) + v.aantal
    per_expertise = {(v.expertise, v.gebied): v.aantal for v in ramingen if v.expertise != "alle"}
    return Dekkingsbeeld(
        bron="partners" if partners else "inschrijvingen",
        per_gebied=dekking.dekking(dekking.alle_expertises(capaciteit), per_gebied),
        per_expertise=dekking.dekking(capaciteit, per_expertise),
    )


def vrije_code(qs: Any, code: str, wat: str) -> str:
    """The code, stripped, when it is not yet used in `qs` (a tender's lots, criteria,
    requirements or topics); a ValidationError naming what is wrong otherwise."""
    code = code.strip()
    if not code:
        raise ValidationError(f"{wat}: de code ontbreekt.")
    if qs.filter(code=code).exists():
        raise ValidationError(f"{wat} {code} bestaat al in deze aanbesteding.")
    return code


def contractnummer(a: Aanbesteding, inschrijving_nummer: int) -> str:
    """The number the definitive award gives the contract of an inschrijving
    (services/gunning.py)."""
    return f"{a.referentie}-{inschrijving_nummer:02d}"


def gegunde_overeenkomst_ids(a: Aanbesteding) -> list[int]:
    """The contracts the definitive award made: one per awarded inschrijving."""
    nummers = [
        contractnummer(a, n)
        for n in a.inschrijvingen.filter(status=IS.GEGUND).values_list("nummer", flat=True)
    ]
    return list(
        Overeenkomst.objects.filter(regio=a.regio, nummer__in=nummers).values_list("pk", flat=True)
    )
