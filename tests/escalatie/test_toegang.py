# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The intake point: the BSN check and pseudonymisation, the priority order with ties,
the acceptance duty (a refusal needs a reason and is counted), linking an aanmelding to
its trajectory, and the referral advice as the toegang sees it."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from jeugdsturing.berichten.privacy import pseudoniem
from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.escalatie.advies import Gewichten, Profiel, getoond, rangschik, score
from jeugdsturing.escalatie.models import Aanmelding, AanmeldingStatus, Toewijzingspoging
from jeugdsturing.escalatie.services import (
    aanmelding_accepteer,
    aanmelding_maak,
    aanmelding_weiger,
    aanmelding_wijs_toe,
    aanmeldingen_koppel,
    standaard_inrichten,
)
from jeugdsturing.escalatie.toegangsregels import (
    Aangemeld,
    Wachtende,
    Zorgtraject,
    bsn_geldig,
    koppel,
    volgorde,
)
from jeugdsturing.escalatie.verwijzing import toewijzingen
from tests.conftest import login

BSN = "111222333"  # passes the elfproef
T0 = datetime(2027, 3, 1, 9, 0)  # noqa: DTZ001 (made aware where it is stored)


# --- pure rules --------------------------------------------------------------------------


def test_bsn_elfproef():
    assert bsn_geldig(BSN)
    assert not bsn_geldig("111222334")
    assert not bsn_geldig("12345678")
    assert not bsn_geldig("000000000")
    assert not bsn_geldig("11122233a")


def test_priority_urgency_first_then_arrival_with_ties_by_number():
    w = [
        Wachtende(1, "normaal", T0),
        Wachtende(2, "spoed", T0 + timedelta(hours=5)),
        Wachtende(3, "normaal", T0 - timedelta(hours=1)),
        Wachtende(4, "hoog", T0),
        Wachtende(5, "hoog", T0),  # a tie on urgency and arrival: the lower number first
    ]
    assert [x.id for x in volgorde(w, "urgentie_dan_aankomst")] == [2, 4, 5, 3, 1]
    assert [x.id for x in volgorde(w, "aankomst")] == [3, 1, 4, 5, 2]
    with pytest.raises(ValueError, match="prioriteitsregel"):
        volgorde(w, "loting")


def _zt(i: int, client: str = "k1", aanbieder: str = "A", thema: str = "B",
        toewijzing: date | None = None, begin: date | None = None) -> Zorgtraject:  # fmt: skip
    return Zorgtraject(i, client, aanbieder, thema, begin, toewijzing)


def test_linking_on_hand_cases():
    a = Aangemeld(1, "k1", "A", "B", date(2027, 3, 1))
    assert koppel([a], [_zt(10, toewijzing=date(2027, 3, 5))], 120) == {
        1: _zt(10, toewijzing=date(2027, 3, 5))
    }
    # another provider, theme or child, before the aanmelding, or after the window: none
    for t in (
        _zt(11, aanbieder="X", toewijzing=date(2027, 3, 5)),
        _zt(12, thema="C", toewijzing=date(2027, 3, 5)),
        _zt(13, client="k2", toewijzing=date(2027, 3, 5)),
        _zt(14, toewijzing=date(2027, 2, 27)),
        _zt(15, toewijzing=date(2027, 6, 30)),
    ):
        assert koppel([a], [t], 120) == {}, t
    # at the window's last day it still counts; without an assignment the start counts
    assert 16 in {z.id for z in koppel([a], [_zt(16, toewijzing=date(2027, 6, 29))], 120).values()}
    assert koppel([a], [_zt(17, begin=date(2027, 3, 20))], 120)[1].id == 17
    # the earliest trajectory, and one trajectory for one aanmelding (the earlier first)
    b = Aangemeld(2, "k1", "A", "B", date(2027, 3, 2))
    t1, t2 = _zt(20, toewijzing=date(2027, 3, 10)), _zt(21, toewijzing=date(2027, 3, 8))
    assert {k: v.id for k, v in koppel([b, a], [t1, t2], 120).items()} == {1: 21, 2: 20}
    assert {k: v.id for k, v in koppel([b, a], [t1], 120).items()} == {1: 20}


