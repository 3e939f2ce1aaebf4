"""The demo tender (loaded with the demo in every test database) obeys the issue's
shape and its OCDS release package is valid."""

from __future__ import annotations

import pytest

from jeugdsturing.verwerving import ocds
from jeugdsturing.verwerving.models import Aanbesteding, InschrijvingStatus, Loting
from jeugdsturing.verwerving.rangschikking import loting
from tests.conftest import SHARED

pytestmark = pytest.mark.django_db


def test_demo_tender_has_24_bids_3_assessors_a_lottery_20_selected_and_2_waiting():
    a = Aanbesteding.objects.get(referentie="AJH-2026")
    assert a.inschrijvingen.count() == 24
    assert a.beoordelaars.count() == 3
    per_status = {s: a.inschrijvingen.filter(status=s).count() for s in InschrijvingStatus.values}
    assert per_status[InschrijvingStatus.GESELECTEERD] == 20
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


def test_demo_tender_ocds_is_valid():
    a = Aanbesteding.objects.get(referentie="AJH-2026")
    assert ocds.schema_fouten(ocds.release_package(a), SHARED / "ocds") == []
