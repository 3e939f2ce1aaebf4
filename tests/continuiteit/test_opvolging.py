# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Following the transfers and continuations from the messages: gap, overlap, a
missing JW305, care that runs past its date; on hand cases and through the import."""

from __future__ import annotations

from datetime import date

import pytest

from jeugdsturing.continuiteit import services
from jeugdsturing.continuiteit.models import Besluit, GevalStatus
from jeugdsturing.continuiteit.opvolging import Zorg, volg
from jeugdsturing.continuiteit.selectors import verloop
from tests.continuiteit.conftest import AMBULANT, OVERGANG, PEIL, Kinderen, aanbieder, zonder

OUD = Zorg("oud", "A", date(2027, 3, 15), None)


def overdracht(oud: Zorg, *andere: Zorg, peil: date = date(2028, 3, 31)):
    return volg(besluit="overdragen", plan_datum=date(2028, 3, 31), partner="P", oud=oud,
                andere=[oud, *andere], overgang=OVERGANG, peil=peil, norm=14)  # fmt: skip


def gestopt(einde: date) -> Zorg:
    return Zorg("oud", "A", date(2027, 3, 15), einde)


def test_seamless_gap_and_overlap():
    naadloos = overdracht(gestopt(date(2028, 1, 31)), Zorg("n", "P", date(2028, 2, 1), None))
    assert (naadloos.volgstand, naadloos.tussen_dagen, naadloos.afgerond) == ("naadloos", 0, True)
    gat = overdracht(gestopt(date(2028, 1, 31)), Zorg("n", "P", date(2028, 3, 1), None))
    assert (gat.volgstand, gat.tussen_dagen, gat.signaal) == ("onderbreking", 29, True)
    kort = overdracht(gestopt(date(2028, 1, 31)), Zorg("n", "P", date(2028, 2, 10), None))
    assert (kort.volgstand, kort.tussen_dagen, kort.signaal) == ("onderbreking", 9, False)
    overlap = overdracht(gestopt(date(2028, 1, 31)), Zorg("n", "P", date(2028, 1, 20), None))
    assert (overlap.volgstand, overlap.tussen_dagen) == ("overlap", -12)


def test_missing_start_late_stop_and_another_provider():
    ontbreekt = overdracht(gestopt(date(2028, 2, 15)))
    assert (ontbreekt.volgstand, ontbreekt.signaal, ontbreekt.afgerond) == (
        "start_ontbreekt", True, False,
    )  # fmt: skip
    nog_binnen = overdracht(gestopt(date(2028, 3, 25)))
    assert (nog_binnen.volgstand, nog_binnen.signaal) == ("start_ontbreekt", False)
    assert overdracht(OUD, peil=date(2028, 4, 5)).volgstand == "te_laat"
    assert overdracht(OUD, peil=date(2028, 2, 5)).volgstand == "loopt"
    assert overdracht(OUD, peil=date(2027, 11, 5)).volgstand == "nog_niet"
    elders = overdracht(gestopt(date(2028, 1, 31)), Zorg("n", "X", date(2028, 2, 1), None))
    assert (elders.volgstand, elders.nieuwe_aanbieder) == ("andere_aanbieder", "X")
    # an earlier episode at another provider is not the transfer
    eerder = overdracht(
        gestopt(date(2028, 1, 31)), Zorg("e", "P", date(2027, 1, 1), date(2027, 2, 1))
    )
    assert eerder.volgstand == "start_ontbreekt"


def test_care_that_ended_before_the_transition_needed_no_continuity():
    voor = Zorg("oud", "A", date(2027, 3, 15), date(2027, 11, 30), "31")
    assert overdracht(voor).volgstand == "voor_overgang"
    assert overdracht(voor).signaal is False
    # ended for a change of provider (JZ588 38): the start at the partner is awaited
    overstap = Zorg("oud", "A", date(2027, 3, 15), date(2027, 12, 20), "38")
    assert overdracht(overstap).volgstand == "start_ontbreekt"
    assert overdracht(overstap, Zorg("n", "P", date(2028, 1, 2), None)).tussen_dagen == 12


def test_continued_care_ends_by_its_date_or_runs_past_it():
    def doorloop(oud: Zorg, peil: date):
        return volg(besluit="doorlopen", plan_datum=date(2028, 4, 30), partner=None, oud=oud,
                    andere=[oud], overgang=OVERGANG, peil=peil, norm=14)  # fmt: skip

    assert doorloop(gestopt(date(2028, 4, 12)), date(2028, 5, 1)).volgstand == "beeindigd"
    assert doorloop(OUD, date(2028, 3, 1)).volgstand == "loopt"
    assert doorloop(OUD, date(2028, 5, 10)).volgstand == "loopt_door"
    assert doorloop(gestopt(date(2028, 6, 1)), date(2028, 6, 10)).volgstand == "loopt_door"


@pytest.mark.django_db
def test_the_import_brings_the_follow_up_and_the_signal(
    regio, aanbesteding, kinderen: Kinderen, verkeer
):
    """Four planned transfers of ambulant children in the first quarter of 2028: one
    seamless, one with 23 days without care, one overlapping, one without a start at
    the partner; the residential child continues until its assignment ends."""
    t = services.transitie_analyseer(regio=regio, naam="Overgang 2028", overgangsdatum=OVERGANG,
                                     peildatum=PEIL, aanbesteding=aanbesteding)  # fmt: skip
    services.bulkregel_maak(transitie=t, naam="Ambulant over", besluit=Besluit.OVERDRAGEN,
                            categorieen=["45"], maanden=3, toelichting="warme overdracht")  # fmt: skip
    services.bulkregel_maak(transitie=t, naam="Verblijf door", besluit=Besluit.DOORLOPEN,
                            tot_einde_toewijzing=True, toelichting="geen overplaatsing")  # fmt: skip
    services.regels_pas_toe(transitie=t)
    gevallen = {g.toewijzingnummer: g for g in t.gevallen.all()}
    plan = [  # (stop at the old provider, start at the partner or None)
        (date(2028, 1, 31), date(2028, 2, 1)),
        (date(2028, 1, 31), date(2028, 2, 24)),
        (date(2028, 2, 15), date(2028, 2, 1)),
        (date(2028, 1, 15), None),
    ]
    for (kind, nummer, van, begin), (stop, start) in zip(kinderen.ambulant, plan, strict=True):
        partner = gevallen[str(nummer)].partner.agb_code
        verkeer.stop(kind, zonder(), AMBULANT, nummer, van, begin, stop, reden="38")
        if start is not None:
            verkeer.zorg(kind, partner, AMBULANT, start, date(2028, 12, 31), start)
    verkeer.importeer(vandaag=date(2028, 3, 31))  # the receiver follows up after the import
    t.refresh_from_db()
    assert t.opgevolgd_tot == date(2028, 2, 24)  # the latest message received
    stand = {n: (g.volgstand, g.tussen_dagen, g.signaal_sinds is not None, g.status)
             for n, g in ((n, t.gevallen.get(pk=g.pk)) for n, g in gevallen.items())}  # fmt: skip
    nummers = [str(k[1]) for k in kinderen.ambulant]
    assert stand[nummers[0]] == ("naadloos", 0, False, GevalStatus.AFGEROND)
    assert stand[nummers[1]] == ("onderbreking", 23, True, GevalStatus.AFGEROND)
    assert stand[nummers[2]] == ("overlap", -15, False, GevalStatus.AFGEROND)
    assert stand[nummers[3]] == ("start_ontbreekt", None, True, GevalStatus.GEPLAND)
    assert stand[str(kinderen.verblijf[1])][0] == "loopt"

    maanden = {(m.jaar, m.maand): m for m in verloop(list(t.gevallen.all()), t)}
    assert maanden[(2028, 3)].gepland == 4  # "within 3 months": by 31 March
    assert maanden[(2028, 2)].overgedragen == 3
    assert maanden[(2028, 2)].onderbroken == 1
    assert maanden[(2028, 1)].ontbreekt == 1

    # A later start closes the missing one; the case is done, the signal stays recorded.
    kind, nummer, *_ = kinderen.ambulant[3]
    partner = gevallen[str(nummer)].partner.agb_code
    verkeer.zorg(kind, partner, AMBULANT, date(2028, 3, 20), date(2028, 12, 31), date(2028, 3, 20))
    verkeer.importeer(vandaag=date(2028, 3, 31))
    g = t.gevallen.get(toewijzingnummer=str(nummer))
    assert (g.volgstand, g.tussen_dagen, g.status) == ("onderbreking", 64, GevalStatus.AFGEROND)
    assert aanbieder(partner).naam in {p.naam for p in [g.partner]}
