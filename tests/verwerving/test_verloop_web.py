# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The team's pages for the later steps: consensus, objections and drop-outs, the
dialogue register and coverage; and a bidder's objection on its own page."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal as D

import pytest
from django.utils import timezone

from jeugdsturing.berichten.models import Traject, TrajectStatus
from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.gebruikers.services import gebruiker_bewaar
from jeugdsturing.rollen import Rol
from jeugdsturing.verwerving import selectors
from jeugdsturing.verwerving import services as s
from jeugdsturing.verwerving.models import (
    Aanbesteding,
    Afspraak,
    AfspraakStatus,
    Bezwaar,
    Consensus,
    Dialoogsessie,
    InschrijvingStatus,
    Vraagraming,
)
from jeugdsturing.verwerving.sjablonen import ONDERWERPEN_000, ONDERWERPEN_002
from tests.conftest import DEMO_PASSWORD, login
from tests.verwerving.conftest import VOOR, Tender, dien_in
from tests.verwerving.test_dialoog_dekking import _in_dialoog
from tests.verwerving.test_procedure import _naar_beoordeling

pytestmark = pytest.mark.django_db


def _url(a: Aanbesteding, deel: str) -> str:
    return f"/verwerving/{a.referentie}/{deel}"


def _meldingen(html: str) -> list[str]:
    return re.findall(r'class="melding[^"]*">([^<]*)', html)


def test_consensus_on_the_page_after_all_assessors_submitted(tender: Tender):
    a = tender.aanbesteding
    i = dien_in(tender, tender.aanbieders[0])
    _naar_beoordeling(tender)
    visie = tender.criteria[0]
    for b, waarde in zip(tender.beoordelaars, (6, 8), strict=True):
        b.inschrijvingen.add(i)
        s.beoordelaar_verklaar(beoordelaar=b)
        for crit in tender.criteria:
            s.score_geef(beoordelaar=b, inschrijving=i, criterium=crit, waarde=D(waarde),
                         motivering=f"motivering {b.gebruiker.username}")  # fmt: skip
    c = login("contractmanager")
    s.scores_dien_in(beoordelaar=tender.beoordelaars[0], inschrijving=i)
    html = c.get(_url(a, "consensus/")).content.decode()
    assert "Nog niet alle beoordelaars" in html
    assert "motivering beoordelaar-test-1" not in html  # not shown before all are in
    r = c.post(_url(a, "consensus/"), {"actie": "vaststellen", "inschrijving": i.pk,
                                       "criterium": visie.pk, "waarde": "7", "motivering": "m"},
               follow=True)  # fmt: skip
    assert "nog niet alle beoordelaars hebben ingediend" in r.content.decode()
    s.scores_dien_in(beoordelaar=tender.beoordelaars[1], inschrijving=i)
    html = c.get(_url(a, "consensus/")).content.decode()
    assert "motivering beoordelaar-test-1" in html
    assert "motivering beoordelaar-test-2" in html
    assert "7,00" in html  # the mean of 6 and 8
    r = c.post(_url(a, "consensus/"), {"actie": "vaststellen", "inschrijving": i.pk,
                                       "criterium": visie.pk, "waarde": "7,5",
                                       "motivering": "sterk gebiedsgericht"}, follow=True)  # fmt: skip
    assert "consensusscore 7,5 vastgesteld" in r.content.decode()
    r = c.post(_url(a, "consensus/"), {"actie": "aanpassen", "inschrijving": i.pk,
                                       "criterium": visie.pk, "waarde": "8", "reden": ""},
               follow=True)  # fmt: skip
    assert any("reden" in m.lower() for m in _meldingen(r.content.decode()))
    c.post(_url(a, "consensus/"), {"actie": "aanpassen", "inschrijving": i.pk,
                                   "criterium": visie.pk, "waarde": "8",
                                   "reden": "toelichtingsgesprek: aanpak wachttijden"})  # fmt: skip
    vast = Consensus.objects.get(inschrijving=i, criterium=visie)
    assert (vast.schriftelijk, vast.waarde) == (D("7.5"), D("8"))
    assert "aanpak wachttijden" in c.get(_url(a, "consensus/")).content.decode()
    r = c.post(_url(a, "consensus/"), {"actie": "vaststellen", "inschrijving": i.pk,
                                       "criterium": tender.criteria[1].pk, "waarde": "twaalf",
                                       "motivering": "m"}, follow=True)  # fmt: skip
    assert "score: &#x27;twaalf&#x27; is geen getal" in r.content.decode()


