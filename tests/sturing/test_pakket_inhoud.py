# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The pure rules of a pack: the period a moment discusses, traffic lights, ranks and
the differences between two versions."""

from __future__ import annotations

import copy
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jeugdsturing.sturing.pakket.inhoud import (
    ORDE,
    cijfer,
    element_kleur,
    kleur_budget,
    kleur_norm,
    kleur_vergelijking,
    pakketperiode,
    positie,
    verschillen,
)

D = date


@pytest.mark.parametrize(
    ("moment", "van", "tot", "stand"),
    [
        (D(2027, 6, 1), D(2027, 1, 1), D(2027, 4, 30), D(2027, 5, 31)),  # 4-month report
        (D(2027, 10, 1), D(2027, 1, 1), D(2027, 8, 31), D(2027, 9, 30)),  # 8-month report
        (D(2027, 3, 1), D(2026, 1, 1), D(2026, 12, 31), D(2027, 2, 28)),  # 12-month report
        (D(2027, 5, 17), D(2026, 1, 1), D(2026, 12, 31), D(2027, 4, 30)),  # April not a month old
    ],
)
def test_a_moment_discusses_the_latest_report_that_is_a_month_old(moment, van, tot, stand):
    periode, s = pakketperiode(moment)
    assert (periode.van, periode.tot, s) == (van, tot, stand)


getallen = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)


@given(getallen, getallen, getallen)
def test_a_higher_forecast_never_gets_a_better_light(p, delta, budget):
    lager, hoger = sorted([p, p + abs(delta)])
    b = abs(budget) + 1
    assert ORDE[kleur_budget(lager, lager, b)] <= ORDE[kleur_budget(hoger, hoger, b)]


def test_budget_light_reads_the_interval():
    assert kleur_budget(90, 80, 100) == "groen"
    assert kleur_budget(110, 95, 100) == "oranje"  # the interval reaches the budget
    assert kleur_budget(110, 105, 100) == "rood"
    assert kleur_budget(110, 105, None) == "grijs"
    assert kleur_budget("<5", 1, 100) == "grijs"


@given(getallen, getallen, st.sampled_from(["omhoog", "omlaag"]))
def test_a_value_at_least_as_good_as_the_reference_is_green(w, r, richting):
    beter = w if (w >= r if richting == "omhoog" else w <= r) else r
    assert kleur_vergelijking(beter, r, richting) == "groen"


def test_norms_and_comparison_lights():
    assert [kleur_norm(v, 90, 75, "omhoog") for v in (95, 80, 60, None, "afgeschermd")] == [
        "groen", "oranje", "rood", "grijs", "grijs",
    ]  # fmt: skip
    assert [kleur_norm(v, 2, 5, "omlaag") for v in (1, 4, 6)] == ["groen", "oranje", "rood"]
    assert kleur_vergelijking(10.5, 10, "omlaag") == "oranje"  # 5% worse
    assert kleur_vergelijking(12, 10, "omlaag") == "rood"  # 20% worse


@given(st.lists(st.sampled_from(["groen", "oranje", "rood", "grijs"])))
def test_an_element_takes_the_worst_light_of_its_judged_figures(kleuren):
    uit = element_kleur(kleuren)
    beoordeeld = [k for k in kleuren if k != "grijs"]
    assert uit == (max(beoordeeld, key=ORDE.__getitem__) if beoordeeld else "grijs")


def test_rank_among_peers():
    alle = [10, 20, 30, 40]
    assert positie(10, alle, "omlaag") == "1 van 4"
    assert positie(10, alle, "omhoog") == "4 van 4"
    assert positie(10, [10, 20], "omlaag") is None  # too few to rank
    assert positie("<5", alle, "omlaag") is None


def _inhoud(waarden: list[object]) -> dict[str, object]:
    return {
        "elementen": [
            {"code": "3", "titel": "Cliëntaantallen en -stromen", "kleur": "groen",
             "cijfers": [cijfer(f"c{i}", f"cijfer {i}", w) for i, w in enumerate(waarden)],
             "tabellen": [{"code": "per_thema", "titel": "Per thema",
                           "kolommen": [{"naam": "Thema", "eenheid": "tekst"},
                                        {"naam": "Instroom", "eenheid": "aantal"}],
                           "rijen": [["A", waarden[0] if waarden else 0]]}]},
        ]
    }  # fmt: skip


waardenlijst = st.lists(st.one_of(st.integers(0, 50), st.sampled_from(["<5", None])), max_size=6)


@given(waardenlijst)
def test_a_version_equal_to_its_predecessor_has_no_differences(waarden):
    a = _inhoud(waarden)
    assert verschillen(a, copy.deepcopy(a)) == []
    assert verschillen(None, a) == []  # the first version has nothing to compare


@given(waardenlijst, waardenlijst)
def test_every_changed_figure_is_listed_once(oud, nieuw):
    uit = verschillen(_inhoud(oud), _inhoud(nieuw))
    cijfers = {v["cijfer"] for v in uit if not v["cijfer"].startswith("Per thema")}
    verwacht = {
        f"cijfer {i}"
        for i in range(max(len(oud), len(nieuw)))
        if (oud[i] if i < len(oud) else "weg") != (nieuw[i] if i < len(nieuw) else "weg")
    }
    assert cijfers == verwacht
    for v in uit:
        assert v["was"] != v["wordt"] or v["soort"] != "gewijzigd"
