# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The intake point and the referral advice on the page (docs/escalatie.md): the
toegang registers a child and assigns it in priority order, with the advice beside it;
a provider accepts or refuses (with its reason) what is assigned to it."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.core.access import Actie, Sectie, mag, requires, scope_van
from jeugdsturing.core.models import Statuswijziging
from jeugdsturing.escalatie import services
from jeugdsturing.escalatie.advies import getoond, groei_naar_prestatie, halfjaren
from jeugdsturing.escalatie.bijwerken import laatste_bericht
from jeugdsturing.escalatie.models import (
    AANMELDING_OPEN,
    AanmeldingStatus,
    Urgentie,
)
from jeugdsturing.escalatie.selectors import aanmeldingen_voor, een
from jeugdsturing.escalatie.services.toegang import wachtlijst
from jeugdsturing.escalatie.verwijzing import (
    aanmelding_tot_start,
    advies_gevolgd,
    toewijzingen,
)
from jeugdsturing.escalatie.verwijzing import advies as maak_advies
from jeugdsturing.escalatie.views import _door, _fout, _regio
from jeugdsturing.monitor.service import regio_monitor
from jeugdsturing.weergave.grafieken import trend_grafiek

T = Sectie.TOEGANG


def _keuze(qs: Any, waarde: str | None, naam: str) -> Any:
    if not waarde:
        return None
    obj = qs.filter(code=waarde).first()
    if obj is None:
        raise ValidationError(f"{naam}: '{waarde}' is onbekend.")
    return obj


@requires(T, Actie.BEKIJKEN, post=Actie.WIJZIGEN)
def toegang(request: HttpRequest) -> HttpResponse:
    regio = _regio(request)
    scope = scope_van(request.user)
    themas, gebieden = regio.themas.order_by("volgorde"), regio.gebieden.order_by("volgorde")
    if request.method == "POST":
        p = request.POST
        try:
            ontvangen = None
            if p.get("ontvangen_op"):
                try:
                    ontvangen = timezone.make_aware(datetime.fromisoformat(p["ontvangen_op"]))
                except ValueError:
                    raise ValidationError(
                        f"Aangemeld op: '{p['ontvangen_op']}' is geen datum en tijd."
                    ) from None
            a = services.aanmelding_maak(
                regio=regio, gebied=_keuze(gebieden, p.get("gebied"), "Gebied"),
                thema=_keuze(themas, p.get("thema"), "Thema"), bsn=p.get("bsn", ""),
                urgentie=p.get("urgentie", ""), expertise=p.get("expertise", ""),
                ontvangen_op=ontvangen, door=_door(request),
            )  # fmt: skip
            messages.success(request, f"Aanmelding {a.pk} geregistreerd.")
            return redirect("toegang:aanmelding", pk=a.pk)
        except (ValidationError, AttributeError) as e:
            if isinstance(e, AttributeError):
                e = ValidationError("Kies een gebied en een thema.")
            _fout(request, e)
        return redirect("toegang:overzicht")
    alle = aanmeldingen_voor(scope)
    status = request.GET.get("status", "open")
    lijst = alle.filter(status__in=AANMELDING_OPEN) if status == "open" else alle
    # Waiting up to today, or up to the latest data when that is later (the demo's 2027).
    monitor = regio_monitor(regio, scope)
    stand = laatste_bericht(monitor)
    nu = timezone.now()
    if stand is not None:
        nu = max(nu, timezone.make_aware(datetime.combine(stand, time(23, 59))))
    wachtrijen = []
    for r in (
        alle.filter(status=AanmeldingStatus.WACHTEND)
        .values("thema__naam", "gebied__naam")
        .annotate(n=Count("pk"))
        .order_by("thema__naam", "gebied__naam")
    ):
        oudste = alle.filter(
            status=AanmeldingStatus.WACHTEND, thema__naam=r["thema__naam"],
            gebied__naam=r["gebied__naam"],
        ).order_by("ontvangen_op").first()  # fmt: skip
        r["wachtdagen"] = (nu - oudste.ontvangen_op).days if oudste else 0
        wachtrijen.append(r)
    weigeringen: list[dict[str, Any]] = []
    if scope.aanbieder is None:
        namen = dict(Aanbieder.objects.values_list("agb_code", "naam"))
        weigeringen = sorted(
            ({"naam": namen.get(a, a), "toegewezen": n, "geweigerd": w}
             for a, (n, w) in toewijzingen(regio).items()),
            key=lambda r: (-r["geweigerd"], r["naam"]),
        )  # fmt: skip
    groei = ""
    if scope.aanbieder is None:
        peil = stand
        van = monitor.verrijkt["begindatum"].min()
        if peil is not None and isinstance(van, date):
            rijen = groei_naar_prestatie(
                monitor.verrijkt,
                monitor.data.verlengingen,
                halfjaren(van, peil)[1:],
                monitor.normen,
            )
            if rijen:
                groei = trend_grafiek(
                    [
                        {"maand": r["periode"], "reeks": r["reeks"], "waarde": r["waarde"]}
                        for r in rijen
                    ],
                    "Aandeel in de nieuwe trajecten per derde van de aanbieders (naar prestatie)",
                    "% van de instroom",
                )
    return render(request, "escalatie/toegang.html", {
        "regio": regio, "pagina": Paginator(lijst, 25).get_page(request.GET.get("pagina")),
        "status": status, "wachtrijen": wachtrijen, "themas": themas, "gebieden": gebieden,
        "urgenties": Urgentie.choices, "weigeringen": weigeringen, "groei": groei,
        "registreren": mag(request.user, T, Actie.WIJZIGEN),
        "starttijden": [] if scope.aanbieder else aanmelding_tot_start(regio, scope.exact),
        "gevolgd": advies_gevolgd(regio) if scope.aanbieder is None else None,
        "aanbieder": scope.aanbieder is not None,
    })  # fmt: skip


