# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The write side of the message traffic: messages, the facts they carry, trajectories,
import runs and quarantine. Clients appear only as a keyed pseudonym."""

from __future__ import annotations

from jeugdsturing.berichten.models.ontvangst import (
    IMPORT_LEVENSCYCLUS,
    IMPORT_OVERGANGEN,
    PSEUDONIEM,
    Bericht,
    ImportRun,
    ImportStatus,
    Quarantaine,
    TeHerberekenen,
)
from jeugdsturing.berichten.models.regels import (
    Antwoord,
    DeclaratieAntwoord,
    Prestatie,
    PrestatieAfwijzing,
    StartRegel,
    StopRegel,
    Toewijzing,
    ToewijzingVersie,
    Verwijdering,
    Verzoek,
    Wijzigingsverzoek,
)
from jeugdsturing.berichten.models.trajecten import (
    ClientGebied,
    Traject,
    TrajectStatus,
)

__all__ = [
    "IMPORT_LEVENSCYCLUS",
    "IMPORT_OVERGANGEN",
    "PSEUDONIEM",
    "Antwoord",
    "Bericht",
    "ClientGebied",
    "DeclaratieAntwoord",
    "ImportRun",
    "ImportStatus",
    "Prestatie",
    "PrestatieAfwijzing",
    "Quarantaine",
    "StartRegel",
    "StopRegel",
    "TeHerberekenen",
    "Toewijzing",
    "ToewijzingVersie",
    "Traject",
    "TrajectStatus",
    "Verwijdering",
    "Verzoek",
    "Wijzigingsverzoek",
]
