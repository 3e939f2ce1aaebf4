# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The differencing test of issue 23 (docs/indicatoren.md, "Kleine aantallen"): for
every pair of outputs a gemeente or provider user can obtain for neighbouring periods and
filters, no count of 1-4 can be derived by subtraction.

Measured before: a gemeente user compared two exports whose periods differed by one day
and found that one Amstelveen child started on 31 December. Now a viewer without exact
figures gets fixed periods only, and every count is "<5" or a multiple of 5, so any
difference of two published counts is a multiple of 5 (or involves a hidden cell, which
tells nothing exact)."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest

from jeugdsturing.core.access import Scope
from jeugdsturing.monitor import service
from jeugdsturing.monitor.bescherming import AFGESCHERMD, KLEIN
from jeugdsturing.monitor.indicatoren import AANTALLEN, DIMENSIES, Periode
from jeugdsturing.monitor.service import PeriodeNietVast, regio_monitor
from jeugdsturing.regio.models import Regio

pytestmark = pytest.mark.django_db


def _maand_einde(jaar: int, maand: int) -> date:
    return (date(jaar, maand, 1) + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def vaste_perioden(jaar: int) -> list[Periode]:
    """Every fixed period of a year a viewer can ask for: months, quarters, halves, the
    year, the year so far, and the rolling years ending in it."""
    pp = [Periode(date(jaar, m, 1), _maand_einde(jaar, m)) for m in range(1, 13)]
    pp += [Periode(date(jaar, m, 1), _maand_einde(jaar, m + 2)) for m in (1, 4, 7, 10)]
    pp += [
        Periode(date(jaar, 1, 1), _maand_einde(jaar, 6)),
        Periode(date(jaar, 7, 1), date(jaar, 12, 31)),
    ]
    pp += [Periode(date(jaar, 1, 1), _maand_einde(jaar, m)) for m in range(1, 13)]
    pp += [Periode(date(jaar - 1, m + 1, 1), _maand_einde(jaar, m)) for m in range(1, 12)]
    assert all(p.vast() for p in pp)
    return pp


@pytest.mark.parametrize("wie", ["gemeente", "aanbieder"])
def test_geen_aantal_van_een_tot_vier_af_te_leiden(trajecten, agb, wie):
    regio = Regio.objects.get(code="JZ13")
    service.vergeet(regio)
    scope = Scope(gemeente="0362") if wie == "gemeente" else Scope(aanbieder=agb["eigen"])
    monitor = regio_monitor(regio, scope)
    pp = vaste_perioden(2027)
    uitvoer: dict[tuple[object, ...], list[object]] = {}
    for by in [(), *((d,) for d in DIMENSIES)]:
        for regionaal in (False, True):
            for p in pp:
                for r in monitor.rijen([p], list(by), regionaal=regionaal):
                    cel = tuple(r.get(d) for d in by)
                    for k in AANTALLEN:
                        uitvoer.setdefault((regionaal, by, cel, k), []).append(r.get(k))
    getoond = [v for waarden in uitvoer.values() for v in waarden if v is not None]
    assert any(isinstance(v, int) and v > 0 for v in getoond)  # the test sees figures
    assert KLEIN in getoond  # and hidden ones
    for v in getoond:
        assert v in (KLEIN, AFGESCHERMD) or (isinstance(v, int) and v % 5 == 0), v
    # every pair of outputs of one cell over the periods: no difference of 1-4
    for waarden in uitvoer.values():
        getallen = [v for v in waarden if isinstance(v, int)]
        for a, b in itertools.combinations(getallen, 2):
            assert abs(a - b) not in (1, 2, 3, 4)


@pytest.mark.parametrize(
    ("van", "tot"),
    [(date(2027, 1, 1), date(2027, 12, 30)), (date(2027, 1, 2), date(2027, 12, 31)),
     (date(2027, 2, 1), date(2027, 4, 30)), (date(2027, 3, 1), date(2027, 8, 31))],
)  # fmt: skip
def test_een_willekeurige_periode_wordt_geweigerd(trajecten, van, tot):
    regio = Regio.objects.get(code="JZ13")
    monitor = regio_monitor(regio, Scope(gemeente="0362"))
    with pytest.raises(PeriodeNietVast, match="is geen vaste periode"):
        monitor.rijen([Periode(van, tot)], [])
    # the regional reference of a restricted viewer is published too: the same rule
    with pytest.raises(PeriodeNietVast):
        monitor.rijen([Periode(van, tot)], [], regionaal=True)
    # the team sees exact figures for any range
    assert regio_monitor(regio, Scope(exact=True)).rijen([Periode(van, tot)], [], exact=True)


def test_de_monitorpagina_zegt_waarom(trajecten):
    from tests.conftest import login

    html = login("gemeente").get("/monitor/?van=2027-01-01&tot=2027-12-30").content.decode()
    assert "is geen vaste periode" in html
    assert "Getoond: het jaar 2027" in html
