# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The provider report template (4-, 8- and 12-month reports of a lump sum): writing
the Excel template and reading a filled-in one (Excel or CSV). Reading is pure: bytes
in, rows or a list of errors out, each naming sheet, row and column
(docs/contracten.md, "Rapportage lumpsum")."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from jeugdsturing.weergave.werkboek import WerkboekFout, bladen, bladnamen

BLAD = "Rapportage"
KOLOMMEN = (
    ("agb_code", "AGB-code van de aanbieder (8 cijfers)"),
    ("jaar", "Jaar waarover gerapporteerd wordt"),
    ("maanden", "Periode: 4, 8 of 12 maanden (cumulatief vanaf 1 januari)"),
    ("gemeente_code", "CBS-gemeentecode (4 cijfers) van de woongemeente van de jeugdigen"),
    ("gemeente", "Naam van de gemeente (ter controle, wordt niet gelezen)"),
    ("thema_code", "Code van het thema of perceel"),
    ("kosten_euro", "Gerealiseerde kosten in euro, cumulatief, hoogstens 2 decimalen"),
    ("clienten", "Aantal unieke jeugdigen dat in de periode hulp kreeg"),
)
VERPLICHT = (
    "agb_code",
    "jaar",
    "maanden",
    "gemeente_code",
    "thema_code",
    "kosten_euro",
    "clienten",
)
MAX_FOUTEN = 100
MAX_BYTES = 5 * 1024 * 1024
MAX_RIJEN, MAX_KOLOMMEN = 10_000, 50  # a report has a row per gemeente x theme
# Bounds that no real report reaches and the database columns hold.
MAX_BEDRAG_EUROCENT, MAX_GETAL = 10**13, 10**7


@dataclass(frozen=True)
class Fout:
    blad: str
    rij: int | None
    kolom: str | None  # letter and name, "G (kosten_euro)"
    waarde: str | None
    reden: str

    def __str__(self) -> str:
        plek = [f"blad '{self.blad}'"]
        if self.rij is not None:
            plek.append(f"rij {self.rij}")
        if self.kolom:
            plek.append(f"kolom {self.kolom}")
        waarde = f" (waarde '{self.waarde}')" if self.waarde not in (None, "") else ""
        return f"{', '.join(plek)}: {self.reden}{waarde}"


class RapportageOngeldig(ValueError):
    def __init__(self, fouten: list[Fout]) -> None:
        self.fouten = fouten
        super().__init__("; ".join(str(f) for f in fouten[:5]))


@dataclass(frozen=True)
class Regel:
    gemeente: str
    thema: str
    kosten_eurocent: int
    clienten: int


@dataclass(frozen=True)
class Rapportage:
    agb_code: str
    jaar: int
    maanden: int
    regels: list[Regel]


# --- writing -------------------------------------------------------------------------


