# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Trajectories stay right whatever order the facts arrive in."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from jeugdsturing.berichten import models as m
from jeugdsturing.berichten import schrijven as w
from jeugdsturing.berichten.trajecten import Versie, verlengingen
from tests.berichten.conftest import AANBIEDER, GEMEENTE, PERSOON, PRODUCT, Verkeer

D = date


def traject() -> m.Traject:
    return m.Traject.objects.get(sleutel=f"T|{GEMEENTE}|5001")


def test_request_assignment_start_stop(importeer_bytes, verkeer: Verkeer):
    result = importeer_bytes(
        verkeer.verzoek(D(2026, 2, 20)),
        verkeer.toewijzing(D(2026, 3, 2)),
        verkeer.start(D(2026, 3, 12), D(2026, 3, 9)),
        verkeer.stop(D(2026, 9, 3), D(2026, 3, 9), D(2026, 8, 31)),
    )
    assert result.accepted == 4
    t = traject()
    assert (t.status, t.begindatum, t.einddatum, t.reden_beeindiging) == (
        "beeindigd",
        D(2026, 3, 9),
        D(2026, 8, 31),
        "31",
    )
    assert (t.verzoekdatum, t.verwijzer_type, t.toewijzingsdatum) == (
        D(2026, 2, 20),
        "02",
        D(2026, 3, 2),
    )
    assert (t.start_gemeld_op, t.stop_gemeld_op) == (D(2026, 3, 12), D(2026, 9, 3))
    assert (t.gebied, t.geboortejaar, t.aanbieder, t.categorie) == (
        "AMS-ZOW",
        2014,
        AANBIEDER,
        "45",
    )


def test_a_stop_that_arrives_before_its_start_is_kept_and_reconciled(
    importeer_bytes, verkeer: Verkeer
):
    importeer_bytes(
        verkeer.toewijzing(D(2026, 3, 2)),
        verkeer.stop(D(2026, 4, 3), D(2026, 3, 9), D(2026, 3, 31)),
    )
    assert traject().status == "alleen_stop"
    importeer_bytes(verkeer.start(D(2026, 4, 20), D(2026, 3, 9)))
    t = traject()
    assert (t.status, t.begindatum, t.einddatum) == ("beeindigd", D(2026, 3, 9), D(2026, 3, 31))


def test_the_request_may_arrive_after_the_assignment(importeer_bytes, verkeer: Verkeer):
    importeer_bytes(verkeer.toewijzing(D(2026, 3, 2)))
    assert traject().verzoekdatum is None
    importeer_bytes(verkeer.verzoek(D(2026, 2, 20)))
    assert traject().verzoekdatum == D(2026, 2, 20)


def test_status_3_removes_a_start_and_a_corrected_start_replaces_it(
    importeer_bytes, verkeer: Verkeer
):
    importeer_bytes(verkeer.toewijzing(D(2026, 3, 2)), verkeer.start(D(2026, 3, 12), D(2026, 3, 9)))
    importeer_bytes(verkeer.start(D(2026, 3, 20), D(2026, 3, 9), status="3"))
    assert traject().status == "toegewezen"
    assert m.StartRegel.objects.count() == 0
    importeer_bytes(verkeer.start(D(2026, 3, 21), D(2026, 3, 11)))
    assert (traject().status, traject().begindatum) == ("lopend", D(2026, 3, 11))


def test_status_2_replaces_a_stop(importeer_bytes, verkeer: Verkeer):
    importeer_bytes(
        verkeer.toewijzing(D(2026, 3, 2)),
        verkeer.start(D(2026, 3, 12), D(2026, 3, 9)),
        verkeer.stop(D(2026, 6, 3), D(2026, 3, 9), D(2026, 5, 31), reden="32"),
        verkeer.stop(D(2026, 6, 10), D(2026, 3, 9), D(2026, 6, 5), reden="31", status="2"),
    )
    assert m.StopRegel.objects.count() == 1
    t = traject()
    assert (t.einddatum, t.reden_beeindiging, t.stop_gemeld_op) == (
        D(2026, 6, 5),
        "31",
        D(2026, 6, 10),
    )


