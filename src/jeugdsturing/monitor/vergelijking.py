# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Fair comparison of providers (docs/escalatie.md): the measures behind the six
patterns of seed 003 ch. 6, per provider (or provider x theme, provider x gebied), each
with its volume, compared with a target (the region, a goal, or the provider's own
previous period) by funnel-plot limits (monitor.trechter). Pure functions over the
engine's enriched frames: frames in, points out.

A measure is computed from the engine's own event frames (monitor.indicatoren), so a
point and the trajectories behind it come from the same rows as the monitor's figures."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

import polars as pl

from jeugdsturing.monitor.indicatoren import NORMEN, Normen, Periode, gebeurtenissen
from jeugdsturing.monitor.trechter import (
    Grenzen,
    Niveau,
    Richting,
    Soort,
    grenzen,
    niveau,
)

# Heavier care (seed 003: "steeds zwaardere zorg"): residential care (JZ020 43, 44) and
# day treatment (41); lighter care: ambulant help (45, 54) and arrangements (50).
ZWAAR = ("41", "43", "44")
LICHT = ("45", "50", "54")
AFSCHALING_DAGEN = 90  # lighter care that starts within this many days after the end
MAX_TRAJECTEN = 500  # the trajectories kept behind one point


@dataclass(frozen=True)
class Maatstaf:
    code: str
    naam: str
    soort: Soort
    richting: Richting
    eenheid: str
    patroon: str  # the pattern of seed 003 ch. 6 it watches


MAATSTAVEN: dict[str, Maatstaf] = {
    m.code: m
    for m in (
        Maatstaf("doorlooptijd", "gemiddelde doorlooptijd van beëindigde trajecten",
                 "gemiddelde", "hoger_slechter", "dagen", "lange doorlooptijden"),
        Maatstaf("uitstroom_volgens_plan", "uitstroom volgens plan",
                 "proportie", "lager_slechter", "%", "lage uitstroom"),
        Maatstaf("afschaling", "lichtere vervolgzorg na zware zorg",
                 "proportie", "lager_slechter", "%", "geen nazorg of afschaling"),
        Maatstaf("herhaald_gebruik", "herhaald gebruik binnen een jaar",
                 "proportie", "hoger_slechter", "%", "veel herhaald gebruik"),
        Maatstaf("verlengingen", "verlengingen per cliënt in zorg",
                 "rate", "hoger_slechter", "per cliënt", "veel verlengingen"),
        Maatstaf("zwaardere_zorg", "aandeel cliënten in zware zorg",
                 "proportie", "hoger_slechter", "%", "steeds zwaardere zorg"),
    )
}  # fmt: skip

Groepering = Literal["aanbieder", "aanbieder_thema", "aanbieder_gebied"]
GROEPERINGEN: dict[str, tuple[str, ...]] = {
    "aanbieder": ("aanbieder",),
    "aanbieder_thema": ("aanbieder", "thema"),
    "aanbieder_gebied": ("aanbieder", "gebied"),
}
Vergelijking = Literal["regio", "doel", "trend"]


@dataclass(frozen=True)
class Punt:
    """One unit in a funnel: its value, volume, target and limits, and how far out it is."""

    maatstaf: str
    groep: dict[str, str | None]
    waarde: float
    volume: float
    teller: float
    grenzen: Grenzen
    niveau: Niveau

    @property
    def aanbieder(self) -> str:
        return str(self.groep["aanbieder"])


def venster(peil: date, maanden: int) -> Periode:
    """The `maanden` whole calendar months that end with the month of `peil`, cut at peil
    (2027-10-31, 12 -> 2026-11-01 .. 2027-10-31)."""
    jaar, maand = divmod(peil.year * 12 + peil.month - 1 - (maanden - 1), 12)
    return Periode(date(jaar, maand + 1, 1), peil)


def _ids(frame: pl.DataFrame) -> list[int]:
    return [int(i) for i in frame["id"].head(MAX_TRAJECTEN)]


def _afschaling(t: pl.DataFrame, eind: pl.DataFrame) -> pl.DataFrame:
    """Heavy trajectories that ended in the period, each with `teller`: did the client
    start lighter care within AFSCHALING_DAGEN after the end (at any provider)?"""
    zwaar = eind.filter(pl.col("categorie").is_in(ZWAAR))
    licht = t.filter(pl.col("categorie").is_in(LICHT) & pl.col("begindatum").is_not_null())
    vervolg = (
        zwaar.select("id", "client", "einddatum")
        .join(licht.select("client", pl.col("begindatum").alias("_b")), on="client")
        .filter(
            (pl.col("_b") >= pl.col("einddatum") - timedelta(days=30))
            & (pl.col("_b") <= pl.col("einddatum") + timedelta(days=AFSCHALING_DAGEN))
        )
        .select("id")
        .unique()
        .with_columns(pl.lit(True).alias("teller"))
    )
    return zwaar.join(vervolg, on="id", how="left").with_columns(pl.col("teller").fill_null(False))


