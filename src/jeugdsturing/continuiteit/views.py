# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Zorgcontinuïteit pages (docs/zorgcontinuiteit.md): the transitions, the analysis
with counts, the pseudonymised cases and their plan, bulk rules, the continuity budget
and the monthly follow-up. Every page declares its (section, action); what a user sees
comes from its Scope."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from jeugdsturing.continuiteit import selectors, services
from jeugdsturing.continuiteit.models import (
    Besluit,
    Bulkregel,
    GevalStatus,
    Transitie,
    Volgstand,
)
from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.core.access import Actie, Sectie, ingelogd, mag, requires, scope_van
from jeugdsturing.regio.models import Regio, Thema
from jeugdsturing.regio.selectors import ingerichte_regio
from jeugdsturing.verwerving.models import Aanbesteding
from jeugdsturing.weergave.grafieken import groepsstaaf_grafiek
from jeugdsturing.weergave.invoer import Invoerfout, lees_datum, lees_getal, nummer
from jeugdsturing.weergave.tabel import Kolom, tabel

S = Sectie.ZORGCONTINUITEIT


def _regio(request: HttpRequest) -> Regio:
    return ingerichte_regio(request.user)


def _transitie(request: HttpRequest, pk: int) -> Transitie:
    return get_object_or_404(Transitie, pk=pk, regio=_regio(request))


def _fout(e: Exception) -> str:
    return "; ".join(e.messages) if isinstance(e, ValidationError) else str(e)


@requires(S, post=Actie.WIJZIGEN)
def overzicht(request: HttpRequest) -> HttpResponse:
    regio = _regio(request)
    if request.method == "POST":
        try:
            overgang = lees_datum(request.POST.get("overgangsdatum", ""), "Ingangsdatum")
            peil = lees_datum(request.POST.get("peildatum", ""), "Peildatum")
            norm = int(lees_getal(request.POST.get("norm", "14"), "Norm onderbreking"))
            ref = request.POST.get("aanbesteding", "")
            aanbesteding = (
                get_object_or_404(Aanbesteding, regio=regio, referentie=ref) if ref else None
            )
            t = services.transitie_analyseer(
                regio=regio, naam=request.POST.get("naam", ""), overgangsdatum=overgang,
                peildatum=peil, norm_onderbreking_dagen=norm, aanbesteding=aanbesteding,
                door=ingelogd(request.user),
            )  # fmt: skip
        except (ValidationError, Invoerfout) as e:
            messages.error(request, f"Niet geanalyseerd: {_fout(e)}")
            return redirect("continuiteit:overzicht")
        messages.success(request, f"Analyse gemaakt: {t.gevallen.count()} getroffen trajecten.")
        return redirect("continuiteit:transitie", t.pk)
    laatste = selectors.laatste_bericht(regio)
    vandaag = timezone.localdate()
    return render(request, "continuiteit/overzicht.html", {
        "transities": Transitie.objects.filter(regio=regio),
        "mag_wijzigen": mag(request.user, S, Actie.WIJZIGEN),
        "peil": min(laatste or vandaag, vandaag), "regio": regio,
        "aanbestedingen": selectors.gegunde_aanbestedingen(regio),
    })  # fmt: skip


@requires(S)
def transitie(request: HttpRequest, pk: int) -> HttpResponse:
    t = _transitie(request, pk)
    scope = scope_van(request.user)
    namen = selectors.namen(t.regio)
    qs = selectors.zichtbare_gevallen(t, scope)
    eigen = overgedragen = None
    if scope.aanbieder is not None:  # a provider: its own clients and those coming to it
        gevallen = list(qs)
        eigen = Paginator(
            [g for g in gevallen if g.aanbieder.agb_code == scope.aanbieder], 50
        ).get_page(request.GET.get("pagina_eigen"))
        overgedragen = Paginator(
            [g for g in gevallen if g.partner and g.partner.agb_code == scope.aanbieder], 50
        ).get_page(request.GET.get("pagina_naar"))
    actief = qs.exclude(status=GevalStatus.VERVALLEN)
    return render(request, "continuiteit/transitie.html", {
        "t": t, "tellingen": selectors.tellingen(t, scope, namen), "exact": scope.exact,
        "eigen": eigen, "overgedragen": overgedragen, "namen": namen,
        "zonder_plan": actief.filter(status=GevalStatus.ZONDER_PLAN).count(),
        "aantal": actief.count(), "mag_wijzigen": mag(request.user, S, Actie.WIJZIGEN),
        "mag_exact": mag(request.user, S, Actie.EXACT), "beperkt": scope.beperkt,
    })  # fmt: skip


