# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Signals with their funnel plots, and the escalation case step by step
(docs/escalatie.md). The team works the cases; contract management approves the plan
and gives the judgement; a provider writes its plan and the evidence of its actions;
the toegang adds case notes."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date

from jeugdsturing.core.access import Actie, Sectie, ingelogd, mag, requires, scope_van
from jeugdsturing.core.models import Statuswijziging
from jeugdsturing.escalatie import services
from jeugdsturing.escalatie.bijwerken import laatste_bericht, regio_bijwerken
from jeugdsturing.escalatie.grafieken import trechters, verloop
from jeugdsturing.escalatie.models import (
    SIGNAAL_LOPEND,
    ActieStatus,
    Oordeel,
    PlanStatus,
    Signaalregel,
    SignaalStatus,
    TrajectStatus,
    Verbetertraject,
)
from jeugdsturing.escalatie.selectors import een, signalen_voor, trajecten_voor
from jeugdsturing.escalatie.services.signalen import regels_van
from jeugdsturing.monitor.service import regio_monitor
from jeugdsturing.monitor.vergelijking import MAATSTAVEN
from jeugdsturing.regio.models import Regio
from jeugdsturing.weergave.invoer import Invoerfout, lees_datum, lees_getal, nummer

S = Sectie.ESCALATIE


def _door(request: HttpRequest) -> User | None:
    return ingelogd(request.user)


def _regio(request: HttpRequest) -> Regio:
    scope = scope_van(request.user)
    regio = Regio.objects.filter(pk=scope.regio_id).first() if scope.regio_id else None
    regio = regio or Regio.objects.filter(signaalregels__isnull=False).distinct().first()
    regio = regio or Regio.objects.order_by("code").first()
    if regio is None:
        raise PermissionDenied("Er is nog geen regio ingericht.")
    return regio


def _fout(request: HttpRequest, e: ValidationError) -> None:
    messages.error(request, " ".join(e.messages))


@requires(S, Actie.BEKIJKEN, post=Actie.WIJZIGEN)
def overzicht(request: HttpRequest) -> HttpResponse:
    regio = _regio(request)
    scope = scope_van(request.user)
    if request.method == "POST":
        actie = request.POST.get("actie")
        try:
            if actie == "inrichten":
                services.standaard_inrichten(regio)
                messages.success(request, "Standaardregels en verwijsbeleid ingericht.")
            elif actie == "evalueren":
                tellers = regio_bijwerken(regio, door=_door(request))
                messages.success(
                    request,
                    "Signaalregels geëvalueerd: "
                    + (
                        ", ".join(f"{v} {k}" for k, v in sorted(tellers.items()))
                        or "geen wijzigingen"
                    )
                    + ".",
                )
            elif actie == "openen":
                gekozen = list(
                    signalen_voor(scope).filter(
                        pk__in=[n for x in request.POST.getlist("signaal") if (n := nummer(x))],
                        status=SignaalStatus.OPEN,
                    )
                )
                if not gekozen:
                    raise ValidationError("Kies een of meer open signalen van één aanbieder.")
                aanbieders = {s.aanbieder for s in gekozen}
                if len(aanbieders) > 1:
                    raise ValidationError("Een verbetertraject gaat over één aanbieder.")
                aanbieder = aanbieders.pop()
                t = services.traject_open(
                    regio=regio, aanbieder=aanbieder, signalen=gekozen,
                    titel=request.POST.get("titel", "").strip()
                    or f"Verbetertraject {aanbieder.naam}",
                    aanleiding=request.POST.get("aanleiding", "").strip()
                    or "; ".join(s.regel.naam for s in gekozen),
                    door=_door(request),
                )  # fmt: skip
                messages.success(request, f"Verbetertraject '{t.titel}' geopend.")
                return redirect("escalatie:traject", pk=t.pk)
        except ValidationError as e:
            _fout(request, e)
        return redirect("escalatie:overzicht")
    monitor = regio_monitor(regio, scope)
    peil = laatste_bericht(monitor)
    signalen = signalen_voor(scope)
    toon = request.GET.get("toon", "lopend")
    if toon == "lopend":
        signalen = signalen.filter(status__in=SIGNAAL_LOPEND)
    pagina = Paginator(signalen, 25).get_page(request.GET.get("pagina"))
    grafieken: list[dict[str, Any]] = []
    if peil is not None:
        regels = [r for r in regels_van(regio) if r.groepering == "aanbieder"]
        grafieken = trechters(regio, monitor, regels, peil, scope)
    return render(request, "escalatie/overzicht.html", {
        "regio": regio, "peil": peil, "pagina": pagina, "toon": toon,
        "trajecten": trajecten_voor(scope).exclude(status=TrajectStatus.OORDEEL),
        "gesloten": trajecten_voor(scope).filter(status=TrajectStatus.OORDEEL)[:20],
        "grafieken": grafieken, "team": mag(request.user, S, Actie.WIJZIGEN),
        "regels": Signaalregel.objects.filter(regio=regio).order_by("code"),
    })  # fmt: skip


