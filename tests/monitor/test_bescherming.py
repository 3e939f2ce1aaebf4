# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Small-number protection: the rules of docs/indicatoren.md, and properties showing
that no count below 5 can be read or derived from published rows."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from jeugdsturing.monitor.bescherming import AFGESCHERMD, KLEIN, beschermen, publiek, verborgen
from jeugdsturing.monitor.indicatoren import AANTALLEN, INDICATOREN, NOEMERS, OPTELBAAR, TELLERS


def rij(**kw: Any) -> dict[str, Any]:
    basis: dict[str, Any] = dict.fromkeys(INDICATOREN)
    basis.update(dict.fromkeys(AANTALLEN, 0))
    basis.update(
        {"periode_van": "2027-01-01", "periode_tot": "2027-12-31", "n_doorlooptijd": 0,
         "n_wachttijd": 0, "n_binnen_wachtnorm": 0, "n_toegang": 0, "n_herhaald": 0,
         "n_herhaald_gebruik": 0, "n_verblijf": 0, "n_plaatsingen": 0, "n_start_tijdig": 0,
         "n_stop_tijdig": 0}
    )  # fmt: skip
    basis.update(kw)
    return basis


def test_counts_of_one_to_four_are_hidden_zero_is_shown():
    (r,) = beschermen([rij(clienten_in_zorg=3, instroom=0, verlengingen=12)])
    # a count of 5 or more is rounded to a multiple of 5, as CBS does
    assert (r["clienten_in_zorg"], r["instroom"], r["verlengingen"]) == (KLEIN, 0, 10)


def test_counts_are_rounded_to_five_so_no_two_differ_by_one_to_four():
    uit = [beschermen([rij(instroom=n)])[0]["instroom"] for n in range(0, 60)]
    assert uit[:5] == [0, KLEIN, KLEIN, KLEIN, KLEIN]
    assert uit[5:13] == [5, 5, 5, 10, 10, 10, 10, 10]
    getallen = [x for x in uit if isinstance(x, int)]
    assert all(x % 5 == 0 for x in getallen)
    assert all(abs(a - b) % 5 == 0 for a in getallen for b in getallen)


def test_percentages_need_ten_and_no_small_numerator_or_complement():
    cases = [
        (
            {"instroom": 9, "n_start_tijdig": 9, "startberichten_tijdig_pct": 100.0},
            AFGESCHERMD,
        ),  # base 9
        ({"instroom": 10, "n_start_tijdig": 10, "startberichten_tijdig_pct": 100.0}, 100.0),
        (
            {"instroom": 50, "n_start_tijdig": 2, "startberichten_tijdig_pct": 4.0},
            AFGESCHERMD,
        ),  # 2 of 50
        (
            {"instroom": 50, "n_start_tijdig": 48, "startberichten_tijdig_pct": 96.0},
            AFGESCHERMD,
        ),  # 2 not
        ({"instroom": 50, "n_start_tijdig": 0, "startberichten_tijdig_pct": 0.0}, 0.0),
        ({"instroom": 50, "n_start_tijdig": 45, "startberichten_tijdig_pct": 90.0}, 90.0),
    ]
    for kw, verwacht in cases:
        (r,) = beschermen([rij(**kw)])
        assert r["startberichten_tijdig_pct"] == verwacht, kw


def test_statistics_need_ten_trajectories_and_undefined_stays_null():
    (r,) = beschermen(
        [
            rij(
                uitstroom=9,
                uitstroom_volgens_plan=9,
                n_doorlooptijd=9,
                doorlooptijd_mediaan_dagen=30.0,
            )
        ]
    )
    assert r["doorlooptijd_mediaan_dagen"] == AFGESCHERMD
    (r,) = beschermen(
        [
            rij(
                uitstroom=10,
                uitstroom_volgens_plan=10,
                n_doorlooptijd=10,
                doorlooptijd_mediaan_dagen=3.0,
            )
        ]
    )
    assert r["doorlooptijd_mediaan_dagen"] == 3.0
    (r,) = beschermen([rij()])
    assert r["doorlooptijd_mediaan_dagen"] is None
    (r,) = beschermen([rij(n_plaatsingen=2, plaatsingen_per_1000=0.02)])
    assert r["plaatsingen_per_1000"] == AFGESCHERMD


