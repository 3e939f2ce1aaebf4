# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Dates and moments the Dutch way, in Dutch local time."""

from __future__ import annotations

from datetime import date, datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def tijd(moment: datetime | None) -> str:
    """A moment as the user reads it: 6-12-2026 14:05 (local time)."""
    if moment is None:
        return "–"
    return f"{timezone.localtime(moment):%d-%m-%Y %H:%M}"


MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")  # fmt: skip


@register.filter
def datum_lang(dag: date | None) -> str:
    """A date in running text, whatever language is active: 6 december 2026."""
    if dag is None:
        return "–"
    return f"{dag.day} {MAANDEN[dag.month - 1]} {dag.year}"
