# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Ranking, lottery and selection as pure functions (rangschikking.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jeugdsturing.verwerving.rangschikking import (
    Beoordeling,
    Criterium,
    GelijkeStand,
    Selectie,
    gelijke_standen,
    loting,
    rangschik,
    selecteer,
    totaal,
    uitval,
)

D = Decimal
CRITERIA = [
    Criterium("visie", D(50), D(5.5)),
    Criterium("samenwerking", D(30)),
    Criterium("gebied", D(20)),
]


def b(nr: int, visie: str, samen: str, gebied: str) -> Beoordeling:
    return Beoordeling(nr, {"visie": D(visie), "samenwerking": D(samen), "gebied": D(gebied)})


def test_weighted_total_is_the_weighted_mean_rounded_half_up():
    assert totaal({"visie": D(8), "samenwerking": D(6), "gebied": D(7)}, CRITERIA) == D("7.20")
    # (6.25*50 + 6*30 + 6*20) / 100 = 6.125 -> 6.13 (half up)
    assert totaal({"visie": D("6.25"), "samenwerking": D(6), "gebied": D(6)}, CRITERIA) == D("6.13")
    with pytest.raises(ValueError, match="ontbreekt voor criterium gebied"):
        totaal({"visie": D(8), "samenwerking": D(6)}, CRITERIA)


def test_minimums_reject_with_their_reason():
    uit = rangschik([b(1, "5", "9", "9"), b(2, "7", "4", "4"), b(3, "8", "8", "8")], CRITERIA,
                    minimum_totaal=D(6))  # fmt: skip
    assert [p.inschrijving for p in uit.plaatsen] == [3]
    redenen = {a.inschrijving: a.reden for a in uit.afgewezen}
    assert redenen[1] == "onder het minimum: visie 5 < 5,5"
    assert redenen[2] == "totaal 5,50 onder het minimum 6"


def test_the_announced_rule_breaks_a_tie_before_the_lottery():
    # equal totals (7.00); 2 scores higher on visie, the heaviest criterion
    uit = rangschik([b(1, "6", "8", "8"), b(2, "8", "6", "6"), b(3, "9", "9", "9")], CRITERIA)
    assert [(p.inschrijving, p.rang, p.door_loting) for p in uit.plaatsen] == [
        (3, 1, False), (2, 2, False), (1, 3, False),
    ]  # fmt: skip
    assert uit.plaatsen[1].totaal == uit.plaatsen[2].totaal == D(7)
    assert uit.lotingen == ()


def test_a_full_tie_needs_a_lottery_with_a_seed():
    gelijk = [b(4, "7", "7", "7"), b(9, "7", "7", "7"), b(2, "8", "8", "8")]
    assert gelijke_standen(gelijk, CRITERIA) == [(4, 9)]
    with pytest.raises(GelijkeStand, match="4, 9"):
        rangschik(gelijk, CRITERIA)
    uit = rangschik(gelijk, CRITERIA, zaad="a1b2")
    assert uit.plaatsen[0].inschrijving == 2
    assert {p.inschrijving for p in uit.plaatsen[1:]} == {4, 9}
    assert all(p.door_loting for p in uit.plaatsen[1:])
    assert uit.lotingen == (tuple(p.inschrijving for p in uit.plaatsen[1:]),)


@given(st.lists(st.integers(1, 10_000), min_size=2, max_size=30, unique=True), st.text(min_size=1))
def test_the_lottery_is_reproducible_and_a_permutation(nummers, zaad):
    eerste = loting(nummers, zaad)
    assert loting(list(reversed(nummers)), zaad) == eerste  # input order does not matter
    assert sorted(eerste) == sorted(nummers)


def test_different_seeds_give_different_draws():
    nummers = list(range(1, 21))
    assert len({loting(nummers, f"zaad-{i}") for i in range(20)}) > 15
    with pytest.raises(ValueError, match="zaad"):
        loting(nummers, "")


def test_selection_and_waiting_room_and_the_cascade():
    zonder_minimum = [Criterium(c.code, c.weging) for c in CRITERIA]
    beoordelingen = [b(i, str(10 - i * 0.25), "7", "7") for i in range(1, 26)]
    uit = rangschik(beoordelingen, zonder_minimum)
    sel = selecteer(uit, 20, 2)
    assert sel.geselecteerd == tuple(range(1, 21))
    assert sel.wachtkamer == (21, 22)
    assert sel.buiten == (23, 24, 25)
    na = uitval(sel, 5)
    assert 5 not in na.geselecteerd
    assert na.geselecteerd[-1] == 21
    assert na.wachtkamer == (22,)
    na2 = uitval(uitval(na, 1), 2)
    assert na2.wachtkamer == ()
    assert na2.opgeschoven == (21, 22)
    assert len(na2.geselecteerd) == 19  # the waiting room is empty: nobody left to move up
    with pytest.raises(ValueError, match="niet geselecteerd"):
        uitval(na2, 23)


def test_fewer_eligible_bids_than_places():
    sel = selecteer(rangschik([b(1, "8", "8", "8")], CRITERIA), 20, 2)
    assert sel == Selectie((1,), (), ())
