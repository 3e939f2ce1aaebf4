# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""`jeugdsturing sleutels maak`: random keys for this installation in KEYS_FILE (mode
0600), so a demo or a test server never runs on the keys published with the source."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.management.utils import get_random_secret_key

from jeugdsturing import env


def nieuwe_sleutels() -> dict[str, str]:
    return {
        "SECRET_KEY": get_random_secret_key(),
        "PSEUDONYMISATION_KEY": secrets.token_urlsafe(48),
        "QUARANTINE_KEYS": Fernet.generate_key().decode(),
    }


def schrijf(pad: Path, sleutels: dict[str, str]) -> None:
    """Write the keys file, readable and writable by its owner only (0600) from the
    moment it exists."""
    pad.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(pad, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write("# Sleutels van deze installatie (jeugdsturing sleutels maak). Geheim houden.\n")
        for naam, waarde in sleutels.items():
            f.write(f"{naam}={waarde}\n")


class Command(BaseCommand):
    help = "Maak willekeurige sleutels voor deze installatie in KEYS_FILE (modus 0600)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="actie", required=True)
        maak = sub.add_parser("maak", help="schrijf KEYS_FILE als het nog niet bestaat")
        maak.add_argument("--bestand", type=Path, help="ander pad dan KEYS_FILE")

    def handle(self, *args: Any, **opts: Any) -> None:
        pad = opts["bestand"] or Path(env.get("KEYS_FILE"))
        if pad.exists():
            if pad.stat().st_mode & 0o077:
                raise CommandError(
                    f"{pad} is leesbaar voor anderen dan de eigenaar; zet chmod 600 {pad}."
                )
            self.stdout.write(f"{pad} bestaat al; de sleutels blijven zoals ze zijn.")
            return
        schrijf(pad, nieuwe_sleutels())
        self.stdout.write(
            f"Nieuwe sleutels in {pad} (alleen voor de eigenaar leesbaar). Een variabele in "
            "de omgeving gaat voor het bestand."
        )
