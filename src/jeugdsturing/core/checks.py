# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""System checks: `jeugdsturing check --deploy` refuses development keys and a missing
`collectstatic`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def keys_set(app_configs: Any, **kwargs: Any) -> list[Error]:
    return [
        Error(
            f"{name} heeft de ontwikkelwaarde (openbaar in de broncode); zet de "
            f"omgevingsvariabele {name} of maak sleutels met `jeugdsturing sleutels maak`.",
            id="jeugdsturing.E001",
        )
        for name in settings.INSECURE_KEYS
    ]


@register(Tags.staticfiles, deploy=True)
def static_collected(app_configs: Any, **kwargs: Any) -> list[Error]:
    """With DEBUG off, WhiteNoise serves the hashed names from the manifest that
    `collectstatic` writes; without it every page would fail."""
    if settings.DEBUG:
        return []
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.is_file():
        return []
    return [
        Error(
            f"{manifest} ontbreekt: draai `jeugdsturing collectstatic --no-input` na elke "
            "installatie of upgrade (docs/installatie.md).",
            id="jeugdsturing.E002",
        )
    ]
