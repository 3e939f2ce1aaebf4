# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Long tables on a page: sorted and paged on the server, with the column headers as
sort links that keep the page's filters. A sort key the table does not know falls back
to the default (a hand-edited address never gives an error page)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest, QueryDict


@dataclass(frozen=True)
class Kolom:
    sleutel: str  # the row's key to sort on
    titel: str
    getal: bool = False  # right-aligned, largest first on the first click


@dataclass(frozen=True)
class Kop:
    titel: str
    getal: bool
    link: str  # the query string that sorts on this column
    pijl: str  # "▲", "▼" or "" for the column sorted on


@dataclass(frozen=True)
class Tabel:
    pagina: Page[Any]
    koppen: list[Kop]
    extra: str  # the query string for the page links (filters and sort), ending in "&"
    sorteer: str


def _sorteer(rijen: list[Mapping[str, Any]], sleutel: str, aflopend: bool) -> list[Any]:
    """Sorted on one key, empty values last whatever the direction."""
    gevuld = [r for r in rijen if r.get(sleutel) is not None]
    leeg = [r for r in rijen if r.get(sleutel) is None]
    try:
        gevuld.sort(
            key=lambda r: r[sleutel].lower() if isinstance(r[sleutel], str) else r[sleutel],
            reverse=aflopend,
        )
    except TypeError:  # a column of mixed kinds (numbers and text): as text
        gevuld.sort(key=lambda r: str(r[sleutel]).lower(), reverse=aflopend)
    return gevuld + leeg


@dataclass(frozen=True)
class Sortering:
    sleutel: str  # the column sorted on
    aflopend: bool
    koppen: list[Kop]
    extra: str  # the query string for the page links (filters and sort), ending in "&"


def sortering(
    request: HttpRequest, kolommen: Sequence[Kolom], *, standaard: str, voorvoegsel: str = ""
) -> Sortering:
    """The sort a page asks for (``?{voorvoegsel}sorteer=``, a column key with "-" in
    front for descending; ``standaard`` for anything else) and the header links; for a
    page that sorts its rows itself (a data frame)."""
    p_sorteer, p_pagina = f"{voorvoegsel}sorteer", f"{voorvoegsel}pagina"
    bekend = {k.sleutel for k in kolommen}
    gevraagd = request.GET.get(p_sorteer, "")
    sorteer = gevraagd if gevraagd.lstrip("-") in bekend else standaard
    aflopend, sleutel = sorteer.startswith("-"), sorteer.lstrip("-")
    basis = request.GET.copy()
    for p in (p_sorteer, p_pagina):
        basis.pop(p, None)

    def met(**extra: str) -> str:
        q: QueryDict = basis.copy()
        for k, v in extra.items():
            q[k] = v
        return q.urlencode()

    koppen = []
    for k in kolommen:
        if k.sleutel == sleutel:
            volgende, pijl = (
                (k.sleutel if aflopend else f"-{k.sleutel}"),
                ("▼" if aflopend else "▲"),
            )
        else:
            volgende, pijl = (f"-{k.sleutel}" if k.getal else k.sleutel), ""
        koppen.append(Kop(k.titel, k.getal, met(**{p_sorteer: volgende}), pijl))
    extra = met(**{p_sorteer: sorteer})
    return Sortering(sleutel, aflopend, koppen, f"{extra}&" if extra else "")


def tabel(
    request: HttpRequest,
    rijen: Sequence[Mapping[str, Any]],
    kolommen: Sequence[Kolom],
    *,
    standaard: str,
    per_pagina: int = 50,
    voorvoegsel: str = "",
) -> Tabel:
    """Sort ``rijen`` on ``?{voorvoegsel}sorteer=`` (a column key, "-" in front for
    descending; ``standaard`` otherwise) and page them on ``?{voorvoegsel}pagina=``.
    ``voorvoegsel`` keeps two tables on one page apart."""
    s = sortering(request, kolommen, standaard=standaard, voorvoegsel=voorvoegsel)
    gesorteerd = _sorteer(list(rijen), s.sleutel, s.aflopend)
    pagina = Paginator(gesorteerd, per_pagina).get_page(
        request.GET.get(f"{voorvoegsel}pagina") or 1
    )
    return Tabel(pagina, s.koppen, s.extra, f"{'-' if s.aflopend else ''}{s.sleutel}")
