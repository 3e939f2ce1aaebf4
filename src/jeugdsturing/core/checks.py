# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""System checks: `jeugdsturing check --deploy` refuses development keys."""

from __future__ import annotations

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
