# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The monitor dashboard and the trajectories behind a figure (docs/indicatoren.md)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlencode

import polars as pl
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from jeugdsturing.core.access import Actie, Scope, Sectie, eis, requires, scope_van
from jeugdsturing.monitor.bescherming import AFGESCHERMD, KLEIN
from jeugdsturing.monitor.indicatoren import (
    AANTALLEN,
    ACHTER,
    DETAIL_KOLOMMEN,
    DIMENSIES,
    INDICATOREN,
    Periode,
    perioden,
)
from jeugdsturing.monitor.labels import DIMENSIE_LABELS, KOLOM_LABELS, LABELS
from jeugdsturing.monitor.service import (
    Filterwaarde,
    Monitor,
    PeriodeNietVast,
    code_namen,
    regio_monitor,
)
from jeugdsturing.monitor.trechterfiguur import INDICATOR_MAATSTAF, figuur
from jeugdsturing.monitor.uitvoer import als_csv, als_xlsx
from jeugdsturing.monitor.vergelijking import punten
from jeugdsturing.regio.selectors import regio_voor
from jeugdsturing.weergave.grafieken import trechter_grafiek, trend_grafiek, vergelijking_grafiek
from jeugdsturing.weergave.invoer import JAREN, jaar_of
from jeugdsturing.weergave.tabel import Kolom, sortering


@dataclass
class Keuze:
    """What the user asked for, read from the query string with safe defaults."""

    van: date
    tot: date
    indicator: str = "clienten_in_zorg"
    by: str = "aanbieder"
    nulmeting: int | None = None
    filters: dict[str, Filterwaarde] = field(default_factory=dict)
    fouten: list[str] = field(default_factory=list)
    _basis: dict[tuple[str, ...], str] = field(default_factory=dict, repr=False, compare=False)

    @property
    def periode(self) -> Periode:
        return Periode(self.van, self.tot)

    def query(self, **extra: str) -> str:
        """The query string of this choice with `extra` keys replaced. The part without
        those keys is encoded once per set of keys (a table asks it for every cell)."""
        sleutels = tuple(sorted(extra))
        basis = self._basis.get(sleutels)
        if basis is None:
            q: dict[str, str | list[str]] = {
                "van": self.van.isoformat(), "tot": self.tot.isoformat(), "by": self.by,
                "indicator": self.indicator,
            }  # fmt: skip
            q.update({k: v or "" for k, v in self.filters.items()})
            basis = self._basis[sleutels] = urlencode(
                {k: v for k, v in q.items() if k not in extra}, doseq=True
            )
        return "&".join(x for x in (basis, urlencode(extra, doseq=True)) if x)


def keuze_uit(request: HttpRequest, *, vast: bool = False) -> Keuze:
    """The user's choice. `vast`: the viewer sees published figures, which cover fixed
    periods only (a month, quarter, half-year or year); another range is refused with
    the reason and the calendar year of its start is shown instead."""
    vandaag = date.today()  # noqa: DTZ011 (a calendar date in the region's own time)
    k = Keuze(van=date(vandaag.year, 1, 1), tot=date(vandaag.year, 12, 31))
    for naam in ("van", "tot"):
        tekst = request.GET.get(naam, "")
        if tekst:
            try:
                dag = date.fromisoformat(tekst)
            except ValueError:
                k.fouten.append(f"'{tekst[:20]}' is geen datum (JJJJ-MM-DD) bij '{naam}'.")
                continue
            if dag.year not in JAREN:
                k.fouten.append(
                    f"'{tekst}' bij '{naam}' ligt buiten {JAREN.start}-{JAREN.stop - 1}."
                )
                continue
            setattr(k, naam, dag)
    if k.tot < k.van:
        k.fouten.append(f"De periode eindigt ({k.tot}) voor het begin ({k.van}).")
        k.tot = k.van
    if vast and not k.periode.vast():
        k.fouten.append(f"{PeriodeNietVast(k.periode)} Getoond: het jaar {k.van.year}.")
        k.van, k.tot = date(k.van.year, 1, 1), date(k.van.year, 12, 31)
    if request.GET.get("indicator") in INDICATOREN:
        k.indicator = request.GET["indicator"]
    if request.GET.get("by") in DIMENSIES:
        k.by = request.GET["by"]
    if request.GET.get("nulmeting"):
        nul = jaar_of(request.GET["nulmeting"], 0)
        if nul:
            k.nulmeting = nul
        else:
            k.fouten.append(
                f"Nulmeting: '{request.GET['nulmeting'][:20]}' is geen jaar tussen "
                f"{JAREN.start} en {JAREN.stop - 1}."
            )
    for d in DIMENSIES:
        waarden = [w for w in request.GET.getlist(d) if w]
        if len(waarden) == 1:
            k.filters[d] = waarden[0]
        elif waarden:  # several values of one dimension (categorie=43&categorie=44)
            k.filters[d] = waarden
    return k


