# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""WSGI entry point. Refuses to serve with development keys when DEBUG is off."""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jeugdsturing.settings")

application = get_wsgi_application()

from django.conf import settings  # noqa: E402

if not settings.DEBUG and settings.INSECURE_KEYS:
    namen = settings.INSECURE_KEYS
    raise ImproperlyConfigured(
        "Zet " + (" en ".join([", ".join(namen[:-1]), namen[-1]]) if len(namen) > 1 else namen[0])
        + " op een eigen waarde voordat de server zonder DEBUG draait (de ontwikkelwaarden "
        "staan in de broncode; `jeugdsturing sleutels maak` maakt eigen sleutels)."
    )  # fmt: skip
