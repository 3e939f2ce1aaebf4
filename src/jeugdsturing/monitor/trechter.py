# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Funnel plots (Spiegelhalter 2005, "Funnel plots for comparing institutional
performance", Statistics in Medicine 24:1185-1202): each unit's value is compared with
control limits around a target that depend on the unit's volume, so that a small
provider is not flagged for a rate that swings by chance. Pure functions, no Django.

- a proportion (k of n): exact binomial limits with Spiegelhalter's interpolation
  (appendix A.1.1): r_p is the smallest r with P(R <= r) >= p under Binomial(n, p0);
  a = (P(R <= r_p) - p) / (P(R <= r_p) - P(R <= r_p - 1)); the limit is (r_p - a) / n.
- a rate (k events over an exposure E, e.g. extensions per client in care): the same
  with Poisson(E * target) counts; the limit is (r_p - a) / E.
- a mean (durations): the normal approximation target +- z_p * sd / sqrt(n), with sd
  the spread of the individual values in the reference (the region).

The limits are two-sided at 95% (p = 0.025 and 0.975) and 99.8% (p = 0.001 and
0.999), as in the NHS and CQC practice. docs/escalatie.md has a worked example."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from statistics import NormalDist
from typing import Literal

Soort = Literal["proportie", "rate", "gemiddelde"]
Richting = Literal["hoger_slechter", "lager_slechter"]

NIVEAUS = (0.95, 0.998)
_Z = NormalDist()


class Niveau(StrEnum):
    BINNEN = "binnen"
    WAARSCHUWING = "95"  # outside the 95% limits
    ALARM = "99,8"  # outside the 99.8% limits


NIVEAU_NAMEN = {
    Niveau.BINNEN: "binnen de grenzen",
    Niveau.WAARSCHUWING: "buiten de 95%-grens",
    Niveau.ALARM: "buiten de 99,8%-grens",
}


@dataclass(frozen=True)
class Grenzen:
    """The control limits at one volume, in the unit of the value (a fraction, a rate
    per unit of exposure, or days)."""

    doel: float
    onder_95: float
    boven_95: float
    onder_998: float
    boven_998: float


def _log_binomiaal(k: int, n: int, p: float) -> float:
    if p <= 0.0:
        return 0.0 if k == 0 else -math.inf
    if p >= 1.0:
        return 0.0 if k == n else -math.inf
    return (
        math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)
        + k * math.log(p) + (n - k) * math.log1p(-p)
    )  # fmt: skip


def _log_poisson(k: int, mu: float) -> float:
    if mu <= 0.0:
        return 0.0 if k == 0 else -math.inf
    return k * math.log(mu) - mu - math.lgamma(k + 1)


def _cdf(logpmf: Callable[[int], float], r: int, laagste: int) -> float:
    """P(R <= r), summing from `laagste` (below it every term is < 1e-300)."""
    if r < 0:
        return 0.0
    return min(1.0, math.fsum(math.exp(logpmf(k)) for k in range(laagste, r + 1)))


def _grens(
    logpmf: Callable[[int], float], kans: float, gemiddelde: float, sd: float, maximum: int | None
) -> float:
    """Spiegelhalter's interpolated p-quantile of a discrete count distribution:
    r_p - a, with r_p the smallest r such that P(R <= r) >= p."""
    laagste = max(0, math.floor(gemiddelde - 40 * sd - 40))
    r = max(0, math.floor(gemiddelde + _Z.inv_cdf(kans) * sd))
    if maximum is not None:
        r = min(r, maximum)
    while r > 0 and _cdf(logpmf, r - 1, laagste) >= kans:
        r -= 1
    while _cdf(logpmf, r, laagste) < kans and (maximum is None or r < maximum):
        r += 1
    boven, onder = _cdf(logpmf, r, laagste), _cdf(logpmf, r - 1, laagste)
    a = (boven - kans) / (boven - onder) if boven > onder else 0.0
    return r - a


def binomiaal_grens(p0: float, n: int, kans: float) -> float:
    """The control limit at probability `kans` for a proportion over n (a fraction)."""
    if n <= 0:
        raise ValueError("een proportie heeft een noemer van minstens 1")
    if not 0.0 <= p0 <= 1.0:
        raise ValueError(f"doelwaarde {p0} ligt niet tussen 0 en 1")
    sd = math.sqrt(n * p0 * (1 - p0))
    r = _grens(lambda k: _log_binomiaal(k, n, p0), kans, n * p0, sd, n)
    return min(1.0, max(0.0, r / n))


def poisson_grens(doel: float, blootstelling: float, kans: float) -> float:
    """The control limit at probability `kans` for a rate (events per unit of exposure)."""
    if blootstelling <= 0:
        raise ValueError("een rate heeft een blootstelling groter dan 0")
    if doel < 0:
        raise ValueError(f"doelwaarde {doel} is negatief")
    mu = doel * blootstelling
    r = _grens(lambda k: _log_poisson(k, mu), kans, mu, math.sqrt(mu), None)
    return max(0.0, r / blootstelling)


def normale_grens(doel: float, sd: float, n: int, kans: float) -> float:
    """The control limit at probability `kans` for a mean of n values with spread sd."""
    if n <= 0:
        raise ValueError("een gemiddelde heeft minstens 1 waarde")
    return doel + _Z.inv_cdf(kans) * sd / math.sqrt(n)


def grenzen(soort: Soort, doel: float, volume: float, sd: float | None = None) -> Grenzen:
    """The 95% and 99.8% limits around `doel` at a volume (n, or the exposure of a rate)."""

    def grens(kans: float) -> float:
        if soort == "proportie":
            return binomiaal_grens(doel, int(volume), kans)
        if soort == "rate":
            return poisson_grens(doel, volume, kans)
        if sd is None:
            raise ValueError("een gemiddelde heeft de spreiding (sd) van de referentie nodig")
        return normale_grens(doel, sd, int(volume), kans)

    return Grenzen(doel, grens(0.025), grens(0.975), grens(0.001), grens(0.999))


def niveau(waarde: float, g: Grenzen, richting: Richting) -> Niveau:
    """How far a value lies outside its limits on the side that is worse."""
    if richting == "hoger_slechter":
        if waarde > g.boven_998:
            return Niveau.ALARM
        return Niveau.WAARSCHUWING if waarde > g.boven_95 else Niveau.BINNEN
    if waarde < g.onder_998:
        return Niveau.ALARM
    return Niveau.WAARSCHUWING if waarde < g.onder_95 else Niveau.BINNEN


def trechter(
    soort: Soort, doel: float, volumes: Iterable[float], sd: float | None = None, punten: int = 40
) -> list[dict[str, float]]:
    """The funnel's lines for a plot: the limits at volumes from the smallest to the
    largest given (one volume gives a flat line), rows volume, onder_95, ... ."""
    vv = [v for v in volumes if v > 0]
    if not vv:
        return []
    laag, hoog = max(1.0, min(vv) * 0.8), max(vv) * 1.1
    stappen = sorted(
        {round(laag * (hoog / laag) ** (i / (punten - 1)), 3) for i in range(punten)}
        | ({float(int(v)) for v in vv} if soort != "rate" else set())
    )
    uit = []
    for v in stappen:
        if soort != "rate" and int(v) < 1:
            continue
        g = grenzen(soort, doel, v if soort == "rate" else int(v), sd)
        uit.append({"volume": v, "doel": doel, "onder_95": g.onder_95, "boven_95": g.boven_95,
                    "onder_998": g.onder_998, "boven_998": g.boven_998})  # fmt: skip
    return uit
