# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""jeugdsturing monitor: output shapes, protection, and what each role may ask."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from jeugdsturing.monitor.indicatoren import INDICATOREN
from jeugdsturing.monitor.labels import kop

pytestmark = pytest.mark.django_db

BASIS = ["--region", "JZ13", "--from", "2027-01-01", "--to", "2027-12-31"]


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("monitor", *BASIS, *args, stdout=out)
    return out.getvalue()


def rows(*args: str) -> list[dict[str, Any]]:
    uit: list[dict[str, Any]] = json.loads(run("--format", "json", *args))
    return uit


def test_json_rows_have_the_dimension_and_indicator_keys(trajecten, agb):
    uit = rows("--by", "aanbieder", "--exact", "--user", "data-analist")
    assert list(uit[0]) == ["periode_van", "periode_tot", "aanbieder", *INDICATOREN]
    per = {r["aanbieder"]: r for r in uit}
    assert per[agb["eigen"]]["clienten_in_zorg"] == 40
    assert per[agb["eigen"]]["uitstroom_volgens_plan"] == 20
    assert per[agb["klein"]]["uitstroom_voortijdig"] == 3
    assert per[agb["klein"]]["doorlooptijd_mediaan_dagen"] == 21.0


def test_without_exact_small_numbers_are_protected(trajecten, agb):
    per = {r["aanbieder"]: r for r in rows("--by", "aanbieder")}
    klein = per[agb["klein"]]
    assert klein["clienten_in_zorg"] == "<5"
    assert klein["uitstroom_voortijdig"] == "<5"
    assert klein["doorlooptijd_mediaan_dagen"] == "afgeschermd"
    # the only drop-outs are these 3: the regional total hides them as well
    (totaal,) = rows()
    assert totaal["uitstroom_voortijdig"] == "<5"
    # the 3 ended trajectories would be told by the regional outflow minus the others:
    # the smallest other visible outflow (15) is hidden with them; that hides a lone part
    # of its row (planned 15), which takes the other planned (20) along, and so its
    # row's outflow: suppression runs until no sum has a lone hidden cell
    uitstroom = [per[agb[w]]["uitstroom"] for w in ("eigen", "ander", "klein")]
    assert uitstroom == ["afgeschermd", "afgeschermd", "<5"]
    assert [per[agb[w]]["uitstroom_volgens_plan"] for w in ("eigen", "ander")] == [
        "afgeschermd"
    ] * 2
    assert per[agb["eigen"]]["clienten_in_zorg"] == 40


def test_exact_needs_a_team_role():
    with pytest.raises(CommandError, match="--exact"):
        run("--exact")
    with pytest.raises(CommandError, match="--exact"):
        run("--exact", "--user", "gemeente")
    with pytest.raises(CommandError, match="onbekende gebruiker"):
        run("--user", "niemand")


def test_a_provider_user_sees_only_its_own_rows(trajecten, agb):
    uit = rows("--by", "aanbieder", "--user", "aanbieder")
    assert {r["aanbieder"] for r in uit} == {agb["eigen"]}
    uit = rows("--by", "gemeente", "--user", "aanbieder")
    assert {r["gemeente"]: r["instroom"] for r in uit} == {"0362": 30, "0363": 10}


def test_a_gemeente_user_sees_only_its_own_residents(trajecten, agb):
    uit = rows("--by", "gemeente", "--user", "gemeente")  # Amstelveen, 0362
    assert [r["gemeente"] for r in uit] == ["0362"]
    assert uit[0]["instroom"] == 35  # 33, rounded to a multiple of 5 as CBS does


def test_published_figures_cover_fixed_periods_only(trajecten):
    """docs/indicatoren.md: a viewer without exact figures gets a month, quarter,
    half-year, year, twelve whole months or the year so far; never a day range."""
    with pytest.raises(CommandError, match="is geen vaste periode"):
        run("--from", "2027-01-01", "--to", "2027-12-30", "--user", "gemeente")
    with pytest.raises(CommandError, match="is geen vaste periode"):
        run("--from", "2027-02-01", "--to", "2027-04-30")  # three months, not a quarter
    for van, tot in [("2027-04-01", "2027-06-30"), ("2027-07-01", "2027-12-31"),
                     ("2027-01-01", "2027-04-30"), ("2026-11-01", "2027-10-31"),
                     ("2027-03-01", "2027-03-31")]:  # fmt: skip
        assert rows("--from", van, "--to", tot, "--user", "gemeente")
    # the team may ask any range, exact
    assert rows("--from", "2027-01-01", "--to", "2027-12-30", "--exact", "--user", "beleid")


