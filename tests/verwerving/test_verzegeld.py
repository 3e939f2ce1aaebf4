# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Sealed means sealed (issue 25): before the bid deadline the team learns nothing of the
bids, not who bid, how many or when: not on the pages, not in the OCDS export, the
proces-verbaal, the selection page or the audit trail. After the deadline it does."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.conftest import login
from tests.verwerving.conftest import Tender, dien_in
from tests.verwerving.test_documenten import tekst

pytestmark = pytest.mark.django_db

TEAM = ("regiobeheerder", "contractmanager", "beleid")


def _url(t: Tender, deel: str = "") -> str:
    return f"/verwerving/{t.aanbesteding.referentie}/{deel}"


def test_the_team_gets_nothing_about_bids_before_the_deadline(tender: Tender):
    a = tender.aanbesteding
    i = dien_in(tender, tender.aanbieders[0])
    naam, agb = i.aanbieder.naam, i.aanbieder.agb_code
    a.inschrijven_tot = timezone.now() + timedelta(days=10)
    a.save(update_fields=["inschrijven_tot"])
    for rol in TEAM:
        c = login(rol)
        overzicht = c.get("/verwerving/").content.decode()
        regel = overzicht[overzicht.index(a.referentie) :].split("</tr>")[0]
        assert "verzegeld" in regel, rol
        pagina = c.get(_url(tender)).content.decode()
        assert naam not in pagina, rol
        assert agb not in pagina, rol
        assert "Inschrijvingen (1)" not in pagina
        assert "verzegeld tot" in pagina
        ocds = c.get(_url(tender, "ocds.json")).content.decode()
        assert naam not in ocds, rol
        assert agb not in ocds, rol
        release = json.loads(ocds)["releases"][0]
        assert "bids" not in release
        assert "numberOfTenderers" not in release.get("tender", {})
        pv = c.get(_url(tender, "proces-verbaal.pdf"))
        assert pv.status_code == 200
        assert naam not in tekst(pv.content)
        assert "verzegeld" in tekst(pv.content)
        selectie = c.get(_url(tender, "selectie/"))
        assert selectie.status_code == 403
        assert "verzegeld tot" in selectie.content.decode()
    audit = login("regiobeheerder").get("/beheer/audit/").content.decode()
    assert f"inschrijving {i.nummer} ({naam})" not in audit

    # After the deadline the team sees them.
    a.inschrijven_tot = timezone.now() - timedelta(minutes=1)
    a.save(update_fields=["inschrijven_tot"])
    c = login("contractmanager")
    assert naam in c.get(_url(tender)).content.decode()
    assert naam in c.get(_url(tender, "ocds.json")).content.decode()
    audit = login("regiobeheerder").get("/beheer/audit/").content.decode()
    assert f"inschrijving {i.nummer} ({naam})" in audit


@pytest.mark.parametrize("referentie", ["C/D", "A B", "x", "", "../x", "a?b"])
def test_a_tender_reference_must_be_safe_in_an_address(referentie):
    from django.core.exceptions import ValidationError

    from jeugdsturing.regio.models import Regio
    from jeugdsturing.verwerving.models import Aanbesteding
    from jeugdsturing.verwerving.services import aanbesteding_bewaar

    a = Aanbesteding(
        regio=Regio.objects.get(code="JZ13"), referentie=referentie, naam="Proef",
        vragen_tot=timezone.now() + timedelta(days=1), inschrijven_tot=timezone.now() + timedelta(days=2),
    )  # fmt: skip
    with pytest.raises(ValidationError, match="Referentie"):
        aanbesteding_bewaar(aanbesteding=a)
    assert login("contractmanager").get("/verwerving/").status_code == 200
