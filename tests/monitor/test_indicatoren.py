# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The indicator engine on small hand-made tables: every indicator and every edge case of
docs/indicatoren.md with a value computed by hand, plus properties (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import polars as pl
import pytest

from jeugdsturing.monitor.indicatoren import (
    INDICATOREN,
    TRAJECT_SCHEMA,
    VERLENGING_SCHEMA,
    Normen,
    Periode,
    achterliggend,
    bereken,
    perioden,
    verlengingsmomenten,
)

D = date
JAAR = Periode(D(2027, 1, 1), D(2027, 12, 31))


def traj(id: int, client: str = "c1", **kw: Any) -> dict[str, Any]:
    """A trajectory with quiet defaults: provider P1 in gemeente 0362, product 45A01,
    assigned 2026-12-01 without request, started 2027-01-04 and reported the same day."""
    rij: dict[str, Any] = {
        "id": id, "client": client, "aanbieder": "P1", "gemeente": "0362", "gebied": "Noord",
        "thema": "A", "categorie": "45", "verwijzer": "01", "productcode": "45A01",
        "taakgericht": False, "toewijzingnummer": str(id), "verzoekdatum": None,
        "toewijzingsdatum": D(2026, 12, 1), "begindatum": D(2027, 1, 4), "einddatum": None,
        "reden": None, "start_gemeld_op": None, "stop_gemeld_op": None,
    }  # fmt: skip
    rij.update(kw)
    if "start_gemeld_op" not in kw:
        rij["start_gemeld_op"] = rij["begindatum"]
    if "stop_gemeld_op" not in kw and rij["einddatum"] is not None:
        rij["stop_gemeld_op"] = rij["einddatum"]
    return rij


def frame(*rijen: dict[str, Any]) -> pl.DataFrame:
    return pl.DataFrame(list(rijen), schema=TRAJECT_SCHEMA)


def verl(*paren: tuple[int, date]) -> pl.DataFrame:
    return pl.DataFrame([{"id": i, "datum": d} for i, d in paren], schema=VERLENGING_SCHEMA)


def een(
    t: pl.DataFrame,
    periode: Periode = JAAR,
    v: pl.DataFrame | None = None,
    bevolking: pl.DataFrame | None = None,
    **kw: Any,
) -> dict[str, Any]:
    rows = bereken(t, verl() if v is None else v, [periode], bevolking=bevolking, **kw).to_dicts()
    assert len(rows) == 1
    return rows[0]


# --- the table: (case, trajectories, period, expected) -------------------------------

GEVALLEN: list[tuple[str, list[dict[str, Any]], Periode, dict[str, Any]]] = [
    (
        "open trajectory: in care and inflow, no outflow, duration undefined",
        [traj(1)],
        JAAR,
        {"clienten_in_zorg": 1, "instroom": 1, "nieuwe_clienten": 1, "uitstroom": 0,
         "doorlooptijd_mediaan_dagen": None, "doorlooptijd_gemiddeld_dagen": None, "herhaald_gebruik_pct": None},
    ),
    (
        "started before the period and still open: in care, not inflow",
        [traj(1, begindatum=D(2026, 6, 1))],
        JAAR,
        {"clienten_in_zorg": 1, "instroom": 0, "nieuwe_clienten": 0, "wachttijd_mediaan_dagen": None},
    ),
    (
        "ended the day before the period: not in care",
        [traj(1, begindatum=D(2026, 6, 1), einddatum=D(2026, 12, 31), reden="31"),
         traj(2, client="c2")],
        JAAR,
        {"clienten_in_zorg": 1, "uitstroom": 0},
    ),
    (
        "same-day start and stop: one day of care, in inflow and outflow",
        [traj(1, begindatum=D(2027, 3, 3), einddatum=D(2027, 3, 3), reden="31")],
        JAAR,
        {"clienten_in_zorg": 1, "instroom": 1, "uitstroom": 1, "uitstroom_volgens_plan": 1,
         "doorlooptijd_mediaan_dagen": 1.0, "doorlooptijd_p80_dagen": 1.0, "doorlooptijd_gemiddeld_dagen": 1.0},
    ),
    (
        "durations 10, 20, 30, 100 days: median 25, p80 = 30 + 0.4*70 = 58, mean 40",
        [traj(i, client=f"c{i}", begindatum=D(2027, 1, 1),
              einddatum=D(2027, 1, 1) + timedelta(days=dur - 1), reden="31")
         for i, dur in enumerate([10, 20, 30, 100], start=1)],
        JAAR,
        {"uitstroom": 4, "doorlooptijd_mediaan_dagen": 25.0, "doorlooptijd_p80_dagen": 58.0,
         "doorlooptijd_gemiddeld_dagen": 40.0},
    ),
    (
        "outflow split by reason: 31 planned, 32-35 drop-out, the rest other",
        [traj(1, einddatum=D(2027, 5, 1), reden="31"),
         traj(2, client="c2", einddatum=D(2027, 5, 1), reden="32"),
         traj(3, client="c3", einddatum=D(2027, 5, 1), reden="35"),
         traj(4, client="c4", einddatum=D(2027, 5, 1), reden="36"),
         traj(5, client="c5", einddatum=D(2027, 5, 1), reden="39")],
        JAAR,
        {"uitstroom": 5, "uitstroom_volgens_plan": 1, "uitstroom_voortijdig": 2, "uitstroom_overig": 2},
    ),
    (
        "a stop without a start (out of order): counts, but not as a timely start",
        [traj(1, begindatum=D(2027, 2, 1), einddatum=D(2027, 4, 30), reden="31",
              start_gemeld_op=None)],
        JAAR,
        {"instroom": 1, "uitstroom": 1, "doorlooptijd_mediaan_dagen": 89.0,
         "startberichten_tijdig_pct": 0.0, "stopberichten_tijdig_pct": 100.0},
    ),
    (
        "new client: earlier care ended 366 days before the start is not 'active in the "
        "365 days before'; ended 365 days before is",
        [traj(1, client="a", begindatum=D(2025, 1, 1), einddatum=D(2026, 3, 1), reden="31"),
         traj(2, client="a", begindatum=D(2027, 3, 2)),
         traj(3, client="b", begindatum=D(2025, 1, 1), einddatum=D(2026, 3, 2), reden="31"),
         traj(4, client="b", begindatum=D(2027, 3, 2))],
        JAAR,
        {"instroom": 2, "nieuwe_clienten": 1},
    ),
    (
        "two products starting the same day for a new client: one new client",
        [traj(1, client="a", begindatum=D(2027, 3, 2)),
         traj(2, client="a", begindatum=D(2027, 3, 2), productcode="45B01")],
        JAAR,
        {"instroom": 2, "nieuwe_clienten": 1, "clienten_in_zorg": 1},
    ),
    (
        "waiting: from the request when there is one, else from the assignment; a start "
        "before the assignment counts 0; median of 0, 10, 50 = 10; 2 of 3 within 42 days",
        [traj(1, client="a", toewijzingsdatum=D(2027, 2, 1), begindatum=D(2027, 1, 20)),
         traj(2, client="b", verzoekdatum=D(2027, 2, 1), toewijzingsdatum=D(2027, 2, 8),
              begindatum=D(2027, 2, 11)),
         traj(3, client="c", toewijzingsdatum=D(2027, 2, 1), begindatum=D(2027, 3, 23))],
        JAAR,
        {"wachttijd_mediaan_dagen": 10.0, "binnen_wachtnorm_pct": 66.7},
    ),
    (
        "taakgericht without assignment: no waiting or access time, still inflow",
        [traj(1, taakgericht=True, toewijzingnummer=None, toewijzingsdatum=None)],
        JAAR,
        {"instroom": 1, "wachttijd_mediaan_dagen": None, "binnen_wachtnorm_pct": None,
         "toegangstijd_mediaan_werkdagen": None},
    ),
    (
        "access in working days: request Fri 2027-04-23, assigned Fri 2027-04-30 = 4 "
        "(Koningsdag Tue 27 April is no working day); request Mon 3 May, assigned Mon 10 "
        "May = 3 (Bevrijdingsdag 5 May, Hemelvaartsdag 6 May); median 3.5",
        [traj(1, client="a", verzoekdatum=D(2027, 4, 23), toewijzingsdatum=D(2027, 4, 30),
              begindatum=D(2027, 5, 17)),
         traj(2, client="b", verzoekdatum=D(2027, 5, 3), toewijzingsdatum=D(2027, 5, 10),
              begindatum=None)],
        JAAR,
        {"toegangstijd_mediaan_werkdagen": 3.5, "instroom": 1},
    ),
    (
        "assigned but not started: only access time counts",
        [traj(1, verzoekdatum=D(2027, 6, 1), toewijzingsdatum=D(2027, 6, 3), begindatum=None)],
        JAAR,
        {"clienten_in_zorg": 0, "instroom": 0, "toegangstijd_mediaan_werkdagen": 2.0},
    ),
    (
        "start message timeliness: begin Thu 2027-04-22; the 5th working day after is Fri "
        "30 April (27 April is Koningsdag): 30 April is on time, 3 May late",
        [traj(1, client="a", begindatum=D(2027, 4, 22), start_gemeld_op=D(2027, 4, 30)),
         traj(2, client="b", begindatum=D(2027, 4, 22), start_gemeld_op=D(2027, 5, 3))],
        JAAR,
        {"startberichten_tijdig_pct": 50.0},
    ),
    (
        "stop message timeliness: end Wed 2027-12-22; Christmas 2027 falls on the weekend, "
        "so the 5th working day after is Wed 29 Dec",
        [traj(1, client="a", einddatum=D(2027, 12, 22), reden="31",
              stop_gemeld_op=D(2027, 12, 29)),
         traj(2, client="b", einddatum=D(2027, 12, 22), reden="31",
              stop_gemeld_op=D(2027, 12, 30)),
         traj(3, client="c", einddatum=D(2027, 12, 22), reden="31",
              stop_gemeld_op=D(2027, 12, 23)),
         traj(4, client="d", einddatum=D(2027, 12, 22), reden="31",
              stop_gemeld_op=D(2028, 1, 5))],
        JAAR,
        {"stopberichten_tijdig_pct": 50.0},
    ),
    (
        "repeat use: planned ends in 2026 (the cohort whose 365-day window ends in 2027); "
        "a returns after 365 days (counts), b after 366 (not), c's drop-out is no cohort",
        [traj(1, client="a", begindatum=D(2026, 1, 5), einddatum=D(2026, 3, 1), reden="31"),
         traj(2, client="a", begindatum=D(2027, 3, 1)),
         traj(3, client="b", begindatum=D(2026, 1, 5), einddatum=D(2026, 3, 1), reden="31"),
         traj(4, client="b", begindatum=D(2027, 3, 2)),
         traj(5, client="c", begindatum=D(2026, 1, 5), einddatum=D(2026, 3, 1), reden="33"),
         traj(6, client="c", begindatum=D(2026, 4, 1))],
        JAAR,
        {"herhaald_gebruik_pct": 50.0},
    ),
    (
        "repeat use needs a later start: a trajectory already running at the end does not count",
        [traj(1, client="a", begindatum=D(2026, 1, 5), einddatum=D(2026, 3, 1), reden="31"),
         traj(2, client="a", begindatum=D(2026, 2, 1))],
        JAAR,
        {"herhaald_gebruik_pct": 0.0},
    ),
    (
        "residential share: 2 of 4 clients had a 43/44 trajectory (d's ended on 1 January)",
        [traj(1, client="a", categorie="43"), traj(2, client="a"),
         traj(3, client="b"), traj(4, client="c"), traj(5, client="d", categorie="44",
         begindatum=D(2026, 1, 1), einddatum=D(2027, 1, 1), reden="31")],
        JAAR,
        {"clienten_in_zorg": 4, "aandeel_verblijf_pct": 50.0},
    ),
    (
        "new placement: a move between residential products the next day is not new; "
        "2 new placements per 4,000 youths = 0.5 per 1,000",
        [traj(1, client="a", categorie="43", begindatum=D(2027, 2, 1), einddatum=D(2027, 5, 31),
              reden="36"),
         traj(2, client="a", categorie="44", begindatum=D(2027, 6, 1)),
         traj(3, client="b", categorie="43", begindatum=D(2026, 2, 1), einddatum=D(2026, 5, 31),
              reden="31"),
         traj(4, client="b", categorie="44", begindatum=D(2027, 6, 1))],
        JAAR,
        {"plaatsingen_per_1000": 0.5},
    ),
    (
        "a trajectory with an einddatum after the period is open within it",
        [traj(1, begindatum=D(2027, 11, 1), einddatum=D(2028, 2, 1), reden="31")],
        JAAR,
        {"clienten_in_zorg": 1, "instroom": 1, "uitstroom": 0},
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "rijen", "periode", "verwacht"), GEVALLEN, ids=[g[0][:60] for g in GEVALLEN]
)
def test_indicator_table(case, rijen, periode, verwacht):
    bevolking = pl.DataFrame({"gemeente": ["0362"], "jongeren_0_17": [4000]})
    rij = een(frame(*rijen), periode, bevolking=bevolking)
    for key, waarde in verwacht.items():
        assert rij[key] == waarde, f"{case}: {key} = {rij[key]}, verwacht {waarde}"


def test_every_indicator_is_in_the_table():
    gedekt = {k for _, _, _, v in GEVALLEN for k in v} | {"verlengingen"}
    assert set(INDICATOREN) <= gedekt


def test_extensions_count_events_in_the_period_by_their_date():
    t = frame(traj(1), traj(2, client="b"))
    v = verl((1, D(2026, 12, 20)), (1, D(2027, 4, 1)), (2, D(2027, 8, 1)), (2, D(2028, 1, 2)))
    assert een(t, v=v)["verlengingen"] == 2


def test_extension_events_from_assignment_versions():
    """RedenWijziging 04 counts (also on the first version); a later Einddatum than the
    version before counts; an earlier one (a shortening) does not."""
    versies = pl.DataFrame(
        [
            ("0362", "1", D(2027, 1, 1), 1, D(2027, 6, 30), "01"),
            ("0362", "1", D(2027, 6, 1), 2, D(2027, 12, 31), "01"),  # later end: extension
            ("0362", "1", D(2027, 9, 1), 3, D(2027, 10, 31), "01"),  # shortened: none
            ("0362", "2", D(2027, 2, 1), 4, D(2027, 3, 1), "04"),  # 04 on the first version
            ("0362", "3", D(2027, 2, 1), 5, None, "01"),
            ("0362", "3", D(2027, 3, 1), 6, D(2027, 5, 1), "01"),  # from open to an end: none
        ],
        schema={"gemeente": pl.String, "nummer": pl.String, "dagtekening": pl.Date,
                "volgorde": pl.Int64, "einddatum": pl.Date, "reden_wijziging": pl.String},
        orient="row",
    )  # fmt: skip
    events = verlengingsmomenten(versies).sort("nummer", "datum").rows()
    assert events == [("0362", "1", D(2027, 6, 1)), ("0362", "2", D(2027, 2, 1))]


def test_a_client_who_moves_counts_in_both_gemeenten_once_in_the_region_and_is_not_new():
    t = frame(
        traj(1, client="a", gemeente="0362", begindatum=D(2026, 5, 1), einddatum=D(2027, 3, 31),
             reden="38"),
        traj(2, client="a", gemeente="0363", begindatum=D(2027, 4, 1)),
    )  # fmt: skip
    regio = een(t)
    assert (regio["clienten_in_zorg"], regio["instroom"], regio["nieuwe_clienten"]) == (1, 1, 0)
    per = {r["gemeente"]: r for r in bereken(t, verl(), [JAAR], ["gemeente"]).to_dicts()}
    assert per["0362"]["clienten_in_zorg"] == 1
    assert per["0363"]["clienten_in_zorg"] == 1
    assert per["0363"]["nieuwe_clienten"] == 0


def test_a_view_keeps_the_client_history_from_elsewhere():
    """A provider sees only its own trajectories, but 'new' looks at all care."""
    t = frame(
        traj(1, client="a", aanbieder="P1", begindatum=D(2026, 10, 1), einddatum=D(2027, 1, 31),
             reden="31"),
        traj(2, client="a", aanbieder="P2", begindatum=D(2027, 2, 1)),
    )  # fmt: skip
    rij = een(t, zicht=pl.col("aanbieder") == "P2")
    assert (rij["instroom"], rij["nieuwe_clienten"], rij["clienten_in_zorg"]) == (1, 0, 1)


def test_periods_split_spanning_trajectories():
    t = frame(traj(1, begindatum=D(2027, 3, 10), einddatum=D(2027, 5, 20), reden="31"))
    rows = bereken(t, verl(), perioden(D(2027, 1, 1), D(2027, 6, 30), "maand")).to_dicts()
    per = {r["periode_van"].month: r for r in rows}
    assert sorted(per) == [3, 4, 5]  # months without events have no row
    assert [per[m]["clienten_in_zorg"] for m in (3, 4, 5)] == [1, 1, 1]
    assert [per[m]["instroom"] for m in (3, 4, 5)] == [1, 0, 0]
    assert [per[m]["uitstroom"] for m in (3, 4, 5)] == [0, 0, 1]


def test_dimensions_and_nulls():
    t = frame(
        traj(1, client="a", aanbieder="P1", verwijzer=None),
        traj(2, client="b", aanbieder="P2", verwijzer="02", verzoekdatum=D(2026, 11, 20)),
        traj(3, client="c", aanbieder="P2", verwijzer="02"),
    )
    rows = bereken(t, verl(), [JAAR], ["aanbieder", "verwijzer"]).to_dicts()
    sleutels = [(r["aanbieder"], r["verwijzer"], r["instroom"]) for r in rows]
    assert sleutels == [("P1", None, 1), ("P2", "02", 2)]
    with pytest.raises(ValueError, match="onbekende dimensie"):
        bereken(t, verl(), [JAAR], ["kleur"])


def test_periods_and_comparison_periods():
    kw = perioden(D(2027, 2, 15), D(2027, 9, 30), "kwartaal")
    assert [(p.van, p.tot) for p in kw] == [
        (D(2027, 2, 15), D(2027, 3, 31)), (D(2027, 4, 1), D(2027, 6, 30)),
        (D(2027, 7, 1), D(2027, 9, 30)),
    ]  # fmt: skip
    assert len(perioden(D(2027, 1, 1), D(2027, 12, 31), "maand")) == 12
    assert perioden(D(2027, 1, 1), D(2027, 12, 31), "halfjaar")[1].van == D(2027, 7, 1)
    assert Periode(D(2027, 4, 1), D(2027, 6, 30)).vorige() == Periode(D(2027, 1, 1), D(2027, 3, 31))
    assert Periode(D(2027, 1, 1), D(2027, 12, 31)).vorige() == Periode(
        D(2026, 1, 1), D(2026, 12, 31)
    )
    assert Periode(D(2027, 3, 1), D(2027, 3, 31)).vorige() == Periode(D(2027, 2, 1), D(2027, 2, 28))
    assert Periode(D(2027, 1, 5), D(2027, 1, 14)).vorige() == Periode(
        D(2026, 12, 26), D(2027, 1, 4)
    )
    with pytest.raises(ValueError, match="sluiten niet aan"):
        bereken(frame(traj(1)), verl(), [JAAR, Periode(D(2028, 1, 2), D(2028, 2, 1))])


def test_drill_down_lists_exactly_the_trajectories_behind_a_figure():
    t = frame(
        traj(1, client="a", einddatum=D(2027, 5, 1), reden="32"),
        traj(2, client="b", einddatum=D(2027, 5, 1), reden="31"),
        traj(3, client="c", aanbieder="P2", einddatum=D(2027, 5, 1), reden="33"),
        traj(4, client="d", einddatum=D(2028, 5, 1), reden="33"),
    )
    ids = achterliggend(t, verl(), JAAR, "uitstroom_voortijdig")["id"].to_list()
    assert ids == [1, 3]
    assert achterliggend(t, verl(), JAAR, "uitstroom_voortijdig", {"aanbieder": "P1"})[
        "id"
    ].to_list() == [1]
    rij = een(t)
    assert rij["uitstroom_voortijdig"] == 2
    assert len(achterliggend(t, verl(), JAAR, "clienten_in_zorg")) == 4


def test_norms_are_configurable():
    t = frame(traj(1, toewijzingsdatum=D(2027, 1, 1), begindatum=D(2027, 1, 31)))
    assert een(t)["binnen_wachtnorm_pct"] == 100.0
    assert een(t, normen=Normen(wachtnorm_dagen=14))["binnen_wachtnorm_pct"] == 0.0


# --- working days ------------------------------------------------------------------------