def gebeurtenisrijen(
    maatstaf: str,
    t: pl.DataFrame,
    verlengingen: pl.DataFrame,
    periode: Periode,
    normen: Normen = NORMEN,
) -> pl.DataFrame:
    """The rows a measure counts in a period, one per trajectory (per extension event
    for `verlengingen`), with `teller` (bool or days) and `eenheid` (the unit of volume
    it belongs to: a client for the rates and client shares, else the trajectory)."""
    pp = [periode]
    if maatstaf == "doorlooptijd":
        ev = gebeurtenissen(t, verlengingen, pp, "uitstroom", normen)
        return ev.with_columns(pl.col("duur").cast(pl.Float64).alias("teller"))
    if maatstaf == "uitstroom_volgens_plan":
        ev = gebeurtenissen(t, verlengingen, pp, "uitstroom", normen)
        return ev.with_columns((pl.col("uitstroomsoort") == "volgens plan").alias("teller"))
    if maatstaf == "afschaling":
        return _afschaling(t, gebeurtenissen(t, verlengingen, pp, "uitstroom", normen))
    if maatstaf == "herhaald_gebruik":
        ev = gebeurtenissen(t, verlengingen, pp, "recidive", normen)
        return ev.with_columns(pl.col("recidief").alias("teller"))
    if maatstaf in ("verlengingen", "zwaardere_zorg"):
        # Task-based care has no assignments and so no extensions: it is not counted.
        bron = t.filter(~pl.col("taakgericht")) if maatstaf == "verlengingen" else t
        ev = gebeurtenissen(bron, verlengingen, pp, "actief", normen)
        return ev.with_columns(pl.col("categorie").is_in(ZWAAR).alias("teller"))
    raise ValueError(f"onbekende maatstaf {maatstaf!r}")


def _groep(
    ev: pl.DataFrame,
    by: Sequence[str],
    maatstaf: str,
    t: pl.DataFrame,
    verlengingen: pl.DataFrame,
    periode: Periode,
    normen: Normen,
) -> pl.DataFrame:
    """Per group: teller, volume (and the sum of squares for a mean). Without keys: one
    row for all."""
    keys = list(by) or ["_alle"]
    ev = ev.with_columns(pl.lit(1).alias("_alle"))
    if maatstaf == "verlengingen":
        clienten = ev.group_by(keys).agg(
            pl.col("client").n_unique().cast(pl.Float64).alias("volume")
        )
        bron = t.filter(~pl.col("taakgericht"))
        ext = gebeurtenissen(bron, verlengingen, [periode], "verlenging", normen)
        tel = (
            ext.with_columns(pl.lit(1).alias("_alle"))
            .group_by(keys)
            .agg(pl.len().cast(pl.Float64).alias("teller"))
        )
        uit = clienten.join(tel, on=keys, how="left", nulls_equal=True)
        uit = uit.with_columns(pl.col("teller").fill_null(0.0))
    elif maatstaf == "zwaardere_zorg":
        per_client = ev.group_by([*keys, "client"]).agg(pl.col("teller").any())
        uit = per_client.group_by(keys).agg(
            pl.len().cast(pl.Float64).alias("volume"),
            pl.col("teller").sum().cast(pl.Float64).alias("teller"),
        )
    else:
        uit = ev.group_by(keys).agg(
            pl.len().cast(pl.Float64).alias("volume"),
            pl.col("teller").cast(pl.Float64).sum().alias("teller"),
            (pl.col("teller").cast(pl.Float64) ** 2).sum().alias("kwadraten"),
        )
    return uit.drop("_alle", strict=False)


def _waarde(teller: float, volume: float) -> float:
    return teller / volume if volume else math.nan


def _sd(teller: float, kwadraten: float, volume: float) -> float:
    if volume < 2:
        return math.nan
    return math.sqrt(max(0.0, (kwadraten - teller * teller / volume) / (volume - 1)))


