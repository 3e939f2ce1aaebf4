# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The factories make what the application could make: valid, through the services,
with their lifecycle history, independent of the demo region."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from jeugdsturing.contracten.models import Begrotingskader
from jeugdsturing.core.access import Actie, Sectie, mag, scope_van
from jeugdsturing.rollen import Rol
from tests import factories as maak

pytestmark = pytest.mark.django_db


def test_reference_and_region_objects_are_valid():
    for obj in (maak.gemeente(), maak.regio(), maak.thema(), maak.aanbieder()):
        obj.full_clean()
    regio = maak.regio(gemeenten=[maak.gemeente(), maak.gemeente()])
    assert regio.gemeenten.count() == 2
    assert not regio.is_demo


def test_a_contract_starts_as_a_concept_with_its_history():
    ok = maak.overeenkomst()
    assert ok.status == "concept"
    assert [w.naar for w in ok.statuswijzigingen.all()] == ["concept"]


def test_a_budget_obeys_the_frame():
    regio = maak.regio()
    maak.begroting(regio=regio, bedrag_eurocent=1_000)
    Begrotingskader.objects.create(regio=regio, jaar=2028, totaal_eurocent=1_000, bron="test")
    with pytest.raises(ValidationError, match="goedkeuring"):
        maak.begroting(regio=regio, bedrag_eurocent=2_000)


def test_users_get_the_scope_of_their_role():
    gemeente = maak.gebruiker(rol=Rol.GEMEENTE)
    aanbieder = maak.gebruiker(rol=Rol.AANBIEDER)
    assert scope_van(gemeente).gemeente == gemeente.profiel.gemeente.code
    assert scope_van(aanbieder).aanbieder == aanbieder.profiel.aanbieder.agb_code
    assert mag(aanbieder, Sectie.VERWERVING, Actie.INSCHRIJVEN)
    assert not mag(gemeente, Sectie.VERWERVING)