@requires(T, Actie.BEKIJKEN, post=Actie.BEKIJKEN)
def aanmelding(request: HttpRequest, pk: int) -> HttpResponse:
    scope = scope_van(request.user)
    a = een(aanmeldingen_voor(scope), pk, "aanmelding")
    eigen = scope.aanbieder is not None and a.aanbieder_id == scope.aanbieder_id
    if request.method == "POST":
        p, door, actie = request.POST, _door(request), request.POST.get("actie")
        try:
            if actie in ("accepteren", "weigeren"):
                if not (eigen and mag(request.user, T, Actie.AANLEVEREN)):
                    raise PermissionDenied(
                        "Alleen de aanbieder aan wie de aanmelding is toegewezen, antwoordt."
                    )
                if actie == "accepteren":
                    services.aanmelding_accepteer(aanmelding=a, door=door)
                    messages.success(request, "Aanmelding geaccepteerd.")
                else:
                    services.aanmelding_weiger(aanmelding=a, reden=p.get("reden", ""), door=door)
                    messages.success(
                        request, "Weigering vastgelegd; de aanmelding staat weer op de wachtlijst."
                    )
            elif actie in ("toewijzen", "intrekken"):
                if not mag(request.user, T, Actie.WIJZIGEN):
                    raise PermissionDenied("Toewijzen doet de toegang.")
                if actie == "intrekken":
                    services.aanmelding_trek_in(aanmelding=a, reden=p.get("reden", ""), door=door)
                    messages.success(request, "Aanmelding ingetrokken.")
                else:
                    aanbieder = Aanbieder.objects.filter(agb_code=p.get("aanbieder", "")).first()
                    if aanbieder is None:
                        raise ValidationError("Kies een aanbieder.")
                    # Which place of the advice the toegang chose (is the advice followed?).
                    rijen = maak_advies(a.regio, a.thema, a.gebied).rijen
                    plaatsen = {pr.aanbieder: i for i, (pr, _, _) in enumerate(rijen, 1)}
                    rang = plaatsen.get(aanbieder.agb_code)
                    services.aanmelding_wijs_toe(
                        aanmelding=a, aanbieder=aanbieder, door=door, advies_rang=rang
                    )
                    messages.success(request, f"Toegewezen aan {aanbieder.naam}.")
            else:
                raise ValidationError("Onbekende actie.")
        except ValidationError as e:
            _fout(request, e)
        return redirect("toegang:aanmelding", pk=a.pk)
    context: dict[str, Any] = {
        "a": a,
        "eigen": eigen,
        "pogingen": a.pogingen.select_related("aanbieder"),
    }
    context["geschiedenis"] = Statuswijziging.objects.filter(
        content_type__model="aanmelding", object_id=a.pk
    ).order_by("op", "pk")
    context["toewijzen"] = (
        mag(request.user, T, Actie.WIJZIGEN) and a.status == AanmeldingStatus.WACHTEND
    )
    context["antwoorden"] = eigen and a.status == AanmeldingStatus.TOEGEWEZEN
    context["open"] = a.status in AANMELDING_OPEN
    context["wachttijd"] = (
        ((a.gestart_op - timezone.localtime(a.ontvangen_op).date()).days) if a.gestart_op else None
    )
    if context["toewijzen"]:
        try:
            context["advies"] = maak_advies(a.regio, a.thema, a.gebied)
            rij = wachtlijst(a.regio, a.thema, a.gebied)
        except ValidationError as e:  # no referral policy yet
            _fout(request, e)
            context["toewijzen"] = False
        else:
            context["plek"] = next((i for i, x in enumerate(rij, 1) if x.pk == a.pk), None)
            context["wachtenden"] = len(rij)
    return render(request, "escalatie/aanmelding.html", context)


