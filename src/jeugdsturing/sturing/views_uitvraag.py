# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The uitvraag on the page: the team makes it and follows who delivered (late,
incomplete, missing); a provider fills in its own delivery, on the form or as the Excel
template, with its documents (docs/sturing.md)."""

from __future__ import annotations

from datetime import date

from django import forms
from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header

from jeugdsturing.core.access import Actie, Sectie, mag, requires, scope_van
from jeugdsturing.regio.selectors import regio_voor
from jeugdsturing.sturing import services
from jeugdsturing.sturing.models import (
    Indicatorwaarde,
    Levering,
    Leveringsbijlage,
    Uitvraag,
    UitvraagStatus,
)
from jeugdsturing.sturing.uitvraagbestand import (
    KERNCIJFERS,
    UITKOMSTEN,
    Gegevens,
    Ongeldig,
    Uitkomst,
    Wachtende,
    sjabloon,
    uit_formulier,
)

S = Sectie.STURING


class UitvraagForm(forms.Form):
    moment = forms.DateField(label="Stuurmoment (een dag in de maand van het gesprek)")
    periode_van = forms.DateField(label="Periode van")
    periode_tot = forms.DateField(label="Periode tot en met")
    deadline = forms.DateField(label="Aanleveren uiterlijk")


def _door(request: HttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) else None


def _levering(request: HttpRequest, pk: int) -> Levering:
    """A delivery of the user's region: the team sees every one, a provider its own."""
    regio = regio_voor(request.user)
    lev = get_object_or_404(
        Levering.objects.select_related("uitvraag__regio", "aanbieder"), pk=pk,
        uitvraag__regio=regio,
    )  # fmt: skip
    scope = scope_van(request.user)
    if scope.aanbieder_id is not None and lev.aanbieder_id != scope.aanbieder_id:
        raise PermissionDenied("U ziet alleen de levering van uw eigen organisatie.")
    if scope.aanbieder_id is None and not mag(request.user, S, Actie.WIJZIGEN):
        raise PermissionDenied("De leveringen van aanbieders zijn voor het regioteam.")
    return lev


@requires(S, post=Actie.WIJZIGEN)
def uitvragen(request: HttpRequest) -> HttpResponse:
    regio = regio_voor(request.user)
    if regio is None:
        raise PermissionDenied("Er is geen regio ingericht.")
    scope = scope_van(request.user)
    form = UitvraagForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            u = services.uitvraag_maak(regio=regio, door=_door(request), **form.cleaned_data)
            messages.success(
                request, f"{u.naam} aangemaakt (concept) voor {u.leveringen.count()} aanbieders."
            )
            return redirect("sturing:uitvraag", pk=u.pk)
        except ValidationError as e:
            form.add_error(None, e)
    lijst = Uitvraag.objects.filter(regio=regio)
    eigen = []
    if scope.aanbieder_id is not None:
        lijst = lijst.exclude(status=UitvraagStatus.CONCEPT)
        eigen = list(
            Levering.objects.filter(uitvraag__in=lijst, aanbieder_id=scope.aanbieder_id)
            .select_related("uitvraag")
            .order_by("-uitvraag__moment")
        )
    return render(
        request,
        "sturing/uitvragen.html",
        {
            "regio": regio, "uitvragen": lijst, "eigen": eigen, "form": form,
            "team": mag(request.user, S, Actie.WIJZIGEN), "vandaag": date.today(),  # noqa: DTZ011
        },
    )  # fmt: skip


@requires(S, Actie.WIJZIGEN)
def uitvraag(request: HttpRequest, pk: int) -> HttpResponse:
    """The team's view of one uitvraag: every provider's delivery, late or missing."""
    u = get_object_or_404(Uitvraag, pk=pk, regio=regio_voor(request.user))
    if request.method == "POST":
        try:
            if request.POST.get("actie") == "uitzetten":
                services.uitvraag_zet_uit(uitvraag=u, door=_door(request))
                messages.success(request, "De uitvraag is uitgezet bij de aanbieders.")
            elif request.POST.get("actie") == "sluiten":
                services.uitvraag_sluit(uitvraag=u, door=_door(request))
                messages.success(request, "De uitvraag is gesloten.")
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        return redirect("sturing:uitvraag", pk=u.pk)
    leveringen = u.leveringen.select_related("aanbieder").order_by("aanbieder__naam")
    vandaag = date.today()  # noqa: DTZ011
    return render(
        request,
        "sturing/uitvraag.html",
        {
            "u": u, "leveringen": leveringen, "vandaag": vandaag,
            "open": sum(1 for x in leveringen if x.status == "open"),
            "te_laat": sum(
                1 for x in leveringen
                if x.te_laat or (x.status == "open" and vandaag > u.deadline)
            ),
            "onvolledig": sum(1 for x in leveringen if x.status == "ingediend" and not x.compleet),
            "wijzigingen": u.statuswijzigingen.select_related("door", "content_type"),
        },
    )  # fmt: skip


