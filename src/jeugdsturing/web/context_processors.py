# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from jeugdsturing.core.access import Sectie, mag, rol_van

# The cycle, in the order users work through it.
NAVIGATIE: list[tuple[str, str, Sectie]] = [
    ("Verwerving", "verwerving", Sectie.VERWERVING),
    ("Contracten en geld", "contracten", Sectie.CONTRACTEN),
    ("Berichten", "berichten:index", Sectie.BERICHTEN),
    ("Monitor", "monitor", Sectie.MONITOR),
    ("Sturing", "sturing", Sectie.STURING),
    ("Signalen", "escalatie:overzicht", Sectie.ESCALATIE),
    ("Toegang", "toegang:overzicht", Sectie.TOEGANG),
    ("Zorgcontinuïteit", "continuiteit:overzicht", Sectie.ZORGCONTINUITEIT),
    ("Scenario's", "scenario", Sectie.SCENARIO),
    ("Rapportages", "rapportages", Sectie.RAPPORTAGES),
    ("Beheer", "beheer", Sectie.BEHEER),
]


def navigation(request: HttpRequest) -> dict[str, Any]:
    if not request.user.is_authenticated:
        return {}
    if getattr(request, "wacht_op_tweede_factor", False):  # set by TweedeFactorMiddleware
        return {"wacht_op_tweede_factor": True}
    items = []
    for label, name, sectie in NAVIGATIE:
        if mag(request.user, sectie):
            url = reverse(name)
            items.append({"label": label, "url": url, "actief": request.path.startswith(url)})
    profiel = getattr(request.user, "profiel", None)
    return {"navigatie": items, "profiel": profiel, "rol": rol_van(request.user)}
