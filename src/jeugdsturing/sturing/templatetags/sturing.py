# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""How a goal's figure reads: yes/no, a percentage or a change, Dutch decimals."""

from __future__ import annotations

from datetime import date

from django import template

from jeugdsturing.sturing.selectors import IndicatorStand
from jeugdsturing.weergave.templatetags.bedragen import euro

register = template.Library()


def _getal(waarde: float) -> str:
    tekst = f"{waarde:,.1f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return tekst[:-2] if tekst.endswith(",0") else tekst


@register.filter
def doelwaarde(waarde: float | None, stand: IndicatorStand) -> str:
    if waarde is None:
        return "–"
    ind = stand.indicator
    if ind.waardesoort == "ja_nee" and ind.soort == "gerapporteerd":
        return "ja" if waarde >= 1 else "nee"
    if ind.meting == "verandering_pct":
        return f"{'+' if waarde > 0 else ''}{_getal(waarde)}%"
    return _getal(waarde) + (" %" if stand.eenheid == "%" else "")


@register.filter
def invoer(waarde: object) -> str:
    """A stored number as the form shows it again: Dutch decimal comma, empty when none."""
    if waarde is None:
        return ""
    tekst = str(waarde)
    if "." in tekst:
        tekst = tekst.rstrip("0").rstrip(".")
    return tekst.replace(".", ",")


@register.filter
def sleutel(mapping: object, key: str) -> object:
    return mapping.get(key) if isinstance(mapping, dict) else None


@register.filter
def attribuut(obj: object, naam: str) -> object:
    return getattr(obj, naam, None) if obj is not None else None


@register.filter
def veld(post: object, naam: str) -> str:
    """A key figure as the user typed it (the form shown again after an error)."""
    return str(post.get(f"kern-{naam}", "")) if hasattr(post, "get") else ""


@register.filter
def indicatorinvoer(waarde: object, soort: str) -> str:
    if waarde is None:
        return ""
    if soort == "ja_nee":
        return "ja" if waarde else "nee"
    return invoer(waarde)


KLEIN, AFGESCHERMD = "<5", "afgeschermd"


@register.filter
def pakketwaarde(waarde: object, eenheid: str) -> str:
    """A pack figure in Dutch: € 1.234,56; 82,5%; 1.234; ja/nee; '<5' and '•' for
    protected figures; '–' for none."""
    if waarde is None or waarde == "":
        return "–"
    if waarde == KLEIN:
        return "<5"
    if waarde == AFGESCHERMD:
        return "•"
    if isinstance(waarde, str):
        return waarde
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if not isinstance(waarde, int | float):
        return str(waarde)
    if eenheid == "euro":
        return euro(round(waarde))
    if eenheid == "janee":
        return "ja" if waarde >= 1 else "nee"
    if eenheid == "pct":
        return _getal(float(waarde)) + "%"
    if eenheid == "dagen":
        return _getal(float(waarde)) + " dagen"
    if isinstance(waarde, int) or float(waarde).is_integer():
        return f"{int(waarde):,}".replace(",", ".")
    return _getal(float(waarde))


@register.filter
def isodatum(tekst: str | None) -> date | None:
    """An ISO date from a pack's content as a date (for the |date filter)."""
    return date.fromisoformat(tekst) if tekst else None


@register.filter
def element_van(mapping: dict[str, object] | None, code: str) -> object:
    return (mapping or {}).get(code)


@register.filter
def kolomparen(
    rij: list[object], kolommen: list[dict[str, str]]
) -> list[tuple[dict[str, str], object]]:
    """A table row with its columns: (column, cell) pairs."""
    return list(zip(kolommen, rij, strict=False))
