# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Money is stored in integer eurocent; these filters show it the Dutch way."""

from __future__ import annotations

from django import template

register = template.Library()


def _groups(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@register.filter
def euro(eurocent: int | None) -> str:
    """123456789 -> '€ 1.234.567,89'; -29281915 -> '€ -292.819,15'. One convention for
    every page, PDF, letter and message: the sign after the euro sign, and a non-breaking
    space so that "€" never wraps onto a line of its own."""
    if eurocent is None:
        return "–"
    sign = "-" if eurocent < 0 else ""
    whole, cents = divmod(abs(int(eurocent)), 100)
    return f"€\u00a0{sign}{_groups(whole)},{cents:02d}"


@register.filter
def duizend_euro(eurocent: int | None) -> str:
    """Thousands of euros as printed in budget tables: 660000000 -> '6.600'.
    Amounts that are not whole thousands keep their decimals: '6.600,5'."""
    if eurocent is None:
        return "–"
    sign = "-" if eurocent < 0 else ""
    whole, rest = divmod(abs(int(eurocent)), 100_000)
    if rest == 0:
        return f"{sign}{_groups(whole)}"
    decimals = f"{rest:05d}".rstrip("0")
    return f"{sign}{_groups(whole)},{decimals}"


@register.filter
def getal(n: int | None) -> str:
    return "–" if n is None else _groups(int(n))


@register.filter
def euro_rond(eurocent: int | None) -> str:
    """Whole euros for large tables and texts: 123456789 -> '€ 1.234.568' (rounded half
    up); the sign after the euro sign as in `euro`."""
    if eurocent is None:
        return "–"
    sign = "-" if eurocent < 0 else ""
    whole = (abs(int(eurocent)) + 50) // 100
    return f"€\u00a0{sign}{_groups(whole)}"


@register.filter
def procent(waarde: object, decimalen: int = 1) -> str:
    """A percentage the Dutch way with an explicit sign: 12.34 -> '+12,3%'."""
    if waarde is None:
        return "–"
    return f"{float(str(waarde)):+.{int(decimalen)}f}%".replace(".", ",")


@register.filter
def duizend_euro_rond(eurocent: int | None) -> str:
    """Whole thousands of euros for wide tables: 123456789 -> '1.235' (half up)."""
    if eurocent is None:
        return "–"
    sign = "-" if eurocent < 0 else ""
    return f"{sign}{_groups((abs(int(eurocent)) + 50_000) // 100_000)}"


@register.filter
def deel(waarde: object, decimalen: int = 1) -> str:
    """A fraction as a Dutch percentage without a sign: 0.0456 -> '4,6%'."""
    if waarde is None:
        return "–"
    return f"{float(str(waarde)) * 100:.{int(decimalen)}f}%".replace(".", ",")


@register.filter
def kommagetal(waarde: object, decimalen: int = 2) -> str:
    """A plain number with a decimal comma: 0.875 -> '0,88'."""
    if waarde is None:
        return "–"
    return f"{float(str(waarde)):.{int(decimalen)}f}".replace(".", ",")


@register.filter
def komma(waarde: object) -> str:
    """A number in running text with a decimal comma, as precise as it is:
    Decimal("4.00") -> "4,00", 7.5 -> "7,5", 12 -> "12"."""
    if waarde is None:
        return "–"
    return str(waarde).replace(".", ",")
