# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Public figures per gemeente for the scenarios, read from the files in ../shared/data
(their provenance: ../shared/data/PROVENANCE.md). Pure: the file texts in, figures out;
`services.bronnen_laad` stores them.

- Iv3 (CBS, municipal accounts): youth-care costs ("lasten") of a year per gemeente, as
  budgeted (begroting) and as realised (jaarrekening), in euros. The task fields are
  those of `contracten.iv3` (6.72/6.73/6.74/6.82 in 2023-2024; from 2025 the new
  numbering 6.75/6.76/6.79/6.82, see IV3_TAAKVELDEN).
- Gemeentefonds 2025: the general grant's cluster "Individuele voorzieningen Jeugd".
- SCP, Jeugdhulp in de wijk (data year 2017): the model-predicted share of youths with
  youth care without residential stay per wijk; per gemeente the mean over its wijken,
  weighted by the wijk's children aged 0-14 (CBS Kerncijfers Wijken en Buurten 2021; a
  wijk not found there gets the mean weight of its gemeente's other wijken). Wijken of a
  gemeente merged since 2017 count for its successor (data/samenvoegingen.csv).

Gemeenten are matched by name to the 342 of 2026; the Iv3 and gemeentefonds files write
"Hengelo" where CBS writes "Hengelo (O.)", so a name without its province suffix is
matched when it is unique."""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from pathlib import Path

from jeugdsturing.contracten.iv3 import JEUGD_TAAKVELDEN

# The youth-care task fields per Iv3 numbering: until 2024 6.72-6.74 and 6.82, from 2025
# 6.75x (jeugdhulp), 6.76x (verblijf), 6.79x (overig) and 6.82x (jeugdbescherming en
# -reclassering); 6.2x/6.22 (toegang, wijkteams) stays out in both.
IV3_TAAKVELDEN: dict[str, tuple[str, ...]] = {
    "tot-2024": JEUGD_TAAKVELDEN,
    "vanaf-2025": ("6.75", "6.76", "6.79", "6.82"),
}


# The care groups of the cost projection (scenario/projectie.py) per Iv3 task field,
# longest prefix first. Until 2024: 6.72c dagbesteding is day care, 6.73 and the
# residential parts of 6.74 (crisis/LTA/GGZ-verblijf, gesloten plaatsing) are residential
# care, 6.82 is child protection and youth probation, the rest of 6.72 and 6.74a
# (GGZ without stay) ambulant. From 2025 day care has no field of its own (it is part of
# 6.75, ambulant); 6.79 (PGB, overig) counts as ambulant.
IV3_GROEPEN: tuple[tuple[str, str], ...] = (
    ("6.72c", "daghulp"),
    ("6.74b", "verblijf"),
    ("6.74c", "verblijf"),
    ("6.72", "ambulant"),
    ("6.73", "verblijf"),
    ("6.74", "ambulant"),
    ("6.75", "ambulant"),
    ("6.76", "verblijf"),
    ("6.79", "ambulant"),
    ("6.82", "jeugdbescherming"),
)


def iv3_groep(taakveld: str) -> str | None:
    """The care group of an Iv3 task field ('6.72c Jeugdhulp dagbesteding' -> daghulp)."""
    code = taakveld.split(" ")[0]
    return next((g for prefix, g in IV3_GROEPEN if code.startswith(prefix)), None)


class BronFout(ValueError):
    """A public file that cannot be read: names the file, the row and what is wrong."""


@dataclass(frozen=True)
class Cijfer:
    """One public figure for a gemeente (by CBS code)."""

    gemeente: str
    soort: str
    jaar: int
    waarde: Decimal
    groep: str = ""  # a care group of the cost projection; empty: the whole


def _sleutel(naam: str) -> str:
    return re.sub(r"\s*\([^)]*\)\s*$", "", naam).strip().lower()


class Namen:
    """Gemeente names (of 2026) to CBS codes: exact, else without the province suffix
    when that is unique."""

    def __init__(self, gemeenten: Mapping[str, str]) -> None:
        self.exact = {naam: code for code, naam in gemeenten.items()}
        kort: dict[str, list[str]] = defaultdict(list)
        for code, naam in gemeenten.items():
            kort[_sleutel(naam)].append(code)
        self.kort = {k: v[0] for k, v in kort.items() if len(v) == 1}

    def code(self, naam: str) -> str | None:
        return self.exact.get(naam) or self.kort.get(_sleutel(naam))


def _getal(tekst: str, bestand: str, rij: int, kolom: str) -> Decimal:
    tekst = (tekst or "").strip()
    if not tekst:
        return Decimal(0)
    try:
        return Decimal(tekst)
    except ArithmeticError:
        raise BronFout(f"{bestand}, rij {rij}, kolom {kolom}: {tekst!r} is geen getal") from None


def iv3_lasten(tekst: str, bestand: str, namen: Namen, jaar: int) -> dict[tuple[str, str], Decimal]:
    """Youth-care costs per (gemeente code, care group) in euros (the file gives
    thousands); the sum over the groups is the gemeente's total."""
    velden = IV3_TAAKVELDEN["vanaf-2025" if jaar >= 2025 else "tot-2024"]
    uit: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    lezer = csv.DictReader(io.StringIO(tekst.lstrip("\ufeff")), delimiter=";")
    for kolom in ("Gemeenten", "Taakveld", "Lasten"):
        if kolom not in (lezer.fieldnames or []):
            raise BronFout(f"{bestand}: kolom {kolom!r} ontbreekt")
    for i, r in enumerate(lezer, start=2):
        if not r["Taakveld"].startswith(velden):
            continue
        code = namen.code(r["Gemeenten"])
        groep = iv3_groep(r["Taakveld"])
        if code is None or groep is None:
            continue  # "Nederland" and gemeenten outside the 2026 list
        uit[(code, groep)] += _getal(r["Lasten"], bestand, i, "Lasten") * 1000
    return dict(uit)


