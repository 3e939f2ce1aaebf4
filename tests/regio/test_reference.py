# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Reference data: every gemeente of 2026, the 42 jeugdzorgregio's, the code lists."""

from __future__ import annotations

import csv
import re
from collections import Counter

import pytest

from jeugdsturing.regio.models import Code, Gemeente, Jeugdregio
from jeugdsturing.regio.services import referentiedata_laad

pytestmark = pytest.mark.django_db


def test_342_gemeenten_and_42_jeugdregios():
    assert Gemeente.objects.count() == 342
    codes = set(Jeugdregio.objects.values_list("code", flat=True))
    assert codes == {f"JZ{i:02d}" for i in range(1, 44)} - {"JZ40"}


def test_every_gemeente_in_exactly_one_jeugdregio_as_cbs_counts_them(shared):
    """Gemeenten per region equal the CBS-derived counts in ../shared, and each
    official CBS gemeentecode of 2026 occurs exactly once."""
    expected = {
        r["jeugdregio_code"]: int(r["n_gemeenten"])
        for r in csv.DictReader((shared / "data/regio/jeugdregios_2025.csv").open(encoding="utf-8"))
    }
    actual = Counter(Gemeente.objects.values_list("jeugdregio__code", flat=True))
    assert actual == expected
    official = re.findall(
        r"^\| (\d{4}) \|",
        (shared / "ijw/codelijsten/CBS_Gemeentecodes.md").read_text(encoding="utf-8"),
        flags=re.M,
    )
    assert sorted(official) == sorted(Gemeente.objects.values_list("code", flat=True))
    assert len(official) == len(set(official))


@pytest.mark.parametrize(
    ("code", "naam", "jeugdregio"),
    [
        ("0050", "Zeewolde", "JZ12"),
        ("0626", "Voorschoten", "JZ18"),
        ("0744", "Baarle-Nassau", "JZ35"),
        ("1696", "Wijdemeren", "JZ16"),
        ("1723", "Alphen-Chaam", "JZ35"),
    ],
)
def test_disputed_gemeenten_follow_cbs(code, naam, jeugdregio):
    """docs/referentiedata.md: where the sources disagree, the CBS classification wins."""
    g = Gemeente.objects.get(code=code)
    assert (g.naam, g.jeugdregio.code) == (naam, jeugdregio)


def test_official_names_and_population():
    assert Gemeente.objects.get(code="0164").naam == "Hengelo (O.)"
    amsterdam = Gemeente.objects.get(code="0363")
    assert amsterdam.jeugdregio.code == "JZ13"
    assert amsterdam.jongeren_0_17 == 149038
    assert Gemeente.objects.filter(jongeren_0_17__isnull=True).count() == 0


@pytest.mark.parametrize(
    ("lijst", "codes"),
    [
        ("JZ020", {"31", "38", "40", "43", "44", "45", "54", "55"}),
        ("WJ756", {"01", "04", "14", "16", "82", "83", "84"}),
        ("WMO757", {"1", "2", "4", "6"}),
        ("JZ588", {"02", "20", "31", "32", "33", "34", "35", "36", "37", "38", "39"}),
        ("JZ002", {f"{i:02d}" for i in range(1, 15)}),
        ("COD327", {"01", "02", "03", "04", "05", "06", "08"}),
        ("COD467", {"1", "2", "3", "9"}),
    ],
)
def test_code_lists(lijst, codes):
    present = set(Code.objects.filter(lijst=lijst).values_list("code", flat=True))
    assert codes <= present
    if lijst != "JZ020":
        assert present == codes


def test_code_descriptions():
    assert Code.objects.get(lijst="JZ020", code="43").omschrijving.startswith("Jeugdhulp verblijf")
    assert (
        Code.objects.get(lijst="JZ588", code="31").omschrijving
        == "Levering is volgens plan beëindigd"
    )
    assert Code.objects.filter(lijst="JZ020").count() == 24


def test_reference_load_is_idempotent_and_writes_no_audit_records():
    before = Gemeente.history.count() + Code.history.count()
    counts = referentiedata_laad()
    assert set(counts) == {"jeugdregio's ongewijzigd", "gemeenten ongewijzigd", "codes ongewijzigd"}
    assert Gemeente.history.count() + Code.history.count() == before


def test_reference_load_repairs_a_changed_row_and_audits_it():
    g = Gemeente.objects.get(code="0363")
    g.naam = "Amsterdm"
    g.save()
    counts = referentiedata_laad()
    assert counts["gemeenten gewijzigd"] == 1
    g.refresh_from_db()
    assert g.naam == "Amsterdam"
    last = g.history.first()
    assert last.history_change_reason.startswith("referentiedata geladen")
    assert last.diff_against(last.prev_record).changed_fields == ["naam"]
