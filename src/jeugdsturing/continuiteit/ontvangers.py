# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""After every import the follow-up of the region's transitions is brought up to date
(the signal of berichten/na_import.py), so the dashboard follows the traffic."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from jeugdsturing.berichten.na_import import import_voltooid
from jeugdsturing.continuiteit.models import GevalStatus, Transitie
from jeugdsturing.continuiteit.selectors import laatste_bericht
from jeugdsturing.continuiteit.services import opvolging_werk_bij


@receiver(import_voltooid)
def volg_na_import(sender: Any, **kwargs: Any) -> None:
    """Follow each transition with planned cases, up to the latest message received."""
    if not kwargs.get("accepted"):
        return
    for t in Transitie.objects.filter(
        gevallen__status__in=[GevalStatus.GEPLAND, GevalStatus.AFGEROND]
    ).distinct():
        peil = laatste_bericht(t.regio)
        if peil is not None and peil >= t.overgangsdatum:
            opvolging_werk_bij(transitie=t, peil=peil)
