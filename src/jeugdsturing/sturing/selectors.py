# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Reads of the steering app. A measured indicator is read from the monitor itself
(`Monitor.rijen`, as the monitor page shows it to the same viewer): one source of truth,
no second computation. Reported values come from Indicatorwaarde."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Literal
from urllib.parse import urlencode

from django.db.models import Prefetch

from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.core.access import Actie, Gebruiker, Scope, Sectie, mag, scope_van
from jeugdsturing.monitor.indicatoren import Periode
from jeugdsturing.monitor.service import Filterwaarde, Monitor, regio_monitor
from jeugdsturing.regio.models import Regio, Thema
from jeugdsturing.regio.selectors import regio_voor
from jeugdsturing.sturing.models import (
    Doel,
    Doelindicator,
    Indicatorsoort,
    Indicatorwaarde,
    Pakket,
    Pakketsoort,
    Pakketversie,
)
from jeugdsturing.sturing.pakket.bronnen import Bronnen
from jeugdsturing.sturing.voortgang import Voortgang, voortgang

EENHEDEN = {"percentage": "%", "ja_nee": "ja/nee", "getal": ""}
# The year a goal's horizon names: the target year of its indicators unless they give one.
HORIZONJAAR = {"outcome_2050": 2050, "doel_2034": 2034, "doel_2028": 2028}


@dataclass(frozen=True)
class IndicatorStand:
    indicator: Doelindicator
    voortgang: Voortgang
    eenheid: str
    bron: str  # where the figure comes from, in words
    link: str | None  # the monitor query behind a measured figure


@dataclass(frozen=True)
class DoelStand:
    doel: Doel
    indicatoren: list[IndicatorStand]


def _getal(waarde: object) -> float | None:
    """A monitor figure as a number; a protected one ("<5", "afgeschermd") is none."""
    if isinstance(waarde, bool) or not isinstance(waarde, int | float | Decimal):
        return None
    return float(waarde)


def _jaren(indicator: Doelindicator, jaar: int) -> list[int]:
    begin = min(indicator.nulmeting_jaar or jaar - 2, jaar - 2)
    return list(range(begin, jaar + 1))


def venster(jaar: int, tot: date | None = None) -> Periode:
    """The period of a year's figure: the calendar year, or the 12 months up to and
    including `tot` when a pack reads the year before it is over."""
    if tot is None or tot >= date(jaar, 12, 31):
        return Periode(date(jaar, 1, 1), date(jaar, 12, 31))
    begin = date(tot.year - 1, tot.month, 1) + timedelta(days=32)
    return Periode(begin.replace(day=1), tot)


def monitorlink(
    indicator: str, filters: dict[str, Filterwaarde], jaar: int, tot: date | None = None
) -> str:
    """The monitor page with the same indicator, filters and year (or 12-month window)."""
    p = venster(jaar, tot)
    q: dict[str, str | list[str]] = {
        "van": p.van.isoformat(), "tot": p.tot.isoformat(), "indicator": indicator,
        "by": "gemeente",
    }  # fmt: skip
    for dim, waarde in filters.items():
        q[dim] = waarde if waarde is not None else ""
    return "/monitor/?" + urlencode(q, doseq=True)


def gemeten_waarden(
    monitor: Monitor,
    indicator: Doelindicator,
    jaren: list[int],
    *,
    exact: bool,
    tot: date | None = None,
    filters: dict[str, Filterwaarde] | None = None,
) -> dict[int, float | None]:
    """The monitor's figure of a measured indicator per year, as this viewer sees it
    (the last year over the 12 months up to `tot` when given; `filters` narrow it)."""
    filters = {**dict(indicator.filters or {}), **(filters or {})}
    kalender = [venster(j) for j in jaren]
    laatste = venster(jaren[-1], tot)
    groepen = [kalender] if laatste == kalender[-1] else [kalender[:-1], [laatste]]
    per_jaar: dict[int, float | None] = {}
    for pp in (g for g in groepen if g):
        for r in monitor.rijen(pp, [], exact=exact, filters=filters):
            per_jaar[r["periode_tot"].year] = _getal(r[indicator.monitor_indicator])
    return {j: per_jaar.get(j) for j in jaren}


Gerapporteerd = dict[int, list[tuple[int, int | None, Decimal]]]


def gerapporteerd(indicatoren: list[Doelindicator]) -> Gerapporteerd:
    """Every reported value of these indicators in one query: per indicator id, (jaar,
    aanbieder id, waarde)."""
    uit: Gerapporteerd = defaultdict(list)
    for i, j, a, w in Indicatorwaarde.objects.filter(
        indicator__in=indicatoren, waarde__isnull=False
    ).values_list("indicator_id", "jaar", "aanbieder_id", "waarde"):
        if w is not None:
            uit[i].append((j, a, w))
    return uit


def gerapporteerde_waarden(
    indicator: Doelindicator,
    jaren: list[int],
    aanbieder: Aanbieder | None,
    alle: Gerapporteerd,
) -> dict[int, float | None]:
    """Reported values per year: a provider's own, or (for the region, when providers
    report) the mean over the providers that reported. ``alle``: the values of
    :func:`gerapporteerd`."""
    rijen = alle.get(indicator.pk, [])
    eigen = aanbieder.pk if aanbieder is not None and indicator.door_aanbieder else None
    per_jaar: dict[int, list[float]] = defaultdict(list)
    for j, a, w in rijen:
        if j in jaren and (eigen is None or a == eigen):
            per_jaar[j].append(float(w))
    return {j: round(sum(v) / len(v), 1) if (v := per_jaar.get(j)) else None for j in jaren}


