# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The cost projection page and command on the real figures (docs/scenario.md)."""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal

import pytest
from django.core.management import call_command

from jeugdsturing.regio.models import Regio
from jeugdsturing.scenario.models import Kengetal, Kostenscenario, Soort
from jeugdsturing.scenario.projectie import (
    EFFECT_NAMEN,
    Basis,
    Effect,
    Jaaraanname,
    projecteer,
    standaard_aannames,
)
from jeugdsturing.scenario.selectors import projectiebasis
from tests.conftest import login

pytestmark = pytest.mark.django_db

URL = "/scenario/kostenprojectie/"


def _formulier(jaren: dict[int, Jaaraanname], **extra: str) -> dict[str, str]:
    data = {}
    for jaar, a in jaren.items():
        data[f"a-{jaar}-index"] = str(a.index).replace(".", ",")
        data[f"a-{jaar}-volume"] = str(a.volume).replace(".", ",")
        for e in Effect:
            data[f"a-{jaar}-{e.value}"] = str(a.effect(e)).replace(".", ",")
    return data | extra


def test_groepen_tellen_op_tot_het_totaal():
    """The Iv3 costs per care group add up to the gemeente's total, for every gemeente
    and year."""
    totalen, groepen = {}, {}
    for k in Kengetal.objects.filter(soort=Soort.IV3_JAARREKENING).values_list(
        "gemeente_id", "jaar", "groep", "waarde"
    ):
        if k[2] == "":
            totalen[(k[0], k[1])] = k[3]
        else:
            groepen[(k[0], k[1])] = groepen.get((k[0], k[1]), Decimal(0)) + k[3]
    assert len(totalen) == 342
    assert totalen == groepen


def test_basis_holland_rijnland_uit_de_jaarrekeningen():
    pb = projectiebasis(Regio.objects.get(code="JZ18"), None)
    assert pb.basis is not None
    assert (pb.basis.jaar, pb.basis.totaal) == (2023, 158_729_000_00)
    assert pb.gerealiseerd[2023] == 158_729_000_00
    assert pb.clienten == pb.basis.clienten_ambulant + pb.basis.clienten_verblijf
    assert not pb.ontbreekt


def test_pagina_toont_de_projectie_van_de_standaardaannames():
    r = login("hollandrijnland").get(URL)
    assert r.status_code == 200
    html = r.content.decode()
    pb = projectiebasis(Regio.objects.get(code="JZ18"), None)
    assert isinstance(pb.basis, Basis)
    _, _, jaren = standaard_aannames()
    p = projecteer(pb.basis, jaren)
    laatste = p[-1]
    # the table in thousands: the 2029 row's total
    rij = re.search(r'<th scope="row">2029</th>(.*?)</tr>', html, re.S).group(1)
    cellen = re.findall(r'<td class="getal">(?:<strong>)?([^<]*)', rij)
    assert cellen[7] == f"{(laatste.totaal + 50_000) // 100_000:,}".replace(",", ".")
    assert html.count("<svg") == 2
    assert "Omslagpunt: na 2025 dalen de kosten" in html


def test_bewaren_vergelijken_en_verwijderen():
    c = login("financien")  # JZ13, the demo region
    regio = Regio.objects.get(code="JZ13")
    pb = projectiebasis(regio, None)
    _, _, jaren = standaard_aannames()
    jaren = {j: a for j, a in jaren.items() if j > pb.basis.jaar}
    r = c.post(URL, _formulier(jaren, actie="bewaren", naam="Voorzichtig", toelichting="test"))
    assert r.status_code == 200
    s = Kostenscenario.objects.get(regio=regio, naam="Voorzichtig")
    assert s.basisjaar == 2023
    assert s.history.count() == 1
    # a second one with 0% fewer clients in 2029; both appear in the comparison
    jaren2 = dict(jaren)
    data = _formulier(jaren2, actie="nieuw", naam="Zonder minder cliënten", scenario=str(s.pk))
    data["a-2029-clienten"] = "0"
    c.post(URL, data)
    html = c.get(f"{URL}?scenario={s.pk}").content.decode()
    vergelijking = html.split("Vergelijking van de bewaarde scenario")[1]
    assert "Voorzichtig" in vergelijking
    assert "Zonder minder cliënten" in vergelijking
    # a name that is taken is refused in Dutch
    html = c.post(URL, _formulier(jaren, actie="nieuw", naam="Voorzichtig")).content.decode()
    assert "Er is al een scenario met de naam &#x27;Voorzichtig&#x27;" in html
    c.post(URL, {"actie": "verwijderen", "scenario": str(s.pk), **_formulier(jaren)})
    assert not Kostenscenario.objects.filter(pk=s.pk).exists()


