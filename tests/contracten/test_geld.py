# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Contracts, budgets, ceilings and lump sums in the database: the rules that protect
money, the lifecycle, and the demo region's amounts from seed 002."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db.models import Sum

from jeugdsturing.contracten import services as s
from jeugdsturing.contracten.models import (
    Aanbieder,
    Begroting,
    Begrotingskader,
    Lumpsum,
    Overeenkomst,
    OvereenkomstStatus,
    Plafond,
    Product,
    Uitvoeringsvariant,
)
from jeugdsturing.regio.models import Gemeente, Regio

pytestmark = pytest.mark.django_db

SEED_2028 = {"0358": 6600, "0362": 20000, "0363": 253315, "0384": 5500, "0451": 8000, "0437": 2600}


@pytest.fixture
def regio():
    return Regio.objects.get(code="JZ13")


def test_seed_002_budget_table_and_totals(regio):
    for jaar, totaal in ((2028, 296015), (2029, 292070), (2033, 292070)):
        rows = Begroting.objects.filter(regio=regio, jaar=jaar, thema__isnull=True)
        assert rows.aggregate(s=Sum("bedrag_eurocent"))["s"] == totaal * 100_000
        assert (
            Begrotingskader.objects.get(regio=regio, jaar=jaar).totaal_eurocent == totaal * 100_000
        )
    for code, k in SEED_2028.items():
        assert (
            Begroting.objects.get(
                regio=regio, jaar=2028, gemeente__code=code, thema__isnull=True
            ).bedrag_eurocent
            == k * 100_000
        )
    assert (
        Begroting.objects.get(
            regio=regio, jaar=2029, gemeente__code="0363", thema__isnull=True
        ).bedrag_eurocent
        == 249370 * 100_000
    )


def test_theme_budgets_add_up_to_the_gemeente_budget_to_the_cent(regio):
    for code in SEED_2028:
        themas = Begroting.objects.filter(
            regio=regio, jaar=2028, gemeente__code=code, thema__isnull=False
        )
        assert themas.count() == 4
        assert themas.aggregate(s=Sum("bedrag_eurocent"))["s"] == SEED_2028[code] * 100_000


def test_lumpsum_cli_2028_adds_up_to_each_theme_budget(regio):
    out = StringIO()
    call_command(
        "contracten",
        "lumpsum",
        "--region",
        "JZ13",
        "--year",
        "2028",
        "--format",
        "json",
        stdout=out,
    )
    rows = json.loads(out.getvalue())
    assert rows
    assert set(rows[0]) == {"aanbieder", "gemeente", "thema", "bedrag_eurocent"}
    assert sum(r["bedrag_eurocent"] for r in rows) == 296015 * 100_000
    for b in Begroting.objects.filter(regio=regio, jaar=2028, thema__isnull=False).select_related(
        "gemeente", "thema"
    ):
        cel = [
            r["bedrag_eurocent"]
            for r in rows
            if (r["gemeente"], r["thema"]) == (b.gemeente.code, b.thema.code)
        ]
        assert sum(cel) == b.bedrag_eurocent
    assert all(r["bedrag_eurocent"] > 0 for r in rows)


def test_budget_above_the_total_needs_a_recorded_approval(regio):
    amsterdam = Gemeente.objects.get(code="0363")
    with pytest.raises(s.GoedkeuringVereist, match=r"overschrijdt .* met €(\s|\\xa0)1\.000,00"):
        s.begroting_zet(
            regio=regio,
            gemeente=amsterdam,
            jaar=2029,
            bedrag_eurocent=(249370 * 1000 + 1000) * 100,
            reden="extra",
        )
    gk = s.goedkeuring_leg_vast(
        regio=regio, onderwerp="AJH 2029", besluit="AB-2029-07", goedgekeurd_door="Algemeen bestuur",
        datum=date(2028, 11, 1), bedrag_eurocent=500 * 100,
    )  # fmt: skip
    with pytest.raises(s.GoedkeuringVereist):  # the approval does not cover the excess
        s.begroting_zet(
            regio=regio,
            gemeente=amsterdam,
            jaar=2029,
            bedrag_eurocent=(249370 * 1000 + 1000) * 100,
            reden="extra",
            goedkeuring=gk,
        )
    gk2 = s.goedkeuring_leg_vast(
        regio=regio, onderwerp="AJH 2029", besluit="AB-2029-08", goedgekeurd_door="Algemeen bestuur",
        datum=date(2028, 11, 1), bedrag_eurocent=1000 * 100,
    )  # fmt: skip
    b = s.begroting_zet(
        regio=regio,
        gemeente=amsterdam,
        jaar=2029,
        bedrag_eurocent=(249370 * 1000 + 1000) * 100,
        reden="extra",
        goedkeuring=gk2,
    )
    kader = Begrotingskader.objects.get(regio=regio, jaar=2029)
    assert kader.totaal_eurocent == 292070 * 100_000 + 100_000
    assert "AB-2029-08" in kader.history.first().history_change_reason
    assert "AB-2029-08" in b.history.first().history_change_reason
    # Lowering a budget needs no approval (but not below its theme budgets).
    thema_a = Begroting.objects.get(regio=regio, gemeente=amsterdam, jaar=2030, thema__code="A")
    s.begroting_zet(
        regio=regio, gemeente=amsterdam, jaar=2030, bedrag_eurocent=thema_a.bedrag_eurocent - 100,
        reden="lager", thema=thema_a.thema,
    )  # fmt: skip
    s.begroting_zet(
        regio=regio, gemeente=amsterdam, jaar=2030, bedrag_eurocent=249370 * 100_000 - 100,
        reden="lager",
    )  # fmt: skip


