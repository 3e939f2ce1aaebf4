# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The monitor for one viewer: the engine's rows, protected as the viewer's role
requires, and the trajectories behind a figure. The region's frames are extracted once
per data version and kept in memory (an import changes the version)."""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from typing import Any

import polars as pl
from django.db.models import Count, Max

from jeugdsturing.berichten.models import Bericht, Traject
from jeugdsturing.contracten.models import Product
from jeugdsturing.core.access import Scope
from jeugdsturing.monitor.bescherming import publiek
from jeugdsturing.monitor.indicatoren import (
    DIMENSIES,
    NORMEN,
    Normen,
    Periode,
    achterliggend,
    bereken,
    verrijk,
)
from jeugdsturing.monitor.selectors import MonitorData, monitor_data, scope_filter
from jeugdsturing.regio.models import Regio

Rij = dict[str, Any]
# A filter per dimension: one value, None (the empty value), or a list of values.
Filterwaarde = str | list[str] | None


class Monitor:
    def __init__(
        self,
        data: MonitorData,
        scope: Scope,
        normen: Normen = NORMEN,
        verrijkt: pl.DataFrame | None = None,
    ) -> None:
        self.data = data
        self.scope = scope
        self.normen = normen
        self.verrijkt = verrijk(data.trajecten, normen) if verrijkt is None else verrijkt

    def _bevolking(self) -> pl.DataFrame:
        b = self.data.bevolking
        return b.filter(pl.col("gemeente") == self.scope.gemeente) if self.scope.gemeente else b

    def _filter(
        self, regionaal: bool, filters: Mapping[str, Filterwaarde] | None
    ) -> pl.Expr | None:
        delen = [] if regionaal else [f for f in [scope_filter(self.scope)] if f is not None]
        for dim, waarde in (filters or {}).items():
            if dim not in DIMENSIES:
                raise ValueError(f"onbekende dimensie {dim!r}")
            if waarde is None:
                delen.append(pl.col(dim).is_null())
            elif isinstance(waarde, list):
                delen.append(pl.col(dim).is_in(waarde))
            else:
                delen.append(pl.col(dim) == waarde)
        return pl.all_horizontal(delen) if delen else None

    def frame(
        self,
        pp: Sequence[Periode],
        by: Sequence[str],
        *,
        regionaal: bool = False,
        filters: Mapping[str, Filterwaarde] | None = None,
    ) -> pl.DataFrame:
        """Exact result frame; regionaal=True ignores the viewer's scope and the filters
        (the regional reference every viewer may see, in published form)."""
        bevolking = self.data.bevolking
        gemeente = None if regionaal else (filters or {}).get("gemeente") or self.scope.gemeente
        if isinstance(gemeente, list):
            bevolking = bevolking.filter(pl.col("gemeente").is_in(gemeente))
        elif gemeente:
            bevolking = bevolking.filter(pl.col("gemeente") == gemeente)
        return bereken(
            self.verrijkt,
            self.data.verlengingen,
            pp,
            by,
            zicht=self._filter(regionaal, filters),
            bevolking=bevolking,
            normen=self.normen,
            verrijkt=True,
        )

    def rijen(
        self,
        pp: Sequence[Periode],
        by: Sequence[str],
        *,
        exact: bool = False,
        regionaal: bool = False,
        filters: Mapping[str, Filterwaarde] | None = None,
    ) -> list[Rij]:
        """Rows as this viewer may see them: exact only when asked and allowed; the
        regional reference is always published (protected) for a restricted viewer."""
        mag_exact = exact and self.scope.exact and not (regionaal and self.scope.beperkt)
        frame = self.frame(pp, by, regionaal=regionaal, filters=filters)
        return publiek(frame.to_dicts(), by, mag_exact)

    def detail(
        self, periode: Periode, indicator: str, filters: dict[str, str | None]
    ) -> pl.DataFrame:
        if not self.scope.exact:
            raise PermissionError("deze rol mag de trajecten achter een cijfer niet zien")
        return achterliggend(
            self.verrijkt, self.data.verlengingen, periode, indicator, filters,
            zicht=scope_filter(self.scope), normen=self.normen, verrijkt=True,
        )  # fmt: skip


def data_versie(regio: Regio) -> str:
    """Changes when a message is imported, a trajectory is added or removed, or a
    product's theme changes."""
    laatste = Bericht.objects.aggregate(m=Max("pk"))["m"] or 0
    producten = Product.history.filter(regio=regio).aggregate(m=Max("history_id"))["m"] or 0
    trajecten = Traject.objects.aggregate(m=Max("pk"), n=Count("pk"))
    return f"b{laatste}-p{producten}-t{trajecten['m'] or 0}-{trajecten['n']}"


_cache: dict[int, tuple[str, MonitorData, pl.DataFrame]] = {}
_slot = threading.Lock()


def regio_monitor(regio: Regio, scope: Scope) -> Monitor:
    """The monitor of a region for one viewer. The region's frames (and the client
    histories computed over them) are extracted again only when the data changed."""
    versie = data_versie(regio)
    with _slot:
        bewaard = _cache.get(regio.pk)
    if bewaard is None or bewaard[0] != versie:
        data = monitor_data(regio)
        bewaard = (versie, data, verrijk(data.trajecten, NORMEN))
        with _slot:
            _cache[regio.pk] = bewaard
    return Monitor(bewaard[1], scope, NORMEN, verrijkt=bewaard[2])
