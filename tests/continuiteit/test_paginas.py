# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The pages per role: the team works the plan; a gemeente sees protected counts of its
residents; a provider sees only its own affected clients and the children planned to
transfer to it; others are refused with the reason."""

from __future__ import annotations

from datetime import date

import pytest

from jeugdsturing.continuiteit import services
from jeugdsturing.continuiteit.models import Besluit, Transitie
from jeugdsturing.contracten.services import continuiteitsbudget_zet
from tests.conftest import login
from tests.continuiteit.conftest import OVERGANG, PEIL, Kinderen, aanbieder, deels

pytestmark = pytest.mark.django_db


@pytest.fixture
def transitie(regio, aanbesteding, kinderen: Kinderen) -> Transitie:
    t = services.transitie_analyseer(regio=regio, naam="Overgang 2028", overgangsdatum=OVERGANG,
                                     peildatum=PEIL, aanbesteding=aanbesteding)  # fmt: skip
    # One ambulant child (theme C) goes to Amstelzorg, the demo provider user's.
    services.plan_zet(
        geval=t.gevallen.get(toewijzingnummer=str(kinderen.ambulant[0][1])),
        besluit=Besluit.OVERDRAGEN, plan_datum=date(2028, 3, 31), partner=aanbieder(deels()),
        toelichting="Amstelzorg heeft plek in het gebied",
    )  # fmt: skip
    return t


def test_the_team_sees_every_page_and_the_pseudonymised_list(transitie: Transitie):
    c = login("contractmanager")
    for pad in ("", "gevallen/", "regels/", "budget/", "verloop/"):
        r = c.get(f"/zorgcontinuiteit/{transitie.pk}/{pad}")
        assert r.status_code == 200, pad
    html = c.get(f"/zorgcontinuiteit/{transitie.pk}/gevallen/").content.decode()
    assert html.count('href="/zorgcontinuiteit/') >= 6
    g = transitie.gevallen.first()
    assert g is not None
    assert g.client[:12] in html
    detail = c.get(f"/zorgcontinuiteit/{transitie.pk}/gevallen/{g.pk}/").content.decode()
    assert "Plan vastleggen" in detail
    assert "Geschiedenis" in detail
    overzicht = c.get("/zorgcontinuiteit/").content.decode()
    assert "Overgang 2028" in overzicht
    assert "1 januari 2028" in overzicht


def test_the_team_plans_through_the_pages(transitie: Transitie):
    c = login("beleid")
    r = c.post(f"/zorgcontinuiteit/{transitie.pk}/regels/", {
        "naam": "Alles loopt door", "besluit": "doorlopen", "termijn": "maanden", "maanden": "3",
        "toelichting": "tot de partners plek hebben",
    }, follow=True)  # fmt: skip
    assert "Regel toegevoegd." in r.content.decode()
    r = c.post(f"/zorgcontinuiteit/{transitie.pk}/regels/", {"actie": "toepassen"}, follow=True)
    assert "Regels toegepast: 5 gevallen gepland" in r.content.decode()
    fout = c.post(f"/zorgcontinuiteit/{transitie.pk}/regels/", {
        "naam": "x", "besluit": "doorlopen", "termijn": "maanden", "maanden": "twee",
        "toelichting": "x",
    }, follow=True).content.decode()  # fmt: skip
    assert "Niet gelukt" in fout
    assert "twee" in fout
    r = c.post(f"/zorgcontinuiteit/{transitie.pk}/budget/", follow=True)
    assert "Gereserveerd in de begroting" in r.content.decode()
    begroting = c.get("/contracten/begroting/?jaar=2028").content.decode()
    assert "waarvan zorgcontinuïteit" in begroting


def test_a_gemeente_sees_protected_counts_of_its_residents_only(transitie: Transitie):
    c = login("gemeente")  # Amstelveen, where the hand-built children live
    html = c.get(f"/zorgcontinuiteit/{transitie.pk}/").content.decode()
    assert "&lt;5" in html
    assert "afgeschermd" in html
    assert transitie.gevallen.first().client[:12] not in html  # type: ignore[union-attr]
    r = c.get(f"/zorgcontinuiteit/{transitie.pk}/gevallen/")
    assert r.status_code == 403
    assert "exacte cijfers" in r.content.decode()
    assert c.get(f"/zorgcontinuiteit/{transitie.pk}/regels/").status_code == 403
    assert c.post(f"/zorgcontinuiteit/{transitie.pk}/budget/").status_code == 403
    # the month by month counts are protected too, without a chart of them
    verloop = c.get(f"/zorgcontinuiteit/{transitie.pk}/verloop/").content.decode()
    assert "<svg" not in verloop
    assert "afgerond op 5" in verloop
    # the budget: its own reservation, not another gemeente's
    continuiteitsbudget_zet(
        regio=transitie.regio, bedragen={("0362", 2028): 100_00, ("0363", 2028): 200_00},
        bron="test", reden="test",
    )  # fmt: skip
    budget = c.get(f"/zorgcontinuiteit/{transitie.pk}/budget/").content.decode()
    assert "Amstelveen" in budget
    assert "<td>Amsterdam</td>" not in budget
    assert "€\u00a0200,00" not in budget


def test_a_provider_sees_its_own_clients_and_those_planned_to_it(
    transitie: Transitie, kinderen: Kinderen
):
    c = login("aanbieder")  # Amstelzorg
    html = c.get(f"/zorgcontinuiteit/{transitie.pk}/").content.decode()
    eigen = transitie.gevallen.get(toewijzingnummer=str(kinderen.thema_kwijt[1]))
    naar = transitie.gevallen.get(toewijzingnummer=str(kinderen.ambulant[0][1]))
    anderen = transitie.gevallen.exclude(pk__in=[eigen.pk, naar.pk])
    assert eigen.client[:12] in html
    assert naar.client[:12] in html
    assert all(g.client[:12] not in html for g in anderen)
    assert c.get(f"/zorgcontinuiteit/{transitie.pk}/gevallen/{naar.pk}/").status_code == 200
    ander = anderen.first()
    assert ander is not None
    assert c.get(f"/zorgcontinuiteit/{transitie.pk}/gevallen/{ander.pk}/").status_code == 404
    budget = c.get(f"/zorgcontinuiteit/{transitie.pk}/budget/")
    assert budget.status_code == 403
    assert "aanbieder ziet het niet" in budget.content.decode()
    r = c.post(f"/zorgcontinuiteit/{transitie.pk}/gevallen/{naar.pk}/", {"besluit": "doorlopen"})
    assert r.status_code == 403


@pytest.mark.parametrize("rol", ["raad", "beoordelaar", "toegang"])
def test_other_roles_are_refused_with_the_reason(rol: str, transitie: Transitie):
    r = login(rol).get(f"/zorgcontinuiteit/{transitie.pk}/")
    assert r.status_code == 403
    assert "Zorgcontinuïteit" in r.content.decode()


def test_bad_input_gets_a_dutch_error(transitie: Transitie):
    c = login("contractmanager")
    r = c.post("/zorgcontinuiteit/", {"naam": "x", "overgangsdatum": "2028-02-31",
                                      "peildatum": "2027-10-01"}, follow=True)  # fmt: skip
    assert "Ingangsdatum: &#x27;2028-02-31&#x27; is geen datum" in r.content.decode()
    g = transitie.gevallen.first()
    assert g is not None
    r = c.post(f"/zorgcontinuiteit/{transitie.pk}/gevallen/{g.pk}/", {
        "besluit": "overdragen", "plan_datum": "2028-03-01", "partner": "", "toelichting": "x",
    }, follow=True)  # fmt: skip
    assert "Kies de partner die de zorg overneemt." in r.content.decode()
    weg = c.post(
        f"/zorgcontinuiteit/{transitie.pk}/regels/", {"actie": "verwijderen", "regel": "x"}
    )
    assert weg.status_code == 404
