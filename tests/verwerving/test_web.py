# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The tender pages per role: the team sees the ranking and the lottery, a bidder only
its own bid and scores, an assessor only his assigned bids and, until all submitted,
only his own scores."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from jeugdsturing.gebruikers.services import gebruiker_bewaar
from jeugdsturing.rollen import Rol
from jeugdsturing.verwerving import documenten, ocds
from jeugdsturing.verwerving import services as s
from jeugdsturing.verwerving.models import Aanbesteding, Beoordelaar, InschrijvingStatus
from jeugdsturing.weergave.pdf import pdf
from tests.conftest import login
from tests.verwerving.conftest import VOOR, Tender, dien_in
from tests.verwerving.test_documenten import tekst
from tests.verwerving.test_procedure import _naar_beoordeling

pytestmark = pytest.mark.django_db
AJH = "/verwerving/AJH-2026/"


@pytest.mark.parametrize("rol", ["contractmanager", "beleid", "regiobeheerder"])
def test_team_sees_ranking_lottery_and_all_bids(rol):
    html = login(rol).get(AJH).content.decode()
    assert "Rangschikking" in html
    assert "demo-2026-11-12-notaris" in html  # the lottery's seed
    a = Aanbesteding.objects.get(referentie="AJH-2026")
    for i in a.inschrijvingen.select_related("aanbieder"):
        assert i.aanbieder.naam in html
    assert "Dialoog" in html  # topics with their agreements
    assert "Zorgcontinuïteit" in html
    assert "Verdeling en eindinschrijving" in html
    assert "geweigerd" in html
    r = login(rol).get(AJH + "ocds.json")
    assert r["Content-Type"] == "application/json"
    assert r.json()["releases"][0]["tender"]["id"] == "AJH-2026"


def test_bidder_sees_only_its_own_bid_and_scores():
    a = Aanbesteding.objects.get(referentie="AJH-2026")
    eigen = a.inschrijvingen.get(aanbieder__naam="Amstelzorg")
    html = login("aanbieder").get(AJH).content.decode()
    assert f"Inschrijving nr. {eigen.nummer}" in html
    assert "Uw scores" in html
    assert "laagste geselecteerde totaal" in html
    for ander in a.inschrijvingen.exclude(pk=eigen.pk).select_related("aanbieder")[:5]:
        assert ander.aanbieder.naam not in html
    assert "demo-2026-11-12-notaris" not in html
    assert login("aanbieder").get(AJH + "ocds.json").status_code == 403
    assert login("aanbieder").get(AJH + "beoordelen/").status_code == 403


@pytest.mark.parametrize("rol", ["gemeente", "raad", "data-analist", "financien"])
def test_others_have_no_access(rol):
    assert login(rol).get(AJH).status_code == 403


def test_assessor_sees_only_assigned_bids_and_own_scores_until_all_submitted():
    a = Aanbesteding.objects.get(referentie="AJH-2026")
    c = login("beoordelaar")
    r = c.get(AJH)
    assert r.status_code == 302  # an assessor goes to his own page
    html = c.get(AJH + "beoordelen/").content.decode()
    # in the demo all assessors submitted: the others' scores are visible
    assert "Alle beoordelaars hebben ingediend" in html
    uitgesloten = a.inschrijvingen.get(status=InschrijvingStatus.UITGESLOTEN)
    assert f"Inschrijving {uitgesloten.nummer}:" not in html  # never assigned


