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
  volume, frequency and tariff, times the chance the trajectory is still running given
  that it came through month m, from a Kaplan-Meier curve of earlier durations, times
  the month's seasonal index and the share of the planned volume providers claim)
  + the expected claims of new inflow (each start of the past 24 months a template
  with its own product, curve and amount; more in month m+1 when more children wait
  for their start than usual).
``pijplijn_ruis`` gives the variance chance alone causes under that model: the noise
floor the backtest reports.
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
WACHT_MAANDEN = 6  # an assignment waiting longer than this is not counted as waiting
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
    # The starts of the inflow window as templates for new inflow: productcode, amount
    # (per month, or once for a total volume) and whether it is claimed once.
    nieuw: Sequence[tuple[str, float, bool]] = ()
    venster: int = 1  # months in the inflow window
    # The usual number waiting at a month end in the window (None: no history).
    wachtend_normaal: float | None = None
    benutting_lopend: float = 1.0  # claimed / planned x season of the running trajectories
    benutting_nieuw: float = 1.0  # the same for the trajectories started in the past year
    aanbieder: str = ""


def _curve(
    overleving: Mapping[str, Sequence[float]], aanbieder: str, product: str
) -> Sequence[float]:
    """The provider's own curve for the product, else the product's, else the overall."""
    eigen = overleving.get(f"{aanbieder}|{product}")
    return eigen if eigen is not None else overleving.get(product, overleving["*"])


def _eerste_maand(invoer: PijplijnInvoer) -> float:
    """Weight of month m+1 in the new inflow: more (or fewer) starts when more (fewer)
    children wait for their start than usual; the assignments already made are the one
    part of next month's inflow that is known."""
    per_maand = len(invoer.nieuw) / invoer.venster
    if invoer.wachtend_normaal is None:
        return max(1.0, invoer.wachtend / per_maand)
    return max(0.0, 1.0 + (invoer.wachtend - invoer.wachtend_normaal) / per_maand)


def pijplijn_rest(
    invoer: PijplijnInvoer,
    jaar: int,
    m: int,
    overleving: Mapping[str, Sequence[float]],
    index: Sequence[float],
) -> float:
    """Expected claims for care months m+1..12 of ``jaar``."""
    peil_maand = jaar * 12 + m - 1  # index of care month m
    lopend = 0.0
    for product, start, bedrag in invoer.lopend:
        curve = _curve(overleving, invoer.aanbieder, product)
        a0 = peil_maand - maand_index(start)
        # Running on the peildatum (its claim for month m in, no stop known by the 15th
        # of m+1) means it has come through month m: condition on S(a0 + 1), not S(a0),
        # which would count month m's ends a second time (8% too few months, measured).
        s0 = _s(curve, a0 + 1)
        if s0 <= 0:
            continue
        for k in range(m + 1, 13):
            a = a0 + k - m
            actief = (_s(curve, a) + _s(curve, a + 1)) / 2  # ends fall mid-month
            lopend += bedrag * index[k - 1] * actief / s0
    if not invoer.nieuw:
        return lopend * invoer.benutting_lopend
    # New inflow: every start of the window is a template, with its own product's curve
    # and amount, arriving at len(nieuw) / venster starts per month.
    eerste = _eerste_maand(invoer)
    gewicht_eenmalig = (eerste + (12 - m - 1)) / invoer.venster
    per_product: dict[str, float] = {}
    nieuw = 0.0
    for product, bedrag, eenmalig in invoer.nieuw:
        if eenmalig:  # a total volume is claimed once, in the start month
            nieuw += bedrag * gewicht_eenmalig
            continue
        factor = per_product.get(product)
        if factor is None:
            curve = _curve(overleving, invoer.aanbieder, product)
            factor = 0.0
            for j in range(m + 1, 13):
                w = eerste if j == m + 1 else 1.0
                for k in range(j, 13):
                    deel = 0.5 if k == j else 1.0  # starts fall mid-month on average
                    actief = (_s(curve, k - j) + _s(curve, k - j + 1)) / 2
                    factor += w * index[k - 1] * deel * actief
            factor /= invoer.venster
            per_product[product] = factor
        nieuw += bedrag * factor
    return lopend * invoer.benutting_lopend + nieuw * invoer.benutting_nieuw