def test_a_lone_hidden_outflow_part_takes_the_smallest_visible_part_with_it():
    (r,) = beschermen(
        [rij(uitstroom=20, uitstroom_volgens_plan=14, uitstroom_voortijdig=3, uitstroom_overig=3)]
    )
    assert (r["uitstroom_voortijdig"], r["uitstroom_overig"], r["uitstroom_volgens_plan"]) == (
        KLEIN,
        KLEIN,
        15,  # 14, rounded to a multiple of 5
    )
    (r,) = beschermen(
        [rij(uitstroom=20, uitstroom_volgens_plan=9, uitstroom_voortijdig=3, uitstroom_overig=8)]
    )
    assert r["uitstroom"] == 20
    assert r["uitstroom_voortijdig"] == KLEIN
    assert r["uitstroom_overig"] == AFGESCHERMD  # the smallest visible part: 8
    assert r["uitstroom_volgens_plan"] == 10  # 9, rounded


def test_a_lone_hidden_row_takes_the_smallest_visible_row_with_it():
    rows = [rij(aanbieder=p, instroom=n) for p, n in [("A", 30), ("B", 3), ("C", 12), ("D", 0)]]
    uit = beschermen(rows, ["aanbieder"])
    assert [r["instroom"] for r in uit] == [30, KLEIN, AFGESCHERMD, 0]


def test_publiek_keeps_only_period_dimensions_and_indicators():
    (r,) = publiek([rij(aanbieder="A", clienten_in_zorg=3)], ["aanbieder"], exact=False)
    assert list(r) == ["periode_van", "periode_tot", "aanbieder", *INDICATOREN]
    assert r["clienten_in_zorg"] == KLEIN
    (r,) = publiek([rij(aanbieder="A", clienten_in_zorg=3)], ["aanbieder"], exact=True)
    assert r["clienten_in_zorg"] == 3


# --- properties ---------------------------------------------------------------------------


@st.composite
def rijen(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Consistent exact rows for a few providers: outflow is the sum of its parts and
    every percentage has its numerator and denominator."""
    uit = []
    for p in range(draw(st.integers(1, 6))):
        klein = st.one_of(st.integers(0, 6), st.integers(0, 60))
        planned, dropout, other = draw(klein), draw(klein), draw(klein)
        inflow = draw(klein)
        timely = draw(st.integers(0, inflow))
        clients = draw(klein)
        res = draw(st.integers(0, clients))
        uit.append(
            rij(
                aanbieder=f"P{p}", clienten_in_zorg=clients, n_verblijf=res,
                aandeel_verblijf_pct=100 * res / clients if clients else None,
                instroom=inflow, nieuwe_clienten=draw(st.integers(0, inflow)),
                n_start_tijdig=timely,
                startberichten_tijdig_pct=100 * timely / inflow if inflow else None,
                uitstroom=planned + dropout + other, uitstroom_volgens_plan=planned,
                uitstroom_voortijdig=dropout, uitstroom_overig=other, verlengingen=draw(klein),
            )
        )  # fmt: skip
    return uit


@given(rijen())
def test_protection_never_reveals_a_count_below_five(exact_rows):
    uit = beschermen(exact_rows, ["aanbieder"])
    for r, e in zip(uit, exact_rows, strict=True):
        # no count 1-4 is shown
        for k in AANTALLEN:
            assert not (isinstance(r[k], int) and 1 <= r[k] <= 4), (k, r[k])
        # no percentage tells a count 1-4: base >= 10, numerator and complement not 1-4
        for k, teller in TELLERS.items():
            if isinstance(r[k], float):
                n, t = e[NOEMERS[k]], e[teller]
                assert n >= 10
                assert not (1 <= t <= 4)
                assert not (1 <= n - t <= 4)
        # outflow = its parts: never exactly one of the four hidden
        delen = ["uitstroom", "uitstroom_volgens_plan", "uitstroom_voortijdig", "uitstroom_overig"]
        assert sum(verborgen(r[k]) for k in delen) != 1
    # down the rows: a lone hidden count of 1-4 (which the total minus the visible cells
    # would give away) only when the total is itself 1-4, and so hidden too
    for k in OPTELBAAR:
        verborgen_cellen = [e[k] for r, e in zip(uit, exact_rows, strict=True) if verborgen(r[k])]
        totaal = sum(e[k] for e in exact_rows)
        if len(verborgen_cellen) == 1 and 1 <= verborgen_cellen[0] <= 4:
            assert 1 <= totaal <= 4, k
