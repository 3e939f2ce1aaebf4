# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The steering app's data: transformation goals with their indicators and reported
values (doelen)."""

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

__all__ = [
    "Doel",
    "Doelindicator",
    "Horizon",
    "Indicatorsoort",
    "Indicatorwaarde",
    "Meting",
    "Richting",
    "Waardesoort",
]
