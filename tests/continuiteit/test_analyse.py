# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The transition analysis on hand-built trajectories (pure functions)."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from jeugdsturing.continuiteit.analyse import (
    HORIZON,
    Contractering,
    TrajectFeit,
    getroffen,
    kosten_per_jaar,
    plus_maanden,
)

OVERGANG = date(2028, 1, 1)
PEIL = date(2027, 10, 1)
AMBULANT, VERBLIJF = 1, 2  # theme ids
THEMA = {"45A01": AMBULANT, "43V01": VERBLIJF}
TARIEF = {"45A01": 11500, "43V01": 32000}
# A: no new contract; B: contracted for ambulant care only; C: contracted for both.
CONTRACT = Contractering({"B": frozenset({AMBULANT}), "C": frozenset({AMBULANT, VERBLIJF})})
# A flat curve: nobody ends (so the expected values are easy to check by hand).
VLAK = {"*": [1.0] * (HORIZON + 1)}


def traject(sleutel: str, aanbieder: str = "A", **kw: object) -> TrajectFeit:
    basis: dict[str, object] = {
        "sleutel": sleutel, "gemeente": "0362", "aanbieder": aanbieder,
        "client": f"c-{sleutel}", "gebied": "", "taakgericht": False,
        "toewijzingnummer": sleutel, "categorie": "45", "productcode": "45A01",
        "status": "lopend", "toewijzingsdatum": date(2027, 3, 1),
        "toewijzing_einddatum": date(2028, 2, 29), "begindatum": date(2027, 3, 15),
        "start_gemeld_op": date(2027, 3, 20), "einddatum": None, "stop_gemeld_op": None,
        "volume": 2, "frequentie": "2",
    }  # fmt: skip
    basis.update(kw)
    return TrajectFeit(**basis)  # type: ignore[arg-type]


def analyse(trajecten: list[TrajectFeit], curves: object = VLAK) -> dict[str, object]:
    return {
        g.traject.sleutel: g
        for g in getroffen(
            trajecten, overgang=OVERGANG, peil=PEIL, contractering=CONTRACT, product_thema=THEMA,
            tarieven=TARIEF, curves=curves,  # type: ignore[arg-type]
        )
    }  # fmt: skip


def test_running_across_the_date_at_an_uncontracted_provider_is_affected():
    g = analyse([traject("lopend")])["lopend"]
    assert g.reden == "niet_gecontracteerd"
    assert g.kans_lopend == 1.0
    # 2 hours a week x 52.18 weeks / 12 x EUR 115: EUR 1.000,18 a month, for the horizon.
    assert g.maandbedrag == round(2 * 365.25 / 12 / 7 * 11500)
    assert g.maandkosten == (g.maandbedrag,) * HORIZON
    assert g.restduur_maanden == HORIZON


def test_ended_before_the_date_is_not_affected_but_a_known_later_end_is():
    uit = analyse([
        traject("gestopt", einddatum=date(2027, 9, 30), stop_gemeld_op=date(2027, 9, 30)),
        traject("stopt-later", einddatum=date(2028, 3, 15), stop_gemeld_op=date(2027, 9, 30)),
        # a stop reported after the peildatum is not known yet: still running then
        traject("stop-onbekend", einddatum=date(2027, 11, 1), stop_gemeld_op=date(2027, 11, 5)),
    ])  # fmt: skip
    assert "gestopt" not in uit
    later = uit["stopt-later"]
    assert later.maandkosten[:2] == (later.maandbedrag, later.maandbedrag)
    assert later.maandkosten[2] == round(later.maandbedrag * 15 / 31)
    assert set(later.maandkosten[3:]) == {0}
    assert "stop-onbekend" in uit


def test_contracted_for_another_theme_only_loses_the_theme():
    uit = analyse([
        traject("b-verblijf", aanbieder="B", productcode="43V01", categorie="43", volume=7,
                frequentie="2"),
        traject("b-ambulant", aanbieder="B"),
        traject("c-verblijf", aanbieder="C", productcode="43V01", categorie="43"),
    ])  # fmt: skip
    assert uit["b-verblijf"].reden == "thema_verloren"
    assert "b-ambulant" not in uit
    assert "c-verblijf" not in uit


def test_a_contract_that_names_its_products_loses_the_others():
    per_product = Contractering({"B": frozenset({AMBULANT})}, {"B": frozenset({"45A02"})})
    uit = {
        g.traject.sleutel: g
        for g in getroffen(
            [traject("b-45A01", aanbieder="B"), traject("b-45A02", aanbieder="B",
                                                          productcode="45A02")],
            overgang=OVERGANG, peil=PEIL, contractering=per_product,
            product_thema={**THEMA, "45A02": AMBULANT}, tarieven=TARIEF, curves=VLAK,
        )
    }  # fmt: skip
    assert uit["b-45A01"].reden == "product_verloren"
    assert "b-45A02" not in uit


def test_taakgericht_care_is_costed_at_the_products_average():
    uit = analyse([
        traject("pxq"),
        traject("taak", taakgericht=True, toewijzingnummer="", toewijzingsdatum=None,
                toewijzing_einddatum=None, volume=None, frequentie=""),
    ])  # fmt: skip
    assert uit["taak"].maandbedrag == uit["pxq"].maandbedrag
    assert uit["taak"].traject.taakgericht


def test_assigned_not_started_is_expected_active_unless_it_waited_too_long():
    uit = analyse([
        traject("wacht", status="toegewezen", toewijzingsdatum=date(2027, 9, 1),
                begindatum=None, start_gemeld_op=None),
        traject("te-lang", status="toegewezen", toewijzingsdatum=date(2027, 2, 1),
                begindatum=None, start_gemeld_op=None),
        traject("verwijderd", status="verwijderd"),
        traject("aangevraagd", status="aangevraagd", begindatum=None, start_gemeld_op=None),
    ])  # fmt: skip
    assert set(uit) == {"wacht"}


def test_the_chance_to_still_run_comes_from_the_products_curve():
    # Half of the trajectories end in every month: running at age 6 on the peildatum
    # (started March, peildatum October), the chance to run at age 9 (January) is 1/8.
    curve = [0.5**a for a in range(HORIZON + 1)]
    g = analyse([traject("lopend")], curves={"45A01": curve, "*": curve})["lopend"]
    assert g.kans_lopend == 0.125
    assert g.restduur_maanden == round(sum(0.5 ** (k + 3) for k in range(HORIZON)), 2)


@given(
    bedragen=st.lists(st.integers(0, 10**7), min_size=HORIZON, max_size=HORIZON),
    maanden=st.integers(0, HORIZON - 1),
)
def test_the_years_add_up_to_the_months(bedragen: list[int], maanden: int):
    """Split over years, the cost to a date is the whole months before it plus the
    share of days of its month; to the horizon's end it is the sum of the months."""
    assert sum(kosten_per_jaar(bedragen, OVERGANG, None).values()) == sum(bedragen)
    tot = plus_maanden(OVERGANG, maanden + 1)  # the last day of month `maanden`
    assert sum(kosten_per_jaar(bedragen, OVERGANG, tot).values()) == sum(bedragen[: maanden + 1])


def test_within_months_is_the_day_before():
    assert plus_maanden(OVERGANG, 6) == date(2028, 6, 30)
    assert plus_maanden(date(2028, 1, 31), 1) == date(2028, 2, 28)