def test_advice_score_and_ranking_with_ties():
    regio = Profiel("regio", (0.6, 1.0), (0.1, 1.0), 20.0)
    w = Gewichten()
    goed = Profiel("A", (80, 100), (5, 100), 20.0, 30)
    slecht = Profiel("B", (40, 100), (30, 100), 62.0, 30, toegewezen=4, geweigerd=2, escalatie=True)
    s, delen = score(goed, regio, w)
    assert delen == {"uitstroom": 2.0, "herhaald": 0.5, "wachttijd": 0.0}
    assert s == 2.5
    _, delen2 = score(slecht, regio, w)
    assert delen2 == {"uitstroom": -2.0, "herhaald": -2.0, "wachttijd": -0.5, "acceptatie": -0.25,
                      "escalatie": -1.0}  # fmt: skip
    gelijk = Profiel("C", (80, 100), (5, 100), 20.0, 30)
    namen = {"A": "Zon", "B": "Maan", "C": "Aarde"}
    assert [p.aanbieder for p, _, _ in rangschik([slecht, goed, gelijk], regio, w, namen)] == [
        "C",
        "A",
        "B",
    ]
    # a missing figure counts as the region's
    assert score(Profiel("D"), regio, w) == (0, {})


def test_shares_for_roles_without_exact_figures():
    assert getoond(0, 10)
    assert getoond(5, 10)
    assert getoond(30, 40)
    assert not getoond(3, 9)  # fewer than 10
    assert not getoond(2, 40)  # tells that 2 children did
    assert not getoond(38, 40)  # tells that 2 did not


# --- services and pages -----------------------------------------------------------------


@pytest.fixture
def inrichting(db, regio):
    standaard_inrichten(regio)
    return regio


def _maak(regio, urgentie="normaal", op=T0, bsn=BSN) -> Aanmelding:
    return aanmelding_maak(regio=regio, gebied=regio.gebieden.order_by("volgorde")[0],
                           thema=regio.themas.order_by("volgorde")[0], bsn=bsn,
                           urgentie=urgentie, ontvangen_op=timezone.make_aware(op))  # fmt: skip


@pytest.mark.django_db
def test_the_toegang_registers_a_child_and_only_the_pseudonym_is_kept(inrichting):
    regio = inrichting
    c = login("toegang")
    gebied, thema = regio.gebieden.order_by("volgorde")[0], regio.themas.order_by("volgorde")[0]
    r = c.post("/toegang/", {"bsn": "1112.22.333", "gebied": gebied.code, "thema": thema.code,
                             "urgentie": "hoog", "expertise": "autisme"}, follow=True)  # fmt: skip
    assert "geregistreerd" in r.content.decode()
    a = Aanmelding.objects.get()
    assert a.client == pseudoniem(BSN)
    assert BSN not in str(list(Aanmelding.objects.values()))
    assert BSN not in str(list(Aanmelding.history.values()))
    r = c.post("/toegang/", {"bsn": "123", "gebied": gebied.code, "thema": thema.code,
                             "urgentie": "hoog"}, follow=True)  # fmt: skip
    assert "elfproef" in r.content.decode()
    r = c.post("/toegang/", {"bsn": BSN, "gebied": "XX", "thema": thema.code,
                             "urgentie": "hoog"}, follow=True)  # fmt: skip
    assert "Gebied: &#x27;XX&#x27; is onbekend" in r.content.decode()
    assert Aanmelding.objects.count() == 1
    assert login("aanbieder").post("/toegang/", {"bsn": BSN}).status_code == 403


@pytest.mark.django_db
def test_assignment_follows_the_priority_rule(inrichting):
    regio = inrichting
    eerst = _maak(regio, "normaal", T0)
    spoed = _maak(regio, "spoed", T0 + timedelta(hours=3))
    amstelzorg = Aanbieder.objects.get(naam="Amstelzorg")
    with pytest.raises(ValidationError, match=f"eerst aanmelding {spoed.pk} aan de beurt"):
        aanmelding_wijs_toe(aanmelding=eerst, aanbieder=amstelzorg)
    aanmelding_wijs_toe(aanmelding=spoed, aanbieder=amstelzorg, op=timezone.make_aware(T0))
    spoed.refresh_from_db()
    assert spoed.uiterlijk_accepteren == date(2027, 3, 2)  # spoed: one working day
    aanmelding_wijs_toe(aanmelding=eerst, aanbieder=amstelzorg, op=timezone.make_aware(T0))
    eerst.refresh_from_db()
    assert eerst.uiterlijk_accepteren == date(2027, 3, 8)  # five working days


