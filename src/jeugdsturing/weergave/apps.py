# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from django.apps import AppConfig


class WeergaveConfig(AppConfig):
    """Presentation helpers every app may use: Dutch formats (template filters) and
    charts. No knowledge of the domain."""

    name = "jeugdsturing.weergave"
    verbose_name = "Weergave"
