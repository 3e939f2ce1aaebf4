# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The frames a forecast reads (claims, trajectories) and writes (forecasts), the
methods and the moment a forecast is made on (the peildatum)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

METHODEN = ("naief", "seizoen", "pijplijn", "combinatie")

# How a method is called on a page (docs/prognose.md explains each).
METHODE_NAMEN = {
    "naief": "stand tot nu, doorgetrokken",
    "seizoen": "seizoenspatroon van eerdere jaren",
    "pijplijn": "lopende en verwachte toewijzingen",
    "combinatie": "seizoenspatroon en toewijzingen gemiddeld",
    "rapportage-seizoen": "rapportages met seizoenspatroon",
    "rapportage-naief": "rapportages, doorgetrokken",
}


MIN_CURVE = 30  # trajectories a provider needs for its own survival curve


INSTROOM_MAANDEN = 24  # window for the inflow rate of the pipeline method


WACHT_MAANDEN = 6  # an assignment waiting longer than this is not counted as waiting


Z80 = 1.2816  # two-sided 80% normal interval


# Months per unit of frequency (WMO757): a day, a week, a month; 6 = total per assignment.
PER_MAAND = {"1": 365.25 / 12, "2": 365.25 / 12 / 7, "4": 1.0}


def peildatum(jaar: int, maand: int) -> date:
    """The day a forecast at month ``maand`` is made: the 15th of the next month."""
    return date(jaar + maand // 12, maand % 12 + 1, 15)


def maand_index(d: date) -> int:
    return d.year * 12 + d.month - 1


@dataclass(frozen=True)
class Claim:
    aanbieder: str
    gemeente: str
    productcode: str
    zorgmaand: date  # first day of the care month
    bedrag: int  # eurocent
    tarief: int | None
    ontvangen: date  # dagtekening of the JW323
    afgewezen_op: date | None  # dagtekening of the JW325 that rejected it
    toewijzingnummer: str = ""


@dataclass(frozen=True)
class TrajectRegel:
    aanbieder: str
    gemeente: str
    productcode: str
    begindatum: date | None
    start_gemeld_op: date | None
    einddatum: date | None
    stop_gemeld_op: date | None
    toewijzingsdatum: date | None
    volume: int | None
    eenheid: str
    frequentie: str
    toewijzingnummer: str = ""


@dataclass(frozen=True)
class Prognose:
    aanbieder: str
    gemeente: str
    gerealiseerd: int
    prognose: int
    onder: int
    boven: int
    methode: str
