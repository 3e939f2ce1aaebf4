# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Timely and complete information (steering element 2): the pure figures, their
properties, and the page per role."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jeugdsturing.berichten.models import Traject
from jeugdsturing.contracten.prognose import Claim
from jeugdsturing.monitor.indicatoren import Periode, perioden
from jeugdsturing.monitor.informatie import (
    INFORMATIE_AANTALLEN,
    InformatieData,
    Rapportage,
    Retour,
    Toewijzingsregel,
    informatie,
    is_afgekeurd,
    pxq_maanden,
    rapportage_deadline,
    zonder_start_op,
)
from tests.conftest import login

D = date
JAN_APR = Periode(D(2027, 1, 1), D(2027, 4, 30))


def traject(**kw: object) -> Toewijzingsregel:
    basis: dict[str, object] = {
        "aanbieder": "11111111", "gemeente": "0362", "toewijzingnummer": "1",
        "taakgericht": False, "frequentie": "2", "toewijzingsdatum": D(2027, 1, 4),
        "toewijzing_ingangsdatum": D(2027, 1, 4), "toewijzing_einddatum": None,
        "begindatum": D(2027, 1, 10), "start_gemeld_op": D(2027, 1, 12), "einddatum": None,
    }  # fmt: skip
    return Toewijzingsregel(**(basis | kw))  # type: ignore[arg-type]


def claim(t: Toewijzingsregel, maand: int, **kw: object) -> Claim:
    basis: dict[str, object] = {
        "aanbieder": t.aanbieder, "gemeente": t.gemeente, "productcode": "45A01",
        "zorgmaand": D(2027, maand, 1), "bedrag": 10_000, "tarief": None,
        "ontvangen": D(2027, maand, 1) + timedelta(days=40), "afgewezen_op": None,
        "toewijzingnummer": t.toewijzingnummer,
    }  # fmt: skip
    return Claim(**(basis | kw))  # type: ignore[arg-type]


def data(trajecten=(), claims=(), retouren=(), rapportages=()) -> InformatieData:
    return InformatieData(list(trajecten), list(claims), list(retouren), list(rapportages))


def test_an_assignment_waits_for_its_start_after_n_days_while_it_runs():
    t = traject(begindatum=None, start_gemeld_op=None)
    assert not zonder_start_op(t, D(2027, 2, 2))  # 29 days
    assert zonder_start_op(t, D(2027, 2, 3))  # 30 days
    assert not zonder_start_op(t, D(2027, 2, 3), dagen=31)
    # counted from its first day when that lies after the assignment date
    assert not zonder_start_op(replace(t, toewijzing_ingangsdatum=D(2027, 2, 1)), D(2027, 2, 3))
    # an assignment that has ended no longer waits
    assert not zonder_start_op(replace(t, toewijzing_einddatum=D(2027, 2, 1)), D(2027, 2, 3))
    # a start reported after the day does not count on the day, and does after
    gestart = replace(t, begindatum=D(2027, 2, 1), start_gemeld_op=D(2027, 3, 1))
    assert zonder_start_op(gestart, D(2027, 2, 28))
    assert not zonder_start_op(gestart, D(2027, 3, 1))
    assert not zonder_start_op(replace(t, taakgericht=True), D(2027, 6, 1))


def test_pxq_months_skip_taakgericht_care_and_total_volumes():
    t = traject(einddatum=D(2027, 3, 15))
    assert len(pxq_maanden(t, D(2027, 12, 31))) == 3
    assert len(pxq_maanden(t, D(2027, 2, 10))) == 2  # as known on 10 February
    assert not pxq_maanden(replace(t, frequentie="6"), D(2027, 12, 31))
    assert not pxq_maanden(replace(t, taakgericht=True), D(2027, 12, 31))
    assert not pxq_maanden(replace(t, start_gemeld_op=D(2027, 5, 1)), D(2027, 4, 30))


