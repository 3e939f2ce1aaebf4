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
        {"period_from": "2027-01-01", "period_to": "2027-12-31", "n_duration": 0,
         "n_waiting": 0, "n_waiting_within_norm": 0, "n_access": 0, "n_repeat": 0,
         "n_repeat_use": 0, "n_residential": 0, "n_placements": 0, "n_start_timely": 0,
         "n_stop_timely": 0}
    )  # fmt: skip
    basis.update(kw)
    return basis


def test_counts_of_one_to_four_are_hidden_zero_is_shown():
    (r,) = beschermen([rij(clients_in_care=3, inflow=0, extensions=12)])
    assert (r["clients_in_care"], r["inflow"], r["extensions"]) == (KLEIN, 0, 12)


def test_percentages_need_ten_and_no_small_numerator_or_complement():
    cases = [
        ({"inflow": 9, "n_start_timely": 9, "start_msg_timely_pct": 100.0}, AFGESCHERMD),  # base 9
        ({"inflow": 10, "n_start_timely": 10, "start_msg_timely_pct": 100.0}, 100.0),
        ({"inflow": 50, "n_start_timely": 2, "start_msg_timely_pct": 4.0}, AFGESCHERMD),  # 2 of 50
        ({"inflow": 50, "n_start_timely": 48, "start_msg_timely_pct": 96.0}, AFGESCHERMD),  # 2 not
        ({"inflow": 50, "n_start_timely": 0, "start_msg_timely_pct": 0.0}, 0.0),
        ({"inflow": 50, "n_start_timely": 45, "start_msg_timely_pct": 90.0}, 90.0),
    ]
    for kw, verwacht in cases:
        (r,) = beschermen([rij(**kw)])
        assert r["start_msg_timely_pct"] == verwacht, kw


def test_statistics_need_ten_trajectories_and_undefined_stays_null():
    (r,) = beschermen([rij(outflow=9, outflow_planned=9, n_duration=9, duration_median_days=30.0)])
    assert r["duration_median_days"] == AFGESCHERMD
    (r,) = beschermen(
        [rij(outflow=10, outflow_planned=10, n_duration=10, duration_median_days=3.0)]
    )
    assert r["duration_median_days"] == 3.0
    (r,) = beschermen([rij()])
    assert r["duration_median_days"] is None
    (r,) = beschermen([rij(n_placements=2, placements_per_1000=0.02)])
    assert r["placements_per_1000"] == AFGESCHERMD


def test_a_lone_hidden_outflow_part_takes_the_smallest_visible_part_with_it():
    (r,) = beschermen([rij(outflow=20, outflow_planned=14, outflow_dropout=3, outflow_other=3)])
    assert (r["outflow_dropout"], r["outflow_other"], r["outflow_planned"]) == (KLEIN, KLEIN, 14)
    (r,) = beschermen([rij(outflow=20, outflow_planned=9, outflow_dropout=3, outflow_other=8)])
    assert r["outflow"] == 20
    assert r["outflow_dropout"] == KLEIN
    assert r["outflow_other"] == AFGESCHERMD  # the smallest visible part: 8
    assert r["outflow_planned"] == 9


def test_a_lone_hidden_row_takes_the_smallest_visible_row_with_it():
    rows = [rij(provider=p, inflow=n) for p, n in [("A", 30), ("B", 3), ("C", 12), ("D", 0)]]
    uit = beschermen(rows, ["provider"])
    assert [r["inflow"] for r in uit] == [30, KLEIN, AFGESCHERMD, 0]


def test_publiek_keeps_only_period_dimensions_and_indicators():
    (r,) = publiek([rij(provider="A", clients_in_care=3)], ["provider"], exact=False)
    assert list(r) == ["period_from", "period_to", "provider", *INDICATOREN]
    assert r["clients_in_care"] == KLEIN
    (r,) = publiek([rij(provider="A", clients_in_care=3)], ["provider"], exact=True)
    assert r["clients_in_care"] == 3


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
                provider=f"P{p}", clients_in_care=clients, n_residential=res,
                residential_share_pct=100 * res / clients if clients else None,
                inflow=inflow, new_clients=draw(st.integers(0, inflow)),
                n_start_timely=timely,
                start_msg_timely_pct=100 * timely / inflow if inflow else None,
                outflow=planned + dropout + other, outflow_planned=planned,
                outflow_dropout=dropout, outflow_other=other, extensions=draw(klein),
            )
        )  # fmt: skip
    return uit


@given(rijen())
def test_protection_never_reveals_a_count_below_five(exact_rows):
    uit = beschermen(exact_rows, ["provider"])
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
        delen = ["outflow", "outflow_planned", "outflow_dropout", "outflow_other"]
        assert sum(verborgen(r[k]) for k in delen) != 1
    # down the rows: a lone hidden count of 1-4 (which the total minus the visible cells
    # would give away) only when the total is itself 1-4, and so hidden too
    for k in OPTELBAAR:
        verborgen_cellen = [e[k] for r, e in zip(uit, exact_rows, strict=True) if verborgen(r[k])]
        totaal = sum(e[k] for e in exact_rows)
        if len(verborgen_cellen) == 1 and 1 <= verborgen_cellen[0] <= 4:
            assert 1 <= totaal <= 4, k
