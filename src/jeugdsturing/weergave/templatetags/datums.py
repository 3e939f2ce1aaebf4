# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Dates and moments the Dutch way, in Dutch local time."""

from __future__ import annotations

from datetime import datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def tijd(moment: datetime | None) -> str:
    """A moment as the user reads it: 6-12-2026 14:05 (local time)."""
    if moment is None:
        return "–"
    return f"{timezone.localtime(moment):%d-%m-%Y %H:%M}"
