# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""One import at a time per database: a second import waits for the running one (a
queue, not "database is locked"), and only then marks runs left unfinished by a crash as
aborted, so it never marks the running one. PostgreSQL: a session advisory lock; SQLite:
an exclusive file lock beside the database file (fcntl, released when the process ends,
also on kill -9)."""

from __future__ import annotations

import fcntl
import hashlib
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db import connection

SLOT = 0x4A5A_1D05  # the advisory lock key of the import slot (PostgreSQL)
WACHT = "Er loopt al een import op deze database; deze wacht tot die klaar is."


def _slotbestand() -> Path:
    naam = str(connection.settings_dict["NAME"])
    if naam and not naam.startswith(("file:", ":memory:")) and Path(naam).parent.is_dir():
        return Path(f"{naam}.importslot")
    # An in-memory test database: a lock file per database name in the temp directory.
    sleutel = hashlib.sha256(naam.encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"jeugdsturing-{sleutel}.importslot"


@contextmanager
def importslot(wacht: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the database's import slot; ``wacht(message)`` is called once when another
    import holds it and this one has to wait."""
    if connection.vendor == "postgresql":
        with connection.cursor() as c:
            c.execute("SELECT pg_try_advisory_lock(%s)", [SLOT])
            vrij = bool(c.fetchone()[0])
            if not vrij:
                if wacht is not None:
                    wacht(WACHT)
                c.execute("SELECT pg_advisory_lock(%s)", [SLOT])
        try:
            yield
        finally:
            with connection.cursor() as c:
                c.execute("SELECT pg_advisory_unlock(%s)", [SLOT])
        return
    with _slotbestand().open("a") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if wacht is not None:
                wacht(WACHT)
            fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)
