"""Year-end forecasts as pure functions over plain frames (docs/prognose.md).

A forecast is made at month m of year Y, on what is known on the peildatum: the 15th
of month m+1, when the claims (JW323) for care month m are in. Realisation is the
claimed amount for care months 1..m minus the claims rejected (JW325) by then.

Methods:
- ``naief``: year-to-date x 12 / m.
- ``seizoen``: year-to-date scaled by the seasonal weight of the remaining months, with
  a seasonal index of the region's earlier years (ratio to a moving average).
- ``pijplijn`` (PxQ): year-to-date + the expected claims of the trajectories running
  on the peildatum over the remaining months (monthly amount from the assignment's
  volume, frequency and tariff, times the chance the trajectory is still running,
  from a Kaplan-Meier curve of earlier durations, times the month's seasonal index)
  + the expected claims of new inflow (starts per month of the past 24 months).
- ``combinatie``: the mean of ``seizoen`` and ``pijplijn`` (their errors are partly
  independent, so the mean is often better than either).

The interval comes from the method's own errors in earlier years of the region when
there are any (the 10th and 90th percentile of actual / forecast); otherwise from
the spread of the monthly amounts so far (see docs/prognose.md)."""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

METHODEN = ("naief", "seizoen", "pijplijn", "combinatie")
MIN_CURVE = 30  # trajectories a provider needs for its own survival curve
INSTROOM_MAANDEN = 24  # window for the inflow rate of the pipeline method
Z80 = 1.2816  # two-sided 80% normal interval

# Months per unit of frequency (WMO757): a day, a week, a month; 6 = total per assignment.
PER_MAAND = {"1": 365.25 / 12, "2": 365.25 / 12 / 7, "4": 1.0}