def export(soort: str, rijen: list[dict[str, Any]], velden: list[str], titel: str,
           naam: str, namen: Mapping[str, Mapping[str, str]]) -> HttpResponse:  # fmt: skip
    """Rows as a CSV or Excel download (monitor.uitvoer), codes with their names."""
    if soort == "csv":
        antwoord = HttpResponse(
            als_csv(rijen, velden, namen), content_type="text/csv; charset=utf-8"
        )
    else:
        antwoord = HttpResponse(
            als_xlsx(rijen, velden, titel, namen),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}.{soort}"'
    return antwoord


def _getal(v: object) -> float | None:
    return float(v) if isinstance(v, int | float) and not isinstance(v, bool) else None


def _naam(namen: dict[str, dict[str, str]], dim: str, code: object) -> str:
    if code is None:
        return "onbekend"
    return namen[dim].get(str(code), str(code))


def _filteropties(
    namen: dict[str, dict[str, str]], scope: Scope
) -> dict[str, list[tuple[str, str]]]:
    """Filter lists for the dimensions the viewer is not already limited to."""
    eigen = {"gemeente": scope.gemeente, "aanbieder": scope.aanbieder}
    return {
        d: sorted(namen[d].items(), key=lambda kv: kv[1])
        for d in ("gemeente", "aanbieder", "thema")
        if eigen.get(d) is None
    }


