# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Users: the regiobeheerder manages the users of its own region (the app's roles only,
no staff or superuser flags, lockouts lifted), and every user changes its own password.
The Django admin is for a superuser of the installation only (web.beheer)."""

from __future__ import annotations

from typing import Any

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.forms import PasswordChangeForm
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.core.access import Actie, Sectie, requires
from jeugdsturing.gebruikers.models import ApiSleutel, Profiel
from jeugdsturing.gebruikers.services import (
    Beheerfout,
    api_sleutel_maak,
    api_sleutel_trek_in,
    gebruiker_beheer,
    gebruiker_ontgrendel,
    tweede_factor_herstel,
    wachtwoord_zet,
)
from jeugdsturing.regio.models import Regio
from jeugdsturing.regio.selectors import ingerichte_regio
from jeugdsturing.rollen import Rol
from jeugdsturing.web.tweede_factor import ingesteld
from jeugdsturing.weergave.tabel import Kolom, tabel


def _geblokkeerd() -> set[str]:
    """User names with a lockout in force (django-axes)."""
    return set(
        AccessAttempt.objects.filter(failures_since_start__gte=settings.AXES_FAILURE_LIMIT)
        .values_list("username", flat=True)
    )  # fmt: skip


def _aanbieders(regio: Regio) -> list[Aanbieder]:
    """Providers that have a contract or a bid in the region."""
    return list(
        Aanbieder.objects.filter(
            Q(overeenkomsten__regio=regio) | Q(inschrijvingen__aanbesteding__regio=regio)
        )
        .distinct()
        .order_by("naam")
    )


def _opslaan(request: HttpRequest, regio: Regio, username: str) -> bool:
    p = request.POST
    try:
        rol = Rol(p.get("rol", ""))
    except ValueError:
        messages.error(request, "Niet opgeslagen: kies een rol.")
        return False
    gemeente_code, agb = p.get("gemeente", ""), p.get("aanbieder", "")
    try:
        gebruiker_beheer(
            door=request.user,  # type: ignore[arg-type]
            regio=regio, username=username, rol=rol, naam=p.get("naam", "").strip(),
            gemeente=regio.gemeenten.filter(code=gemeente_code).first() if gemeente_code else None,
            aanbieder=Aanbieder.objects.filter(agb_code=agb).first() if agb else None,
            wachtwoord=p.get("wachtwoord") or None, actief=p.get("actief", "1") == "1",
        )  # fmt: skip
    except ValidationError as e:
        messages.error(request, "Niet opgeslagen: " + " ".join(e.messages))
        return False
    messages.success(request, f"Gebruiker {username} opgeslagen ({rol.label}).")
    return True


def _keuzes(regio: Regio) -> dict[str, Any]:
    return {
        "rollen": list(Rol),
        "gemeenten": list(regio.gemeenten.order_by("naam")),
        "aanbieders": _aanbieders(regio),
    }


@requires(Sectie.BEHEER, post=Actie.WIJZIGEN)
def gebruikers(request: HttpRequest) -> HttpResponse:
    regio = ingerichte_regio(request.user)
    if request.method == "POST":
        username = request.POST.get("username", "").strip()
        if User.objects.filter(username=username).exists():
            messages.error(request, f"Niet opgeslagen: de gebruikersnaam {username} bestaat al.")
        elif _opslaan(request, regio, username):
            return redirect("gebruikers")
    geblokkeerd = _geblokkeerd()
    rijen = [
        {
            "pk": p.user.pk, "username": p.user.username, "naam": p.user.first_name,
            "rol": p.get_rol_display(), "gebonden": str(p.gemeente or p.aanbieder or ""),
            "actief": "ja" if p.user.is_active else "nee",
            "geblokkeerd": "ja" if p.user.username in geblokkeerd else "",
        }
        for p in Profiel.objects.filter(regio=regio).select_related(
            "user", "gemeente", "aanbieder"
        )
    ]  # fmt: skip
    lijst = tabel(
        request, rijen,
        [Kolom("username", "Gebruiker"), Kolom("naam", "Naam"), Kolom("rol", "Rol"),
         Kolom("gebonden", "Gebonden aan"), Kolom("actief", "Actief"),
         Kolom("geblokkeerd", "Geblokkeerd")],
        standaard="username",
    )  # fmt: skip
    return render(
        request, "web/gebruikers.html", {"regio": regio, "lijst": lijst, **_keuzes(regio)}
    )


@requires(Sectie.BEHEER, post=Actie.WIJZIGEN)
def gebruiker(request: HttpRequest, pk: int) -> HttpResponse:
    regio = ingerichte_regio(request.user)
    profiel = get_object_or_404(
        Profiel.objects.select_related("user", "gemeente", "aanbieder"), user_id=pk, regio=regio
    )
    if request.method == "POST":
        if request.POST.get("actie") == "ontgrendel":
            try:
                n = gebruiker_ontgrendel(door=request.user, regio=regio, user=profiel.user)  # type: ignore[arg-type]
                messages.success(request, f"{profiel.user.username} ontgrendeld ({n} blokkades).")
            except ValidationError as e:
                messages.error(request, " ".join(e.messages))
        elif request.POST.get("actie") == "tweede_factor":
            try:
                tweede_factor_herstel(door=request.user, regio=regio, user=profiel.user)  # type: ignore[arg-type]
                messages.success(
                    request,
                    f"De tweede factor van {profiel.user.username} is verwijderd; bij de "
                    "volgende inlog stelt de gebruiker hem opnieuw in.",
                )
            except ValidationError as e:
                messages.error(request, " ".join(e.messages))
        else:
            _opslaan(request, regio, profiel.user.username)
        return redirect("gebruiker", pk=pk)
    return render(
        request,
        "web/gebruiker.html",
        {
            "regio": regio, "p": profiel, "geblokkeerd": profiel.user.username in _geblokkeerd(),
            "tweede_factor": ingesteld(profiel.user),
            "eigen": profiel.user_id == request.user.pk, **_keuzes(regio),
        },
    )  # fmt: skip


@requires(Sectie.START)
def wachtwoord(request: HttpRequest) -> HttpResponse:
    """Every user changes its own password (the validators of AUTH_PASSWORD_VALIDATORS)."""
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = wachtwoord_zet(user=form.user, wachtwoord=form.cleaned_data["new_password1"])
        update_session_auth_hash(request, user)
        messages.success(request, "Uw wachtwoord is gewijzigd.")
        return redirect("wachtwoord")
    return render(request, "web/wachtwoord.html", {"form": form})


@requires(Sectie.START)
def api_sleutels(request: HttpRequest) -> HttpResponse:
    """Every user makes, lists and revokes its own API keys; a key has the user's role
    and organisation (docs/api.md). The key itself is shown once."""
    assert isinstance(request.user, User)  # noqa: S101 (LoginRequiredMiddleware)
    nieuw: str | None = None
    if request.method == "POST":
        try:
            if request.POST.get("actie") == "intrekken":
                sleutel = get_object_or_404(
                    ApiSleutel, token_key=request.POST.get("sleutel", ""), user=request.user
                )
                api_sleutel_trek_in(door=request.user, sleutel=sleutel)
                messages.success(request, f"De sleutel {sleutel.naam} is ingetrokken.")
                return redirect("api_sleutels")
            dagen_tekst = request.POST.get("dagen", "").strip()
            if dagen_tekst and not dagen_tekst.isdigit():
                raise Beheerfout("Geldigheid: een aantal dagen, of leeg voor onbeperkt.")
            sleutel, nieuw = api_sleutel_maak(
                gebruiker=request.user, naam=request.POST.get("naam", ""),
                geldig_dagen=int(dagen_tekst) if dagen_tekst else None,
            )  # fmt: skip
        except ValidationError as e:
            for m in e.messages:
                messages.error(request, m)
    sleutels = ApiSleutel.objects.filter(user=request.user).order_by("-created")
    return render(request, "web/api_sleutels.html", {"sleutels": sleutels, "nieuw": nieuw})
