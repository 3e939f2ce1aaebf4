# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""What is known on the peildatum: realisation per key and month, running
trajectories and the inputs of the pipeline."""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from jeugdsturing.contracten.prognose.basis import (
    INSTROOM_MAANDEN,
    MIN_CURVE,
    WACHT_MAANDEN,
    Claim,
    TrajectRegel,
    maand_index,
    peildatum,
)
from jeugdsturing.contracten.prognose.methoden import (
    gerealiseerd_per_maand,
    kaplan_meier,
    maandbedrag,
    seizoensindex,
)
from jeugdsturing.contracten.prognose.pijplijn import PijplijnInvoer


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