def sjabloon(
    *,
    agb_code: str,
    aanbieder: str,
    jaar: int,
    maanden: int,
    cellen: Iterable[tuple[str, str, str]],  # gemeente code, gemeente naam, thema code
) -> bytes:
    """An .xlsx template with one row per gemeente and theme, costs left blank."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None  # noqa: S101 (a new workbook has one sheet)
    ws.title = BLAD
    ws.append([k for k, _ in KOLOMMEN])
    for cel in ws[1]:
        cel.font = Font(bold=True)
    for code, naam, thema in cellen:
        ws.append([agb_code, jaar, maanden, code, naam, thema, None, None])
    for i, (k, _) in enumerate(KOLOMMEN, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(12, len(k) + 4)
    ws.freeze_panes = "A2"
    uitleg = wb.create_sheet("Toelichting")
    uitleg.append([f"Rapportage lumpsum {jaar}, {maanden} maanden: {aanbieder} ({agb_code})"])
    uitleg["A1"].font = Font(bold=True)
    uitleg.append([])
    uitleg.append(["Vul op het blad 'Rapportage' per gemeente en thema de kosten en cliënten in."])
    uitleg.append(["Bedragen en aantallen zijn cumulatief vanaf 1 januari van het jaar."])
    uitleg.append(["Elke gemeente betaalt voor haar eigen inwoners: rapporteer op woongemeente."])
    uitleg.append(["Een rij met kosten 0 en 0 cliënten mag blijven staan of worden verwijderd."])
    uitleg.append([])
    uitleg.append(["kolom", "betekenis"])
    for k, uitlegtekst in KOLOMMEN:
        uitleg.append([k, uitlegtekst])
    uitleg.column_dimensions["A"].width = 18
    uitleg.column_dimensions["B"].width = 80
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# --- reading -------------------------------------------------------------------------


def _tekst(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _bedrag(v: Any) -> int:
    """Euro amount -> eurocent. Numbers from Excel as they are; text with a decimal
    comma or point, no thousands separators, at most two decimals."""
    if isinstance(v, bool):
        raise ValueError("geen bedrag")
    if isinstance(v, int | float):
        d = Decimal(str(v))
    else:
        t = _tekst(v).replace("€", "").strip()
        if not re.fullmatch(r"-?\d+([.,]\d{1,2})?", t):
            raise ValueError(
                "geen bedrag: gebruik cijfers met hoogstens 2 decimalen, zonder scheidingstekens "
                "voor duizendtallen (bijvoorbeeld 1234,56)"
            )
        d = Decimal(t.replace(",", "."))
    if not d.is_finite():
        raise ValueError("geen bedrag")
    cent = d * 100
    if cent != cent.to_integral_value():
        raise ValueError("meer dan 2 decimalen")
    if cent < 0:
        raise ValueError("negatief bedrag")
    if cent > MAX_BEDRAG_EUROCENT:
        raise ValueError(f"bedrag groter dan {MAX_BEDRAG_EUROCENT // 100:,} euro".replace(",", "."))
    return int(cent)


def _geheel(v: Any) -> int:
    """A whole number from 0 up to MAX_GETAL (a count, a year, a number of months)."""
    if isinstance(v, bool):
        raise ValueError("geen geheel getal")
    if isinstance(v, float):
        if not v.is_integer():
            raise ValueError("geen geheel getal")
        n = int(v)
    elif isinstance(v, int):
        n = v
    else:
        t = _tekst(v)
        if not re.fullmatch(r"-?\d+", t):
            raise ValueError("geen geheel getal")
        n = int(t)
    if n < 0:
        raise ValueError("negatief getal")
    if n > MAX_GETAL:
        raise ValueError(f"getal groter dan {MAX_GETAL:,}".replace(",", "."))
    return n


def _rijen_xlsx(data: bytes) -> tuple[str, list[list[Any]]]:
    try:
        gelezen = bladen(data, [BLAD], max_rijen=MAX_RIJEN, max_kolommen=MAX_KOLOMMEN)
    except WerkboekFout as e:
        raise RapportageOngeldig([Fout(e.blad, None, None, None, str(e))]) from None
    if BLAD not in gelezen:
        namen = ", ".join(bladnamen(data))
        raise RapportageOngeldig(
            [Fout(BLAD, None, None, None, f"blad ontbreekt (gevonden: {namen})")]
        )
    return BLAD, gelezen[BLAD]


def _rijen_csv(data: bytes) -> tuple[str, list[list[Any]]]:
    try:
        tekst = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RapportageOngeldig(
            [Fout("CSV", None, None, None, "het bestand is geen UTF-8")]
        ) from None
    eerste = tekst.split("\n", 1)[0]
    scheiding = ";" if eerste.count(";") >= eerste.count(",") else ","
    return "CSV", [list(r) for r in csv.reader(io.StringIO(tekst), delimiter=scheiding)]


def lees(
    data: bytes,
    bestandsnaam: str,
    *,
    gemeenten: Sequence[str],
    themas: Sequence[str],
) -> Rapportage:
    """Read and check a filled-in report. All errors are collected (up to 100)."""
    if len(data) > MAX_BYTES:
        raise RapportageOngeldig([Fout("-", None, None, None, "bestand groter dan 5 MB")])
    if bestandsnaam.lower().endswith(".csv"):
        blad, rijen = _rijen_csv(data)
    else:
        blad, rijen = _rijen_xlsx(data)
    if not rijen:
        raise RapportageOngeldig([Fout(blad, 1, None, None, "het blad is leeg")])
    kop = [_tekst(v).lower() for v in rijen[0]]
    ontbreekt = [k for k in VERPLICHT if k not in kop]
    if ontbreekt:
        raise RapportageOngeldig(
            [Fout(blad, 1, None, None, f"kolom ontbreekt in de kopregel: {k}") for k in ontbreekt]
        )
    pos = {k: kop.index(k) for k in VERPLICHT}

    def kolom(k: str) -> str:
        return f"{get_column_letter(pos[k] + 1)} ({k})"

    fouten: list[Fout] = []
    regels: dict[tuple[str, str], Regel] = {}
    kop_waarden: dict[str, set[str]] = {"agb_code": set(), "jaar": set(), "maanden": set()}
    eerste_rij: dict[str, int] = {}
    for nr, rij in enumerate(rijen[1:], start=2):
        cel = {k: (rij[i] if i < len(rij) else None) for k, i in pos.items()}
        if all(_tekst(v) == "" for v in cel.values()):
            continue
        if len(fouten) >= MAX_FOUTEN:
            break
        agb = _tekst(cel["agb_code"])
        if not re.fullmatch(r"\d{8}", agb):
            fouten.append(Fout(blad, nr, kolom("agb_code"), agb, "een AGB-code heeft 8 cijfers"))
        kop_waarden["agb_code"].add(agb)
        for k in ("jaar", "maanden"):
            kop_waarden[k].add(_tekst(cel[k]))
            eerste_rij.setdefault(k, nr)
        try:
            jaar = _geheel(cel["jaar"])
            if not 2015 <= jaar <= 2100:
                raise ValueError("geen aannemelijk jaar")
        except ValueError as e:
            fouten.append(Fout(blad, nr, kolom("jaar"), _tekst(cel["jaar"]), str(e)))
        try:
            if _geheel(cel["maanden"]) not in (4, 8, 12):
                raise ValueError("de periode is 4, 8 of 12 maanden")
        except ValueError as e:
            fouten.append(Fout(blad, nr, kolom("maanden"), _tekst(cel["maanden"]), str(e)))
        gemeente = _tekst(cel["gemeente_code"]).zfill(4) if _tekst(cel["gemeente_code"]) else ""
        if gemeente not in gemeenten:
            fouten.append(
                Fout(
                    blad,
                    nr,
                    kolom("gemeente_code"),
                    _tekst(cel["gemeente_code"]),
                    "geen gemeente van deze regio",
                )
            )
        thema = _tekst(cel["thema_code"])
        if thema not in themas:
            fouten.append(
                Fout(
                    blad,
                    nr,
                    kolom("thema_code"),
                    thema,
                    f"onbekend thema (bekend: {', '.join(themas)})",
                )
            )
        kosten = clienten = None
        try:
            kosten = _bedrag(cel["kosten_euro"]) if _tekst(cel["kosten_euro"]) else None
            if kosten is None:
                raise ValueError("kosten ontbreken")
        except ValueError as e:
            fouten.append(Fout(blad, nr, kolom("kosten_euro"), _tekst(cel["kosten_euro"]), str(e)))
        try:
            clienten = _geheel(cel["clienten"]) if _tekst(cel["clienten"]) else None
            if clienten is None:
                raise ValueError("aantal cliënten ontbreekt")
        except ValueError as e:
            fouten.append(Fout(blad, nr, kolom("clienten"), _tekst(cel["clienten"]), str(e)))
        if (gemeente, thema) in regels:
            fouten.append(
                Fout(
                    blad,
                    nr,
                    kolom("thema_code"),
                    f"{gemeente}/{thema}",
                    "deze gemeente en dit thema staan al op een eerdere rij",
                )
            )
        elif kosten is not None and clienten is not None:
            regels[(gemeente, thema)] = Regel(gemeente, thema, kosten, clienten)
    for k in ("agb_code", "jaar", "maanden"):
        if len(kop_waarden[k]) > 1:
            fouten.append(
                Fout(
                    blad,
                    eerste_rij.get(k),
                    kolom(k),
                    ", ".join(sorted(kop_waarden[k])),
                    "alle rijen horen bij één aanbieder, één jaar en één periode",
                )
            )
    if not regels and not fouten:
        fouten.append(Fout(blad, None, None, None, "geen enkele ingevulde rij"))
    if fouten:
        raise RapportageOngeldig(fouten)
    return Rapportage(
        agb_code=kop_waarden["agb_code"].pop(),
        jaar=int(kop_waarden["jaar"].pop()),
        maanden=int(kop_waarden["maanden"].pop()),
        regels=sorted(regels.values(), key=lambda r: (r.gemeente, r.thema)),
    )
