# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Backtest of the year-end forecast methods (docs/prognose.md): for every year with
data before it, forecast at months 4 and 8 (the PD1 moments of June and October) with
each method, using only what was known on the peildatum, and compare with the year's
final realisation. Pure: frames in, table out."""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from jeugdsturing.contracten.prognose import (
    METHODEN,
    Claim,
    TrajectRegel,
    alle_voorspellingen,
    bereken,
    gerealiseerd_per_maand,
    mape,
    ruis_per_sleutel,
    stand_op,
)

PD1_MAANDEN = (4, 8)


@dataclass
class Uitslag:
    """Per (method, month): MAPE over providers and over provider x gemeente, the share
    of actual year totals inside the 80% interval, and the actual / forecast ratios
    (per provider x gemeente) that later intervals are built from."""

    jaren: list[int]
    mape_aanbieder: dict[tuple[str, int], float | None] = field(default_factory=dict)
    mape_cel: dict[tuple[str, int], float | None] = field(default_factory=dict)
    dekking: dict[tuple[str, int], float | None] = field(default_factory=dict)
    verhoudingen: dict[tuple[str, int], list[float]] = field(default_factory=dict)
    aantallen: dict[int, int] = field(default_factory=dict)  # providers per month tested
    # Per month: the MAPE over providers that chance alone causes (pijplijn_ruis), the
    # floor no method can get below on average.
    ruisvloer: dict[int, float] = field(default_factory=dict)

    def beste(self, m: int) -> str | None:
        """The method with the lowest MAPE over providers at month m."""
        kandidaten = [
            (v, methode)
            for (methode, mm), v in self.mape_aanbieder.items()
            if mm == m and v is not None
        ]
        return min(kandidaten)[1] if kandidaten else None

    def tabel(self) -> list[dict[str, object]]:
        rijen = []
        for m in PD1_MAANDEN:
            naief = self.mape_aanbieder.get(("naief", m))
            for methode in METHODEN:
                v = self.mape_aanbieder.get((methode, m))
                rijen.append(
                    {
                        "maand": m,
                        "methode": methode,
                        "mape_aanbieder": v,
                        "mape_aanbieder_gemeente": self.mape_cel.get((methode, m)),
                        "ten_opzichte_van_naief": (v / naief) if v is not None and naief else None,
                        "dekking_interval_80": self.dekking.get((methode, m)),
                    }
                )
        return rijen


def backtest(
    claims: Sequence[Claim],
    trajecten: Sequence[TrajectRegel],
    tarieven: Mapping[str, int],
    jaren: Sequence[int],
    maanden: Sequence[int] = PD1_MAANDEN,
) -> Uitslag:
    uitslag = Uitslag(jaren=list(jaren))
    vloer: dict[int, list[float]] = defaultdict(list)
    paren_a: dict[tuple[str, int], list[tuple[float, float]]] = defaultdict(list)
    paren_c: dict[tuple[str, int], list[tuple[float, float]]] = defaultdict(list)
    binnen: dict[tuple[str, int], list[bool]] = defaultdict(list)
    for jaar in jaren:
        werkelijk = {k: sum(v) for k, v in gerealiseerd_per_maand(claims, jaar).items()}
        for m in maanden:
            stand = stand_op(claims, trajecten, tarieven, jaar, m)
            uitslag.aantallen[m] = uitslag.aantallen.get(m, 0)
            voorspellingen = alle_voorspellingen(stand)
            ruis = ruis_per_sleutel(stand)  # for the pipeline's intervals and the floor
            vloer[m] += _ruisvloer(ruis, werkelijk)
            for methode in METHODEN:
                eerder = list(uitslag.verhoudingen.get((methode, m), []))
                per_aanbieder: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
                nieuw = []
                for p in bereken(stand, methode, eerder, voorspellingen, ruis):
                    echt = werkelijk.get((p.aanbieder, p.gemeente), 0)
                    per_aanbieder[p.aanbieder][0] += p.prognose
                    per_aanbieder[p.aanbieder][1] += echt
                    paren_c[(methode, m)].append((p.prognose, echt))
                    binnen[(methode, m)].append(p.onder <= echt <= p.boven)
                    if p.prognose > 0:
                        nieuw.append(echt / p.prognose)
                for prog, totaal in per_aanbieder.values():
                    paren_a[(methode, m)].append((prog, totaal))
                uitslag.verhoudingen.setdefault((methode, m), []).extend(nieuw)
                if methode == METHODEN[0]:
                    uitslag.aantallen[m] += len(per_aanbieder)
    uitslag.ruisvloer = {m: statistics.fmean(v) for m, v in vloer.items() if v}
    for sleutel in paren_a:
        uitslag.mape_aanbieder[sleutel] = mape(paren_a[sleutel])
        uitslag.mape_cel[sleutel] = mape(paren_c[sleutel])
        b = binnen[sleutel]
        uitslag.dekking[sleutel] = sum(b) / len(b) if b else None
    return uitslag


def _ruisvloer(
    ruis: Mapping[tuple[str, str], float], werkelijk: Mapping[tuple[str, str], int]
) -> list[float]:
    """Per provider: the expected absolute error chance alone causes, relative to its
    actual year total (the variances of its gemeenten add up)."""
    variantie: dict[str, float] = defaultdict(float)
    for (aanbieder, _), v in ruis.items():
        variantie[aanbieder] += v
    totaal: dict[str, int] = defaultdict(int)
    for (aanbieder, _), bedrag in werkelijk.items():
        totaal[aanbieder] += bedrag
    return [
        math.sqrt(2 / math.pi) * math.sqrt(v) / totaal[a]
        for a, v in variantie.items()
        if totaal.get(a, 0) > 0
    ]
