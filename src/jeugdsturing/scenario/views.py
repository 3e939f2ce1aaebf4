# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Scenario pages (docs/scenario.md): the overview, risk equalisation between the
region's gemeenten, the cost projection. The team, beleid and financiën see every
gemeente; a gemeente user sees its own position next to the region's total."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from jeugdsturing.core.access import Actie, Sectie, eis, mag, requires, scope_van
from jeugdsturing.regio.models import Regio
from jeugdsturing.regio.selectors import regio_voor
from jeugdsturing.scenario.selectors import Kostenbron, kostenbronnen, vereveningsinvoer
from jeugdsturing.scenario.verevening import (
    MODEL_NAMEN,
    SLEUTEL_NAMEN,
    Instellingen,
    Model,
    Schommeling,
    Sleutel,
    Uitkomst,
    VereveningFout,
    duiding,
    met_kosten,
    schommeling,
    verevenen,
)
from jeugdsturing.weergave.export import csv_tekst, euro
from jeugdsturing.weergave.grafieken import groepsstaaf_grafiek
from jeugdsturing.weergave.invoer import Invoerfout, lees_getal
from jeugdsturing.weergave.templatetags.bedragen import euro_rond

S = Sectie.SCENARIO


def _regio(request: HttpRequest) -> Regio:
    regio = regio_voor(request.user)
    if regio is None:
        raise PermissionDenied("Er is nog geen regio ingericht.")
    return regio


@requires(S)
def overzicht(request: HttpRequest) -> HttpResponse:
    regio = _regio(request)
    return render(request, "scenario/overzicht.html", {"regio": regio})


MODELLEN = list(Model)
KORT = {m: MODEL_NAMEN[m].split(")")[0] + ")" for m in Model}


@dataclass
class Keuzes:
    bron: Kostenbron | None
    instellingen: Instellingen
    fouten: list[str] = field(default_factory=list)


def _keuzes(request: HttpRequest, bronnen: list[Kostenbron]) -> Keuzes:
    fouten: list[str] = []
    gevraagd = request.GET.get("kosten", "")
    bron = next((b for b in bronnen if b.code == gevraagd), None)
    if gevraagd and bron is None:
        fouten.append(
            f"Kosten: '{gevraagd}' is geen beschikbare keuze; getoond: "
            f"{bronnen[0].naam if bronnen else 'niets'}."
        )
    bron = bron or (bronnen[0] if bronnen else None)
    sleutel = Sleutel.GEMEENTEFONDS
    tekst = request.GET.get("sleutel", "")
    if tekst:
        if tekst in Sleutel._value2member_map_:
            sleutel = Sleutel(tekst)
        else:
            fouten.append(f"Sleutel: '{tekst}' is geen sleutel; getoond: het gemeentefonds.")
    waarden = {"drempel": Decimal(110), "pot": Decimal(50)}
    grenzen = {"drempel": (Decimal(0), Decimal(1000)), "pot": (Decimal(0), Decimal(100))}
    namen = {"drempel": "Drempel", "pot": "Percentage in de pot"}
    for naam in waarden:
        tekst = request.GET.get(naam, "").strip()
        if not tekst:
            continue
        try:
            waarde = lees_getal(tekst, namen[naam])
        except Invoerfout as e:
            fouten.append(f"{e} Getoond: {waarden[naam]}%.")
            continue
        laag, hoog = grenzen[naam]
        if not laag <= waarde <= hoog:
            fouten.append(
                f"{namen[naam]}: {tekst}% ligt niet tussen {laag} en {hoog}%; "
                f"getoond: {waarden[naam]}%."
            )
            continue
        waarden[naam] = waarde
    return Keuzes(bron, Instellingen(sleutel, waarden["drempel"], waarden["pot"]), fouten)


