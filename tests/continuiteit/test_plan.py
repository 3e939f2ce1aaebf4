# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The analysis on imported messages, the plan's lifecycle and the bulk rules."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from jeugdsturing.continuiteit import services
from jeugdsturing.continuiteit.models import Besluit, Geval, GevalStatus, Transitie
from jeugdsturing.continuiteit.plan import Kern, Regel, plannen
from jeugdsturing.contracten.selectors import regionale_tarieven
from jeugdsturing.core.models import Statuswijziging
from jeugdsturing.regio.models import Regio
from jeugdsturing.verwerving.models import Aanbesteding
from tests.continuiteit.conftest import (
    AMBULANT,
    GEMEENTE,
    OVERGANG,
    PEIL,
    Kinderen,
    aanbieder,
    deels,
    zonder,
)

pytestmark = pytest.mark.django_db


def analyseer(regio: Regio, aanbesteding: Aanbesteding) -> Transitie:
    return services.transitie_analyseer(
        regio=regio, naam="Overgang 2028", overgangsdatum=OVERGANG, peildatum=PEIL,
        aanbesteding=aanbesteding,
    )  # fmt: skip


def geval(t: Transitie, nummer: int) -> Geval:
    return t.gevallen.get(toewijzingnummer=str(nummer))


def test_the_analysis_finds_the_children_of_uncontracted_care(regio, aanbesteding, kinderen):
    t = analyseer(regio, aanbesteding)
    gevallen = {(g.aanbieder.agb_code, g.productcode, g.reden) for g in t.gevallen.all()}
    assert t.gevallen.count() == 6  # four ambulant + residential at zonder(), one at deels()
    assert (zonder(), "45A01", "niet_gecontracteerd") in gevallen
    assert (zonder(), "43V01", "niet_gecontracteerd") in gevallen
    assert (deels(), "43V01", "thema_verloren") in gevallen
    assert (deels(), "45A01", "thema_verloren") not in gevallen  # theme C is still contracted
    kind = geval(t, kinderen.ambulant[0][1])
    assert kind.gemeente == GEMEENTE
    assert kind.status == GevalStatus.ZONDER_PLAN
    # 2 hours a week at the 2028 tariff (EUR 115 indexed by the demo's 3,2%)
    tarief = regionale_tarieven(regio, OVERGANG)["45A01"]
    assert tarief == round(11500 * 1.032)
    assert kind.maandbedrag_eurocent == round(2 * 365.25 / 12 / 7 * tarief)
    assert len(kind.client) == 64
    assert kind.client.isalnum()  # a pseudonym, never the BSN
    assert Statuswijziging.objects.filter(object_id=kind.pk, naar="zonder_plan").exists()


def test_without_the_tender_every_running_contract_counts(regio, kinderen):
    """The demo's own AJH contracts from 2028 cover every provider for every theme: then
    nobody is affected."""
    t = services.transitie_analyseer(
        regio=regio, naam="Alle overeenkomsten", overgangsdatum=OVERGANG, peildatum=PEIL
    )
    assert t.gevallen.count() == 0


def test_a_peildatum_after_the_transition_is_refused(regio, aanbesteding):
    with pytest.raises(ValidationError, match="peildatum"):
        services.transitie_analyseer(
            regio=regio, naam="x", overgangsdatum=OVERGANG, peildatum=date(2028, 2, 1),
            aanbesteding=aanbesteding,
        )  # fmt: skip


