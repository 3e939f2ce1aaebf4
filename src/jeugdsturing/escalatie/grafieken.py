# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The escalation charts: a funnel plot per rule (every provider against the region,
named for the team and the toegang, only its own name for a provider), and a case's
indicator month by month against the region and the plan's target."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from jeugdsturing.core.access import Scope
from jeugdsturing.escalatie.bijwerken import laatste_bericht
from jeugdsturing.escalatie.evaluatie import Regel, maandeinde, rule_punten
from jeugdsturing.escalatie.models import Verbetertraject
from jeugdsturing.monitor.selectors import aanbieder_namen
from jeugdsturing.monitor.service import Monitor
from jeugdsturing.monitor.trechterfiguur import as_titel, figuur, schaal
from jeugdsturing.monitor.vergelijking import MAATSTAVEN, punten, venster
from jeugdsturing.regio.models import Regio
from jeugdsturing.weergave.grafieken import trechter_grafiek, trend_grafiek


def trechterdata(
    regio: Regio, monitor: Monitor, regels: Sequence[Regel], peil: date, eigen: str | None,
    *, benoemd: bool = True,
) -> list[dict[str, Any]]:  # fmt: skip
    """Per rule that compares with the region (a trend has a target per provider, not
    one funnel): its funnel lines and points as data (a pack stores them). Other
    providers are named only when `benoemd`; `eigen` (an AGB code) is always named."""
    namen = aanbieder_namen(regio)
    uit = []
    for regel in regels:
        if regel.vergelijking != "regio":
            continue
        g = figuur(regel.maatstaf, rule_punten(monitor, regel, peil), namen, titel=regel.naam,
                   eigen=eigen, benoemd=benoemd)  # fmt: skip
        if g is not None:
            uit.append({**g, "regel": regel.code, "minimum_volume": regel.minimum_volume})
    return uit


def teken_trechter(g: dict[str, Any]) -> str:
    return trechter_grafiek(g["lijnen"], g["punten"], g["titel"], g["as"], g["volume"])


def trechters(
    regio: Regio, monitor: Monitor, regels: Sequence[Regel], peil: date, scope: Scope
) -> list[dict[str, Any]]:
    """The funnel plots of the signals page: named for the team and the toegang, only
    its own name for a provider."""
    data = trechterdata(regio, monitor, regels, peil, scope.aanbieder,
                        benoemd=scope.aanbieder is None)  # fmt: skip
    return [{**g, "svg": teken_trechter(g)} for g in data]


def verloop(t: Verbetertraject, monitor: Monitor, maanden: int = 18) -> str:
    """The case's indicator at each month-end (over the 12 months up to it) for the
    provider and the region, with the plan's target: is the plan working?"""
    m, f = MAATSTAVEN[t.maatstaf], schaal(t.maatstaf)
    peil = laatste_bericht(monitor)
    if peil is None:
        return ""
    eigen_rij: list[dict[str, Any]] = []
    regio_rij: list[dict[str, Any]] = []
    plan_rij: list[dict[str, Any]] = []
    for k in range(maanden - 1, -1, -1):
        dag = maandeinde(peil, k)
        pts = punten(t.maatstaf, monitor.verrijkt, monitor.data.verlengingen, venster(dag, 12),
                     normen=monitor.normen)  # fmt: skip
        eigen = next((p for p in pts if p.aanbieder == t.aanbieder.agb_code), None)
        label = f"{dag:%Y-%m}"
        if eigen is not None:
            eigen_rij.append({"maand": label, "reeks": t.aanbieder.naam,
                              "waarde": round(eigen.waarde * f, 1)})  # fmt: skip
            regio_rij.append({"maand": label, "reeks": "regio",
                              "waarde": round(eigen.grenzen.doel * f, 1)})  # fmt: skip
            if t.streefwaarde is not None:
                plan_rij.append({"maand": label, "reeks": "streefwaarde plan",
                                 "waarde": t.streefwaarde})  # fmt: skip
    rijen = eigen_rij + regio_rij + plan_rij
    if not rijen:
        return ""
    titel = f"{m.naam[0].upper()}{m.naam[1:]}: {t.aanbieder.naam} tegen de regio"
    return trend_grafiek(rijen, titel, as_titel(t.maatstaf))