def test_consensus_and_coverage_pages_are_sealed_before_the_deadline_and_team_only(tender: Tender):
    a = tender.aanbesteding
    assert login("aanbieder").get(_url(a, "consensus/")).status_code == 403
    assert login("beoordelaar").get(_url(a, "dekking/")).status_code == 403
    Aanbesteding.objects.filter(pk=a.pk).update(inschrijven_tot=timezone.now().replace(year=2099))
    assert login("contractmanager").get(_url(a, "consensus/")).status_code == 403
    html = login("contractmanager").get(_url(a, "dekking/")).content.decode()
    assert "verzegeld" in html


def test_objections_and_a_drop_out_on_the_page(tender: Tender):
    partners = _in_dialoog(tender)
    a = tender.aanbesteding
    Aanbesteding.objects.filter(pk=a.pk).update(selectie_bekendgemaakt_op=timezone.localdate())
    wachtend = a.inschrijvingen.get(status=InschrijvingStatus.WACHTKAMER)
    afgewezen = a.inschrijvingen.exclude(pk__in=[p.pk for p in partners]).exclude(pk=wachtend.pk)[0]
    c = login("contractmanager")
    c.post(_url(a, "selectie/"), {"actie": "bezwaar", "inschrijving": afgewezen.pk,
                                  "tegen": "selectie", "tekst": "Per e-mail: score te laag."})  # fmt: skip
    bezwaar = Bezwaar.objects.get(inschrijving=afgewezen)
    html = c.get(_url(a, "selectie/")).content.decode()
    assert "Per e-mail: score te laag." in html
    assert "Handel af" in html
    c.post(
        _url(a, "selectie/"),
        {"actie": "afhandelen", "bezwaar": bezwaar.pk, "uitkomst": "Ongegrond."},
    )
    bezwaar.refresh_from_db()
    assert bezwaar.uitkomst == "Ongegrond."
    assert bezwaar.afgehandeld_op == timezone.localdate()

    r = c.post(_url(a, "selectie/"), {"actie": "uitval", "inschrijving": partners[0].pk,
                                      "reden": ""}, follow=True)  # fmt: skip
    assert "Geef de reden van de uitval." in r.content.decode()
    r = c.post(_url(a, "selectie/"), {"actie": "uitval", "inschrijving": partners[0].pk,
                                      "reden": "faillissement"}, follow=True)  # fmt: skip
    assert f"inschrijving {wachtend.nummer} schuift op" in r.content.decode()
    wachtend.refresh_from_db()
    partners[0].refresh_from_db()
    assert wachtend.status == InschrijvingStatus.GESELECTEERD
    assert partners[0].status == InschrijvingStatus.TERUGGETROKKEN


def test_a_bidder_objects_on_its_own_page_within_the_period(tender: Tender):
    _in_dialoog(tender)
    a = tender.aanbesteding
    afgewezen = a.inschrijvingen.filter(status=InschrijvingStatus.NIET_GESELECTEERD).first()
    assert afgewezen is not None
    gebruiker_bewaar(username="inschrijver", password=DEMO_PASSWORD, rol=Rol.AANBIEDER,
                               regio=a.regio, aanbieder=afgewezen.aanbieder)  # fmt: skip
    c = login("inschrijver", DEMO_PASSWORD)
    Aanbesteding.objects.filter(pk=a.pk).update(selectie_bekendgemaakt_op=date(2020, 1, 1))
    assert "Dien bezwaar in" not in c.get(_url(a, "")).content.decode()
    r = c.post(_url(a, "bezwaar/"), {"tegen": "selectie", "tekst": "Te laat"}, follow=True)
    assert "De bezwaartermijn is verstreken." in r.content.decode()
    Aanbesteding.objects.filter(pk=a.pk).update(selectie_bekendgemaakt_op=timezone.localdate())
    assert "Dien bezwaar in" in c.get(_url(a, "")).content.decode()
    r = c.post(_url(a, "bezwaar/"), {"tegen": "selectie", "tekst": "V1 is te laag gescoord."},
               follow=True)  # fmt: skip
    assert "Uw bezwaar tegen de selectie is ontvangen" in r.content.decode()
    assert "in behandeling" in r.content.decode()
    assert Bezwaar.objects.get(inschrijving=afgewezen).tekst == "V1 is te laag gescoord."


