# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""An import killed at any moment and run again ends in exactly the state of one
uninterrupted run. Runs in subprocesses on SQLite files of its own."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from jeugdsturing.berichten.simulator import simuleer_regio
from tests.conftest import ROOT

TABELLEN = [
    "bericht", "toewijzing", "toewijzingversie", "startregel", "stopregel", "verzoek",
    "wijzigingsverzoek", "antwoord", "prestatie", "prestatieafwijzing", "declaratieantwoord",
    "clientgebied", "traject", "quarantaine",
]  # fmt: skip
TRAJECT = (
    "sleutel, gemeente, aanbieder, client, gebied, status, begindatum, einddatum, "
    "reden_beeindiging, verlengingen, verzoekdatum, toewijzing_einddatum"
)

pytestmark = pytest.mark.slow


def jeugdsturing(db: Path, *args: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}", "DEBUG": "1"}
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "jeugdsturing", "--demo", *args],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def klaar(proc: subprocess.Popen[bytes]) -> None:
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err.decode()[-2000:]


def nieuwe_db(path: Path) -> Path:
    for args in (("migrate", "-v0"), ("reference", "load"), ("region", "configure")):
        klaar(jeugdsturing(path, *args))
    return path


def kinderen(pid: int) -> list[int]:
    """The child processes of a process (Linux)."""
    return [
        int(c)
        for task in Path(f"/proc/{pid}/task").iterdir()
        for c in (task / "children").read_text().split()
    ]


def leeft(pid: int) -> bool:
    """Running (a zombie waiting for its parent to reap it has ended)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError):
        return False


def tellen(db: Path) -> int:
    for _ in range(50):
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2) as con:
                return int(con.execute("select count(*) from berichten_bericht").fetchone()[0])
        except sqlite3.OperationalError:
            time.sleep(0.05)
    return -1


def toestand(db: Path) -> dict[str, object]:
    with sqlite3.connect(db) as con:
        state: dict[str, object] = {
            t: con.execute(f"select count(*) from berichten_{t}").fetchone()[0] for t in TABELLEN
        }
        state["trajecten"] = con.execute(
            f"select {TRAJECT} from berichten_traject order by sleutel"
        ).fetchall()
        state["prestaties"] = con.execute(
            "select referentie, bedrag, afgewezen from berichten_prestatie order by aanbieder, referentie"
        ).fetchall()
        state["runs"] = con.execute("select status from berichten_importrun order by id").fetchall()
    return state


@pytest.mark.django_db
def test_kill_minus_nine_and_run_again(tmp_path: Path):
    sim = tmp_path / "sim"
    stats = simuleer_regio(
        regio_code="JZ13", van="2026-01-01", tot="2026-09-30", seed=3, scale=0.05, out=sim
    )
    totaal = stats["berichten"]
    assert totaal > 3000

    schoon = nieuwe_db(tmp_path / "schoon.sqlite3")
    klaar(jeugdsturing(schoon, "ijw", "import", str(sim), "--geen-voortgang"))

    onderbroken = nieuwe_db(tmp_path / "onderbroken.sqlite3")
    # Batches of 500: about ten commits, so that the kill lands between two of them.
    proc = jeugdsturing(
        onderbroken, "ijw", "import", str(sim), "--geen-voortgang", "--batch", "500"
    )
    deadline = time.monotonic() + 300
    while tellen(onderbroken) < totaal // 3 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    werkers = kinderen(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    tussenstand = tellen(onderbroken)
    assert 0 < tussenstand < totaal, "the import was not interrupted in the middle"
    assert werkers, "the import reads in worker processes"
    deadline = time.monotonic() + 30
    while any(map(leeft, werkers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in werkers if leeft(pid)], "orphaned workers"

    klaar(jeugdsturing(onderbroken, "ijw", "import", str(sim), "--geen-voortgang"))
    a, b = toestand(schoon), toestand(onderbroken)
    assert b["runs"] == [("afgebroken",), ("voltooid",)]
    del a["runs"], b["runs"]
    assert a == b
    assert a["bericht"] == totaal
    # In one process, with the trajectories computed in place instead of in the workers
    # (trajectwerk), the same state.
    een = nieuwe_db(tmp_path / "een.sqlite3")
    klaar(jeugdsturing(een, "ijw", "import", str(sim), "--geen-voortgang", "--werkers", "0"))
    c = toestand(een)
    del c["runs"]
    assert c == a


@pytest.mark.django_db
def test_two_imports_at_once_queue_and_end_as_one_after_the_other(tmp_path: Path):
    """Issue 25: imports on one database at the same time (two people uploading the same
    export) wait for each other with a message instead of failing with "database is
    locked", none marks another as aborted, and the end state is that of one after the
    other. The test holds the database's import slot itself until both are waiting, so
    they really run at the same time."""
    import fcntl
    import shutil

    sim = tmp_path / "sim"
    simuleer_regio(
        regio_code="JZ13", van="2026-01-01", tot="2026-02-28", seed=4, scale=0.03, out=sim
    )
    basis = nieuwe_db(tmp_path / "basis.sqlite3")
    na_elkaar = Path(shutil.copy(basis, tmp_path / "na-elkaar.sqlite3"))
    tegelijk = Path(shutil.copy(basis, tmp_path / "tegelijk.sqlite3"))
    for _ in range(2):
        klaar(jeugdsturing(na_elkaar, "ijw", "import", str(sim), "--geen-voortgang"))

    meldingen = [tmp_path / "a.err", tmp_path / "b.err"]
    with (tmp_path / "tegelijk.sqlite3.importslot").open("a") as slot:
        fcntl.flock(slot, fcntl.LOCK_EX)
        processen = []
        for melding in meldingen:
            with melding.open("wb") as fout:
                env = {**os.environ, "DATABASE_URL": f"sqlite:///{tegelijk}", "DEBUG": "1"}
                processen.append(subprocess.Popen(  # noqa: S603
                    [sys.executable, "-m", "jeugdsturing", "--demo", "ijw", "import", str(sim),
                     "--geen-voortgang"], env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=fout,
                ))  # fmt: skip
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and not all(
            "Er loopt al een import" in m.read_text(errors="replace") for m in meldingen
        ):
            assert all(p.poll() is None for p in processen), [m.read_text() for m in meldingen]
            time.sleep(0.1)
        fcntl.flock(slot, fcntl.LOCK_UN)
    for p, m in zip(processen, meldingen, strict=True):
        assert p.wait(timeout=600) == 0, m.read_text()[-2000:]
    a, b = toestand(na_elkaar), toestand(tegelijk)
    assert b["runs"] == [("voltooid",), ("voltooid",)]
    assert a == b


@pytest.mark.django_db(transaction=True)
def test_the_import_slot_on_postgresql_is_held_across_connections():
    """On PostgreSQL the slot is a session advisory lock: another connection cannot take
    it while an import holds it, and can once it is released."""
    from django.db import connection, connections

    from jeugdsturing.berichten.slot import SLOT, importslot

    if connection.vendor != "postgresql":
        pytest.skip("the SQLite slot (a file lock) is tested with two real imports above")
    andere = connections.create_connection("default")
    try:
        with importslot(), andere.cursor() as c:
            c.execute("SELECT pg_try_advisory_lock(%s)", [SLOT])
            assert c.fetchone()[0] is False
        with andere.cursor() as c:
            c.execute("SELECT pg_try_advisory_lock(%s)", [SLOT])
            assert c.fetchone()[0] is True
            c.execute("SELECT pg_advisory_unlock(%s)", [SLOT])
    finally:
        andere.close()
