# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Bring a region's signals and intake links up to date with its data (after an import,
or on demand from the signals page)."""

from __future__ import annotations

from collections import Counter
from datetime import date

import polars as pl
from django.contrib.auth.models import AbstractBaseUser

from jeugdsturing.core.access import Scope
from jeugdsturing.escalatie.services import aanmeldingen_koppel, signalen_werk_bij
from jeugdsturing.escalatie.toegangsregels import Zorgtraject
from jeugdsturing.monitor.service import Monitor, regio_monitor
from jeugdsturing.regio.models import Regio


def laatste_bericht(monitor: Monitor) -> date | None:
    """The date of the latest start or stop message in the region's data."""
    t = monitor.verrijkt
    if t.is_empty():
        return None
    waarde = t.select(pl.max_horizontal(pl.col("start_gemeld_op").max(),
                                        pl.col("stop_gemeld_op").max())).item()  # fmt: skip
    return waarde if isinstance(waarde, date) else None


def zorgtrajecten(monitor: Monitor) -> list[Zorgtraject]:
    t = monitor.verrijkt.select(
        "id", "client", "aanbieder", "thema", "begindatum", "toewijzingsdatum"
    )
    return [Zorgtraject(**r) for r in t.to_dicts()]


def regio_bijwerken(
    regio: Regio, peil: date | None = None, door: AbstractBaseUser | None = None
) -> Counter[str]:
    monitor = regio_monitor(regio, Scope.beheer())
    peil = peil or laatste_bericht(monitor)
    tellers: Counter[str] = Counter()
    if peil is None:
        return tellers
    tellers.update(signalen_werk_bij(regio=regio, peil=peil, door=door))
    if hasattr(regio, "verwijsbeleid"):
        tellers.update(
            aanmeldingen_koppel(regio=regio, trajecten=zorgtrajecten(monitor), door=door)
        )
    return tellers