def test_the_dialogue_register_on_the_page(tender: Tender):
    partners = _in_dialoog(tender)
    a = tender.aanbesteding
    c = login("beleid")
    c.post(_url(a, "dialoog/"), {"actie": "sjabloon"})
    assert a.dialoogonderwerpen.count() == len(ONDERWERPEN_000) + len(ONDERWERPEN_002)
    c.post(
        _url(a, "dialoog/"),
        {"actie": "onderwerp", "code": "X1", "naam": "Crisisbedden", "bron": ""},
    )
    r = c.post(_url(a, "dialoog/"), {"actie": "ronde", "naam": "Eerste ronde",
                                     "van": "2027-01-10", "tot": "2027-01-01"}, follow=True)  # fmt: skip
    assert "ligt vóór van" in r.content.decode()
    c.post(
        _url(a, "dialoog/"),
        {"actie": "ronde", "naam": "Eerste ronde", "van": "2027-01-10", "tot": "2027-02-10"},
    )
    ronde = a.dialoogrondes.get()
    x1 = a.dialoogonderwerpen.get(code="X1")
    niet = a.inschrijvingen.exclude(status=InschrijvingStatus.GESELECTEERD).first()
    assert niet is not None
    sessie = {"actie": "sessie", "ronde": ronde.pk, "datum": "2027-01-20",
              "onderwerpen": [x1.pk], "deelnemers": [p.pk for p in partners] + [niet.pk],
              "verslag": "Crisisbedden per gebied besproken."}  # fmt: skip
    r = c.post(_url(a, "dialoog/"), sessie, follow=True)
    assert f"Inschrijving {niet.nummer} is geen partner" in r.content.decode()
    r = c.post(_url(a, "dialoog/"), dict(sessie, datum="2027-03-01"), follow=True)
    assert "valt buiten ronde 1" in r.content.decode()
    c.post(_url(a, "dialoog/"), dict(sessie, deelnemers=[p.pk for p in partners]))
    gehouden = Dialoogsessie.objects.get(ronde=ronde)
    assert set(gehouden.deelnemers.all()) == set(partners)
    c.post(_url(a, "dialoog/"), {"actie": "afspraak", "onderwerp": x1.pk, "sessie": gehouden.pk,
                                 "tekst": "Twee crisisbedden per gebied, gezamenlijk rooster."})  # fmt: skip
    af = Afspraak.objects.get(onderwerp=x1)
    assert af.sessie == gehouden
    r = c.post(_url(a, "dialoog/"), {"actie": "afspraakstatus", "afspraak": af.pk,
                                     "naar": "vastgesteld", "reden": "akkoord"}, follow=True)  # fmt: skip
    assert "van &#x27;open&#x27; naar &#x27;vastgesteld&#x27; is niet" in r.content.decode()
    af.refresh_from_db()
    assert af.status == AfspraakStatus.OPEN
    for naar in ("in_uitwerking", "vastgesteld"):
        c.post(_url(a, "dialoog/"), {"actie": "afspraakstatus", "afspraak": af.pk, "naar": naar,
                                     "reden": "werkgroep"})  # fmt: skip
    af.refresh_from_db()
    assert af.status == AfspraakStatus.VASTGESTELD
    assert af.history.count() == 3
    html = c.get(_url(a, "dialoog/")).content.decode()
    assert "Twee crisisbedden per gebied" in html
    assert "Crisisbedden per gebied besproken." in html