def peildatum(jaar: int, maand: int) -> date:
    """The day a forecast at month ``maand`` is made: the 15th of the next month."""
    return date(jaar + maand // 12, maand % 12 + 1, 15)


def maand_index(d: date) -> int:
    return d.year * 12 + d.month - 1


@dataclass(frozen=True)
class Claim:
    aanbieder: str
    gemeente: str
    productcode: str
    zorgmaand: date  # first day of the care month
    bedrag: int  # eurocent
    tarief: int | None
    ontvangen: date  # dagtekening of the JW323
    afgewezen_op: date | None  # dagtekening of the JW325 that rejected it
    toewijzingnummer: str = ""


@dataclass(frozen=True)
class TrajectRegel:
    aanbieder: str
    gemeente: str
    productcode: str
    begindatum: date | None
    start_gemeld_op: date | None
    einddatum: date | None
    stop_gemeld_op: date | None
    toewijzingsdatum: date | None
    volume: int | None
    eenheid: str
    frequentie: str
    toewijzingnummer: str = ""


@dataclass(frozen=True)
class Prognose:
    aanbieder: str
    gemeente: str
    gerealiseerd: int
    prognose: int
    onder: int
    boven: int
    methode: str


# --- realisation ---------------------------------------------------------------------


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


# --- the methods ---------------------------------------------------------------------


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


@dataclass(frozen=True)
class PijplijnInvoer:
    """What the pipeline method knows on the peildatum, per (aanbieder, gemeente)."""

    lopend: Sequence[tuple[str, date, float]]  # productcode, start month, monthly amount
    wachtend: int  # assigned, not yet started
    instroom_per_maand: float  # starts per month in the past year
    bedrag_nieuw: float  # mean monthly amount of the past year's starts
    product_nieuw: str  # most frequent product of those starts
    benutting: float = 1.0  # claimed / planned x season over the past 12 months
    aanbieder: str = ""


def pijplijn_rest(
    invoer: PijplijnInvoer,
    jaar: int,
    m: int,
    overleving: Mapping[str, Sequence[float]],
    index: Sequence[float],
) -> float:
    """Expected claims for care months m+1..12 of ``jaar``."""
    alle = overleving["*"]
    rest = 0.0
    peil_maand = jaar * 12 + m - 1  # index of care month m

    def curve_van(product: str) -> Sequence[float]:
        eigen = overleving.get(f"{invoer.aanbieder}|{product}")
        return eigen if eigen is not None else overleving.get(product, alle)

    for product, start, bedrag in invoer.lopend:
        curve = curve_van(product)
        a0 = peil_maand - maand_index(start)
        s0 = _s(curve, a0)
        if s0 <= 0:
            continue
        for k in range(m + 1, 13):
            a = a0 + k - m
            actief = (_s(curve, a) + _s(curve, a + 1)) / 2  # ends fall mid-month
            rest += bedrag * index[k - 1] * actief / s0
    curve = curve_van(invoer.product_nieuw)
    for j in range(m + 1, 13):
        starts = invoer.instroom_per_maand
        if j == m + 1:
            starts = max(starts, float(invoer.wachtend))
        for k in range(j, 13):
            deel = 0.5 if k == j else 1.0  # starts fall mid-month on average
            actief = (_s(curve, k - j) + _s(curve, k - j + 1)) / 2
            rest += starts * invoer.bedrag_nieuw * index[k - 1] * deel * actief
    return rest * invoer.benutting


# --- intervals -----------------------------------------------------------------------


def kwantiel(waarden: Sequence[float], q: float) -> float:
    s = sorted(waarden)
    if not s:
        raise ValueError("geen waarden")
    pos = q * (len(s) - 1)
    lo = math.floor(pos)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (pos - lo)


def interval(
    prognose: float, ytd: int, maanden: Sequence[int], m: int, verhoudingen: Sequence[float]
) -> tuple[int, int]:
    """80% interval. With at least 10 earlier (actual / forecast) ratios of this method
    and month: their 10th and 90th percentiles. Otherwise from the spread s of the
    monthly amounts so far: the error of the naive method has variance
    s^2 x 12 x (12 - m) / m, so forecast +/- 1.28 s sqrt(12 (12 - m) / m)."""
    if len(verhoudingen) >= 10:
        q = 0.1 if len(verhoudingen) >= 100 else 0.05  # few earlier errors: wider tails
        lo, hi = kwantiel(verhoudingen, q), kwantiel(verhoudingen, 1 - q)
        onder, boven = prognose * lo, prognose * hi
    else:
        s = statistics.stdev(maanden[:m]) if m >= 2 else abs(prognose) / 12
        half = Z80 * s * math.sqrt(12 * (12 - m) / m)
        onder, boven = prognose - half, prognose + half
    onder = max(onder, ytd)  # what is realised cannot be undone
    return round(onder), round(max(boven, onder))


# --- putting it together -------------------------------------------------------------


def _deel_van_maand(mi: int, begin: date, eind: date | None) -> float:
    """The share of the days of month index ``mi`` within [begin, eind]."""
    eerste = date(mi // 12, mi % 12 + 1, 1)
    laatste = date(mi // 12 + (mi % 12 + 1) // 12, (mi % 12 + 1) % 12 + 1, 1) - timedelta(days=1)
    van, tot = max(eerste, begin), min(laatste, eind or laatste)
    return max(0, (tot - van).days + 1) / ((laatste - eerste).days + 1)


@dataclass
class _Verzameling:
    lopend: list[tuple[str, date, float]] = field(default_factory=list)
    wachtend: int = 0
    nieuw: int = 0
    bedragen: list[float] = field(default_factory=list)
    producten: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Stand:
    """Everything a forecast at (jaar, m) may use, derived from the frames as known on
    the peildatum."""

    jaar: int
    m: int
    ytd: dict[tuple[str, str], list[int]]
    index: list[float] | None
    pijplijn: dict[tuple[str, str], PijplijnInvoer]
    overleving: dict[str, list[float]]


def stand_op(
    claims: Sequence[Claim],
    trajecten: Sequence[TrajectRegel],
    tarieven: Mapping[str, int],
    jaar: int,
    m: int,
) -> Stand:
    """The state on the peildatum of (jaar, m): no fact dated after it is used."""
    peil = peildatum(jaar, m)
    ytd = gerealiseerd_per_maand(claims, jaar, m, peil)
    # The region's monthly totals of the (up to three) whole earlier years.
    reeks: list[int] = []
    for j in range(jaar - 3, jaar):
        jaarwaarden = list(gerealiseerd_per_maand(claims, j, 12, peil).values())
        totalen = [sum(v[i] for v in jaarwaarden) for i in range(12)]
        if all(totalen):
            reeks += totalen
        else:
            reeks = []  # a year with an empty month (ramp-up, no data) breaks the run
    index = seizoensindex(reeks)
    # Claimed tariffs known on the peildatum, for products without a contract tariff.
    geclaimd: dict[str, list[int]] = defaultdict(list)
    for c in claims:
        if c.ontvangen <= peil and c.tarief:
            geclaimd[c.productcode].append(c.tarief)
    tarief = {p: int(statistics.median(v)) for p, v in geclaimd.items()}
    tarief.update(tarieven)

    einde_peil = date(jaar + m // 12, m % 12 + 1, 1) - timedelta(days=1)  # end of month m
    maand_m = maand_index(einde_peil)
    venster = maand_m - 11  # the twelve care months up to and including m
    # Which assignments had a claim for care month m, as known on the peildatum: a
    # trajectory without one has most likely ended (its JW307 may still be underway).
    geclaimd_m: set[tuple[str, str]] = set()
    werkelijk: dict[str, float] = defaultdict(float)  # claimed per provider, last 12 months
    for c in claims:
        if c.ontvangen > peil:
            continue
        mi = maand_index(c.zorgmaand)
        if mi == maand_m:
            geclaimd_m.add((c.gemeente, c.toewijzingnummer))
        if venster <= mi <= maand_m:
            werkelijk[c.aanbieder] += c.bedrag
    seizoen_idx = index or [1.0] * 12
    gepland: dict[str, float] = defaultdict(float)  # planned x season, same months
    duren: dict[str, list[tuple[int, bool]]] = defaultdict(list)
    per: dict[tuple[str, str], _Verzameling] = defaultdict(_Verzameling)
    # Inflow rate and the amount of new trajectories from the last (up to) 24 months: a
    # longer window halves the chance noise of the estimate.
    eerste = min((t.begindatum for t in trajecten if t.begindatum is not None), default=peil)
    venster_inflow = max(1, min(INSTROOM_MAANDEN, maand_index(einde_peil) - maand_index(eerste)))
    jaar_terug = date(
        (maand_index(einde_peil) - venster_inflow + 1) // 12,
        (maand_index(einde_peil) - venster_inflow + 1) % 12 + 1,
        1,
    ) - timedelta(days=1)
    for t in trajecten:
        d = per[(t.aanbieder, t.gemeente)]
        if (
            t.begindatum is None
            or t.start_gemeld_op is None
            or t.start_gemeld_op > peil
            or t.begindatum > einde_peil
        ):
            if t.toewijzingsdatum is not None and t.toewijzingsdatum <= einde_peil:
                d.wachtend += 1
            continue
        start_m = maand_index(t.begindatum)
        gestopt = (
            t.einddatum is not None
            and t.stop_gemeld_op is not None
            and t.stop_gemeld_op <= peil
            and t.einddatum <= einde_peil
        )
        if not gestopt and start_m < maand_m and (t.gemeente, t.toewijzingnummer) not in geclaimd_m:
            gestopt = t.frequentie != "6"  # no claim in month m: ended, stop not yet known
        eind_m = maand_index(t.einddatum) if gestopt and t.einddatum else maand_m
        duur = ((eind_m if gestopt else maand_m) - start_m, gestopt)
        duren[t.productcode].append(duur)
        duren[f"{t.aanbieder}|{t.productcode}"].append(duur)
        bedrag = maandbedrag(t, tarief.get(t.productcode))
        if t.frequentie != "6":
            eind = t.einddatum if gestopt else None
            for mi in range(max(start_m, venster), min(eind_m, maand_m) + 1):
                deel = _deel_van_maand(mi, t.begindatum, eind)
                gepland[t.aanbieder] += bedrag * seizoen_idx[mi % 12] * deel
            if not gestopt:
                d.lopend.append((t.productcode, t.begindatum, bedrag))
        if t.begindatum > jaar_terug:
            d.nieuw += 1
            if t.frequentie != "6":
                d.bedragen.append(bedrag)
            d.producten.append(t.productcode)
    # A curve per provider and product where there are enough trajectories (providers
    # differ: some keep children much longer), else per product, else over all.
    overleving = {
        p: kaplan_meier(v) for p, v in duren.items() if "|" not in p or len(v) >= MIN_CURVE
    }
    overleving["*"] = kaplan_meier([x for p, v in duren.items() if "|" not in p for x in v])
    regionaal = sum(werkelijk.values()) / sum(gepland.values()) if sum(gepland.values()) else 1.0
    pijplijn = {}
    for sleutel, d in per.items():
        g = gepland.get(sleutel[0], 0.0)
        benutting = werkelijk.get(sleutel[0], 0.0) / g if g > 0 else regionaal
        pijplijn[sleutel] = PijplijnInvoer(
            lopend=d.lopend,
            wachtend=d.wachtend,
            instroom_per_maand=d.nieuw / venster_inflow,
            bedrag_nieuw=statistics.fmean(d.bedragen) if d.bedragen else 0.0,
            product_nieuw=max(set(d.producten), key=d.producten.count) if d.producten else "*",
            benutting=min(max(benutting, 0.3), 1.5),
            aanbieder=sleutel[0],
        )
    return Stand(jaar, m, ytd, index, pijplijn, overleving)


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
) -> list[Prognose]:
    """Forecasts with their interval for every key, by one method; ``voorspellingen``
    (from alle_voorspellingen) saves computing them again."""
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
        onder, boven = interval(waarde, ytd, maanden, stand.m, verhoudingen)
        uit.append(Prognose(sleutel[0], sleutel[1], ytd, round(waarde), onder, boven, methode))
    return uit


def mape(paren: Iterable[tuple[float, float]]) -> float | None:
    """Mean absolute percentage error over (forecast, actual) pairs with actual > 0."""
    fouten = [abs(p - a) / a for p, a in paren if a > 0]
    return statistics.fmean(fouten) if fouten else None
