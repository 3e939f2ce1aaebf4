# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""A funnel plot's data from comparison points (monitor.vergelijking): the lines of the
target and the 95% and 99.8% limits over the volume, and one point per provider,
named for the team or only its own for a provider. Shares in percent. The monitor page,
the signals page and the packs draw it with weergave.grafieken.trechter_grafiek."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from jeugdsturing.monitor.trechter import NIVEAU_NAMEN, trechter
from jeugdsturing.monitor.vergelijking import MAATSTAVEN, Punt

Z95 = 1.959964

# Monitor indicators whose fair comparison is a measure of monitor.vergelijking.
INDICATOR_MAATSTAF: dict[str, str] = {
    "uitstroom_volgens_plan": "uitstroom_volgens_plan",
    "doorlooptijd_gemiddeld_dagen": "doorlooptijd",
    "herhaald_gebruik_pct": "herhaald_gebruik",
    "verlengingen": "verlengingen",
}


def schaal(maatstaf: str) -> float:
    """Shares are shown in percent."""
    return 100.0 if MAATSTAVEN[maatstaf].eenheid == "%" else 1.0


def as_titel(maatstaf: str) -> str:
    return {"%": "percentage", "dagen": "dagen", "per cliënt": "per cliënt in zorg"}[
        MAATSTAVEN[maatstaf].eenheid
    ]


def figuur(
    maatstaf: str,
    pts: Sequence[Punt],
    namen: Mapping[str, str],
    *,
    titel: str,
    eigen: str | None = None,
    benoemd: bool = True,
) -> dict[str, Any] | None:
    """The data of one funnel plot of points that share one target (a comparison with
    the region or a goal); None without points."""
    if not pts:
        return None
    m, f = MAATSTAVEN[maatstaf], schaal(maatstaf)
    d = 2 if m.soort == "rate" else 1  # extensions per client need two decimals
    g0 = pts[0].grenzen
    sd = None
    if m.soort == "gemiddelde":  # the spread behind the limits: (upper95 - target) / z * sqrt(n)
        sd = (g0.boven_95 - g0.doel) / Z95 * math.sqrt(pts[0].volume)
    lijnen = [
        {k: (v * f if k != "volume" else v) for k, v in r.items()}
        for r in trechter(m.soort, g0.doel, [p.volume for p in pts], sd)
    ]
    rijen: list[dict[str, Any]] = [
        {"naam": namen.get(p.aanbieder, p.aanbieder) if benoemd or p.aanbieder == eigen
         else "andere aanbieder", "volume": p.volume, "waarde": round(p.waarde * f, d),
         "niveau": NIVEAU_NAMEN[p.niveau], "eigen": p.aanbieder == eigen,
         "onder": round(p.grenzen.onder_998 * f, d), "boven": round(p.grenzen.boven_998 * f, d)}
        for p in pts
    ]  # fmt: skip
    volume = "cliënten" if m.soort == "rate" or maatstaf == "zwaardere_zorg" else "trajecten"
    return {
        "soort": "trechter", "titel": titel, "as": as_titel(maatstaf),
        "volume": f"volume ({volume}, logaritmisch)", "lijnen": lijnen,
        "punten": sorted(rijen, key=lambda r: -float(r["volume"])), "doel": g0.doel * f,
        "eenheid": m.eenheid,
    }  # fmt: skip
