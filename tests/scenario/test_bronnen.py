# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The public figures read from ../shared/data (scenario/bronnen.py)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest

from jeugdsturing.regio.config import builtin_configs, load_config_file
from jeugdsturing.scenario.bronnen import (
    SOORT_GEMEENTEFONDS,
    SOORT_IV3_JAARREKENING,
    SOORT_SCP,
    BronFout,
    Namen,
    gemeentefonds_jeugd,
    iv3_lasten,
    lees_map,
    samenvoegingen,
)
from tests.conftest import ROOT

GEMEENTEN_CSV = ROOT / "src/jeugdsturing/regio/data/gemeenten.csv"


@pytest.fixture(scope="module")
def gemeenten() -> dict[str, str]:
    with GEMEENTEN_CSV.open(encoding="utf-8") as fh:
        return {r["code"]: r["naam"] for r in csv.DictReader(fh)}


@pytest.fixture(scope="module")
def cijfers(shared, gemeenten):
    return lees_map(shared / "data", gemeenten)


def test_iv3_2023_per_gemeente_gelijk_aan_het_bronbestand(shared, gemeenten, cijfers):
    """Independently: sum the 'Lasten' of the youth-care task fields per gemeente name in
    the raw file and compare with what was read, for every gemeente."""
    tekst = (shared / "data/iv3/iv3_jeugd_2023_jaarrekening.csv").read_text(encoding="utf-8")
    som: dict[str, float] = {}
    for r in csv.DictReader(io.StringIO(tekst), delimiter=";"):
        if r["Taakveld"][:4] in ("6.72", "6.73", "6.74", "6.82"):
            som[r["Gemeenten"]] = som.get(r["Gemeenten"], 0.0) + float(r["Lasten"] or 0)
    gelezen = {
        c.gemeente: c.waarde for c in cijfers if (c.soort, c.jaar) == (SOORT_IV3_JAARREKENING, 2023)
    }
    assert len(gelezen) == 342
    for code, waarde in gelezen.items():
        naam = gemeenten[code]
        bron = som.get(naam, som.get(naam.split(" (")[0]))
        assert waarde == Decimal(str(bron)) * 1000, naam
    # by hand from the file: Leiden 5496+696+3663+7310+725+545+4589+83+6971+536+2025+267
    assert gelezen["0546"] == Decimal(32_906_000)


def test_namen_met_provincie(gemeenten):
    namen = Namen(gemeenten)
    assert namen.code("Hengelo") == "0164"  # CBS: Hengelo (O.)
    assert namen.code("Bergen (NH.)") == "0373"
    assert namen.code("Bergen") is None  # two Bergens: not unique
    assert namen.code("Nederland") is None


def test_elke_gemeente_van_de_seedregios_heeft_alle_sleutels(cijfers):
    per_soort: dict[str, set[str]] = {}
    for c in cijfers:
        per_soort.setdefault(c.soort, set()).add(c.gemeente)
    for pad in builtin_configs():
        config = load_config_file(pad)
        for soort in (SOORT_IV3_JAARREKENING, SOORT_GEMEENTEFONDS, SOORT_SCP):
            assert set(config.gemeenten) <= per_soort[soort], (config.code, soort)
    scp = {c.gemeente: c.waarde for c in cijfers if c.soort == SOORT_SCP}
    assert len(scp) == 342
    assert all(Decimal(2) < v < Decimal(30) for v in scp.values())


def test_samenvoegingen_wijzen_naar_bestaande_gemeenten(gemeenten):
    namen = Namen(gemeenten)
    for oud, nieuw in samenvoegingen().items():
        assert namen.code(nieuw) is not None, (oud, nieuw)
        assert namen.code(oud) is None, oud  # merged: no longer a gemeente


def test_fouten_noemen_bestand_rij_en_kolom(gemeenten, tmp_path):
    namen = Namen(gemeenten)
    with pytest.raises(BronFout, match=r"x\.csv: kolom 'Lasten' ontbreekt"):
        iv3_lasten("Gemeenten;Taakveld\nLeiden;6.72a\n", "x.csv", namen, 2023)
    with pytest.raises(BronFout, match=r"x.csv, rij 3, kolom Lasten: 'veel' is geen getal"):
        iv3_lasten(
            "Gemeenten;Taakveld;Lasten\nLeiden;6.72a;1\nLeiden;6.72b;veel\n", "x.csv", namen, 2023
        )
    with pytest.raises(BronFout, match="kolom 'Individuele voorzieningen Jeugd' ontbreekt"):
        gemeentefonds_jeugd(";Gemeenten;Totaal\n0;Leiden;1\n", "gf.csv", namen)
    with pytest.raises(BronFout, match="geen bestanden iv3_jeugd"):
        lees_map(tmp_path, gemeenten)