@requires(Sectie.MONITOR)
def dashboard(request: HttpRequest) -> HttpResponse:
    regio = regio_voor(request.user)
    if regio is None:
        return render(request, "monitor/dashboard.html", {"regio": None})
    scope = scope_van(request.user)
    keuze = keuze_uit(request, vast=not scope.exact)
    monitor = regio_monitor(regio, scope)
    exact = scope.exact
    filt = keuze.filters
    by = [keuze.by]
    tabel = monitor.rijen([keuze.periode], by, exact=exact, filters=filt)
    namen = code_namen(regio, monitor)

    if request.GET.get("export") in ("csv", "xlsx"):
        eis(request.user, Sectie.MONITOR, Actie.EXPORTEREN)
        velden = ["periode_van", "periode_tot", *by, *INDICATOREN]
        titel = f"Monitor {regio.naam} {keuze.van:%d-%m-%Y} t/m {keuze.tot:%d-%m-%Y}"
        return export(
            request.GET["export"], tabel, velden, titel, "monitor", code_namen(regio, monitor)
        )

    # Key figures: the period, the previous period and the baseline, for the scope; the
    # region (published) alongside for a viewer who sees only part of it.
    totaal = monitor.rijen([keuze.periode], [], exact=exact, filters=filt)
    vorige = monitor.rijen([keuze.periode.vorige()], [], exact=exact, filters=filt)
    nul = (
        monitor.rijen(
            [Periode(date(keuze.nulmeting, 1, 1), date(keuze.nulmeting, 12, 31))],
            [],
            exact=exact,
            filters=filt,
        )
        if keuze.nulmeting
        else []
    )
    regionaal = monitor.rijen([keuze.periode], [], regionaal=True) if scope.beperkt else []
    kerncijfers = [
        {
            "key": k,
            "label": LABELS[k],
            "waarde": totaal[0][k] if totaal else None,
            "vorige": vorige[0][k] if vorige else None,
            "nulmeting": nul[0][k] if nul else None,
            "regio": regionaal[0][k] if regionaal else None,
            "link": keuze.query(indicator=k) if scope.exact and k in ACHTER else None,
        }
        for k in INDICATOREN
    ]

    # Trend per month of the chosen indicator (scope, and the region as reference).
    maanden = perioden(keuze.van, keuze.tot, "maand")
    punten: list[dict[str, Any]] = []
    reeks = "eigen" if scope.beperkt else "regio"
    reeksen = [(reeks, monitor.rijen(maanden, [], exact=exact, filters=filt))]
    if scope.beperkt:
        reeksen.append(("regio", monitor.rijen(maanden, [], regionaal=True)))
    for naam, rows in reeksen:
        for r in rows:
            if (w := _getal(r[keuze.indicator])) is not None:
                maand = r["periode_van"].strftime("%Y-%m")
                punten.append({"maand": maand, "reeks": naam, "waarde": w})
    trend = (
        trend_grafiek(
            punten,
            f"{LABELS[keuze.indicator]} per maand",
            LABELS[keuze.indicator],
            tweede_as=keuze.indicator in AANTALLEN,
        )
        if punten
        else ""
    )

    # Comparison per group of the chosen dimension, with the regional value as reference.
    # Counts differ by the size of a group: only rates, medians and means get the
    # regional value as a reference line.
    referentie = (
        None
        if keuze.indicator in AANTALLEN
        else _getal((regionaal or totaal or [{}])[0].get(keuze.indicator))
    )
    staven = [
        {"naam": _naam(namen, keuze.by, r[keuze.by]), "waarde": w}
        for r in tabel
        if (w := _getal(r[keuze.indicator])) is not None
    ]
    vergelijking = (
        vergelijking_grafiek(
            staven,
            f"{LABELS[keuze.indicator]} per {DIMENSIE_LABELS[keuze.by].lower()}"
            + ("" if referentie is None else " (stippellijn: regio)"),
            LABELS[keuze.indicator],
            referentie,
        )
        if staven
        else ""
    )

    trechter = _trechter(monitor, keuze, namen["aanbieder"], scope)

    rijen = []
    for r in tabel:
        code = r[keuze.by]
        cellen = []
        for k in INDICATOREN:
            link = None
            if scope.exact and k in ACHTER and r[k] not in (None, 0):
                link = keuze.query(indicator=k, **{keuze.by: "" if code is None else str(code)})
            cellen.append({"key": k, "waarde": r[k], "link": link})
        rijen.append({"code": code, "naam": _naam(namen, keuze.by, code), "cellen": cellen})

    return render(
        request,
        "monitor/dashboard.html",
        {
            "regio": regio, "keuze": keuze, "scope": scope, "exact": exact,
            "by_label": DIMENSIE_LABELS[keuze.by],
            "kerncijfers": kerncijfers, "vorige": keuze.periode.vorige(),
            "trend": trend, "vergelijking": vergelijking, "rijen": rijen, "trechter": trechter,
            "referentielijn": referentie is not None,
            "indicatoren": [(k, LABELS[k]) for k in INDICATOREN],
            "dimensies": [(d, DIMENSIE_LABELS[d]) for d in DIMENSIES],
            "filteropties": _filteropties(namen, scope),
            "filters": keuze.filters,
            "KLEIN": KLEIN, "AFGESCHERMD": AFGESCHERMD,
            "export_query": keuze.query(),
            # resolved once, not per cell (a table has hundreds of links)
            "trajecten_url": reverse("monitor:trajecten"),
        },
    )  # fmt: skip


TRECHTER_MINIMUM = 10  # trajectories or clients: smaller providers are not placed