def test_a_deleted_assignment_code_13(importeer_bytes, verkeer: Verkeer):
    importeer_bytes(verkeer.toewijzing(D(2026, 3, 2)))
    importeer_bytes(
        verkeer.toewijzing(D(2026, 3, 5), einde=D(2026, 3, 2), reden="13", ingang=D(2026, 3, 2))
    )
    assert traject().status == "verwijderd"
    assert m.Toewijzing.objects.get().verwijderd is True
    assert m.ToewijzingVersie.objects.count() == 2


def test_extensions_by_reason_04_and_by_a_later_einddatum(importeer_bytes, verkeer: Verkeer):
    importeer_bytes(verkeer.toewijzing(D(2026, 3, 2), einde=D(2026, 8, 31)))
    importeer_bytes(
        verkeer.toewijzing(D(2026, 8, 20), einde=D(2026, 12, 31), reden="04", ingang=D(2026, 3, 2))
    )
    assert traject().verlengingen == 1
    importeer_bytes(verkeer.toewijzing(D(2026, 11, 20), einde=D(2027, 6, 30), ingang=D(2026, 3, 2)))
    t = traject()
    assert (t.verlengingen, t.toewijzing_einddatum) == (2, D(2027, 6, 30))


def test_an_older_assignment_that_arrives_late_does_not_overwrite(
    importeer_bytes, verkeer: Verkeer
):
    newer = verkeer.toewijzing(
        D(2026, 8, 20), einde=D(2026, 12, 31), reden="04", ingang=D(2026, 3, 2)
    )
    older = verkeer.toewijzing(D(2026, 3, 2), einde=D(2026, 8, 31))
    importeer_bytes(newer, older)
    assert traject().toewijzing_einddatum == D(2026, 12, 31)
    assert traject().verlengingen == 1  # versions are ordered by their dagtekening


@pytest.mark.parametrize(
    ("versies", "expected"),
    [
        ([], 0),
        ([(1, D(2026, 6, 30), "")], 0),
        ([(1, D(2026, 6, 30), ""), (2, D(2026, 12, 31), "04")], 1),
        ([(1, D(2026, 6, 30), ""), (2, D(2026, 12, 31), "")], 1),
        ([(1, D(2026, 6, 30), ""), (2, D(2026, 5, 31), "05")], 0),  # shortened
        ([(1, None, ""), (2, D(2026, 5, 31), "")], 0),  # open-ended then closed
        ([(1, D(2026, 6, 30), ""), (2, D(2026, 9, 30), ""), (3, D(2027, 3, 31), "04")], 2),
    ],
)
def test_extension_count(versies, expected):
    rows = [Versie(D(2026, 1, 1 + i), f"{i:04d}", eind, reden) for i, eind, reden in versies]
    assert verlengingen(rows) == expected


def test_taakgericht_without_assignment(importeer_bytes, verkeer: Verkeer):
    importeer_bytes(verkeer.start(D(2026, 3, 12), D(2026, 3, 9), nummer=None))
    (t,) = m.Traject.objects.all()
    assert t.taakgericht
    assert t.sleutel.startswith(f"K|{GEMEENTE}|{AANBIEDER}|")
    assert (t.status, t.toewijzingnummer, t.gebied) == ("lopend", "", "")  # no address in a JW305
    assert t.geboortejaar == 2014  # but a date of birth: its year is kept
    importeer_bytes(verkeer.stop(D(2026, 5, 4), D(2026, 3, 9), D(2026, 4, 30), nummer=None))
    t.refresh_from_db()
    assert (t.status, t.einddatum) == ("beeindigd", D(2026, 4, 30))


def test_taakgericht_client_known_from_an_earlier_assignment_gets_its_gebied(
    importeer_bytes, verkeer: Verkeer
):
    importeer_bytes(verkeer.toewijzing(D(2026, 1, 5), nummer=4000))
    importeer_bytes(verkeer.start(D(2026, 3, 12), D(2026, 3, 9), nummer=None))
    assert m.Traject.objects.get(taakgericht=True).gebied == "AMS-ZOW"


