# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Selection per lot (seed 000: each lot its own limit, one lot without a maximum):
every lot selects its best bids with its own maximum and waiting room; a bid is a partner
when selected in at least one lot; a drop-out moves up that lot's waiting room."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from jeugdsturing.regio.models import Regio
from jeugdsturing.verwerving import selectors
from jeugdsturing.verwerving import services as s
from jeugdsturing.verwerving.models import (
    Aanbesteding,
    Inschrijving,
    InschrijvingStatus,
    Perceel,
    Perceelplaats,
)
from jeugdsturing.verwerving.rangschikking import Plaats, Rangschikking, selecteer_per_perceel
from tests.verwerving.conftest import VOOR, Tender
from tests.verwerving.test_procedure import _naar_beoordeling

pytestmark = pytest.mark.django_db
IS = InschrijvingStatus


def test_pure_selection_per_lot_with_and_without_a_maximum():
    uitslag = Rangschikking(tuple(Plaats(n, n, D(10 - n)) for n in (1, 2, 3, 4, 5)), (), ())
    percelen = {1: {"A"}, 2: {"A", "B"}, 3: {"A"}, 4: {"B"}, 5: {"A", "B"}}
    per_lot = selecteer_per_perceel(uitslag, percelen, {"A": (2, 1), "B": (None, 0)})
    assert per_lot["A"].geselecteerd == (1, 2)
    assert per_lot["A"].wachtkamer == (3,)
    assert per_lot["A"].buiten == (5,)
    assert per_lot["B"].geselecteerd == (2, 4, 5)  # no maximum: every eligible bid
    assert per_lot["B"].wachtkamer == ()


def _bied_en_beoordeel(t: Tender, bods: list[tuple[list[Perceel], int]]) -> list[Inschrijving]:
    bids = [
        s.inschrijving_dien_in(
            aanbesteding=t.aanbesteding,
            aanbieder=t.aanbieders[n],
            percelen=percelen,
            visie="v",
            antwoorden={},
            capaciteit=[],
            uea={"uitsluitingsgronden": "geen"},
            op=VOOR,
        )
        for n, (percelen, _) in enumerate(bods)
    ]
    _naar_beoordeling(t)
    b = s.beoordelaar_verklaar(beoordelaar=t.beoordelaars[0])
    for i, (_, score) in zip(bids, bods, strict=True):
        b.inschrijvingen.add(i)
        for c in t.criteria:
            s.score_geef(
                beoordelaar=b, inschrijving=i, criterium=c, waarde=D(score), motivering="m"
            )
        s.scores_dien_in(beoordelaar=b, inschrijving=i)
        for c in t.criteria:
            s.consensus_stel_vast(inschrijving=i, criterium=c, waarde=D(score), motivering="m")
    return bids


def test_selection_per_lot_records_places_and_a_drop_out_moves_up_that_lot(tender: Tender):
    a = tender.aanbesteding
    A, B = tender.percelen
    Aanbesteding.objects.filter(pk=a.pk).update(selectie_per_perceel=True)
    Perceel.objects.filter(pk=A.pk).update(max_partners=2, wachtkamer=1)
    Perceel.objects.filter(pk=B.pk).update(max_partners=1, wachtkamer=1)
    a.refresh_from_db()
    b0, b1, b2, b3, b4 = _bied_en_beoordeel(
        tender, [([A], 9), ([A], 8), ([A], 7), ([A, B], 7), ([B], 6)]
    )
    # 2 and 3 tie on everything; the lottery decides (a recorded seed).
    sel = s.rangschikking_stel_vast(aanbesteding=a, zaad="per-perceel", getuigen=["x", "y"])
    for i in (b0, b1, b2, b3, b4):
        i.refresh_from_db()
    volgorde = sorted([b2, b3], key=lambda i: i.rang or 0)
    eerste, tweede = volgorde
    plaatsen = {(p.inschrijving_id, p.perceel.code): (p.rang, p.status)
                for p in Perceelplaats.objects.select_related("perceel")}  # fmt: skip
    assert plaatsen[(b0.pk, A.code)] == (1, IS.GESELECTEERD)
    assert plaatsen[(b1.pk, A.code)] == (2, IS.GESELECTEERD)
    assert plaatsen[(eerste.pk, A.code)] == (3, IS.WACHTKAMER)
    assert plaatsen[(tweede.pk, A.code)] == (4, IS.NIET_GESELECTEERD)
    assert plaatsen[(b3.pk, B.code)] == (1, IS.GESELECTEERD)  # 3 is the better of B
    assert plaatsen[(b4.pk, B.code)] == (2, IS.WACHTKAMER)
    assert b3.status == IS.GESELECTEERD  # selected in B, whatever its place in A
    assert b4.status == IS.WACHTKAMER
    assert f"{B.code}: geselecteerd (plaats 1)" in b3.reden
    assert set(sel.geselecteerd) == {b0.nummer, b1.nummer, b3.nummer}
    assert b2.status == (IS.WACHTKAMER if eerste == b2 else IS.NIET_GESELECTEERD)
    # The distribution counts only lots where a partner is selected.
    sleutels = selectors.verdeelsleutels(a)
    assert A.thema_id is not None
    assert B.thema_id is not None
    assert set(sleutels[A.thema_id]) == {b0.pk, b1.pk}
    assert set(sleutels[B.thema_id]) == {b3.pk}

    op = s.uitval_verwerk(inschrijving=b1, reden="faillissement")
    assert op is not None
    assert op.pk == eerste.pk
    assert Perceelplaats.objects.get(inschrijving=eerste, perceel=A).status == IS.GESELECTEERD
    assert Perceelplaats.objects.get(inschrijving=b1, perceel=A).status == IS.TERUGGETROKKEN
    op = s.uitval_verwerk(inschrijving=b3, reden="fusie")
    assert op is not None
    assert op.pk == b4.pk
    b4.refresh_from_db()
    assert b4.status == IS.GESELECTEERD
    assert "opgeschoven uit de wachtkamer na uitval van" in b4.reden


