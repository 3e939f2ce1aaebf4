# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The trajectories behind a figure (the same event frames, filtered), and the
extension and in-care helpers the other apps use."""

from __future__ import annotations

from datetime import date

import polars as pl

from jeugdsturing.monitor.indicatoren.gebeurtenissen import Familie, gebeurtenissen
from jeugdsturing.monitor.indicatoren.schema import DIMENSIES, NORMEN, VER, Normen, Periode
from jeugdsturing.monitor.indicatoren.verrijken import verrijk

# Which event frame, and which of its rows, stand behind each indicator.
ACHTER: dict[str, tuple[Familie, pl.Expr | None]] = {
    "clienten_in_zorg": ("actief", None),
    "aandeel_verblijf_pct": ("actief", None),
    "instroom": ("instroom", None),
    "nieuwe_clienten": ("instroom", pl.col("nieuw")),
    "plaatsingen_per_1000": ("instroom", pl.col("nieuwe_plaatsing")),
    "wachttijd_mediaan_dagen": ("instroom", pl.col("wachtdagen").is_not_null()),
    "binnen_wachtnorm_pct": ("instroom", pl.col("wachtdagen").is_not_null()),
    "startberichten_tijdig_pct": ("instroom", None),
    "uitstroom": ("uitstroom", None),
    "uitstroom_volgens_plan": ("uitstroom", pl.col("uitstroomsoort") == "volgens plan"),
    "uitstroom_voortijdig": ("uitstroom", pl.col("uitstroomsoort") == "voortijdig"),
    "uitstroom_overig": ("uitstroom", pl.col("uitstroomsoort") == "overig"),
    "doorlooptijd_mediaan_dagen": ("uitstroom", None),
    "doorlooptijd_p80_dagen": ("uitstroom", None),
    "doorlooptijd_gemiddeld_dagen": ("uitstroom", None),
    "stopberichten_tijdig_pct": ("uitstroom", None),
    "toegangstijd_mediaan_werkdagen": ("toegang", None),
    "verlengingen": ("verlenging", None),
    "herhaald_gebruik_pct": ("recidive", None),
}


DETAIL_KOLOMMEN: tuple[str, ...] = (
    "id", "client", "aanbieder", "gemeente", "gebied", "thema", "categorie", "productcode",
    "verwijzer", "verzoekdatum", "toewijzingsdatum", "begindatum", "einddatum", "reden",
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


def in_zorg_op(trajecten: pl.DataFrame, dag: date, *, na: bool = False) -> int:
    """Distinct clients in care on a day: started on or before it and not ended before
    it. With na=True, in care *after* the day (not ended on it): the stock at the end of
    a period, so that stock(end) = stock(start) + inflow - outflow for single trajectories."""
    eind = pl.col("einddatum").fill_null(VER)
    voorwaarde = (pl.col("begindatum") <= dag) & ((eind > dag) if na else (eind >= dag))
    return int(trajecten.filter(voorwaarde)["client"].n_unique())
