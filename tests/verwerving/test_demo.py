# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The demo tender (loaded with the demo in every test database) obeys the issue's
shape and its OCDS release package is valid."""

from __future__ import annotations

import pytest
from django.db.models import Sum

from jeugdsturing.contracten.models import Begroting, Lumpsum, Overeenkomst
from jeugdsturing.verwerving import ocds
from jeugdsturing.verwerving.models import (
    Aanbesteding,
    AanbestedingStatus,
    Afspraak,
    InschrijvingStatus,
    Loting,
)
from jeugdsturing.verwerving.rangschikking import loting
from tests.conftest import SHARED

pytestmark = pytest.mark.django_db


def test_demo_tender_has_24_bids_3_assessors_a_lottery_20_selected_and_2_waiting():
    a = Aanbesteding.objects.get(referentie="AJH-2026")
    assert a.inschrijvingen.count() == 24
    assert a.beoordelaars.count() == 3
    per_status = {s: a.inschrijvingen.filter(status=s).count() for s in InschrijvingStatus.values}
    assert a.inschrijvingen.filter(rang__lte=20).count() == 20  # selected
    assert per_status[InschrijvingStatus.WACHTKAMER] == 2
    assert per_status[InschrijvingStatus.UITGESLOTEN] == 1
    assert per_status[InschrijvingStatus.AFGEWEZEN] == 1
    (record,) = Loting.objects.filter(aanbesteding=a)
    assert tuple(record.volgorde) == loting(record.inschrijvingen, record.zaad)
    ranks = dict(
        a.inschrijvingen.filter(nummer__in=record.inschrijvingen).values_list("nummer", "rang")
    )
    assert sorted(r or 0 for r in ranks.values()) == [20, 21]  # the lottery decided place 20
    assert a.inschrijvingen.filter(leden__isnull=False).count() == 1  # one combination


def test_demo_tender_runs_through_dialogue_to_the_award():
    a = Aanbesteding.objects.get(referentie="AJH-2026")
    assert a.status == AanbestedingStatus.GEGUND
    assert a.dialoogonderwerpen.count() == 21  # 18 of seed 000 + 3 of seed 002
    assert sum(r.sessies.count() for r in a.dialoogrondes.all()) == 21
    assert Afspraak.objects.filter(onderwerp__aanbesteding=a, status="vastgesteld").count() == 14
    assert a.inschrijvingen.filter(status=InschrijvingStatus.TERUGGETROKKEN).count() == 1
    gegund = a.inschrijvingen.filter(status=InschrijvingStatus.GEGUND)
    assert gegund.count() == 19
    contracten = Overeenkomst.objects.filter(nummer__startswith="AJH-2026-")
    assert contracten.count() == 19
    budget = Begroting.objects.filter(regio=a.regio, jaar=2028, thema__isnull=False).aggregate(
        s=Sum("bedrag_eurocent")
    )
    lump = Lumpsum.objects.filter(overeenkomst__in=contracten, jaar=2028).aggregate(
        s=Sum("bedrag_eurocent")
    )
    assert lump["s"] == budget["s"]


def test_demo_tender_ocds_is_valid():
    a = Aanbesteding.objects.get(referentie="AJH-2026")
    assert ocds.schema_fouten(ocds.release_package(a), SHARED / "ocds") == []