def _trechter(monitor: Monitor, keuze: Keuze, namen: dict[str, str], scope: Scope) -> str:
    """A funnel plot of the chosen indicator per provider (docs/escalatie.md): for the
    team, named; for a provider, only its own point named. Not for a gemeente's view
    (its figures are its own residents, the funnel compares whole providers)."""
    maatstaf = INDICATOR_MAATSTAF.get(keuze.indicator)
    if maatstaf is None or keuze.by != "aanbieder" or scope.gemeente is not None:
        return ""
    t = monitor.verrijkt
    for dim, waarde in keuze.filters.items():
        if dim == "aanbieder":
            continue
        if isinstance(waarde, list):
            t = t.filter(pl.col(dim).is_in(waarde))
        else:
            t = t.filter(pl.col(dim).is_null() if waarde is None else pl.col(dim) == waarde)
    pts = punten(maatstaf, t, monitor.data.verlengingen, keuze.periode,
                 minimum_volume=TRECHTER_MINIMUM, normen=monitor.normen)  # fmt: skip
    g = figuur(maatstaf, pts, namen, titel=f"{LABELS[keuze.indicator]}: trechterdiagram",
               eigen=scope.aanbieder, benoemd=scope.aanbieder is None)  # fmt: skip
    if g is None:
        return ""
    return trechter_grafiek(g["lijnen"], g["punten"], g["titel"], g["as"], g["volume"])


@requires(Sectie.MONITOR, Actie.EXACT)
def trajecten(request: HttpRequest) -> HttpResponse:
    """The pseudonymised trajectories behind one figure (team roles only)."""
    regio = regio_voor(request.user)
    if regio is None:
        return render(request, "monitor/dashboard.html", {"regio": None})
    scope = scope_van(request.user)
    keuze = keuze_uit(request)
    filters: dict[str, str | None] = {
        d: (request.GET[d] or None) for d in DIMENSIES if d in request.GET
    }
    monitor = regio_monitor(regio, scope)
    frame = monitor.detail(keuze.periode, keuze.indicator, filters)
    if request.GET.get("export") == "csv":
        eis(request.user, Sectie.MONITOR, Actie.EXPORTEREN)
        antwoord = HttpResponse(
            als_csv(frame.to_dicts(), frame.columns, code_namen(regio, monitor)),
            content_type="text/csv; charset=utf-8",
        )
        antwoord["Content-Disposition"] = 'attachment; filename="trajecten.csv"'
        return antwoord
    namen = code_namen(regio, monitor)
    toon = 100
    waardekolommen = [c for c in frame.columns if c not in DETAIL_KOLOMMEN]
    # Sorted on the server on any column (the trajectory by default), then paged.
    vast = [("client", "Cliënt"), ("aanbieder", "Aanbieder"), ("gemeente", "Gemeente"),
            ("productcode", "Product"), ("verwijzer", "Verwijzer"), ("verzoekdatum", "Verzoek"),
            ("toewijzingsdatum", "Toewijzing"), ("begindatum", "Begin"),
            ("einddatum", "Einde"), ("reden", "Reden")]  # fmt: skip
    kolommen = [Kolom(c, t) for c, t in vast if c in frame.columns] + [
        Kolom(c, KOLOM_LABELS.get(c, c.replace("_", " ")), getal=True) for c in waardekolommen
    ]
    volgorde = sortering(request, kolommen, standaard="begindatum")
    if frame.height and volgorde.sleutel in frame.columns:
        frame = frame.sort(volgorde.sleutel, descending=volgorde.aflopend, nulls_last=True)
    pagina = Paginator(range(frame.height), toon).get_page(request.GET.get("pagina") or 1)
    deel = frame.slice(pagina.start_index() - 1, toon) if frame.height else frame
    rijen = [
        {
            **r,
            "client_kort": str(r["client"])[:12],
            "aanbieder_naam": _naam(namen, "aanbieder", r["aanbieder"]),
            "gemeente_naam": _naam(namen, "gemeente", r["gemeente"]),
            "waarden": [r[c] for c in waardekolommen],
        }
        for r in deel.to_dicts()
    ]
    return render(
        request,
        "monitor/trajecten.html",
        {
            "regio": regio, "keuze": keuze, "label": LABELS[keuze.indicator],
            "filters": {DIMENSIE_LABELS[d]: _naam(namen, d, v) for d, v in filters.items()},
            "aantal": frame.height, "rijen": rijen, "toon": toon,
            "tabel": volgorde, "pagina": pagina, "extra": volgorde.extra,
            "terug": keuze.query(),
            "export_query": request.GET.urlencode(),
        },
    )  # fmt: skip
