# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The half-yearly council report (docs/raadsrapportage.md)."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from jeugdsturing.core.access import Scope
from jeugdsturing.monitor import service
from jeugdsturing.monitor.bescherming import AFGESCHERMD, KLEIN
from jeugdsturing.monitor.service import regio_monitor
from jeugdsturing.raad.inhoud import periode_van
from jeugdsturing.raad.models import Raadsrapportage, RapportStatus
from jeugdsturing.raad.opendata import KOLOMMEN
from jeugdsturing.regio.models import Regio
from tests.conftest import login
from tests.monitor.conftest import agb_codes, maak_trajecten

pytestmark = pytest.mark.django_db


@pytest.fixture
def agb() -> dict[str, str]:
    return agb_codes()


@pytest.fixture
def regio(agb) -> Regio:
    r = Regio.objects.get(code="JZ13")
    maak_trajecten(agb)
    service.vergeet(r)
    return r


def _maak(client, gemeente: str = "") -> Raadsrapportage:
    r = client.post("/rapportages/", {"jaar": "2027", "helft": "1", "gemeente": gemeente})
    assert r.status_code == 302
    return Raadsrapportage.objects.latest("pk")


def _stand(client, r: Raadsrapportage, naar: str, reden: str = "besluit college 2027-07") -> str:
    antwoord = client.post(f"/rapportages/{r.pk}/", {"actie": naar, "reden": reden}, follow=True)
    return str(antwoord.content.decode())


def test_van_concept_tot_gepubliceerd_en_wie_het_ziet(regio):
    team = login("contractmanager")
    r = _maak(team)
    assert r.status == RapportStatus.CONCEPT
    raad = login("raad")
    assert r.titel not in raad.get("/rapportages/").content.decode()
    assert raad.get(f"/rapportages/{r.pk}/").status_code == 404
    # contract management may make, not adopt
    assert (
        team.post(f"/rapportages/{r.pk}/", {"actie": "vastgesteld", "reden": "x"}).status_code
        == 403
    )
    beleid = login("beleid")
    assert "Geef een reden" in _stand(beleid, r, "vastgesteld", reden=" ")
    assert "is vastgesteld" in _stand(beleid, r, "vastgesteld")
    assert "niet toegestaan" in _stand(beleid, r, "vastgesteld")  # already adopted
    assert "is gepubliceerd" in _stand(beleid, r, "gepubliceerd")
    r.refresh_from_db()
    assert r.status == RapportStatus.GEPUBLICEERD
    assert r.gepubliceerd_op is not None
    assert [h.naar for h in r.statuswijzigingen.order_by("op")] == [
        "concept",
        "vastgesteld",
        "gepubliceerd",
    ]
    # published: the council and the gemeenten read it; it cannot be changed any more
    assert r.titel in raad.get("/rapportages/").content.decode()
    assert raad.get(f"/rapportages/{r.pk}/").status_code == 200
    assert r.titel in login("gemeente").get("/rapportages/").content.decode()
    html = team.post(
        f"/rapportages/{r.pk}/", {"actie": "bewerken", "toelichting": "x"}, follow=True
    ).content.decode()
    assert "Alleen een concept kan worden bewerkt" in html


def test_alleen_gepubliceerde_cijfers_zoals_een_raadslid_ze_mag_zien(regio, agb):
    r = _maak(login("regiobeheerder"))
    inhoud = r.inhoud
    p = periode_van(2027, 1)
    publiek = regio_monitor(regio, Scope.publiek()).rijen([p], [])[0]
    for k in inhoud["kerncijfers"]:
        assert k["waarde"] == publiek[k["code"]], k["code"]
        if k["code"] in ("clienten_in_zorg", "instroom", "uitstroom", "nieuwe_clienten"):
            assert k["waarde"] in (KLEIN, AFGESCHERMD) or k["waarde"] % 5 == 0
    per_gemeente = {
        str(x["gemeente"]): x
        for x in regio_monitor(regio, Scope.publiek()).rijen([p], ["gemeente"])
    }
    for g in inhoud["gemeenten"]:
        assert g["clienten_in_zorg"] == per_gemeente.get(g["code"], {}).get("clienten_in_zorg")
    tekst = json.dumps(inhoud, ensure_ascii=False)
    # nothing about a provider or a child: no AGB codes, no pseudonyms, no provider names
    for code in agb.values():
        assert code not in tekst
    assert not re.search(r"[0-9a-f]{64}", tekst)
    for naam in ("Amstelzorg", "Horizon Jeugd", "Arkin Jong"):
        assert naam not in tekst
    # the fixture's figures are in it: Amstelveen 33 trajectories -> published 35
    assert next(g for g in inhoud["gemeenten"] if g["code"] == "0362")["clienten_in_zorg"] == 35