def _verdeling_einde(curve: Sequence[float], vanaf: int, tot: int) -> list[tuple[int, float]]:
    """(end age d, probability) for a trajectory known to run at age ``vanaf``: ends at
    ages vanaf..tot, and a last entry (tot + 1) for 'still running after age tot'."""
    s0 = _s(curve, vanaf)
    if s0 <= 0:
        return []
    uit = [(d, (_s(curve, d) - _s(curve, d + 1)) / s0) for d in range(vanaf, tot + 1)]
    return [*uit, (tot + 1, _s(curve, tot + 1) / s0)]


def _actief(d: int, a: int) -> float:
    """Share of the month at age a that a trajectory ending at age d is running."""
    return 1.0 if d > a else 0.5 if d == a else 0.0


def pijplijn_ruis(
    invoer: PijplijnInvoer,
    jaar: int,
    m: int,
    overleving: Mapping[str, Sequence[float]],
    index: Sequence[float],
) -> float:
    """The variance of the claims for care months m+1..12 that chance alone causes,
    when everything the pipeline method assumes is exactly right: which running
    trajectories end when (each on its own curve), and how many children start (a
    Poisson process at the inflow rate; compound, since each start costs differently).
    A forecast cannot on average get closer than sqrt(2 / pi) x its square root: the
    noise floor of the backtest. Leaves out how much providers deliver of the planned
    volume, so the real floor is a little higher."""
    peil_maand = jaar * 12 + m - 1
    variantie = 0.0
    v1: dict[tuple[str, int], float] = {}  # variance for 1 cent a month, per product, age
    for product, start, bedrag in invoer.lopend:
        a0 = peil_maand - maand_index(start)
        if (product, a0) not in v1:
            curve = _curve(overleving, invoer.aanbieder, product)
            e = e2 = 0.0
            for d, p in _verdeling_einde(curve, a0 + 1, a0 + 12 - m):
                r = sum(index[k - 1] * _actief(d, a0 + k - m) for k in range(m + 1, 13))
                e += p * r
                e2 += p * r * r
            v1[(product, a0)] = e2 - e * e
        b = bedrag * invoer.benutting_lopend
        variantie += b * b * v1[(product, a0)]
    if not invoer.nieuw:
        return variantie
    per_maand = len(invoer.nieuw) / invoer.venster
    eerste = _eerste_maand(invoer)
    z2: dict[tuple[str, int], float] = {}  # E[claims^2] of one start of 1 cent a month
    for j in range(m + 1, 13):
        starts = per_maand * (eerste if j == m + 1 else 1.0)
        som = 0.0  # sum over the templates of E[Y^2]
        for product, bedrag, eenmalig in invoer.nieuw:
            b = bedrag * invoer.benutting_nieuw
            if eenmalig:
                som += b * b
                continue
            sleutel = (product, j)
            if sleutel not in z2:
                curve = _curve(overleving, invoer.aanbieder, product)
                z2[sleutel] = sum(
                    p
                    * sum(
                        index[k - 1] * (0.5 if k == j else 1.0) * _actief(d, k - j)
                        for k in range(j, 13)
                    )
                    ** 2
                    for d, p in _verdeling_einde(curve, 0, 12 - j)
                )
            som += b * b * z2[sleutel]
        variantie += starts * som / len(invoer.nieuw)
    return variantie


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
    wachtend_eerder: int = 0  # waiting at the month ends of the window before m, summed
    nieuw: list[tuple[str, float, bool]] = field(default_factory=list)


class _Benutting:
    """Claimed against planned x season, per provider, for one group of trajectories."""

    def __init__(self) -> None:
        self.geclaimd: dict[str, float] = defaultdict(float)
        self.gepland: dict[str, float] = defaultdict(float)

    def tel(self, aanbieder: str, geclaimd: float, gepland: float) -> None:
        self.geclaimd[aanbieder] += geclaimd
        self.gepland[aanbieder] += gepland

    def van(self, aanbieder: str, anders: float) -> float:
        return _graad(self.geclaimd.get(aanbieder, 0.0), self.gepland.get(aanbieder, 0.0), anders)

    def regionaal(self) -> float:
        return _graad(sum(self.geclaimd.values()), sum(self.gepland.values()), 1.0)


