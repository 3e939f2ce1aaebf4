# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from django.apps import AppConfig


class ScenarioConfig(AppConfig):
    """Scenarios (docs/scenario.md): risk equalisation between gemeenten on public
    figures, and the cost projection with the six effects."""

    name = "jeugdsturing.scenario"
    verbose_name = "Scenario's"