KOLOMMEN = [
    Kolom("client", "Cliënt (pseudoniem)"), Kolom("gemeente_naam", "Gemeente"),
    Kolom("aanbieder_naam", "Aanbieder"), Kolom("product", "Product"),
    Kolom("reden", "Reden"), Kolom("restduur", "Verwachte resterende duur (maanden)", getal=True),
    Kolom("kosten", "Verwachte kosten", getal=True), Kolom("status", "Plan"),
    Kolom("besluit", "Besluit"), Kolom("volgstand", "Opvolging"),
]  # fmt: skip


@requires(S, Actie.EXACT)
def gevallen(request: HttpRequest, pk: int) -> HttpResponse:
    t = _transitie(request, pk)
    namen = selectors.namen(t.regio)
    alle = selectors.zichtbare_gevallen(t, scope_van(request.user))
    qs = alle
    filters = {k: request.GET.get(k, "") for k in ("gemeente", "aanbieder", "status")}
    if filters["gemeente"]:
        qs = qs.filter(gemeente=filters["gemeente"])
    if filters["aanbieder"]:
        qs = qs.filter(aanbieder__agb_code=filters["aanbieder"])
    if filters["status"]:
        qs = qs.filter(status=filters["status"])
    rijen = [
        {
            "pk": g.pk, "client": g.client[:12],
            "gemeente_naam": namen["gemeente"].get(g.gemeente, g.gemeente),
            "aanbieder_naam": g.aanbieder.naam, "product": g.productcode,
            "reden": g.get_reden_display(), "restduur": round(g.restduur_maanden, 1),
            "kosten": sum(g.maandkosten), "status": g.get_status_display(),
            "besluit": g.get_besluit_display() if g.besluit else "",
            "volgstand": g.get_volgstand_display() if g.volgstand else "",
            "handmatig": g.handmatig, "partner": g.partner.naam if g.partner else "",
            "plan_datum": g.plan_datum,
        }
        for g in qs
    ]  # fmt: skip
    return render(request, "continuiteit/gevallen.html", {
        "t": t, "tabel": tabel(request, rijen, KOLOMMEN, standaard="gemeente_naam"),
        "filters": filters, "gemeenten": sorted(namen["gemeente"].items(), key=lambda kv: kv[1]),
        "aanbieders": sorted(
            set(alle.values_list("aanbieder__agb_code", "aanbieder__naam")), key=lambda kv: kv[1]
        ),
        "statussen": GevalStatus.choices, "aantal": len(rijen),
    })  # fmt: skip


@requires(S, post=Actie.WIJZIGEN)
def geval(request: HttpRequest, pk: int, geval_pk: int) -> HttpResponse:
    t = _transitie(request, pk)
    g = get_object_or_404(selectors.zichtbare_gevallen(t, scope_van(request.user)), pk=geval_pk)
    if request.method == "POST" and request.POST.get("actie") == "intrekken":
        try:
            services.plan_trek_in(geval=g, toelichting=request.POST.get("toelichting", ""),
                                  door=ingelogd(request.user))  # fmt: skip
            messages.success(request, "Het plan is ingetrokken.")
        except ValidationError as e:
            messages.error(request, f"Niet ingetrokken: {_fout(e)}")
        return redirect("continuiteit:geval", t.pk, g.pk)
    if request.method == "POST":
        try:
            besluit = request.POST.get("besluit", "")
            partner_agb = request.POST.get("partner", "")
            partner = (
                Aanbieder.objects.filter(agb_code=partner_agb).first() if partner_agb else None
            )
            services.plan_zet(
                geval=g, besluit=besluit,
                plan_datum=lees_datum(request.POST.get("plan_datum", ""), "Datum"),
                partner=partner if besluit == Besluit.OVERDRAGEN else None,
                toelichting=request.POST.get("toelichting", ""), door=ingelogd(request.user),
            )  # fmt: skip
            messages.success(request, "Het plan is vastgelegd.")
        except (ValidationError, Invoerfout) as e:
            messages.error(request, f"Niet vastgelegd: {_fout(e)}")
        return redirect("continuiteit:geval", t.pk, g.pk)
    namen = selectors.namen(t.regio)
    return render(request, "continuiteit/geval.html", {
        "t": t, "g": g, "besluiten": Besluit.choices,
        "partners": selectors.partners(t),
        "geschiedenis": g.statuswijzigingen.order_by("op", "pk"),
        "mag_wijzigen": mag(request.user, S, Actie.WIJZIGEN),
        "kosten_plan": sum(g.maandkosten),
        "gemeente": namen["gemeente"].get(g.gemeente, g.gemeente),
    })  # fmt: skip


