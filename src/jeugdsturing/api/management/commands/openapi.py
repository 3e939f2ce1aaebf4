# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""`jeugdsturing openapi > docs/openapi.json`: the API's contract as the application
makes it (a test keeps the copy in docs/ equal)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from jeugdsturing.api.documentatie import als_tekst


class Command(BaseCommand):
    help = "Het OpenAPI-document van de API (JSON) naar stdout."
    requires_system_checks: list[str] = []

    def handle(self, *args: Any, **opts: Any) -> None:
        self.stdout.write(als_tekst(), ending="")
