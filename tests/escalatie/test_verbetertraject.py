# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The escalation case on the page, step by step and role by role: who may take each
step, what is refused, what the provider and the toegang see."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.core.models import Statuswijziging
from jeugdsturing.escalatie.models import (
    ActieStatus,
    PlanStatus,
    Signaal,
    SignaalStatus,
    TrajectStatus,
    Verbetertraject,
)
from jeugdsturing.escalatie.services import signalen_werk_bij, standaard_inrichten
from tests.conftest import login
from tests.escalatie.conftest import PEIL, maak_trajecten

pytestmark = pytest.mark.django_db

PLAN = {
    "actie": "plan", "tekst": "Casusreview van alle lange trajecten.",
    "streefwaarde": "55", "streefdatum": "2028-06-30",
    "actie1-wie": "Teamleider", "actie1-wat": "Casusreview", "actie1-hoe": "Elke twee weken",
    "actie1-wanneer": "2028-01-31",
}  # fmt: skip


@pytest.fixture
def zwak(regio, aanbieders) -> Aanbieder:
    """The weak provider is the demo provider user's own (Amstelzorg): its case is its
    own."""
    maak_trajecten([*aanbieders[1:], aanbieders[0]])
    standaard_inrichten(regio)
    signalen_werk_bij(regio=regio, peil=PEIL)
    eigen: Aanbieder = aanbieders[0]
    return eigen


def _open(zwak: Aanbieder) -> Verbetertraject:
    c = login("contractmanager")
    ids = [str(s.pk) for s in Signaal.objects.filter(aanbieder=zwak)]
    r = c.post("/escalatie/", {"actie": "openen", "signaal": ids, "titel": "Verbetertraject",
                               "aanleiding": "Weinig uitstroom"})  # fmt: skip
    assert r.status_code == 302
    return Verbetertraject.objects.get(aanbieder=zwak)


def _stap(rol: str, t: Verbetertraject, data: Mapping[str, Any]) -> str:
    r = login(rol).post(f"/escalatie/traject/{t.pk}/", dict(data), follow=True)
    assert r.status_code in (200, 403), r.status_code
    return r.content.decode() if r.status_code == 200 else "403 " + r.content.decode()


def test_the_whole_case_from_signal_to_judgement(zwak):
    t = _open(zwak)
    assert set(t.signalen.values_list("status", flat=True)) == {SignaalStatus.IN_BEHANDELING}
    _stap(
        "contractmanager", t, {"actie": "gesprek", "datum": "2028-01-10", "verslag": "Besproken."}
    )
    html = _stap("aanbieder", t, PLAN)
    assert "Verbeterplan ingediend." in html
    t.refresh_from_db()
    assert (t.status, t.plan_status) == (TrajectStatus.VERBETERPLAN, PlanStatus.INGEDIEND)
    _stap(
        "contractmanager", t, {"actie": "plan_oordeel", "besluit": "goedkeuren", "toelichting": ""}
    )
    t.refresh_from_db()
    assert (t.status, t.plan_status) == (TrajectStatus.MONITORING, PlanStatus.GOEDGEKEURD)
    actie = t.acties.get()
    _stap(
        "aanbieder", t, {"actie": "actie", "id": actie.pk, "naar": "gereed", "bewijs": "Verslagen."}
    )
    actie.refresh_from_db()
    assert actie.status == ActieStatus.GEREED
    _stap(
        "toegang",
        t,
        {"actie": "notitie", "zorgtraject": zwak_traject(zwak), "tekst": "Loopt goed."},
    )
    assert t.notities.count() == 1
    _stap("beleid", t, {"actie": "beoordeling", "beoordeling": "Uitstroom verbeterd."})
    _stap(
        "regiobeheerder",
        t,
        {"actie": "oordeel", "oordeel": "doorverwijzen", "toelichting": "Op koers."},
    )
    t.refresh_from_db()
    assert (t.status, t.oordeel) == (TrajectStatus.OORDEEL, "doorverwijzen")
    assert set(t.signalen.values_list("status", flat=True)) == {SignaalStatus.OPGELOST}
    rijen = Statuswijziging.objects.filter(
        content_type__model="verbetertraject", object_id=t.pk, veld="status"
    ).order_by("pk")
    stappen = [w.naar for w in rijen if w.van != w.naar]  # not the events (a note, a document)
    assert stappen == ["signaal", "gesprek", "verbeterplan", "monitoring", "beoordeling", "oordeel"]


def zwak_traject(zwak: Aanbieder) -> int:
    from jeugdsturing.berichten.models import Traject

    return Traject.objects.filter(aanbieder=zwak.agb_code).values_list("pk", flat=True)[0]


@pytest.mark.parametrize(
    ("rol", "stap", "mag"),
    [
        ("contractmanager", "gesprek", True),
        ("financien", "gesprek", True),
        ("aanbieder", "gesprek", False),
        ("toegang", "gesprek", False),
        ("gemeente", "gesprek", False),
    ],
)
def test_who_records_the_conversation(zwak, rol, stap, mag):
    t = _open(zwak)
    html = _stap(rol, t, {"actie": stap, "datum": "2028-01-10", "verslag": "Besproken."})
    t.refresh_from_db()
    assert (t.status == TrajectStatus.GESPREK) == mag, html[:300]


