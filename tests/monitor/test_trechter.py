# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Funnel limits against an independent computation: exact rational binomial
probabilities (math.comb with Fractions), a plain Poisson sum, and hand cases."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from jeugdsturing.monitor.trechter import (
    Niveau,
    binomiaal_grens,
    grenzen,
    niveau,
    normale_grens,
    poisson_grens,
    trechter,
)


def _exact_binomiaal(p0: Fraction, n: int, kans: Fraction) -> float:
    """Spiegelhalter's interpolated limit, with exact rational arithmetic."""
    cdf = Fraction(0)
    vorige = Fraction(0)
    for r in range(n + 1):
        vorige = cdf
        cdf += math.comb(n, r) * p0**r * (1 - p0) ** (n - r)
        if cdf >= kans:
            a = (cdf - kans) / (cdf - vorige)
            return min(1.0, max(0.0, float((r - a) / n)))  # a limit outside [0, 1] is cut
    raise AssertionError


def _som_poisson(mu: float, blootstelling: float, kans: float) -> float:
    cdf = vorige = 0.0
    r, pmf = 0, math.exp(-mu)
    while True:
        vorige = cdf
        cdf += pmf
        if cdf >= kans:
            return max(0.0, (r - (cdf - kans) / (cdf - vorige)) / blootstelling)
        r += 1
        pmf *= mu / r


def test_hand_case_n10_half():
    # P(R<=1) = 11/1024, P(R<=2) = 56/1024; r = 2, a = (56/1024 - 0.025) / (45/1024)
    a = (Fraction(56, 1024) - Fraction(1, 40)) / Fraction(45, 1024)
    assert binomiaal_grens(0.5, 10, 0.025) == pytest.approx(float((2 - a) / 10), abs=1e-12)
    assert binomiaal_grens(0.5, 10, 0.025) == pytest.approx(0.13244, abs=1e-5)
    # not a mirror image: P(R<=7) = 968/1024, P(R<=8) = 1013/1024, r = 8,
    # a = (1013/1024 - 0.975) / (45/1024), limit (8 - a) / 10 = 0.76756 (the interpolation
    # spreads the mass of r over (r - 1, r] on both sides)
    assert binomiaal_grens(0.5, 10, 0.975) == pytest.approx(0.767556, abs=1e-6)


@pytest.mark.parametrize("n", [1, 2, 3, 5, 8, 13, 20, 40, 100, 250])
@pytest.mark.parametrize("p0", [Fraction(1, 20), Fraction(13, 100), Fraction(2, 3)])
@pytest.mark.parametrize(
    "kans", [Fraction(1, 1000), Fraction(1, 40), Fraction(39, 40), Fraction(999, 1000)]
)
def test_binomial_limits_equal_exact_rational_computation(n, p0, kans):
    assert binomiaal_grens(float(p0), n, float(kans)) == pytest.approx(
        _exact_binomiaal(p0, n, kans), abs=1e-9
    )


@pytest.mark.parametrize("mu", [0.3, 1.0, 4.2, 17.5, 60.0, 150.0])
@pytest.mark.parametrize("kans", [0.001, 0.025, 0.975, 0.999])
def test_poisson_limits_equal_plain_sum(mu, kans):
    blootstelling = 50.0
    assert poisson_grens(mu / blootstelling, blootstelling, kans) == pytest.approx(
        _som_poisson(mu, blootstelling, kans), abs=1e-9
    )


def test_normal_limits():
    # 95%: 1.959964 sd/sqrt(n); 99.8%: 3.090232 sd/sqrt(n)
    assert normale_grens(272.0, 200.0, 100, 0.975) == pytest.approx(272 + 1.959964 * 20, abs=1e-4)
    assert normale_grens(272.0, 200.0, 100, 0.001) == pytest.approx(272 - 3.090232 * 20, abs=1e-4)


