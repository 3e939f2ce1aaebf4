# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from django.apps import AppConfig


class RaadConfig(AppConfig):
    """The half-yearly council report (raadsrapportage, docs/raadsrapportage.md):
    aggregated, disclosure-controlled, published with a lifecycle."""

    name = "jeugdsturing.raad"
    verbose_name = "Raadsrapportages"