@requires(S, post=Actie.WIJZIGEN)
def regels(request: HttpRequest, pk: int) -> HttpResponse:
    t = _transitie(request, pk)
    if scope_van(request.user).beperkt:
        raise PermissionDenied("De bulkregels van het continuïteitsplan zijn voor het regioteam.")
    if request.method == "POST":
        actie = request.POST.get("actie", "")
        try:
            if actie == "toepassen":
                tel = services.regels_pas_toe(transitie=t, door=ingelogd(request.user))
                messages.success(
                    request,
                    f"Regels toegepast: {tel['gepland']} gevallen gepland, {tel['ongewijzigd']} "
                    f"ongewijzigd, {tel['zonder partner']} zonder partner voor het thema.",
                )
            elif actie == "verwijderen":
                regel = get_object_or_404(
                    Bulkregel, pk=nummer(request.POST.get("regel")), transitie=t
                )
                services.bulkregel_verwijder(regel=regel)
                messages.success(request, f"Regel '{regel.naam}' verwijderd.")
            else:
                p = request.POST
                thema_code, partner_agb = p.get("thema", ""), p.get("partner", "")
                termijn, maanden = p.get("termijn", ""), p.get("maanden", "").strip()
                thema = (
                    get_object_or_404(Thema, regio=t.regio, code=thema_code) if thema_code else None
                )
                partner = Aanbieder.objects.filter(agb_code=partner_agb).first()
                aantal = (
                    int(lees_getal(maanden, "Maanden"))
                    if termijn != "toewijzing" and maanden
                    else None
                )
                services.bulkregel_maak(
                    transitie=t, naam=p.get("naam", ""), besluit=p.get("besluit", ""),
                    toelichting=p.get("toelichting", ""),
                    categorieen=p.get("categorieen", "").split(","), thema=thema,
                    gemeente=p.get("gemeente", ""), partner=partner if partner_agb else None,
                    tot_einde_toewijzing=termijn == "toewijzing", maanden=aantal,
                )  # fmt: skip
                messages.success(request, "Regel toegevoegd.")
        except (ValidationError, Invoerfout) as e:
            messages.error(request, f"Niet gelukt: {_fout(e)}")
        return redirect("continuiteit:regels", t.pk)
    namen = selectors.namen(t.regio)
    return render(request, "continuiteit/regels.html", {
        "t": t, "regels": t.regels.select_related("thema", "partner", "aanbieder"),
        "besluiten": Besluit.choices, "themas": t.regio.themas.order_by("volgorde", "code"),
        "gemeenten": sorted(namen["gemeente"].items(), key=lambda kv: kv[1]),
        "partners": selectors.partners(t), "categorieen": sorted(namen["categorie"].items()),
        "mag_wijzigen": mag(request.user, S, Actie.WIJZIGEN),
    })  # fmt: skip


