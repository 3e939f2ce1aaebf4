# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The `jeugdsturing` console script: runs the project's management commands."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jeugdsturing.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["jeugdsturing", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
