# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Working days for the timeliness and access norms.

A working day is Monday to Friday, except the holidays the Algemene termijnenwet
(art. 3) recognises for legal deadlines: Nieuwjaarsdag, tweede Paasdag, Koningsdag
(27 April, or 26 April when the 27th is a Sunday), Bevrijdingsdag (5 May, every year),
Hemelvaartsdag, tweede Pinksterdag and both Kerstdagen. Goede Vrijdag is not one of them.
Easter comes from dateutil (the Gregorian computus)."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

from dateutil.easter import easter


@cache
def feestdagen(jaar: int) -> tuple[date, ...]:
    """The recognised holidays of one year that fall on a weekday, sorted."""
    pasen = easter(jaar)
    koningsdag = date(jaar, 4, 27)
    if koningsdag.weekday() == 6:
        koningsdag = date(jaar, 4, 26)
    dagen = {
        date(jaar, 1, 1),
        pasen + timedelta(days=1),
        koningsdag,
        date(jaar, 5, 5),
        pasen + timedelta(days=39),  # Hemelvaartsdag
        pasen + timedelta(days=50),  # tweede Pinksterdag
        date(jaar, 12, 25),
        date(jaar, 12, 26),
    }
    return tuple(sorted(d for d in dagen if d.weekday() < 5))


def feestdagen_tussen(van: date, tot: date) -> list[date]:
    """The recognised weekday holidays from year(van) to year(tot), inclusive."""
    return [d for jaar in range(van.year, tot.year + 1) for d in feestdagen(jaar)]


def is_werkdag(d: date) -> bool:
    return d.weekday() < 5 and d not in feestdagen(d.year)


def werkdagen_na(d: date, n: int) -> date:
    """The n-th working day after d (n=0: d itself)."""
    while n > 0:
        d += timedelta(days=1)
        if is_werkdag(d):
            n -= 1
    return d


def werkdagen_tussen(van: date, tot: date) -> int:
    """Working days after van up to and including tot (0 when tot <= van)."""
    n, d = 0, van
    while d < tot:
        d += timedelta(days=1)
        n += is_werkdag(d)
    return n
