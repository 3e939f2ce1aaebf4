# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The five models of risk equalisation (scenario/verevening.py) as properties."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jeugdsturing.scenario.verevening import (
    Gemeentecijfers,
    Instellingen,
    Model,
    Sleutel,
    VereveningFout,
    duiding,
    met_kosten,
    schommeling,
    verevenen,
)


@st.composite
def regio(draw: st.DrawFn) -> list[Gemeentecijfers]:
    n = draw(st.integers(1, 14))
    uit = []
    for i in range(n):
        jongeren = draw(st.integers(1, 60_000))
        sleutels = {
            Sleutel.JONGEREN: Decimal(jongeren),
            Sleutel.GEMEENTEFONDS: Decimal(draw(st.integers(1, 10**10))) / 100,
            Sleutel.SCP: Decimal(draw(st.integers(1, 10**6))) / 1000,
        }
        kosten = draw(st.integers(0, 10**11))
        uit.append(Gemeentecijfers(f"{i:04d}", f"Gemeente {i}", kosten, jongeren, sleutels))
    return uit


instellingen = st.builds(
    Instellingen,
    st.sampled_from(list(Sleutel)),
    st.integers(0, 1000).map(Decimal),
    st.integers(0, 100).map(Decimal),
)


@given(regio(), instellingen, st.sampled_from(list(Model)))
def test_bijdragen_tellen_op_tot_de_kosten(gemeenten, inst, model):
    uit = verevenen(model, gemeenten, inst)
    assert sum(u.bijdrage for u in uit) == sum(g.kosten for g in gemeenten)
    assert all(u.bijdrage >= 0 for u in uit)
    assert sum(u.verrekening for u in uit) == 0


@given(regio(), instellingen)
def test_geen_verevening_is_de_identiteit(gemeenten, inst):
    assert [u.bijdrage for u in verevenen(Model.GEEN, gemeenten, inst)] == [
        g.kosten for g in gemeenten
    ]


@given(regio(), instellingen)
def test_solidariteit_volgt_de_sleutel(gemeenten, inst):
    totaal = sum(g.kosten for g in gemeenten)
    som = sum(Fraction(g.sleutels[inst.sleutel]) for g in gemeenten)
    for g, u in zip(gemeenten, verevenen(Model.SOLIDARITEIT, gemeenten, inst), strict=True):
        exact = totaal * Fraction(g.sleutels[inst.sleutel]) / som
        assert abs(u.bijdrage - exact) < 1


@given(regio(), instellingen)
def test_behoefte_is_solidariteit_naar_de_scp_sleutel(gemeenten, inst):
    scp = Instellingen(Sleutel.SCP, inst.drempel_pct, inst.pool_pct)
    assert verevenen(Model.BEHOEFTE, gemeenten, inst) == verevenen(
        Model.SOLIDARITEIT, gemeenten, scp
    )


@given(regio(), instellingen)
def test_pot_en_drempel_lopen_van_eigen_kosten_naar_solidariteit(gemeenten, inst):
    solidair = verevenen(Model.SOLIDARITEIT, gemeenten, inst)
    geen = verevenen(Model.GEEN, gemeenten, inst)

    def pot(p: int) -> Instellingen:
        return Instellingen(inst.sleutel, inst.drempel_pct, Decimal(p))

    def drempel(d: int) -> Instellingen:
        return Instellingen(inst.sleutel, Decimal(d), inst.pool_pct)

    assert verevenen(Model.POOL, gemeenten, pot(0)) == geen
    assert verevenen(Model.POOL, gemeenten, pot(100)) == solidair
    assert verevenen(Model.DREMPEL, gemeenten, drempel(0)) == solidair
    # A threshold above every gemeente's cost/expectation ratio: everyone pays its own.
    hoog = verevenen(Model.DREMPEL, gemeenten, drempel(10**15))
    assert [u.bijdrage for u in hoog] == [g.kosten for g in gemeenten]


