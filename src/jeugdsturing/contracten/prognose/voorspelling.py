# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""A forecast per key (provider, gemeente) with the chosen method and its interval,
and the error measure of the backtest."""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping, Sequence

from jeugdsturing.contracten.prognose.basis import Prognose
from jeugdsturing.contracten.prognose.methoden import interval, naief, seizoen
from jeugdsturing.contracten.prognose.pijplijn import pijplijn_rest, pijplijn_ruis
from jeugdsturing.contracten.prognose.stand import Stand


def voorspel(stand: Stand, methode: str, sleutel: tuple[str, str]) -> float:
    maanden = stand.ytd.get(sleutel, [0] * 12)
    ytd = sum(maanden[: stand.m])
    if methode == "naief":
        return naief(ytd, stand.m)
    if methode == "seizoen":
        return seizoen(ytd, stand.m, stand.index) if stand.index else naief(ytd, stand.m)
    if methode == "pijplijn":
        invoer = stand.pijplijn.get(sleutel)
        if invoer is None:
            return naief(ytd, stand.m)
        index = stand.index or [1.0] * 12
        return ytd + pijplijn_rest(invoer, stand.jaar, stand.m, stand.overleving, index)
    if methode == "combinatie":
        return (voorspel(stand, "seizoen", sleutel) + voorspel(stand, "pijplijn", sleutel)) / 2
    raise ValueError(f"onbekende methode {methode!r}")


def sleutels(stand: Stand) -> list[tuple[str, str]]:
    """Provider x gemeente pairs with a realisation or a running trajectory."""
    met_ytd = {k for k, v in stand.ytd.items() if any(v[: stand.m])}
    met_zorg = {k for k, p in stand.pijplijn.items() if p.lopend or p.wachtend}
    return sorted(met_ytd | met_zorg)


def ruis_per_sleutel(stand: Stand) -> dict[tuple[str, str], float]:
    """pijplijn_ruis for every provider x gemeente of the stand."""
    index = stand.index or [1.0] * 12
    return {
        sleutel: pijplijn_ruis(invoer, stand.jaar, stand.m, stand.overleving, index)
        for sleutel, invoer in stand.pijplijn.items()
    }


def alle_voorspellingen(stand: Stand) -> dict[tuple[str, str], dict[str, float]]:
    """Every method's forecast for every key, each method computed once (the backtest
    needs them all; the combination reuses the seasonal and pipeline values)."""
    uit = {}
    for sleutel in sleutels(stand):
        w = {m: voorspel(stand, m, sleutel) for m in ("naief", "seizoen", "pijplijn")}
        w["combinatie"] = (w["seizoen"] + w["pijplijn"]) / 2
        uit[sleutel] = w
    return uit


def bereken(
    stand: Stand,
    methode: str,
    verhoudingen: Sequence[float] = (),
    voorspellingen: Mapping[tuple[str, str], Mapping[str, float]] | None = None,
    ruis: Mapping[tuple[str, str], float] | None = None,
) -> list[Prognose]:
    """Forecasts with their interval for every key, by one method; ``voorspellingen``
    (from alle_voorspellingen) saves computing them again. ``ruis`` (from
    ruis_per_sleutel) makes the pipeline's intervals at least as wide as chance alone."""
    uit = []
    for sleutel in sleutels(stand):
        maanden = stand.ytd.get(sleutel, [0] * 12)
        ytd = sum(maanden[: stand.m])
        berekend = (
            voorspellingen[sleutel][methode]
            if voorspellingen is not None
            else voorspel(stand, methode, sleutel)
        )
        waarde = max(berekend, ytd)
        toeval = math.sqrt(ruis.get(sleutel, 0.0)) if ruis and methode == "pijplijn" else 0.0
        onder, boven = interval(waarde, ytd, maanden, stand.m, verhoudingen, toeval)
        uit.append(Prognose(sleutel[0], sleutel[1], ytd, round(waarde), onder, boven, methode))
    return uit


def mape(paren: Iterable[tuple[float, float]]) -> float | None:
    """Mean absolute percentage error over (forecast, actual) pairs with actual > 0."""
    fouten = [abs(p - a) / a for p, a in paren if a > 0]
    return statistics.fmean(fouten) if fouten else None
