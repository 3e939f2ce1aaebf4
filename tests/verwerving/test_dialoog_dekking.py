# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The dialogue register and the coverage check."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.core.exceptions import ValidationError

from jeugdsturing.verwerving import selectors
from jeugdsturing.verwerving import services as s
from jeugdsturing.verwerving.dekking import alle_expertises, dekking
from jeugdsturing.verwerving.models import (
    AanbestedingStatus,
    AfspraakStatus,
    Dialoogonderwerp,
    Dialoogronde,
    Inschrijving,
    InschrijvingStatus,
)
from tests.verwerving.conftest import Tender
from tests.verwerving.test_procedure import _beoordeel

pytestmark = pytest.mark.django_db


def test_coverage_per_expertise_and_area():
    capaciteit = [
        (1, {"expertise": "ambulant", "gebied": "Noord", "min": 10, "max": 30}),
        (2, {"expertise": "ambulant", "gebied": "Noord", "min": 5, "max": 15}),
        (1, {"expertise": "verblijf", "gebied": "Zuid", "min": 8, "max": 10}),
        (3, {"expertise": "gezinshuis", "gebied": "Oost", "min": 20, "max": 25}),
    ]
    vraag = {("ambulant", "Noord"): 40, ("verblijf", "Zuid"): 14, ("gezinshuis", "Oost"): 12,
             ("crisis", "West"): 3}  # fmt: skip
    regels = {(r.expertise, r.gebied): r for r in dekking(capaciteit, vraag)}
    assert (regels[("ambulant", "Noord")].minimum, regels[("ambulant", "Noord")].maximum) == (
        15,
        45,
    )
    assert regels[("ambulant", "Noord")].oordeel == "gedekt"
    assert regels[("ambulant", "Noord")].partners == 2
    assert (regels[("verblijf", "Zuid")].oordeel, regels[("verblijf", "Zuid")].gat) == ("tekort", 4)
    assert regels[("gezinshuis", "Oost")].oordeel == "overcapaciteit"
    assert (regels[("crisis", "West")].oordeel, regels[("crisis", "West")].gat) == ("tekort", 3)
    per_gebied = {(r.expertise, r.gebied): r for r in dekking(alle_expertises(capaciteit), {})}
    assert per_gebied[("alle", "Noord")].maximum == 45
    with pytest.raises(ValueError, match="inschrijving 9"):
        dekking([(9, {"expertise": "x", "gebied": "y", "min": 5, "max": 2})], {})


def _in_dialoog(t: Tender) -> list[Inschrijving]:
    bids = _beoordeel(t, {0: (9, 9, 9), 1: (8, 8, 8), 2: (7, 7, 7), 3: (6, 6, 6), 4: (6, 5, 5)})
    a = t.aanbesteding
    s.rangschikking_stel_vast(aanbesteding=a)
    s.selectie_maak_bekend(aanbesteding=a, op=date(2026, 12, 1))
    s.aanbesteding_status_wijzig(aanbesteding=a, naar=AanbestedingStatus.DIALOOG, reden="start",
                                 op=datetime(2027, 1, 5, tzinfo=UTC))  # fmt: skip
    a.refresh_from_db()
    ids = [b.pk for b in bids.values()]
    return list(a.inschrijvingen.filter(status=InschrijvingStatus.GESELECTEERD, pk__in=ids))


def test_dialogue_sessions_only_with_partners_on_topics_and_an_agreements_register(tender: Tender):
    partners = _in_dialoog(tender)
    a = tender.aanbesteding
    niet = a.inschrijvingen.exclude(pk__in=[p.pk for p in partners])[0]
    ronde = Dialoogronde.objects.create(aanbesteding=a, nummer=1, naam="Dekking en verdeling",
                                        van=date(2027, 1, 4), tot=date(2027, 3, 31))  # fmt: skip
    dekking_ = Dialoogonderwerp.objects.create(
        aanbesteding=a, code="D1", naam="Dekking", bron="002"
    )
    verdeling = Dialoogonderwerp.objects.create(
        aanbesteding=a, code="D2", naam="Verdeling", bron="002"
    )
    sessie = s.dialoogsessie_houd(ronde=ronde, datum=date(2027, 1, 20), onderwerpen=[dekking_],
                                  deelnemers=partners, verslag="Gaten in Zuidoost besproken.")  # fmt: skip
    assert sessie.deelnemers.count() == len(partners)
    with pytest.raises(ValidationError, match="geen partner"):
        s.dialoogsessie_houd(ronde=ronde, datum=date(2027, 1, 21), onderwerpen=[dekking_],
                             deelnemers=[niet], verslag="v")  # fmt: skip
    with pytest.raises(ValidationError, match="buiten ronde 1"):
        s.dialoogsessie_houd(ronde=ronde, datum=date(2027, 4, 2), onderwerpen=[dekking_],
                             deelnemers=partners, verslag="v")  # fmt: skip
    with pytest.raises(ValidationError, match="verslag"):
        s.dialoogsessie_houd(ronde=ronde, datum=date(2027, 2, 2), onderwerpen=[dekking_],
                             deelnemers=partners, verslag=" ")  # fmt: skip
    with pytest.raises(ValidationError, match="niet besproken"):
        s.afspraak_leg_vast(onderwerp=verdeling, tekst="x", sessie=sessie)
    afspraak = s.afspraak_leg_vast(
        onderwerp=dekking_, tekst="Partner 1 opent locatie in Zuidoost", sessie=sessie
    )
    with pytest.raises(ValidationError, match="niet toegestaan"):
        s.afspraak_status_wijzig(afspraak=afspraak, naar=AfspraakStatus.VASTGESTELD, reden="x")
    s.afspraak_status_wijzig(
        afspraak=afspraak, naar=AfspraakStatus.IN_UITWERKING, reden="plan volgt"
    )
    s.afspraak_status_wijzig(afspraak=afspraak, naar=AfspraakStatus.VASTGESTELD, reden="akkoord")
    assert afspraak.history.count() == 3
    coverage = dekking(selectors.partnercapaciteit(a), {("ambulant", "Noord"): 200})
    assert coverage[0].oordeel == "tekort"  # 3 partners x max 20 < 200