@requires(S, post=Actie.WIJZIGEN)
def budget(request: HttpRequest, pk: int) -> HttpResponse:
    t = _transitie(request, pk)
    scope = scope_van(request.user)
    if scope.aanbieder is not None:
        raise PermissionDenied(
            "Het continuïteitsbudget is een deel van de begrotingen van de gemeenten; "
            "een aanbieder ziet het niet."
        )
    if request.method == "POST":
        try:
            n = services.budget_reserveer(transitie=t)
            messages.success(request, f"Gereserveerd in de begroting ({n} bedragen gewijzigd).")
        except ValidationError as e:
            messages.error(request, f"Niet gereserveerd: {_fout(e)}")
        return redirect("continuiteit:budget", t.pk)
    gevallen = list(selectors.zichtbare_gevallen(t, scope))
    peil = t.opgevolgd_tot or t.peildatum
    rijen = selectors.budget(t, gevallen, peil, scope.gemeente)
    namen = selectors.namen(t.regio)["gemeente"]
    jaren = sorted({r.jaar for r in rijen})
    totalen = {
        j: {k: sum(getattr(r, k) for r in rijen if r.jaar == j)
            for k in ("gereserveerd", "plan", "gerealiseerd", "prognose")}
        for j in jaren
    }  # fmt: skip
    return render(request, "continuiteit/budget.html", {
        "t": t, "rijen": [(namen.get(r.gemeente, r.gemeente), r) for r in rijen],
        "totalen": totalen, "peil": peil, "mag_wijzigen": mag(request.user, S, Actie.WIJZIGEN),
    })  # fmt: skip


@requires(S, post=Actie.WIJZIGEN)
def verloop(request: HttpRequest, pk: int) -> HttpResponse:
    t = _transitie(request, pk)
    scope = scope_van(request.user)
    if request.method == "POST":
        try:
            if request.POST.get("actie") == "analyse":
                peil = lees_datum(request.POST.get("peildatum", ""), "Peildatum")
                tel = services.transitie_werk_bij(
                    transitie=t, peildatum=peil, door=ingelogd(request.user)
                )
                messages.success(
                    request,
                    f"Analyse bijgewerkt: {tel['nieuw']} nieuw, {tel['vervallen']} vervallen.",
                )
            else:
                peil = selectors.laatste_bericht(t.regio) or t.peildatum
                services.opvolging_werk_bij(transitie=t, peil=peil)
                messages.success(request, "Opvolging bijgewerkt uit de berichten.")
        except (ValidationError, Invoerfout) as e:
            messages.error(request, f"Niet bijgewerkt: {_fout(e)}")
        return redirect("continuiteit:verloop", t.pk)
    gevallen = [
        g for g in selectors.zichtbare_gevallen(t, scope) if g.status != GevalStatus.VERVALLEN
    ]
    maanden = selectors.verloop(gevallen, t)
    # Exact for the team and for a provider (its own cases); a gemeente sees protected
    # counts and no chart of them.
    exact = scope.exact or scope.aanbieder is not None
    grafiek = ""
    if exact:
        grafiek_rijen = [
            {"naam": selectors.maandnaam(m.jaar, m.maand), "reeks": reeks, "waarde": waarde}
            for m in maanden
            for reeks, waarde in (("overdrachten gepland", m.gepland),
                                  ("overgedragen (start bij de partner)", m.overgedragen),
                                  ("onderbreking boven de norm", m.onderbroken),
                                  ("gestopt, start ontbreekt", m.ontbreekt))
        ]  # fmt: skip
        grafiek = groepsstaaf_grafiek(
            grafiek_rijen, "Overdrachten per maand", "aantal trajecten", aantallen=True
        )
    signalen = [g for g in gevallen if g.signaal_sinds]
    stand: dict[str, int] = {}
    for g in gevallen:
        if g.volgstand:
            label = Volgstand(g.volgstand).label
            stand[label] = stand.get(label, 0) + 1
    return render(request, "continuiteit/verloop.html", {
        "t": t, "maanden": selectors.verloop_rijen(maanden, exact), "grafiek": grafiek,
        "signalen": signalen, "exact": exact,
        "aantal_signalen": selectors.publiek_aantal(len(signalen), exact),
        "zonder_plan": selectors.publiek_aantal(
            sum(g.status == GevalStatus.ZONDER_PLAN for g in gevallen), exact
        ),
        "stand": sorted((k, selectors.publiek_aantal(v, exact)) for k, v in stand.items()),
        "mag_wijzigen": mag(request.user, S, Actie.WIJZIGEN),
        "laatste": selectors.laatste_bericht(t.regio),
    })  # fmt: skip