@pytest.mark.django_db
def test_the_acceptance_duty_refusal_needs_a_reason_and_is_counted(inrichting):
    regio = inrichting
    a = _maak(regio)
    amstelzorg = Aanbieder.objects.get(naam="Amstelzorg")
    ander = Aanbieder.objects.exclude(pk=amstelzorg.pk).order_by("agb_code")[0]
    aanmelding_wijs_toe(aanmelding=a, aanbieder=amstelzorg)
    c = login("aanbieder")  # Amstelzorg's user
    r = c.post(f"/toegang/aanmelding/{a.pk}/", {"actie": "weigeren", "reden": " "}, follow=True)
    assert "Een weigering heeft een reden" in r.content.decode()
    c.post(f"/toegang/aanmelding/{a.pk}/", {"actie": "weigeren", "reden": "Vol."})
    a.refresh_from_db()
    assert a.status == AanmeldingStatus.WACHTEND
    assert toewijzingen(regio)[amstelzorg.agb_code] == (1, 1)
    # assigned to another provider now: Amstelzorg's user can no longer answer
    aanmelding_wijs_toe(aanmelding=a, aanbieder=ander)
    r = c.post(f"/toegang/aanmelding/{a.pk}/", {"actie": "accepteren"})
    assert r.status_code == 403
    with pytest.raises(ValidationError, match="reden"):
        aanmelding_weiger(aanmelding=a, reden="")
    aanmelding_accepteer(aanmelding=a)
    a.refresh_from_db()
    assert (a.status, a.eerste_aanbieder_id) == (AanmeldingStatus.GEACCEPTEERD, ander.pk)
    assert Toewijzingspoging.objects.filter(aanmelding=a).count() == 2


@pytest.mark.django_db
def test_an_accepted_aanmelding_is_linked_to_its_trajectory(inrichting):
    regio = inrichting
    a = _maak(regio)
    amstelzorg = Aanbieder.objects.get(naam="Amstelzorg")
    aanmelding_wijs_toe(aanmelding=a, aanbieder=amstelzorg)
    aanmelding_accepteer(aanmelding=a)
    from jeugdsturing.berichten.models import Traject, TrajectStatus

    t = Traject.objects.create(
        sleutel="k-1", gemeente="0363", aanbieder=amstelzorg.agb_code, client=a.client,
        toewijzingsdatum=date(2027, 3, 6), begindatum=date(2027, 3, 20), categorie="45",
        productcode="45A01", status=TrajectStatus.LOPEND,
    )  # fmt: skip
    z = Zorgtraject(
        t.pk, a.client, amstelzorg.agb_code, a.thema.code, t.begindatum, t.toewijzingsdatum
    )
    assert aanmeldingen_koppel(regio=regio, trajecten=[z]) == {"aanmeldingen gekoppeld": 1}
    a.refresh_from_db()
    assert (a.status, a.traject_id, a.gestart_op) == ("gestart", t.pk, date(2027, 3, 20))
    assert aanmeldingen_koppel(regio=regio, trajecten=[z]) == {}  # safe to re-run
    html = login("toegang").get(f"/toegang/aanmelding/{a.pk}/").content.decode()
    assert "19 dagen van aanmelding tot start" in html


