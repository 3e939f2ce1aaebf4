"""The indicator engine: pure functions over Polars frames (docs/indicatoren.md).

Input is a frame of trajectories (TRAJECT_SCHEMA, built by `monitor.selectors`), a frame
of extension events (VERLENGING_SCHEMA) and the population aged 0-17 per gemeente. No
ORM in here: frames in, frames out, so every definition can be tested with a small table.

Each indicator family is one *event frame*: the trajectories that count for it, each
with the index of the period its event falls in (`k`) and the values it contributes.
The aggregates group these frames; the drill-down (`achterliggend`) filters the very
same frames, so a figure and the list behind it can never disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from itertools import pairwise
from typing import Literal

import polars as pl

from jeugdsturing.monitor.werkdagen import feestdagen_tussen

DIMENSIES: tuple[str, ...] = ("provider", "gemeente", "gebied", "theme", "category", "referrer")

TRAJECT_SCHEMA: dict[str, pl.DataType | type[pl.DataType]] = {
    "id": pl.Int64,
    "client": pl.String,
    "provider": pl.String,
    "gemeente": pl.String,
    "gebied": pl.String,
    "theme": pl.String,
    "category": pl.String,
    "referrer": pl.String,
    "productcode": pl.String,
    "taakgericht": pl.Boolean,
    "toewijzingnummer": pl.String,
    "verzoekdatum": pl.Date,
    "toewijzingsdatum": pl.Date,
    "begindatum": pl.Date,
    "einddatum": pl.Date,
    "reden": pl.String,
    "start_gemeld_op": pl.Date,
    "stop_gemeld_op": pl.Date,
}
VERLENGING_SCHEMA: dict[str, pl.DataType | type[pl.DataType]] = {"id": pl.Int64, "datum": pl.Date}

# The indicator keys of a result row, in the order of the CLI (issue 4).
INDICATOREN: tuple[str, ...] = (
    "clients_in_care",
    "inflow",
    "new_clients",
    "outflow",
    "outflow_planned",
    "outflow_dropout",
    "outflow_other",
    "duration_median_days",
    "duration_p80_days",
    "duration_mean_days",
    "waiting_median_days",
    "waiting_within_norm_pct",
    "access_median_workdays",
    "extensions",
    "repeat_use_pct",
    "residential_share_pct",
    "placements_per_1000",
    "start_msg_timely_pct",
    "stop_msg_timely_pct",
)
# Counts (shown as "<5" when 1-4) and the counts each percentage or statistic rests on
# (its denominator): the small-number protection (bescherming.py) reads these.
AANTALLEN: tuple[str, ...] = (
    "clients_in_care", "inflow", "new_clients", "outflow", "outflow_planned",
    "outflow_dropout", "outflow_other", "extensions",
)  # fmt: skip
NOEMERS: dict[str, str] = {
    "duration_median_days": "n_duration",
    "duration_p80_days": "n_duration",
    "duration_mean_days": "n_duration",
    "waiting_median_days": "n_waiting",
    "waiting_within_norm_pct": "n_waiting",
    "access_median_workdays": "n_access",
    "repeat_use_pct": "n_repeat",
    "residential_share_pct": "clients_in_care",
    "start_msg_timely_pct": "inflow",
    "stop_msg_timely_pct": "outflow",
}
# The numerator behind each percentage (its complement is denominator - numerator).
TELLERS: dict[str, str] = {
    "waiting_within_norm_pct": "n_waiting_within_norm",
    "repeat_use_pct": "n_repeat_use",
    "residential_share_pct": "n_residential",
    "start_msg_timely_pct": "n_start_timely",
    "stop_msg_timely_pct": "n_stop_timely",
}
# Counts that add up over the rows of one dimension (clients do not: one client can be
# in care with two providers). Secondary suppression works on these.
OPTELBAAR: tuple[str, ...] = (
    "inflow", "outflow", "outflow_planned", "outflow_dropout", "outflow_other", "extensions",
)  # fmt: skip
HULPKOLOMMEN: tuple[str, ...] = (
    "n_duration", "n_waiting", "n_waiting_within_norm", "n_access", "n_repeat",
    "n_repeat_use", "n_residential", "n_placements", "n_start_timely", "n_stop_timely",
    "population_0_17",
)  # fmt: skip

VERBLIJF = ("43", "44")  # JZ020: verblijf (incl. behandeling); pleegzorg/gezinshuis
GEPLAND = "31"  # WJ759 (RedenBeeindiging): volgens plan beëindigd
UITVAL = ("32", "33", "34", "35")  # eenzijdig of voortijdig beëindigd
VER = date(9999, 12, 31)  # an open end
DAG_OFFSET = 100_000  # day numbers + this are positive from 1697 on ...
BLOK = 1 << 22  # ... and stay below this up to 9999-12-31: one block of days per client
# Polars 2 runs lazy queries on its streaming engine by default; the frames of a region
# fit in memory many times over, and the in-memory engine is about twice as fast on them
# (docs/performance.md).
ENGINE: Literal["in-memory"] = "in-memory"
KALENDER_JAREN = 50  # working days are counted for dates this many years around the periods
ONBEGONNEN = 1 << 62  # sort key of a trajectory that has not started: after everything


@dataclass(frozen=True)
class Periode:
    van: date
    tot: date  # inclusive

    def __post_init__(self) -> None:
        if self.tot < self.van:
            raise ValueError(f"periode {self.van}..{self.tot}: het einde ligt voor het begin")

    @property
    def label(self) -> str:
        return f"{self.van.isoformat()}/{self.tot.isoformat()}"

    def vorige(self) -> Periode:
        """The period of the same length directly before this one (calendar months and
        years are kept whole: Q2 -> Q1, 2027 -> 2026)."""
        if self.van.day == 1 and (self.tot + timedelta(days=1)).day == 1:
            maanden = (self.tot.year - self.van.year) * 12 + self.tot.month - self.van.month + 1
            jaar, maand = divmod(self.van.year * 12 + self.van.month - 1 - maanden, 12)
            return Periode(date(jaar, maand + 1, 1), self.van - timedelta(days=1))
        lengte = self.tot - self.van
        return Periode(self.van - lengte - timedelta(days=1), self.van - timedelta(days=1))


Indeling = Literal["maand", "kwartaal", "halfjaar", "jaar"]
MAANDEN_PER: dict[str, int] = {"maand": 1, "kwartaal": 3, "halfjaar": 6, "jaar": 12}


def perioden(van: date, tot: date, per: Indeling | None = None) -> list[Periode]:
    """The range [van, tot] whole, or cut into calendar months, quarters, half-years or
    years (the first and last piece clipped to the range)."""
    if per is None:
        return [Periode(van, tot)]
    stap = MAANDEN_PER[per]
    uit: list[Periode] = []
    maand0 = (van.month - 1) // stap * stap  # the calendar block van falls in
    begin = date(van.year, maand0 + 1, 1)
    while begin <= tot:
        jaar, maand = divmod(begin.year * 12 + begin.month - 1 + stap, 12)
        volgende = date(jaar, maand + 1, 1)
        uit.append(Periode(max(begin, van), min(volgende - timedelta(days=1), tot)))
        begin = volgende
    return uit


@dataclass(frozen=True)
class Normen:
    wachtnorm_dagen: int = 42
    meldtermijn_werkdagen: int = 5
    recidive_dagen: int = 365
    nieuw_dagen: int = 365


NORMEN = Normen()


def lege_trajecten() -> pl.DataFrame:
    return pl.DataFrame(schema=TRAJECT_SCHEMA)


def lege_verlengingen() -> pl.DataFrame:
    return pl.DataFrame(schema=VERLENGING_SCHEMA)


# --- trajectory-level facts (over the whole region, before any view is applied) --------


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
    verblijf = pl.col("category").is_in(VERBLIJF).fill_null(False)
    # Only the columns needed, sorted by the key; the facts are put back in the original
    # row order afterwards (sorting the whole frame would move every column).
    smal = (
        trajecten.lazy()
        .select("client_nr", "begindatum", "einddatum", "reden", "category")
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


# --- period assignment ------------------------------------------------------------------


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


# --- event frames ----------------------------------------------------------------------

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
            .with_columns(pl.col("category").is_in(VERBLIJF).alias("verblijf"))
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
                .then(pl.lit("planned"))
                .when(reden.is_in(UITVAL))
                .then(pl.lit("dropout"))
                .otherwise(pl.lit("other"))
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


# --- aggregation ------------------------------------------------------------------------


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


# --- drill-down -------------------------------------------------------------------------

# Which event frame, and which of its rows, stand behind each indicator.
ACHTER: dict[str, tuple[Familie, pl.Expr | None]] = {
    "clients_in_care": ("actief", None),
    "residential_share_pct": ("actief", None),
    "inflow": ("instroom", None),
    "new_clients": ("instroom", pl.col("nieuw")),
    "placements_per_1000": ("instroom", pl.col("nieuwe_plaatsing")),
    "waiting_median_days": ("instroom", pl.col("wachtdagen").is_not_null()),
    "waiting_within_norm_pct": ("instroom", pl.col("wachtdagen").is_not_null()),
    "start_msg_timely_pct": ("instroom", None),
    "outflow": ("uitstroom", None),
    "outflow_planned": ("uitstroom", pl.col("uitstroomsoort") == "planned"),
    "outflow_dropout": ("uitstroom", pl.col("uitstroomsoort") == "dropout"),
    "outflow_other": ("uitstroom", pl.col("uitstroomsoort") == "other"),
    "duration_median_days": ("uitstroom", None),
    "duration_p80_days": ("uitstroom", None),
    "duration_mean_days": ("uitstroom", None),
    "stop_msg_timely_pct": ("uitstroom", None),
    "access_median_workdays": ("toegang", None),
    "extensions": ("verlenging", None),
    "repeat_use_pct": ("recidive", None),
}
DETAIL_KOLOMMEN: tuple[str, ...] = (
    "id", "client", "provider", "gemeente", "gebied", "theme", "category", "productcode",
    "referrer", "verzoekdatum", "toewijzingsdatum", "begindatum", "einddatum", "reden",
    "start_gemeld_op", "stop_gemeld_op",
)  # fmt: skip
WAARDE_KOLOM: dict[Familie, tuple[str, ...]] = {
    "actief": ("verblijf",),
    "instroom": ("nieuw", "nieuwe_plaatsing", "wachtdagen", "start_tijdig"),
    "uitstroom": ("uitstroomsoort", "duur", "stop_tijdig"),
    "toegang": ("toegangswerkdagen",),
    "verlenging": ("datum",),
    "recidive": ("recidief",),
}


def achterliggend(
    trajecten: pl.DataFrame,
    verlengingen: pl.DataFrame,
    periode: Periode,
    indicator: str,
    filters: dict[str, str | None] | None = None,
    *,
    zicht: pl.Expr | None = None,
    normen: Normen = NORMEN,
    verrijkt: bool = False,
) -> pl.DataFrame:
    """The trajectories behind one figure: the rows of its event frame in the period,
    for the dimension values in `filters` (None matches an empty value)."""
    if indicator not in ACHTER:
        raise ValueError(f"onbekende indicator {indicator!r}")
    familie, voorwaarde = ACHTER[indicator]
    t = trajecten if verrijkt else verrijk(trajecten, normen)
    if zicht is not None:
        t = t.filter(zicht)
    for dim, waarde in (filters or {}).items():
        if dim not in DIMENSIES:
            raise ValueError(f"onbekende dimensie {dim!r}")
        t = t.filter(pl.col(dim).is_null() if waarde is None else pl.col(dim) == waarde)
    ev = gebeurtenissen(t, verlengingen, [periode], familie, normen)
    if voorwaarde is not None:
        ev = ev.filter(voorwaarde)
    return ev.select(*DETAIL_KOLOMMEN, *WAARDE_KOLOM[familie]).sort("begindatum", "id")


# --- extension events -------------------------------------------------------------------


def verlengingsmomenten(versies: pl.DataFrame) -> pl.DataFrame:
    """Extension events from the received versions of assignments (columns gemeente,
    nummer, dagtekening, volgorde, einddatum, reden_wijziging): a version with
    RedenWijziging 04, or one whose Einddatum lies after the last known Einddatum of the
    versions received before it. The same rule as berichten.trajecten.verlengingen, per
    event with its date (the version's dagtekening)."""
    return (
        versies.sort("gemeente", "nummer", "dagtekening", "volgorde")
        .with_columns(
            pl.col("einddatum").forward_fill().shift(1).over("gemeente", "nummer").alias("_vorige"),
            pl.int_range(pl.len()).over("gemeente", "nummer").alias("_rang"),
        )
        .filter(
            (pl.col("reden_wijziging") == "04")
            | (
                (pl.col("_rang") > 0)
                & pl.col("_vorige").is_not_null()
                & pl.col("einddatum").is_not_null()
                & (pl.col("einddatum") > pl.col("_vorige"))
            )
        )
        .select("gemeente", "nummer", pl.col("dagtekening").alias("datum"))
    )


# --- stocks -----------------------------------------------------------------------------


def in_zorg_op(trajecten: pl.DataFrame, dag: date, *, na: bool = False) -> int:
    """Distinct clients in care on a day: started on or before it and not ended before
    it. With na=True, in care *after* the day (not ended on it): the stock at the end of
    a period, so that stock(end) = stock(start) + inflow - outflow for single trajectories."""
    eind = pl.col("einddatum").fill_null(VER)
    voorwaarde = (pl.col("begindatum") <= dag) & ((eind > dag) if na else (eind >= dag))
    return int(trajecten.filter(voorwaarde)["client"].n_unique())
