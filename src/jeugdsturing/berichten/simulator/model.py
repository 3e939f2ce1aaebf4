# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The model of the simulated region: products with their volumes and tariffs, the
season, referrers, providers (good and poor performers) and gemeenten with their CBS
volumes."""

from __future__ import annotations

import csv
import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from jeugdsturing.berichten.feiten import Product
from jeugdsturing.regio.models import Regio

DATA = Path(__file__).resolve().parents[1] / "data" / "cbs_jeugdhulp_2022.csv"


# Share of new trajectories among the trajectories in care during a year: with a mean
# duration of ~250 days, in-care-in-a-year = starts x (1 + 250/365), so starts = 0.6 x.
INSTROOM_FRACTIE = 0.6


@dataclass(frozen=True)
class ProductType:
    product: Product
    naam: str
    eenheid: str  # WJ756
    frequentie: str  # WMO757
    volume: int  # per frequency period
    tarief: int  # eurocent per unit
    aandeel: float  # share of non-residential inflow (residential share comes from CBS)
    duur_mediaan: int  # days
    duur_sigma: float  # lognormal shape: larger is a longer tail
    toewijzing_maanden: int  # initial assignment period
    wachttijd_gemiddeld: int  # days from assignment to start
    residentieel: bool = False


# Regional product catalogue of the simulation: tariffs at 2025 price level, in the
# range of Dutch regional youth-care tariffs (docs/simulator.md).
PRODUCTEN: tuple[ProductType, ...] = (
    ProductType(Product("45", "45A01"), "Ambulant individueel", "04", "2", 2, 11500, 0.42, 180, 0.7, 12, 21),
    ProductType(Product("45", "45A02"), "Ambulant gezinsgericht", "04", "2", 3, 11000, 0.16, 210, 0.7, 12, 24),
    ProductType(Product("54", "54G01"), "Jeugd-ggz behandeling", "04", "2", 1, 13000, 0.22, 240, 0.8, 12, 35),
    ProductType(Product("41", "41D01"), "Dagbehandeling", "16", "2", 4, 9500, 0.08, 250, 0.6, 12, 30),
    ProductType(Product("46", "46C01"), "Crisisinterventie", "04", "2", 6, 14000, 0.04, 30, 0.6, 3, 1),
    ProductType(Product("50", "50M01"), "Maatwerkarrangement", "82", "6", 1, 450000, 0.08, 200, 0.7, 12, 28),
    ProductType(Product("43", "43V01"), "Verblijf met behandeling", "14", "2", 7, 32000, 0.0, 300, 0.9, 12, 42, residentieel=True),
    ProductType(Product("44", "44V01"), "Verblijf zonder behandeling (pleegzorg, gezinshuis)", "14", "2", 7, 11000, 0.0, 420, 1.0, 12, 35, residentieel=True),
)  # fmt: skip


# Delivered hours and day parts per month relative to the assignment: fewer in the
# school holidays (July, August, Christmas, May), a little more after the summer. An
# assumption of the model, not a measured series (docs/simulator.md).
SEIZOEN = (1.0, 1.0, 1.05, 1.0, 0.92, 1.0, 0.8, 0.7, 1.08, 1.05, 1.05, 0.85)


VERWIJZERS = ("01", "02", "03", "04", "05", "08", "06")


CBS_VERWIJZER = {
    "01": "v01_gemeente", "02": "v02_huisarts", "03": "v03_jeugdarts", "04": "v04_gi",
    "05": "v05_specialist", "08": "v08_rechter", "06": "v06_geen",
}  # fmt: skip


ACHTERNAMEN = (
    "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser",
    "Smit", "Meijer", "de Boer", "Mulder", "Bos", "Vos", "Peters", "Hendriks", "Yilmaz",
    "El Amrani", "Kaya", "Bouzid", "Pinas", "Martina", "Nguyen", "Kok", "Dekker",
)  # fmt: skip


AANBIEDERS = (
    "Amstelzorg", "Jeugdhulp Noord", "Kinderpraktijk West", "GGZ Jong", "Gezinshuis Amstel",
    "Ouder en Kind Centraal", "Horizon Jeugd", "De Waarden", "Levvel Amstel", "Spirit Jong",
    "Altra Onderwijs", "Triade Jeugd", "Pluryn Amstel", "Lijn5 Jeugd", "Arkin Jong", "OCK Het Spalier",
)  # fmt: skip


def aanbieder_agb(regio: Regio, i: int) -> str:
    """The AGB code the simulation gives provider i of AANBIEDERS in a region."""
    return f"98{regio.pk % 100:02d}{i + 1:04d}"


@dataclass
class Aanbieder:
    naam: str
    agb: str
    taakgericht: bool
    slecht: bool  # behaves clearly worse: long durations, repeat use, late messages
    gewicht: float
    volgnummer: Counter[tuple[str, date]] = field(default_factory=Counter)

    def ident(self, soort: str, dag: date) -> str:
        """A number for a message (or reference) sent on `dag`: the date first, then a
        sequence number of that day, like the numbering of a sending system. Numbered
        when the simulator plans a trajectory, a plain counter would give a month's
        messages numbers from all over the range (docs/simulator.md)."""
        self.volgnummer[(soort, dag)] += 1
        return f"{soort[0]}{dag:%y%m%d}{self.volgnummer[(soort, dag)]}"


@dataclass
class GemeenteSim:
    code: str
    naam: str
    instroom_per_jaar: float
    verwijzers: list[float]
    verblijf_fractie: float
    postcodes: list[str]
    toewijzingnummer: int = 0
    volgnummer: Counter[date] = field(default_factory=Counter)

    def ident(self, dag: date) -> str:
        """As Aanbieder.ident: date first, then the sequence number of that day."""
        self.volgnummer[dag] += 1
        return f"G{dag:%y%m%d}{self.volgnummer[dag]}"


def _werkdagen_later(d: date, n: int) -> date:
    while n > 0:
        d += timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d


def _bsn(rng: random.Random, gebruikt: set[str]) -> str:
    """A random 9-digit number that passes the BSN 11-test."""
    while True:
        digits = [rng.randrange(10) for _ in range(8)]
        if digits[0] == 0:
            continue
        total = sum(d * (9 - i) for i, d in enumerate(digits))
        last = total % 11
        if last == 10:
            continue
        bsn = "".join(map(str, digits)) + str(last)
        if bsn not in gebruikt:
            gebruikt.add(bsn)
            return bsn


def _lees_cbs() -> dict[str, dict[str, str]]:
    with DATA.open(encoding="utf-8") as fh:
        return {r["code"]: r for r in csv.DictReader(fh)}


def _getal(value: str) -> float:
    return float(value) if value else 0.0
