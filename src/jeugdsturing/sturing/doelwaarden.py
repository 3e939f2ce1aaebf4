# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Where a signal rule that compares with a goal finds its target: the target value of
a goal indicator of the region (a percentage as a fraction). Registered with the
escalation app at start-up (escalatie/evaluatie.py), which sits below this app."""

from __future__ import annotations

from jeugdsturing.regio.models import Regio
from jeugdsturing.sturing.models import Doelindicator, Waardesoort


def doelwaarde(regio: Regio, code: str) -> float | None:
    x = (
        Doelindicator.objects.filter(doel__regio=regio, code=code, streefwaarde__isnull=False)
        .order_by("pk")
        .first()
    )
    if x is None or x.streefwaarde is None:
        return None
    waarde = float(x.streefwaarde)
    return waarde / 100 if x.waardesoort == Waardesoort.PERCENTAGE else waarde
