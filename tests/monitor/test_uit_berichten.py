# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""From iJw messages to indicators: corrections, deletions, out-of-order messages and
extensions as the ingest settles them, extracted by monitor_data (the only ORM step)."""

from __future__ import annotations

from datetime import date

import pytest

from jeugdsturing.monitor.indicatoren import Periode, achterliggend, bereken
from jeugdsturing.monitor.selectors import monitor_data
from jeugdsturing.regio.models import Regio
from tests.berichten.conftest import GEMEENTE, Verkeer, importeer_bytes, verkeer, xsd

__all__ = ["importeer_bytes", "verkeer", "xsd"]  # fixtures used below

pytestmark = pytest.mark.django_db
D = date
JAAR = Periode(D(2026, 1, 1), D(2026, 12, 31))


def cijfers() -> dict[str, object]:
    data = monitor_data(Regio.objects.get(code="JZ13"))
    rows = bereken(data.trajecten, data.verlengingen, [JAAR], bevolking=data.bevolking).to_dicts()
    return rows[0] if rows else {}


def test_request_assignment_start_stop_and_an_extension(importeer_bytes, verkeer: Verkeer):
    importeer_bytes(
        verkeer.verzoek(D(2026, 2, 20)),  # Friday
        verkeer.toewijzing(D(2026, 3, 2), einde=D(2026, 6, 30)),  # Monday: 6 working days
        verkeer.start(D(2026, 3, 12), D(2026, 3, 9)),  # 3 working days after the start
        verkeer.toewijzing(D(2026, 6, 20), einde=D(2026, 12, 31), reden="04", ingang=D(2026, 3, 2)),
        verkeer.stop(D(2026, 9, 10), D(2026, 3, 9), D(2026, 8, 31)),  # 8 working days: late
    )
    c = cijfers()
    assert c["clienten_in_zorg"] == 1
    assert (c["instroom"], c["nieuwe_clienten"], c["uitstroom_volgens_plan"]) == (1, 1, 1)
    assert c["doorlooptijd_mediaan_dagen"] == 176.0  # 9 March to 31 August
    assert c["wachttijd_mediaan_dagen"] == 17.0  # from the request (20 Feb) to the start (9 Mar)
    assert c["toegangstijd_mediaan_werkdagen"] == 6.0
    assert c["verlengingen"] == 1
    assert (c["startberichten_tijdig_pct"], c["stopberichten_tijdig_pct"]) == (100.0, 0.0)
    gemeente = next(g for g in Regio.objects.get(code="JZ13").gemeenten.all() if g.code == GEMEENTE)
    assert c["plaatsingen_per_1000"] == 0.0
    assert gemeente.jongeren_0_17


def test_a_corrected_start_counts_with_its_correction(importeer_bytes, verkeer: Verkeer):
    importeer_bytes(verkeer.toewijzing(D(2026, 3, 2)), verkeer.start(D(2026, 3, 12), D(2026, 3, 9)))
    importeer_bytes(verkeer.start(D(2026, 3, 20), D(2026, 3, 9), status="3"))
    assert cijfers().get("instroom", 0) == 0  # the start was removed: assigned, not started
    importeer_bytes(verkeer.start(D(2026, 3, 30), D(2026, 3, 11)))
    c = cijfers()
    assert (c["instroom"], c["startberichten_tijdig_pct"]) == (
        1,
        0.0,
    )  # 13 working days after 11 March


def test_a_deleted_assignment_does_not_count(importeer_bytes, verkeer: Verkeer):
    importeer_bytes(verkeer.toewijzing(D(2026, 3, 2)), verkeer.start(D(2026, 3, 12), D(2026, 3, 9)))
    assert cijfers()["clienten_in_zorg"] == 1
    importeer_bytes(
        verkeer.toewijzing(D(2026, 3, 5), einde=D(2026, 3, 2), reden="13", ingang=D(2026, 3, 2))
    )
    assert cijfers() == {}


def test_a_stop_before_its_start_counts_and_then_settles(importeer_bytes, verkeer: Verkeer):
    importeer_bytes(
        verkeer.toewijzing(D(2026, 3, 2)),
        verkeer.stop(D(2026, 4, 3), D(2026, 3, 9), D(2026, 3, 31), reden="33"),
    )
    c = cijfers()
    assert (c["instroom"], c["uitstroom_voortijdig"], c["startberichten_tijdig_pct"]) == (1, 1, 0.0)
    importeer_bytes(verkeer.start(D(2026, 3, 10), D(2026, 3, 9)))
    c = cijfers()
    assert (c["instroom"], c["uitstroom_voortijdig"], c["startberichten_tijdig_pct"]) == (
        1,
        1,
        100.0,
    )
    data = monitor_data(Regio.objects.get(code="JZ13"))
    behind = achterliggend(data.trajecten, data.verlengingen, JAAR, "uitstroom_voortijdig")
    assert behind["client"].to_list()[0] != "999911120"  # a pseudonym, never the BSN
    assert len(behind["client"].to_list()[0]) == 64


def test_taakgericht_without_assignment(importeer_bytes, verkeer: Verkeer):
    importeer_bytes(verkeer.start(D(2026, 3, 12), D(2026, 3, 9), nummer=None))
    c = cijfers()
    assert (c["instroom"], c["wachttijd_mediaan_dagen"], c["toegangstijd_mediaan_werkdagen"]) == (
        1,
        None,
        None,
    )


@pytest.mark.django_db
def test_the_monitor_keeps_results_per_data_version_and_viewer(trajecten, agb):
    """issue 27: a second viewer asking the same figures gets them without a computation,
    each viewer its own (scope is part of the key), and new data give new figures."""
    from datetime import date

    from jeugdsturing.core.access import Scope
    from jeugdsturing.monitor import service
    from jeugdsturing.monitor.indicatoren import Periode
    from jeugdsturing.monitor.service import Monitor, regio_monitor
    from jeugdsturing.regio.models import Regio

    regio = Regio.objects.get(code="JZ13")
    service.vergeet(Regio.objects.get(code="JZ13"))
    pp = [Periode(date(2027, 1, 1), date(2027, 12, 31))]
    team, eigen = Scope.beheer(), Scope(aanbieder=agb["eigen"])
    m = regio_monitor(regio, team)
    eerst = m.rijen(pp, ["aanbieder"], exact=True)
    assert len(m.resultaten or {}) == 1
    # the kept result equals a fresh computation by a monitor that keeps nothing
    vers = Monitor(m.data, team, verrijkt=m.verrijkt)
    assert vers.resultaten is None
    assert regio_monitor(regio, team).rijen(pp, ["aanbieder"], exact=True) == eerst
    assert eerst == vers.rijen(pp, ["aanbieder"], exact=True)
    # a caller changing its rows does not change what the next one gets
    eerst[0]["instroom"] = -1
    assert regio_monitor(regio, team).rijen(pp, ["aanbieder"], exact=True)[0]["instroom"] != -1
    # another viewer: its own key, its own (protected) rows
    zijne = regio_monitor(regio, eigen).rijen(pp, ["aanbieder"])
    assert {r["aanbieder"] for r in zijne} == {agb["eigen"]}
    # new trajectories are a new data version: the next figures include them
    voor = {r["aanbieder"]: r["instroom"] for r in vers.rijen(pp, ["aanbieder"], exact=True)}
    t = trajecten[0]
    t.pk, t.sleutel, t.client = None, "nieuw-1", "f" * 64
    t.save()
    na = {r["aanbieder"]: r["instroom"]
          for r in regio_monitor(regio, team).rijen(pp, ["aanbieder"], exact=True)}  # fmt: skip
    assert na[agb["eigen"]] == voor[agb["eigen"]] + 1


def test_an_import_is_a_new_data_version_and_the_next_page_shows_it(
    importeer_bytes, verkeer: Verkeer
):
    """issue 27: the monitor keeps its frames and results per data version; an import
    changes the version, so the page after it shows the new figures."""
    import csv
    import io

    from jeugdsturing.monitor import service
    from tests.conftest import login

    service.vergeet(Regio.objects.get(code="JZ13"))
    c = login("data-analist")
    export = "/monitor/?van=2026-01-01&tot=2026-12-31&by=aanbieder&export=csv"

    def instroom() -> int:
        tekst = c.get(export).content.decode("utf-8-sig")
        rijen = list(
            csv.DictReader(io.StringIO(tekst), delimiter=";" if ";" in tekst[:200] else ",")
        )
        return sum(int(r["Instroom (trajecten)"] or 0) for r in rijen)

    regio = Regio.objects.get(code="JZ13")
    voor = service.data_versie(regio)
    assert instroom() == 0
    importeer_bytes(verkeer.toewijzing(D(2026, 3, 2)), verkeer.start(D(2026, 3, 12), D(2026, 3, 9)))
    assert service.data_versie(regio) != voor
    assert instroom() == 1


def test_the_frames_are_shared_by_the_worker_processes_through_parquet(
    importeer_bytes, verkeer: Verkeer, settings, tmp_path, monkeypatch
):
    """issue 27: a process that finds another's frames for this database and data version
    reads them instead of extracting them again, and gets the same frames."""
    from polars.testing import assert_frame_equal

    from jeugdsturing.core.models import Installatie
    from jeugdsturing.monitor import service

    settings.AFGELEID_DIR = tmp_path
    regio = Regio.objects.get(code="JZ13")
    service.vergeet(regio)
    importeer_bytes(verkeer.toewijzing(D(2026, 3, 2)), verkeer.start(D(2026, 3, 12), D(2026, 3, 9)))
    eerste = service.regio_monitor(regio, service.Scope.beheer()).data
    [map_] = list(tmp_path.glob("monitor-JZ13-*"))
    assert (map_ / "klaar").exists()
    # "another process": nothing in memory, and extracting is not allowed
    with service._slot:
        service._cache.clear()

    def verboden(regio: object) -> None:
        raise AssertionError("de frames hadden van schijf moeten komen")

    monkeypatch.setattr(service, "monitor_data", verboden)
    tweede = service.regio_monitor(regio, service.Scope.beheer()).data
    for f in service.FRAMES:
        assert_frame_equal(getattr(tweede, f), getattr(eerste, f))
    assert tweede.trajecten.height == 1
    # another database with the same data version never reads them
    assert service._map(regio, service.data_versie(regio)) == map_
    Installatie.objects.update(sleutel="00000000-0000-0000-0000-000000000001")
    assert service._map(regio, service.data_versie(regio)) != map_
    service.vergeet(regio)
    assert not list(tmp_path.glob("monitor-JZ13-*"))
