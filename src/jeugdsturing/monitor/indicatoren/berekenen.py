# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The aggregates: the event frames grouped per period and dimension, rates over
their denominators, the population for the per-1,000 figures."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from jeugdsturing.monitor.indicatoren.gebeurtenissen import Familie, _gebeurtenissen
from jeugdsturing.monitor.indicatoren.schema import (
    DIMENSIES,
    ENGINE,
    HULPKOLOMMEN,
    INDICATOREN,
    NORMEN,
    Normen,
    Periode,
)
from jeugdsturing.monitor.indicatoren.verrijken import _check_perioden, verrijk


def _n(expr: pl.Expr) -> pl.Expr:
    return expr.sum().cast(pl.Int64)


def _pct(teller: str, noemer: str, decimalen: int | None) -> pl.Expr:
    return (
        pl.when(pl.col(noemer) > 0)
        .then(_rond(100.0 * pl.col(teller) / pl.col(noemer), decimalen))
        .otherwise(None)
    )


def _rond(expr: pl.Expr, decimalen: int | None) -> pl.Expr:
    return expr if decimalen is None else expr.round(decimalen)


def bereken(
    trajecten: pl.DataFrame,
    verlengingen: pl.DataFrame,
    pp: Sequence[Periode],
    by: Sequence[str] = (),
    *,
    zicht: pl.Expr | None = None,
    bevolking: pl.DataFrame | None = None,
    normen: Normen = NORMEN,
    verrijkt: bool = False,
    afronden: bool = True,
) -> pl.DataFrame:
    """All indicators per period and per combination of the dimensions in `by`.

    `zicht` filters the trajectories a viewer may count (after the client histories were
    computed over the whole frame). `bevolking` has gemeente and jongeren_0_17 for the
    gemeenten in scope: placements per 1,000 use the row's gemeente, or all of them
    when gemeente is not a dimension; with gebied as a dimension it is null.
    One row per period and group that has any event; columns: periode_van, periode_tot,
    the dimensions, INDICATOREN and HULPKOLOMMEN. Percentages, p80 and mean are rounded
    to 0.1 (placements per 1,000 to 0.01) unless afronden=False (the benchmark compares
    unrounded values with its reference implementations)."""
    for d in by:
        if d not in DIMENSIES:
            raise ValueError(f"onbekende dimensie {d!r}; kies uit {', '.join(DIMENSIES)}")
    _check_perioden(pp)
    t = (trajecten if verrijkt else verrijk(trajecten, normen)).lazy()
    if zicht is not None:
        t = t.filter(zicht)
    keys = ["k", *by]
    v = verlengingen.lazy()

    def ev(f: Familie) -> pl.LazyFrame:
        return _gebeurtenissen(t, v, pp, f, normen)

    delen = [
        ev("actief")
        .group_by(keys)
        .agg(
            pl.col("client_nr").n_unique().alias("clienten_in_zorg"),
            pl.col("client_nr").filter(pl.col("verblijf")).n_unique().alias("n_verblijf"),
        ),
        ev("instroom")
        .group_by(keys)
        .agg(
            pl.len().alias("instroom"),
            pl.col("client_nr").filter(pl.col("nieuw")).n_unique().alias("nieuwe_clienten"),
            pl.col("client_nr")
            .filter(pl.col("nieuwe_plaatsing"))
            .n_unique()
            .alias("n_plaatsingen"),
            pl.col("wachtdagen").count().alias("n_wachttijd"),
            pl.col("wachtdagen").median().alias("wachttijd_mediaan_dagen"),
            _n(pl.col("wachtdagen") <= normen.wachtnorm_dagen).alias("n_binnen_wachtnorm"),
            _n(pl.col("start_tijdig")).alias("n_start_tijdig"),
        ),
        ev("uitstroom")
        .group_by(keys)
        .agg(
            pl.len().alias("uitstroom"),
            _n(pl.col("uitstroomsoort") == "volgens plan").alias("uitstroom_volgens_plan"),
            _n(pl.col("uitstroomsoort") == "voortijdig").alias("uitstroom_voortijdig"),
            _n(pl.col("uitstroomsoort") == "overig").alias("uitstroom_overig"),
            pl.len().alias("n_doorlooptijd"),
            pl.col("duur").median().alias("doorlooptijd_mediaan_dagen"),
            pl.col("duur").quantile(0.8, "linear").alias("doorlooptijd_p80_dagen"),
            pl.col("duur").mean().alias("doorlooptijd_gemiddeld_dagen"),
            _n(pl.col("stop_tijdig")).alias("n_stop_tijdig"),
        ),
        ev("toegang")
        .group_by(keys)
        .agg(
            pl.len().alias("n_toegang"),
            pl.col("toegangswerkdagen").median().alias("toegangstijd_mediaan_werkdagen"),
        ),
        ev("verlenging").group_by(keys).agg(pl.len().alias("verlengingen")),
        ev("recidive")
        .group_by(keys)
        .agg(pl.len().alias("n_herhaald"), _n(pl.col("recidief")).alias("n_herhaald_gebruik")),
    ]
    klaar = pl.collect_all(delen, engine=ENGINE)
    uit = klaar[0]
    for deel in klaar[1:]:
        uit = uit.join(deel, on=keys, how="full", coalesce=True, nulls_equal=True)
    tellingen = [
        "clienten_in_zorg", "n_verblijf", "instroom", "nieuwe_clienten", "n_plaatsingen",
        "n_wachttijd", "n_binnen_wachtnorm", "n_start_tijdig", "uitstroom",
        "uitstroom_volgens_plan", "uitstroom_voortijdig", "uitstroom_overig", "n_doorlooptijd",
        "n_stop_tijdig", "n_toegang", "verlengingen", "n_herhaald", "n_herhaald_gebruik",
    ]  # fmt: skip
    uit = uit.with_columns(pl.col(c).fill_null(0).cast(pl.Int64) for c in tellingen)
    uit = _met_bevolking(uit, by, bevolking)
    starts = pl.Series([p.van for p in pp], dtype=pl.Date)
    ends = pl.Series([p.tot for p in pp], dtype=pl.Date)
    een, twee = (1, 2) if afronden else (None, None)
    return (
        uit.with_columns(
            pl.lit(starts).gather(pl.col("k")).alias("periode_van"),
            pl.lit(ends).gather(pl.col("k")).alias("periode_tot"),
            _pct("n_binnen_wachtnorm", "n_wachttijd", een).alias("binnen_wachtnorm_pct"),
            _pct("n_herhaald_gebruik", "n_herhaald", een).alias("herhaald_gebruik_pct"),
            _pct("n_verblijf", "clienten_in_zorg", een).alias("aandeel_verblijf_pct"),
            _pct("n_start_tijdig", "instroom", een).alias("startberichten_tijdig_pct"),
            _pct("n_stop_tijdig", "uitstroom", een).alias("stopberichten_tijdig_pct"),
            _rond(pl.col("doorlooptijd_gemiddeld_dagen"), een),
            _rond(pl.col("doorlooptijd_p80_dagen"), een),
            pl.when(pl.col("jongeren_0_17") > 0)
            .then(_rond(1000.0 * pl.col("n_plaatsingen") / pl.col("jongeren_0_17"), twee))
            .otherwise(None)
            .alias("plaatsingen_per_1000"),
        )
        .sort(keys, nulls_last=True)
        .select("periode_van", "periode_tot", *by, *INDICATOREN, *HULPKOLOMMEN)
    )


def _met_bevolking(
    uit: pl.DataFrame, by: Sequence[str], bevolking: pl.DataFrame | None
) -> pl.DataFrame:
    if bevolking is None or "gebied" in by:
        return uit.with_columns(pl.lit(None, dtype=pl.Int64).alias("jongeren_0_17"))
    if "gemeente" in by:
        return uit.join(
            bevolking.select(
                "gemeente", pl.col("jongeren_0_17").cast(pl.Int64).alias("jongeren_0_17")
            ),
            on="gemeente",
            how="left",
        )
    totaal = bevolking["jongeren_0_17"].sum()
    return uit.with_columns(pl.lit(totaal, dtype=pl.Int64).alias("jongeren_0_17"))
