# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""How a monitor figure is shown: Dutch number format, '–' for undefined, '<5' and '•'
for protected figures (docs/indicatoren.md)."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from jeugdsturing.monitor.bescherming import AFGESCHERMD, KLEIN

register = template.Library()


def _nl(v: float, decimalen: int) -> str:
    tekst = f"{v:,.{decimalen}f}"
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".")


@register.filter
def cijfer(v: object) -> SafeString | str:
    if v is None:
        return "–"
    if v == KLEIN:
        return format_html(
            '<span title="{}">&lt;5</span>', "aantal van 1 tot en met 4, afgeschermd"
        )
    if v == AFGESCHERMD:
        return format_html('<span title="{}">•</span>', "afgeschermd: rust op te kleine aantallen")
    if isinstance(v, bool):
        return "ja" if v else "nee"
    if isinstance(v, int):
        return _nl(v, 0)
    if isinstance(v, float):
        return _nl(v, 2 if abs(v) < 1 and v != 0 else 1)
    return str(v)
