# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""How a goal's figure reads: yes/no, a percentage or a change, Dutch decimals."""

from __future__ import annotations

from django import template

from jeugdsturing.sturing.selectors import IndicatorStand

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
