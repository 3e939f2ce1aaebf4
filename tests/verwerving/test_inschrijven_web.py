# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Setting up a tender and bidding on it through the pages: the team builds a concept
(lots, criteria with a scale, requirements, planning, committee, seed templates) and
announces it; a bidder submits its bid with the UEA, evidence and capacity statement,
sealed until the deadline; later it answers its offer."""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.gebruikers.services import gebruiker_bewaar
from jeugdsturing.regio.models import Regio
from jeugdsturing.rollen import Rol
from jeugdsturing.verwerving import services as s
from jeugdsturing.verwerving.models import (
    Aanbesteding,
    AanbestedingStatus,
    Bewijsstuk,
    Inschrijving,
)
from tests.conftest import DEMO_PASSWORD, login

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def open_tender() -> Aanbesteding:
    """A tender of the demo region whose deadlines lie ahead of the clock."""
    nu = timezone.now()
    a = s.aanbesteding_bewaar(
        aanbesteding=Aanbesteding(
            regio=Regio.objects.get(code="JZ13"), referentie="OPEN-1", naam="Open test",
            vragen_tot=nu + timedelta(days=10), inschrijven_tot=nu + timedelta(days=20),
        )
    )  # fmt: skip
    for wat in ("themas", "criteria", "eisen"):
        s.sjabloon_neem_over(aanbesteding=a, wat=wat)
    s.aanbesteding_status_wijzig(aanbesteding=a, naar=AanbestedingStatus.AANGEKONDIGD, reden="pub")
    a.refresh_from_db()
    return a


def _url(a: Aanbesteding, deel: str = "") -> str:
    return f"/verwerving/{a.referentie}/{deel}"


def test_team_sets_up_a_tender_on_the_pages_and_announces_it():
    c = login("contractmanager")
    assert "Nieuwe aanbesteding" in c.get("/verwerving/").content.decode()
    nu = timezone.now()
    velden = {
        "referentie": "WEB-1", "naam": "Specialistische jeugdhulp 2028", "omschrijving": "",
        "procedure": "SAS sociale en andere specifieke diensten", "max_partners": 4,
        "wachtkamer": 2, "schaal_min": 0, "schaal_max": 10, "minimum_totaal": "5.5",
        "beslisregel": "loting", "bezwaartermijn_dagen": 10, "geraamde_waarde": "12500000,50",
        "vragen_tot": (nu + timedelta(days=14)).strftime("%Y-%m-%dT%H:%M"),
        "inschrijven_tot": (nu + timedelta(days=7)).strftime("%Y-%m-%dT%H:%M"),
    }  # fmt: skip
    r = c.post("/verwerving/nieuw/", velden)
    assert r.status_code == 200
    assert "vragentermijn moet eerder eindigen" in r.content.decode()
    velden["inschrijven_tot"] = (nu + timedelta(days=30)).strftime("%Y-%m-%dT%H:%M")
    r = c.post("/verwerving/nieuw/", velden)
    assert r.status_code == 302
    a = Aanbesteding.objects.get(referentie="WEB-1")
    assert a.status == AanbestedingStatus.CONCEPT
    assert a.geraamde_waarde_eurocent == 1_250_000_050
    assert a.statuswijzigingen.get().reden == "aangemaakt"
    url = _url(a, "inrichting/")

    # Announcing an empty tender is refused with the reasons.
    c.post(_url(a, "actie/"), {"actie": "status", "naar": "aangekondigd", "reden": "te vroeg"})
    a.refresh_from_db()
    assert a.status == AanbestedingStatus.CONCEPT
    html = c.get(_url(a)).content.decode()
    assert "geen percelen" in html
    assert "geen gunningscriteria" in html

    c.post(url, {"actie": "perceel", "code": "P1", "naam": "Ambulant", "thema": ""})
    r = c.post(
        url,
        {"actie": "criterium", "code": "K1", "naam": "Visie", "weging": "60", "minimum": "12",
         "schaal": "0 = ontbreekt\n6 = voldoende\n10 = uitstekend"},
        follow=True,
    )  # fmt: skip
    assert "buiten de schaal" in r.content.decode()  # minimum 12 on a 0-10 scale
    c.post(url, {"actie": "criterium", "code": "K1", "naam": "Visie", "weging": "60",
                 "minimum": "6", "schaal": "0 = ontbreekt\n6 = voldoende\n10 = uitstekend"})  # fmt: skip
    r = c.post(url, {"actie": "criterium", "code": "K2", "naam": "X", "weging": "40",
                     "schaal": "zes voldoende"}, follow=True)  # fmt: skip
    assert "schrijf &#x27;waarde = beschrijving&#x27;" in r.content.decode()
    c.post(url, {"actie": "sjabloon", "wat": "eisen"})
    c.post(url, {"actie": "eis", "code": "EIGEN", "omschrijving": "VOG", "soort": "geschiktheid"})
    c.post(url, {"actie": "mijlpaal", "fase": "Dialoog", "naam": "Start", "datum": "2027-03-01"})
    beoordelaar = User.objects.get(username="beoordelaar")
    c.post(url, {"actie": "beoordelaar", "gebruiker": beoordelaar.pk})
    a.refresh_from_db()
    assert list(a.percelen.values_list("code", flat=True)) == ["P1"]
    k1 = a.criteria.get()
    assert (k1.code, k1.weging, k1.minimum) == ("K1", Decimal(60), Decimal(6))
    assert k1.beschrijving_schaal == {"0": "ontbreekt", "6": "voldoende", "10": "uitstekend"}
    assert a.eisen.count() >= 5
    assert a.eisen.filter(code="EIGEN").exists()
    assert a.mijlpalen.get().naam == "Start"
    assert a.beoordelaars.get().gebruiker == beoordelaar
    html = c.get(url).content.decode()
    assert "Visie" in html
    assert "VOG" in html

    # Announced: what bidders compete on is fixed, deadlines only move later.
    c.post(_url(a, "actie/"), {"actie": "status", "naar": "aangekondigd", "reden": "TenderNed"})
    a.refresh_from_db()
    assert a.status == AanbestedingStatus.AANGEKONDIGD
    r = c.post(
        url, {"actie": "perceel", "code": "P2", "naam": "Verblijf", "thema": ""}, follow=True
    )
    assert "alleen in de conceptfase" in r.content.decode()
    assert a.percelen.count() == 1
    oud = a.inschrijven_tot
    vroeger = {
        "actie": "termijn", "reden": "vragen",
        "vragen_tot": timezone.localtime(a.vragen_tot - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
        "inschrijven_tot": timezone.localtime(a.inschrijven_tot).strftime("%Y-%m-%dT%H:%M"),
    }  # fmt: skip
    r = c.post(url, vroeger, follow=True)
    assert "alleen later" in r.content.decode()
    later = dict(vroeger, vragen_tot=timezone.localtime(a.vragen_tot).strftime("%Y-%m-%dT%H:%M"))
    later["inschrijven_tot"] = timezone.localtime(oud + timedelta(days=7)).strftime(
        "%Y-%m-%dT%H:%M"
    )
    c.post(url, later)
    a.refresh_from_db()
    assert a.inschrijven_tot > oud
    assert "termijnen" in a.statuswijzigingen.last().reden


@pytest.mark.parametrize("rol", ["aanbieder", "beoordelaar", "gemeente"])
def test_only_the_team_sets_up_tenders(rol, open_tender):
    c = login(rol) if rol != "gemeente" else login("gemeente")
    assert c.post("/verwerving/nieuw/", {}).status_code in (403, 404)
    assert c.get(_url(open_tender, "inrichting/")).status_code in (403, 404)


def _bod(a: Aanbesteding, **extra: object) -> dict[str, object]:
    d: dict[str, object] = {
        "percelen": [str(a.percelen.first().pk)],  # type: ignore[union-attr]
        "uitsluitingsgronden": "geen", "visie": "Dichtbij, gewoon en samen.",
        "leden": "", "onderaannemers": "Buurtzorg Jong\n",
        "capaciteitsregels": "2",
        "cap0-expertise": "ambulant", "cap0-zorgvorm": "gezin", "cap0-gebied": "AMS-N",
        "cap0-min": "5", "cap0-max": "30",
        "cap1-expertise": "", "cap1-zorgvorm": "", "cap1-gebied": "", "cap1-min": "", "cap1-max": "",
    }  # fmt: skip
    for c in a.criteria.all():
        d[f"antwoord-{c.code}"] = f"Ons antwoord op {c.code}."
    for e in a.eisen.all():
        d[f"verklaar-{e.code}"] = "1"
    d.update(extra)
    return d


def test_bidder_submits_on_the_page_with_uea_and_evidence_sealed_until_the_deadline(
    open_tender: Aanbesteding,
):
    a = open_tender
    c = login("aanbieder")
    html = c.get(_url(a, "inschrijven/")).content.decode()
    assert "Dien inschrijving in" in html
    eis = a.eisen.first()
    assert eis is not None
    r = c.post(
        _url(a, "inschrijven/"),
        _bod(a, **{
            "uea": SimpleUploadedFile("uea.pdf", PDF, "application/pdf"),
            f"bewijs-{eis.code}": SimpleUploadedFile("keurmerk.pdf", PDF + b"k", "application/pdf"),
        }),
    )  # fmt: skip
    assert r.status_code == 302, r.content.decode()[:3000]
    i = Inschrijving.objects.get(aanbesteding=a)
    assert i.aanbieder.naam == "Amstelzorg"
    assert i.capaciteit == [
        {"expertise": "ambulant", "zorgvorm": "gezin", "gebied": "AMS-N", "min": 5, "max": 30}
    ]
    assert i.onderaannemers == ["Buurtzorg Jong"]
    assert set(i.uea["verklaard"]) == set(a.eisen.values_list("code", flat=True))
    stukken = {b.naam: b for b in i.bewijsstukken.all()}
    assert set(stukken) == {"uea.pdf", "keurmerk.pdf"}
    assert stukken["keurmerk.pdf"].eis == eis
    assert stukken["uea.pdf"].sha256 == hashlib.sha256(PDF).hexdigest()
    assert stukken["uea.pdf"].content_type == "application/pdf"

    # The bidder sees and downloads its own files; the team cannot open them yet.
    html = c.get(_url(a, "inschrijven/")).content.decode()
    assert "Wijzig inschrijving" in html
    assert "keurmerk.pdf" in html
    stuk = stukken["uea.pdf"]
    r = c.get(_url(a, f"bijlage/{stuk.pk}/"))
    assert r.status_code == 200
    assert r.content == PDF
    assert "attachment" in r["Content-Disposition"]
    team = login("contractmanager")
    assert team.get(_url(a, f"bijlage/{stuk.pk}/")).status_code == 403
    assert "verzegeld" in team.get(_url(a)).content.decode()

    # A wrong file is refused by name and the whole change is rolled back.
    r = c.post(
        _url(a, "inschrijven/"),
        _bod(a, visie="Gewijzigd", uea=SimpleUploadedFile("uea2.pdf", b"MZ\x90\x00exe", "application/pdf")),
    )  # fmt: skip
    assert r.status_code == 400
    assert "uea2.pdf: geen PDF" in r.content.decode()
    i.refresh_from_db()
    assert i.visie == "Dichtbij, gewoon en samen."
    assert i.bewijsstukken.count() == 2
    r = c.post(
        _url(a, "inschrijven/"),
        _bod(a, visie="Gewijzigd", uea=SimpleUploadedFile("foto.pdf", b"\x89PNG\r\n\x1a\n..", "image/png")),
    )  # fmt: skip
    assert "foto.pdf: de inhoud is PNG" in r.content.decode(), re.findall(
        r'melding fout">([^<]*)', r.content.decode()
    )

    # A missing declaration or answer names what is missing.
    zonder = _bod(a)
    del zonder[f"verklaar-{eis.code}"]
    r = c.post(_url(a, "inschrijven/"), zonder)
    assert r.status_code == 400
    assert f"Verklaar in het UEA dat u voldoet aan {eis.code}" in r.content.decode()
    r = c.post(_url(a, "inschrijven/"), _bod(a, **{"cap0-gebied": "Atlantis"}))
    assert r.status_code == 400
    assert "Capaciteitsverklaring regel 1" in r.content.decode()
    ander_perceel = a.percelen.exclude(pk=a.percelen.first().pk).first()  # type: ignore[union-attr]
    assert ander_perceel is not None
    r = c.post(_url(a, "inschrijven/"), _bod(a, **{"cap0-perceel": ander_perceel.code}))
    assert r.status_code == 400
    assert f"perceel {ander_perceel.code} is niet gekozen" in r.content.decode()

    # A change before the deadline replaces the bid; the bidder removes a file.
    r = c.post(_url(a, "inschrijven/"), _bod(a, visie="Gewijzigd"))
    assert r.status_code == 302
    i.refresh_from_db()
    assert i.visie == "Gewijzigd"
    assert Inschrijving.objects.filter(aanbesteding=a).count() == 1
    andere = Aanbieder.objects.exclude(pk=i.aanbieder_id).first()
    assert andere is not None
    assert c.post(_url(a, f"bijlage/{stukken['keurmerk.pdf'].pk}/verwijder/")).status_code == 302
    assert i.bewijsstukken.count() == 1

    # After the deadline: nothing changes any more, the team opens the files.
    Aanbesteding.objects.filter(pk=a.pk).update(
        vragen_tot=timezone.now() - timedelta(days=2), inschrijven_tot=timezone.now() - timedelta(days=1)
    )  # fmt: skip
    r = c.post(_url(a, "inschrijven/"), _bod(a, visie="Te laat"), follow=True)
    assert "inschrijftermijn is verstreken" in r.content.decode()
    i.refresh_from_db()
    assert i.visie == "Gewijzigd"
    assert c.post(_url(a, f"bijlage/{stuk.pk}/verwijder/")).status_code == 302
    assert Bewijsstuk.objects.filter(pk=stuk.pk).exists()
    r = team.get(_url(a, f"bijlage/{stuk.pk}/"))
    assert r.status_code == 200
    assert hashlib.sha256(r.content).hexdigest() == stuk.sha256


def test_an_attachment_over_the_limit_is_refused(open_tender: Aanbesteding, settings):
    settings.TENDER_MAX_FILE_MB = 1
    groot = PDF + b"0" * (1024 * 1024)
    r = login("aanbieder").post(
        _url(open_tender, "inschrijven/"),
        _bod(open_tender, visie=SimpleUploadedFile("visie.pdf", groot, "application/pdf")),
    )
    assert r.status_code == 400
    assert "visie.pdf: 1.0 MB is groter dan de grens van 1 MB" in r.content.decode()
    assert not Inschrijving.objects.filter(aanbesteding=open_tender).exists()


def test_another_bidder_cannot_open_an_attachment(open_tender: Aanbesteding):
    c = login("aanbieder")
    c.post(_url(open_tender, "inschrijven/"),
           _bod(open_tender, uea=SimpleUploadedFile("uea.pdf", PDF, "application/pdf")))  # fmt: skip
    stuk = Bewijsstuk.objects.get(inschrijving__aanbesteding=open_tender)
    ander = Aanbieder.objects.exclude(pk=stuk.inschrijving.aanbieder_id).first()
    assert ander is not None
    gebruiker_bewaar(
        username="ander", rol=Rol.AANBIEDER, regio=open_tender.regio, aanbieder=ander,
        password=DEMO_PASSWORD,
    )  # fmt: skip
    assert User.objects.filter(username="ander").exists()
    d = login("ander", DEMO_PASSWORD)
    assert d.get(_url(open_tender, f"bijlage/{stuk.pk}/")).status_code == 403
    assert d.post(_url(open_tender, f"bijlage/{stuk.pk}/verwijder/")).status_code == 403
