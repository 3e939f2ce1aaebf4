# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The year-end forecast users see: per provider and gemeente, with the method the
region's own backtest supports (docs/prognose.md)."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Max, Q

from jeugdsturing.berichten.models import Bericht
from jeugdsturing.contracten.backtest import Uitslag, backtest
from jeugdsturing.contracten.models import (
    Backtestuitslag,
    Indexatie,
    Prognosestand,
    Tarief,
    Verantwoording,
)
from jeugdsturing.contracten.prognose import (
    Claim,
    Prognose,
    TrajectRegel,
    bereken,
    kwantiel,
    naief,
    ruis_per_sleutel,
    stand_op,
)
from jeugdsturing.contracten.selectors import (
    budgetten_per_aanbieder_gemeente,
    claims_frame,
    regionale_tarieven,
    trajecten_frame,
    verantwoordingen,
)
from jeugdsturing.contracten.services import backtestuitslag_bewaar, prognosestand_bewaar
from jeugdsturing.core.access import Scope
from jeugdsturing.regio.models import Regio

# Used when the region has no earlier year to backtest on: the method the backtest on
# simulated years supports (docs/prognose.md, table "Backtest").
STANDAARD_METHODE = "pijplijn"
RAPPORTAGE_MAANDEN = (4, 8, 12)


def backtest_jaren(claims: list[Claim], jaar: int, terug: int = 3) -> list[int]:
    """Earlier years that can be backtested: the year and the year before it have
    claims in all twelve months (a complete actual, and history to learn from)."""
    maanden: dict[int, set[int]] = defaultdict(set)
    for c in claims:
        maanden[c.zorgmaand.year].add(c.zorgmaand.month)
    return [
        j
        for j in range(jaar - terug, jaar)
        if len(maanden.get(j, ())) == 12 and len(maanden.get(j - 1, ())) == 12
    ]


def data_versie(regio: Regio) -> str:
    """Changes whenever a message is imported or a tariff or indexation changes."""
    laatste = Bericht.objects.aggregate(m=Max("pk"))["m"] or 0
    tarieven = Tarief.history.filter(product__regio=regio).aggregate(m=Max("history_id"))["m"]
    indexaties = Indexatie.history.filter(regio=regio).aggregate(m=Max("history_id"))["m"]
    return f"b{laatste}-t{tarieven or 0}-i{indexaties or 0}"


def prognose_versie(regio: Regio) -> str:
    """The data version of the whole forecast: the messages, tariffs and indexations, and
    the lump-sum reports (a new upload, or one replacing another)."""
    rapporten = Verantwoording.objects.filter(overeenkomst__regio=regio).aggregate(
        m=Max("pk"), n=Count("pk", filter=Q(vervangen=False))
    )
    return f"{data_versie(regio)}-v{rapporten['m'] or 0}.{rapporten['n']}"


def _backtest_voor(
    regio: Regio,
    jaar: int,
    maand: int,
    trajecten: list[TrajectRegel],
    tarieven: dict[str, int],
) -> tuple[str, list[float], list[dict[str, object]] | None]:
    """The method, its earlier actual/forecast ratios and the backtest table for a
    forecast at (jaar, maand): from the store when the data have not changed."""
    versie = data_versie(regio)
    bewaard = Backtestuitslag.objects.filter(
        regio=regio, jaar=jaar, maand=maand, data_versie=versie
    ).first()
    if bewaard is not None:
        return bewaard.methode, list(bewaard.verhoudingen), bewaard.tabel
    claims = claims_frame(regio, jaar - 1, van_jaar=jaar - 7)
    jaren = backtest_jaren(claims, jaar)
    uitslag = backtest(claims, trajecten, tarieven, jaren, (maand,)) if jaren else None
    methode = kies_methode(uitslag, maand)
    verhoudingen = uitslag.verhoudingen.get((methode, maand), []) if uitslag else []
    tabel = uitslag.tabel() if uitslag else None
    backtestuitslag_bewaar(
        regio=regio, jaar=jaar, maand=maand, data_versie=versie, methode=methode,
        verhoudingen=verhoudingen, tabel=tabel,
    )  # fmt: skip
    return methode, verhoudingen, tabel


def kies_methode(uitslag: Uitslag | None, maand: int) -> str:
    if uitslag is not None:
        beste = uitslag.beste(maand)
        if beste is not None:
            return beste
    return STANDAARD_METHODE


