# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Reference (b): the indicator definitions of docs/indicatoren.md written by hand in
DuckDB SQL, independent of the engine's Polars code. Per aanbieder per period; the
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
    FROM trajecten WHERE begindatum IS NOT NULL AND categorie IN ('43', '44')
),
f AS (
    SELECT e.*,
        (vorig_eind IS NULL OR vorig_eind < begindatum - {nieuw}) AS nieuw,
        (categorie IN ('43', '44') AND (res.vorig_res IS NULL OR res.vorig_res < begindatum - 1))
            AS nieuwe_plaatsing
    FROM e LEFT JOIN res USING (id)
),
actief AS (
    SELECT p.k, f.aanbieder,
        COUNT(DISTINCT f.{klant}) AS clienten_in_zorg,
        COUNT(DISTINCT CASE WHEN f.categorie IN ('43', '44') THEN f.{klant} END) AS n_verblijf
    FROM f JOIN perioden p
      ON f.begindatum <= p.p1 AND COALESCE(f.einddatum, DATE '9999-12-31') >= p.p0
    GROUP BY ALL
),
instroom AS (
    SELECT p.k, x.aanbieder,
        COUNT(*) AS instroom,
        COUNT(DISTINCT CASE WHEN x.nieuw THEN x.{klant} END) AS nieuwe_clienten,
        COUNT(DISTINCT CASE WHEN x.nieuwe_plaatsing THEN x.{klant} END) AS n_plaatsingen,
        COUNT(x.wacht) AS n_wachttijd,
        MEDIAN(x.wacht) AS wachttijd_mediaan_dagen,
        SUM(CASE WHEN x.wacht <= {wachtnorm} THEN 1 ELSE 0 END) AS n_binnen_wachtnorm,
        SUM(CASE WHEN x.start_gemeld_op IS NOT NULL AND kb.idx - ka.idx <= {termijn}
                 THEN 1 ELSE 0 END) AS n_start_tijdig
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
    SELECT p.k, x.aanbieder,
        COUNT(*) AS uitstroom,
        SUM(CASE WHEN x.reden = '31' THEN 1 ELSE 0 END) AS uitstroom_volgens_plan,
        SUM(CASE WHEN x.reden IN ('32', '33', '34', '35') THEN 1 ELSE 0 END)
            AS uitstroom_voortijdig,
        SUM(CASE WHEN x.reden IS NULL OR x.reden NOT IN ('31', '32', '33', '34', '35')
                 THEN 1 ELSE 0 END) AS uitstroom_overig,
        COUNT(*) AS n_doorlooptijd,
        MEDIAN(x.duur) AS doorlooptijd_mediaan_dagen,
        QUANTILE_CONT(x.duur, 0.8) AS doorlooptijd_p80_dagen,
        AVG(x.duur) AS doorlooptijd_gemiddeld_dagen,
        SUM(CASE WHEN kb.idx - ka.idx <= {termijn} THEN 1 ELSE 0 END) AS n_stop_tijdig
    FROM (SELECT f.*, datediff('day', begindatum, einddatum) + 1 AS duur
          FROM f WHERE einddatum IS NOT NULL) x
    JOIN perioden p ON x.einddatum BETWEEN p.p0 AND p.p1
    LEFT JOIN kal ka ON ka.d = x.einddatum
    LEFT JOIN kal kb ON kb.d = x.stop_gemeld_op
    GROUP BY ALL
),
toegang AS (
    SELECT p.k, t.aanbieder, COUNT(*) AS n_toegang,
        MEDIAN(CASE WHEN kb.idx - ka.idx < 0 THEN 0 ELSE kb.idx - ka.idx END)
            AS toegangstijd_mediaan_werkdagen
    FROM trajecten t
    JOIN perioden p ON t.toewijzingsdatum BETWEEN p.p0 AND p.p1
    JOIN kal ka ON ka.d = t.verzoekdatum
    JOIN kal kb ON kb.d = t.toewijzingsdatum
    WHERE t.verzoekdatum IS NOT NULL
    GROUP BY ALL
),
verlenging AS (
    SELECT p.k, t.aanbieder, COUNT(*) AS verlengingen
    FROM verlengingen v JOIN trajecten t USING (id)
    JOIN perioden p ON v.datum BETWEEN p.p0 AND p.p1
    GROUP BY ALL
),
recidive AS (
    SELECT p.k, a.aanbieder, COUNT(*) AS n_herhaald,
        SUM(CASE WHEN EXISTS (
            SELECT 1 FROM trajecten b
            WHERE b.{klant} = a.{klant} AND b.begindatum > a.einddatum
              AND b.begindatum <= a.einddatum + {recidive}) THEN 1 ELSE 0 END) AS n_herhaald_gebruik
    FROM trajecten a
    JOIN perioden p ON a.einddatum + {recidive} BETWEEN p.p0 AND p.p1
    WHERE a.reden = '31' AND a.begindatum IS NOT NULL
    GROUP BY ALL
)
SELECT * FROM actief
FULL JOIN instroom USING (k, aanbieder)
FULL JOIN uitstroom USING (k, aanbieder)
FULL JOIN toegang USING (k, aanbieder)
FULL JOIN verlenging USING (k, aanbieder)
FULL JOIN recidive USING (k, aanbieder)
"""

TELLINGEN = [
    "clienten_in_zorg", "n_verblijf", "instroom", "nieuwe_clienten", "n_plaatsingen",
    "n_wachttijd", "n_binnen_wachtnorm", "n_start_tijdig", "uitstroom", "uitstroom_volgens_plan",
    "uitstroom_voortijdig", "uitstroom_overig", "n_doorlooptijd", "n_stop_tijdig", "n_toegang",
    "verlengingen", "n_herhaald", "n_herhaald_gebruik",
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
        pl.lit(starts).gather(pl.col("k")).alias("periode_van"),
        _deel("n_binnen_wachtnorm", "n_wachttijd", 100.0).alias("binnen_wachtnorm_pct"),
        _deel("n_herhaald_gebruik", "n_herhaald", 100.0).alias("herhaald_gebruik_pct"),
        _deel("n_verblijf", "clienten_in_zorg", 100.0).alias("aandeel_verblijf_pct"),
        _deel("n_start_tijdig", "instroom", 100.0).alias("startberichten_tijdig_pct"),
        _deel("n_stop_tijdig", "uitstroom", 100.0).alias("stopberichten_tijdig_pct"),
        (1000.0 * pl.col("n_plaatsingen") / jongeren).alias("plaatsingen_per_1000"),
    ).drop("k")  # fmt: skip