@pytest.mark.django_db
def test_the_advice_ranks_and_the_toegang_sees_no_exact_small_numbers(inrichting, aanbieders):
    from jeugdsturing.berichten.models import Traject, TrajectStatus
    from tests.escalatie.conftest import maak_trajecten

    maak_trajecten(aanbieders)  # theme C: five providers at 70% planned, the sixth at 30%
    klein = Aanbieder.objects.exclude(pk__in=[a.pk for a in aanbieders]).order_by("agb_code")[0]
    Traject.objects.bulk_create(
        Traject(sleutel=f"klein-{i}", gemeente="0363", aanbieder=klein.agb_code,
                client=f"klein{i:058d}", categorie="45", productcode="45A01",
                begindatum=date(2027, 1, 1), einddatum=date(2027, 5, 1) + timedelta(days=i),
                reden_beeindiging="31" if i < 10 else "33", start_gemeld_op=date(2027, 1, 1),
                stop_gemeld_op=date(2027, 5, 1), status=TrajectStatus.BEEINDIGD)
        for i in range(12)
    )  # fmt: skip
    from jeugdsturing.monitor import service
    from jeugdsturing.regio.models import Regio

    service.vergeet(Regio.objects.get(code="JZ13"))
    team = login("contractmanager").get("/toegang/advies/?thema=C").content.decode()
    toegang = login("toegang").get("/toegang/advies/?thema=C").content.decode()
    for html in (team, toegang):
        # the weak provider ranks below every provider at 70%
        assert html.index(aanbieders[0].naam) < html.index(aanbieders[-1].naam)
    rij = team[team.index(f"<td>{klein.naam}</td>") :].split("</tr>")[0]
    assert "83,3%" in rij  # 10 of 12: the team sees it
    rij = toegang[toegang.index(f"<td>{klein.naam}</td>") :].split("</tr>")[0]
    assert "afgeschermd" in rij  # 83,3% would tell that 2 did not
    assert "83,3" not in rij
    assert "€" not in toegang
    assert (
        "Thema: &#x27;ZZ&#x27; is onbekend"
        in login("toegang").get("/toegang/advies/?thema=ZZ", follow=True).content.decode()
    )
    assert login("aanbieder").get("/toegang/advies/").status_code == 403


@pytest.mark.django_db
def test_the_toegang_assigns_from_the_advice_and_its_place_is_recorded(inrichting):
    regio = inrichting
    a = _maak(regio)
    c = login("toegang")
    html = c.get(f"/toegang/aanmelding/{a.pk}/").content.decode()
    assert "Plaats op de wachtlijst" in html
    assert 'aria-label="Verwijsadvies"' in html
    from jeugdsturing.escalatie.verwijzing import advies

    rijen = advies(regio, a.thema, a.gebied).rijen
    tweede = rijen[1][0].aanbieder
    c.post(f"/toegang/aanmelding/{a.pk}/", {"actie": "toewijzen", "aanbieder": tweede})
    poging = Toewijzingspoging.objects.get(aanmelding=a)
    assert (poging.aanbieder.agb_code, poging.advies_rang) == (tweede, 2)
    assert "0 van de 1 toewijzingen" in c.get("/toegang/").content.decode()
    # the provider user may not assign
    b = _maak(regio, op=T0 + timedelta(hours=1))
    assert login("aanbieder").post(f"/toegang/aanmelding/{b.pk}/",
                                   {"actie": "toewijzen", "aanbieder": tweede}).status_code == 403  # fmt: skip


@pytest.mark.django_db
def test_intake_to_start_per_theme_protects_small_numbers_for_the_toegang(inrichting):
    from jeugdsturing.escalatie.verwijzing import aanmelding_tot_start

    regio = inrichting
    amstelzorg = Aanbieder.objects.get(naam="Amstelzorg")
    for i in range(3):
        a = _maak(regio, op=T0 + timedelta(hours=i), bsn=["111222333", "123456782", "100000009"][i])
        aanmelding_wijs_toe(aanmelding=a, aanbieder=amstelzorg)
        aanmelding_accepteer(aanmelding=a)
        Aanmelding.objects.filter(pk=a.pk).update(
            status="gestart", gestart_op=date(2027, 3, 1) + timedelta(days=10 + 20 * i)
        )
    [team] = aanmelding_tot_start(regio, exact=True)
    assert (team["n"], team["mediaan"]) == (3, 30)
    assert team["binnen_pct"] == pytest.approx(66.7)
    [toegang] = aanmelding_tot_start(regio, exact=False)
    assert (toegang["n"], toegang["mediaan"], toegang["binnen_pct"]) == ("<5", None, None)