def test_coverage_page_shows_shortages_per_area_and_expertise(tender: Tender):
    a = tender.aanbesteding
    regels = [
        [{"expertise": "verblijf", "zorgvorm": "gezinshuis", "gebied": "AMS-N", "min": 2, "max": 6},
         {"expertise": "ambulant", "zorgvorm": "gezin", "gebied": "AMS-N", "min": 10, "max": 40}],
        [{"expertise": "verblijf", "zorgvorm": "gezinshuis", "gebied": "AMS-N", "min": 1, "max": 4},
         {"expertise": "ambulant", "zorgvorm": "gezin", "gebied": "AMS-O", "min": 30, "max": 50}],
    ]  # fmt: skip
    for aanbieder, capaciteit in zip(tender.aanbieders, regels, strict=False):
        s.inschrijving_dien_in(aanbesteding=a, aanbieder=aanbieder, percelen=tender.percelen[:1],
                               visie="v", antwoorden={}, capaciteit=capaciteit,
                               uea={"uitsluitingsgronden": "geen"}, op=VOOR)  # fmt: skip
    c = login("contractmanager")
    r = c.post(_url(a, "dekking/"), {"actie": "raming", "expertise": "verblijf",
                                     "gebied": "Atlantis", "aantal": 5}, follow=True)  # fmt: skip
    assert "Gebied &#x27;Atlantis&#x27; is geen gebied van de regio" in r.content.decode()
    for expertise, gebied, aantal in (("verblijf", "AMS-N", 14), ("ambulant", "AMS-O", 20),
                                      ("alle", "AMS-N", 30)):  # fmt: skip
        c.post(_url(a, "dekking/"), {"actie": "raming", "expertise": expertise, "gebied": gebied,
                                     "aantal": aantal})  # fmt: skip
    assert Vraagraming.objects.filter(aanbesteding=a).count() == 3
    r = c.post(_url(a, "dekking/"), {"actie": "monitor", "van": "2026-01-01", "tot": "2026-06-30"},
               follow=True)  # fmt: skip
    assert "geen cliënten in zorg" in r.content.decode()  # the test database has no traffic
    html = c.get(_url(a, "dekking/")).content.decode()
    assert "<svg" in html
    rijen = re.findall(r"<tr[^>]*><td>([^<]*)</td><td>([^<]*)</td><td class=\"getal\">(\d+)</td>"
                       r"<td class=\"getal\">(\d+)</td><td class=\"getal\">(\d+)</td>"
                       r"<td class=\"getal\">(\d+)</td><td>(\w+)</td>", html)  # fmt: skip
    tabel = {(e, g): (int(v), int(mn), int(mx), o) for e, g, v, mn, mx, _, o in rijen}
    assert tabel[("verblijf", "AMS-N")] == (14, 3, 10, "tekort")  # 4 short
    assert tabel[("ambulant", "AMS-O")] == (20, 30, 50, "overcapaciteit")
    assert tabel[("ambulant", "AMS-N")] == (0, 10, 40, "overcapaciteit")
    assert "1 cel met een tekort" in html


def test_demo_tender_coverage_shows_gaps():
    html = login("contractmanager").get("/verwerving/AJH-2026/dekking/").content.decode()
    assert "<svg" in html
    assert "tekort" in html
    assert "overcapaciteit" in html or "gedekt" in html


def test_demand_from_the_monitor_is_the_number_in_care_at_the_same_time(tender: Tender):
    agb = Aanbieder.objects.filter(naam="Amstelzorg").values_list("agb_code", flat=True)[0]

    def traject(n: int, gebied: str, eind: date | None) -> Traject:
        begin = date(2027, 1, 4)
        return Traject(
            sleutel=f"dekking-{n}", gemeente="0363", aanbieder=agb, client=f"{n:064x}",
            geboortejaar=2015, gebied=gebied, toewijzingnummer=str(n), categorie="45",
            productcode="45A01", toewijzingsdatum=begin, toewijzing_ingangsdatum=begin,
            begindatum=begin, einddatum=eind, reden_beeindiging="31" if eind else "",
            start_gemeld_op=begin, stop_gemeld_op=eind,
            status=TrajectStatus.BEEINDIGD if eind else TrajectStatus.LOPEND,
        )  # fmt: skip

    # AMS-N: 10 all year and 6 until mid-March; AMS-O: 3 all year; one without an area.
    Traject.objects.bulk_create(
        [traject(n, "AMS-N", None) for n in range(10)]
        + [traject(n, "AMS-N", date(2027, 3, 15)) for n in range(10, 16)]
        + [traject(n, "AMS-O", None) for n in range(16, 19)]
        + [traject(19, "", None)]
    )
    a = tender.aanbesteding
    vraag = selectors.vraag_uit_monitor(a, date(2027, 1, 1), date(2027, 6, 30))
    # month ends Jan and Feb: 16 in care in AMS-N, March-June: 10; mean 12 (not the 16
    # distinct clients of the half year)
    assert vraag == {("alle", "AMS-N"): 12, ("alle", "AMS-O"): 3}
    # no month end in the period: the number in care on its last day
    assert selectors.vraag_uit_monitor(a, date(2027, 3, 10), date(2027, 3, 20)) == {
        ("alle", "AMS-N"): 10, ("alle", "AMS-O"): 3,
    }  # fmt: skip
    r = login("contractmanager").post(
        _url(a, "dekking/"), {"actie": "monitor", "van": "2027-01-01", "tot": "2027-06-30"},
        follow=True,
    )  # fmt: skip
    assert "Verwachte vraag van 2 gebieden uit de monitor overgenomen." in r.content.decode()
    raming = Vraagraming.objects.get(aanbesteding=a, gebied="AMS-N")
    assert (raming.expertise, raming.aantal) == ("alle", 12)
    assert raming.bron.startswith("monitor: gemiddeld tegelijk in zorg")
