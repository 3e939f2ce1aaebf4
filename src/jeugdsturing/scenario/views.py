# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Scenario pages (docs/scenario.md): the overview, risk equalisation between the
region's gemeenten, the cost projection. The team, beleid and financiën see every
gemeente; a gemeente user sees its own position next to the region's total."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from jeugdsturing.core.access import Actie, Sectie, eis, ingelogd, mag, requires, scope_van
from jeugdsturing.regio.models import Gemeente, Regio
from jeugdsturing.regio.selectors import ingerichte_regio
from jeugdsturing.scenario import services
from jeugdsturing.scenario.models import Kostenscenario
from jeugdsturing.scenario.projectie import (
    EFFECT_NAMEN,
    EFFECT_UITLEG,
    GROEP_NAMEN,
    Basis,
    Effect,
    Groep,
    Jaaraanname,
    ProjectieFout,
    Projectiejaar,
    aannames_lezen,
    controleer,
    omslagjaar,
    projecteer,
    standaard_aannames,
)
from jeugdsturing.scenario.selectors import (
    Kostenbron,
    Projectiebasis,
    kostenbronnen,
    kostenscenarios,
    projectiebasis,
    vereveningsinvoer,
)
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
    model_kolom,
    schommeling,
    verevenen,
)
from jeugdsturing.weergave.export import csv_tekst, euro, xlsx_bytes
from jeugdsturing.weergave.grafieken import (
    gestapelde_staaf_grafiek,
    groepsstaaf_grafiek,
    jaren_grafiek,
)
from jeugdsturing.weergave.invoer import Invoerfout, lees_getal
from jeugdsturing.weergave.templatetags.bedragen import euro_rond

S = Sectie.SCENARIO