def test_large_volume_approaches_normal_approximation():
    p0, n = 0.66, 20_000
    se = math.sqrt(p0 * (1 - p0) / n)
    assert binomiaal_grens(p0, n, 0.999) == pytest.approx(p0 + 3.090232 * se, abs=2e-4)


def test_niveau_only_on_the_worse_side():
    g = grenzen("proportie", 0.5, 100)
    assert niveau(0.95, g, "hoger_slechter") == Niveau.ALARM
    assert niveau(0.95, g, "lager_slechter") == Niveau.BINNEN
    assert niveau(0.05, g, "lager_slechter") == Niveau.ALARM
    # right at the edge: on the limit is inside, just beyond it is outside
    assert niveau(g.boven_95, g, "hoger_slechter") == Niveau.BINNEN
    assert niveau(g.boven_95 + 1e-9, g, "hoger_slechter") == Niveau.WAARSCHUWING


def test_small_volume_is_not_flagged_for_chance():
    # 2 of 3 repeat users (67%) against a region of 13%: with n = 3 that is within 99.8%
    g = grenzen("proportie", 0.13, 3)
    assert niveau(2 / 3, g, "hoger_slechter") != Niveau.ALARM
    # the same rate over 150 is far outside
    assert niveau(2 / 3, grenzen("proportie", 0.13, 150), "hoger_slechter") == Niveau.ALARM


def test_bad_input_is_refused_in_dutch():
    with pytest.raises(ValueError, match="noemer"):
        binomiaal_grens(0.5, 0, 0.5)
    with pytest.raises(ValueError, match="tussen 0 en 1"):
        binomiaal_grens(1.5, 10, 0.5)
    with pytest.raises(ValueError, match="blootstelling"):
        poisson_grens(0.2, 0, 0.5)
    with pytest.raises(ValueError, match="spreiding"):
        grenzen("gemiddelde", 10.0, 5)


def test_funnel_lines_cover_the_volumes():
    lijnen = trechter("proportie", 0.3, [12, 40, 300])
    assert lijnen[0]["volume"] <= 12
    assert lijnen[-1]["volume"] >= 300
    assert all(
        r["onder_998"] <= r["onder_95"] <= 0.3 <= r["boven_95"] <= r["boven_998"] for r in lijnen
    )
    assert trechter("rate", 0.2, []) == []


@settings(max_examples=150, deadline=None)
@given(
    p0=st.floats(0.01, 0.99),
    n=st.integers(1, 3000),
)
def test_limits_nest_around_the_target(p0, n):
    # With almost no expected events the discrete limits can fall on the target's wrong
    # side (the 97.5% quantile of Binomial(1, 0.02) is 0): the rules' minimum volume
    # keeps such cells out (docs/escalatie.md).
    assume(n * min(p0, 1 - p0) >= 5)
    g = grenzen("proportie", p0, n)
    assert 0.0 <= g.onder_998 <= g.onder_95 <= p0 + 1e-12
    assert p0 - 1e-12 <= g.boven_95 <= g.boven_998 <= 1.0


@settings(max_examples=100, deadline=None)
@given(doel=st.floats(0.0, 3.0), blootstelling=st.floats(1.0, 5000.0))
def test_rate_limits_nest_around_the_target(doel, blootstelling):
    assume(doel * blootstelling >= 5 or doel == 0)
    g = grenzen("rate", doel, blootstelling)
    assert 0.0 <= g.onder_998 <= g.onder_95 <= doel + 1e-9
    assert doel - 1e-9 <= g.boven_95 <= g.boven_998


@settings(max_examples=100, deadline=None)
@given(p0=st.floats(0.02, 0.98), n=st.integers(30, 400))
def test_wider_at_the_higher_level_and_narrower_with_volume(p0, n):
    klein, groot = grenzen("proportie", p0, n), grenzen("proportie", p0, 16 * n)
    assert groot.boven_998 - groot.onder_998 < klein.boven_998 - klein.onder_998