def test_claim_and_answer_in_either_order(importeer_bytes, verkeer: Verkeer):
    prestaties = [
        w.PrestatieRegel(
            f"P{i}", 5001, PRODUCT, D(2026, 4, 1), D(2026, 4, 30), 8, "04", 11500, 92000
        )
        for i in range(3)
    ]
    kop = w.Kop(GEMEENTE, AANBIEDER, "D77", D(2026, 5, 6))
    claim = w.jw323(kop, "N1", (D(2026, 4, 1), D(2026, 4, 30)), [(PERSOON.bsn, prestaties)])
    answer = w.jw325(
        w.Kop(GEMEENTE, AANBIEDER, "A1", D(2026, 5, 20)),
        "D77",
        D(2026, 5, 6),
        "N1",
        276000,
        [(PERSOON.bsn, prestaties[1:2])],
    )
    importeer_bytes(answer, claim)  # the answer first
    assert list(m.Prestatie.objects.order_by("referentie").values_list("referentie", "afgewezen")) == [
        ("P0", False), ("P1", True), ("P2", False),
    ]  # fmt: skip
    d = m.DeclaratieAntwoord.objects.get()
    assert (d.totaal_ingediend, d.totaal_toegekend, d.declaratie_identificatie) == (
        276000,
        184000,
        "D77",
    )


def test_retour_messages_keep_their_codes_and_the_original_reference(
    importeer_bytes, verkeer: Verkeer
):
    original = verkeer.toewijzing(D(2026, 3, 2))
    importeer_bytes(w.retour(original, "JW302", identificatie="R9", dagtekening=D(2026, 3, 3)))
    b = m.Bericht.objects.get()
    assert (b.berichttype, b.identificatie, b.afzender, b.referentie) == (
        "JW302",
        "R9",
        AANBIEDER,
        "1",
    )
    assert {code for _, code in b.retourcode_lijst} == {"0200"}
    assert ("Client/ToegewezenProducten/ToegewezenProduct", "0200") in b.retourcode_lijst


def test_the_assignment_date_stays_the_first_one(importeer_bytes, verkeer: Verkeer):
    """A change (here an extension) may carry its own Toewijzingsdatum; the trajectory
    keeps the day the assignment was first issued, also when the change arrives first."""
    importeer_bytes(verkeer.toewijzing(D(2026, 3, 2), einde=D(2026, 6, 30)))
    importeer_bytes(
        verkeer.toewijzing(D(2026, 6, 20), einde=D(2026, 12, 31), reden="04", ingang=D(2026, 3, 2))
    )
    assert (traject().toewijzingsdatum, traject().toewijzing_einddatum) == (
        D(2026, 3, 2),
        D(2026, 12, 31),
    )


def test_the_first_assignment_date_also_when_the_change_arrives_first(
    importeer_bytes, verkeer: Verkeer
):
    wijziging = verkeer.toewijzing(
        D(2026, 6, 20), einde=D(2026, 12, 31), reden="04", ingang=D(2026, 3, 2)
    )
    eerste = verkeer.toewijzing(D(2026, 3, 2), einde=D(2026, 6, 30))
    importeer_bytes(wijziging)
    importeer_bytes(eerste)
    assert (traject().toewijzingsdatum, traject().toewijzing_einddatum) == (
        D(2026, 3, 2),
        D(2026, 12, 31),
    )


def test_trajectories_left_by_an_interrupted_run_are_recomputed_by_the_next(
    importeer_bytes, verkeer: Verkeer, monkeypatch
):
    # A run that stops after storing its facts and before recomputing (killed there).
    monkeypatch.setattr("jeugdsturing.berichten.importeren.trajecten_werk_bij", lambda **kw: 0)
    importeer_bytes(verkeer.toewijzing(D(2026, 3, 2)), verkeer.start(D(2026, 3, 12), D(2026, 3, 9)))
    assert not m.Traject.objects.exists()
    assert list(m.TeHerberekenen.objects.values_list("sleutel", flat=True)) == [
        f"T|{GEMEENTE}|5001"
    ]
    monkeypatch.undo()
    # The next run, even with nothing in it, brings the trajectory up to date.
    result = importeer_bytes()
    assert (result.accepted, result.duplicates, result.rejected) == (0, 0, [])
    assert (traject().status, traject().begindatum) == ("lopend", D(2026, 3, 9))
    assert not m.TeHerberekenen.objects.exists()


