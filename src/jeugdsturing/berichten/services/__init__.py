# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Every write of the message traffic: applying accepted messages (verwerken,
toepassing), recomputing trajectories (trajecten) and the quarantine (quarantaine). The
bulk SQL they use is in berichten/sql.py, the import's one named exception to writing
through the ORM (ADR 0002)."""

from __future__ import annotations

from jeugdsturing.berichten.services.quarantaine import (
    quarantaine_hersleutel,
    quarantaine_los_op,
    quarantaine_ruim_op,
    quarantaine_verwijder,
)
from jeugdsturing.berichten.services.trajecten import (
    Berekend,
    ParallelBereken,
    trajecten_bereken,
    trajecten_herbereken,
    trajecten_schrijf,
    trajecten_werk_bij,
)
from jeugdsturing.berichten.services.velden import (
    ACCEPTATIE,
    BERICHT_VELDEN,
    TRAJECT_VELDEN,
    GebiedVoor,
    sleutel_taakgericht,
    sleutel_toewijzing,
)
from jeugdsturing.berichten.services.verwerken import berichten_verwerk
from jeugdsturing.berichten.services.wachtrij import import_afbreken, import_in_wachtrij

__all__ = [
    "ACCEPTATIE",
    "BERICHT_VELDEN",
    "TRAJECT_VELDEN",
    "Berekend",
    "GebiedVoor",
    "ParallelBereken",
    "berichten_verwerk",
    "import_afbreken",
    "import_in_wachtrij",
    "quarantaine_hersleutel",
    "quarantaine_los_op",
    "quarantaine_ruim_op",
    "quarantaine_verwijder",
    "sleutel_taakgericht",
    "sleutel_toewijzing",
    "trajecten_bereken",
    "trajecten_herbereken",
    "trajecten_schrijf",
    "trajecten_werk_bij",
]  # fmt: skip
