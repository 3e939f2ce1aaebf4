# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The order messages arrive in never changes the result, and a message's identity is
its content: the findings of issue 25 (order and identity of messages)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jeugdsturing.berichten import models as m
from tests.berichten.conftest import Verkeer
from tests.conftest import login

D = date
BEGIN = (D(2026, 3, 9), D(2026, 3, 16))  # two possible starts of care
DAGEN = [D(2026, 3, 1) + timedelta(days=7 * i) for i in range(8)]  # few: ties happen


def toestand() -> dict[str, Any]:
    """Everything the import derives, without ids and message references (which follow
    the order of arrival by nature)."""
    weg = {"id", "bericht", "bericht_id"}

    def rijen(model: Any) -> list[tuple[Any, ...]]:
        velden = [f.attname for f in model._meta.concrete_fields if f.attname not in weg]
        return sorted(model.objects.values_list(*velden), key=repr)

    return {
        model.__name__: rijen(model)
        for model in (
            m.Traject, m.Toewijzing, m.ToewijzingVersie, m.StartRegel, m.StopRegel,
            m.Verwijdering,
        )
    }  # fmt: skip


def leeg() -> None:
    for model in (m.Bericht, m.Traject, m.TeHerberekenen, m.ClientGebied, m.ImportRun):
        model.objects.all().delete()


# One message of one child's care: what it is, and its Dagtekening.
bericht = st.one_of(
    st.tuples(
        st.just("toewijzing"), st.sampled_from(DAGEN),
        st.sampled_from([D(2026, 8, 31), D(2026, 12, 31), None]),
        st.sampled_from([None, "04", "13"]),
    ),
    st.tuples(
        st.just("start"), st.sampled_from(DAGEN), st.sampled_from(BEGIN),
        st.sampled_from(["1", "2", "3"]),
    ),
    st.tuples(
        st.just("stop"), st.sampled_from(DAGEN), st.sampled_from(BEGIN),
        st.sampled_from([D(2026, 6, 30), D(2026, 9, 30)]), st.sampled_from(["31", "20"]),
        st.sampled_from(["1", "2", "3"]),
    ),
)  # fmt: skip


def maak(verkeer: Verkeer, spec: tuple[Any, ...]) -> bytes:
    soort, dag, *rest = spec
    if soort == "toewijzing":
        einde, reden = rest
        return verkeer.toewijzing(dag, einde=einde, reden=reden, ingang=D(2026, 3, 2))
    if soort == "start":
        begin, status = rest
        return verkeer.start(dag, begin, status=status)
    begin, einde, reden, status = rest
    return verkeer.stop(dag, begin, einde, reden=reden, status=status)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    specs=st.lists(bericht, min_size=1, max_size=6),
    schudden=st.randoms(use_true_random=False),
    runs=st.integers(min_value=1, max_value=3),
)
def test_every_arrival_order_gives_the_same_trajectories(
    importeer_bytes: Any, specs: list[tuple[Any, ...]], schudden: random.Random, runs: int
) -> None:
    """Random small sets of one child's messages (assignment versions with extensions
    and withdrawals, starts, stops, corrections and deletions): sent in the order the
    list gives them, received sorted by Dagtekening in one import, or shuffled over up
    to three imports, the trajectories and every fact derived are the same."""
    verkeer = Verkeer()
    berichten = [(spec[1], i, maak(verkeer, spec)) for i, spec in enumerate(specs)]

    leeg()
    importeer_bytes(*[b for _, _, b in sorted(berichten, key=lambda x: (x[0], x[1]))])
    verwacht = toestand()
    # Something is left: a trajectory, or (for a lone deletion) the deletion itself.
    assert verwacht["Traject"] or verwacht["Verwijdering"]

    leeg()
    geschud = [b for _, _, b in berichten]
    schudden.shuffle(geschud)
    n = len(geschud)
    grenzen = [*sorted(schudden.sample(range(1, n), min(runs - 1, n - 1))), n]
    vorige = 0
    for grens in grenzen:
        importeer_bytes(*geschud[vorige:grens])
        vorige = grens
    assert toestand() == verwacht


