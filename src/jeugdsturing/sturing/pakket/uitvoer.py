# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""A pack version as page, PDF and Excel. The charts are drawn from the data the
version keeps, with the project's chart spec, so the page and the PDF show the same
picture; the Excel has a sheet per element with numbers as numbers."""

from __future__ import annotations

import copy
import io
from typing import Any

from django.template.loader import render_to_string
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from jeugdsturing.escalatie.grafieken import teken_trechter
from jeugdsturing.sturing.models import Duiding, Pakketversie
from jeugdsturing.sturing.pakket.inhoud import KLEURTEKST, Inhoud
from jeugdsturing.weergave.grafieken import budget_grafiek, trend_grafiek
from jeugdsturing.weergave.pdf import pdf

EURO = "€ #,##0.00;€ -#,##0.00"  # shown the Dutch way in a Dutch Excel


def inhoud_van(versie: Pakketversie, *, gedeeld: bool) -> Inhoud:
    return versie.inhoud_gedeeld if gedeeld else versie.inhoud  # type: ignore[no-any-return]


def met_grafieken(inhoud: Inhoud) -> Inhoud:
    """A copy of the content with every chart drawn as SVG (key 'svg')."""
    uit = copy.deepcopy(inhoud)
    for el in uit["elementen"]:
        for g in el["grafieken"]:
            g["svg"] = teken(g)
    return uit


def teken(g: dict[str, Any]) -> str:
    if g["soort"] == "budget" and g.get("rijen"):
        return budget_grafiek(g["rijen"], g["titel"])
    if g["soort"] == "trend" and g.get("punten"):
        return trend_grafiek(g["punten"], g["titel"], g.get("as", ""))
    if g["soort"] == "trechter" and g.get("punten"):
        return teken_trechter(g)
    return ""


def context(
    versie: Pakketversie, *, gedeeld: bool, duidingen: dict[str, Duiding] | None, basis: str = ""
) -> dict[str, Any]:
    return {
        "versie": versie,
        "inhoud": met_grafieken(inhoud_van(versie, gedeeld=gedeeld)),
        "verschillen": versie.verschillen_gedeeld if gedeeld else versie.verschillen,
        "duidingen": duidingen,
        "basis": basis,
    }


def pakket_pdf(
    versie: Pakketversie, *, gedeeld: bool, duidingen: dict[str, Duiding] | None, basis: str = ""
) -> bytes:
    """A4, Dutch, page numbers, the summary with its traffic lights on the first page."""
    html = render_to_string(
        "sturing/pakket/pdf.html",
        {**context(versie, gedeeld=gedeeld, duidingen=duidingen, basis=basis), "pdf": True},
    )
    return pdf(html, base_url=basis or None)


def _celwaarde(waarde: Any, eenheid: str) -> tuple[Any, str | None]:
    """A cell's value and number format: euro amounts from eurocent, percentages as
    numbers with a % format of their own, protected figures as their text."""
    if isinstance(waarde, bool) or not isinstance(waarde, int | float):
        if eenheid == "kleur" and isinstance(waarde, str):
            return KLEURTEKST.get(waarde, waarde), None
        return waarde, None
    if eenheid == "euro":
        return round(waarde / 100, 2), EURO
    if eenheid == "pct":
        return waarde, '0.0"%"'
    return waarde, "#,##0" if isinstance(waarde, int) else "#,##0.0#"


def pakket_xlsx(versie: Pakketversie, *, gedeeld: bool) -> bytes:
    """A sheet for the summary and one per element: its figures, then its tables."""
    inhoud = inhoud_van(versie, gedeeld=gedeeld)
    wb = Workbook()
    ws = wb.active
    assert ws is not None  # noqa: S101 (a new workbook has one sheet)
    ws.title = "Samenvatting"
    ws.append([inhoud["titel"]])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append(
        [
            f"{inhoud['regio']}, versie {versie.nummer}, periode {inhoud['periode']['van']} "
            f"tot en met {inhoud['periode']['tot']}, stand {inhoud['stand']}"
        ]
    )
    ws.append([])
    ws.append(["Stuurelement", "Oordeel", "Lopende afspraken"])
    for s in inhoud["samenvatting"]:
        ws.append([f"{s['code']}. {s['titel']}", s["oordeel"], s["afspraken"]])
    _breedte(ws, [45, 18, 18])
    for el in inhoud["elementen"]:
        blad = wb.create_sheet(f"{el['code']} {el['titel']}"[:31])
        blad.append([f"{el['code']}. {el['titel']}", KLEURTEKST[el["kleur"]]])
        blad["A1"].font = Font(bold=True, size=12)
        if el["toelichting"]:
            blad.append([el["toelichting"]])
        blad.append([])
        kop = [
            "Cijfer",
            "Waarde",
            "Vorige periode",
            "Vergelijking",
            "Vergeleken met",
            "Positie",
            "Streefwaarde",
            "Oordeel",
            "Bron",
        ]
        if el["cijfers"]:
            blad.append(kop)
            for cel in blad[blad.max_row]:
                cel.font = Font(bold=True)
        for c in el["cijfers"]:
            rij: list[Any] = [c["naam"]]
            formaten: list[str | None] = [None]
            for sleutel in ("waarde", "vorige", "vergelijking"):
                w, f = _celwaarde(c[sleutel], c["eenheid"])
                rij.append(w)
                formaten.append(f)
            rij += [c["vergelijking_naam"] if c["vergelijking"] is not None else None, c["positie"]]
            formaten += [None, None]
            w, f = _celwaarde(c["doel"], c["eenheid"])
            rij += [w, c.get("oordeel") or KLEURTEKST[c["kleur"]], c["bron"] or c["link"]]
            formaten += [f, None, None]
            blad.append(rij)
            for cel, f in zip(blad[blad.max_row], formaten, strict=False):
                if f:
                    cel.number_format = f
        for t in el["tabellen"]:
            blad.append([])
            blad.append([t["titel"]])
            blad.cell(blad.max_row, 1).font = Font(bold=True)
            blad.append([k["naam"] for k in t["kolommen"]])
            for cel in blad[blad.max_row]:
                cel.font = Font(bold=True)
            for r in t["rijen"]:
                paren = [
                    _celwaarde(w, k["eenheid"]) for k, w in zip(t["kolommen"], r, strict=False)
                ]
                blad.append([w for w, _ in paren])
                for cel, (_, f) in zip(blad[blad.max_row], paren, strict=False):
                    if f:
                        cel.number_format = f
        if el["afspraken"]:
            blad.append([])
            blad.append(["Afspraken"])
            blad.cell(blad.max_row, 1).font = Font(bold=True)
            blad.append(["Afspraak", "Eigenaar", "Uiterlijk", "Stand"])
            for a in el["afspraken"]:
                blad.append([a["omschrijving"], a["eigenaar"], a["deadline"], a["status"]])
        _breedte(blad, [48, 16, 16, 16, 22, 12, 14, 16, 40])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _breedte(ws: Any, breedtes: list[int]) -> None:
    for i, b in enumerate(breedtes, 1):
        ws.column_dimensions[get_column_letter(i)].width = b