def punten(
    maatstaf: str,
    t: pl.DataFrame,
    verlengingen: pl.DataFrame,
    periode: Periode,
    *,
    groepering: Groepering = "aanbieder",
    vergelijking: Vergelijking = "regio",
    doelwaarde: float | None = None,
    minimum_volume: int = 1,
    normen: Normen = NORMEN,
) -> list[Punt]:
    """Every unit of the grouping with at least `minimum_volume`, placed in the funnel
    of its target: the region's value (within the same theme or gebied for a grouping by
    theme or gebied), a goal's value (`doelwaarde`, a fraction for a share), or the
    unit's own value in the period before (trend; its earlier volume counts too) times
    the region's change over the same two periods."""
    m = MAATSTAVEN[maatstaf]
    by = GROEPERINGEN[groepering]
    ev = gebeurtenisrijen(maatstaf, t, verlengingen, periode, normen)
    per_groep = _groep(ev, by, maatstaf, t, verlengingen, periode, normen)
    rest = [d for d in by if d != "aanbieder"]
    regio = _groep(ev, rest, maatstaf, t, verlengingen, periode, normen)
    referentie: dict[tuple[object, ...], dict[str, float]] = {
        tuple(r[d] for d in rest): r for r in regio.to_dicts()
    }
    vorige: dict[tuple[object, ...], dict[str, float]] = {}
    drift: dict[tuple[object, ...], float] = {}
    if vergelijking == "trend":
        p0 = periode.vorige()
        ev0 = gebeurtenisrijen(maatstaf, t, verlengingen, p0, normen)
        vorige = {
            tuple(r[d] for d in by): r
            for r in _groep(ev0, by, maatstaf, t, verlengingen, p0, normen).to_dicts()
        }
        # The region's own change between the two periods: a provider is flagged for
        # moving more than the region did, not for a shift everyone shares.
        for r0 in _groep(ev0, rest, maatstaf, t, verlengingen, p0, normen).to_dicts():
            sleutel = tuple(r0[d] for d in rest)
            nu, toen = referentie.get(sleutel), _waarde(r0["teller"], r0["volume"])
            if nu is not None and toen and not math.isnan(toen):
                drift[sleutel] = _waarde(nu["teller"], nu["volume"]) / toen
    if vergelijking == "doel" and doelwaarde is None:
        raise ValueError(f"{maatstaf}: een vergelijking met een doel heeft een doelwaarde nodig")
    uit: list[Punt] = []
    for r in per_groep.sort(list(by)).to_dicts():
        volume = float(r["volume"])
        if volume < minimum_volume or r["aanbieder"] is None:
            continue
        ref = referentie.get(tuple(r[d] for d in rest))
        sd = None
        if m.soort == "gemiddelde" and ref is not None:
            sd = _sd(ref["teller"], ref["kwadraten"], ref["volume"])
        if vergelijking == "regio":
            if ref is None:
                continue
            doel = _waarde(ref["teller"], ref["volume"])
        elif vergelijking == "doel":
            doel = float(doelwaarde)  # type: ignore[arg-type]
        else:
            v0 = vorige.get(tuple(r[d] for d in by))
            if v0 is None or v0["volume"] < minimum_volume:
                continue
            doel = _waarde(v0["teller"], v0["volume"]) * drift.get(tuple(r[d] for d in rest), 1.0)
            if m.soort == "proportie":
                doel = min(1.0, doel)
            if m.soort == "gemiddelde":
                sd = _sd(v0["teller"], v0["kwadraten"], v0["volume"])
        if math.isnan(doel) or (m.soort == "gemiddelde" and (sd is None or math.isnan(sd))):
            continue
        g = grenzen(m.soort, doel, volume, sd)
        waarde = _waarde(r["teller"], volume)
        uit.append(Punt(maatstaf, {d: r[d] for d in by}, waarde, volume, float(r["teller"]), g,
                        niveau(waarde, g, m.richting)))  # fmt: skip
    return uit


def achter_punt(
    p: Punt,
    t: pl.DataFrame,
    verlengingen: pl.DataFrame,
    periode: Periode,
    normen: Normen = NORMEN,
) -> tuple[int, ...]:
    """The trajectories behind a point that make it worse: the repeat users, the
    unplanned endings, the heavy care; for durations the longest first."""
    m = MAATSTAVEN[p.maatstaf]
    ev = gebeurtenisrijen(p.maatstaf, t, verlengingen, periode, normen)
    for d, w in p.groep.items():
        ev = ev.filter(pl.col(d).is_null() if w is None else pl.col(d) == w)
    if m.soort == "gemiddelde":
        ev = ev.sort("teller", descending=True)
    elif p.maatstaf != "verlengingen":
        slecht = pl.col("teller") if m.richting == "hoger_slechter" else ~pl.col("teller")
        ev = ev.filter(slecht)
    return tuple(_ids(ev.unique("id", keep="first", maintain_order=True)))