def cbs_clienten(
    natura_csv: str, indicatoren_csv: str, namen: Namen
) -> tuple[dict[str, Decimal], dict[str, Decimal]]:
    """CBS 2022 per gemeente code (2026): youths with youth care in kind (rounded by CBS
    to multiples of 5; a gemeente merged since counts for its successor), and the
    percentage of them with residential care (only for gemeenten that existed in 2022)."""
    opgegaan = samenvoegingen()
    aantallen: dict[str, Decimal] = defaultdict(Decimal)
    for r in csv.DictReader(io.StringIO(natura_csv.lstrip("\ufeff"))):
        naam = r["Gemeentenaam_18"].strip()
        code = namen.code(opgegaan.get(naam, naam)) if r["Codering_20"].startswith("GM") else None
        waarde = r["TotaalJongerenMetJeugdzorgInNatura_1"].strip()
        if code is not None and waarde not in ("", "."):
            aantallen[code] += Decimal(waarde)
    verblijf: dict[str, Decimal] = {}
    lezer = csv.reader(io.StringIO(indicatoren_csv.lstrip("\ufeff")), delimiter=";")
    next(lezer, None)
    for rij in lezer:
        if len(rij) < 4:
            continue
        code = namen.code(rij[0])
        waarde = rij[3].strip().replace(",", ".")
        if code is not None and waarde not in ("", "."):
            verblijf[code] = Decimal(waarde)
    return dict(aantallen), verblijf


GEMEENTEFONDS_JEUGD = "Individuele voorzieningen Jeugd"


def gemeentefonds_jeugd(tekst: str, bestand: str, namen: Namen) -> dict[str, Decimal]:
    """The cluster Individuele voorzieningen Jeugd per gemeente code, euros."""
    lezer = csv.DictReader(io.StringIO(tekst.lstrip("\ufeff")), delimiter=";")
    for kolom in ("Gemeenten", GEMEENTEFONDS_JEUGD):
        if kolom not in (lezer.fieldnames or []):
            raise BronFout(f"{bestand}: kolom {kolom!r} ontbreekt")
    uit: dict[str, Decimal] = {}
    for i, r in enumerate(lezer, start=2):
        code = namen.code(r["Gemeenten"])
        if code is not None:
            waarde = _getal(r[GEMEENTEFONDS_JEUGD], bestand, i, GEMEENTEFONDS_JEUGD)
            uit[code] = waarde.quantize(Decimal("0.01"))
    return uit


def samenvoegingen() -> dict[str, str]:
    """Name of a gemeente of 2017 -> name of the gemeente it is part of in 2026 (only the
    merged; a gemeente split over several counts for the one with the largest part)."""
    tekst = resources.files("jeugdsturing.scenario").joinpath("data/samenvoegingen.csv")
    rijen = csv.DictReader(io.StringIO(tekst.read_text(encoding="utf-8")))
    return {r["naam_2017"]: r["naam_2026"] for r in rijen}


