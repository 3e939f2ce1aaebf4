# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The four seed regions, and the Amsterdam-Amstelland budget table of seed 002."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command

from jeugdsturing.contracten.models import Begroting
from jeugdsturing.regio.models import Regio

pytestmark = pytest.mark.django_db


def seed_002_budget_table(shared) -> dict[str, list[int]]:
    """Parse the 3.3.1 table straight from the seed text: 'Aalsmeer\tAJH\t€ 6.600\t...'."""
    text = next((shared / "seeds").glob("002_*.txt")).read_text(encoding="utf-8")
    section = text[text.index("3.3.1 Meerjarig perspectief") :]
    rows: dict[str, list[int]] = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.split("\t") if c.strip()]
        amounts = [c for c in cells if c.startswith("€")]
        if len(amounts) == 6:
            rows[cells[0]] = [int(re.sub(r"[€ .]", "", a)) for a in amounts]
        if cells and cells[0] == "Totaal":
            break
    return rows


def test_budgets_equal_the_seed_002_table_and_totals(shared):
    table = seed_002_budget_table(shared)
    assert table["Totaal"] == [296015, 292070, 292070, 292070, 292070, 292070]
    regio = Regio.objects.get(code="JZ13")
    stored: dict[str, dict[int, int]] = {}
    for b in Begroting.objects.filter(regio=regio, thema__isnull=True).select_related("gemeente"):
        stored.setdefault(b.gemeente.naam, {})[b.jaar] = b.bedrag_eurocent
    years = list(range(2028, 2034))
    for naam, amounts in table.items():
        if naam == "Totaal":
            continue
        assert [stored[naam][y] for y in years] == [a * 1000 * 100 for a in amounts], naam
    assert set(stored) == set(table) - {"Totaal"}
    totals = [sum(stored[n][y] for n in stored) for y in years]
    assert totals == [t * 1000 * 100 for t in table["Totaal"]]


def test_amsterdam_amstelland():
    r = Regio.objects.get(code="JZ13")
    assert r.is_demo
    assert sorted(r.gemeenten.values_list("naam", flat=True)) == [
        "Aalsmeer", "Amstelveen", "Amsterdam", "Diemen", "Ouder-Amstel", "Uithoorn",
    ]  # fmt: skip
    assert r.gebieden.count() == 8
    assert list(r.themas.values_list("code", flat=True)) == ["A", "B", "C", "D"]
    assert sorted(
        r.stuurmomenten.filter(code__startswith="PD1").values_list("maand", flat=True)
    ) == [3, 6, 10]


def test_ijmond_zuid_kennemerland_spans_two_jeugdregios():
    r = Regio.objects.get(code="IJZK")
    assert sorted(r.jeugdregios.values_list("code", flat=True)) == ["JZ10", "JZ11"]
    assert r.gemeenten.count() == 7
    assert set(r.gemeenten.values_list("jeugdregio__code", flat=True)) == {"JZ10", "JZ11"}
    assert sorted(r.themas.values_list("code", flat=True)) == ["complex", "enkelvoudig"]
    assert r.thema_soort == "perceel"


def test_alkmaar_six_gemeenten_after_dijk_en_waard_with_shares():
    r = Regio.objects.get(code="JZ06")
    assert r.gemeenten.count() == 6
    assert r.gemeenten.filter(naam="Dijk en Waard").exists()
    shares = {
        t.code: (int(t.budget_aandeel_pct or -1), int(t.clienten_aandeel_pct or -1))
        for t in r.themas.all()
    }
    assert shares == {"HA": (55, 65), "HV": (20, 5), "OA": (15, 15), "OV": (10, 15)}


def test_holland_rijnland_thirteen_gemeenten_in_three_subregions(shared):
    """JZ18 as CBS draws it in 2025 (../shared/data/regio): thirteen gemeenten, each in
    exactly one of the three subregions."""
    import csv

    with (shared / "data/regio/gemeenten_jeugdregio_2025.csv").open(encoding="utf-8") as fh:
        cbs = {r["gemeentecode"][2:] for r in csv.DictReader(fh) if r["jeugdregio_code"] == "JZ18"}
    r = Regio.objects.get(code="JZ18")
    assert set(r.gemeenten.values_list("code", flat=True)) == cbs
    assert len(cbs) == 13
    per_gebied = [set(g.gemeenten.values_list("code", flat=True)) for g in r.gebieden.all()]
    assert sorted(len(g) for g in per_gebied) == [3, 5, 5]
    assert set().union(*per_gebied) == cbs


def _config_met_2029(tmp_path, amsterdam_2029: int):
    """The built-in JZ13 configuration with another 2029 budget for Amsterdam (x 1.000)."""
    from jeugdsturing.regio.config import builtin_configs

    bron = next(p for p in builtin_configs() if p.name == "JZ13.toml").read_text(encoding="utf-8")
    oud = '"0363" = [253315, 249370, 249370, 249370, 249370, 249370]'
    assert oud in bron
    nieuw = f'"0363" = [253315, {amsterdam_2029}, 249370, 249370, 249370, 249370]'
    tekst = bron.replace(oud, nieuw).replace(
        "totalen = [296015, 292070,", f"totalen = [296015, {292070 - 249370 + amsterdam_2029},"
    )
    pad = tmp_path / "JZ13.toml"
    pad.write_text(tekst, encoding="utf-8")
    return pad


def test_region_configure_sets_budgets_through_the_approval_rule(tmp_path):
    """A configuration that raises a year's total above its frame is refused, as a
    change on the budget page would be; nothing of it is written."""
    from django.core.management.base import CommandError

    from jeugdsturing.contracten.models import Begroting, Begrotingskader

    regio = Regio.objects.get(code="JZ13")
    kader = Begrotingskader.objects.get(regio=regio, jaar=2029)
    assert kader.totaal_eurocent == 292_070 * 100_000
    with pytest.raises(CommandError, match=r"begroting: .*overschrijdt .*goedkeuring"):
        call_command("region", "configure", str(_config_met_2029(tmp_path, 260_000)))
    amsterdam = Begroting.objects.get(regio=regio, gemeente__code="0363", jaar=2029, thema=None)
    assert amsterdam.bedrag_eurocent == 249_370 * 100_000
    # With the frame raised (after an approval), the same configuration is written, with
    # the file as the reason in the audit trail.
    from jeugdsturing.contracten.services import begrotingskader_zet

    begrotingskader_zet(
        regio=regio, jaar=2029, totaal_eurocent=(292_070 - 249_370 + 260_000) * 100_000,
        bron="besluit AB 2027-12",
    )  # fmt: skip
    call_command("region", "configure", str(_config_met_2029(tmp_path, 260_000)))
    amsterdam.refresh_from_db()
    assert amsterdam.bedrag_eurocent == 260_000 * 100_000
    assert amsterdam.history.first().history_change_reason == "regio ingericht uit JZ13.toml"


def test_region_configure_again_writes_nothing():
    from jeugdsturing.contracten.models import Begroting

    voor = Begroting.history.count()
    call_command("region", "configure")
    assert Begroting.history.count() == voor
