# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "jeugdsturing.api"
    verbose_name = "API"

    def ready(self) -> None:
        from jeugdsturing.api import schema  # noqa: F401 (the authentication extensions)