def scp_verwacht_gebruik(
    wijk_csv: str, gebruik_csv: str, kwb_csv: str, gemeenten: Mapping[str, str]
) -> dict[str, Decimal]:
    """Per gemeente code (2026): the SCP model's predicted percentage of youths with
    youth care without residential stay, weighted over its wijken (module docstring)."""
    namen = Namen(gemeenten)
    opgegaan = samenvoegingen()
    voorspeld = {
        r["wijk"]: Decimal(r["perc_przv"])
        for r in csv.DictReader(io.StringIO(gebruik_csv.lstrip("\ufeff")))
        if r["perc_przv"].strip()
    }
    kinderen: dict[str, Decimal] = {}
    for r in csv.DictReader(io.StringIO(kwb_csv.lstrip("\ufeff"))):
        if r["year"] == "2021" and r["gwb_code_10"].startswith("WK") and r["a_00_14"].strip():
            kinderen[r["gwb_code_10"]] = Decimal(r["a_00_14"])
    per_gemeente: dict[str, list[tuple[Decimal, Decimal | None]]] = defaultdict(list)
    for r in csv.DictReader(io.StringIO(wijk_csv.lstrip("\ufeff"))):
        wijk = r["wijk"]
        if wijk not in voorspeld:
            continue
        naam_2017 = r["gemnaam_2017"]
        code = f"{int(r['gemeentecode']):04d}"
        if naam_2017 in opgegaan:
            code = namen.code(opgegaan[naam_2017]) or ""
        if code not in gemeenten:
            continue
        gewicht = kinderen.get(f"WK{int(wijk):06d}")
        per_gemeente[code].append((voorspeld[wijk], gewicht))
    uit: dict[str, Decimal] = {}
    for code, wijken in per_gemeente.items():
        bekend = [g for _, g in wijken if g is not None]
        standaard = sum(bekend, Decimal(0)) / len(bekend) if bekend else Decimal(1)
        gewichten = [(p, g if g is not None else standaard) for p, g in wijken]
        totaal = sum((g for _, g in gewichten), Decimal(0))
        if totaal > 0:
            gemiddeld = sum((p * g for p, g in gewichten), Decimal(0)) / totaal
            uit[code] = gemiddeld.quantize(Decimal("0.001"))
    return uit


# The kinds of figure, with the years a file gives.
SOORT_IV3_BEGROTING = "iv3-begroting"
SOORT_IV3_JAARREKENING = "iv3-jaarrekening"
SOORT_GEMEENTEFONDS = "gemeentefonds-jeugd"
SOORT_SCP = "scp-verwacht-gebruik"
SOORT_CBS_CLIENTEN = "cbs-jeugdhulp-clienten"
SOORT_CBS_VERBLIJF = "cbs-aandeel-verblijf"


def lees_map(map_: Path, gemeenten: Mapping[str, str]) -> list[Cijfer]:
    """All figures from a copy of ../shared/data: every Iv3 year present, the
    gemeentefonds 2025 and the SCP need. Raises BronFout naming a missing file."""
    namen = Namen(gemeenten)
    uit: list[Cijfer] = []

    def lees(deel: str) -> str:
        pad = map_ / deel
        if not pad.is_file():
            raise BronFout(f"{pad}: bestand ontbreekt")
        return pad.read_text(encoding="utf-8")

    iv3 = sorted((map_ / "iv3").glob("iv3_jeugd_*_*.csv")) if (map_ / "iv3").is_dir() else []
    if not iv3:
        raise BronFout(f"{map_ / 'iv3'}: geen bestanden iv3_jeugd_JAAR_begroting.csv")
    for pad in iv3:
        m = re.fullmatch(r"iv3_jeugd_(\d{4})_(begroting|jaarrekening)\.csv", pad.name)
        if not m:
            continue
        jaar = int(m.group(1))
        soort = SOORT_IV3_BEGROTING if m.group(2) == "begroting" else SOORT_IV3_JAARREKENING
        lasten = iv3_lasten(pad.read_text(encoding="utf-8"), pad.name, namen, jaar)
        totaal: dict[str, Decimal] = defaultdict(Decimal)
        for (code, groep), waarde in sorted(lasten.items()):
            uit.append(Cijfer(code, soort, jaar, waarde, groep))
            totaal[code] += waarde
        uit += [Cijfer(c, soort, jaar, w) for c, w in sorted(totaal.items())]
    gf = gemeentefonds_jeugd(
        lees("gemeentefonds/clusters_GF_M2024_2025.csv"), "clusters_GF_M2024_2025.csv", namen
    )
    uit += [Cijfer(c, SOORT_GEMEENTEFONDS, 2025, w) for c, w in sorted(gf.items())]
    scp = scp_verwacht_gebruik(
        lees("scp/scp2020_wijk.csv"),
        lees("scp/scp2020_gebruik.csv"),
        lees("cbs/kwb_jeugdzorg_wijken_2021_2022_subset.csv"),
        gemeenten,
    )
    uit += [Cijfer(c, SOORT_SCP, 2017, w) for c, w in sorted(scp.items())]
    aantallen, verblijf = cbs_clienten(
        lees("cbs/cbs_jeugdzorg_in_natura_gemeenten_2022.csv"),
        lees("cbs/cbs_indicatoren_jeugdzorg_gemeenten_2022.csv"),
        namen,
    )
    uit += [Cijfer(c, SOORT_CBS_CLIENTEN, 2022, w) for c, w in sorted(aantallen.items())]
    uit += [Cijfer(c, SOORT_CBS_VERBLIJF, 2022, w) for c, w in sorted(verblijf.items())]
    return uit
