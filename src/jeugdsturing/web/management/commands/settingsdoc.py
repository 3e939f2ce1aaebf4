# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""jeugdsturing settingsdoc: print docs/configuratie.md from the declarations in env.py.

A test compares the file with this output, so the page cannot drift from the code."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from jeugdsturing.env import SETTINGS

HEADER = """# Configuratie

Alle instellingen die per installatie verschillen komen uit omgevingsvariabelen. Deze
pagina wordt gemaakt met `jeugdsturing settingsdoc > docs/configuratie.md` uit de
declaraties in `src/jeugdsturing/env.py`; een test bewaakt dat ze gelijk blijven.

Zonder DEBUG weigert de webserver te starten met de ontwikkelwaarden van `SECRET_KEY` of
`PSEUDONYMISATION_KEY`, en `jeugdsturing check --deploy` meldt ze als fout.

| variabele | standaard | betekenis |
|---|---|---|
"""


def render() -> str:
    rows = []
    for s in SETTINGS:
        default = "(ontwikkelwaarde)" if s.secret else (f"`{s.default}`" if s.default else "(leeg)")
        if s.name == "DATABASE_URL":
            default = "`sqlite:///./var/jeugdsturing.sqlite3`"
        rows.append(f"| `{s.name}` | {default} | {s.help} |")
    return HEADER + "\n".join(rows) + "\n"


class Command(BaseCommand):
    help = "Druk docs/configuratie.md af uit de declaraties van de omgevingsvariabelen."
    requires_system_checks: list[str] = []

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(render(), ending="")
