# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The moment of an action in the tender: now, unless a test (or the demo, which replays
a procedure) passes its own."""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone


def nu(op: datetime | None) -> datetime:
    return op if op is not None else timezone.now()


def vandaag(op: date | None) -> date:
    return op if op is not None else timezone.localdate()
