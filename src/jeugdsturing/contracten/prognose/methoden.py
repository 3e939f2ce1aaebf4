# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The simple methods (naive, seasonal), the Kaplan-Meier curve of durations, the
monthly amount of an assignment, and the interval from earlier errors."""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date

from jeugdsturing.contracten.prognose.basis import PER_MAAND, Z80, Claim, TrajectRegel


def gerealiseerd_per_maand(
    claims: Iterable[Claim], jaar: int, tot_maand: int = 12, peil: date | None = None
) -> dict[tuple[str, str], list[int]]:
    """Claimed minus rejected per (aanbieder, gemeente) per care month 1..12 of ``jaar``,
    as known on ``peil`` (None: everything). Months after ``tot_maand`` stay 0."""
    uit: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0] * 12)
    for c in claims:
        if c.zorgmaand.year != jaar or c.zorgmaand.month > tot_maand:
            continue
        if peil is not None and c.ontvangen > peil:
            continue
        if c.afgewezen_op is not None and (peil is None or c.afgewezen_op <= peil):
            continue
        uit[(c.aanbieder, c.gemeente)][c.zorgmaand.month - 1] += c.bedrag
    return dict(uit)


def naief(ytd: int, m: int) -> float:
    return ytd * 12 / m


def seizoensindex(maandreeks: Sequence[int]) -> list[float] | None:
    """Seasonal index per calendar month (1.0 is an average month) from a run of whole
    years of regional monthly totals (January first), by the ratio to a centred
    12-month moving average, so growth or decline is not mistaken for season. Needs
    at least two years; None otherwise."""
    n = len(maandreeks)
    if n < 24 or n % 12:
        return None
    ratios: dict[int, list[float]] = defaultdict(list)
    for t in range(6, n - 6):
        venster = maandreeks[t - 6 : t + 7]
        gemiddelde = (sum(venster[1:-1]) + (venster[0] + venster[-1]) / 2) / 12
        if gemiddelde > 0:
            ratios[t % 12].append(maandreeks[t] / gemiddelde)
    if len(ratios) < 12:
        return None
    index = [statistics.fmean(ratios[i]) for i in range(12)]
    schaal = statistics.fmean(index)
    return [x / schaal for x in index]


def seizoen(ytd: int, m: int, index: Sequence[float]) -> float:
    """Year-to-date scaled by the seasonal weight of the months still to come."""
    gehad = sum(index[:m])
    return ytd * sum(index) / gehad if gehad > 0 else naief(ytd, m)


def kaplan_meier(
    duren: Iterable[tuple[int, bool]], max_maanden: int = 60, min_risico: int = 10
) -> list[float]:
    """S(a): the chance a trajectory is still running a whole months after its start
    month, from (months observed, ended?) pairs; censored observations (still running
    on the peildatum) count as at risk up to their last month. Where fewer than
    ``min_risico`` trajectories are left at risk (ages beyond the history), the curve
    goes on with the mean monthly hazard of the last six reliable months instead of
    staying flat, which would let old trajectories run for ever."""
    eind = [0] * (max_maanden + 1)
    gecensureerd = [0] * (max_maanden + 1)
    n = 0
    for maanden, geeindigd in duren:
        a = min(maanden, max_maanden)
        n += 1
        if geeindigd:
            eind[a] += 1
        else:
            gecensureerd[a] += 1
    s, uit, risico = 1.0, [], n
    hazards: list[float] = []
    for a in range(max_maanden + 1):
        uit.append(s)
        if risico >= min_risico:
            h = eind[a] / risico
            hazards.append(h)
        elif hazards:
            h = statistics.fmean(hazards[-6:])
        else:
            h = eind[a] / risico if risico > 0 else 0.0
        s *= 1 - h
        risico -= eind[a] + gecensureerd[a]
    return uit


def _s(curve: Sequence[float], a: int) -> float:
    return curve[min(a, len(curve) - 1)]


def maandbedrag(t: TrajectRegel, tarief: int | None) -> float:
    """Expected claim per month of a running trajectory: volume x frequency x tariff.
    A total volume (frequency 6) is claimed once, at the start."""
    if tarief is None or t.volume is None or t.frequentie not in PER_MAAND:
        return 0.0
    return t.volume * PER_MAAND[t.frequentie] * tarief


def kwantiel(waarden: Sequence[float], q: float) -> float:
    s = sorted(waarden)
    if not s:
        raise ValueError("geen waarden")
    pos = q * (len(s) - 1)
    lo = math.floor(pos)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (pos - lo)


def interval(
    prognose: float,
    ytd: int,
    maanden: Sequence[int],
    m: int,
    verhoudingen: Sequence[float],
    toeval: float = 0.0,
) -> tuple[int, int]:
    """80% interval. With at least 10 earlier (actual / forecast) ratios of this method
    and month: their 10th and 90th percentiles. Otherwise from the spread s of the
    monthly amounts so far: the error of the naive method has variance
    s^2 x 12 x (12 - m) / m, so forecast +/- 1.28 s sqrt(12 (12 - m) / m).
    ``toeval``: the standard deviation chance alone causes (pijplijn_ruis); the interval
    is at least forecast +/- 1.28 x that wide (earlier ratios of a few years, or of
    other providers, can be narrower than this provider's own chance spread)."""
    if len(verhoudingen) >= 10:
        q = 0.1 if len(verhoudingen) >= 100 else 0.05  # few earlier errors: wider tails
        lo, hi = kwantiel(verhoudingen, q), kwantiel(verhoudingen, 1 - q)
        onder, boven = prognose * lo, prognose * hi
    else:
        s = statistics.stdev(maanden[:m]) if m >= 2 else abs(prognose) / 12
        half = Z80 * s * math.sqrt(12 * (12 - m) / m)
        onder, boven = prognose - half, prognose + half
    onder, boven = min(onder, prognose - Z80 * toeval), max(boven, prognose + Z80 * toeval)
    onder = max(onder, ytd)  # what is realised cannot be undone
    return round(onder), round(max(boven, onder))