@requires(S, Actie.BEKIJKEN, post=Actie.WIJZIGEN)
def signaal(request: HttpRequest, pk: int) -> HttpResponse:
    scope = scope_van(request.user)
    s = een(signalen_voor(scope), pk, "signaal")
    if request.method == "POST":
        try:
            services.signaal_sluit(
                signaal=s, reden=request.POST.get("reden", ""), door=_door(request)
            )
            messages.success(request, "Signaal opgelost.")
        except ValidationError as e:
            _fout(request, e)
        return redirect("escalatie:signaal", pk=s.pk)
    trajecten = Paginator(s.trajecten if scope.exact else [], 50).get_page(
        request.GET.get("pagina")
    )
    return render(request, "escalatie/signaal.html", {
        "s": s, "exact": scope.exact, "trajecten": trajecten,
        "geschiedenis": Statuswijziging.objects.filter(
            content_type__model="signaal", object_id=s.pk
        ).order_by("op", "pk"),
        "team": mag(request.user, S, Actie.WIJZIGEN), "open": s.status == SignaalStatus.OPEN,
    })  # fmt: skip


def _acties(request: HttpRequest) -> list[dict[str, object]]:
    uit: list[dict[str, object]] = []
    for i in range(1, 9):
        velden = {k: request.POST.get(f"actie{i}-{k}", "").strip() for k in ("wie", "wat", "hoe")}
        wanneer_tekst = request.POST.get(f"actie{i}-wanneer", "").strip()
        if not any(velden.values()) and not wanneer_tekst:
            continue
        wanneer = parse_date(wanneer_tekst) if wanneer_tekst else None
        if wanneer_tekst and wanneer is None:
            raise ValidationError(f"Actie {i}: '{wanneer_tekst}' is geen datum (JJJJ-MM-DD).")
        uit.append({**velden, "wanneer": wanneer})
    return uit


def _getal(tekst: str, naam: str) -> float | None:
    if not tekst.strip():
        return None
    try:
        return float(lees_getal(tekst, naam))
    except Invoerfout as e:
        raise ValidationError(str(e)) from None


def _datum(tekst: str, naam: str) -> date | None:
    if not tekst.strip():
        return None
    try:
        return lees_datum(tekst, naam)
    except Invoerfout as e:
        raise ValidationError(str(e)) from None


