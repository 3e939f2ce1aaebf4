# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from functools import lru_cache
from typing import Any

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "jeugdsturing.core"
    verbose_name = "Gebruikers, rollen en audit"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from jeugdsturing.core import checks  # noqa: F401  (registers the system checks)

        connection_created.connect(_sqlite_pragmas)
        _sqlite_datums()


def _sqlite_datums() -> None:
    """Dates between Python and SQLite through a cache: Django's converter runs a Python
    function per date read (a million of them when an import recomputes its trajectories:
    0.7 s of 8) and its adapter one per date written, while a database of message traffic
    holds a few thousand distinct days. The same functions, cached (bounded); sqlite3
    keeps one converter and one adapter per type for the whole process."""
    import sqlite3
    from datetime import date

    from django.db.backends.sqlite3 import base
    from django.utils.dateparse import parse_date

    sqlite3.register_converter("date", lru_cache(maxsize=8192)(base.decoder(parse_date)))
    sqlite3.register_adapter(date, lru_cache(maxsize=8192)(date.isoformat))


def _sqlite_pragmas(sender: object, connection: Any, **kwargs: Any) -> None:
    """SQLite in WAL mode: readers (the web pages) are not blocked by an import, and with
    synchronous=NORMAL a commit survives a killed process (not a power cut: use
    PostgreSQL where that matters)."""
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"] != ":memory:":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