def test_a_trajectory_touched_by_several_batches_is_recomputed_once(
    verkeer: Verkeer, monkeypatch, tmp_path, xsd, db
):
    from jeugdsturing.berichten.importeren import berichten_importeer
    from jeugdsturing.berichten.services import trajecten as services

    herberekend: list[list[str]] = []
    echte = services.trajecten_herbereken

    def tel(**kwargs: Any) -> None:
        herberekend.append(sorted(kwargs["sleutels"]))
        echte(**kwargs)

    monkeypatch.setattr(services, "trajecten_herbereken", tel)
    berichten = (
        verkeer.toewijzing(D(2026, 3, 2)),
        verkeer.start(D(2026, 3, 12), D(2026, 3, 9)),
        verkeer.stop(D(2026, 9, 3), D(2026, 3, 9), D(2026, 8, 31)),
    )
    paths = []
    for i, data in enumerate(berichten):
        path = tmp_path / f"{i}.xml"
        path.write_bytes(data)
        paths.append(path)
    result = berichten_importeer(paths, bron="test", batch=1)  # three batches, three transactions
    assert result.accepted == 3
    assert herberekend == [[f"T|{GEMEENTE}|5001"]]
    assert traject().status == "beeindigd"


def test_the_recomputation_at_the_end_reports_its_progress(verkeer: Verkeer, tmp_path, xsd, db):
    from jeugdsturing.berichten import services
    from jeugdsturing.berichten.importeren import berichten_importeer

    paths = []
    for i, data in enumerate(
        (
            verkeer.toewijzing(D(2026, 3, 2)),
            verkeer.start(D(2026, 4, 1), D(2026, 3, 20), nummer=None),
        )
    ):
        path = tmp_path / f"{i}.xml"
        path.write_bytes(data)
        paths.append(path)
    stappen: list[tuple[int, int]] = []
    berichten_importeer(paths, bron="test", trajecten_voortgang=lambda *a: stappen.append(a))
    assert stappen == [(2, 2)]
    # Per batch of keys, counting up to the total.
    stappen.clear()
    m.TeHerberekenen.objects.bulk_create(
        [m.TeHerberekenen(sleutel=s) for s in m.Traject.objects.values_list("sleutel", flat=True)]
    )
    services.trajecten_werk_bij(
        gebied_voor=lambda g, p: "", per=1, voortgang=lambda *a: stappen.append(a)
    )
    assert stappen == [(1, 2), (2, 2)]


@pytest.mark.django_db(transaction=True)
def test_stored_retour_code_rows_move_into_their_message():
    """Migration 0011: the rows of the former Retourcode table become Bericht.retourcodes,
    in the order stored, and back again."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    voor, na = (
        [("berichten", "0010_bericht_zonder_inhoudsindex")],
        [("berichten", "0011_retourcodes_in_bericht")],
    )
    executor = MigrationExecutor(connection)
    executor.migrate(voor)
    apps = executor.loader.project_state(voor).apps
    run = apps.get_model("berichten", "ImportRun").objects.create(bron="test")
    bericht = apps.get_model("berichten", "Bericht").objects.create(
        berichttype="JW306", identificatie="R1", dagtekening=D(2026, 3, 3), afzender="0363",
        ontvanger="98030005", gemeente="0363", aanbieder="98030005", sha256="0" * 64,
        bestand="a.xml", import_run=run,
    )  # fmt: skip
    rc = apps.get_model("berichten", "Retourcode")
    rc.objects.create(bericht=bericht, element="Client/StartProducten/StartProduct", code="8001")
    rc.objects.create(bericht=bericht, element="Client", code="0200")
    executor = MigrationExecutor(connection)
    executor.migrate(na)
    b = m.Bericht.objects.get(pk=bericht.pk)
    assert b.retourcode_lijst == [
        ("Client/StartProducten/StartProduct", "8001"),
        ("Client", "0200"),
    ]
    executor = MigrationExecutor(connection)
    executor.migrate(voor)  # and back
    apps = executor.loader.project_state(voor).apps
    terug = apps.get_model("berichten", "Retourcode").objects.order_by("id")
    assert [(r.element, r.code) for r in terug] == [
        ("Client/StartProducten/StartProduct", "8001"), ("Client", "0200")
    ]  # fmt: skip
    MigrationExecutor(connection).migrate(executor.loader.graph.leaf_nodes())
