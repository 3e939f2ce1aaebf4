# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""jeugdsturing rollendoc: print docs/rollen.md from the access policy (core/access.py).

A test compares the file with this output, so the page cannot drift from the code."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from jeugdsturing.web.rollendoc import render


class Command(BaseCommand):
    help = "Schrijf docs/rollen.md (rollen en rechten) naar stdout, uit het toegangsbeleid."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(render(), ending="")
