"""Reference (b): the indicator definitions of docs/indicatoren.md written by hand in
DuckDB SQL, independent of the engine's Polars code. Per provider per period; the
result has the engine's columns (unrounded) so the benchmark can compare them exactly.

Working days come from a calendar table with a running index of working days (the
count after a up to and including b is index(b) - index(a)); the holidays are the same
legal list (Algemene termijnenwet) as the engine's, passed in as data."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import duckdb
import polars as pl

from jeugdsturing.monitor.indicatoren import Normen, Periode

SQL = """
WITH
kal AS (
    SELECT d, SUM(CASE WHEN isodow(d) <= 5 AND f.dag IS NULL THEN 1 ELSE 0 END)
               OVER (ORDER BY d) AS idx
    FROM (SELECT CAST(ts AS DATE) AS d
          FROM range(TIMESTAMP '{kal_van}', TIMESTAMP '{kal_tot}', INTERVAL 1 DAY) r(ts)) c
    LEFT JOIN feestdagen f ON f.dag = c.d
),
e AS (  -- started trajectories with the client history facts
    SELECT t.*,
        MAX(COALESCE(einddatum, DATE '9999-12-31')) OVER (
            PARTITION BY {klant} ORDER BY begindatum
            RANGE BETWEEN UNBOUNDED PRECEDING AND INTERVAL 1 DAY PRECEDING) AS vorig_eind
    FROM trajecten t WHERE begindatum IS NOT NULL
),
res AS (
    SELECT id,
        MAX(COALESCE(einddatum, DATE '9999-12-31')) OVER (
            PARTITION BY {klant} ORDER BY begindatum
            RANGE BETWEEN UNBOUNDED PRECEDING AND INTERVAL 1 DAY PRECEDING) AS vorig_res
    FROM trajecten WHERE begindatum IS NOT NULL AND category IN ('43', '44')
),
f AS (
    SELECT e.*,
        (vorig_eind IS NULL OR vorig_eind < begindatum - {nieuw}) AS nieuw,
        (category IN ('43', '44') AND (res.vorig_res IS NULL OR res.vorig_res < begindatum - 1))
            AS nieuwe_plaatsing
    FROM e LEFT JOIN res USING (id)
),
actief AS (
    SELECT p.k, f.provider,
        COUNT(DISTINCT f.{klant}) AS clients_in_care,
        COUNT(DISTINCT CASE WHEN f.category IN ('43', '44') THEN f.{klant} END) AS n_residential
    FROM f JOIN perioden p
      ON f.begindatum <= p.p1 AND COALESCE(f.einddatum, DATE '9999-12-31') >= p.p0
    GROUP BY ALL
),
instroom AS (
    SELECT p.k, x.provider,
        COUNT(*) AS inflow,
        COUNT(DISTINCT CASE WHEN x.nieuw THEN x.{klant} END) AS new_clients,
        COUNT(DISTINCT CASE WHEN x.nieuwe_plaatsing THEN x.{klant} END) AS n_placements,
        COUNT(x.wacht) AS n_waiting,
        MEDIAN(x.wacht) AS waiting_median_days,
        SUM(CASE WHEN x.wacht <= {wachtnorm} THEN 1 ELSE 0 END) AS n_waiting_within_norm,
        SUM(CASE WHEN x.start_gemeld_op IS NOT NULL AND kb.idx - ka.idx <= {termijn}
                 THEN 1 ELSE 0 END) AS n_start_timely
    FROM (
        SELECT f.*, CASE WHEN w < 0 THEN 0 ELSE w END AS wacht
        FROM (SELECT f.*, datediff('day', COALESCE(verzoekdatum, toewijzingsdatum), begindatum)
                     AS w FROM f) f
    ) x
    JOIN perioden p ON x.begindatum BETWEEN p.p0 AND p.p1
    LEFT JOIN kal ka ON ka.d = x.begindatum
    LEFT JOIN kal kb ON kb.d = x.start_gemeld_op
    GROUP BY ALL
),
uitstroom AS (
    SELECT p.k, x.provider,
        COUNT(*) AS outflow,
        SUM(CASE WHEN x.reden = '31' THEN 1 ELSE 0 END) AS outflow_planned,
        SUM(CASE WHEN x.reden IN ('32', '33', '34', '35') THEN 1 ELSE 0 END) AS outflow_dropout,
        SUM(CASE WHEN x.reden IS NULL OR x.reden NOT IN ('31', '32', '33', '34', '35')
                 THEN 1 ELSE 0 END) AS outflow_other,
        COUNT(*) AS n_duration,
        MEDIAN(x.duur) AS duration_median_days,
        QUANTILE_CONT(x.duur, 0.8) AS duration_p80_days,
        AVG(x.duur) AS duration_mean_days,
        SUM(CASE WHEN kb.idx - ka.idx <= {termijn} THEN 1 ELSE 0 END) AS n_stop_timely
    FROM (SELECT f.*, datediff('day', begindatum, einddatum) + 1 AS duur
          FROM f WHERE einddatum IS NOT NULL) x
    JOIN perioden p ON x.einddatum BETWEEN p.p0 AND p.p1
    LEFT JOIN kal ka ON ka.d = x.einddatum
    LEFT JOIN kal kb ON kb.d = x.stop_gemeld_op
    GROUP BY ALL
),
toegang AS (
    SELECT p.k, t.provider, COUNT(*) AS n_access,
        MEDIAN(CASE WHEN kb.idx - ka.idx < 0 THEN 0 ELSE kb.idx - ka.idx END)
            AS access_median_workdays
    FROM trajecten t
    JOIN perioden p ON t.toewijzingsdatum BETWEEN p.p0 AND p.p1
    JOIN kal ka ON ka.d = t.verzoekdatum
    JOIN kal kb ON kb.d = t.toewijzingsdatum
    WHERE t.verzoekdatum IS NOT NULL
    GROUP BY ALL
),
verlenging AS (
    SELECT p.k, t.provider, COUNT(*) AS extensions
    FROM verlengingen v JOIN trajecten t USING (id)
    JOIN perioden p ON v.datum BETWEEN p.p0 AND p.p1
    GROUP BY ALL
),
recidive AS (
    SELECT p.k, a.provider, COUNT(*) AS n_repeat,
        SUM(CASE WHEN EXISTS (
            SELECT 1 FROM trajecten b
            WHERE b.{klant} = a.{klant} AND b.begindatum > a.einddatum
              AND b.begindatum <= a.einddatum + {recidive}) THEN 1 ELSE 0 END) AS n_repeat_use
    FROM trajecten a
    JOIN perioden p ON a.einddatum + {recidive} BETWEEN p.p0 AND p.p1
    WHERE a.reden = '31' AND a.begindatum IS NOT NULL
    GROUP BY ALL
)
SELECT * FROM actief
FULL JOIN instroom USING (k, provider)
FULL JOIN uitstroom USING (k, provider)
FULL JOIN toegang USING (k, provider)
FULL JOIN verlenging USING (k, provider)
FULL JOIN recidive USING (k, provider)
"""

TELLINGEN = [
    "clients_in_care", "n_residential", "inflow", "new_clients", "n_placements", "n_waiting",
    "n_waiting_within_norm", "n_start_timely", "outflow", "outflow_planned", "outflow_dropout",
    "outflow_other", "n_duration", "n_stop_timely", "n_access", "extensions", "n_repeat",
    "n_repeat_use",
]  # fmt: skip


def _deel(teller: str, noemer: str, maal: float) -> pl.Expr:
    return pl.when(pl.col(noemer) > 0).then(maal * pl.col(teller) / pl.col(noemer))


def bereken(
    trajecten: pl.DataFrame,
    verlengingen: pl.DataFrame,
    pp: Sequence[Periode],
    feestdagen: Sequence[date],
    jongeren: int,
    normen: Normen = Normen(),  # noqa: B008 (frozen dataclass)
    threads: int | None = None,
) -> pl.DataFrame:
    con = duckdb.connect()
    if threads:
        con.execute(f"SET threads = {int(threads)}")
    con.register("trajecten", trajecten.to_arrow())
    con.register("verlengingen", verlengingen.to_arrow())
    con.register(
        "perioden",
        pl.DataFrame(
            {"k": range(len(pp)), "p0": [p.van for p in pp], "p1": [p.tot for p in pp]},
            schema={"k": pl.Int32, "p0": pl.Date, "p1": pl.Date},
        ).to_arrow(),
    )
    con.register(
        "feestdagen", pl.DataFrame({"dag": list(feestdagen)}, schema={"dag": pl.Date}).to_arrow()
    )
    sql = SQL.format(
        kal_van=date(pp[0].van.year - 50, 1, 1), kal_tot=date(pp[-1].tot.year + 51, 1, 1),
        klant="client_nr" if "client_nr" in trajecten.columns else "client",
        nieuw=normen.nieuw_dagen, wachtnorm=normen.wachtnorm_dagen,
        termijn=normen.meldtermijn_werkdagen, recidive=normen.recidive_dagen,
    )  # fmt: skip
    uit = pl.DataFrame(pl.from_arrow(con.sql(sql).arrow()))
    con.close()
    starts = pl.Series([p.van for p in pp], dtype=pl.Date)
    return uit.with_columns(
        [pl.col(c).fill_null(0).cast(pl.Int64) for c in TELLINGEN]
    ).with_columns(
        pl.lit(starts).gather(pl.col("k")).alias("period_from"),
        _deel("n_waiting_within_norm", "n_waiting", 100.0).alias("waiting_within_norm_pct"),
        _deel("n_repeat_use", "n_repeat", 100.0).alias("repeat_use_pct"),
        _deel("n_residential", "clients_in_care", 100.0).alias("residential_share_pct"),
        _deel("n_start_timely", "inflow", 100.0).alias("start_msg_timely_pct"),
        _deel("n_stop_timely", "outflow", 100.0).alias("stop_msg_timely_pct"),
        (1000.0 * pl.col("n_placements") / jongeren).alias("placements_per_1000"),
    ).drop("k")  # fmt: skip
