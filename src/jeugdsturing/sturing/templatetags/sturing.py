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