def test_bulk_rules_plan_and_a_case_changed_by_hand_keeps_its_plan(
    regio, aanbesteding, kinderen: Kinderen
):
    t = analyseer(regio, aanbesteding)
    services.bulkregel_maak(
        transitie=t, naam="Verblijf loopt door", besluit=Besluit.DOORLOPEN,
        categorieen=["43", "44"], tot_einde_toewijzing=True,
        toelichting="geen overplaatsing tijdens verblijf",
    )  # fmt: skip
    services.bulkregel_maak(
        transitie=t, naam="Ambulant over binnen 6 maanden", besluit=Besluit.OVERDRAGEN,
        maanden=6, toelichting="warme overdracht aan een partner",
    )  # fmt: skip
    tel = services.regels_pas_toe(transitie=t)
    assert tel["gepland"] == 6
    verblijf = geval(t, kinderen.verblijf[1])
    assert (verblijf.besluit, verblijf.plan_datum) == (Besluit.DOORLOPEN, date(2028, 4, 30))
    ambulant = [geval(t, k[1]) for k in kinderen.ambulant]
    assert {g.besluit for g in ambulant} == {Besluit.OVERDRAGEN}
    assert {g.plan_datum for g in ambulant} == {date(2028, 6, 30)}
    # spread over the partners of theme C, none contracted only for another theme
    partners = [g.partner for g in ambulant]
    assert len({p.pk for p in partners}) == 4
    assert all(
        p.overeenkomsten.filter(themas__code="C", ingangsdatum=OVERGANG).exists() for p in partners
    )

    # One case by hand: it keeps its plan when the rules are applied again.
    hand = ambulant[0]
    services.plan_zet(
        geval=hand, besluit=Besluit.DOORLOPEN, plan_datum=date(2028, 2, 29),
        toelichting="examenjaar: afronden bij de huidige hulpverlener",
    )  # fmt: skip
    assert services.regels_pas_toe(transitie=t)["ongewijzigd"] == 5
    hand.refresh_from_db()
    assert (hand.besluit, hand.handmatig, hand.regel) == (Besluit.DOORLOPEN, True, None)
    redenen = list(
        Statuswijziging.objects.filter(object_id=hand.pk, content_type__model="geval")
        .order_by("pk")
        .values_list("reden", flat=True)
    )
    assert redenen == [
        "getroffen bij de analyse",
        "bulkregel: Ambulant over binnen 6 maanden",
        "per geval: examenjaar: afronden bij de huidige hulpverlener",
    ]


def test_a_plan_names_a_contracted_partner_and_a_date_after_the_transition(
    regio, aanbesteding, kinderen: Kinderen
):
    t = analyseer(regio, aanbesteding)
    g = geval(t, kinderen.verblijf[1])  # theme B
    with pytest.raises(ValidationError, match="voor de overgangsdatum"):
        services.plan_zet(geval=g, besluit=Besluit.DOORLOPEN, plan_datum=date(2027, 12, 1),
                          toelichting="x")  # fmt: skip
    with pytest.raises(ValidationError, match="geen overeenkomst"):  # Amstelzorg: C only
        services.plan_zet(geval=g, besluit=Besluit.OVERDRAGEN, plan_datum=date(2028, 3, 1),
                          partner=aanbieder(deels()), toelichting="x")  # fmt: skip
    with pytest.raises(ValidationError, match="reden"):
        services.plan_zet(geval=g, besluit=Besluit.DOORLOPEN, plan_datum=OVERGANG, toelichting=" ")
    g.refresh_from_db()
    assert g.status == GevalStatus.ZONDER_PLAN


def test_a_new_analysis_adds_and_lapses_cases_and_keeps_plans(
    regio, aanbesteding, kinderen: Kinderen, verkeer
):
    t = analyseer(regio, aanbesteding)
    kind, nummer, van, begin = kinderen.ambulant[1]
    gepland = geval(t, kinderen.ambulant[2][1])
    services.plan_zet(geval=gepland, besluit=Besluit.DOORLOPEN, plan_datum=date(2028, 2, 29),
                      toelichting="afronden")  # fmt: skip
    verkeer.stop(kind, zonder(), AMBULANT, nummer, van, begin, date(2027, 10, 31))
    verkeer.zorg(9, zonder(), AMBULANT, date(2027, 10, 20), date(2028, 10, 19),
                 date(2027, 11, 1))  # fmt: skip
    verkeer.importeer()
    tel = services.transitie_werk_bij(transitie=t, peildatum=date(2027, 12, 1))
    assert (tel["nieuw"], tel["vervallen"]) == (1, 1)
    assert geval(t, nummer).status == GevalStatus.VERVALLEN
    gepland.refresh_from_db()
    assert gepland.status == GevalStatus.GEPLAND


def test_rules_pure_first_match_and_no_partner_for_the_theme():
    regels = [
        Regel(1, frozenset({"43"}), None, "", None, "doorlopen", True, None, None),
        Regel(2, frozenset(), None, "", None, "overdragen", False, 3, None),
    ]
    gevallen = [
        Kern(10, "43", 8, "0362", 5, date(2028, 4, 30)),
        Kern(11, "45", 9, "0362", 5, None),
        Kern(12, "45", 9, "0362", 5, None),
        Kern(13, "54", 7, "0362", 5, None),  # theme without partners
    ]
    uit, zonder = plannen(
        regels, gevallen, overgang=OVERGANG, partners={9: [21, 22]}, bezetting={21: 1}
    )
    assert uit[10].besluit == "doorlopen"
    assert uit[10].datum == date(2028, 4, 30)
    assert [uit[11].partner, uit[12].partner] == [22, 21]  # 22 had none, then both one
    assert uit[11].datum == date(2028, 3, 31)
    assert zonder == [13]
    assert 13 not in uit