def _graad(geclaimd: float, gepland: float, anders: float) -> float:
    """Claimed / planned, within [0.3, 1.5]; ``anders`` when nothing was planned."""
    return min(max(geclaimd / gepland, 0.3), 1.5) if gepland > 0 else anders


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
    per_traject: dict[tuple[str, str], int] = defaultdict(int)  # claimed, last 12 months
    for c in claims:
        if c.ontvangen > peil:
            continue
        mi = maand_index(c.zorgmaand)
        if mi == maand_m:
            geclaimd_m.add((c.gemeente, c.toewijzingnummer))
        afgewezen = c.afgewezen_op is not None and c.afgewezen_op <= peil
        if venster <= mi <= maand_m and not afgewezen:  # as the realisation counts it
            per_traject[(c.gemeente, c.toewijzingnummer)] += c.bedrag
    seizoen_idx = index or [1.0] * 12
    # How much of the planned volume providers claim (they rarely deliver all of it),
    # measured apart for the running trajectories and for last year's starts: they differ.
    alle, lopende, nieuwe = _Benutting(), _Benutting(), _Benutting()
    duren: dict[str, list[tuple[int, bool]]] = defaultdict(list)
    per: dict[tuple[str, str], _Verzameling] = defaultdict(_Verzameling)
    # Inflow rate and the amount of new trajectories from the last (up to) 24 months: a
    # longer window halves the chance noise of the estimate.
    eerste = min((t.begindatum for t in trajecten if t.begindatum is not None), default=peil)
    venster_inflow = max(1, min(INSTROOM_MAANDEN, maand_index(einde_peil) - maand_index(eerste)))
    inflow_vanaf = maand_m - venster_inflow + 1
    for t in trajecten:
        d = per[(t.aanbieder, t.gemeente)]
        gestart = not (
            t.begindatum is None
            or t.start_gemeld_op is None
            or t.start_gemeld_op > peil
            or t.begindatum > einde_peil
        )
        if t.toewijzingsdatum is not None and t.toewijzingsdatum <= einde_peil:
            # Waiting at the end of month e: assigned by then, started after it. An
            # assignment that has not started in six months most likely never will.
            tw_m = maand_index(t.toewijzingsdatum)
            s_m = maand_index(t.begindatum) if gestart and t.begindatum else maand_m + 1
            laatste_e = min(s_m - 1, tw_m + WACHT_MAANDEN - 1)
            d.wachtend_eerder += max(0, min(laatste_e, maand_m - 1) - max(tw_m, inflow_vanaf) + 1)
            if not gestart and laatste_e >= maand_m:
                d.wachtend += 1
        if not gestart or t.begindatum is None:
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
        tarief_t = tarief.get(t.productcode)
        eenmalig = t.frequentie == "6"
        bedrag = (
            float(t.volume * tarief_t)
            if eenmalig and t.volume is not None and tarief_t is not None
            else maandbedrag(t, tarief_t)
        )
        if not eenmalig:
            eind = t.einddatum if gestopt else None
            gepland = 0.0
            for mi in range(max(start_m, venster), min(eind_m, maand_m) + 1):
                deel = _deel_van_maand(mi, t.begindatum, eind)
                gepland += bedrag * seizoen_idx[mi % 12] * deel
            geclaimd_t = per_traject.get((t.gemeente, t.toewijzingnummer), 0)
            alle.tel(t.aanbieder, geclaimd_t, gepland)
            if not gestopt:
                lopende.tel(t.aanbieder, geclaimd_t, gepland)
                d.lopend.append((t.productcode, t.begindatum, bedrag))
            if start_m >= venster:
                nieuwe.tel(t.aanbieder, geclaimd_t, gepland)
        if start_m >= inflow_vanaf:
            d.nieuw.append((t.productcode, bedrag, eenmalig))
    # A curve per provider and product where there are enough trajectories (providers
    # differ: some keep children much longer), else per product, else over all.
    overleving = {
        p: kaplan_meier(v) for p, v in duren.items() if "|" not in p or len(v) >= MIN_CURVE
    }
    overleving["*"] = kaplan_meier([x for p, v in duren.items() if "|" not in p for x in v])
    regionaal = alle.regionaal()
    pijplijn = {}
    for sleutel, d in per.items():
        benutting = alle.van(sleutel[0], regionaal)
        pijplijn[sleutel] = PijplijnInvoer(
            lopend=d.lopend,
            wachtend=d.wachtend,
            nieuw=d.nieuw,
            venster=venster_inflow,
            wachtend_normaal=d.wachtend_eerder / (venster_inflow - 1)
            if venster_inflow > 1
            else None,
            benutting_lopend=lopende.van(sleutel[0], benutting),
            benutting_nieuw=nieuwe.van(sleutel[0], benutting),
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