@requires(S)
def verevening(request: HttpRequest) -> HttpResponse:
    regio = _regio(request)
    scope = scope_van(request.user)
    bronnen = kostenbronnen(regio)
    keuzes = _keuzes(request, bronnen)
    for fout in keuzes.fouten:
        messages.warning(request, fout)
    context: dict[str, Any] = {
        "regio": regio,
        "bronnen": bronnen,
        "keuzes": keuzes,
        "sleutels": [(s.value, SLEUTEL_NAMEN[s]) for s in Sleutel],
        "modellen": [(m.value, MODEL_NAMEN[m]) for m in Model],
        "mag_exporteren": mag(request.user, S, Actie.EXPORTEREN),
    }
    if keuzes.bron is None:
        return render(request, "scenario/verevening.html", context)
    invoer = vereveningsinvoer(regio, keuzes.bron)
    context["ontbreekt"] = invoer.ontbreekt
    try:
        uitkomsten = {m: verevenen(m, invoer.gemeenten, keuzes.instellingen) for m in Model}
    except VereveningFout as e:
        context["fout"] = str(e)
        return render(request, "scenario/verevening.html", context)
    schommelingen: dict[Model, Schommeling] = {}
    if keuzes.bron.soort == "iv3-jaarrekening" and set(invoer.begroot) >= {
        g.code for g in invoer.gemeenten
    }:
        begroot = met_kosten(invoer.gemeenten, invoer.begroot)
        schommelingen = {
            m: schommeling(m, begroot, invoer.gemeenten, keuzes.instellingen) for m in Model
        }
    eigen = scope.gemeente
    zichtbaar = [g for g in invoer.gemeenten if eigen is None or g.code == eigen]
    rijen: list[dict[str, Any]] = []
    for g in zichtbaar:
        per_model = {m: next(u for u in uitkomsten[m] if u.code == g.code) for m in Model}
        rijen.append(
            {
                "naam": g.naam,
                "code": g.code,
                "kosten": g.kosten,
                "begroot": invoer.begroot.get(g.code),
                "jongeren": g.jongeren,
                "modellen": [
                    {
                        "model": m,
                        "bijdrage": per_model[m].bijdrage,
                        "verrekening": per_model[m].verrekening,
                        "per_jongere": per_model[m].per_jongere,
                        "schommeling": schommelingen[m].pct.get(g.code) if schommelingen else None,
                    }
                    for m in Model
                ],
            }
        )
    if request.GET.get("formaat") == "csv":
        eis(request.user, S, Actie.EXPORTEREN)
        return _csv(regio, keuzes.bron, keuzes, rijen)
    totaal = sum(g.kosten for g in invoer.gemeenten)
    context.update(
        {
            "rijen": rijen,
            "totaal": totaal,
            "totaal_jongeren": sum(g.jongeren for g in invoer.gemeenten),
            "kort": [KORT[m] for m in Model],
            "teksten": [
                {
                    "naam": MODEL_NAMEN[m],
                    "tekst": _tekst(m, uitkomsten[m], schommelingen.get(m), eigen),
                    "laagste": schommelingen[m].laagste if schommelingen else None,
                    "hoogste": schommelingen[m].hoogste if schommelingen else None,
                }
                for m in Model
            ],
            "grafiek": groepsstaaf_grafiek(
                [
                    {
                        "naam": r["naam"],
                        "reeks": MODEL_NAMEN[c["model"]],
                        "waarde": float(c["per_jongere"] or 0),
                    }
                    for r in rijen
                    for c in r["modellen"]
                    if c["model"] != Model.GEEN
                ],
                f"Verrekening per jongere, {keuzes.bron.naam} "
                "(positief: betaalt, negatief: ontvangt)",
                "euro per jongere van 0 tot 18 jaar",
            ),
        }
    )
    return render(request, "scenario/verevening.html", context)


def _tekst(
    m: Model, uitkomsten: list[Uitkomst], schommel: Schommeling | None, eigen: str | None
) -> str:
    if eigen is None:
        return duiding(m, uitkomsten, schommel)
    u = next((u for u in uitkomsten if u.code == eigen), None)
    if u is None:
        return ""
    if u.verrekening == 0:
        return f"{u.naam} betaalt in dit model precies de eigen kosten."
    wat = "betaalt" if u.verrekening > 0 else "ontvangt"
    bedrag = euro_rond(abs(u.verrekening))
    return f"{u.naam} {wat} in dit model {bedrag} ten opzichte van de eigen kosten."


def _csv(
    regio: Regio, bron: Kostenbron, keuzes: Keuzes, rijen: list[dict[str, Any]]
) -> HttpResponse:
    kop = ["gemeentecode", "gemeente", "jongeren_0_17", "kosten_euro", "begroot_euro"]
    for m in Model:
        kop += [
            f"{m.value}_bijdrage_euro",
            f"{m.value}_verrekening_euro",
            f"{m.value}_per_jongere_euro",
        ]
    data = []
    for r in rijen:
        rij: list[Any] = [
            r["code"],
            r["naam"],
            r["jongeren"],
            euro(r["kosten"]),
            euro(r["begroot"]),
        ]
        for c in r["modellen"]:
            rij += [euro(c["bijdrage"]), euro(c["verrekening"]), c["per_jongere"]]
        data.append(rij)
    naam = f"risicoverevening-{regio.code}-{bron.code}-{keuzes.instellingen.sleutel}.csv"
    antwoord = HttpResponse(csv_tekst(kop, data), content_type="text/csv; charset=utf-8")
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
    return antwoord
