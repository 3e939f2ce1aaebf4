# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The `jeugdsturing` console script: runs the project's management commands."""

from __future__ import annotations

import os
import sys

# Commands that touch no personal data and no keys: they run on any keys.
ZONDER_SLEUTELS = {"help", "--help", "-h", "version", "--version", "check", "sleutels",
                   "settingsdoc", "rollendoc", "makemigrations", "showmigrations"}  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    """Run a management command. With the keys published with the source (the
    development defaults, or those values set explicitly) a command is refused unless
    ``--demo`` is given: data pseudonymised with a public key can be reversed."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jeugdsturing.settings")
    from django.conf import settings
    from django.core.management import execute_from_command_line

    args = list(sys.argv[1:] if argv is None else argv)
    demo = "--demo" in args
    args = [a for a in args if a != "--demo"]
    if settings.INSECURE_KEYS and not demo and args and args[0] not in ZONDER_SLEUTELS:
        sys.stderr.write(
            "Geweigerd: " + ", ".join(settings.INSECURE_KEYS) + " heeft een openbare "
            "ontwikkelwaarde. Maak sleutels voor deze installatie met `jeugdsturing sleutels "
            "maak` (of zet de omgevingsvariabelen), of geef --demo voor een demo zonder "
            "echte gegevens.\n"
        )
        raise SystemExit(2)
    execute_from_command_line(["jeugdsturing", *args])


if __name__ == "__main__":
    main()