def _lumpsum_prognoses(regio: Regio, jaar: int, maand: int) -> list[Prognose]:
    """Lump-sum providers from their reports: the latest report at or before ``maand``
    extrapolated with the share earlier years' reports had reached by then."""
    nu = verantwoordingen(regio, jaar)
    eerder = [verantwoordingen(regio, j) for j in range(jaar - 3, jaar)]
    uit = []
    for (aanbieder, gemeente), cum in sorted(nu.items()):
        beschikbaar = [m for m in cum if m <= maand]
        if not beschikbaar:
            continue
        m = max(beschikbaar)
        ytd = cum[m]
        # The share of the year each earlier year had reported by month m.
        vroeger = [jaar_cum.get((aanbieder, gemeente), {}) for jaar_cum in eerder]
        aandelen = [c[m] / c[12] for c in vroeger if m in c and c.get(12)]
        if aandelen and m < 12:
            waarde, methode = ytd / (sum(aandelen) / len(aandelen)), "rapportage-seizoen"
        else:
            waarde, methode = naief(ytd, m), "rapportage-naief"
        verhoudingen = [1 / (a * 12 / m) for a in aandelen] if aandelen else []
        if len(verhoudingen) >= 2:
            lo, hi = kwantiel(verhoudingen, 0.0), kwantiel(verhoudingen, 1.0)
            onder, boven = round(max(ytd, waarde * min(lo, 0.9))), round(waarde * max(hi, 1.1))
        else:  # no history: the reports give no monthly spread, so +/- 10% per open third
            half = waarde * 0.1 * (12 - m) / 4
            onder, boven = round(max(ytd, waarde - half)), round(waarde + half)
        uit.append(Prognose(aanbieder, gemeente, ytd, round(waarde), onder, boven, methode))
    return uit


@dataclass(frozen=True)
class Jaarprognose:
    rijen: list[dict[str, object]]  # the rows of prognose_rijen
    tabel: list[dict[str, object]] | None  # the backtest the method rests on
    maanden: list[int]  # PxQ realisation of the visible rows per month, as of the peildatum


def jaarprognose(regio: Regio, jaar: int, maand: int, *, scope: Scope) -> Jaarprognose:
    """The forecast rows a user may see, the backtest behind them and the monthly
    realisation they start from (one load of the data for all three)."""
    if not 1 <= maand <= 12:
        raise ValueError(f"maand {maand} ligt niet tussen 1 en 12")
    stand = prognosestand(regio, jaar, maand)
    budget = budgetten_per_aanbieder_gemeente(regio, jaar)
    volgorde = ("aanbieder", "gemeente", "gerealiseerd_eurocent", "prognose_eurocent",
                "onder_eurocent", "boven_eurocent")  # fmt: skip
    rows: list[dict[str, object]] = [
        {
            **{k: r[k] for k in volgorde},
            "budget_eurocent": budget.get((str(r["aanbieder"]), str(r["gemeente"]))),
            "methode": r["methode"],
        }
        for r in stand.rijen
        if scope.toont(str(r["aanbieder"]), str(r["gemeente"]))
    ]
    rows.sort(key=lambda r: (str(r["aanbieder"]), str(r["gemeente"])))
    zichtbaar = [v for k, v in stand.realisatie.items() if scope.toont(*k.split("|", 1))]
    maanden = [sum(v[i] for v in zichtbaar) for i in range(12)]
    return Jaarprognose(rows, stand.tabel, maanden)


def prognosestand(regio: Regio, jaar: int, maand: int) -> Prognosestand:
    """The region's whole forecast at (jaar, maand), computed once per data version
    (prognose_versie) and kept in the database, where every worker process finds it."""
    versie = prognose_versie(regio)
    bewaard = Prognosestand.objects.filter(
        regio=regio, jaar=jaar, maand=maand, data_versie=versie
    ).first()
    if bewaard is not None:
        return bewaard
    rijen, realisatie, tabel = bereken_prognose(regio, jaar, maand)
    return prognosestand_bewaar(
        regio=regio, jaar=jaar, maand=maand, data_versie=versie, rijen=rijen,
        realisatie=realisatie, tabel=tabel,
    )  # fmt: skip


def bereken_prognose(
    regio: Regio, jaar: int, maand: int
) -> tuple[list[dict[str, object]], dict[str, list[int]], list[dict[str, object]] | None]:
    """The forecast computed from the data: rows per provider and gemeente (without
    budget), the PxQ realisation per month per "aanbieder|gemeente", the backtest table."""
    trajecten = trajecten_frame(regio)
    tarieven = regionale_tarieven(regio, date(jaar, 7, 1))
    methode, verhoudingen, tabel = _backtest_voor(regio, jaar, maand, trajecten, tarieven)
    claims = claims_frame(regio, jaar, van_jaar=jaar - 3)
    stand = stand_op(claims, trajecten, tarieven, jaar, maand)
    ruis = ruis_per_sleutel(stand) if methode == "pijplijn" else None
    prognoses = bereken(stand, methode, verhoudingen, ruis=ruis)
    prognoses += _lumpsum_prognoses(regio, jaar, maand)
    rijen: list[dict[str, object]] = [
        {
            "aanbieder": p.aanbieder, "gemeente": p.gemeente,
            "gerealiseerd_eurocent": p.gerealiseerd, "prognose_eurocent": p.prognose,
            "onder_eurocent": p.onder, "boven_eurocent": p.boven, "methode": p.methode,
        }
        for p in prognoses
    ]  # fmt: skip
    rijen.sort(key=lambda r: (str(r["aanbieder"]), str(r["gemeente"])))
    realisatie = {f"{a}|{g}": [int(x) for x in v] for (a, g), v in stand.ytd.items()}
    return rijen, realisatie, tabel