def _eerder(lev: Levering) -> Gegevens | None:
    if lev.status == "open":
        return None
    return Gegevens(
        kern={k: getattr(lev, k) for k, _, _ in KERNCIJFERS},
        uitkomsten=tuple(
            Uitkomst(
                x.gemeente.code, x.clienten, x.uitval_pct, x.tevredenheid_pct, x.doelrealisatie_pct
            )
            for x in lev.uitkomsten.select_related("gemeente")
        ),
        wachtlijst=tuple(
            Wachtende(w.thema.code, w.gebied.code if w.gebied else "", w.wachtenden)
            for w in lev.wachtlijst.select_related("thema", "gebied")
        ),
        indicatoren={
            w.indicator.code: w.waarde
            for w in Indicatorwaarde.objects.filter(
                aanbieder=lev.aanbieder, jaar=lev.uitvraag.periode_tot.year
            ).select_related("indicator")
        },
        toelichting=lev.toelichting,
    )


def _per_thema(eerder: Gegevens | None) -> dict[str, dict[str, int]]:
    """The waiting list as the form shows it: theme -> gebied code (or 'regio') -> count."""
    uit: dict[str, dict[str, int]] = {}
    for w in eerder.wachtlijst if eerder else ():
        uit.setdefault(w.thema, {})[w.gebied or "regio"] = w.wachtenden
    return uit


@requires(S, post=Actie.AANLEVEREN)
def levering(request: HttpRequest, pk: int) -> HttpResponse:
    """One delivery: the provider fills in the form or uploads the Excel template and
    its documents; the team reads it."""
    lev = _levering(request, pk)
    ctx = services.levering_context(lev)
    fouten: list[str] = []
    if request.GET.get("sjabloon"):
        data = sjabloon(aanbieder=lev.aanbieder.naam, agb_code=lev.aanbieder.agb_code,
                        naam=lev.uitvraag.naam, ctx=ctx, eerder=_eerder(lev))  # fmt: skip
        antwoord = HttpResponse(
            data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        naam = f"uitvraag-{lev.uitvraag.moment:%Y-%m}-{lev.aanbieder.agb_code}.xlsx"
        antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
        return antwoord
    if request.method == "POST":
        if scope_van(request.user).aanbieder_id != lev.aanbieder_id:
            raise PermissionDenied("Alleen de aanbieder zelf levert aan.")
        try:
            if request.POST.get("actie") == "bestand":
                bestand = request.FILES.get("bestand")
                if bestand is None:
                    raise ValidationError("Kies het ingevulde Excel-bestand.")
                services.levering_lees_in(levering=lev, data=bestand.read(),
                                          bestandsnaam=bestand.name or "uitvraag.xlsx",
                                          door=_door(request))  # fmt: skip
            elif request.POST.get("actie") == "bijlage":
                for f in request.FILES.getlist("bijlagen"):
                    services.leveringsbijlage_voeg_toe(levering=lev, naam=f.name or "bijlage",
                                                       inhoud=f.read())  # fmt: skip
            else:
                services.levering_dien_in(
                    levering=lev, gegevens=uit_formulier(request.POST, ctx), door=_door(request)
                )
            lev.refresh_from_db()
            messages.success(
                request,
                "Uw levering is ontvangen." + ("" if lev.compleet else
                " Nog niet compleet: " + ", ".join(lev.ontbreekt) + "."),
            )  # fmt: skip
            return redirect("sturing:levering", pk=lev.pk)
        except Ongeldig as e:
            fouten = [str(f) for f in e.fouten]
        except ValidationError as e:
            fouten = list(e.messages)
    eerder = _eerder(lev)
    return render(
        request,
        "sturing/levering.html",
        {
            "lev": lev, "ctx": ctx, "fouten": fouten, "post": request.POST if fouten else None,
            "kern": [
                (k, label, eerder.kern.get(k) if eerder else None) for k, label, _ in KERNCIJFERS
            ],
            "uitkomstvelden": UITKOMSTEN,
            "uitkomsten": {u.gemeente: u for u in (eerder.uitkomsten if eerder else ())},
            "wachtlijst": _per_thema(eerder),
            "indicatoren": (eerder.indicatoren if eerder else {}),
            "eigen": scope_van(request.user).aanbieder_id == lev.aanbieder_id,
            "open": lev.uitvraag.status == UitvraagStatus.UITGEZET,
            "bijlagen": lev.bijlagen.defer("inhoud"),
        },
    )  # fmt: skip


@requires(S)
def bijlage(request: HttpRequest, pk: int) -> HttpResponse:
    stuk = get_object_or_404(Leveringsbijlage, pk=pk)
    _levering(request, stuk.levering_id)  # the same rule as the delivery itself
    antwoord = HttpResponse(bytes(stuk.inhoud), content_type=stuk.content_type)
    antwoord["Content-Disposition"] = content_disposition_header(True, stuk.naam) or "attachment"
    antwoord["X-Content-Type-Options"] = "nosniff"
    return antwoord