def test_assessor_enters_scores_through_the_page_blind(tender: Tender):
    i = dien_in(tender, tender.aanbieders[0])
    _naar_beoordeling(tender)
    b1, b2 = tender.beoordelaars
    for b in (b1, b2):
        b.inschrijvingen.add(i)
        b.verklaring_op = b1.aanbesteding.inschrijven_tot
        b.save()
    gebruiker = b1.gebruiker
    gebruiker.set_password("pw-test-1")
    gebruiker.save()
    gebruiker_bewaar(username=gebruiker.username, password="pw-test-1", rol=Rol.BEOORDELAAR,
                               regio=tender.aanbesteding.regio)  # fmt: skip
    c = login(gebruiker.username, "pw-test-1")
    pad = f"/verwerving/{tender.aanbesteding.referentie}/beoordelen/"
    r = c.post(pad, {"inschrijving": i.pk, "criterium": tender.criteria[0].pk, "waarde": "7,5",
                     "motivering": "sterk", "actie": "score"}, follow=True)  # fmt: skip
    assert "Score op visie opgeslagen" in r.content.decode()
    assert b1.scores.get().waarde == Decimal("7.5")
    r = c.post(pad, {"inschrijving": i.pk, "actie": "indienen"}, follow=True)
    assert "Nog geen score op gebied, samenwerking" in r.content.decode()
    r = c.post(pad, {"inschrijving": i.pk, "criterium": tender.criteria[0].pk, "waarde": "12",
                     "motivering": "x", "actie": "score"}, follow=True)  # fmt: skip
    assert "buiten de schaal" in r.content.decode()
    # another assessor's score stays hidden
    Beoordelaar.objects.get(pk=b2.pk).scores.create(
        inschrijving=i, criterium=tender.criteria[0], waarde=Decimal(3), motivering="zwak"
    )
    assert "zwak" not in c.get(pad).content.decode()
    assert User.objects.filter(username=gebruiker.username).exists()


def test_the_team_runs_the_procedure_through_the_page(tender: Tender):
    from tests.verwerving.test_procedure import _beoordeel

    a = tender.aanbesteding
    gebruiker_bewaar(username="team-test", password="pw-team-1", rol=Rol.CONTRACTMANAGER,
                               regio=a.regio)  # fmt: skip
    c = login("team-test", "pw-team-1")
    pad = f"/verwerving/{a.referentie}/"
    vraag = s.vraag_stel(aanbesteding=a, aanbieder=tender.aanbieders[0], tekst="Vraag?", op=VOOR)
    r = c.post(
        pad + "actie/",
        {"actie": "beantwoord", "vraag": vraag.pk, "antwoord": "Antwoord."},
        follow=True,
    )
    assert "Antwoord opgeslagen" in r.content.decode()
    r = c.post(pad + "actie/", {"actie": "nota"}, follow=True)
    assert "Nota van Inlichtingen 1 gepubliceerd" in r.content.decode()
    _beoordeel(tender, {0: (7, 7, 7), 1: (7, 7, 7), 2: (9, 8, 8), 3: (6, 6, 6), 4: (8, 6, 6)})
    r = c.post(pad + "actie/", {"actie": "rangschik", "getuigen": "notaris"}, follow=True)
    assert "twee getuigen" in r.content.decode()  # the tie needs a lottery with witnesses
    r = c.post(
        pad + "actie/", {"actie": "rangschik", "getuigen": "notaris, secretaris"}, follow=True
    )
    tekst = r.content.decode()
    assert "Rangschikking vastgesteld: 3 geselecteerd, 1 in de wachtkamer; geloot met zaad" in tekst
    r = c.post(pad + "actie/", {"actie": "selectie"}, follow=True)
    assert "Selectie bekendgemaakt" in r.content.decode()
    r = c.post(
        pad + "actie/", {"actie": "status", "naar": "dialoog", "reden": "start"}, follow=True
    )
    assert "bezwaartermijn van de selectie loopt tot en met" in r.content.decode()
    assert login("aanbieder").post(pad + "actie/", {"actie": "nota"}).status_code == 403


def test_a_bidder_asks_a_question_through_the_page_until_the_deadline(tender: Tender, settings):
    from datetime import timedelta

    from django.utils import timezone

    a = tender.aanbesteding
    eigen = tender.aanbieders[0]
    gebruiker_bewaar(username="bieder-test", password="pw-bieder-1", rol=Rol.AANBIEDER,
                               regio=a.regio, aanbieder=eigen)  # fmt: skip
    c = login("bieder-test", "pw-bieder-1")
    pad = f"/verwerving/{a.referentie}/"
    a.vragen_tot = timezone.now() + timedelta(days=1)
    a.save()
    r = c.post(pad + "vraag/", {"tekst": "Hoe groot is het budget?"}, follow=True)
    assert "Uw vraag is ontvangen" in r.content.decode()
    assert a.vragen.get().gesteld_door == eigen
    a.vragen_tot = timezone.now() - timedelta(days=1)
    a.save()
    r = c.post(pad + "vraag/", {"tekst": "Nog een vraag"}, follow=True)
    assert "termijn voor vragen is verstreken" in r.content.decode()
    assert login("contractmanager").post(pad + "vraag/", {"tekst": "x"}).status_code == 403