def test_a_month_without_a_claim_counts_and_a_later_claim_settles_it():
    t = traject()
    claims = [claim(t, m) for m in (1, 2, 4)]  # March is missing
    [rij] = informatie(data([t], claims), [JAN_APR], peil=D(2027, 6, 30))
    assert (rij["pxq_trajectmaanden"], rij["pxq_zonder_declaratie"]) == (4, 1)
    assert rij["zonder_declaratie_pct"] == 25.0
    laat = claim(t, 3, ontvangen=D(2027, 7, 10))
    [voor] = informatie(data([t], [*claims, laat]), [JAN_APR], peil=D(2027, 6, 30))
    [na] = informatie(data([t], [*claims, laat]), [JAN_APR], peil=D(2027, 7, 31))
    assert (voor["pxq_zonder_declaratie"], na["pxq_zonder_declaratie"]) == (1, 0)
    # a month that is not over yet is not judged
    [lopend] = informatie(data([t], claims[:1]), [JAN_APR], peil=D(2027, 2, 27))
    assert lopend["pxq_trajectmaanden"] == 1


def test_replies_and_claim_lines_rejected_and_reports_on_time():
    assert is_afgekeurd(["0200", "8001"])
    assert not is_afgekeurd(["0200", "0200"])
    retouren = [Retour("11111111", "0362", D(2027, 2, m), m % 4 == 0) for m in range(1, 13)]
    t = traject()
    claims = [claim(t, 1), claim(t, 2, afgewezen_op=D(2027, 3, 20))]
    raps = [
        Rapportage("11111111", 2026, 12, rapportage_deadline(2026, 12), D(2027, 1, 20)),
        Rapportage("11111111", 2027, 4, rapportage_deadline(2027, 4), D(2027, 6, 3)),
    ]
    [rij] = informatie(data([t], claims, retouren, raps), [Periode(D(2027, 1, 1), D(2027, 6, 30))],
                       peil=D(2027, 7, 31))  # fmt: skip
    assert (rij["retourberichten"], rij["retour_afgekeurd"], rij["retour_afgekeurd_pct"]) == (
        12, 3, 25.0,
    )  # fmt: skip
    assert (rij["declaratieregels"], rij["declaratieregels_afgewezen"]) == (2, 1)
    assert (rij["rapportages_verwacht"], rij["rapportages_tijdig"], rij["rapportages_te_laat"]) == (
        2, 1, 1,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("jaar", "maanden", "deadline"),
    [(2027, 4, D(2027, 5, 31)), (2027, 8, D(2027, 9, 30)), (2026, 12, D(2027, 1, 31))],
)
def test_a_report_is_due_a_month_after_its_period(jaar, maanden, deadline):
    assert rapportage_deadline(jaar, maanden) == deadline


# --- properties ---------------------------------------------------------------------------

dagen_ = st.integers(min_value=0, max_value=400).map(lambda n: D(2026, 10, 1) + timedelta(n))
trajecten_ = st.builds(
    lambda a, g, n, tw, wacht, gemeld, duur, freq: traject(
        aanbieder=a, gemeente=g, toewijzingnummer=str(n), toewijzingsdatum=tw,
        toewijzing_ingangsdatum=tw, frequentie=freq,
        begindatum=None if wacht is None else tw + timedelta(wacht),
        start_gemeld_op=None if wacht is None else tw + timedelta(wacht + gemeld),
        einddatum=None if wacht is None or duur is None else tw + timedelta(wacht + duur),
    ),
    st.sampled_from(["11111111", "22222222", "33333333"]), st.sampled_from(["0362", "0363"]),
    st.integers(0, 60), dagen_, st.none() | st.integers(0, 90), st.integers(0, 20),
    st.none() | st.integers(0, 200), st.sampled_from(["1", "2", "4", "6"]),
)  # fmt: skip


@st.composite
def gegevens(draw: st.DrawFn) -> InformatieData:
    ts = draw(st.lists(trajecten_, max_size=25))
    claims = [
        claim(t, 1, zorgmaand=D(2027, m, 1), ontvangen=D(2027, m, 1) + timedelta(draw(st.integers(20, 70))),
              afgewezen_op=D(2027, m, 1) + timedelta(75) if draw(st.booleans()) else None)
        for t in ts for m in range(1, 13) if draw(st.integers(0, 3)) > 0
    ]  # fmt: skip
    retouren = [
        Retour(draw(st.sampled_from(["11111111", "22222222"])), "0362", d, draw(st.booleans()))
        for d in draw(st.lists(dagen_, max_size=20))
    ]
    return data(ts, claims, retouren)


PP = perioden(D(2027, 1, 1), D(2027, 6, 30), "kwartaal")


