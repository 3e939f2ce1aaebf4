# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""An assessor signs (and withdraws) the declaration of interests on the assessment
page, per tender (issue 24: "no page lets him sign it")."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client

from jeugdsturing.gebruikers.services import gebruiker_bewaar
from jeugdsturing.regio.models import Regio
from jeugdsturing.rollen import Rol
from jeugdsturing.verwerving import services as s
from jeugdsturing.verwerving.models import Score
from tests.conftest import met_tweede_factor
from tests.verwerving.conftest import Tender, dien_in
from tests.verwerving.test_procedure import _naar_beoordeling

pytestmark = pytest.mark.django_db


def _beoordelaar(tender: Tender) -> Client:
    b = tender.beoordelaars[0]
    gebruiker_bewaar(username=b.gebruiker.username, password=None, rol=Rol.BEOORDELAAR,
                     regio=Regio.objects.get(code="JZ13"))  # fmt: skip
    c = Client()
    c.force_login(b.gebruiker)
    met_tweede_factor(c, b.gebruiker)
    return c


def test_tekenen_scoren_intrekken(tender: Tender):
    i = dien_in(tender, tender.aanbieders[0])
    _naar_beoordeling(tender)
    b = tender.beoordelaars[0]
    b.inschrijvingen.add(i)
    c = _beoordelaar(tender)
    pad = f"/verwerving/{tender.aanbesteding.referentie}/beoordelen/"
    html = c.get(pad).content.decode()
    assert "U kunt pas scoren als u deze verklaring hebt getekend" in html
    assert 'aria-label="Verklaring tekenen"' in html
    crit = tender.criteria[0]
    score = {"inschrijving": i.pk, "criterium": crit.pk, "waarde": "7,5", "motivering": "m"}
    html = c.post(pad, score | {"actie": "score"}, follow=True).content.decode()
    assert "Teken eerst de verklaring" in html
    # without ticking the box: refused
    html = c.post(pad, {"actie": "verklaren"}, follow=True).content.decode()
    assert "Vink aan dat u de verklaring naar waarheid tekent" in html
    html = c.post(pad, {"actie": "verklaren", "akkoord": "1", "belangen": "oud-collega bij A"},
                  follow=True).content.decode()  # fmt: skip
    assert "Uw verklaring over belangenconflicten is getekend" in html
    assert "Gemelde belangen: oud-collega bij A" in html
    b.refresh_from_db()
    assert b.verklaring_op is not None
    assert "getekend met gemelde belangen" in b.history.first().history_change_reason
    html = c.post(pad, score | {"actie": "score"}, follow=True).content.decode()
    assert "Score op" in html
    assert Score.objects.get(beoordelaar=b, criterium=crit).waarde == 7.5
    # a Dutch error for a score that is not a number (was a 500 with NaN)
    html = c.post(pad, score | {"actie": "score", "waarde": "NaN"}, follow=True).content.decode()
    assert "Score: &#x27;NaN&#x27; is geen getal" in html
    # withdraw: needs a reason; then no scoring
    html = c.post(pad, {"actie": "intrekken", "reden": ""}, follow=True).content.decode()
    assert "Geef aan waarom u de verklaring intrekt" in html
    html = c.post(
        pad, {"actie": "intrekken", "reden": "familie bij A"}, follow=True
    ).content.decode()
    assert "Uw verklaring is ingetrokken" in html
    html = c.post(pad, score | {"actie": "score"}, follow=True).content.decode()
    assert "Teken eerst de verklaring" in html


def test_intrekken_na_indienen_kan_niet(tender: Tender):
    i = dien_in(tender, tender.aanbieders[0])
    _naar_beoordeling(tender)
    b = tender.beoordelaars[0]
    b.inschrijvingen.add(i)
    s.beoordelaar_verklaar(beoordelaar=b)
    for crit in tender.criteria:
        s.score_geef(
            beoordelaar=b, inschrijving=i, criterium=crit, waarde=Decimal(7), motivering="m"
        )
    s.scores_dien_in(beoordelaar=b, inschrijving=i)
    c = _beoordelaar(tender)
    pad = f"/verwerving/{tender.aanbesteding.referentie}/beoordelen/"
    html = c.post(
        pad, {"actie": "intrekken", "reden": "later belang"}, follow=True
    ).content.decode()
    assert "U hebt al scores ingediend; die blijven staan" in html
    b.refresh_from_db()
    assert b.verklaring_op is not None
