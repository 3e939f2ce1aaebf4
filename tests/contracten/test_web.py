# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The pages of contracts and money, per role."""

from __future__ import annotations

import io
import re

import pytest
from django.db.models import Q
from openpyxl import load_workbook

from jeugdsturing.contracten.models import Overeenkomst, Verantwoording
from tests.conftest import login

pytestmark = pytest.mark.django_db

PAGINAS = ["/contracten/begroting/", "/contracten/overeenkomsten/", "/contracten/lumpsums/",
           "/contracten/realisatie/", "/contracten/rapportages/", "/contracten/reele-prijs/"]  # fmt: skip


@pytest.mark.parametrize(
    "rol", ["financien", "contractmanager", "gemeente", "aanbieder", "data-analist"]
)
def test_money_pages_open_for_the_roles_of_the_section(rol):
    c = login(rol)
    for pad in PAGINAS:
        assert c.get(pad).status_code == 200, pad


@pytest.mark.parametrize("rol", ["raad", "beoordelaar"])
def test_money_pages_are_closed_to_others(rol):
    c = login(rol)
    for pad in [*PAGINAS, "/contracten/overwinst/"]:
        assert c.get(pad).status_code == 403, pad


def test_provider_sees_only_its_own_contracts_and_lump_sums():
    c = login("aanbieder")
    eigen = Overeenkomst.objects.filter(aanbieder__naam="Amstelzorg").first()
    ander = Overeenkomst.objects.exclude(aanbieder__naam="Amstelzorg").first()
    html = c.get("/contracten/overeenkomsten/").content.decode()
    assert "Amstelzorg" in html
    assert "Horizon Jeugd" not in html
    assert c.get(f"/contracten/overeenkomsten/{eigen.pk}/").status_code == 200
    assert c.get(f"/contracten/overeenkomsten/{ander.pk}/").status_code == 403
    html = c.get("/contracten/lumpsums/?jaar=2028").content.decode()
    assert "Amstelzorg" in html
    assert "Horizon Jeugd" not in html
    assert (
        "Horizon Jeugd"
        in login("financien").get("/contracten/lumpsums/?jaar=2028").content.decode()
    )
    csv = c.get("/contracten/lumpsums/?jaar=2028&formaat=csv").content.decode()
    assert csv.startswith("\ufeffAGB-code;Aanbieder;Gemeentecode;Gemeente;Thema;Bedrag (euro)\r\n")
    assert re.search(r";\d+,\d\d\r\n", csv)  # a decimal comma
    assert "Horizon" not in csv


def test_gemeente_sees_its_own_budget_rows():
    html = login("gemeente").get("/contracten/begroting/?jaar=2028").content.decode()
    assert "Amstelveen" in html
    assert "Aalsmeer" not in html
    assert login("gemeente").get("/contracten/overwinst/").status_code == 403


def test_budget_change_without_approval_is_refused_on_the_page():
    c = login("financien")
    r = c.post("/contracten/begroting/", {"jaar": "2029", "gemeente": "0363", "thema": "",
                                          "bedrag_euro": "300000000", "reden": "meer"}, follow=True)  # fmt: skip
    assert "Niet gewijzigd" in r.content.decode()
    assert "goedkeuring" in r.content.decode()
    assert login("gemeente").post("/contracten/begroting/", {"jaar": "2029"}).status_code == 403


def test_realisation_page_shows_a_chart_and_the_forecast_table():
    html = login("financien").get("/contracten/realisatie/?jaar=2027&maand=4").content.decode()
    assert "<svg" in html
    assert "Realisatie en jaarprognose" in html
    assert "style=" not in html[html.index("<svg") : html.index("</svg>")]


def test_template_download_and_upload_with_errors_and_ownership():
    c = login("contractmanager")
    agb = (
        Overeenkomst.objects.filter(nummer__contains="AJH", aanbieder__naam="GGZ Jong")
        .exclude(nummer__startswith="AJH-2026-")  # the demo tender's new contract
        .get()
        .aanbieder.agb_code
    )
    r = c.get(f"/contracten/rapportages/?sjabloon=1&aanbieder={agb}&jaar=2028&maanden=4")
    assert r.status_code == 200
    assert r["Content-Type"].startswith("application/vnd.openxml")
    wb = load_workbook(io.BytesIO(r.content))
    ws = wb["Rapportage"]
    n = ws.max_row
    assert n > 2  # one row per gemeente x theme of the provider's lump sum
    for rij in range(2, n + 1):
        ws.cell(rij, 7, 1000.25)
        ws.cell(rij, 8, 3)
    ws.cell(3, 7, "veel")
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    buf.name = "rapport.xlsx"
    html = c.post("/contracten/rapportages/", {"bestand": buf}).content.decode()
    assert "rij 3, kolom G (kosten_euro)" in html
    ws.cell(3, 7, 10)
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    buf.name = "rapport.xlsx"
    # The demo provider user (Amstelzorg) may not report for GGZ Jong.
    html = login("aanbieder").post("/contracten/rapportages/", {"bestand": buf}).content.decode()
    assert "alleen voor uw eigen organisatie" in html
    buf.seek(0)
    r = c.post("/contracten/rapportages/", {"bestand": buf}, follow=True)
    assert "Ingelezen" in r.content.decode()
    buf.seek(0)
    c.post("/contracten/rapportages/", {"bestand": buf})
    v = Verantwoording.objects.filter(overeenkomst__aanbieder__agb_code=agb, jaar=2028, maanden=4)
    assert v.count() == 2
    assert v.filter(vervangen=False).count() == 1


