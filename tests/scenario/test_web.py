# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The risk-equalisation page on the real figures of Holland Rijnland (JZ18)."""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal

import pytest
from django.core.management import call_command

from jeugdsturing.scenario.verevening import Model, model_kolom
from tests.conftest import login

pytestmark = pytest.mark.django_db

# CBS Iv3 2023 (jaarrekening), youth-care costs ('lasten' of 6.72-6.74 and 6.82) in
# thousands of euros, read by hand from ../shared/data/iv3/iv3_jeugd_2023_jaarrekening.csv.
HR_2023 = {
    "Alphen aan den Rijn": 36494, "Hillegom": 5248, "Kaag en Braassem": 6551,
    "Katwijk": 21377, "Leiden": 32906, "Leiderdorp": 6686, "Lisse": 6575,
    "Nieuwkoop": 5683, "Noordwijk": 9651, "Oegstgeest": 6177, "Teylingen": 11514,
    "Voorschoten": 7856, "Zoeterwoude": 2011,
}  # fmt: skip
# Youths 0-17, gemeentefonds 2025 (../shared/data/regio/gemeenten_jeugdregio_2025.csv).
HR_JONGEREN = {
    "Alphen aan den Rijn": 22321, "Hillegom": 4129, "Kaag en Braassem": 5355,
    "Katwijk": 14516, "Leiden": 18931, "Leiderdorp": 5295, "Lisse": 4330,
    "Nieuwkoop": 5617, "Noordwijk": 8030, "Oegstgeest": 5649, "Teylingen": 7494,
    "Voorschoten": 5324, "Zoeterwoude": 1792,
}  # fmt: skip


def _euro(tekst: str) -> int:
    return int(tekst.replace("€", "").replace("\xa0", "").replace(".", "").strip())


def _tabel(html: str) -> dict[str, list[str]]:
    tabel = html.split('aria-label="Verrekening per gemeente en model"')[1].split("</table>")[0]
    rijen = {}
    for rij in re.findall(r"<tr><th scope=\"row\">(.*?)</th>(.*?)</tr>", tabel, re.S):
        cellen = re.findall(r'<td class="getal">(.*?)(?:<br>.*?)?</td>', rij[1], re.S)
        rijen[rij[0]] = cellen
    return rijen


def test_holland_rijnland_met_echte_cijfers_2023():
    r = login("hollandrijnland").get(
        "/scenario/risicoverevening/?kosten=realisatie-2023&sleutel=jongeren"
    )
    assert r.status_code == 200
    rijen = _tabel(r.content.decode())
    assert set(rijen) == set(HR_2023)
    totaal = sum(HR_2023.values()) * 1000
    som_jongeren = sum(HR_JONGEREN.values())
    for naam, cellen in rijen.items():
        jongeren, kosten, solidariteit = cellen[0], cellen[1], cellen[2]
        assert int(jongeren.replace(".", "")) == HR_JONGEREN[naam]
        assert _euro(kosten) == HR_2023[naam] * 1000
        # (b) with the youth key: the region's total by share of youths, as a whole euro
        bijdrage = Decimal(totaal) * HR_JONGEREN[naam] / som_jongeren
        assert abs(_euro(solidariteit) - (bijdrage - HR_2023[naam] * 1000)) <= 1, naam
    html = r.content.decode()
    assert "Totale kosten van de regio: €\xa0158.729.000 voor 108.783 jongeren" in html
    assert "<svg" in html
    assert "Hoe sterk beweegt de bijdrage mee" in html


def test_csv_en_commando_geven_dezelfde_getallen(capsys):
    r = login("hollandrijnland").get(
        "/scenario/risicoverevening/?kosten=realisatie-2023&formaat=csv"
    )
    assert r["Content-Type"].startswith("text/csv")
    tekst = r.content.decode("utf-8")
    assert tekst.startswith("\ufeffgemeentecode;gemeente;")
    rijen = list(csv.DictReader(io.StringIO(tekst.lstrip("\ufeff")), delimiter=";"))
    assert len(rijen) == 13
    for m in Model:
        som = sum(Decimal(x[model_kolom(m, "bijdrage")].replace(",", ".")) for x in rijen)
        assert som == Decimal("158729000.00"), m
    call_command("scenario", "verevening", "--region", "JZ18", "--kosten", "realisatie-2023")
    uit = json.loads(capsys.readouterr().out)
    leiden = next(g for g in uit["gemeenten"] if g["naam"] == "Leiden")
    csv_leiden = next(x for x in rijen if x["gemeente"] == "Leiden")
    assert leiden["drempel"]["bijdrage"] == csv_leiden[
        model_kolom(Model.DREMPEL, "bijdrage")
    ].replace(",", ".")


def test_gemeente_ziet_alleen_de_eigen_positie():
    html = login("gemeente").get("/scenario/risicoverevening/").content.decode()
    rijen = _tabel(html)
    assert list(rijen) == ["Amstelveen"]
    assert "Amsterdam (" not in html  # no other gemeente named in the texts
    assert "Amstelveen betaalt" in html or "Amstelveen ontvangt" in html


@pytest.mark.parametrize("rol", ["contractmanager", "aanbieder", "beoordelaar", "toegang", "raad"])
def test_geen_toegang_zegt_waarom(rol):
    r = login(rol).get("/scenario/risicoverevening/")
    assert r.status_code == 403
    assert "Uw rol geeft geen toegang tot Scenario&#x27;s: bekijken" in r.content.decode()


@pytest.mark.parametrize(
    ("query", "melding"),
    [
        ("kosten=realisatie-1999", "Kosten: &#x27;realisatie-1999&#x27; is geen beschikbare keuze"),
        ("sleutel=inwoners", "Sleutel: &#x27;inwoners&#x27; is geen sleutel"),
        ("drempel=NaN", "Drempel: &#x27;NaN&#x27; is geen getal"),
        ("pot=150", "Percentage in de pot: 150% ligt niet tussen 0 en 100%"),
        ("drempel=1.5", "is niet eenduidig"),
    ],
)
def test_foute_parameters_geven_een_nederlandse_melding(query, melding):
    r = login("hollandrijnland").get(f"/scenario/risicoverevening/?{query}")
    assert r.status_code == 200
    assert melding in r.content.decode()


def test_commando_fouten():
    from django.core.management.base import CommandError

    with pytest.raises(
        CommandError, match="--kosten 'realisatie-1999': kies uit realisatie-2023, begroting-2025"
    ):
        call_command("scenario", "verevening", "--region", "JZ18", "--kosten", "realisatie-1999")
    with pytest.raises(CommandError, match="--region 'XX': onbekende regio"):
        call_command("scenario", "verevening", "--region", "XX")