@given(regio(), instellingen)
def test_drempel_eigen_deel_nooit_boven_de_kosten_bij_alleen_onder_de_drempel(gemeenten, inst):
    """A gemeente under its threshold pays at least its own costs (it also shares in
    the others' excess); a gemeente above it pays less than its costs, unless the pool
    returns more than its excess."""
    uit = verevenen(Model.DREMPEL, gemeenten, inst)
    totaal = sum(g.kosten for g in gemeenten)
    som = sum(g.sleutels[inst.sleutel] for g in gemeenten)
    for g, u in zip(gemeenten, uit, strict=True):
        verwacht = Decimal(totaal) * g.sleutels[inst.sleutel] / som
        if g.kosten < verwacht * inst.drempel_pct / 100 - 1:
            assert u.bijdrage >= g.kosten


def _s(j: int) -> dict[Sleutel, Decimal]:
    return dict.fromkeys(Sleutel, Decimal(j))


def _twee() -> list[Gemeentecijfers]:
    return [
        Gemeentecijfers("0001", "Klein", 100_000_00, 1000, _s(1000)),
        Gemeentecijfers("0002", "Groot", 500_000_00, 3000, _s(3000)),
    ]


def test_uitgewerkt_voorbeeld():
    """docs/scenario.md: total 600,000; keys 1:3 -> expectations 150,000 and 450,000."""
    g = _twee()
    inst = Instellingen(Sleutel.JONGEREN, Decimal(110), Decimal(50))
    assert [u.bijdrage for u in verevenen(Model.SOLIDARITEIT, g, inst)] == [150_000_00, 450_000_00]
    # drempel: Groot pays up to 110% of 450,000 = 495,000; the 5,000 above is shared 1:3
    assert [u.bijdrage for u in verevenen(Model.DREMPEL, g, inst)] == [101_250_00, 498_750_00]
    # pot: half of 600,000 shared 1:3 (75,000 and 225,000), half paid by each itself
    assert [u.bijdrage for u in verevenen(Model.POOL, g, inst)] == [125_000_00, 475_000_00]
    u = verevenen(Model.SOLIDARITEIT, g, inst)
    assert (u[0].verrekening, u[0].per_jongere) == (50_000_00, Decimal("50.00"))
    tekst = duiding(Model.SOLIDARITEIT, u, None)
    assert "Het meest betalen Klein (€\u00a050.000)" in tekst
    assert "Het meest ontvangen Groot (€\u00a050.000)" in tekst


def test_schommeling_geen_en_solidariteit():
    begroot = _twee()
    gerealiseerd = met_kosten(begroot, {"0001": 150_000_00, "0002": 500_000_00})
    inst = Instellingen(Sleutel.JONGEREN)
    geen = schommeling(Model.GEEN, begroot, gerealiseerd, inst)
    assert geen.pct == {"0001": Decimal("50.0"), "0002": Decimal("0.0")}
    solidair = schommeling(Model.SOLIDARITEIT, begroot, gerealiseerd, inst)
    # 50,000 more in total, shared 1:3: both contributions rise by 50,000/600,000
    assert solidair.pct == {"0001": Decimal("8.3"), "0002": Decimal("8.3")}
    assert (solidair.laagste, solidair.hoogste) == (Decimal("8.3"), Decimal("8.3"))
    assert "+8,3% tot +8,3%" in duiding(
        Model.SOLIDARITEIT, verevenen(Model.SOLIDARITEIT, gerealiseerd, inst), solidair
    )


def test_fouten_noemen_de_gemeente():
    g = _twee()
    zonder = [Gemeentecijfers("0003", "Zonderfonds", 1, 1, {Sleutel.JONGEREN: Decimal(1)}), *g]
    with pytest.raises(
        VereveningFout, match="Zonderfonds: geen waarde voor de sleutel gemeentefonds"
    ):
        verevenen(Model.SOLIDARITEIT, zonder, Instellingen())
    negatief = [Gemeentecijfers("0003", "Min", -5, 1, g[0].sleutels), *g]
    with pytest.raises(VereveningFout, match="Min: negatieve kosten"):
        verevenen(Model.GEEN, negatief, Instellingen())
    with pytest.raises(VereveningFout, match="tussen 0 en 100"):
        verevenen(Model.POOL, g, Instellingen(pool_pct=Decimal(120)))
    nul = [
        Gemeentecijfers(x.code, x.naam, x.kosten, 0, dict.fromkeys(Sleutel, Decimal(0))) for x in g
    ]
    with pytest.raises(VereveningFout, match="geen sleutel groter dan nul"):
        verevenen(Model.SOLIDARITEIT, nul, Instellingen())