@requires(T, Actie.BEKIJKEN)
def advies(request: HttpRequest) -> HttpResponse:
    regio = _regio(request)
    scope = scope_van(request.user)
    if scope.aanbieder is not None:
        raise PermissionDenied("Het verwijsadvies is voor de toegang en het regioteam.")
    themas, gebieden = regio.themas.order_by("volgorde"), regio.gebieden.order_by("volgorde")
    try:
        thema = _keuze(themas, request.GET.get("thema"), "Thema") or themas.first()
        gebied = _keuze(gebieden, request.GET.get("gebied"), "Gebied")
    except ValidationError as e:
        _fout(request, e)
        return redirect("toegang:advies")
    try:
        resultaat = maak_advies(regio, thema, gebied) if thema else None
    except ValidationError as e:
        _fout(request, e)
        resultaat = None
    exact = scope.exact
    rijen = []
    for rang, (p, s, delen) in enumerate(resultaat.rijen if resultaat else [], start=1):
        rijen.append({
            "rang": rang, "naam": resultaat.namen.get(p.aanbieder, p.aanbieder),  # type: ignore[union-attr]
            "score": s, "delen": delen, "p": p,
            "uitstroom": _pct(p.uitstroom, exact), "herhaald": _pct(p.herhaald, exact),
            "wachttijd": p.wachttijd if exact or p.n_wacht >= 10 else None,
            "in_zorg": p.in_zorg if exact or p.in_zorg == 0 or p.in_zorg >= 5 else "<5",
        })  # fmt: skip
    return render(request, "escalatie/advies.html", {
        "regio": regio, "themas": themas, "gebieden": gebieden, "thema": thema, "gebied": gebied,
        "advies": resultaat, "rijen": rijen,
    })  # fmt: skip


def _pct(paar: tuple[float, float] | None, exact: bool) -> float | str | None:
    if paar is None or not paar[1]:
        return None
    if not exact and not getoond(*paar):
        return "afgeschermd"
    return round(100 * paar[0] / paar[1], 1)
