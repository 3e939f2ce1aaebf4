"""jeugdsturing region configure FILE [FILE ...] | region list"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jeugdsturing.regio.config import ConfigError, builtin_configs, load_config_file
from jeugdsturing.regio.models import Regio
from jeugdsturing.regio.services import regio_configure


class Command(BaseCommand):
    help = (
        "Richt een regio in vanuit een TOML-bestand (zie docs/regio-inrichten.md), of toon "
        "de regio's. Zonder bestanden: de meegeleverde regio's."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["configure", "list"])
        parser.add_argument("files", nargs="*", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "list":
            for r in Regio.objects.prefetch_related("gemeenten"):
                names = ", ".join(g.naam for g in r.gemeenten.all())
                self.stdout.write(f"{r.code:8} {r.naam}: {names}")
            return
        for path in options["files"] or builtin_configs():
            try:
                config = load_config_file(path)
                regio, counts = regio_configure(config=config)
            except (ConfigError, ValueError) as exc:
                raise CommandError(str(exc)) from exc
            summary = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))
            self.stdout.write(f"{regio.code} {regio.naam}: {summary}")
