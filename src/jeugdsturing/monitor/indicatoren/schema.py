# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The frames the engine reads and writes: their columns, the indicators and how
they aggregate, periods, norms."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

import polars as pl

DIMENSIES: tuple[str, ...] = ("aanbieder", "gemeente", "gebied", "thema", "categorie", "verwijzer")


TRAJECT_SCHEMA: dict[str, pl.DataType | type[pl.DataType]] = {
    "id": pl.Int64,
    "client": pl.String,
    "aanbieder": pl.String,
    "gemeente": pl.String,
    "gebied": pl.String,
    "thema": pl.String,
    "categorie": pl.String,
    "verwijzer": pl.String,
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
    "clienten_in_zorg",
    "instroom",
    "nieuwe_clienten",
    "uitstroom",
    "uitstroom_volgens_plan",
    "uitstroom_voortijdig",
    "uitstroom_overig",
    "doorlooptijd_mediaan_dagen",
    "doorlooptijd_p80_dagen",
    "doorlooptijd_gemiddeld_dagen",
    "wachttijd_mediaan_dagen",
    "binnen_wachtnorm_pct",
    "toegangstijd_mediaan_werkdagen",
    "verlengingen",
    "herhaald_gebruik_pct",
    "aandeel_verblijf_pct",
    "plaatsingen_per_1000",
    "startberichten_tijdig_pct",
    "stopberichten_tijdig_pct",
)


# Counts (shown as "<5" when 1-4) and the counts each percentage or statistic rests on
# (its denominator): the small-number protection (bescherming.py) reads these.
AANTALLEN: tuple[str, ...] = (
    "clienten_in_zorg", "instroom", "nieuwe_clienten", "uitstroom", "uitstroom_volgens_plan",
    "uitstroom_voortijdig", "uitstroom_overig", "verlengingen",
)  # fmt: skip


NOEMERS: dict[str, str] = {
    "doorlooptijd_mediaan_dagen": "n_doorlooptijd",
    "doorlooptijd_p80_dagen": "n_doorlooptijd",
    "doorlooptijd_gemiddeld_dagen": "n_doorlooptijd",
    "wachttijd_mediaan_dagen": "n_wachttijd",
    "binnen_wachtnorm_pct": "n_wachttijd",
    "toegangstijd_mediaan_werkdagen": "n_toegang",
    "herhaald_gebruik_pct": "n_herhaald",
    "aandeel_verblijf_pct": "clienten_in_zorg",
    "startberichten_tijdig_pct": "instroom",
    "stopberichten_tijdig_pct": "uitstroom",
}


# The numerator behind each percentage (its complement is denominator - numerator).
TELLERS: dict[str, str] = {
    "binnen_wachtnorm_pct": "n_binnen_wachtnorm",
    "herhaald_gebruik_pct": "n_herhaald_gebruik",
    "aandeel_verblijf_pct": "n_verblijf",
    "startberichten_tijdig_pct": "n_start_tijdig",
    "stopberichten_tijdig_pct": "n_stop_tijdig",
}


# Counts that add up over the rows of one dimension (clients do not: one client can be
# in care with two providers). Secondary suppression works on these.
OPTELBAAR: tuple[str, ...] = (
    "instroom", "uitstroom", "uitstroom_volgens_plan", "uitstroom_voortijdig", "uitstroom_overig",
    "verlengingen",
)  # fmt: skip


HULPKOLOMMEN: tuple[str, ...] = (
    "n_doorlooptijd", "n_wachttijd", "n_binnen_wachtnorm", "n_toegang", "n_herhaald",
    "n_herhaald_gebruik", "n_verblijf", "n_plaatsingen", "n_start_tijdig", "n_stop_tijdig",
    "jongeren_0_17",
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

    @property
    def maanden(self) -> int | None:
        """The number of whole calendar months this period spans, or None when it does
        not start on the first and end on the last day of a month."""
        if self.van.day != 1 or (self.tot + timedelta(days=1)).day != 1:
            return None
        return (self.tot.year - self.van.year) * 12 + self.tot.month - self.van.month + 1

    def vast(self) -> bool:
        """A fixed publication period (docs/indicatoren.md, "Kleine aantallen"): a
        calendar month, quarter, half-year or year; twelve whole months (a rolling year
        ending at a month's end); or the year so far (1 January to a month's end), as the
        performance dialogue reports."""
        m = self.maanden
        if m == 12 or (m is not None and self.van.month == 1 and self.van.year == self.tot.year):
            return True
        if m not in (1, 3, 6):
            return False
        return (self.van.month - 1) % m == 0

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