def doelen_stand(
    *,
    regio: Regio,
    scope: Scope,
    jaar: int,
    thema: Thema | None = None,
    themas: list[Thema] | None = None,
    aanbieder: Aanbieder | None = None,
    monitor: Monitor | None = None,
    tot: date | None = None,
    filters: dict[str, Filterwaarde] | None = None,
) -> list[DoelStand]:
    """Progress on the region's goals in `jaar` (of one theme, or of `themas`), as the
    viewer's Scope allows: measured figures through the monitor for that viewer,
    reported ones from the values (a provider's own when `aanbieder` is given). A pack
    passes `tot` (the year's figure over the 12 months up to it) and `filters`."""
    doelen = (
        Doel.objects.filter(regio=regio)
        .select_related("thema")
        .prefetch_related(
            Prefetch("indicatoren", queryset=Doelindicator.objects.order_by("volgorde"))
        )
    )
    if thema is not None:
        doelen = doelen.filter(thema=thema)
    elif themas is not None:
        doelen = doelen.filter(thema__in=themas)
    monitor = monitor or regio_monitor(regio, scope)
    lijst = list(doelen)
    alle = gerapporteerd([i for d in lijst for i in d.indicatoren.all()
                          if i.soort != Indicatorsoort.GEMETEN])  # fmt: skip
    uit = []
    for doel in lijst:
        standen = []
        for ind in doel.indicatoren.all():
            jaren = _jaren(ind, jaar)
            if ind.soort == Indicatorsoort.GEMETEN:
                waarden = gemeten_waarden(
                    monitor, ind, jaren, exact=scope.exact, tot=tot, filters=filters
                )
                bron = "monitor (iJw-berichtenverkeer)"
                link: str | None = monitorlink(
                    ind.monitor_indicator, {**dict(ind.filters), **(filters or {})}, jaar, tot
                )
                eenheid = "%" if ind.meting == "verandering_pct" else ""
            else:
                waarden = gerapporteerde_waarden(ind, jaren, aanbieder, alle)
                bron = "gerapporteerd door " + (
                    "de aanbieder" if ind.door_aanbieder else "het regioteam"
                )
                link = None
                eenheid = EENHEDEN.get(ind.waardesoort, "")
            streef = ind.streefwaarde
            if streef is None and ind.waardesoort == "ja_nee" and ind.soort == "gerapporteerd":
                streef = Decimal(1)  # a plan or decision: the target is "ja"
            standen.append(
                IndicatorStand(
                    ind,
                    voortgang(
                        waarden=waarden, jaar=jaar, richting=ind.richting, meting=ind.meting,
                        nulmeting_jaar=ind.nulmeting_jaar, streefwaarde=streef,
                        streefjaar=ind.streefjaar or HORIZONJAAR.get(doel.horizon),
                    ),
                    eenheid, bron, link,
                )
            )  # fmt: skip
        uit.append(DoelStand(doel, standen))
    return uit


# --- the performance dialogue packs -------------------------------------------------------

Zicht = Literal["team", "gedeeld"]


def pakket_zicht(
    user: Gebruiker,
    pakket: Pakket,
    partners: dict[tuple[int, date], dict[str, set[str]]] | None = None,
) -> tuple[Zicht | None, str]:
    """Which copy of a pack a user sees, or None with the reason: the region's team the
    team's copy; a provider the shared copy of its own PD1 and of the PD2 packs it is a
    partner in; a gemeente the shared copy of the PD2 packs; nobody else anything.
    ``partners``: a dict to keep the partners per region and moment in, when many packs
    are asked at once (a list)."""
    if pakket.regio_id != getattr(regio_voor(user), "pk", None):
        return None, "Dit pakket hoort bij een andere regio."
    if mag(user, Sectie.STURING, Actie.WIJZIGEN):
        return "team", ""
    scope = scope_van(user)
    if scope.aanbieder_id is not None:
        if pakket.soort == Pakketsoort.PD1:
            if pakket.aanbieder_id == scope.aanbieder_id:
                return "gedeeld", ""
            return None, "U ziet alleen het pakket van uw eigen organisatie."
        bewaard = partners if partners is not None else {}
        sleutel = (pakket.regio_id, pakket.moment)
        if sleutel not in bewaard:
            bewaard[sleutel] = Bronnen(pakket.regio, pakket.moment).partners
        groep = bewaard[sleutel].get(pakket.thema.code if pakket.thema else "", set())
        if scope.aanbieder in groep:
            return "gedeeld", ""
        return None, "Dit pakket gaat over een thema waarin uw organisatie geen partner is."
    if scope.gemeente is not None and pakket.soort != Pakketsoort.PD1:
        return "gedeeld", ""
    return None, "Het pakket van een aanbieder is voor die aanbieder en het regioteam."


def zichtbare_versies(pakket: Pakket, zicht: Zicht) -> list[Pakketversie]:
    """The versions a viewer may open: all for the team; for the others the versions
    that were sent (also when a newer one replaced them)."""
    versies = sorted(pakket.versies.all(), key=lambda v: -v.nummer)  # prefetched or not
    if zicht == "team":
        return versies
    return [v for v in versies if v.verzonden_op is not None]
