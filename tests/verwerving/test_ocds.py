# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The OCDS release package of a tender validates against the official OCDS 1.1.5
schema with the bid, enquiry, selectionCriteria and awardCriteriaBreakdown extensions."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from jeugdsturing.verwerving import ocds
from jeugdsturing.verwerving import services as s
from tests.conftest import SHARED
from tests.verwerving.conftest import VOOR, Tender
from tests.verwerving.test_procedure import _beoordeel

pytestmark = pytest.mark.django_db
OCDS = SHARED / "ocds"


def test_the_official_examples_validate_with_our_validator():
    """The validator itself: the official example packages pass, a broken one fails."""
    for pad in sorted((OCDS / "examples").glob("*.release-package.json")):
        assert ocds.schema_fouten(json.loads(pad.read_text()), OCDS) == [], pad.name
    kapot = json.loads((OCDS / "examples" / "1.1.5_tender.release-package.json").read_text())
    kapot["releases"][0]["tender"]["status"] = "open voor iedereen"
    assert any("tender/status" in f for f in ocds.schema_fouten(kapot, OCDS))


def test_a_tender_after_selection_validates_and_publishes_ranks_scores_and_the_lottery(
    tender: Tender, settings, tmp_path: Path
):
    settings.OCDS_SCHEMA_DIR = str(OCDS)
    a = tender.aanbesteding
    vraag = s.vraag_stel(aanbesteding=a, aanbieder=tender.aanbieders[0], tekst="Vraag?", op=VOOR)
    s.vraag_beantwoord(vraag=vraag, antwoord="Antwoord.")
    s.nota_publiceer(aanbesteding=a)
    s.vraag_stel(aanbesteding=a, aanbieder=tender.aanbieders[1], tekst="Geheim?", op=VOOR)
    _beoordeel(tender, {0: (7, 7, 7), 1: (7, 7, 7), 2: (9, 8, 8), 3: (6, 6, 6), 4: (8, 6, 6)})
    s.rangschikking_stel_vast(aanbesteding=a, zaad="ab12", getuigen=["notaris", "secretaris"])
    a = s.selectie_maak_bekend(aanbesteding=a)
    pakket = ocds.release_package(a)
    assert ocds.schema_fouten(pakket, OCDS) == []
    release = pakket["releases"][0]
    tender_ = release["tender"]
    assert [e["answer"] for e in tender_["enquiries"]] == ["Antwoord."]  # unanswered: not out
    assert "author" not in tender_["enquiries"][0]  # anonymised
    ranks = sorted((b["rank"], b["status"]) for b in release["bids"]["details"])
    assert ranks == [(1, "valid"), (2, "valid"), (3, "valid"), (4, "valid"), (5, "valid")]
    assert all(len(b["scores"]) == 3 for b in release["bids"]["details"])
    assert any(m["title"] == "Loting bij gelijke stand" for m in tender_["milestones"])
    assert any("standstill" in m["title"] for m in tender_["milestones"])
    weights = [n["number"] for c in tender_["lots"][0]["awardCriteria"]["criteria"]
               for n in c["numbers"] if n.get("weight")]  # fmt: skip
    assert weights == [20.0, 30.0, 50.0]  # gebied, samenwerking, visie (by code)
    # the CLI writes the same, validated
    uit = tmp_path / "ocds.json"
    out = io.StringIO()
    call_command("verwerving", "ocds", a.referentie, "--out", str(uit), stdout=out)
    assert "gevalideerd tegen OCDS 1.1.5" in out.getvalue()
    assert json.loads(uit.read_text())["releases"][0]["ocid"] == release["ocid"]


def test_bids_are_not_published_before_the_selection(tender: Tender):
    _beoordeel(tender, {0: (7, 7, 7), 1: (8, 8, 8)})
    pakket = ocds.release_package(tender.aanbesteding)
    assert ocds.schema_fouten(pakket, OCDS) == []
    for bid in pakket["releases"][0]["bids"]["details"]:
        assert "scores" not in bid
        assert "rank" not in bid
        assert bid["status"] == "pending"


def test_cli_names_an_unknown_tender(tmp_path: Path):
    with pytest.raises(CommandError, match="onbekende aanbesteding 'XYZ'"):
        call_command("verwerving", "ocds", "XYZ", "--out", str(tmp_path / "x.json"))
