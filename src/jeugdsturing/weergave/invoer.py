# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Numbers, amounts and dates as Dutch users type them: "21.000.000", "21000000",
"€ 21.000.000,00", "-1.234,56", "12,5%". A comma is the decimal mark; a dot separates
thousands and only stands between groups of three digits. Anything else is refused with
a Dutch message that says what was typed and how to write it (never a 500, never a
Python exception text). A date is the JJJJ-MM-DD a date field sends. Pure functions."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from django.utils.dateparse import parse_date

_GETAL = re.compile(r"^[+-]?\d{1,3}(\.\d{3})*(,\d+)?$|^[+-]?\d+(,\d+)?$")


class Invoerfout(ValueError):
    """A number that cannot be read, with the Dutch reason."""


def lees_getal(tekst: str, naam: str = "waarde") -> Decimal:
    """A decimal number in Dutch notation; spaces, a euro sign and a percent sign are
    allowed around it."""
    schoon = tekst.replace("€", "").replace("%", "").replace("\u00a0", "").replace(" ", "").strip()
    if not schoon:
        raise Invoerfout(f"{naam}: vul een getal in.")
    if not _GETAL.match(schoon):
        if re.fullmatch(r"[+-]?\d+\.\d{1,2}|[+-]?\d+\.\d{4,}", schoon):
            raise Invoerfout(
                f"{naam}: '{tekst.strip()}' is niet eenduidig; schrijf decimalen met een komma "
                "(bijvoorbeeld 1234,56) en duizendtallen met een punt (1.234.567)."
            )
        raise Invoerfout(
            f"{naam}: '{tekst.strip()}' is geen getal (bijvoorbeeld 21.000.000 of 1.234,56)."
        )
    try:
        return Decimal(schoon.replace(".", "").replace(",", "."))
    except InvalidOperation as e:  # pragma: no cover - the pattern admits only numbers
        raise Invoerfout(f"{naam}: '{tekst.strip()}' is geen getal.") from e


def lees_datum(tekst: str, naam: str = "datum") -> date:
    """A date as a date field sends it (JJJJ-MM-DD); anything else, an impossible day
    (2028-02-31) included, is refused naming the field and what was typed."""
    try:
        dag = parse_date(tekst.strip())
    except ValueError:
        dag = None
    if dag is None:
        raise Invoerfout(f"{naam}: '{tekst}' is geen datum (JJJJ-MM-DD).")
    return dag


def lees_bedrag(tekst: str, naam: str = "bedrag") -> int:
    """An amount in euro as eurocent; at most two decimals."""
    waarde = lees_getal(tekst, naam)
    cent = waarde * 100
    if cent != cent.to_integral_value():
        raise Invoerfout(f"{naam}: '{tekst.strip()}' heeft meer dan twee decimalen.")
    return int(cent)


def nummer(waarde: object) -> int:
    """A record number from a form or address: the whole number it is, or 0 (which no
    record has, so the lookup answers 'not found') for anything else: empty, text,
    negative, too large for the database, another kind of digit."""
    tekst = str(waarde or "").strip()
    if not (tekst.isascii() and tekst.isdigit()) or len(tekst) > 18:
        return 0
    return int(tekst)


JAREN = range(1990, 2101)  # the years a page can show; others fall back to the default


def jaar_of(waarde: object, standaard: int) -> int:
    """A year from an address (?jaar=2028): the year when it is a plain number in JAREN,
    else ``standaard`` (the page then shows that year, never an error page)."""
    n = nummer(waarde)
    return n if n in JAREN else standaard