def test_gemeente_rekent_alleen_de_eigen_gemeente_en_bewaart_niet():
    c = login("gemeente")  # Amstelveen
    html = c.get(f"{URL}?gemeente=0363").content.decode()  # asks Amsterdam: gets its own
    assert "<p>Amstelveen." in html
    assert "Als scenario bewaren" not in html
    _, _, jaren = standaard_aannames()
    r = c.post(URL, _formulier(jaren, actie="doorrekenen"))
    assert r.status_code == 200
    r = c.post(URL, _formulier(jaren, actie="bewaren", naam="x"))
    assert r.status_code == 403


@pytest.mark.parametrize(
    ("veld", "waarde", "melding"),
    [
        ("a-2026-clienten", "NaN", "2026, minder cliënten: &#x27;NaN&#x27; is geen getal"),
        ("a-2027-verblijf", "120", "2027, afname verblijf: 120% ligt niet tussen 0 en 100%"),
        ("a-2025-index", "1.5", "is niet eenduidig"),
    ],
)
def test_foute_aannames_geven_een_nederlandse_melding(veld, waarde, melding):
    _, _, jaren = standaard_aannames()
    data = _formulier(jaren, actie="doorrekenen")
    data[veld] = waarde
    r = login("hollandrijnland").post(URL, data)
    assert r.status_code == 200
    assert melding in r.content.decode()


def test_csv_en_commando(capsys):
    r = login("hollandrijnland").get(f"{URL}?gemeente=0546&formaat=csv")
    tekst = r.content.decode("utf-8")
    assert tekst.startswith("\ufeffjaar;soort;trend (euro);minder cliënten (euro);")
    rijen = list(csv.DictReader(io.StringIO(tekst.lstrip("\ufeff")), delimiter=";"))
    assert rijen[0]["soort"] == "gerealiseerd"
    assert rijen[0]["totaal (euro)"] == "32906000,00"
    for rij in rijen[1:]:
        delen = [
            Decimal(rij[f"{EFFECT_NAMEN[e].lower()} (euro)"].replace(",", ".")) for e in Effect
        ]
        trend = Decimal(rij["trend (euro)"].replace(",", "."))
        assert trend + sum(delen) == Decimal(rij["totaal (euro)"].replace(",", "."))
    call_command("scenario", "projectie", "--region", "JZ18", "--gemeente", "0546")
    uit = json.loads(capsys.readouterr().out)
    assert uit["basisjaar"] == 2023
    assert [r["totaal"] for r in uit["jaren"][1:]] == [
        x["totaal (euro)"].replace(",", ".") for x in rijen[1:]
    ]
    # Excel: real numbers, the money format, an explanation sheet
    from openpyxl import load_workbook

    xlsx = login("hollandrijnland").get(f"{URL}?gemeente=0546&formaat=xlsx")
    wb = load_workbook(io.BytesIO(xlsx.content))
    assert wb.sheetnames == ["Kostenprojectie", "Toelichting"]
    ws = wb["Kostenprojectie"]
    assert ws["A2"].value == 2023
    assert ws.cell(row=2, column=10).value == 32_906_000  # a number, not text
    assert ws.cell(row=2, column=10).number_format.startswith('"€"')


def test_alkmaar_omslagpunt_in_2025():
    """Seed 003's sanity check (docs/scenario.md): with the default assumptions the
    Alkmaar region's costs peak in 2025."""
    pb = projectiebasis(Regio.objects.get(code="JZ06"), None)
    assert isinstance(pb.basis, Basis)
    _, _, jaren = standaard_aannames()
    p = projecteer(pb.basis, jaren)
    totalen = {x.jaar: x.totaal for x in p}
    assert totalen[2025] == max(totalen.values())
    assert totalen[2029] < totalen[2025]
