# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The Dutch web shell: start page, region structure, section pages, audit trail."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from jeugdsturing.contracten.selectors import begroting_tabel
from jeugdsturing.core.access import Sectie, mag, requires, scope_van
from jeugdsturing.core.selectors import auditregels, geauditeerde_modellen
from jeugdsturing.regio.models import Gebied, Gemeente, Jeugdregio, Stuurmoment
from jeugdsturing.regio.selectors import MAANDEN, komende_stuurmomenten, regio_voor
from jeugdsturing.rollen import Rol
from jeugdsturing.web.rollendoc import rechten_tabel


@requires(Sectie.START)
def home(request: HttpRequest) -> HttpResponse:
    regio = regio_voor(request.user)
    context: dict[str, object] = {"regio": regio}
    if regio is not None:
        context["kerncijfers"] = regio.gemeenten.aggregate(
            gemeenten=Count("pk"), inwoners=Sum("inwoners"), jongeren=Sum("jongeren_0_17")
        )
        context["stuurmomenten"] = komende_stuurmomenten(regio=regio, vandaag=date.today())[:4]  # noqa: DTZ011
        context["mag_regio"] = mag(request.user, Sectie.REGIO)
    return render(request, "web/home.html", context)


@requires(Sectie.REGIO)
def regio_detail(request: HttpRequest) -> HttpResponse:
    regio = regio_voor(request.user)
    gebieden = (
        Gebied.objects.filter(regio=regio)
        .prefetch_related("gemeenten", "postcodes__gemeente")
        .order_by("volgorde")
    )
    return render(
        request,
        "web/regio.html",
        {
            "regio": regio,
            "gemeenten": regio.gemeenten.select_related("jeugdregio") if regio else [],
            "gebieden": gebieden,
            "themas": regio.themas.all() if regio else [],
            "stuurmomenten": [
                {"moment": m, "maand": MAANDEN[m.maand - 1]}
                for m in Stuurmoment.objects.filter(regio=regio)
            ],
        },
    )


@requires(Sectie.REFERENTIE)
def referentie(request: HttpRequest) -> HttpResponse:
    jeugdregio = request.GET.get("jeugdregio", "")
    zoek = request.GET.get("q", "").strip()
    gemeenten = Gemeente.objects.select_related("jeugdregio").order_by("naam")
    if jeugdregio:
        gemeenten = gemeenten.filter(jeugdregio__code=jeugdregio)
    if zoek:
        gemeenten = gemeenten.filter(naam__icontains=zoek)
    return render(
        request,
        "web/referentie.html",
        {
            "gemeenten": gemeenten,
            "jeugdregios": Jeugdregio.objects.annotate(aantal=Count("gemeenten")).prefetch_related(
                Prefetch("gemeenten", queryset=Gemeente.objects.only("pk"))
            ),
            "gekozen": jeugdregio,
            "zoek": zoek,
        },
    )


@requires(Sectie.CONTRACTEN)
def contracten(request: HttpRequest) -> HttpResponse:
    regio = regio_voor(request.user)
    tabel = begroting_tabel(regio=regio, scope=scope_van(request.user)) if regio else None
    return render(request, "web/contracten.html", {"regio": regio, "tabel": tabel})


@requires(Sectie.BEHEER)
def beheer(request: HttpRequest) -> HttpResponse:
    return render(request, "web/beheer.html", {"rechten": rechten_tabel(), "rollen": Rol})


@requires(Sectie.AUDIT)
def audit(request: HttpRequest) -> HttpResponse:
    model = request.GET.get("model") or None
    wie = request.GET.get("wie") or None
    oudste = request.GET.get("volgorde") == "oudste"
    regels, pagina = auditregels(
        model=model, limit=2000, pagina=request.GET.get("pagina") or 1, per_pagina=50,
        wie=wie, oudste_eerst=oudste,
    )  # fmt: skip
    filters = {k: v for k, v in (("model", model), ("wie", wie)) if v}
    if oudste:
        filters["volgorde"] = "oudste"
    return render(
        request,
        "web/audit.html",
        {
            "regels": regels,
            "pagina": pagina,
            "extra": urlencode(filters) + "&" if filters else "",
            "wie": wie or "",
            "oudste": oudste,
            "gebruikers": sorted(
                User.objects.filter(profiel__regio=regio_voor(request.user)).values_list(
                    "username", flat=True
                )
            ),
            "modellen": [
                (m._meta.label_lower, m._meta.verbose_name_plural) for m in geauditeerde_modellen()
            ],
            "gekozen": model or "",
        },
    )


@login_not_required
def admin_login(request: HttpRequest) -> HttpResponse:
    """The admin sends users without admin rights here. One login page for the whole
    site; a logged-in user without admin rights gets 403 instead of a login loop."""
    if request.user.is_authenticated:
        raise PermissionDenied(
            "Het gegevensbeheer is alleen voor de beheerder van de installatie; gebruikers "
            "van de regio beheert de regiobeheerder onder Beheer > Gebruikers."
        )
    query = request.META.get("QUERY_STRING", "")
    return redirect(reverse("login") + (f"?{query}" if query else ""))