def _regio(request: HttpRequest) -> Regio:
    return ingerichte_regio(request.user)


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
    kop = ["gemeentecode", "gemeente", "jongeren 0-17", "kosten (euro)", "begroot (euro)"]
    for m in Model:
        kop += [
            model_kolom(m, "bijdrage"),
            model_kolom(m, "verrekening"),
            model_kolom(m, "verrekening per jongere"),
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


# --- cost projection ------------------------------------------------------------------

VELDEN = ["index", "volume", *[e.value for e in Effect]]
VELD_NAMEN = {
    "index": "prijsindex (%)",
    "volume": "autonome groei (%)",
    **{e.value: EFFECT_NAMEN[e].lower() for e in Effect},
}


def _gemeente(request: HttpRequest, regio: Regio) -> Gemeente | None:
    """The gemeente asked for (a gemeente user: always its own); None is the region."""
    scope = scope_van(request.user)
    code = scope.gemeente or request.GET.get("gemeente") or request.POST.get("gemeente") or ""
    if not code:
        return None
    gemeente = regio.gemeenten.filter(code=code).first()
    if gemeente is None:
        if scope.gemeente:
            raise PermissionDenied("Uw gemeente hoort niet bij deze regio.")
        messages.warning(
            request, f"Gemeente: '{code}' hoort niet bij {regio.naam}; getoond: de regio."
        )
    return gemeente


def _uit_formulier(post: Any, jaren: list[int]) -> tuple[dict[int, Jaaraanname], list[str]]:
    """The assumptions typed in the form (Dutch numbers); the errors name year and field."""
    uit: dict[int, Jaaraanname] = {}
    fouten: list[str] = []
    for jaar in jaren:
        waarden: dict[str, Decimal] = {}
        for veld in VELDEN:
            tekst = str(post.get(f"a-{jaar}-{veld}", "")).strip() or "0"
            try:
                waarden[veld] = lees_getal(tekst, f"{jaar}, {VELD_NAMEN[veld]}")
            except Invoerfout as e:
                fouten.append(str(e))
                waarden[veld] = Decimal(0)
        uit[jaar] = Jaaraanname(
            waarden["index"], waarden["volume"], {e: waarden[e.value] for e in Effect}
        )
    if not fouten:
        try:
            controleer(uit)
        except ProjectieFout as e:
            fouten.append(str(e))
    return uit, fouten


def _miljoen(eurocent: int) -> float:
    return round(eurocent / 100_000_000, 3)


@requires(S, Actie.BEKIJKEN, post=Actie.BEKIJKEN)
def kostenprojectie(request: HttpRequest) -> HttpResponse:
    regio = _regio(request)
    gemeente = _gemeente(request, regio)
    pb = projectiebasis(regio, gemeente)
    opgeslagen = kostenscenarios(regio)
    naam, toelichting, jaren = standaard_aannames()
    gekozen: Kostenscenario | None = None
    keuze = request.POST.get("scenario") or request.GET.get("scenario")
    if keuze:
        gekozen = next((s for s in opgeslagen if str(s.pk) == keuze), None)
        if gekozen is None:
            messages.warning(
                request, f"Scenario: '{keuze}' bestaat niet (meer); getoond: de standaard."
            )
        else:
            try:
                jaren = aannames_lezen(gekozen.aannames, gekozen.naam)
                naam, toelichting = gekozen.naam, gekozen.toelichting
            except ProjectieFout as e:
                messages.error(request, str(e))
    if pb.basis is not None:
        # Only years after the base year; the default runs from the year after it.
        jaren = {j: a for j, a in jaren.items() if j > pb.basis.jaar}
    fouten: list[str] = []
    if request.method == "POST":
        actie = request.POST.get("actie", "doorrekenen")
        jaren, fouten = _uit_formulier(request.POST, sorted(jaren))
        naam = request.POST.get("naam", naam)
        toelichting = request.POST.get("toelichting", toelichting)
        if actie in ("bewaren", "nieuw", "verwijderen"):
            eis(request.user, S, Actie.WIJZIGEN)
        if actie in ("bewaren", "nieuw") and not fouten and pb.basis is not None:
            try:
                gekozen = services.kostenscenario_bewaar(
                    regio=regio, naam=naam, basisjaar=pb.basis.jaar, jaren=jaren,
                    gemeente=gemeente, toelichting=toelichting,
                    scenario=gekozen if actie == "bewaren" else None,
                    door=ingelogd(request.user),
                )  # fmt: skip
                messages.success(request, f"Scenario '{gekozen.naam}' bewaard.")
                opgeslagen = kostenscenarios(regio)
            except ValidationError as e:
                fouten += e.messages
        elif actie == "verwijderen" and gekozen is not None:
            services.kostenscenario_verwijder(gekozen, door=ingelogd(request.user))
            messages.success(request, f"Scenario '{gekozen.naam}' verwijderd.")
            gekozen = None
            opgeslagen = kostenscenarios(regio)
    for f in fouten:
        messages.error(request, f)
    context: dict[str, Any] = {
        "regio": regio,
        "gemeente": gemeente,
        "gemeenten": list(regio.gemeenten.order_by("naam"))
        if not scope_van(request.user).gemeente
        else [],
        "pb": pb,
        "opgeslagen": opgeslagen,
        "gekozen": gekozen,
        "naam": naam,
        "toelichting": toelichting,
        "mag_wijzigen": mag(request.user, S, Actie.WIJZIGEN),
        "mag_exporteren": mag(request.user, S, Actie.EXPORTEREN),
        "effecten": [(e.value, EFFECT_NAMEN[e], EFFECT_UITLEG[e]) for e in Effect],
        "groepen": [(GROEP_NAMEN[g], pb.basis.kosten.get(g, 0)) for g in Groep] if pb.basis else [],
    }
    if pb.basis is None or fouten:
        context["invoer"] = _invoer(jaren)
        return render(request, "scenario/kostenprojectie.html", context)
    projectie = projecteer(pb.basis, jaren)
    if request.GET.get("formaat") in ("csv", "xlsx"):
        eis(request.user, S, Actie.EXPORTEREN)
        return _projectie_export(regio, gemeente, pb, projectie, request.GET["formaat"])
    context.update(
        {
            "invoer": _invoer(jaren),
            "projectie": projectie,
            "omslag": omslagjaar(pb.basis, projectie),
            "gerealiseerd": [
                {"jaar": j, "totaal": w, "begroot": pb.begroot.get(j)}
                for j, w in sorted(pb.gerealiseerd.items())
            ],
            "effect_namen": [EFFECT_NAMEN[e] for e in Effect],
            "rijen": [
                {
                    "jaar": p.jaar,
                    "trend": p.trend,
                    "effecten": [p.effecten[e] for e in Effect],
                    "totaal": p.totaal,
                    "begroot": pb.begroot.get(p.jaar),
                }
                for p in projectie
            ],
            "vergelijking": _vergelijking(pb.basis, opgeslagen),
            "grafiek": jaren_grafiek(
                _lijnrijen(pb, projectie), _titel(regio, gemeente), "miljoen euro"
            ),
            "effectgrafiek": gestapelde_staaf_grafiek(
                [
                    {
                        "jaar": p.jaar,
                        "reeks": EFFECT_NAMEN[e],
                        "waarde": _miljoen(p.effecten[e]),
                        "volgorde": i,
                    }
                    for p in projectie
                    for i, e in enumerate(Effect)
                ],
                "De zes effecten per jaar (ten opzichte van de trend)",
                "miljoen euro",
            ),
        }
    )
    return render(request, "scenario/kostenprojectie.html", context)


def _titel(regio: Regio, gemeente: Gemeente | None) -> str:
    return f"Kosten jeugdhulp {gemeente.naam if gemeente else regio.naam}"


def _invoer(jaren: Mapping[int, Jaaraanname]) -> list[dict[str, Any]]:
    """The form's rows: one per field, a cell per year."""
    rijen = []
    for veld in VELDEN:
        cellen = []
        for jaar, a in sorted(jaren.items()):
            if veld == "index":
                w = a.index
            elif veld == "volume":
                w = a.volume
            else:
                w = a.effect(Effect(veld))
            cellen.append({"naam": f"a-{jaar}-{veld}", "waarde": w, "jaar": jaar})
        rijen.append({"veld": veld, "naam": VELD_NAMEN[veld], "cellen": cellen})
    return rijen


def _lijnrijen(pb: Projectiebasis, projectie: list[Projectiejaar]) -> list[dict[str, Any]]:
    assert pb.basis is not None  # noqa: S101 - only called with a base
    b = pb.basis
    rijen: list[dict[str, Any]] = [
        {"jaar": j, "reeks": "Gerealiseerd (jaarrekening)", "waarde": _miljoen(w)}
        for j, w in sorted(pb.gerealiseerd.items())
    ]
    rijen += [
        {"jaar": j, "reeks": "Begroot (gemeentebegrotingen)", "waarde": _miljoen(w)}
        for j, w in sorted(pb.begroot.items())
    ]
    rijen += [{"jaar": b.jaar, "reeks": "Trend zonder effecten", "waarde": _miljoen(b.totaal)}]
    rijen += [
        {"jaar": p.jaar, "reeks": "Trend zonder effecten", "waarde": _miljoen(p.trend)}
        for p in projectie
    ]
    rijen += [
        {"jaar": b.jaar, "reeks": "Projectie met de zes effecten", "waarde": _miljoen(b.totaal)}
    ]
    rijen += [
        {"jaar": p.jaar, "reeks": "Projectie met de zes effecten", "waarde": _miljoen(p.totaal)}
        for p in projectie
    ]
    return rijen


def _vergelijking(basis: Basis, opgeslagen: list[Kostenscenario]) -> dict[str, Any]:
    """Every saved scenario's assumptions on the same base: the totals per year."""
    jaren: set[int] = set()
    rijen: list[dict[str, Any]] = []
    for s in opgeslagen:
        try:
            a = aannames_lezen(s.aannames, s.naam)
            p = projecteer(basis, {j: x for j, x in a.items() if j > basis.jaar})
        except ProjectieFout:
            continue
        jaren |= {x.jaar for x in p}
        rijen.append({"naam": s.naam, "voor": s.gemeente, "totalen": {x.jaar: x.totaal for x in p}})
    volgorde = sorted(jaren)
    for r in rijen:
        r["cellen"] = [r["totalen"].get(j) for j in volgorde]
    return {"jaren": volgorde, "rijen": rijen}


def _projectie_export(
    regio: Regio,
    gemeente: Gemeente | None,
    pb: Projectiebasis,
    projectie: list[Projectiejaar],
    formaat: str,
) -> HttpResponse:
    kop = [
        "jaar",
        "soort",
        "trend (euro)",
        *[f"{EFFECT_NAMEN[e].lower()} (euro)" for e in Effect],
        "totaal (euro)",
        "begroot (euro)",
    ]
    data: list[list[Any]] = [
        [j, "gerealiseerd", None, *[None for _ in Effect], euro(w), euro(pb.begroot.get(j))]
        for j, w in sorted(pb.gerealiseerd.items())
    ]
    data += [
        [p.jaar, "projectie", euro(p.trend), *[euro(p.effecten[e]) for e in Effect], euro(p.totaal),
         euro(pb.begroot.get(p.jaar))]
        for p in projectie
    ]  # fmt: skip
    wie = gemeente.code if gemeente else regio.code
    if formaat == "xlsx":
        uitleg = [
            f"Kostenprojectie jeugdhulp {gemeente.naam if gemeente else regio.naam}",
            "Basis: de lasten jeugd uit de gemeenterekeningen (CBS Iv3) per zorgvorm; "
            "de zes effecten in vaste volgorde, zodat trend plus effecten het totaal is.",
            "Bedragen in euro; een effect onder nul is een besparing.",
        ]
        data_xlsx = xlsx_bytes(kop, data, "Kostenprojectie", uitleg)
        antwoord = HttpResponse(
            data_xlsx,
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        antwoord["Content-Disposition"] = f'attachment; filename="kostenprojectie-{wie}.xlsx"'
        return antwoord
    antwoord = HttpResponse(csv_tekst(kop, data), content_type="text/csv; charset=utf-8")
    antwoord["Content-Disposition"] = f'attachment; filename="kostenprojectie-{wie}.csv"'
    return antwoord
