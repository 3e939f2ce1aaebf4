# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The lump-sum allocation: exact to the cent, never negative, keys respected."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jeugdsturing.contracten.tarieven import TariefRegel, geindexeerd, overlappen, tarief_op
from jeugdsturing.contracten.verdeling import (
    VerdelingFout,
    lumpsums_verdelen,
    sleutels_uit_startfoto,
    verdeel,
)

# Keys with weights >= 0, at least one of them positive (built, not filtered, so no
# input is thrown away).
gewichten = st.builds(
    lambda d, k, w: {**d, k: w},
    st.dictionaries(
        st.text(alphabet="ABCDEFGH", min_size=1, max_size=3),
        st.integers(min_value=0, max_value=10**9),
        max_size=24,
    ),
    st.text(alphabet="XYZ", min_size=1, max_size=2),
    st.integers(min_value=1, max_value=10**9),
)


@given(totaal=st.integers(min_value=0, max_value=10**13), sleutels=gewichten)
@settings(max_examples=300)
def test_allocation_sums_exactly_is_never_negative_and_respects_keys_within_a_cent(
    totaal, sleutels
):
    uit = verdeel(totaal, sleutels)
    assert sum(uit.values()) == totaal
    assert all(v >= 0 for v in uit.values())
    som = sum(sleutels.values())
    for k, v in uit.items():
        exact = Fraction(totaal * sleutels[k], som)
        assert abs(v - exact) < 1
        if sleutels[k] == 0:
            assert v == 0


@given(
    budgetten=st.dictionaries(
        st.tuples(st.sampled_from(["0358", "0362", "0363"]), st.sampled_from("ABCD")),
        st.integers(min_value=0, max_value=10**11),
        min_size=1,
    ),
    sleutels=gewichten,
)
def test_every_cell_adds_up_to_its_budget(budgetten, sleutels):
    cellen = dict.fromkeys(budgetten, sleutels)
    uit = lumpsums_verdelen(budgetten, cellen)
    for (g, t), b in budgetten.items():
        assert sum(v for (a, gg, tt), v in uit.items() if (gg, tt) == (g, t)) == b
    assert all(v > 0 for v in uit.values())


def test_hand_computed_largest_remainder():
    # 100 cents over 1:1:1 -> 33.33 each; the one cent left goes to the first key.
    assert verdeel(100, {"a": 1, "b": 1, "c": 1}) == {"a": 34, "b": 33, "c": 33}
    # 10 over 0.5 / 0.3 / 0.2 exactly
    assert verdeel(10, {"x": Decimal("0.5"), "y": Decimal("0.3"), "z": Decimal("0.2")}) == {
        "x": 5, "y": 3, "z": 2,
    }  # fmt: skip
    # remainders .6 .4 -> the larger remainder wins the cent: 7 * 2/3 = 4.67, 7 * 1/3 = 2.33
    assert verdeel(7, {"p": 1, "q": 2}) == {"p": 2, "q": 5}


def test_bad_keys_are_named():
    with pytest.raises(VerdelingFout, match="negatieve sleutel"):
        verdeel(10, {"a": -1})
    with pytest.raises(VerdelingFout, match="geen sleutel groter dan nul"):
        verdeel(10, {"a": 0})
    with pytest.raises(VerdelingFout, match="gemeente 0363, thema B"):
        lumpsums_verdelen({("0363", "B"): 500}, {})


def test_startfoto_keys_and_theme_fallback():
    regels = [("a1", "0363", "B", 300), ("a2", "0363", "B", 100), ("a1", "0358", "C", 50)]
    sleutels, aangevuld = sleutels_uit_startfoto(
        regels, [("0363", "B"), ("0358", "B"), ("0358", "D")]
    )
    assert sleutels[("0363", "B")] == {"a1": 300, "a2": 100}
    assert sleutels[("0358", "B")] == {"a1": 300, "a2": 100}  # theme B over all gemeenten
    assert ("0358", "D") not in sleutels  # no realisation in theme D at all
    assert aangevuld == [("0358", "B")]


def test_tariff_indexation_rounds_each_year_half_up():
    idx = {2026: Decimal("3.5"), 2027: Decimal("2.25")}
    assert geindexeerd(11500, 2025, 2025, idx) == 11500
    assert geindexeerd(11500, 2025, 2026, idx) == 11903  # 11902.5 -> 11903
    assert geindexeerd(11500, 2025, 2027, idx) == 12171  # 11903 * 1.0225 = 12170.8
    assert geindexeerd(11500, 2025, 2028, idx) == 12171  # no indexation known: 0%


def test_tariff_on_a_day_prefers_the_contract_and_the_latest():
    from datetime import date

    regels = [
        TariefRegel("45A01", 11000, date(2024, 1, 1), date(2025, 12, 31)),
        TariefRegel("45A01", 11500, date(2026, 1, 1), None),
        TariefRegel("45A01", 12000, date(2026, 1, 1), None, overeenkomst=7),
    ]
    assert tarief_op(regels, "45A01", date(2025, 6, 1), {}) == 11000
    assert tarief_op(regels, "45A01", date(2026, 6, 1), {}) == 11500
    assert tarief_op(regels, "45A01", date(2026, 6, 1), {}, overeenkomst=7) == 12000
    assert tarief_op(regels, "45A01", date(2023, 6, 1), {}) is None
    assert overlappen(regels) == []
    assert len(overlappen([*regels, TariefRegel("45A01", 1, date(2025, 6, 1), None)])) == 2
