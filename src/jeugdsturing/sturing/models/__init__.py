# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The steering app's data: transformation goals with their indicators and reported
values (doelen), the uitvraag with the providers' deliveries (uitvraag), and the
performance dialogue: packs, interpretations, meetings and agreements (dialoog)."""

from __future__ import annotations

from jeugdsturing.sturing.models.dialoog import (
    AFSPRAAK_LOPEND,
    ELEMENTEN,
    AfspraakStatus,
    Duiding,
    Overleg,
    OverlegStatus,
    Pakket,
    Pakketsoort,
    Pakketversie,
    Stuurafspraak,
    VersieStatus,
)
from jeugdsturing.sturing.models.doelen import (
    Doel,
    Doelindicator,
    Horizon,
    Indicatorsoort,
    Indicatorwaarde,
    Meting,
    Richting,
    Waardesoort,
)
from jeugdsturing.sturing.models.uitvraag import (
    Levering,
    Leveringsbijlage,
    LeveringStatus,
    Uitkomstcijfer,
    Uitvraag,
    UitvraagStatus,
    Wachtlijstregel,
)

__all__ = [
    "AFSPRAAK_LOPEND",
    "ELEMENTEN",
    "AfspraakStatus",
    "Doel",
    "Doelindicator",
    "Duiding",
    "Horizon",
    "Indicatorsoort",
    "Indicatorwaarde",
    "Levering",
    "LeveringStatus",
    "Leveringsbijlage",
    "Meting",
    "Overleg",
    "OverlegStatus",
    "Pakket",
    "Pakketsoort",
    "Pakketversie",
    "Richting",
    "Stuurafspraak",
    "Uitkomstcijfer",
    "Uitvraag",
    "UitvraagStatus",
    "VersieStatus",
    "Waardesoort",
    "Wachtlijstregel",
]