def test_detail_lists_the_trajectories_behind_a_figure_for_the_team_only(trajecten, agb):
    uit = json.loads(
        run("--detail", "uitstroom_voortijdig", "--user", "data-analist", "--format", "json")
    )
    assert len(uit) == 3
    assert {r["aanbieder"] for r in uit} == {agb["klein"]}
    filtered = json.loads(
        run("--detail", "instroom", "--filter", f"aanbieder={agb['eigen']}",
            "--filter", "gemeente=0363", "--user", "beleid", "--format", "json")
    )  # fmt: skip
    assert len(filtered) == 10
    for rol in ("gemeente", "aanbieder", "raad"):
        with pytest.raises(CommandError, match="--detail"):
            run("--detail", "instroom", "--user", rol)
    with pytest.raises(CommandError):
        run("--detail", "instroom")


def test_per_month_and_comparison_rows(trajecten):
    uit = rows("--per", "kwartaal", "--compare", "previous", "--exact", "--user", "beleid")
    gevraagd = [r for r in uit if r["vergelijking"] is None]
    # open trajectories keep every quarter in care
    assert [r["periode_van"] for r in gevraagd] == [
        "2027-01-01",
        "2027-04-01",
        "2027-07-01",
        "2027-10-01",
    ]
    assert sum(r["instroom"] for r in gevraagd) == 73
    vorige = [r for r in uit if r["vergelijking"] == "previous"]
    # each quarter's previous quarter; Q4 2026 (before Q1) had nothing
    assert [r["periode_van"] for r in vorige] == ["2027-01-01", "2027-04-01", "2027-07-01"]
    with pytest.raises(CommandError, match="--baseline"):
        run("--compare", "baseline")
    base = rows("--compare", "baseline", "--baseline", "2026-01-01:2026-12-31")
    assert [r["vergelijking"] for r in base] == [None]


def test_csv_and_xlsx(trajecten, agb, tmp_path: Path):
    tekst = run("--by", "aanbieder", "--format", "csv")
    lezer = list(csv.DictReader(io.StringIO(tekst.removeprefix("\ufeff")), delimiter=";"))
    assert list(lezer[0]) == ["Periode van", "Periode tot en met", "Aanbieder (code)",
                              "Aanbieder", *(kop(k) for k in INDICATOREN), "Afgeschermd"]  # fmt: skip
    klein = next(r for r in lezer if r["Aanbieder (code)"] == agb["klein"])
    assert klein["Cliënten in zorg"] == ""
    assert "Cliënten in zorg: 1 tot en met 4" in klein["Afgeschermd"]
    assert klein["Herhaald gebruik (%)"] == ""  # undefined: empty
    assert re.fullmatch(r"\d\d-\d\d-\d{4}", klein["Periode van"])
    pad = tmp_path / "m.xlsx"
    run("--by", "aanbieder", "--format", "xlsx", "--output", str(pad))
    wb = load_workbook(pad)
    assert wb.sheetnames == ["Indicatoren", "Codeboek", "Toelichting"]
    assert wb["Indicatoren"].max_row == len(lezer) + 1
    with pytest.raises(CommandError, match="--output"):
        run("--format", "xlsx")


def test_bad_input_is_named():
    with pytest.raises(CommandError, match="onbekende regio"):
        call_command("monitor", "--region", "JZ99", "--from", "2027-01-01", "--to", "2027-12-31")
    with pytest.raises(CommandError, match="ongeldige datum '2027-13-01'"):
        call_command("monitor", "--region", "JZ13", "--from", "2027-13-01", "--to", "2027-12-31")