def _stap(request: HttpRequest, t: Verbetertraject) -> str:
    """Carry out one posted step, after asking the policy for it; the message."""
    p, door, actie = request.POST, _door(request), request.POST.get("actie", "")
    scope = scope_van(request.user)
    aanbieder = scope.aanbieder is not None
    if actie in ("plan", "actie") and not (aanbieder or mag(request.user, S, Actie.WIJZIGEN)):
        raise PermissionDenied(
            "Het verbeterplan schrijft de aanbieder (of het regioteam namens hem)."
        )
    if actie in ("plan", "actie") and aanbieder and not mag(request.user, S, Actie.AANLEVEREN):
        raise PermissionDenied("Uw rol mag geen verbeterplan aanleveren.")
    if actie == "notitie":
        if not mag(request.user, S, Actie.AANLEVEREN) or aanbieder:
            raise PermissionDenied("Casusnotities schrijft de toegang.")
        tekst = p.get("zorgtraject", "").strip()
        if not nummer(tekst):
            raise ValidationError(f"Trajectnummer: '{tekst[:20]}' is geen nummer.")
        services.casusnotitie_maak(traject=t, zorgtraject=nummer(tekst), tekst=p.get("tekst", ""),
                                   door=door)  # fmt: skip
        return "Notitie toegevoegd."
    if actie == "plan":
        bestand = request.FILES.get("document")
        services.plan_dien_in(
            traject=t, tekst=p.get("tekst", ""), acties=_acties(request),
            streefwaarde=_getal(p.get("streefwaarde", ""), "Streefwaarde"),
            streefdatum=_datum(p.get("streefdatum", ""), "Streefdatum"), door=door,
        )  # fmt: skip
        if bestand is not None:
            services.document_voeg_toe(
                traject=t, naam=bestand.name or "plan", inhoud=bestand.read(),
                soort="verbeterplan", door=door,
            )  # fmt: skip
        return "Verbeterplan ingediend."
    if actie == "actie":
        a = t.acties.filter(pk=nummer(p.get("id"))).first()
        if a is None:
            raise ValidationError("Onbekende actie.")
        services.actie_wijzig(
            actie=a, naar=p.get("naar", ""), bewijs=p.get("bewijs", ""), door=door
        )
        return "Stand van de actie bijgewerkt."
    team_acties = {"gesprek", "beoordeling", "monitoring"}
    if actie in team_acties and not mag(request.user, S, Actie.WIJZIGEN):
        raise PermissionDenied("Deze stap zet het regioteam.")
    if actie in ("plan_oordeel", "oordeel") and not mag(request.user, S, Actie.GOEDKEUREN):
        raise PermissionDenied(
            "Het plan goedkeuren en het oordeel geven doet contractmanagement "
            "(contractmanager of regiobeheerder)."
        )
    if actie == "gesprek":
        datum = _datum(p.get("datum", ""), "Datum") or timezone.localdate()
        services.traject_gesprek(traject=t, datum=datum, verslag=p.get("verslag", ""), door=door)
        return "Gesprek vastgelegd."
    if actie == "plan_oordeel":
        services.plan_beoordeel(traject=t, goedkeuren=p.get("besluit") == "goedkeuren",
                                toelichting=p.get("toelichting", ""), door=door)  # fmt: skip
        return "Besluit over het plan vastgelegd."
    if actie == "beoordeling":
        services.traject_beoordeel(traject=t, beoordeling=p.get("beoordeling", ""), door=door)
        return "Beoordeling vastgelegd."
    if actie == "monitoring":
        services.traject_monitoring(traject=t, reden=p.get("reden", ""), door=door)
        return "Het plan wordt opnieuw gemonitord."
    if actie == "oordeel":
        services.traject_oordeel(traject=t, oordeel=p.get("oordeel", ""),
                                 toelichting=p.get("toelichting", ""), door=door)  # fmt: skip
        return "Oordeel vastgelegd; het verbetertraject is afgesloten."
    raise ValidationError("Onbekende stap.")


@requires(S, Actie.BEKIJKEN, post=Actie.BEKIJKEN)
def traject(request: HttpRequest, pk: int) -> HttpResponse:
    scope = scope_van(request.user)
    t = een(trajecten_voor(scope), pk, "verbetertraject")
    if request.method == "POST":
        try:
            messages.success(request, _stap(request, t))
        except ValidationError as e:
            _fout(request, e)
        return redirect(reverse("escalatie:traject", args=[t.pk]))
    grafiek = ""
    if t.maatstaf in MAATSTAVEN:  # a measure of the monitor (not the refusals)
        grafiek = verloop(t, regio_monitor(t.regio, scope_van(request.user)))
    return render(request, "escalatie/traject.html", {
        "t": t, "acties": t.acties.all(), "documenten": t.documenten.all(),
        "notities": t.notities.all() if not scope.aanbieder else [],
        "signalen": t.signalen.all(), "grafiek": grafiek,
        "geschiedenis": Statuswijziging.objects.filter(
            content_type__model="verbetertraject", object_id=t.pk
        ).order_by("op", "pk"),
        "team": mag(request.user, S, Actie.WIJZIGEN),
        "goedkeuren": mag(request.user, S, Actie.GOEDKEUREN),
        "aanbieder": scope.aanbieder is not None and mag(request.user, S, Actie.AANLEVEREN),
        "toegang": scope.aanbieder is None and mag(request.user, S, Actie.AANLEVEREN),
        "oordelen": Oordeel.choices, "actiestanden": ActieStatus.choices,
        "plan_open": t.status in (TrajectStatus.GESPREK, TrajectStatus.VERBETERPLAN)
        and t.plan_status != PlanStatus.INGEDIEND,
        "regels": range(1, 6), "vandaag": timezone.localdate(), "stappen": TrajectStatus.choices,
    })  # fmt: skip


@requires(S, Actie.BEKIJKEN)
def document(request: HttpRequest, pk: int, doc: int) -> HttpResponse:
    t = een(trajecten_voor(scope_van(request.user)), pk, "verbetertraject")
    d = t.documenten.filter(pk=doc).first()
    if d is None:
        raise PermissionDenied("Dit document hoort niet bij dit verbetertraject.")
    antwoord = HttpResponse(bytes(d.inhoud), content_type=d.content_type)
    antwoord["Content-Disposition"] = f'attachment; filename="{d.naam}"'
    return antwoord