def test_theme_budgets_may_not_exceed_the_gemeente_budget(regio):
    aalsmeer = Gemeente.objects.get(code="0358")
    thema = regio.themas.get(code="A")
    with pytest.raises(ValidationError, match="themabudgetten van Aalsmeer"):
        s.begroting_zet(
            regio=regio,
            gemeente=aalsmeer,
            jaar=2028,
            thema=thema,
            bedrag_eurocent=6600 * 100_000,
            reden="te veel",
        )


def _pxq_contract(regio: Regio, nummer: str = "T-1") -> Overeenkomst:
    a = s.aanbieder_bewaar(agb_code="12345678", naam="Testzorg")
    return s.overeenkomst_maak(
        regio=regio,
        nummer=nummer,
        aanbieder=a,
        ingangsdatum=date(2028, 1, 1),
        einddatum=date(2033, 12, 31),
        verlengingsopties=2,
        verlengingsduur_jaren=2,
    )


def test_ceilings_within_the_gemeente_budget_or_approved(regio):
    ok = _pxq_contract(regio)
    aalsmeer = Gemeente.objects.get(code="0358")
    # The demo lump sums 2028 already take Aalsmeer's whole budget: any ceiling exceeds it.
    with pytest.raises(s.GoedkeuringVereist, match="Plafonds en lumpsums Aalsmeer 2028"):
        s.plafond_zet(
            overeenkomst=ok, gemeente=aalsmeer, jaar=2028, bedrag_eurocent=1, reden="test"
        )
    gk = s.goedkeuring_leg_vast(regio=regio, onderwerp="plafond", besluit="DB-1", goedgekeurd_door="DB",
                                  datum=date(2028, 1, 5), bedrag_eurocent=100_000)  # fmt: skip
    p = s.plafond_zet(
        overeenkomst=ok,
        gemeente=aalsmeer,
        jaar=2028,
        bedrag_eurocent=100_000,
        reden="test",
        goedkeuring=gk,
    )
    assert p.goedkeuring == gk
    assert Plafond.objects.filter(overeenkomst=ok).count() == 1


def test_lump_sums_above_a_theme_budget_need_approval(regio):
    ok = Overeenkomst.objects.filter(regio=regio, nummer__contains="AJH").first()
    aalsmeer = Gemeente.objects.get(code="0358")
    thema = regio.themas.get(code="A")
    budget = Begroting.objects.get(
        regio=regio, jaar=2029, gemeente=aalsmeer, thema=thema
    ).bedrag_eurocent
    with pytest.raises(s.GoedkeuringVereist, match="Lumpsums Aalsmeer thema A 2029"):
        s.lumpsums_stel_vast(regio=regio, jaar=2029, bedragen={(ok.pk, aalsmeer.pk, thema.pk): budget + 1},
                               sleutelbron="test", reden="test")  # fmt: skip
    v = s.lumpsums_stel_vast(regio=regio, jaar=2029, bedragen={(ok.pk, aalsmeer.pk, thema.pk): budget},
                               sleutelbron="test", reden="bijstelling 2029")  # fmt: skip
    x = Lumpsum.objects.get(overeenkomst=ok, jaar=2029)
    assert x.vaststelling == v
    assert x.bedrag_eurocent == budget
    # A yearly adjustment keeps the history of the contribution.
    s.lumpsums_stel_vast(regio=regio, jaar=2029, bedragen={(ok.pk, aalsmeer.pk, thema.pk): budget - 100},
                           sleutelbron="test", reden="bijstelling na rijksbijdrage")  # fmt: skip
    x.refresh_from_db()
    assert [h.bedrag_eurocent for h in x.history.all()] == [budget - 100, budget]
    assert x.history.first().history_change_reason == "bijstelling na rijksbijdrage"


def test_contract_lifecycle_is_declared_and_appended(regio):
    ok = _pxq_contract(regio, "T-2")
    with pytest.raises(ValidationError, match="niet toegestaan"):
        s.overeenkomst_status_wijzig(overeenkomst=ok, naar=OvereenkomstStatus.BEEINDIGD, reden="x")
    with pytest.raises(ValidationError, match=r"geen verlengingsoptie|lopende"):
        s.overeenkomst_verleng(overeenkomst=ok, reden="te vroeg")
    ok = s.overeenkomst_status_wijzig(
        overeenkomst=ok, naar=OvereenkomstStatus.ACTIEF, reden="getekend"
    )
    ok = s.overeenkomst_verleng(overeenkomst=ok, reden="goed presterend")
    ok = s.overeenkomst_verleng(overeenkomst=ok, reden="nogmaals")
    assert ok.einddatum == date(2037, 12, 31)  # 002: six years plus 2 x 2 -> 2028-2037
    with pytest.raises(ValidationError, match="geen verlengingsoptie meer"):
        s.overeenkomst_verleng(overeenkomst=ok, reden="een derde keer")
    assert [w.naar for w in ok.statuswijzigingen.all()] == ["concept", "actief", "actief", "actief"]