def test_team_records_knock_out_checks_and_assigns_assessors_on_the_page(tender: Tender):
    a = tender.aanbesteding
    i = dien_in(tender, tender.aanbieders[0])
    gebruiker_bewaar(username="team-test-2", password="pw-team-2", rol=Rol.BELEID,
                               regio=a.regio)  # fmt: skip
    c = login("team-test-2", "pw-team-2")
    pad = f"/verwerving/{a.referentie}/toetsing/"
    kwal = tender.eisen[1]
    r = c.post(pad, {"actie": "toets", "inschrijving": i.pk, "eis": kwal.pk,
                     "uitkomst": "niet_voldaan", "motivering": ""}, follow=True)  # fmt: skip
    assert "Motiveer de toets van KWAL" in r.content.decode()
    r = c.post(pad, {"actie": "toets", "inschrijving": i.pk, "eis": kwal.pk,
                     "uitkomst": "niet_voldaan", "motivering": "geen certificaat"}, follow=True)  # fmt: skip
    i.refresh_from_db()
    assert i.status == "uitgesloten"
    assert "uitgesloten" in r.content.decode()
    b = tender.beoordelaars[0]
    c.post(pad, {"actie": "toewijzen", "inschrijving": i.pk, "beoordelaar": b.pk})
    assert list(b.inschrijvingen.all()) == [i]
    assert login("aanbieder").get(pad).status_code == 403


def test_team_publishes_a_question_anonymised_and_keeps_the_original(tender: Tender):
    a = tender.aanbesteding
    eigen = tender.aanbieders[0]
    v = s.vraag_stel(aanbesteding=a, aanbieder=eigen, op=VOOR,
                     tekst="Wij, Testaanbieder 01 uit Diemen, vragen: mag een combinatie?")  # fmt: skip
    gebruiker_bewaar(username="vrager", password="pw-vrager-1", rol=Rol.AANBIEDER,
                               regio=a.regio, aanbieder=eigen)  # fmt: skip
    team = login("contractmanager")
    pad = f"/verwerving/{a.referentie}/"
    team.post(pad + "actie/", {"actie": "beantwoord", "vraag": v.pk,
                               "publicatietekst": "Mag een combinatie inschrijven?",
                               "antwoord": "Ja, met een penvoerder."})  # fmt: skip
    v.refresh_from_db()
    assert v.tekst.startswith("Wij, Testaanbieder 01")  # the original is kept
    assert v.gepubliceerde_tekst == "Mag een combinatie inschrijven?"
    assert "Testaanbieder 01 uit Diemen" in team.get(pad).content.decode()
    team.post(pad + "actie/", {"actie": "nota"})
    v.refresh_from_db()
    assert v.nota_nummer == 1
    nota = tekst(pdf(documenten.nota_html(a, 1)))
    assert "Mag een combinatie inschrijven?" in nota
    assert "Diemen" not in nota
    enquiry = ocds.release_package(a)["releases"][0]["tender"]["enquiries"][0]
    assert enquiry["description"] == "Mag een combinatie inschrijven?"
    vrager = login("vrager", "pw-vrager-1")
    html = vrager.get(pad).content.decode()
    assert "Wij, Testaanbieder 01 uit Diemen" in html  # its own question, in its own words
    assert "<td>Mag een combinatie inschrijven?</td>" in html  # the published nota
    with pytest.raises(ValidationError, match="al gepubliceerd"):
        s.vraag_beantwoord(vraag=v, antwoord="anders", publicatietekst="anders")