@pytest.mark.parametrize("rol", ["beleid", "financien", "data-analist", "aanbieder", "toegang"])
def test_only_contract_management_approves_the_plan(zwak, rol):
    t = _open(zwak)
    _stap("contractmanager", t, {"actie": "gesprek", "datum": "2028-01-10", "verslag": "x"})
    _stap("aanbieder", t, PLAN)
    html = _stap(rol, t, {"actie": "plan_oordeel", "besluit": "goedkeuren", "toelichting": ""})
    t.refresh_from_db()
    assert t.plan_status == PlanStatus.INGEDIEND
    assert "403" in html or "contractmanagement" in html


def test_a_rejected_plan_is_resubmitted_and_steps_out_of_order_are_refused(zwak):
    t = _open(zwak)
    html = _stap("aanbieder", t, PLAN)  # before the conversation
    assert "na het gesprek" in html
    _stap("contractmanager", t, {"actie": "gesprek", "datum": "2028-01-10", "verslag": "x"})
    html = _stap("aanbieder", t, {**PLAN, "actie1-wanneer": "morgen"})
    assert "geen datum" in html
    _stap("aanbieder", t, PLAN)
    html = _stap(
        "contractmanager", t, {"actie": "plan_oordeel", "besluit": "afwijzen", "toelichting": ""}
    )
    assert "Zeg wat er aan het plan ontbreekt" in html
    _stap(
        "contractmanager",
        t,
        {"actie": "plan_oordeel", "besluit": "afwijzen", "toelichting": "Termijnen ontbreken."},
    )
    t.refresh_from_db()
    assert t.plan_status == PlanStatus.AFGEWEZEN
    _stap("aanbieder", t, PLAN)
    t.refresh_from_db()
    assert t.plan_status == PlanStatus.INGEDIEND
    html = _stap(
        "contractmanager", t, {"actie": "oordeel", "oordeel": "toezicht", "toelichting": "x"}
    )
    assert "niet toegestaan" in html
    assert t.acties.count() == 1  # a resubmission replaces the actions


def test_a_provider_sees_only_its_own_case(zwak, aanbieders):
    t = _open(zwak)
    assert login("aanbieder").get(f"/escalatie/traject/{t.pk}/").status_code == 200
    ander = Verbetertraject.objects.create(regio=t.regio, aanbieder=aanbieders[1], titel="Ander",
                                           aanleiding="x", geopend_op=t.geopend_op)  # fmt: skip
    r = login("aanbieder").get(f"/escalatie/traject/{ander.pk}/")
    assert r.status_code == 403
    assert "hoort niet bij uw organisatie" in r.content.decode()
    overzicht = login("aanbieder").get("/escalatie/").content.decode()
    assert "Ander" not in overzicht
    assert "andere aanbieder" in overzicht  # the funnel plot names only its own point
    assert aanbieders[1].naam not in overzicht


def test_the_team_sees_the_trajectories_behind_a_signal_and_the_toegang_does_not(zwak):
    s = Signaal.objects.filter(aanbieder=zwak).first()
    team = login("data-analist").get(f"/escalatie/signaal/{s.pk}/").content.decode()
    assert "Trajecten erachter" in team
    assert str(s.trajecten[0]) in team
    toegang = login("toegang").get(f"/escalatie/signaal/{s.pk}/").content.decode()
    assert "Trajecten erachter" not in toegang


def test_the_toegang_sees_no_money_and_no_tender():
    c = login("toegang")
    for pad in ("/contracten/", "/verwerving/", "/monitor/", "/sturing/", "/scenario/"):
        assert c.get(pad).status_code == 403, pad
    nav = c.get("/").content.decode()
    assert 'href="/contracten/"' not in nav


@pytest.mark.parametrize("rol", ["beleid", "financien", "aanbieder", "toegang"])
def test_only_contract_management_gives_the_judgement(zwak, rol):
    t = _open(zwak)
    _stap("contractmanager", t, {"actie": "gesprek", "datum": "2028-01-10", "verslag": "x"})
    _stap("beleid", t, {"actie": "beoordeling", "beoordeling": "Geen plan nodig."})
    t.refresh_from_db()
    assert t.status == TrajectStatus.BEOORDELING
    _stap(rol, t, {"actie": "oordeel", "oordeel": "toezicht", "toelichting": "x"})
    t.refresh_from_db()
    assert t.status == TrajectStatus.BEOORDELING
    _stap("contractmanager", t, {"actie": "oordeel", "oordeel": "toezicht", "toelichting": "x"})
    t.refresh_from_db()
    assert (t.status, t.oordeel) == (TrajectStatus.OORDEEL, "toezicht")


@pytest.mark.parametrize(("rol", "status"), [("toegang", 403), ("gemeente", 403), ("raad", 403)])
def test_who_may_not_write_the_plan(zwak, rol, status):
    t = _open(zwak)
    _stap("contractmanager", t, {"actie": "gesprek", "datum": "2028-01-10", "verslag": "x"})
    r = login(rol).post(f"/escalatie/traject/{t.pk}/", PLAN)
    assert r.status_code == status
    t.refresh_from_db()
    assert t.plan_status == PlanStatus.GEEN


def test_malformed_posts_get_a_dutch_message_not_a_500(zwak):
    t = _open(zwak)
    for data in ({"actie": "actie", "id": "abc", "naar": "gereed", "bewijs": "x"},
                 {"actie": "notitie", "zorgtraject": "12a", "tekst": "x"},
                 {"actie": "onzin"}):  # fmt: skip
        html = _stap("contractmanager", t, data)
        assert "Onbekende" in html or "geen nummer" in html or "403" in html
