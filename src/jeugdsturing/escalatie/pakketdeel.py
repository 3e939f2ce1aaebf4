# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""What a provider's PD1 pack shows of escalation (element 3): its position under every
signal rule, the funnel plots where it lies outside the 95% limits, its running
signals and its open case. Data only: the pack freezes it and draws it."""

from __future__ import annotations

from datetime import date
from typing import Any

from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.escalatie.grafieken import trechterdata
from jeugdsturing.escalatie.models import SIGNAAL_LOPEND, Signaal, TrajectStatus, Verbetertraject
from jeugdsturing.escalatie.services.signalen import regels_van
from jeugdsturing.monitor.service import Monitor
from jeugdsturing.regio.models import Regio


def pakketdeel(
    regio: Regio, monitor: Monitor, aanbieder: Aanbieder, peil: date, *, benoemd: bool
) -> dict[str, Any]:
    regels = regels_van(regio)
    trechters = trechterdata(regio, monitor, regels, peil, aanbieder.agb_code, benoemd=benoemd)
    posities = []
    grafieken = []
    for g in trechters:
        eigen = next((p for p in g["punten"] if p["eigen"]), None)
        if eigen is None:
            continue
        posities.append([g["titel"], eigen["waarde"], round(g["doel"], 2), eigen["onder"],
                         eigen["boven"], eigen["niveau"]])  # fmt: skip
        if eigen["niveau"] != "binnen de grenzen":
            grafieken.append(g)
    signalen = [
        [s.regel.naam, s.get_status_display(), f"{s.sinds:%m-%Y}"]
        for s in Signaal.objects.filter(
            regio=regio, aanbieder=aanbieder, status__in=SIGNAAL_LOPEND, sinds__lte=peil
        ).select_related("regel")
    ]
    trajecten = [
        [t.titel, t.get_status_display(), t.get_plan_status_display(), f"{t.geopend_op:%d-%m-%Y}"]
        for t in Verbetertraject.objects.filter(
            regio=regio, aanbieder=aanbieder, geopend_op__lte=peil
        ).exclude(status=TrajectStatus.OORDEEL)
    ]
    return {"posities": posities, "grafieken": grafieken, "signalen": signalen,
            "trajecten": trajecten}  # fmt: skip
