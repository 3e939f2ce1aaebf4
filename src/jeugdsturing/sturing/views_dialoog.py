# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The dialogue record on the page: the team records a meeting on a sent pack with its
minutes per element and the agreements; a provider reads the record of its own
dialogue (docs/sturing.md)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from jeugdsturing.core.access import Actie, Sectie, requires
from jeugdsturing.sturing import services
from jeugdsturing.sturing.models import (
    AFSPRAAK_LOPEND,
    ELEMENTEN,
    AfspraakStatus,
    Overleg,
    OverlegStatus,
    Pakket,
)
from jeugdsturing.sturing.selectors import pakket_zicht, zichtbare_versies
from jeugdsturing.sturing.views_uitvraag import _door

S = Sectie.STURING
DELEN = [("algemeen", "Algemeen"), *ELEMENTEN.items()]


class Formulier(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class OverlegForm(Formulier):
    datum = forms.DateField(label="Datum van het overleg")
    aanwezigen = forms.CharField(label="Aanwezigen", widget=forms.Textarea(attrs={"rows": 2}))


class AfspraakForm(Formulier):
    element = forms.ChoiceField(label="Stuurelement", choices=list(ELEMENTEN.items()))
    omschrijving = forms.CharField(label="Afspraak", widget=forms.Textarea(attrs={"rows": 2}))
    eigenaar = forms.CharField(label="Eigenaar", max_length=200)
    deadline = forms.DateField(label="Uiterlijk")


def _verslag(request: HttpRequest) -> dict[str, str]:
    return {k: request.POST.get(f"verslag-{k}", "") for k, _ in DELEN}


@requires(S, Actie.WIJZIGEN)
def overleg_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    pakket = get_object_or_404(Pakket, pk=pk)
    zicht, reden = pakket_zicht(request.user, pakket)
    if zicht != "team":
        raise PermissionDenied(reden or "Overleggen legt het regioteam vast.")
    verzonden = zichtbare_versies(pakket, "gedeeld")
    form = OverlegForm(request.POST or None, initial={"datum": date.today()})  # noqa: DTZ011
    if request.method == "POST" and form.is_valid():
        if not verzonden:
            form.add_error(None, "Verzend eerst een versie van het pakket.")
        else:
            try:
                o = services.overleg_leg_vast(
                    versie=verzonden[0],
                    verslag=_verslag(request),
                    door=_door(request),
                    **form.cleaned_data,
                )
                messages.success(request, "Het overleg is vastgelegd; voeg de afspraken toe.")
                return redirect("sturing:overleg", pk=o.pk)
            except ValidationError as e:
                form.add_error(None, e)
    return render(
        request,
        "sturing/overleg.html",
        {
            "pakket": pakket,
            "form": form,
            "delen": DELEN,
            "nieuw": True,
            "versie": verzonden[0] if verzonden else None,
            "verslag": _verslag(request),
        },
    )


@requires(S, post=Actie.WIJZIGEN)
def overleg(request: HttpRequest, pk: int) -> HttpResponse:
    o = get_object_or_404(Overleg.objects.select_related("pakket", "versie"), pk=pk)
    zicht, reden = pakket_zicht(request.user, o.pakket)
    if zicht is None:
        raise PermissionDenied(reden)
    afspraak_form = AfspraakForm(prefix="afspraak")
    if request.method == "POST":
        actie = request.POST.get("actie")
        try:
            if actie == "verslag":
                services.overleg_werk_bij(
                    overleg=o,
                    aanwezigen=request.POST.get("aanwezigen", ""),
                    verslag=_verslag(request),
                    door=_door(request),
                )
                messages.success(request, "Het verslag is bijgewerkt.")
            elif actie == "afspraak":
                afspraak_form = AfspraakForm(request.POST, prefix="afspraak")
                if afspraak_form.is_valid():
                    services.afspraak_maak(
                        overleg=o, door=_door(request), **afspraak_form.cleaned_data
                    )
                    messages.success(request, "De afspraak is toegevoegd.")
                    return redirect("sturing:overleg", pk=o.pk)
                raise ValidationError("Vul de afspraak volledig in.")
            elif actie == "stand":
                nummer = request.POST.get("afspraak", "")
                if not nummer.isdigit():
                    raise ValidationError(f"Onbekende afspraak '{nummer}'.")
                a = get_object_or_404(o.afspraken, pk=int(nummer))
                services.afspraak_wijzig(
                    afspraak=a,
                    naar=request.POST.get("naar", ""),
                    reden=request.POST.get("reden", ""),
                    door=_door(request),
                )
                messages.success(
                    request, f"De stand van de afspraak is nu '{a.get_status_display()}'."
                )
            elif actie == "vaststellen":
                services.overleg_stel_vast(overleg=o, door=_door(request))
                messages.success(request, "Het verslag is vastgesteld.")
            else:
                raise ValidationError("Onbekende actie.")
            return redirect("sturing:overleg", pk=o.pk)
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
    afspraken = list(o.afspraken.prefetch_related("statuswijzigingen"))
    return render(
        request,
        "sturing/overleg.html",
        {
            "overleg": o,
            "pakket": o.pakket,
            "versie": o.versie,
            "delen": DELEN,
            "verslag": o.verslag,
            "afspraken": afspraken,
            "afspraak_form": afspraak_form,
            "team": zicht == "team",
            "open": o.status == OverlegStatus.GEHOUDEN,
            "standen": [
                (s.value, s.label) for s in AfspraakStatus if s not in (AfspraakStatus.OPEN,)
            ],
            "lopend": [s.value for s in AFSPRAAK_LOPEND],
        },
    )
