from typing import Any

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "jeugdsturing.core"
    verbose_name = "Gebruikers, rollen en audit"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from jeugdsturing.core import checks  # noqa: F401  (registers the system checks)

        connection_created.connect(_sqlite_pragmas)


def _sqlite_pragmas(sender: object, connection: Any, **kwargs: Any) -> None:
    """SQLite in WAL mode: readers (the web pages) are not blocked by an import, and with
    synchronous=NORMAL a commit survives a killed process (not a power cut: use
    PostgreSQL where that matters)."""
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"] != ":memory:":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
