# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The steering app's data: transformation goals with their indicators and reported
values (doelen), and the uitvraag with the providers' deliveries (uitvraag)."""

from __future__ import annotations

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
    "Doel",
    "Doelindicator",
    "Horizon",
    "Indicatorsoort",
    "Indicatorwaarde",
    "Levering",
    "LeveringStatus",
    "Leveringsbijlage",
    "Meting",
    "Richting",
    "Uitkomstcijfer",
    "Uitvraag",
    "UitvraagStatus",
    "Waardesoort",
    "Wachtlijstregel",
]
