# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The continuity budget: reserved from the plan inside the budget table, exact to the
cent, without touching the lump sums; realised from the claims of continued care."""

from __future__ import annotations

import calendar
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from jeugdsturing.berichten import schrijven as w
from jeugdsturing.continuiteit import selectors, services
from jeugdsturing.continuiteit.analyse import kosten_per_jaar
from jeugdsturing.continuiteit.models import Besluit, Transitie
from jeugdsturing.continuiteit.plan import Kosten, reservering
from jeugdsturing.contracten.models import Begroting, Continuiteitsbudget, Lumpsum
from jeugdsturing.contracten.services import continuiteitsbudget_zet
from jeugdsturing.regio.models import Regio
from jeugdsturing.verwerving.models import Aanbesteding
from tests.continuiteit.conftest import GEMEENTE, OVERGANG, PEIL, VERBLIJF, Kinderen, zonder

pytestmark = pytest.mark.django_db


def geplande_transitie(regio: Regio, aanbesteding: Aanbesteding) -> Transitie:
    t = services.transitie_analyseer(regio=regio, naam="Overgang 2028", overgangsdatum=OVERGANG,
                                     peildatum=PEIL, aanbesteding=aanbesteding)  # fmt: skip
    services.bulkregel_maak(transitie=t, naam="Verblijf door", besluit=Besluit.DOORLOPEN,
                            categorieen=["43"], tot_einde_toewijzing=True, toelichting="rust")  # fmt: skip
    services.bulkregel_maak(transitie=t, naam="Rest over", besluit=Besluit.OVERDRAGEN,
                            maanden=6, toelichting="warme overdracht")  # fmt: skip
    services.regels_pas_toe(transitie=t)
    return t


def test_the_reservation_is_the_plans_cost_to_the_cent_and_the_lump_sums_stay(
    regio, aanbesteding, kinderen: Kinderen
):
    t = geplande_transitie(regio, aanbesteding)
    lumps = sorted(Lumpsum.objects.values_list("pk", "bedrag_eurocent"))
    begrotingen = sorted(Begroting.objects.values_list("pk", "bedrag_eurocent"))
    assert services.budget_reserveer(transitie=t) == 1  # one gemeente, one year (2028)
    verwacht: dict[int, int] = {}
    for g in t.gevallen.all():
        for jaar, b in kosten_per_jaar(g.maandkosten, OVERGANG, g.plan_datum).items():
            verwacht[jaar] = verwacht.get(jaar, 0) + b
    rijen = {c.jaar: c.bedrag_eurocent for c in Continuiteitsbudget.objects.filter(regio=regio)}
    assert rijen == verwacht
    assert verwacht[2028] > 0
    assert sorted(Lumpsum.objects.values_list("pk", "bedrag_eurocent")) == lumps
    assert sorted(Begroting.objects.values_list("pk", "bedrag_eurocent")) == begrotingen
    # Reserving again writes nothing; the budget page's row shows it.
    assert services.budget_reserveer(transitie=t) == 0
    rij = next(r for r in selectors.budget(t, list(t.gevallen.all()), PEIL) if r.jaar == 2028)
    assert rij.gereserveerd == rij.plan == verwacht[2028]


def test_a_reservation_above_the_gemeentes_budget_is_refused(regio):
    begroot = Begroting.objects.get(regio=regio, gemeente__code=GEMEENTE, jaar=2028, thema=None)
    with pytest.raises(ValidationError, match="hoger dan haar begroting"):
        continuiteitsbudget_zet(
            regio=regio, bedragen={(GEMEENTE, 2028): begroot.bedrag_eurocent + 1},
            bron="test", reden="test",
        )  # fmt: skip
    assert not Continuiteitsbudget.objects.exists()


def test_claims_of_continued_care_are_the_realisation(regio, aanbesteding, kinderen, verkeer):
    t = geplande_transitie(regio, aanbesteding)
    kind, nummer, _, _ = kinderen.verblijf
    regel = w.PrestatieRegel("D1", nummer, VERBLIJF, date(2028, 1, 1), date(2028, 1, 31),
                             30, "14", 33024, 990_720)  # fmt: skip
    dag = date(2028, 2, 10)
    verkeer.batch.append(w.jw323(w.Kop(GEMEENTE, zonder(), "DECL1", dag), "DECL1",
                                 (date(2028, 1, 1), date(2028, 1, 31)),
                                 [(verkeer.persoon(kind).bsn, [regel])]))  # fmt: skip
    verkeer.importeer()
    rij = next(r for r in selectors.budget(t, list(t.gevallen.all()), date(2028, 1, 31))
               if r.jaar == 2028)  # fmt: skip
    assert rij.gerealiseerd == 990_720
    # forecast: claimed, plus the expected months after January until each case's date
    rest = 0
    for g in t.gevallen.all():
        maanden = [0, *g.maandkosten[1:]]
        rest += kosten_per_jaar(maanden, OVERGANG, g.plan_datum).get(2028, 0)
    assert rij.prognose == 990_720 + rest


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["0362", "0363", "0384"]),
                  st.lists(st.integers(0, 10**6), min_size=60, max_size=60),
                  st.integers(0, 59), st.integers(1, 28)),
        max_size=20,
    )
)  # fmt: skip
def test_reservation_adds_up_exactly(gevallen):
    """Whatever the cases: the reservation adds up, per gemeente, to the whole months
    before each case's date plus the share of days of its month, to the cent, and the
    years split it without losing or adding a cent."""
    kosten = [Kosten(g, m, date(2028 + k // 12, k % 12 + 1, d)) for g, m, k, d in gevallen]
    uit = reservering(kosten, OVERGANG)
    for gemeente in {k.gemeente for k in kosten}:
        verwacht = 0
        for g, m, k, d in gevallen:
            if g == gemeente:
                dagen = calendar.monthrange(2028 + k // 12, k % 12 + 1)[1]
                verwacht += sum(m[:k]) + round(m[k] * d / dagen)
        assert sum(b for (g, _), b in uit.items() if g == gemeente) == verwacht
    assert all(2028 <= jaar <= 2032 for _, jaar in uit)