def test_a_lot_needs_a_positive_maximum_or_none(tender: Tender):

    nu = timezone.now()
    a = s.aanbesteding_bewaar(aanbesteding=Aanbesteding(
        regio=Regio.objects.get(code="JZ13"), referentie="LOT-1", naam="Percelen",
        selectie_per_perceel=True, vragen_tot=nu + timedelta(days=1),
        inschrijven_tot=nu + timedelta(days=2),
    ))  # fmt: skip
    with pytest.raises(ValidationError, match="ten minste één partner"):
        s.perceel_voeg_toe(aanbesteding=a, code="C", naam="Complex", max_partners=0)
    p = s.perceel_voeg_toe(aanbesteding=a, code="E", naam="Enkelvoudig")
    assert p.max_partners is None
    p = s.perceel_voeg_toe(aanbesteding=a, code="C", naam="Complex", max_partners=4, wachtkamer=2)
    assert (p.max_partners, p.wachtkamer) == (4, 2)


def test_distribution_weighs_the_capacity_stated_for_a_lot(tender: Tender):
    a = tender.aanbesteding
    A, B = tender.percelen
    regels = [
        [{"perceel": A.code, "expertise": "ambulant", "gebied": "AMS-N", "min": 1, "max": 30},
         {"perceel": A.code, "expertise": "verblijf", "gebied": "AMS-O", "min": 1, "max": 10},
         {"perceel": B.code, "expertise": "ambulant", "gebied": "AMS-N", "min": 1, "max": 5}],
        [{"expertise": "ambulant", "gebied": "AMS-N", "min": 1, "max": 99}],
    ]  # fmt: skip
    bids = [
        s.inschrijving_dien_in(
            aanbesteding=a, aanbieder=tender.aanbieders[n], percelen=[A, B], visie="v",
            antwoorden={}, capaciteit=capaciteit, uea={"uitsluitingsgronden": "geen"}, op=VOOR,
        )
        for n, capaciteit in enumerate(regels)
    ]  # fmt: skip
    with pytest.raises(ValidationError, match="perceel X is niet gekozen"):
        s.inschrijving_dien_in(
            aanbesteding=a, aanbieder=tender.aanbieders[3], percelen=[A], visie="v",
            antwoorden={}, capaciteit=[{"perceel": "X", "expertise": "e", "gebied": "g"}],
            uea={}, op=VOOR,
        )  # fmt: skip
    Inschrijving.objects.filter(pk__in=[b.pk for b in bids]).update(status=IS.GESELECTEERD)
    sleutels = selectors.verdeelsleutels(a)
    assert A.thema_id is not None
    assert B.thema_id is not None
    assert sleutels[A.thema_id] == {bids[0].pk: D(40), bids[1].pk: D(1)}  # no lot named: 1
    assert sleutels[B.thema_id] == {bids[0].pk: D(5), bids[1].pk: D(1)}
