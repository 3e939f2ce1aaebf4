# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Properties of the indicator engine (hypothesis): stock and flows add up, months add
up to the year; and the working days of the Algemene termijnenwet the access time and
the timeliness of messages count in."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st

from jeugdsturing.monitor.indicatoren import (
    Periode,
    bereken,
    in_zorg_op,
    perioden,
)
from jeugdsturing.monitor.werkdagen import feestdagen, werkdagen_na, werkdagen_tussen
from tests.monitor.test_indicatoren import JAAR, D, frame, traj, verl


def test_holidays_of_the_algemene_termijnenwet():
    # 2027: Easter 28 March, Ascension 6 May, Whit Monday 17 May; Christmas on the weekend
    assert feestdagen(2027) == (
        D(2027, 1, 1), D(2027, 3, 29), D(2027, 4, 27), D(2027, 5, 5), D(2027, 5, 6),
        D(2027, 5, 17),
    )  # fmt: skip
    assert D(2022, 4, 27) in feestdagen(2022)  # Koningsdag on a Wednesday
    assert D(2025, 5, 5) in feestdagen(2025)  # Bevrijdingsdag counts every year
    assert D(2026, 5, 5) in feestdagen(2026)
    assert D(2025, 4, 18) not in feestdagen(2025)  # Goede Vrijdag is not a holiday
    assert werkdagen_na(D(2027, 4, 22), 5) == D(2027, 4, 30)
    assert werkdagen_tussen(D(2027, 4, 22), D(2027, 4, 30)) == 5


@given(st.dates(D(2024, 1, 1), D(2030, 12, 31)), st.integers(0, 30))
def test_working_days_after_and_between_agree(d, n):
    assert werkdagen_tussen(d, werkdagen_na(d, n)) == n


# --- properties ---------------------------------------------------------------------------

enkel = st.lists(
    st.tuples(
        st.integers(0, 800),  # start, days after 2026-01-01
        st.one_of(st.none(), st.integers(0, 400)),  # duration - 1, or open
        st.sampled_from(["31", "32", "36"]),
    ),
    max_size=40,
)


@given(enkel, st.integers(200, 600), st.integers(0, 200))
def test_stock_at_end_is_stock_at_start_plus_inflow_minus_outflow(rijen, begin, lengte):
    """For one provider with a single trajectory per client."""
    basis = D(2026, 1, 1)
    t = frame(*[
        traj(i, client=f"c{i}", begindatum=basis + timedelta(days=s),
             einddatum=None if d is None else basis + timedelta(days=s + d), reden=r)
        for i, (s, d, r) in enumerate(rijen, start=1)
    ])  # fmt: skip
    p = Periode(basis + timedelta(days=begin), basis + timedelta(days=begin + lengte))
    rows = bereken(t, verl(), [p]).to_dicts()
    inflow = rows[0]["instroom"] if rows else 0
    outflow = rows[0]["uitstroom"] if rows else 0
    start = in_zorg_op(t, p.van - timedelta(days=1), na=True)
    eind = in_zorg_op(t, p.tot, na=True)
    assert eind == start + inflow - outflow


@given(enkel)
def test_per_month_sums_of_flows_equal_the_year(rijen):
    basis = D(2026, 1, 1)
    t = frame(*[
        traj(i, client=f"c{i % 7}", begindatum=basis + timedelta(days=s),
             einddatum=None if d is None else basis + timedelta(days=s + d), reden=r)
        for i, (s, d, r) in enumerate(rijen, start=1)
    ])  # fmt: skip
    jaar = bereken(t, verl(), [JAAR]).to_dicts()
    maanden = bereken(t, verl(), perioden(JAAR.van, JAAR.tot, "maand")).to_dicts()
    for k in ("instroom", "uitstroom", "uitstroom_volgens_plan"):
        assert sum(r[k] for r in maanden) == (jaar[0][k] if jaar else 0)
    # clients are distinct: a year counts each client once, months can count one twice
    if jaar:
        assert (
            max((r["clienten_in_zorg"] for r in maanden), default=0) <= jaar[0]["clienten_in_zorg"]
        )
