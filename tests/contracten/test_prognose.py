# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Year-end forecasts: the pure methods on hand-made series, and the backtest and the
forecast CLI on a small simulated region (as in CI)."""

from __future__ import annotations

import json
import re
from datetime import date
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db.models import Q, Sum
from hypothesis import given
from hypothesis import strategies as st

from jeugdsturing.berichten.importeren import berichten_importeer
from jeugdsturing.berichten.models import Prestatie, PrestatieAfwijzing
from jeugdsturing.berichten.simulator import simuleer_regio
from jeugdsturing.contracten.prognose import (
    Claim,
    PijplijnInvoer,
    TrajectRegel,
    interval,
    kaplan_meier,
    naief,
    peildatum,
    pijplijn_rest,
    pijplijn_ruis,
    seizoen,
    seizoensindex,
    stand_op,
)


def test_naive_and_seasonal_on_a_hand_made_series():
    assert naief(400, 4) == 1200
    vlak = [100] * 36
    assert seizoensindex(vlak) == pytest.approx([1.0] * 12)
    patroon = [120, 100, 100, 100, 100, 100, 80, 60, 120, 120, 100, 100]
    index = seizoensindex(patroon * 3)
    assert index is not None
    assert index[7] == pytest.approx(0.6, abs=0.01)
    assert index[0] == pytest.approx(1.2, abs=0.01)
    # A year that follows the pattern is forecast exactly from its first four months.
    assert seizoen(sum(patroon[:4]), 4, index) == pytest.approx(sum(patroon), rel=0.01)
    assert naief(sum(patroon[:4]), 4) == pytest.approx(1260)  # the naive method overshoots
    # Growth is not mistaken for season.
    groei = [100 + t for t in range(36)]
    assert seizoensindex(groei) == pytest.approx([1.0] * 12, abs=0.02)
    assert seizoensindex([100] * 12) is None


def test_kaplan_meier_by_hand():
    # 4 trajectories: ended after 0, 1 and 1 months, one still running after 2 months.
    s = kaplan_meier([(0, True), (1, True), (1, True), (2, False)], max_maanden=3)
    assert s[0] == 1.0
    assert s[1] == pytest.approx(0.75)  # one of four ended in month 0
    assert s[2] == pytest.approx(0.75 * (1 - 2 / 3))
    assert s[3] == pytest.approx(s[2])  # the censored one does not end the curve


def test_interval_from_earlier_errors_or_from_the_monthly_spread():
    onder, boven = interval(1200.0, 400, [100, 100, 100, 100] + [0] * 8, 4, [0.9, 1.0, 1.1] * 4)
    assert (onder, boven) == (round(1200 * 0.9), round(1200 * 1.1))
    # Earlier ratios narrower than this key's own chance spread: chance sets the width.
    onder, boven = interval(1200.0, 400, [100] * 4 + [0] * 8, 4, [0.9, 1.0, 1.1] * 4, 200.0)
    assert (onder, boven) == (round(1200 - 1.2816 * 200), round(1200 + 1.2816 * 200))
    onder, boven = interval(1200.0, 400, [100] * 4 + [0] * 8, 4, [0.9, 1.0, 1.1] * 4, 10.0)
    assert (onder, boven) == (round(1200 * 0.9), round(1200 * 1.1))
    onder, boven = interval(1200.0, 400, [90, 110, 90, 110] + [0] * 8, 4, [])
    assert onder < 1200 < boven
    assert onder >= 400


def test_peildatum_is_the_15th_of_the_next_month():
    assert peildatum(2027, 4) == date(2027, 5, 15)
    assert peildatum(2027, 12) == date(2028, 1, 15)
    assert (
        Claim("a", "g", "p", date(2027, 1, 1), 1, None, date(2027, 2, 5), None).toewijzingnummer
        == ""
    )


HALF = [0.5**a for a in range(61)]  # every month, half of the running trajectories end
VLAK = [1.0] * 12


def test_a_running_trajectory_has_come_through_month_m():
    # Started in January, running on the peildatum after April: it did not end in April,
    # so May is its first month at risk. With a hazard of 1/2 it runs 3/4 of May on
    # average (half end mid-month), 3/8 of June, and so on.
    invoer = PijplijnInvoer(lopend=[("P", date(2027, 1, 1), 100.0)], wachtend=0)
    rest = pijplijn_rest(invoer, 2027, 4, {"*": HALF}, VLAK)
    assert rest == pytest.approx(100 * 0.75 * sum(0.5**i for i in range(8)))


def test_new_inflow_takes_each_start_of_the_window_as_template():
    # Two starts in a window of two months: one a month. In December (the only month
    # left after November) half the starts are A (100 a month, from mid-month, never
    # ending: 50) and half are B, a total volume of 1000 claimed once.
    invoer = PijplijnInvoer(
        lopend=[], wachtend=0, nieuw=[("A", 100.0, False), ("B", 1000.0, True)], venster=2
    )
    assert pijplijn_rest(invoer, 2027, 11, {"*": [1.0] * 61}, VLAK) == pytest.approx(525)
    # Two more children waiting for their start than usual: two more starts in December.
    meer = PijplijnInvoer(
        lopend=[],
        wachtend=5,
        wachtend_normaal=3.0,
        nieuw=[("A", 100.0, False), ("B", 1000.0, True)],
        venster=2,
    )
    assert pijplijn_rest(meer, 2027, 11, {"*": [1.0] * 61}, VLAK) == pytest.approx(3 * 525)


def test_the_noise_floor_is_the_spread_of_a_simulation_of_the_same_model():
    """pijplijn_ruis against 20,000 draws of the process the pipeline assumes; the mean
    of the draws is pijplijn_rest (the same conventions for mid-month ends)."""
    import numpy as np

    curve = [0.8**a for a in range(61)]
    index = [1.0, 0.9, 1.1, 1.0, 1.0, 1.0, 0.9, 0.8, 1.1, 1.1, 1.1, 1.0]
    invoer = PijplijnInvoer(
        lopend=[("P", date(2026, 11, 1), 300.0), ("P", date(2027, 3, 1), 100.0)],
        wachtend=3,
        wachtend_normaal=2.0,
        nieuw=[("P", 200.0, False), ("P", 50.0, False), ("Q", 900.0, True)],
        venster=3,
        benutting_lopend=0.9,
        benutting_nieuw=0.8,
    )
    m = 8
    rng = np.random.default_rng(1)

    def einde(vanaf: int) -> int:  # end age of a trajectory known to run at age vanaf
        d = vanaf
        while rng.random() >= 0.2:  # the curve's hazard: a fifth end every month
            d += 1
        return d

    def actief(d: int, a: int) -> float:
        return 1.0 if d > a else 0.5 if d == a else 0.0

    totalen = []
    for _ in range(20_000):
        totaal = 0.0
        for _, start, bedrag in invoer.lopend:
            a0 = 2027 * 12 + m - 1 - (start.year * 12 + start.month - 1)
            d = einde(a0 + 1)
            totaal += sum(
                0.9 * bedrag * index[k - 1] * actief(d, a0 + k - m) for k in range(m + 1, 13)
            )
        for j in range(m + 1, 13):
            for _ in range(rng.poisson(1.0 * (2.0 if j == m + 1 else 1.0))):
                _, bedrag, eenmalig = invoer.nieuw[int(rng.integers(3))]
                if eenmalig:
                    totaal += 0.8 * bedrag
                    continue
                d = einde(0)
                totaal += sum(
                    0.8 * bedrag * index[k - 1] * (0.5 if k == j else 1.0) * actief(d, k - j)
                    for k in range(j, 13)
                )
        totalen.append(totaal)
    overleving = {"*": curve}
    assert np.mean(totalen) == pytest.approx(
        pijplijn_rest(invoer, 2027, m, overleving, index), rel=0.02
    )
    assert np.var(totalen) == pytest.approx(
        pijplijn_ruis(invoer, 2027, m, overleving, index), rel=0.05
    )


def test_utilisation_counts_claims_as_the_realisation_does_without_rejected_ones():
    # One trajectory of 1000 a month, running all of 2026 and into 2027; every other
    # month's claim was rejected before the peildatum: half the planned volume counts.
    t = TrajectRegel(
        aanbieder="A",
        gemeente="G",
        productcode="P",
        begindatum=date(2026, 1, 1),
        start_gemeld_op=date(2026, 1, 5),
        einddatum=None,
        stop_gemeld_op=None,
        toewijzingsdatum=date(2025, 12, 20),
        volume=1,
        eenheid="14",
        frequentie="4",
        toewijzingnummer="T1",
    )
    claims = []
    for i in range(16):
        zorgmaand = date(2026 + i // 12, i % 12 + 1, 1)
        ontvangen = date(2026 + (i + 1) // 12, (i + 1) % 12 + 1, 5)
        afgewezen = ontvangen if i % 2 else None
        claims.append(Claim("A", "G", "P", zorgmaand, 1000, 1000, ontvangen, afgewezen, "T1"))
    stand = stand_op(claims, [t], {}, 2027, 4)
    assert stand.pijplijn[("A", "G")].benutting_lopend == pytest.approx(0.5)
    assert stand.ytd[("A", "G")][:4] == [1000, 0, 1000, 0]


@pytest.fixture(scope="module")
def gesimuleerd(django_db_setup, django_db_blocker, tmp_path_factory):
    """Two years and a month of traffic of the demo region at a small scale."""
    out = tmp_path_factory.mktemp("prognose")
    with django_db_blocker.unblock():
        simuleer_regio(
            regio_code="JZ13", van="2023-01-01", tot="2025-01-31", seed=5, scale=0.02, out=out
        )
        berichten_importeer([out], bron="test", omschrijving="prognose")
    yield
    with django_db_blocker.unblock():
        from jeugdsturing.berichten.models import Bericht, ImportRun, Traject

        for m in (Traject, Bericht):
            m.objects.all().delete()
        ImportRun.objects.all().delete()


def _cli(*args: str) -> str:
    out = StringIO()
    call_command("contracten", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.mark.django_db
@pytest.mark.slow
def test_backtest_runs_on_a_small_simulated_set(gesimuleerd):
    uit = json.loads(_cli("backtest", "--region", "JZ13", "--years", "2024", "--format", "json"))
    assert uit["jaren"] == [2024]
    rijen = uit["rijen"]
    assert [(r["maand"], r["methode"]) for r in rijen] == [
        (m, x) for m in (4, 8) for x in ("naief", "seizoen", "pijplijn", "combinatie")
    ]
    for r in rijen:
        assert 0 <= r["mape_aanbieder"] < 1.0
        assert 0 <= r["dekking_interval_80"] <= 1
    assert rijen[0]["ten_opzichte_van_naief"] == 1.0
    assert set(uit["ruisvloer"]) == {"4", "8"}
    assert all(0 < v < 1 for v in uit["ruisvloer"].values())
    markdown = _cli("backtest", "--region", "JZ13", "--years", "2024")
    assert "| 4 | pijplijn |" in markdown
    assert "| 8 | ruisvloer (toeval) |" in markdown


@pytest.mark.django_db
def test_forecast_cli_shape_and_realisation_traces_back_to_the_claims(gesimuleerd):
    rows = json.loads(
        _cli("forecast", "--region", "JZ13", "--year", "2024", "--month", "4", "--format", "json")
    )
    assert rows
    velden = {"aanbieder", "gemeente", "gerealiseerd_eurocent", "prognose_eurocent", "onder_eurocent",
              "boven_eurocent", "budget_eurocent", "methode"}  # fmt: skip
    for r in rows:
        assert set(r) == velden
        assert r["onder_eurocent"] <= r["prognose_eurocent"] <= r["boven_eurocent"]
        assert r["gerealiseerd_eurocent"] <= r["prognose_eurocent"]
        assert r["methode"] in {"naief", "seizoen", "pijplijn", "combinatie"}
    # Independently: claims for Jan-Apr 2024 received by 15 May, minus those rejected by then.
    r = max(rows, key=lambda x: x["gerealiseerd_eurocent"])
    peil = date(2024, 5, 15)
    afgewezen = set(
        PrestatieAfwijzing.objects.filter(
            dagtekening__lte=peil, gemeente=r["gemeente"], aanbieder=r["aanbieder"]
        ).values_list("referentie", flat=True)
    )
    qs = Prestatie.objects.filter(
        aanbieder=r["aanbieder"], gemeente=r["gemeente"], begindatum__gte=date(2024, 1, 1),
        begindatum__lt=date(2024, 5, 1), dagtekening__lte=peil,
    ).filter(~Q(referentie__in=afgewezen))  # fmt: skip
    assert qs.aggregate(s=Sum("bedrag"))["s"] == r["gerealiseerd_eurocent"]


@pytest.mark.django_db
def test_realisation_by_month_provider_gemeente_and_product(gesimuleerd):
    rows = json.loads(_cli("realisatie", "--region", "JZ13", "--year", "2024", "--format", "json"))
    assert {r["maand"] for r in rows} == {f"2024-{m:02d}" for m in range(1, 13)}
    for r in rows:
        assert r["goedgekeurd_eurocent"] == r["gedeclareerd_eurocent"] - r["afgewezen_eurocent"]
    jaar = Prestatie.objects.filter(begindatum__year=2024)
    assert sum(r["gedeclareerd_eurocent"] for r in rows) == jaar.aggregate(s=Sum("bedrag"))["s"]
    goedgekeurd = jaar.filter(afgewezen=False).aggregate(s=Sum("bedrag"))["s"]
    assert sum(r["goedgekeurd_eurocent"] for r in rows) == goedgekeurd


@pytest.mark.django_db
def test_the_backtest_behind_a_forecast_is_kept_until_the_data_change(gesimuleerd):
    from jeugdsturing.contracten.jaarprognose import prognose_rijen
    from jeugdsturing.contracten.models import Backtestuitslag, Indexatie
    from jeugdsturing.core.access import Scope
    from jeugdsturing.regio.models import Regio

    regio = Regio.objects.get(code="JZ13")
    Backtestuitslag.objects.all().delete()
    eerste, tabel = prognose_rijen(regio, 2024, 4, scope=Scope.beheer())
    assert Backtestuitslag.objects.count() == 1
    tweede, tabel2 = prognose_rijen(regio, 2024, 4, scope=Scope.beheer())
    assert (eerste, tabel) == (tweede, tabel2)
    assert Backtestuitslag.objects.count() == 1  # reused, not recomputed
    idx = Indexatie.objects.filter(regio=regio).first()
    idx.bron = "gewijzigd"
    idx.save()
    prognose_rijen(regio, 2024, 4, scope=Scope.beheer())
    assert Backtestuitslag.objects.count() == 2  # new data version


@pytest.mark.django_db
def test_the_forecast_is_computed_once_per_data_version_and_filtered_per_viewer(gesimuleerd):
    from jeugdsturing.contracten.jaarprognose import (
        bereken_prognose,
        jaarprognose,
        prognose_versie,
    )
    from jeugdsturing.contracten.models import Indexatie, Prognosestand
    from jeugdsturing.core.access import Scope
    from jeugdsturing.regio.models import Regio

    regio = Regio.objects.get(code="JZ13")
    Prognosestand.objects.all().delete()
    team = jaarprognose(regio, 2024, 4, scope=Scope.beheer())
    stand = Prognosestand.objects.get()
    assert stand.data_versie == prognose_versie(regio)
    # the kept forecast equals one computed afresh from the data
    rijen, realisatie, tabel = bereken_prognose(regio, 2024, 4)
    assert (stand.rijen, stand.realisatie, stand.tabel) == (rijen, realisatie, tabel)
    assert [{k: v for k, v in r.items() if k != "budget_eurocent"} for r in team.rijen] == rijen
    # a viewer gets the same kept forecast, filtered: a gemeente only its own rows
    gemeente = str(rijen[0]["gemeente"])
    eigen = jaarprognose(regio, 2024, 4, scope=Scope(gemeente=gemeente))
    assert Prognosestand.objects.count() == 1  # not recomputed
    assert {r["gemeente"] for r in eigen.rijen} == {gemeente}
    assert eigen.rijen == [r for r in team.rijen if r["gemeente"] == gemeente]
    assert eigen.maanden == [
        sum(v[i] for k, v in realisatie.items() if k.endswith(f"|{gemeente}")) for i in range(12)
    ]
    # new data (an indexation changes): a new version, computed once, the old one gone
    idx = Indexatie.objects.filter(regio=regio).first()
    idx.bron = "gewijzigd voor de test"
    idx.save()
    jaarprognose(regio, 2024, 4, scope=Scope.beheer())
    assert list(Prognosestand.objects.values_list("data_versie", flat=True)) == [
        prognose_versie(regio)
    ]
    assert stand.data_versie != prognose_versie(regio)


@pytest.mark.django_db
def test_the_column_wise_extracts_equal_the_orm_extracts(gesimuleerd):
    """issue 27: claims and trajectories read through the raw cursor (no per-row
    converters) are the same rows, with the same types, as through the ORM."""
    from jeugdsturing.berichten.models import Traject
    from jeugdsturing.contracten.selectors import claims_frame, gemeentecodes
    from jeugdsturing.core.kolommen import rauwe_rijen
    from jeugdsturing.monitor.selectors import TRAJECT_DATUMS, TRAJECT_VELDEN, monitor_data
    from jeugdsturing.regio.models import Regio

    regio = Regio.objects.get(code="JZ13")
    qs = Prestatie.objects.filter(gemeente__in=gemeentecodes(regio)).order_by("pk")
    velden = ("aanbieder", "gemeente", "begindatum", "bedrag", "tarief", "dagtekening")
    orm = list(qs.values_list(*velden))
    rauw = list(rauwe_rijen(qs, velden, datums=("begindatum", "dagtekening")))
    assert len(orm) > 1000
    assert rauw == orm
    assert [type(x) for x in rauw[0]] == [type(x) for x in orm[0]]
    claims = claims_frame(regio, 2024)
    assert len(claims) == qs.filter(begindatum__lt=date(2025, 1, 1)).count()
    tq = Traject.objects.filter(gemeente__in=gemeentecodes(regio)).order_by("pk")
    assert list(rauwe_rijen(tq, TRAJECT_VELDEN, datums=TRAJECT_DATUMS,
                            booleans=("taakgericht",))) == list(tq.values_list(*TRAJECT_VELDEN))  # fmt: skip
    # the forecast's trajectories: as the ORM would give them
    from jeugdsturing.contracten.selectors import trajecten_frame

    orm_trajecten = [
        (r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8])
        for r in Traject.objects.filter(gemeente__in=gemeentecodes(regio), taakgericht=False)
        .exclude(status="verwijderd")
        .values_list("aanbieder", "gemeente", "productcode", "begindatum", "start_gemeld_op",
                     "einddatum", "stop_gemeld_op", "toewijzingsdatum", "toewijzingnummer")
    ]  # fmt: skip
    assert [
        (t.aanbieder, t.gemeente, t.productcode, t.begindatum, t.start_gemeld_op, t.einddatum,
         t.stop_gemeld_op, t.toewijzingsdatum, t.toewijzingnummer)
        for t in trajecten_frame(regio)
    ] == orm_trajecten  # fmt: skip
    frames = monitor_data(regio)
    assert frames.trajecten.height == tq.exclude(status="verwijderd").count()


@pytest.mark.django_db
def test_realisation_page_puts_a_summary_per_provider_first_and_details_on_demand(gesimuleerd):
    from tests.conftest import login

    c = login("financien")
    html = c.get("/contracten/realisatie/?jaar=2024&maand=4").content.decode()
    samen = html[html.index('aria-label="Realisatie per aanbieder"') :]
    samen = samen[: samen.index("</table>")]
    regels = re.findall(
        r"<tr[^>]*><td><a href=\"\?jaar=2024&amp;maand=4&amp;aanbieder=(\d+)", samen
    )
    assert len(regels) == len(set(regels)) > 5  # one line per provider
    oordelen = re.findall(r"(boven budget verwacht|waarschijnlijk boven budget|"
                          r"mogelijk boven budget|binnen budget|geen budget bekend)", samen)  # fmt: skip
    rang = ["boven budget verwacht", "waarschijnlijk boven budget", "mogelijk boven budget",
            "binnen budget", "geen budget bekend"]  # fmt: skip
    assert [rang.index(o) for o in oordelen] == sorted(rang.index(o) for o in oordelen)
    for woord in ("pijplijn", "naief", "MAPE"):
        assert woord not in html
    assert '<details id="details">' in html  # closed until a provider is chosen
    # Details for one provider: only its lines, the panel open, sorted on request.
    agb = regels[0]
    html = c.get(
        f"/contracten/realisatie/?jaar=2024&maand=4&aanbieder={agb}&dsorteer=-prognose_eurocent"
    ).content.decode()
    assert '<details id="details" open>' in html
    detail = html[html.index('aria-label="Realisatie per aanbieder en gemeente"') :]
    detail = detail[: detail.index("</table>")]
    prognoses = [
        int(p.replace(".", "").replace(",", ""))
        for p in re.findall(
            r"<td class=\"getal\">€\xa0[\d.,]+</td><td class=\"getal\">€\xa0([\d.,]+)<br>", detail
        )
    ]
    assert 1 < len(prognoses) <= 6
    assert prognoses == sorted(prognoses, reverse=True)
    assert 'aria-sort="descending"' in detail
    # Malformed sort or page values fall back, never an error page.
    for q in ("dsorteer=%27", "dpagina=abc", "spagina=-1", "aanbieder=<x>"):
        assert c.get(f"/contracten/realisatie/?jaar=2024&{q}").status_code == 200, q


@st.composite
def _prognoserijen(draw):
    rijen = []
    for a in range(draw(st.integers(1, 5))):
        for g in range(draw(st.integers(1, 4))):
            gerealiseerd = draw(st.integers(0, 10**9))
            prognose = gerealiseerd + draw(st.integers(0, 10**9))
            onder = draw(st.integers(gerealiseerd, prognose))
            boven = prognose + draw(st.integers(0, 10**9))
            budget = draw(st.none() | st.integers(0, 3 * 10**9))
            rijen.append({
                "aanbieder": f"A{a}", "gemeente": f"G{g}", "gerealiseerd_eurocent": gerealiseerd,
                "prognose_eurocent": prognose, "onder_eurocent": onder,
                "boven_eurocent": boven, "budget_eurocent": budget, "methode": "pijplijn",
            })  # fmt: skip
    return rijen


@given(_prognoserijen())
def test_per_provider_summary_adds_up_and_puts_the_highest_risk_first(rijen):
    from jeugdsturing.contracten.jaarprognose import OORDELEN, per_aanbieder

    samen: list[Any] = per_aanbieder(rijen)
    assert len(samen) == len({r["aanbieder"] for r in rijen})
    for k in ("gerealiseerd_eurocent", "prognose_eurocent"):
        assert sum(s[k] for s in samen) == sum(r[k] for r in rijen)
    assert sum(s["budget_eurocent"] or 0 for s in samen) == sum(
        r["budget_eurocent"] or 0 for r in rijen
    )
    rang = [k for k, _ in OORDELEN]
    volgorde = [(rang.index(s["oordeel"]), -(s["risico_eurocent"] or 0)) for s in samen]
    assert volgorde == sorted(volgorde)
    for s in samen:
        b = s["budget_eurocent"]
        assert (s["risico_eurocent"] is None) == (not b)
        if s["oordeel"] == "boven":
            assert s["onder_eurocent"] > b
        if s["oordeel"] == "binnen":
            assert s["boven_eurocent"] <= b


def test_risk_classes_of_a_forecast_against_its_budget():
    from jeugdsturing.contracten.jaarprognose import oordeel

    assert oordeel(100, 90, 110, None) == "geen"
    assert oordeel(100, 90, 110, 0) == "geen"
    assert oordeel(100, 90, 110, 80) == "boven"
    assert oordeel(100, 90, 110, 95) == "waarschijnlijk"
    assert oordeel(100, 90, 110, 105) == "mogelijk"
    assert oordeel(100, 90, 110, 110) == "binnen"
