# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Timely and complete information per provider (steering element 2): the page the
performance dialogue pack links to for these figures (docs/indicatoren.md)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from jeugdsturing.core.access import Actie, Sectie, eis, requires, scope_van
from jeugdsturing.monitor.bescherming import AFGESCHERMD, KLEIN
from jeugdsturing.monitor.indicatoren import Periode, perioden
from jeugdsturing.monitor.informatie import ZONDER_START_DAGEN, stand_na
from jeugdsturing.monitor.labels import INFORMATIE_LABELS
from jeugdsturing.monitor.selectors import aanbieder_namen, informatie_data
from jeugdsturing.monitor.service import INFORMATIE_KOLOMMEN, informatie_rijen, regio_monitor
from jeugdsturing.monitor.views import _getal, export, keuze_uit
from jeugdsturing.regio.selectors import regio_voor
from jeugdsturing.weergave.grafieken import trend_grafiek, vergelijking_grafiek

# What the chart can show: the rates and the stock that compare across providers.
GRAFIEK = (
    "startberichten_tijdig_pct",
    "stopberichten_tijdig_pct",
    "toewijzingen_zonder_start",
    "zonder_declaratie_pct",
    "retour_afgekeurd_pct",
    "afgewezen_pct",
)


@requires(Sectie.MONITOR)
def informatie(request: HttpRequest) -> HttpResponse:
    regio = regio_voor(request.user)
    if regio is None:
        return render(request, "monitor/informatie.html", {"regio": None})
    scope = scope_van(request.user)
    keuze = keuze_uit(request)
    if keuze.van.year < 1900 or keuze.tot.year > 2200:
        keuze.fouten.append(
            f"De periode {keuze.van:%d-%m-%Y} t/m {keuze.tot:%d-%m-%Y} valt buiten 1900-2200; "
            "getoond wordt dit jaar."
        )
        standaard = keuze_uit(HttpRequest())
        keuze.van, keuze.tot = standaard.van, standaard.tot
    cijfer = request.GET.get("cijfer", "")
    if cijfer not in GRAFIEK:
        cijfer = "startberichten_tijdig_pct"
    peil = stand_na(keuze.tot)
    monitor = regio_monitor(regio, scope)
    data = informatie_data(regio, keuze.tot.year)
    exact = scope.exact
    filters = {d: w for d, w in keuze.filters.items() if d in ("aanbieder", "gemeente")}
    periode = [keuze.periode]
    tabel = informatie_rijen(
        monitor, data, periode, ["aanbieder"], peil=peil, exact=exact, filters=filters
    )
    totaal = informatie_rijen(monitor, data, periode, [], peil=peil, exact=exact, filters=filters)
    regionaal = (
        informatie_rijen(monitor, data, periode, [], peil=peil, regionaal=True)
        if scope.beperkt
        else []
    )
    namen = aanbieder_namen(regio)
    kolommen = [(k, INFORMATIE_LABELS[k]) for k in INFORMATIE_KOLOMMEN]
    if request.GET.get("export") in ("csv", "xlsx"):
        eis(request.user, Sectie.MONITOR, Actie.EXPORTEREN)
        velden = ["periode_van", "periode_tot", "aanbieder", *INFORMATIE_KOLOMMEN]
        titel = f"Informatievoorziening {regio.naam}"
        return export(request.GET["export"], tabel, velden, titel, "informatievoorziening",
                      {"aanbieder": aanbieder_namen(regio)})  # fmt: skip
    rijen: list[dict[str, Any]] = [
        {
            "naam": namen.get(r["aanbieder"], r["aanbieder"]),
            "code": r["aanbieder"],
            "cellen": [r[k] for k, _ in kolommen],
        }
        for r in tabel
    ]
    referentie = _getal(((regionaal or totaal) or [{}])[0].get(cijfer))
    staven = [
        {"naam": namen.get(r["aanbieder"], r["aanbieder"]), "waarde": w}
        for r in tabel
        if (w := _getal(r[cijfer])) is not None
    ]
    vergelijking = (
        vergelijking_grafiek(
            staven,
            f"{INFORMATIE_LABELS[cijfer]} per aanbieder (stippellijn: regio)",
            INFORMATIE_LABELS[cijfer],
            referentie,
        )
        if staven
        else ""
    )
    maanden = perioden(keuze.van, keuze.tot, "maand")
    punten = []
    reeksen = [("eigen" if scope.beperkt else "regio", False)]
    if scope.beperkt:
        reeksen.append(("regio", True))
    for naam, regio_breed in reeksen:
        for r in informatie_rijen(
            monitor,
            data,
            maanden,
            [],
            peil=peil,
            exact=exact,
            regionaal=regio_breed,
            filters=None if regio_breed else filters,
        ):
            if (w := _getal(r[cijfer])) is not None:
                punten.append(
                    {"maand": r["periode_van"].strftime("%Y-%m"), "reeks": naam, "waarde": w}
                )
    trend = (
        trend_grafiek(
            punten,
            f"{INFORMATIE_LABELS[cijfer]} per maand",
            INFORMATIE_LABELS[cijfer],
            # A count: the region on its own axis.
            tweede_as=not cijfer.endswith("_pct"),
        )
        if punten
        else ""
    )
    return render(
        request,
        "monitor/informatie.html",
        {
            "regio": regio,
            "keuze": keuze,
            "scope": scope,
            "exact": exact,
            "peil": peil,
            "kolommen": kolommen,
            "rijen": rijen,
            "totaal": [totaal[0][k] for k, _ in kolommen] if totaal else None,
            "regionaal": [regionaal[0][k] for k, _ in kolommen] if regionaal else None,
            "cijfer": cijfer,
            "grafiekkeuzes": [(k, INFORMATIE_LABELS[k]) for k in GRAFIEK],
            "vergelijking": vergelijking,
            "trend": trend,
            "dagen": ZONDER_START_DAGEN,
            "aanbieders": sorted(
                ((c, namen.get(c, c)) for c in {r["aanbieder"] for r in tabel}),
                key=lambda kv: kv[1],
            )
            if not scope.aanbieder
            else [],
            "filters": filters,
            "export_query": keuze.query(cijfer=cijfer),
            "periode": Periode(keuze.van, keuze.tot),
            "KLEIN": KLEIN,
            "AFGESCHERMD": AFGESCHERMD,
        },
    )
