# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The cost projection with the six effects (scenario/projectie.py) as properties."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jeugdsturing.scenario.projectie import (
    Basis,
    Effect,
    Groep,
    Jaaraanname,
    ProjectieFout,
    omslagjaar,
    projecteer,
)

pct = st.integers(0, 10_000).map(lambda n: Decimal(n) / 100)  # 0-100% in hundredths


@st.composite
def basis(draw: st.DrawFn) -> Basis:
    kosten = {g: draw(st.integers(0, 10**11)) for g in Groep}
    return Basis(2023, kosten, draw(st.integers(1, 50_000)), draw(st.integers(0, 5_000)))


@st.composite
def aanname(draw: st.DrawFn) -> Jaaraanname:
    effecten = {e: draw(pct) for e in Effect}
    effecten[Effect.AMBULANTISERING] = draw(st.integers(0, 300).map(Decimal))
    index = draw(st.integers(-500, 1000).map(lambda n: Decimal(n) / 100))
    volume = draw(st.integers(-500, 500).map(lambda n: Decimal(n) / 100))
    return Jaaraanname(index, volume, effecten)


jaren = st.lists(aanname(), min_size=1, max_size=6).map(
    lambda a: {2024 + i: x for i, x in enumerate(a)}
)


@given(basis(), jaren)
def test_trend_plus_effecten_is_het_totaal(b, j):
    for p in projecteer(b, j):
        assert p.trend + sum(p.effecten.values()) == p.totaal
        assert p.totaal >= 0


@given(basis(), jaren, st.sampled_from(list(Effect)))
def test_effect_is_nul_als_de_aanname_nul_is(b, j, effect):
    nul = {
        jaar: Jaaraanname(a.index, a.volume, {**a.effecten, effect: Decimal(0)})
        for jaar, a in j.items()
    }
    for p in projecteer(b, nul):
        assert p.effecten[effect] == 0


@given(basis(), aanname(), st.sampled_from(list(Effect)), pct, pct)
def test_effect_beweegt_een_kant_op_met_de_aanname(b, a, effect, x, y):
    laag, hoog = sorted((x, y))

    def lijn(w: Decimal) -> int:
        p = projecteer(b, {2024: Jaaraanname(a.index, a.volume, {**a.effecten, effect: w})})
        return p[0].effecten[effect]

    if effect == Effect.AMBULANTISERING:
        assert lijn(laag) <= lijn(hoog)  # the one line that adds cost
    else:
        assert lijn(laag) >= lijn(hoog)


@given(basis())
def test_zonder_aannames_blijven_de_kosten_gelijk(b):
    p = projecteer(b, {2024: Jaaraanname(), 2025: Jaaraanname()})
    assert [x.totaal for x in p] == [b.totaal, b.totaal]


def test_uitgewerkt_voorbeeld():
    """docs/scenario.md: ambulant 60, daghulp 10, verblijf 30 (million), 1,000 ambulant
    and 100 residential clients; 2% index, 10% fewer clients, 20% less residential care,
    ambulant care for those children at 150% of the ambulant cost per client."""
    b = Basis(
        2023,
        {Groep.AMBULANT: 60_000_000_00, Groep.DAGHULP: 10_000_000_00, Groep.VERBLIJF: 30_000_000_00,
         Groep.JEUGDBESCHERMING: 0},
        1000,
        100,
    )  # fmt: skip
    a = Jaaraanname(
        Decimal(2),
        Decimal(0),
        {Effect.CLIENTEN: Decimal(10), Effect.VERBLIJF: Decimal(20),
         Effect.AMBULANTISERING: Decimal(150)},
    )  # fmt: skip
    (p,) = projecteer(b, {2024: a})
    assert p.trend == 102_000_000_00
    assert p.effecten[Effect.CLIENTEN] == -10_200_000_00  # 10% of 102 million
    assert p.effecten[Effect.VERBLIJF] == -5_508_000_00  # 20% of 30 x 0.9 x 1.02
    # 18 children (20% of 90) x 60,000 per ambulant client x 150% x 1.02
    assert p.effecten[Effect.AMBULANTISERING] == 1_652_400_00
    assert p.totaal == 102_000_000_00 - 10_200_000_00 - 5_508_000_00 + 1_652_400_00


def test_omslagjaar():
    b = Basis(2023, dict.fromkeys(Groep, 25_000_000_00), 1000, 100)
    stijgend = Jaaraanname(Decimal(4))
    dalend = Jaaraanname(Decimal(4), Decimal(0), {Effect.CLIENTEN: Decimal(15)})
    p = projecteer(b, {2024: stijgend, 2025: stijgend, 2026: dalend})
    assert omslagjaar(b, p) == 2025
    assert omslagjaar(b, projecteer(b, {2024: stijgend})) is None


def test_fouten_noemen_jaar_en_effect():
    b = Basis(2023, dict.fromkeys(Groep, 1), 1, 1)
    with pytest.raises(
        ProjectieFout, match="2025, afname verblijf: 120% ligt niet tussen 0 en 100%"
    ):
        projecteer(b, {2025: Jaaraanname(effecten={Effect.VERBLIJF: Decimal(120)})})
    with pytest.raises(ProjectieFout, match="2026, prijsindex: 80% ligt niet tussen -50 en 50%"):
        projecteer(b, {2026: Jaaraanname(Decimal(80))})
    with pytest.raises(ProjectieFout, match="2023 ligt niet na het basisjaar 2023"):
        projecteer(b, {2023: Jaaraanname()})
