# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Monitor rows as JSON (for programs: field names and the protection marks as they are)
and as CSV and Excel for people (weergave.export): Dutch column headers, a name column
beside each code, protected figures as empty cells with the reason in one flag column
"Afgeschermd", real numbers and dates, and a codebook."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from jeugdsturing.monitor.bescherming import AFGESCHERMD, KLEIN
from jeugdsturing.monitor.labels import DIMENSIE_LABELS, kop
from jeugdsturing.weergave.export import Cel, csv_tekst, xlsx_bytes

Rij = dict[str, Any]
Namen = Mapping[str, Mapping[str, str]]

VLAG = "Afgeschermd"
REDENEN = {KLEIN: "1 tot en met 4", AFGESCHERMD: "afgeleid of te weinig trajecten"}

TOELICHTING = [
    "Indicatoren van de monitor, uit het iJw-berichtenverkeer van de regio.",
    "Leeg: niet gedefinieerd (bijvoorbeeld geen beëindigingen in de periode) of "
    "afgeschermd; de kolom 'Afgeschermd' noemt per rij welke cijfers zijn afgeschermd en "
    "waarom.",
    "'1 tot en met 4': een aantal van 1 tot en met 4, afgeschermd.",
    "'afgeleid of te weinig trajecten': een percentage, mediaan of gemiddelde dat op te "
    "weinig trajecten rust (minder dan 10) of waaruit een aantal van 1 tot en met 4 af te "
    "leiden is; ook een tweede cel die wordt afgeschermd zodat een verborgen aantal niet "
    "uit een totaal terug te rekenen is.",
    "Exacte cijfers (zonder afscherming) alleen voor rollen van het regioteam.",
]


def _waarde(v: object) -> object:
    return v.isoformat() if isinstance(v, date) else v


def als_json(rijen: Sequence[Rij]) -> str:
    return json.dumps([{k: _waarde(v) for k, v in r.items()} for r in rijen], ensure_ascii=False)


def tabel(
    rijen: Sequence[Rij], velden: Sequence[str], namen: Namen | None = None
) -> tuple[list[str], list[list[Cel]]]:
    """The header and the cells of an export: per field its Dutch header, after a code
    of a dimension its name (when ``namen`` has that dimension), and last the flag
    column with the protected cells of the row and why."""
    namen = namen or {}
    naamkolom = {v for v in velden if v in DIMENSIE_LABELS and v in namen}
    koppen: list[str] = []
    for v in velden:
        koppen.append(f"{kop(v)} (code)" if v in naamkolom else kop(v))
        if v in naamkolom:
            koppen.append(kop(v))
    koppen.append(VLAG)
    uit: list[list[Cel]] = []
    for r in rijen:
        cellen: list[Cel] = []
        vlag: list[str] = []
        for v in velden:
            w = r.get(v)
            if isinstance(w, str) and w in REDENEN:
                vlag.append(f"{kop(v)}: {REDENEN[w]}")
                w = None
            cellen.append(w)
            if v in naamkolom:
                cellen.append(None if w is None else namen[v].get(str(w), str(w)))
        cellen.append("; ".join(vlag) or None)
        uit.append(cellen)
    return koppen, uit


def codeboek(velden: Sequence[str], namen: Namen | None = None) -> list[tuple[str, str]]:
    """What each column of an export holds."""
    koppen, _ = tabel([], velden, namen)
    uitleg = []
    for k in koppen:
        if k == VLAG:
            uitleg.append((k, "welke cijfers van de rij zijn afgeschermd, en waarom"))
        elif k.endswith(" (code)"):
            uitleg.append((k, f"de code van de {k[: -len(' (code)')].lower()}"))
        elif k.endswith("(%)"):
            uitleg.append((k, "percentage, met een decimale komma"))
        elif "(dagen)" in k or "(werkdagen)" in k:
            uitleg.append((k, "aantal dagen, met een decimale komma"))
        elif k.startswith("Periode") or "datum" in k.lower() or "gemeld op" in k:
            uitleg.append((k, "datum (dd-mm-jjjj)"))
        else:
            uitleg.append((k, "aantal of naam"))
    return uitleg


def als_csv(rijen: Sequence[Rij], velden: Sequence[str], namen: Namen | None = None) -> str:
    koppen, cellen = tabel(rijen, velden, namen)
    return csv_tekst(koppen, cellen)


def als_xlsx(
    rijen: Sequence[Rij], velden: Sequence[str], titel: str, namen: Namen | None = None
) -> bytes:
    koppen, cellen = tabel(rijen, velden, namen)
    return xlsx_bytes(koppen, cellen, "Indicatoren", [titel, *TOELICHTING], codeboek(velden, namen))
