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
    One row per period and group that has any event; columns: period_from, period_to,
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
            pl.col("client_nr").n_unique().alias("clients_in_care"),
            pl.col("client_nr").filter(pl.col("verblijf")).n_unique().alias("n_residential"),
        ),
        ev("instroom")
        .group_by(keys)
        .agg(
            pl.len().alias("inflow"),
            pl.col("client_nr").filter(pl.col("nieuw")).n_unique().alias("new_clients"),
            pl.col("client_nr").filter(pl.col("nieuwe_plaatsing")).n_unique().alias("n_placements"),
            pl.col("wachtdagen").count().alias("n_waiting"),
            pl.col("wachtdagen").median().alias("waiting_median_days"),
            _n(pl.col("wachtdagen") <= normen.wachtnorm_dagen).alias("n_waiting_within_norm"),
            _n(pl.col("start_tijdig")).alias("n_start_timely"),
        ),
        ev("uitstroom")
        .group_by(keys)
        .agg(
            pl.len().alias("outflow"),
            _n(pl.col("uitstroomsoort") == "planned").alias("outflow_planned"),
            _n(pl.col("uitstroomsoort") == "dropout").alias("outflow_dropout"),
            _n(pl.col("uitstroomsoort") == "other").alias("outflow_other"),
            pl.len().alias("n_duration"),
            pl.col("duur").median().alias("duration_median_days"),
            pl.col("duur").quantile(0.8, "linear").alias("duration_p80_days"),
            pl.col("duur").mean().alias("duration_mean_days"),
            _n(pl.col("stop_tijdig")).alias("n_stop_timely"),
        ),
        ev("toegang")
        .group_by(keys)
        .agg(
            pl.len().alias("n_access"),
            pl.col("toegangswerkdagen").median().alias("access_median_workdays"),
        ),
        ev("verlenging").group_by(keys).agg(pl.len().alias("extensions")),
        ev("recidive")
        .group_by(keys)
        .agg(pl.len().alias("n_repeat"), _n(pl.col("recidief")).alias("n_repeat_use")),
    ]
    klaar = pl.collect_all(delen, engine=ENGINE)
    uit = klaar[0]
    for deel in klaar[1:]:
        uit = uit.join(deel, on=keys, how="full", coalesce=True, nulls_equal=True)
    tellingen = [
        "clients_in_care", "n_residential", "inflow", "new_clients", "n_placements",
        "n_waiting", "n_waiting_within_norm", "n_start_timely", "outflow", "outflow_planned",
        "outflow_dropout", "outflow_other", "n_duration", "n_stop_timely", "n_access",
        "extensions", "n_repeat", "n_repeat_use",
    ]  # fmt: skip
    uit = uit.with_columns(pl.col(c).fill_null(0).cast(pl.Int64) for c in tellingen)
    uit = _met_bevolking(uit, by, bevolking)
    starts = pl.Series([p.van for p in pp], dtype=pl.Date)
    ends = pl.Series([p.tot for p in pp], dtype=pl.Date)
    een, twee = (1, 2) if afronden else (None, None)
    return (
        uit.with_columns(
            pl.lit(starts).gather(pl.col("k")).alias("period_from"),
            pl.lit(ends).gather(pl.col("k")).alias("period_to"),
            _pct("n_waiting_within_norm", "n_waiting", een).alias("waiting_within_norm_pct"),
            _pct("n_repeat_use", "n_repeat", een).alias("repeat_use_pct"),
            _pct("n_residential", "clients_in_care", een).alias("residential_share_pct"),
            _pct("n_start_timely", "inflow", een).alias("start_msg_timely_pct"),
            _pct("n_stop_timely", "outflow", een).alias("stop_msg_timely_pct"),
            _rond(pl.col("duration_mean_days"), een),
            _rond(pl.col("duration_p80_days"), een),
            pl.when(pl.col("population_0_17") > 0)
            .then(_rond(1000.0 * pl.col("n_placements") / pl.col("population_0_17"), twee))
            .otherwise(None)
            .alias("placements_per_1000"),
        )
        .sort(keys, nulls_last=True)
        .select("period_from", "period_to", *by, *INDICATOREN, *HULPKOLOMMEN)
    )


def _met_bevolking(
    uit: pl.DataFrame, by: Sequence[str], bevolking: pl.DataFrame | None
) -> pl.DataFrame:
    if bevolking is None or "gebied" in by:
        return uit.with_columns(pl.lit(None, dtype=pl.Int64).alias("population_0_17"))
    if "gemeente" in by:
        return uit.join(
            bevolking.select(
                "gemeente", pl.col("jongeren_0_17").cast(pl.Int64).alias("population_0_17")
            ),
            on="gemeente",
            how="left",
        )
    totaal = bevolking["jongeren_0_17"].sum()
    return uit.with_columns(pl.lit(totaal, dtype=pl.Int64).alias("population_0_17"))