def test_a_deletion_that_arrives_before_its_start_keeps_it_deleted(
    importeer_bytes: Any, verkeer: Verkeer
) -> None:
    """Months imported in reverse: the deletion (StatusAanlevering 3) comes first. It is
    kept, and the start it deletes stays deleted when it arrives, also on a re-import; a
    new start sent after the deletion counts."""
    toewijzing = verkeer.toewijzing(D(2026, 3, 2))
    start = verkeer.start(D(2026, 3, 12), D(2026, 3, 9))
    verwijdering = verkeer.start(D(2026, 3, 20), D(2026, 3, 9), status="3")
    importeer_bytes(verwijdering)
    importeer_bytes(start, toewijzing)
    importeer_bytes(start)
    t = m.Traject.objects.get()
    assert (t.status, t.begindatum) == ("toegewezen", None)
    assert m.StartRegel.objects.count() == 0
    assert m.Verwijdering.objects.get().soort == "start"
    importeer_bytes(verkeer.start(D(2026, 3, 25), D(2026, 3, 9)))  # sent again, later
    assert m.Traject.objects.get().begindatum == D(2026, 3, 9)


def test_toewijzingnummer_is_compared_as_the_integer_it_is(
    importeer_bytes: Any, verkeer: Verkeer
) -> None:
    """The XSD types ToewijzingNummer as xs:integer: '0116' and '116' are one number."""
    toewijzing = verkeer.toewijzing(D(2026, 3, 2), nummer=116)
    start = verkeer.start(D(2026, 3, 12), D(2026, 3, 9), nummer=116)
    nul = b"<jw305:ToewijzingNummer>0116<"
    assert b"<jw305:ToewijzingNummer>116<" in start
    result = importeer_bytes(toewijzing, start.replace(b"<jw305:ToewijzingNummer>116<", nul, 1))
    assert result.accepted == 2, result.rejected
    t = m.Traject.objects.get()
    assert (t.toewijzingnummer, t.status) == ("116", "lopend")


def test_a_dagtekening_far_in_the_future_is_refused_and_kept(
    importeer_bytes: Any, verkeer: Verkeer
) -> None:
    """A Dagtekening in 2099 would outrank every later real change forever: refused
    with a Dutch reason naming the element and the value, and quarantined."""
    vandaag = timezone.localdate()
    morgen = verkeer.toewijzing(vandaag + timedelta(days=1), einde=None)
    ver = verkeer.toewijzing(D(2099, 1, 1), einde=None)
    result = importeer_bytes(morgen, ver)
    assert result.accepted == 1
    [fout] = result.rejected
    assert fout.element == "Header/BerichtIdentificatie/Dagtekening"
    assert fout.value == "2099-01-01"
    assert "1 januari 2099" in fout.reason
    assert "toekomst" in fout.reason
    assert m.Quarantaine.objects.count() == 1


def test_same_identification_with_other_content_is_a_conflict_not_a_duplicate(
    importeer_bytes: Any, verkeer: Verkeer
) -> None:
    eerste = verkeer.toewijzing(D(2026, 3, 2))
    verkeer.n -= 1  # the next message reuses the identification
    ander = verkeer.toewijzing(D(2026, 3, 2), einde=D(2026, 6, 30))
    assert eerste != ander
    result = importeer_bytes(eerste)
    assert result.accepted == 1
    result = importeer_bytes(ander, eerste)
    assert (result.accepted, result.duplicates, result.conflicten) == (0, 1, 1)
    [fout] = result.rejected
    assert fout.reason.startswith("conflict: afzender")
    assert fout.element == "Header/BerichtIdentificatie/Identificatie"
    assert m.Quarantaine.objects.count() == 1
    assert m.Toewijzing.objects.get().einddatum == D(2026, 12, 31)  # the first one holds
    # Also within one import: the second of the two is the conflict.
    leeg()
    result = importeer_bytes(eerste, ander)
    assert (result.accepted, result.conflicten) == (1, 1)


def test_withdrawing_an_assignment_after_the_start_is_accepted_and_shown(
    importeer_bytes: Any, verkeer: Verkeer
) -> None:
    importeer_bytes(verkeer.toewijzing(D(2026, 3, 2)), verkeer.start(D(2026, 3, 12), D(2026, 3, 9)))
    assert m.Traject.objects.get().verwijderd_na_start is False
    result = importeer_bytes(
        verkeer.toewijzing(D(2026, 3, 20), einde=D(2026, 3, 2), reden="13", ingang=D(2026, 3, 2))
    )
    assert result.accepted == 1
    assert not result.rejected
    t = m.Traject.objects.get()
    assert (t.status, t.verwijderd_na_start) == ("verwijderd", True)

    tekst = login("data-analist").get("/berichten/").content.decode()
    assert "Toewijzingen verwijderd terwijl de zorg al liep" in tekst
    sectie = tekst.split('id="verwijderd-na-start"')[1].split("</table>")[0]
    assert "5001" in sectie
    assert "09-03-2026" in sectie
    assert "Amsterdam" in sectie  # the gemeente by name
