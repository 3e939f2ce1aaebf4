# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Annual accounts of providers by upload: a CSV as Dutch spreadsheets save it
(semicolons, decimal commas, optionally a BOM), one provider and year per row. Pure: the
text in, checked rows out; every error names the file, the row and the column."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from jeugdsturing.weergave.invoer import Invoerfout, lees_bedrag

KOLOMMEN = ("agb_code", "jaar", "omzet", "kosten", "omzet_jeugd")
VERPLICHT = ("agb_code", "jaar", "omzet", "kosten")
KOP = "AGB-code;jaar;omzet;kosten;omzet jeugdhulp"  # as a user types the header row
ALIAS = {"omzet_jeugdhulp": "omzet_jeugd", "agb": "agb_code"}


def _kolom(naam: str) -> str:
    k = naam.strip().lower().replace("-", "_").replace(" ", "_")
    return ALIAS.get(k, k)


class JaarcijfersFout(ValueError):
    """An upload that cannot be read (nothing is stored)."""


@dataclass(frozen=True)
class Jaarregel:
    agb_code: str
    jaar: int
    omzet_eurocent: int
    kosten_eurocent: int
    omzet_jeugd_eurocent: int | None


def lees_jaarcijfers(tekst: str, bestand: str) -> list[Jaarregel]:
    lezer = csv.DictReader(io.StringIO(tekst.lstrip("\ufeff")), delimiter=";")
    kop = [_kolom(k) for k in (lezer.fieldnames or [])]
    ontbreekt = [k for k in VERPLICHT if k not in kop]
    if ontbreekt:
        raise JaarcijfersFout(
            f"{bestand}: kolom(men) {', '.join(ontbreekt)} ontbreken; verwacht de kopregel "
            f"{KOP} (omzet jeugdhulp mag leeg blijven)"
        )
    uit: list[Jaarregel] = []
    gezien: set[tuple[str, int]] = set()
    for n, ruw in enumerate(lezer, start=2):
        rij = {_kolom(k): (v or "").strip() for k, v in ruw.items() if k}
        waar = f"{bestand}, rij {n}"
        agb = rij["agb_code"]
        if not (agb.isdigit() and len(agb) == 8):
            raise JaarcijfersFout(f"{waar}, kolom AGB-code: '{agb}' is geen AGB-code (8 cijfers)")
        if not (rij["jaar"].isdigit() and 2000 <= int(rij["jaar"]) <= 2100):
            raise JaarcijfersFout(f"{waar}, kolom jaar: '{rij['jaar']}' is geen jaar")
        try:
            omzet = lees_bedrag(rij["omzet"], f"{waar}, kolom omzet")
            kosten = lees_bedrag(rij["kosten"], f"{waar}, kolom kosten")
            jeugd = (
                lees_bedrag(rij["omzet_jeugd"], f"{waar}, kolom omzet jeugdhulp")
                if rij.get("omzet_jeugd")
                else None
            )
        except Invoerfout as e:
            raise JaarcijfersFout(str(e)) from None
        if omzet < 0 or kosten < 0 or (jeugd is not None and jeugd < 0):
            raise JaarcijfersFout(f"{waar}: omzet en kosten zijn niet negatief")
        if jeugd is not None and jeugd > omzet:
            raise JaarcijfersFout(f"{waar}, kolom omzet jeugdhulp: hoger dan de omzet")
        sleutel = (agb, int(rij["jaar"]))
        if sleutel in gezien:
            raise JaarcijfersFout(
                f"{waar}: aanbieder {agb} staat voor {sleutel[1]} al in het bestand"
            )
        gezien.add(sleutel)
        uit.append(Jaarregel(agb, int(rij["jaar"]), omzet, kosten, jeugd))
    if not uit:
        raise JaarcijfersFout(f"{bestand}: geen regels met jaarcijfers")
    return uit
