# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""What every steering element of a pack is made of: an element with figures, tables
and charts, a table, the link to a monitor query, and the subject's providers and
gemeenten."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

from jeugdsturing.core.access import Scope
from jeugdsturing.monitor.indicatoren import Periode, perioden
from jeugdsturing.monitor.service import Filterwaarde
from jeugdsturing.sturing.models import ELEMENTEN, Pakketsoort
from jeugdsturing.sturing.pakket.bronnen import Bronnen, Kijker, Onderwerp
from jeugdsturing.sturing.pakket.inhoud import (
    Cijfer,
    Element,
    element_kleur,
)

P = Pakketsoort

DIMENSIE_NAAM = {
    "thema": "Thema",
    "gemeente": "Gemeente",
    "gebied": "Gebied",
    "aanbieder": "Aanbieder",
}


def element(
    code: str,
    cijfers: list[Cijfer],
    *,
    tabellen: Sequence[dict[str, Any]] = (),
    grafieken: Sequence[dict[str, Any]] = (),
    toelichting: str = "",
    link: str | None = None,
    extra_kleuren: Sequence[str] = (),
) -> Element:
    return {
        "code": code,
        "titel": ELEMENTEN[code],
        "cijfers": cijfers,
        "tabellen": list(tabellen),
        "grafieken": list(grafieken),
        "toelichting": toelichting,
        "link": link,
        "kleur": element_kleur([*(c["kleur"] for c in cijfers), *extra_kleuren]),
        "afspraken": [],
    }


def tabel(
    code: str,
    titel: str,
    kolommen: Sequence[tuple[str, str]],
    rijen: list[list[Any]],
    link: str | None = None,
) -> dict[str, Any]:
    """kolommen: (name, unit); the first column names the row."""
    return {
        "code": code,
        "titel": titel,
        "link": link,
        "rijen": rijen,
        "kolommen": [{"naam": n, "eenheid": e} for n, e in kolommen],
    }


def monitorlink(
    b: Bronnen,
    indicator: str,
    filters: dict[str, Filterwaarde],
    by: str = "gemeente",
    periode: Any = None,
) -> str:
    p = periode or b.periode
    q: dict[str, Any] = {
        "van": p.van.isoformat(),
        "tot": p.tot.isoformat(),
        "indicator": indicator,
        "by": by,
    }
    q |= {d: w for d, w in filters.items() if w is not None}
    return "/monitor/?" + urlencode(q, doseq=True)


def eerste(rijen: list[dict[str, Any]]) -> dict[str, Any]:
    return rijen[0] if rijen else {}


def team_scope(b: Bronnen) -> Scope:
    return b.team().scope


def regio_rij(b: Bronnen, k: Kijker, pp: Any) -> dict[str, Any]:
    """The region's figures: exact for the team, published for a shared copy."""
    if k.gedeeld:
        return eerste(b.monitor(k.scope).rijen(pp, [], regionaal=True))
    return eerste(b.monitor(team_scope(b)).rijen(pp, [], exact=True))


def aanbieders_van(b: Bronnen, o: Onderwerp) -> list[str] | None:
    """The providers a subject covers (None: all)."""
    if o.aanbieder is not None:
        return [o.aanbieder.agb_code]
    if o.thema is not None:
        return sorted(b.partners.get(o.thema.code, set()))
    return None


def gemeenten_van(o: Onderwerp) -> list[str] | None:
    """The whole gemeenten of a gebied (None: not a gebied; [] a gebied of postcodes)."""
    if o.gebied is None:
        return None
    return list(o.gebied.gemeenten.values_list("code", flat=True))


def maanden_van(b: Bronnen) -> list[Periode]:
    return perioden(b.periode.van, b.periode.tot, "maand")
