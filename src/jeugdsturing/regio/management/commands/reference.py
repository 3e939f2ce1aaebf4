# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""jeugdsturing reference load: gemeenten, jeugdzorgregio's and iJw code lists."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from jeugdsturing.regio.services import referentiedata_laad


class Command(BaseCommand):
    help = "Laad de referentiedata (gemeenten, jeugdzorgregio's, iJw-codelijsten). Idempotent."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["load"])

    def handle(self, *args: Any, **options: Any) -> None:
        counts = referentiedata_laad()
        for key in sorted(counts):
            self.stdout.write(f"  {key}: {counts[key]}")
