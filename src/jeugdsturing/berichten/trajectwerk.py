# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The trajectory pass at the end of an import, in the import's worker processes: each
reads the facts of a list of keys through a database connection of its own and
computes their trajectories; the writing process writes them, so the pass takes both
cores instead of one (services.trajecten_werk_bij, docs/performance.md). Django is
set up in a worker on first use: reading and checking messages never needs it."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jeugdsturing.berichten.services import Berekend, GebiedVoor

_GEBIED: GebiedVoor | None = None


def bereken(item: tuple[str, str, list[str]]) -> Berekend:
    """(settings module, database name, keys) -> services.trajecten_bereken of those
    keys, read from the database the import writes to (its name can differ from the
    settings: a test database)."""
    global _GEBIED
    settings_module, database, sleutels = item
    if _GEBIED is None:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings_module)
        import django

        django.setup()
        from django.db import connection

        connection.settings_dict["NAME"] = database
        from jeugdsturing.berichten.importeren import GebiedBepaler

        _GEBIED = GebiedBepaler()
    from jeugdsturing.berichten.services import trajecten_bereken

    return trajecten_bereken(sleutels=sleutels, gebied_voor=_GEBIED)
