# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Fair comparison on hand-made frames: a rule fires just beyond its limit and not on
it, a unit below the minimum volume is not judged, the region's own drift is taken out
of a trend, and a mean's limits use the region's spread."""

from __future__ import annotations

import math
import statistics
from datetime import date, timedelta

import polars as pl
import pytest

from jeugdsturing.monitor.indicatoren import TRAJECT_SCHEMA, lege_verlengingen, verrijk
from jeugdsturing.monitor.trechter import Niveau, binomiaal_grens, normale_grens
from jeugdsturing.monitor.vergelijking import punten, venster

JAAR = venster(date(2027, 12, 31), 12)


def frame(eenheden: dict[str, list[tuple[int, bool]]], *, jaar: int = 2027) -> pl.DataFrame:
    """Per provider a list of (duration in days, ended as planned) of trajectories that
    ended in `jaar`; every trajectory a distinct client."""
    rijen, n = [], 0
    for agb, lijst in eenheden.items():
        for i, (duur, gepland) in enumerate(lijst):
            n += 1
            eind = date(jaar, 1, 5) + timedelta(days=(i * 7) % 350)
            begin = eind - timedelta(days=duur - 1)
            rijen.append({
                "id": n, "client": f"c{n}", "aanbieder": agb, "gemeente": "0363",
                "gebied": None, "thema": "B", "categorie": "45", "verwijzer": None,
                "productcode": "45A01", "taakgericht": False, "toewijzingnummer": str(n),
                "verzoekdatum": None, "toewijzingsdatum": begin, "begindatum": begin,
                "einddatum": eind, "reden": "31" if gepland else "33",
                "start_gemeld_op": begin, "stop_gemeld_op": eind,
            })  # fmt: skip
    return verrijk(pl.DataFrame(rijen, schema=TRAJECT_SCHEMA))


def _gepland(k: int, n: int) -> list[tuple[int, bool]]:
    return [(100, i < k) for i in range(n)]


def test_a_rule_fires_just_beyond_the_limit_and_not_on_it():
    grens = binomiaal_grens(0.66, 40, 0.001)
    # the smallest count whose share is not below the limit, and one fewer
    k_binnen = math.ceil(grens * 40 - 1e-12)
    for k, verwacht in ((k_binnen, Niveau.WAARSCHUWING), (k_binnen - 1, Niveau.ALARM)):
        t = frame({"A": _gepland(k, 40)})
        [p] = punten("uitstroom_volgens_plan", t, lege_verlengingen(), JAAR,
                     vergelijking="doel", doelwaarde=0.66)  # fmt: skip
        assert p.grenzen.onder_998 == pytest.approx(grens)
        assert p.niveau == verwacht, (k, p.waarde, grens)


def test_below_the_minimum_volume_a_unit_is_not_judged():
    t = frame({"A": _gepland(2, 19), "B": _gepland(14, 20)})
    judged = {p.aanbieder for p in punten("uitstroom_volgens_plan", t, lege_verlengingen(), JAAR,
                                         minimum_volume=20)}  # fmt: skip
    assert judged == {"B"}


def test_the_region_target_is_the_pooled_value_of_all_units():
    t = frame({"A": _gepland(30, 40), "B": _gepland(10, 40), "C": _gepland(5, 5)})
    pp = punten("uitstroom_volgens_plan", t, lege_verlengingen(), JAAR, minimum_volume=10)
    assert {p.aanbieder for p in pp} == {"A", "B"}
    assert all(p.grenzen.doel == pytest.approx(45 / 85) for p in pp)


def test_a_mean_uses_the_regions_spread():
    duren = {"A": [(d, True) for d in range(100, 160)], "B": [(d, True) for d in range(200, 230)]}
    t = frame(duren)
    pp = {p.aanbieder: p for p in punten("doorlooptijd", t, lege_verlengingen(), JAAR)}
    alle = [d for lijst in duren.values() for d, _ in lijst]
    mu, sd = statistics.fmean(alle), statistics.stdev(alle)
    assert pp["B"].grenzen.doel == pytest.approx(mu)
    assert pp["B"].grenzen.boven_998 == pytest.approx(normale_grens(mu, sd, 30, 0.999))
    assert pp["B"].waarde == pytest.approx(214.5)
    assert pp["B"].niveau == Niveau.ALARM  # 214.5 days against 152 +- 3.09 x 38 / sqrt(30)


def test_a_trend_takes_out_the_regions_own_drift():
    # everyone's planned share falls from 80% to 60%; A falls with the region, B to 30%
    vorig = frame(
        {"A": _gepland(80, 100), "B": _gepland(80, 100), "C": _gepland(80, 100)}, jaar=2026
    )
    nu = frame({"A": _gepland(60, 100), "B": _gepland(30, 100), "C": _gepland(60, 100)})
    t = pl.concat([vorig, nu.with_columns(pl.col("id") + 10_000)])
    pp = {p.aanbieder: p for p in punten("uitstroom_volgens_plan", t, lege_verlengingen(), JAAR,
                                         vergelijking="trend", minimum_volume=20)}  # fmt: skip
    # target: own 80% times the region's 50/80 change
    assert pp["A"].grenzen.doel == pytest.approx(0.8 * (150 / 300) / 0.8)
    assert pp["A"].niveau == Niveau.BINNEN
    assert pp["B"].niveau == Niveau.ALARM


def test_a_goal_comparison_needs_a_target():
    with pytest.raises(ValueError, match="doelwaarde"):
        punten("uitstroom_volgens_plan", frame({"A": _gepland(5, 10)}), lege_verlengingen(), JAAR,
               vergelijking="doel")  # fmt: skip