@given(gegevens(), st.sampled_from(["aanbieder", "gemeente"]))
def test_the_groups_add_up_to_the_total(d, dim):
    peil = D(2027, 8, 31)
    totaal = {r["periode_van"]: r for r in informatie(d, PP, peil=peil)}
    som: dict[date, dict[str, int]] = {}
    for r in informatie(d, PP, [dim], peil=peil):
        cel = som.setdefault(r["periode_van"], {})
        for k in (*INFORMATIE_AANTALLEN, "pxq_trajectmaanden", "retourberichten",
                  "declaratieregels"):  # fmt: skip
            cel[k] = cel.get(k, 0) + r[k]
    assert set(som) == set(totaal)
    for van, cel in som.items():
        for k, v in cel.items():
            assert totaal[van][k] == v, k


@given(gegevens(), st.integers(0, 60), st.integers(0, 60))
def test_a_longer_term_never_finds_more_waiting_assignments(d, a, b):
    peil = D(2027, 8, 31)
    kort, lang = min(a, b), max(a, b)
    n_kort = {r["periode_van"]: r["toewijzingen_zonder_start"]
              for r in informatie(d, PP, peil=peil, dagen=kort)}  # fmt: skip
    for r in informatie(d, PP, peil=peil, dagen=lang):
        assert r["toewijzingen_zonder_start"] <= n_kort.get(r["periode_van"], 0)


@given(gegevens())
def test_parts_never_exceed_their_whole_and_rates_stay_in_range(d):
    for r in informatie(d, PP, ["aanbieder"], peil=D(2027, 8, 31)):
        assert 0 <= r["pxq_zonder_declaratie"] <= r["pxq_trajectmaanden"]
        assert 0 <= r["retour_afgekeurd"] <= r["retourberichten"]
        assert 0 <= r["declaratieregels_afgewezen"] <= r["declaratieregels"]
        for k in ("zonder_declaratie_pct", "retour_afgekeurd_pct", "afgewezen_pct"):
            assert r[k] is None or 0 <= r[k] <= 100


# --- the page -----------------------------------------------------------------------------

JAAR = "van=2027-01-01&tot=2027-12-31"


@pytest.mark.django_db
def test_the_team_sees_every_provider_and_a_provider_only_itself(trajecten, agb):
    # one assignment of Amstelzorg waits for its start (a new row: the monitor's cache
    # sees the data change)
    eerste = Traject.objects.get(sleutel="test-1")
    Traject.objects.create(
        sleutel="test-wacht", gemeente=eerste.gemeente, aanbieder=eerste.aanbieder,
        client=eerste.client, toewijzingnummer="9999", productcode=eerste.productcode,
        categorie=eerste.categorie, toewijzingsdatum=date(2027, 3, 1),
        toewijzing_ingangsdatum=date(2027, 3, 1), status="toegewezen",
    )  # fmt: skip
    team = login("contractmanager").get(f"/monitor/informatie/?{JAAR}")
    html = team.content.decode()
    assert team.status_code == 200
    for naam in ("Horizon Jeugd", "Arkin Jong", "Amstelzorg"):
        assert naam in html
    eigen = login("aanbieder").get(f"/monitor/informatie/?{JAAR}").content.decode()
    assert "Amstelzorg" in eigen
    assert "Horizon Jeugd" not in eigen
    assert "Arkin Jong" not in eigen
    assert "&lt;5" in eigen  # the one waiting assignment is a small number
    assert "Uw deel" in eigen
    assert ">Regio<" in eigen


@pytest.mark.django_db
@pytest.mark.parametrize("rol", ["raad", "beoordelaar"])
def test_the_page_is_closed_to_roles_without_the_monitor(rol):
    assert login(rol).get("/monitor/informatie/").status_code == 403


@pytest.mark.django_db
def test_export_as_excel(trajecten):
    r = login("data-analist").get(f"/monitor/informatie/?{JAAR}&export=xlsx")
    assert r.status_code == 200
    assert r["Content-Type"].startswith("application/vnd.openxmlformats")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ["van=0001-01-01&tot=9999-12-31", "van=kapot", "tot=2027-02-30", "cijfer=onzin",
     "aanbieder=bestaat-niet"],
)  # fmt: skip
def test_bad_parameters_give_a_page_not_an_error(query):
    r = login("contractmanager").get(f"/monitor/informatie/?{query}")
    assert r.status_code == 200
