# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Letters, the Nota van Inlichtingen and the proces-verbaal as PDF, read back with pypdf."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from jeugdsturing.verwerving import documenten
from jeugdsturing.verwerving.models import Aanbesteding, InschrijvingStatus, Loting
from jeugdsturing.weergave.pdf import pdf
from tests.conftest import login

pytestmark = pytest.mark.django_db
AJH = "/verwerving/AJH-2026/"


def tekst(pdf: bytes) -> str:
    """The PDF's text with all whitespace (line breaks in narrow cells) as one space."""
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def test_rejection_letter_has_own_scores_the_lowest_selected_reason_and_standstill():
    a = Aanbesteding.objects.get(referentie="AJH-2026")
    wachtend = a.inschrijvingen.filter(status=InschrijvingStatus.WACHTKAMER).order_by("rang")[0]
    laagste = a.inschrijvingen.filter(rang__lte=a.max_partners).order_by("-rang")[0]
    t = tekst(pdf(documenten.brief_html(wachtend)))
    assert "wachtkamer" in t
    assert f"rang {wachtend.rang}" in t
    assert str(wachtend.totaal).replace(".", ",") in t  # Dutch decimal comma
    assert str(laagste.totaal).replace(".", ",") in t  # the lowest selected bid's total
    assert "6 december 2026" in t  # 20 calendar days after 16 November
    afgewezen = a.inschrijvingen.get(status=InschrijvingStatus.AFGEWEZEN)
    t = tekst(pdf(documenten.brief_html(afgewezen)))
    assert "niet geselecteerd" in t
    assert "onder het minimum" in t


def test_selection_letter_for_a_selected_bid():
    a = Aanbesteding.objects.get(referentie="AJH-2026")
    eerste = a.inschrijvingen.get(rang=1)
    t = tekst(pdf(documenten.brief_html(eerste)))
    assert "Uw inschrijving is geselecteerd" in t
    assert "rang 1" in t


def test_nota_van_inlichtingen_is_numbered_and_anonymous():
    a = Aanbesteding.objects.get(referentie="AJH-2026")
    t = tekst(pdf(documenten.nota_html(a, 1)))
    assert "Nota van Inlichtingen 1" in t
    assert "combinatie" in t
    for naam in a.vragen.values_list("gesteld_door__naam", flat=True):
        assert naam not in t
    with pytest.raises(ValueError, match="Inlichtingen 9 van AJH-2026 bestaat niet"):
        documenten.nota_html(a, 9)


def test_proces_verbaal_records_bids_reasons_scores_and_the_lottery():
    a = Aanbesteding.objects.get(referentie="AJH-2026")
    t = tekst(pdf(documenten.proces_verbaal_html(a)))
    record = Loting.objects.get(aanbesteding=a)
    assert record.zaad in t
    assert "KWAL" in t  # the excluded bid's reason
    assert "onder het minimum" in t
    assert re.search(r"onder het minimum: \S+ \d+,\d\d < \d+,\d\d", t)
    assert not re.search(r"\b\d+\.\d\d\b", t), re.findall(r".{30}\b\d+\.\d\d\b.{10}", t)
    assert "Score V1 te laag beoordeeld" in t  # the objection and its outcome
    assert "Ongegrond" in t
    for i in a.inschrijvingen.select_related("aanbieder")[:3]:
        assert i.aanbieder.naam in t


def test_pdf_pages_per_role():
    a = Aanbesteding.objects.get(referentie="AJH-2026")
    eigen = a.inschrijvingen.get(aanbieder__naam="Amstelzorg")
    ander = a.inschrijvingen.exclude(pk=eigen.pk).first()
    bieder = login("aanbieder")
    r = bieder.get(f"{AJH}brief/{eigen.nummer}.pdf")
    assert r["Content-Type"] == "application/pdf"
    assert bieder.get(f"{AJH}brief/{ander.nummer}.pdf").status_code == 403
    assert bieder.get(f"{AJH}proces-verbaal.pdf").status_code == 403
    assert bieder.get(f"{AJH}nota/1.pdf").status_code == 200
    team = login("contractmanager")
    assert team.get(f"{AJH}proces-verbaal.pdf")["Content-Type"] == "application/pdf"
    assert team.get(f"{AJH}brief/{ander.nummer}.pdf").status_code == 200
    assert team.get(f"{AJH}nota/7.pdf").status_code == 404
    assert login("beoordelaar").get(f"{AJH}nota/1.pdf").status_code == 403