def test_gemeenterapportage_en_wie_welke_ziet(regio):
    team = login("beleid")
    regio_rapport = _maak(team)
    amstelveen = _maak(team, "0362")
    amsterdam = _maak(team, "0363")
    assert [g["code"] for g in amstelveen.inhoud["gemeenten"]] == ["0362"]
    assert [g["code"] for g in amstelveen.inhoud["geld"]["rijen"]] == ["0362"]
    for r in (regio_rapport, amstelveen, amsterdam):
        _stand(team, r, "vastgesteld")
        _stand(team, r, "gepubliceerd")
    html = login("gemeente").get("/rapportages/").content.decode()  # Amstelveen
    assert regio_rapport.titel in html
    assert amstelveen.titel in html
    assert amsterdam.titel not in html
    # a second report for the same half-year is refused in Dutch
    html = team.post(
        "/rapportages/", {"jaar": "2027", "helft": "1", "gemeente": "0362"}, follow=True
    ).content.decode()
    assert "Er is al een raadsrapportage voor Amstelveen over het eerste halfjaar 2027" in html


@pytest.mark.parametrize(
    ("data", "melding"),
    [
        ({"jaar": "twee", "helft": "1"}, "Jaar: &#x27;twee&#x27; is geen jaar"),
        ({"jaar": "2027", "helft": "3"}, "Halfjaar: kies het eerste of het tweede halfjaar"),
        (
            {"jaar": "2027", "helft": "1", "gemeente": "9999"},
            "Gemeente: &#x27;9999&#x27; hoort niet bij",
        ),
    ],
)
def test_foute_invoer_geeft_een_melding(regio, data, melding):
    html = login("beleid").post("/rapportages/", data, follow=True).content.decode()
    assert melding in html


def test_open_data_pdf_en_codeboek(regio):
    team = login("beleid")
    r = _maak(team)
    _stand(team, r, "vastgesteld")
    _stand(team, r, "gepubliceerd")
    raad = login("raad")
    antwoord = raad.get(f"/rapportages/{r.pk}/open-data.csv")
    tekst = antwoord.content.decode("utf-8")
    assert tekst.startswith("\ufeffrapportage;regio;gemeente;")
    rijen = list(csv.DictReader(io.StringIO(tekst.lstrip("\ufeff")), delimiter=";"))
    kern = {
        x["onderwerp"]: x["waarde"]
        for x in rijen
        if x["onderdeel"] == "kerncijfers" and x["periode_van"] == "2027-01-01"
    }
    assert kern["clienten_in_zorg"] == str(r.inhoud["kerncijfers"][0]["waarde"])
    assert {x["onderdeel"] for x in rijen} >= {
        "kerncijfers",
        "per_gemeente",
        "geld",
        "prestatiedialoog",
    }
    boek = raad.get("/rapportages/codeboek.csv").content.decode("utf-8")
    for kolom, _ in KOLOMMEN:
        assert f"kolom;{kolom};" in boek
    pdf = raad.get(f"/rapportages/{r.pk}/pdf/")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_de_kaart_staat_op_de_pagina(regio):
    r = _maak(login("beleid"))
    html = login("beleid").get(f"/rapportages/{r.pk}/").content.decode()
    svg = html.split('<figure class="grafiek">')[1].split("</figure>")[0]
    assert "geoshape" in svg
    assert "1.7976931348623157e+308" not in svg  # a drawable size
    assert "per 1.000 jongeren" in svg
