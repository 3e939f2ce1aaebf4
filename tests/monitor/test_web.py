# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The monitor pages per role: what each sees, protection, drill-down and export."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime

import pytest
from openpyxl import load_workbook

from tests.conftest import login

pytestmark = pytest.mark.django_db

JAAR = "van=2027-01-01&tot=2027-12-31"


@pytest.mark.parametrize(
    "rol", ["data-analist", "contractmanager", "beleid", "gemeente", "aanbieder"]
)
def test_dashboard_opens_for_the_roles_of_the_section(rol, trajecten):
    r = login(rol).get(f"/monitor/?{JAAR}")
    assert r.status_code == 200
    assert "Kerncijfers" in r.content.decode()


@pytest.mark.parametrize("rol", ["raad", "beoordelaar"])
def test_dashboard_and_drill_down_are_closed_to_others(rol):
    c = login(rol)
    assert c.get("/monitor/").status_code == 403
    assert c.get("/monitor/trajecten/?indicator=instroom").status_code == 403


def test_team_sees_exact_figures_and_links_to_the_trajectories(trajecten, agb):
    html = login("data-analist").get(f"/monitor/?{JAAR}").content.decode()
    assert "Arkin Jong" in html
    assert "Horizon Jeugd" in html
    assert "&lt;5" not in html  # exact: Arkin Jong's 3 are shown as 3
    assert f"indicator=uitstroom_voortijdig&amp;aanbieder={agb['klein']}" in html
    detail = login("data-analist").get(
        f"/monitor/trajecten/?{JAAR}&indicator=uitstroom_voortijdig&aanbieder={agb['klein']}"
    )
    tekst = detail.content.decode()
    assert detail.status_code == 200
    assert "<strong>3</strong> trajecten" in tekst
    assert tekst.count("<code>") == 3
    # sorted on the server on any column, both ways; an unknown column falls back
    basis = f"/monitor/trajecten/?{JAAR}&indicator=instroom"
    c = login("data-analist")
    for richting in ("", "-"):
        html = c.get(f"{basis}&sorteer={richting}client").content.decode()
        clienten = re.findall(r"<code>([^<]+)</code>", html)
        assert len(clienten) > 3
        assert clienten == sorted(clienten, reverse=richting == "-")
        assert 'aria-sort="' in html
    assert c.get(f"{basis}&sorteer=bestaat-niet").status_code == 200


def test_provider_sees_its_own_rows_and_the_protected_region(trajecten, agb):
    html = login("aanbieder").get(f"/monitor/?{JAAR}").content.decode()
    assert "Amstelzorg" in html
    assert "Horizon Jeugd" not in html
    assert "Arkin Jong" not in html
    assert agb["ander"] not in html
    assert agb["klein"] not in html
    assert '<th scope="col" class="getal">Regio</th>' in html
    assert "/monitor/trajecten/" not in html  # no drill-down links
    assert login("aanbieder").get("/monitor/trajecten/?indicator=instroom").status_code == 403


def _csv(antwoord) -> list[dict[str, str]]:
    tekst = antwoord.content.decode("utf-8")
    assert tekst.startswith("\ufeff")  # Dutch Excel reads it as UTF-8
    return list(csv.DictReader(io.StringIO(tekst[1:]), delimiter=";"))


def test_gemeente_sees_its_own_residents_protected(trajecten):
    c = login("gemeente")  # Amstelveen 0362: Amstelzorg 30, Arkin Jong 3
    rows = _csv(c.get(f"/monitor/?{JAAR}&export=csv"))
    per = {r["Aanbieder (code)"]: r for r in rows}
    assert len(per) == 2
    assert {r["Aanbieder"] for r in rows} == {"Amstelzorg", "Arkin Jong"}
    # Arkin Jong's 3 are hidden, and with only two rows the other inflow goes too (the
    # gemeente's total minus 30 would tell); clients do not add up, so 30 stays. A hidden
    # figure is an empty cell, the reason in the flag column, never text in a number column.
    assert [r["Instroom (trajecten)"] for r in rows] == ["", ""]
    assert sorted(r["Cliënten in zorg"] for r in rows) == ["", "30"]
    vlaggen = sorted(r["Afgeschermd"] for r in rows)
    assert "Instroom (trajecten): 1 tot en met 4" in vlaggen[0] + vlaggen[1]
    assert "Instroom (trajecten): afgeleid of te weinig trajecten" in vlaggen[0] + vlaggen[1]
    for r in rows:
        for k, v in r.items():
            assert v not in ("<5", "afgeschermd", "•"), (k, v)
    rows = _csv(c.get(f"/monitor/?{JAAR}&by=gemeente&export=csv"))
    assert [(r["Gemeente (code)"], r["Gemeente"]) for r in rows] == [("0362", "Amstelveen")]
    # a gemeente filter in the query cannot widen the view
    assert _csv(c.get(f"/monitor/?{JAAR}&by=gemeente&gemeente=0363&export=csv")) == []


def test_filters_export_and_bad_input(trajecten, agb):
    c = login("beleid")
    r = c.get(f"/monitor/?{JAAR}&by=gemeente&aanbieder={agb['eigen']}&export=xlsx")
    ws = load_workbook(io.BytesIO(r.content))["Indicatoren"]
    kop = [c.value for c in ws[1]]
    per = {
        row[kop.index("Gemeente (code)")]: row for row in ws.iter_rows(min_row=2, values_only=True)
    }
    assert per["0362"][kop.index("Instroom (trajecten)")] == 30
    assert per["0363"][kop.index("Instroom (trajecten)")] == 10
    assert isinstance(per["0362"][kop.index("Periode van")], datetime)  # a real date cell
    assert load_workbook(io.BytesIO(r.content)).sheetnames == [
        "Indicatoren",
        "Codeboek",
        "Toelichting",
    ]
    html = c.get("/monitor/?van=2027-02-30&indicator=bestaat-niet").content.decode()
    assert "&#x27;2027-02-30&#x27; is geen datum" in html
