# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The event frames: per indicator family the trajectories that count, each with
the period its event falls in (k) and what it contributes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Literal

import polars as pl

from jeugdsturing.monitor.indicatoren.schema import (
    ENGINE,
    GEPLAND,
    NORMEN,
    UITVAL,
    VER,
    VERBLIJF,
    Normen,
    Periode,
)
from jeugdsturing.monitor.indicatoren.verrijken import _check_perioden, _k, _werkdagen

Familie = Literal[
    "actief", "instroom", "uitstroom", "toegang", "verlenging", "recidive",
]  # fmt: skip


def gebeurtenissen(
    t: pl.DataFrame,
    verlengingen: pl.DataFrame,
    pp: Sequence[Periode],
    familie: Familie,
    normen: Normen = NORMEN,
) -> pl.DataFrame:
    """The event frame of one indicator family: trajectory columns plus `k` (the period
    index) and the values the trajectory contributes. `t` is an enriched frame."""
    return _gebeurtenissen(t.lazy(), verlengingen.lazy(), pp, familie, normen).collect(
        engine=ENGINE
    )


def _gebeurtenissen(
    t: pl.LazyFrame,
    verlengingen: pl.LazyFrame,
    pp: Sequence[Periode],
    familie: Familie,
    normen: Normen,
) -> pl.LazyFrame:
    _check_perioden(pp)
    eind = pl.col("einddatum").fill_null(VER)
    begin = pl.col("begindatum")
    if familie == "actief":
        actief = t.filter(
            begin.is_not_null() & (begin <= pp[-1].tot) & (eind >= pp[0].van)
        ).with_columns(
            _k(pl.max_horizontal(begin, pl.lit(pp[0].van)), pp).alias("_k0"),
            _k(pl.min_horizontal(eind, pl.lit(pp[-1].tot)), pp).alias("_k1"),
        )
        return (
            actief.with_columns(pl.int_ranges("_k0", pl.col("_k1") + 1, dtype=pl.Int32).alias("k"))
            .explode("k")
            .drop("_k0", "_k1")
            .with_columns(pl.col("categorie").is_in(VERBLIJF).alias("verblijf"))
        )
    if familie == "instroom":
        wacht = (begin - pl.coalesce("verzoekdatum", "toewijzingsdatum")).dt.total_days()
        meldtermijn = normen.meldtermijn_werkdagen
        gemeld = pl.col("start_gemeld_op")
        return (
            t.with_columns(_k(begin, pp).alias("k"))
            .filter(pl.col("k").is_not_null())
            .with_columns(
                pl.when(wacht < 0).then(0).otherwise(wacht).alias("wachtdagen"),
                (gemeld.is_not_null() & (_werkdagen(begin, gemeld, pp) <= meldtermijn)).alias(
                    "start_tijdig"
                ),
            )
        )
    if familie == "uitstroom":
        reden = pl.col("reden")
        return (
            t.filter(begin.is_not_null() & pl.col("einddatum").is_not_null())
            .with_columns(_k(pl.col("einddatum"), pp).alias("k"))
            .filter(pl.col("k").is_not_null())
            .with_columns(
                ((pl.col("einddatum") - begin).dt.total_days() + 1).alias("duur"),
                pl.when(reden == GEPLAND)
                .then(pl.lit("volgens plan"))
                .when(reden.is_in(UITVAL))
                .then(pl.lit("voortijdig"))
                .otherwise(pl.lit("overig"))
                .alias("uitstroomsoort"),
                (
                    _werkdagen(pl.col("einddatum"), pl.col("stop_gemeld_op"), pp)
                    <= normen.meldtermijn_werkdagen
                ).alias("stop_tijdig"),
            )
        )
    if familie == "toegang":
        dagen = _werkdagen(pl.col("verzoekdatum"), pl.col("toewijzingsdatum"), pp)
        bekend = pl.col("verzoekdatum").is_not_null() & pl.col("toewijzingsdatum").is_not_null()
        return (
            t.filter(bekend)
            .with_columns(_k(pl.col("toewijzingsdatum"), pp).alias("k"))
            .filter(pl.col("k").is_not_null())
            .with_columns(pl.when(dagen < 0).then(0).otherwise(dagen).alias("toegangswerkdagen"))
        )
    if familie == "verlenging":
        return (
            verlengingen.join(t, on="id", how="inner")
            .with_columns(_k(pl.col("datum"), pp).alias("k"))
            .filter(pl.col("k").is_not_null())
        )
    if familie == "recidive":
        # The cohort whose follow-up window ends in the period: planned ends in
        # [p0 - window, p1 - window], so the figure is complete at the period's end.
        volg = timedelta(normen.recidive_dagen)
        return (
            t.filter(pl.col("recidief").is_not_null())
            .with_columns(_k(pl.col("einddatum") + volg, pp).alias("k"))
            .filter(pl.col("k").is_not_null())
        )
    raise ValueError(f"onbekende indicatorfamilie {familie!r}")
