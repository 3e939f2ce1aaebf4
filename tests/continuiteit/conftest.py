# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Hand-built care of a few children in the demo region, as real iJw messages imported
through the import, around the demo tender's award (contracts from 1 January 2028):
Gezinshuis Amstel gets no new contract, Amstelzorg keeps only theme C."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from jeugdsturing.berichten import schrijven as w
from jeugdsturing.berichten.feiten import Omvang, Product
from jeugdsturing.berichten.importeren import Resultaat, berichten_importeer
from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.regio.models import Regio
from jeugdsturing.verwerving.models import Aanbesteding
from tests.conftest import SHARED

OVERGANG = date(2028, 1, 1)
PEIL = date(2027, 10, 1)
GEMEENTE = "0362"  # Amstelveen
AMBULANT = Product("45", "45A01")  # theme C
VERBLIJF = Product("43", "43V01")  # theme B
PER_WEEK = Omvang(2, "04", "2")


def bsn(n: int) -> str:
    """A valid BSN (11-proof) from a number."""
    for basis in itertools.count(10_000_000 + n * 10):
        cijfers = [int(c) for c in f"{basis:08d}"]
        s = sum(c * f for c, f in zip(cijfers, range(9, 1, -1), strict=True)) % 11
        if s < 10:
            return f"{basis:08d}{s}"
    raise AssertionError


@dataclass
class Zorgverkeer:
    """Messages of the children of a test, imported per batch."""

    map_: Path
    n: int = 0
    nummer: int = 7000
    batch: list[bytes] = field(default_factory=list)

    def persoon(self, kind: int) -> w.Persoon:
        return w.Persoon(
            bsn=bsn(kind), geboortedatum=date(2014, 5, 6), geslacht="2", achternaam="Proef",
            voorletters="T", postcode="1181AA", plaats="Amstelveen",
        )  # fmt: skip

    def kop(self, afzender_gemeente: bool, aanbieder: str, dag: date) -> w.Kop:
        self.n += 1
        return w.Kop(GEMEENTE, aanbieder, f"T{self.n}", dag)

    def toewijzing(self, kind: int, aanbieder: str, product: Product, van: date, tot: date) -> int:
        self.nummer += 1
        regel = w.ToewijzingRegel(self.nummer, product, van, van, tot, PER_WEEK)
        self.batch.append(w.jw301(self.kop(True, aanbieder, van), self.persoon(kind), [regel]))
        return self.nummer

    def start(
        self, kind: int, aanbieder: str, product: Product, nummer: int | None, ingang: date | None,
        begin: date, gemeld: date | None = None,
    ) -> None:  # fmt: skip
        regel = w.LeveringRegel(nummer, product, ingang, begin)
        self.batch.append(
            w.jw305(self.kop(False, aanbieder, gemeld or begin), self.persoon(kind), [regel])
        )

    def stop(
        self, kind: int, aanbieder: str, product: Product, nummer: int | None, ingang: date | None,
        begin: date, einde: date, reden: str = "31",
    ) -> None:  # fmt: skip
        regel = w.LeveringRegel(nummer, product, ingang, begin, "1", einde, reden)
        self.batch.append(w.jw307(self.kop(False, aanbieder, einde), self.persoon(kind), [regel]))

    def zorg(
        self, kind: int, aanbieder: str, product: Product, van: date, tot: date, begin: date
    ) -> tuple[int, date, date]:
        """Assigned from `van` to `tot` and started on `begin`."""
        nummer = self.toewijzing(kind, aanbieder, product, van, tot)
        self.start(kind, aanbieder, product, nummer, van, begin)
        return nummer, van, begin

    def importeer(self, vandaag: date = date(2028, 6, 30)) -> Resultaat:
        """Import the batch as on `vandaag` (messages dated later are refused)."""
        paden = []
        for data in self.batch:
            p = self.map_ / f"{len(list(self.map_.iterdir())):05d}.xml"
            p.write_bytes(data)
            paden.append(p)
        self.batch = []
        uit = berichten_importeer(paden, bron="test", vandaag=vandaag)
        assert not uit.rejected, uit.rejected
        return uit


@pytest.fixture
def verkeer(tmp_path: Path, settings: object, db: None) -> Zorgverkeer:
    settings.IJW_XSD_DIR = str(SHARED / "ijw" / "xsd")  # type: ignore[attr-defined]
    return Zorgverkeer(tmp_path)


@pytest.fixture
def regio(db: None) -> Regio:
    return Regio.objects.get(code="JZ13")


@pytest.fixture
def aanbesteding(db: None) -> Aanbesteding:
    return Aanbesteding.objects.get(referentie="AJH-2026")


@dataclass(frozen=True)
class Kinderen:
    """The children of the standard situation and their care before the transition."""

    ambulant: list[tuple[int, int, date, date]]  # kind, nummer, ingang, begin at zonder()
    verblijf: tuple[int, int, date, date]  # at zonder(), residential (theme B)
    thema_kwijt: tuple[int, int, date, date]  # at deels(), residential (theme B, lost)


@pytest.fixture
def kinderen(verkeer: Zorgverkeer) -> Kinderen:
    """Four ambulant children and one in residential care at Gezinshuis Amstel, one in
    residential care at Amstelzorg; and three who are not affected: ambulant care at
    Amstelzorg (still contracted for it), care that ended before the transition, and a
    request without an assignment."""
    ambulant = []
    for kind in (1, 2, 3, 4):
        nummer, van, begin = verkeer.zorg(
            kind, zonder(), AMBULANT, date(2027, 3, 1), date(2028, 2, 29), date(2027, 3, 15)
        )
        ambulant.append((kind, nummer, van, begin))
    v = verkeer.zorg(5, zonder(), VERBLIJF, date(2027, 5, 1), date(2028, 4, 30), date(2027, 5, 8))
    d = verkeer.zorg(6, deels(), VERBLIJF, date(2027, 4, 1), date(2028, 3, 31), date(2027, 4, 2))
    verkeer.zorg(7, deels(), AMBULANT, date(2027, 4, 1), date(2028, 3, 31), date(2027, 4, 2))
    n8, van8, b8 = verkeer.zorg(
        8, zonder(), AMBULANT, date(2027, 1, 4), date(2027, 12, 31), date(2027, 1, 10)
    )
    verkeer.stop(8, zonder(), AMBULANT, n8, van8, b8, date(2027, 8, 31))
    verkeer.importeer()
    return Kinderen(ambulant, (5, *v), (6, *d))


def aanbieder(agb: str) -> Aanbieder:
    return Aanbieder.objects.get(agb_code=agb)


def zonder() -> str:
    """Gezinshuis Amstel: no contract from the demo award. (AGB codes of the demo
    providers follow the region's id, which differs between test databases.)"""
    return Aanbieder.objects.get(naam="Gezinshuis Amstel").agb_code


def deels() -> str:
    """Amstelzorg: contracted for theme C only by the demo award."""
    return Aanbieder.objects.get(naam="Amstelzorg").agb_code