def prognose_totaal(rijen: Sequence[Mapping[str, object]]) -> dict[str, int]:
    """The total of forecast rows: realised, forecast, its band and the budget (eurocent).
    The rows' errors are treated as independent, so the half-widths add in quadrature (a
    plain sum of the row bounds would be far too wide); the lower bound is never below
    what is realised already."""

    def som(k: str) -> int:
        return sum(int(r[k] or 0) for r in rijen)  # type: ignore[call-overload]

    gerealiseerd, prognose = som("gerealiseerd_eurocent"), som("prognose_eurocent")
    onder = round(prognose - math.sqrt(sum(
        (int(r["prognose_eurocent"]) - int(r["onder_eurocent"])) ** 2 for r in rijen  # type: ignore[call-overload]
    )))  # fmt: skip
    boven = round(prognose + math.sqrt(sum(
        (int(r["boven_eurocent"]) - int(r["prognose_eurocent"])) ** 2 for r in rijen  # type: ignore[call-overload]
    )))  # fmt: skip
    return {
        "gerealiseerd": gerealiseerd, "prognose": prognose, "onder": max(onder, gerealiseerd),
        "boven": boven, "budget": som("budget_eurocent"),
    }  # fmt: skip


# The risk a provider's year-end forecast carries against its budget, highest first.
OORDELEN = (
    ("boven", "boven budget verwacht"),  # even the low end of the band is above budget
    ("waarschijnlijk", "waarschijnlijk boven budget"),  # the forecast itself is above
    ("mogelijk", "mogelijk boven budget"),  # only the high end of the band is above
    ("binnen", "binnen budget"),
    ("geen", "geen budget bekend"),
)


def oordeel(prognose: int, onder: int, boven: int, budget: int | None) -> str:
    """The risk class (a key of OORDELEN) of a forecast and its band against a budget."""
    if not budget:
        return "geen"
    if onder > budget:
        return "boven"
    if prognose > budget:
        return "waarschijnlijk"
    if boven > budget:
        return "mogelijk"
    return "binnen"


def per_aanbieder(rijen: Sequence[Mapping[str, object]]) -> list[dict[str, object]]:
    """The summary of the realisation page: per provider its realised, forecast, band and
    budget over all its gemeenten (the band as in prognose_totaal), the expected overrun
    (forecast minus budget; negative is room left) and the risk class; sorted by risk
    class, then by overrun, largest first."""
    groepen: dict[str, list[Mapping[str, object]]] = defaultdict(list)
    for r in rijen:
        groepen[str(r["aanbieder"])].append(r)
    uit: list[dict[str, object]] = []
    for aanbieder, groep in groepen.items():
        t = prognose_totaal(groep)
        budget = t["budget"] if any(r["budget_eurocent"] is not None for r in groep) else None
        klasse = oordeel(t["prognose"], t["onder"], t["boven"], budget)
        uit.append({
            "aanbieder": aanbieder, "gemeenten": len(groep),
            "gerealiseerd_eurocent": t["gerealiseerd"], "prognose_eurocent": t["prognose"],
            "onder_eurocent": t["onder"], "boven_eurocent": t["boven"],
            "budget_eurocent": budget,
            "risico_eurocent": t["prognose"] - budget if budget else None,
            "oordeel": klasse,
        })  # fmt: skip
    rang = {k: i for i, (k, _) in enumerate(OORDELEN)}
    uit.sort(key=lambda r: (
        rang[str(r["oordeel"])], -int(r["risico_eurocent"] or 0), str(r["aanbieder"]),  # type: ignore[call-overload]
    ))  # fmt: skip
    return uit


def prognose_rijen(
    regio: Regio, jaar: int, maand: int, *, scope: Scope
) -> tuple[list[dict[str, object]], list[dict[str, object]] | None]:
    """Rows {provider, gemeente, gerealiseerd_eurocent, prognose_eurocent, onder_eurocent,
    boven_eurocent, budget_eurocent, method} and the backtest the method rests on."""
    uit = jaarprognose(regio, jaar, maand, scope=scope)
    return uit.rijen, uit.tabel
