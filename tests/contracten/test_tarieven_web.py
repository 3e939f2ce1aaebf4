# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Tariffs (with validity), ceilings and indexation edited on the contract page, with
their history (issue 24: "tariffs and ceilings can be viewed but not edited")."""

from __future__ import annotations

from datetime import date

import pytest

from jeugdsturing.contracten.models import Indexatie, Overeenkomst, Plafond, Tarief
from tests.conftest import login

pytestmark = pytest.mark.django_db


def _pxq() -> Overeenkomst:
    """A current contract with tariffs and ceilings (PxQ)."""
    ok = (
        Overeenkomst.objects.filter(regio__code="JZ13", plafonds__isnull=False)
        .distinct()
        .order_by("nummer")
        .first()
    )
    assert ok is not None
    return ok


def test_tarief_wijzigen_met_geschiedenis():
    ok = _pxq()
    regel = ok.producten.select_related("product").first()
    assert regel is not None
    product = regel.product
    c = login("contractmanager")
    pad = f"/contracten/overeenkomsten/{ok.pk}/"
    r = c.post(pad, {"actie": "tarief", "product": product.code, "bedrag_euro": "95,50",
                     "geldig_van": "2027-07-01", "reden": "herijking reële prijs"}, follow=True)  # fmt: skip
    html = r.content.decode()
    assert f"Nieuw tarief voor {product.code} vastgelegd" in html
    nieuw = Tarief.objects.get(product=product, geldig_van=date(2027, 7, 1))
    assert nieuw.bedrag_eurocent == 9550
    # the earlier open tariff was closed the day before
    vorig = Tarief.objects.filter(product=product, geldig_van__lt=date(2027, 7, 1)).latest(
        "geldig_van"
    )
    assert vorig.geldig_tot == date(2027, 6, 30)
    geschiedenis = html.split('aria-label="Geschiedenis van tarieven en plafonds"')[1]
    assert "herijking reële prijs" in geschiedenis
    assert "afgesloten door nieuw tarief vanaf 1 juli 2027" in geschiedenis
    assert "€\xa095,50" in geschiedenis


def test_foute_invoer_en_overlap_geven_een_melding():
    ok = _pxq()
    code = ok.producten.select_related("product").first().product.code  # type: ignore[union-attr]
    c = login("financien")
    pad = f"/contracten/overeenkomsten/{ok.pk}/"
    basis = {"actie": "tarief", "product": code, "bedrag_euro": "90", "geldig_van": "2027-01-01",
             "reden": "r"}  # fmt: skip
    for data, melding in [
        ({"bedrag_euro": "NaN"}, "Tarief: &#x27;NaN&#x27; is geen getal"),
        ({"geldig_van": "1-1-2027"}, "Geldig van: &#x27;1-1-2027&#x27; is geen datum"),
        ({"product": "XXXXX"}, "Product: kies een product van deze overeenkomst"),
        ({"geldig_tot": "2026-01-01"}, "&#x27;Geldig tot&#x27; ligt voor &#x27;geldig van&#x27;"),
    ]:
        html = c.post(pad, basis | data, follow=True).content.decode()
        assert melding in html, melding
    c.post(pad, basis | {"geldig_van": "2027-03-01", "geldig_tot": "2027-03-31"})
    html = c.post(
        pad, basis | {"geldig_van": "2027-03-15", "geldig_tot": "2027-03-20"}, follow=True
    ).content.decode()
    assert "overlapt met het tarief geldig vanaf" in html


def test_plafond_en_indexatie():
    ok = _pxq()
    c = login("financien")
    pad = f"/contracten/overeenkomsten/{ok.pk}/"
    html = c.post(pad, {"actie": "plafond", "gemeente": "0362", "jaar": "2027", "bedrag_euro": "1.000",
                        "reden": "verlaagd na realisatie"}, follow=True).content.decode()  # fmt: skip
    assert "Plafond 2027 voor Amstelveen vastgelegd" in html
    p = Plafond.objects.get(overeenkomst=ok, gemeente__code="0362", jaar=2027)
    assert p.bedrag_eurocent == 100_000
    assert (
        "verlaagd na realisatie"
        in html.split('aria-label="Geschiedenis van tarieven en plafonds"')[1]
    )
    html = c.post(pad, {"actie": "indexatie", "jaar": "2029", "percentage": "2,7",
                        "bron": "OVA 2029"}, follow=True).content.decode()  # fmt: skip
    assert "Indexatie 2029 vastgelegd" in html
    assert str(Indexatie.objects.get(regio__code="JZ13", jaar=2029).percentage) == "2.700"


def test_alleen_wie_geld_beheert_wijzigt():
    ok = _pxq()
    pad = f"/contracten/overeenkomsten/{ok.pk}/"
    for rol in ("beleid", "gemeente", "data-analist"):
        assert (
            login(rol)
            .post(pad, {"actie": "indexatie", "jaar": "2029", "percentage": "1"})
            .status_code
            == 403
        )
    assert "Tarief wijzigen" not in login("beleid").get(pad).content.decode()
    assert "Tarief wijzigen" in login("contractmanager").get(pad).content.decode()
