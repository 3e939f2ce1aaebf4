# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Each trajectory enriched once per data version: its client's history (earlier
care, repeat use), working days for the access time, and day numbers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from functools import cache
from itertools import pairwise

import polars as pl

from jeugdsturing.monitor.indicatoren.schema import (
    BLOK,
    DAG_OFFSET,
    ENGINE,
    GEPLAND,
    KALENDER_JAREN,
    NORMEN,
    ONBEGONNEN,
    VER,
    VERBLIJF,
    Normen,
    Periode,
)
from jeugdsturing.monitor.werkdagen import feestdagen_tussen


def verrijk(trajecten: pl.DataFrame, normen: Normen = NORMEN) -> pl.DataFrame:
    """The trajectories with the facts of `_verrijk` (see there)."""
    return _verrijk(trajecten, normen).collect(engine=ENGINE)


def _verrijk(trajecten: pl.DataFrame, normen: Normen) -> pl.LazyFrame:
    """Add the facts that depend on a client's other trajectories, computed over all
    trajectories given (the whole region), so that a filtered view (one provider, one
    gemeente) still sees a client's history elsewhere:

    - nieuw: no other trajectory of the client was active on a day in the `nieuw_dagen`
      days before this start;
    - nieuwe_plaatsing: a residential start (43/44) with no residential trajectory of the
      client active on the day before (a move between residential products or providers
      is not a new placement);
    - recidief: for a planned end (31), the client starts a trajectory within
      `recidive_dagen` days after the end (null for other trajectories);
    - client_nr: the client as an integer (within this frame), for fast distinct counts;
      the extract (selectors.monitor_data) already supplies it.

    How: clients as integers and dates as day numbers make "per client, by start date"
    one sorted integer key, client * BLOK + day. After one sort on it, a running maximum
    of the end keys never mixes clients (an earlier client's keys are all smaller), and
    the next start after an end is a binary search in the same sorted column. No
    group-by and no join (docs/performance.md).
    """
    if "client_nr" not in trajecten.columns:  # the extract numbers clients; a test may not
        trajecten = trajecten.with_columns(
            pl.col("client").cast(pl.Categorical).to_physical().cast(pl.Int64).alias("client_nr")
        )

    def dag(c: pl.Expr) -> pl.Expr:
        return c.cast(pl.Int32).cast(pl.Int64) + DAG_OFFSET

    nr = pl.col("client_nr")
    basis = nr * BLOK
    begin = pl.col("begindatum")
    gestart = begin.is_not_null()
    verblijf = pl.col("categorie").is_in(VERBLIJF).fill_null(False)
    # Only the columns needed, sorted by the key; the facts are put back in the original
    # row order afterwards (sorting the whole frame would move every column).
    smal = (
        trajecten.lazy()
        .select("client_nr", "begindatum", "einddatum", "reden", "categorie")
        .with_columns(
            pl.when(gestart).then(basis + dag(begin)).otherwise(ONBEGONNEN).alias("_bk"),
            pl.when(gestart).then(basis + dag(pl.col("einddatum").fill_null(VER))).alias("_ek"),
            pl.int_range(pl.len()).alias("_rij"),
        )
        .sort("_bk")
    )
    eerste_van_dag = pl.col("_bk") != pl.col("_bk").shift(1)

    def vorig_eind(ek: pl.Expr) -> pl.Expr:
        # Day number of the latest end among the client's trajectories that started on
        # an earlier day (null when there is none).
        lopend = ek.cum_max().forward_fill().shift(1)
        per_dag = pl.when(eerste_van_dag).then(lopend).otherwise(None).forward_fill()
        return pl.when(gestart & (per_dag >= basis)).then(per_dag - basis)

    begindag = dag(begin)
    recidief_lk = basis + dag(pl.col("einddatum")) + 1  # key of the day after the end
    volgende = pl.col("_bk").gather(
        pl.col("_bk").search_sorted(recidief_lk, side="left").clip(0, pl.len() - 1)
    )
    gepland = gestart & (pl.col("reden") == GEPLAND) & pl.col("einddatum").is_not_null()
    feiten = (
        smal.with_columns(
            vorig_eind(pl.col("_ek")).alias("_vorig"),
            vorig_eind(pl.when(verblijf).then(pl.col("_ek"))).alias("_vorig_verblijf"),
        )
        .select(
            "_rij",
            pl.when(gepland)
            .then((volgende >= recidief_lk) & (volgende <= recidief_lk - 1 + normen.recidive_dagen))
            .alias("recidief"),
            pl.when(gestart)
            .then(pl.col("_vorig").is_null() | (pl.col("_vorig") < begindag - normen.nieuw_dagen))
            .alias("nieuw"),
            (
                verblijf
                & gestart
                & (pl.col("_vorig_verblijf").is_null() | (pl.col("_vorig_verblijf") < begindag - 1))
            ).alias("nieuwe_plaatsing"),
        )
        .sort("_rij")
        .drop("_rij")
    )
    return pl.concat([trajecten.lazy(), feiten], how="horizontal")


def _k(datum: pl.Expr, pp: Sequence[Periode]) -> pl.Expr:
    """Index of the period a date falls in, null outside [first start, last end]."""
    starts = pl.Series("s", [p.van for p in pp], dtype=pl.Date)
    idx = pl.lit(starts).search_sorted(datum, side="right").cast(pl.Int32) - 1
    binnen = (datum >= pp[0].van) & (datum <= pp[-1].tot)
    return pl.when(binnen).then(idx).otherwise(None)


@cache
def _kalender(van_jaar: int, tot_jaar: int) -> tuple[date, pl.Series]:
    """Day 0 and, per day from 1 January van_jaar to 31 December tot_jaar, the number of
    working days up to and including it (a running index: the working days after a up
    to and including b are index[b] - index[a])."""
    begin, eind = date(van_jaar, 1, 1), date(tot_jaar, 12, 31)
    feest = set(feestdagen_tussen(begin, eind))
    index, n, d = [], 0, begin
    while d <= eind:
        n += d.weekday() < 5 and d not in feest
        index.append(n)
        d += timedelta(days=1)
    return begin, pl.Series("werkdag", index, dtype=pl.Int32)


def _werkdagen(van: pl.Expr, tot: pl.Expr, pp: Sequence[Periode]) -> pl.Expr:
    """Working days after `van` up to and including `tot` (negative when tot < van); null
    for a date more than KALENDER_JAREN years from the periods."""
    dag0, index = _kalender(pp[0].van.year - KALENDER_JAREN, pp[-1].tot.year + KALENDER_JAREN)
    laatste = index.len() - 1

    def op(d: pl.Expr) -> pl.Expr:
        i = (d - dag0).dt.total_days()
        return pl.when((i >= 0) & (i <= laatste)).then(pl.lit(index).gather(i.clip(0, laatste)))

    return op(tot) - op(van)


def _check_perioden(pp: Sequence[Periode]) -> None:
    if not pp:
        raise ValueError("geen periode opgegeven")
    for a, b in pairwise(pp):
        if b.van != a.tot + timedelta(days=1):
            raise ValueError(f"perioden sluiten niet aan: {a.label} en {b.label}")