def test_products_codes_units_and_variants(regio):
    with pytest.raises(ValidationError):
        s.product_bewaar(regio=regio, code="TOOLONG", naam="x", categorie="45")
    with pytest.raises(ValidationError, match="JZ020"):
        s.product_bewaar(regio=regio, code="X1", naam="x", categorie="99")
    p = s.product_bewaar(
        regio=regio, code="X1", naam="Uurproduct", categorie="45", eenheid="04", frequentie="2"
    )
    ok = _pxq_contract(regio, "T-3")
    with pytest.raises(ValidationError, match="outputgerichte variant kent alleen eenheden 82, 83"):
        s.overeenkomst_product_voeg_toe(
            overeenkomst=ok, product=p, variant=Uitvoeringsvariant.OUTPUTGERICHT
        )
    s.overeenkomst_product_voeg_toe(
        overeenkomst=ok, product=p, variant=Uitvoeringsvariant.INSPANNINGSGERICHT
    )
    assert ok.variant == "inspanningsgericht"


def test_a_new_tariff_closes_the_open_one_and_overlaps_are_refused(regio):
    p = Product.objects.get(regio=regio, code="45A01")
    oud = p.tarieven.get()
    s.tarief_voeg_toe(
        product=p, bedrag_eurocent=12000, geldig_van=date(2028, 1, 1), reden="nieuw contract"
    )
    oud.refresh_from_db()
    assert oud.geldig_tot == date(2027, 12, 31)
    with pytest.raises(ValidationError, match="overlapt"):
        s.tarief_voeg_toe(
            product=p, bedrag_eurocent=1, geldig_van=date(2027, 6, 1), geldig_tot=date(2027, 7, 1)
        )


def test_combination_and_subcontractor(regio):
    a = s.aanbieder_bewaar(agb_code="11111111", naam="Penvoerder")
    b = s.aanbieder_bewaar(agb_code="22222222", naam="Lid")
    c = s.aanbieder_bewaar(agb_code="33333333", naam="Onder")
    comb = s.combinatie_maak(naam="Samen", penvoerder=a, leden=[b])
    assert set(comb.leden.values_list("agb_code", flat=True)) == {"11111111", "22222222"}
    with pytest.raises(ValidationError, match="penvoerder"):
        s.overeenkomst_maak(regio=regio, nummer="C-1", aanbieder=b, combinatie=comb,
                              ingangsdatum=date(2028, 1, 1), einddatum=date(2028, 12, 31))  # fmt: skip
    ok = s.overeenkomst_maak(regio=regio, nummer="C-1", aanbieder=a, combinatie=comb,
                               ingangsdatum=date(2028, 1, 1), einddatum=date(2028, 12, 31))  # fmt: skip
    s.onderaannemer_voeg_toe(overeenkomst=ok, aanbieder=c, omschrijving="vaktherapie")
    with pytest.raises(ValidationError):
        s.aanbieder_bewaar(agb_code="1234", naam="te kort")
    assert Aanbieder.objects.filter(agb_code="1234").count() == 0


def test_excess_profit_and_real_price():
    from jeugdsturing.contracten.reeleprijs import Kostprijsopbouw, bereken, overwinst, per_uur

    signalen = overwinst(
        [("a", 2026, 1000, 100), ("b", 2026, 1000, 40), ("c", 2026, 0, 0)], Decimal(5)
    )
    assert [(o.aanbieder, o.boven_norm) for o in signalen] == [
        ("a", True),
        ("b", False),
        ("c", False),
    ]
    assert signalen[0].resultaat_pct == Decimal("10.00")
    basis = bereken(Kostprijsopbouw())
    assert 8000 < basis.uurtarief_eurocent < 15000
    hoger = bereken(Kostprijsopbouw().met(overhead_pct=Decimal(35)))
    assert hoger.uurtarief_eurocent == pytest.approx(basis.uurtarief_eurocent * 1.35 / 1.25, abs=1)
    assert per_uur(200, "01") == 12000
    assert per_uur(11500, "04") == 11500
    assert per_uur(1, "14") is None
    with pytest.raises(ValueError, match="productiviteit"):
        bereken(Kostprijsopbouw().met(productiviteit_pct=Decimal(0)))


def test_iv3_sanity_check_reads_the_shared_data(shared):
    out = StringIO()
    call_command("contracten", "iv3", "--region", "JZ13", "--year", "2023",
                 "--dir", str(shared / "data" / "iv3"), stdout=out)  # fmt: skip
    tekst = out.getvalue()
    assert "| Amsterdam | 307.229 | 328.078 | +6,8% |" in tekst
    assert "| Totaal | 357.936 | 387.543 | +8,3% |" in tekst
