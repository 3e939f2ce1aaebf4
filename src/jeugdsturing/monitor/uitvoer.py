# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Monitor rows as JSON, CSV and Excel (the same rows the pages show)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from jeugdsturing.monitor.bescherming import AFGESCHERMD, KLEIN

Rij = dict[str, Any]

TOELICHTING = [
    "Indicatoren van de monitor (definities: docs/indicatoren.md).",
    "Leeg: niet gedefinieerd (bijvoorbeeld geen beëindigingen in de periode).",
    f"'{KLEIN}': een aantal van 1 tot en met 4, afgeschermd.",
    f"'{AFGESCHERMD}': een percentage, mediaan of gemiddelde dat op te weinig trajecten "
    "rust (minder dan 10) of waaruit een aantal van 1 tot en met 4 af te leiden is; ook "
    "een tweede cel die wordt afgeschermd zodat een verborgen aantal niet uit een totaal "
    "terug te rekenen is.",
    "Exacte cijfers (zonder afscherming) alleen voor rollen van het regioteam.",
]


def _waarde(v: object) -> object:
    return v.isoformat() if isinstance(v, date) else v


def als_json(rijen: Sequence[Rij]) -> str:
    return json.dumps([{k: _waarde(v) for k, v in r.items()} for r in rijen], ensure_ascii=False)


def als_csv(rijen: Sequence[Rij], velden: Sequence[str]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(velden), lineterminator="\n", extrasaction="ignore")
    w.writeheader()
    for r in rijen:
        w.writerow({k: "" if r.get(k) is None else _waarde(r.get(k)) for k in velden})
    return buf.getvalue()


def als_xlsx(rijen: Sequence[Rij], velden: Sequence[str], titel: str) -> bytes:
    # openpyxl only where it is used: a command that prints JSON does not load it
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.create_sheet("Indicatoren", 0)
    wb.remove(wb.worksheets[1])
    ws.title = "Indicatoren"
    ws.append(list(velden))
    for cel in ws[1]:
        cel.font = Font(bold=True)
    for r in rijen:
        ws.append([_waarde(r.get(k)) for k in velden])
    ws.freeze_panes = "A2"
    uitleg = wb.create_sheet("Toelichting")
    uitleg.append([titel])
    uitleg["A1"].font = Font(bold=True)
    for regel in TOELICHTING:
        uitleg.append([regel])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
