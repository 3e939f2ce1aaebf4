# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from jeugdsturing.berichten import schrijven as w
from jeugdsturing.berichten.feiten import Omvang, Product
from jeugdsturing.berichten.importeren import Resultaat, berichten_importeer
from jeugdsturing.berichten.validatie import Referentie
from tests.conftest import ROOT, SHARED

XSD = str(SHARED / "ijw" / "xsd")
GEMEENTE = "0363"
AANBIEDER = "98000001"
PERSOON = w.Persoon(
    bsn="999911120", geboortedatum=date(2014, 5, 6), geslacht="2", achternaam="Zwaluwstaart",
    voorletters="Q", postcode="1102XY", straat="Kraanvogelpad", huisnummer=17, plaats="Amsterdam",
)  # fmt: skip
PRODUCT = Product("45", "45A01")
OMVANG = Omvang(2, "04", "2")


@pytest.fixture(scope="module")
def ref() -> Referentie:
    """The reference data the built-in checks use, from the files the demo loads."""
    data = ROOT / "src" / "jeugdsturing" / "regio" / "data"
    codes: dict[str, set[str]] = defaultdict(set)
    with (data / "codelijsten.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            codes[row["lijst"]].add(row["code"])
    with (data / "gemeenten.csv").open(encoding="utf-8") as fh:
        gemeenten = frozenset(row["code"] for row in csv.DictReader(fh))
    return Referentie(gemeenten, {k: frozenset(v) for k, v in codes.items()})


@pytest.fixture
def xsd(settings):
    settings.IJW_XSD_DIR = XSD
    return XSD


Importeer = Callable[..., Resultaat]


@pytest.fixture
def importeer_bytes(tmp_path: Path, xsd: str, db: None) -> Importeer:
    """Write messages to files and import them in that order, one run."""
    teller = iter(range(1_000_000))

    def run(*berichten: bytes, suffix: str = ".xml") -> Resultaat:
        paths = []
        for data in berichten:
            p = tmp_path / f"{next(teller):05d}{suffix}"
            p.write_bytes(data)
            paths.append(p)
        return berichten_importeer(paths, bron="test")

    return run


class Verkeer:
    """Builds the messages of one client's care with unique identifications."""

    def __init__(self) -> None:
        self.n = 0

    def kop(self, dag: date) -> w.Kop:
        self.n += 1
        return w.Kop(GEMEENTE, AANBIEDER, str(self.n), dag)

    def verzoek(self, dag: date, ref: str = "REF1", verwijzer: str = "02") -> bytes:
        regel = w.VerzoekRegel(ref, PRODUCT, dag, None, OMVANG, verwijzer, "01234567")
        return w.jw315(self.kop(dag), PERSOON, [regel])

    def toewijzing(
        self, dag: date, nummer: int = 5001, einde: date | None = date(2026, 12, 31),
        reden: str | None = None, ref: str | None = "REF1", ingang: date | None = None,
    ) -> bytes:  # fmt: skip
        regel = w.ToewijzingRegel(nummer, PRODUCT, dag, ingang or dag, einde, OMVANG, ref, reden)
        return w.jw301(self.kop(dag), PERSOON, [regel])

    def start(self, dag: date, begin: date, nummer: int | None = 5001, status: str = "1") -> bytes:
        ingang = date(2026, 3, 2) if nummer is not None else None
        return w.jw305(
            self.kop(dag), PERSOON, [w.LeveringRegel(nummer, PRODUCT, ingang, begin, status)]
        )

    def stop(
        self,
        dag: date,
        begin: date,
        einde: date,
        reden: str = "31",
        nummer: int | None = 5001,
        status: str = "1",
    ) -> bytes:
        ingang = date(2026, 3, 2) if nummer is not None else None
        regel = w.LeveringRegel(nummer, PRODUCT, ingang, begin, status, einde, reden)
        return w.jw307(self.kop(dag), PERSOON, [regel])


@pytest.fixture
def verkeer() -> Verkeer:
    return Verkeer()