def test_real_price_calculator_recomputes_from_the_form():
    c = login("financien")
    basis = c.get("/contracten/reele-prijs/").content.decode()
    assert "per uur" in basis
    assert "Vergelijking met gecontracteerde uurtarieven" in basis
    html = c.get("/contracten/reele-prijs/?overhead_pct=abc").content.decode()
    assert "Overhead (%): &#x27;abc&#x27; is geen getal" in html  # the label, not the field name


def test_excess_profit_page_flags_above_the_norm():
    html = login("financien").get("/contracten/overwinst/?jaar=2026").content.decode()
    assert "boven de norm" in html
    assert "binnen de norm" in html


@pytest.mark.parametrize(
    ("bedrag", "melding"),
    [
        ("1.900.000", "De begroting is gewijzigd."),
        ("€ 1.900.000,00", "De begroting is gewijzigd."),
        ("21 miljoen", "Bedrag: &#x27;21 miljoen&#x27; is geen getal"),
        ("1234.56", "niet eenduidig"),
    ],
)
def test_the_budget_form_reads_dutch_amounts(bedrag, melding):
    """issue 24: "21.000.000" used to answer with [<class 'decimal.ConversionSyntax'>]."""
    from jeugdsturing.contracten.models import Begroting

    r = login("financien").post(
        "/contracten/begroting/",
        {"jaar": "2028", "gemeente": "0362", "thema": "A", "bedrag_euro": bedrag,
         "reden": "bijgesteld"},
        follow=True,
    )  # fmt: skip
    meldingen = " ".join(re.findall(r'<p class="melding[^>]*>(.*?)</p>', r.content.decode()))
    assert melding in meldingen
    assert "class" not in meldingen
    if "gewijzigd" in melding:
        rij = Begroting.objects.get(regio__code="JZ13", gemeente__code="0362", jaar=2028,
                                    thema__code="A")  # fmt: skip
        assert rij.bedrag_eurocent == 190_000_000


def test_every_contract_says_where_it_comes_from():
    """issue 24: "each provider has two draft 2028 contracts without explanation"."""
    from jeugdsturing.contracten.models import Overeenkomst

    assert not Overeenkomst.objects.filter(regio__code="JZ13", herkomst="").exists()
    html = login("contractmanager").get("/contracten/overeenkomsten/").content.decode()
    assert "Demo: de AJH-overeenkomsten 2028-2033 uit de inkoopstrategie" in html


def test_scopes_as_docs_rollen_says_provider_and_gemeente():
    """Issue 25: a provider does not see the gemeenten's budgets; a gemeente sees only the
    contracts with a ceiling or lump sum for it, without their status history."""
    html = login("aanbieder").get("/contracten/begroting/?jaar=2028").content.decode()
    for naam in ("Amstelveen", "Aalsmeer", "Amsterdam"):
        assert f"<td>{naam}</td>" not in html, naam
    c = login("gemeente")  # Amstelveen
    eigen = {ok.pk for ok in Overeenkomst.objects.filter(regio__code="JZ13").filter(
        Q(plafonds__gemeente__naam="Amstelveen") | Q(lumpsums__gemeente__naam="Amstelveen"))}  # fmt: skip
    ander = Overeenkomst.objects.filter(regio__code="JZ13").exclude(pk__in=eigen).first()
    assert eigen
    pk = next(iter(eigen))
    pagina = c.get(f"/contracten/overeenkomsten/{pk}/")
    assert pagina.status_code == 200
    assert "Statusgeschiedenis" not in pagina.content.decode()
    assert (
        "Statusgeschiedenis"
        in login("contractmanager").get(f"/contracten/overeenkomsten/{pk}/").content.decode()
    )
    if ander is not None:
        r = c.get(f"/contracten/overeenkomsten/{ander.pk}/")
        assert r.status_code == 403
        assert "plafond of lumpsum voor uw gemeente" in r.content.decode()
