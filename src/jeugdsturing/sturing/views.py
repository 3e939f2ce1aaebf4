# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The steering pages: the calendar and the goals per theme with their progress
(docs/sturing.md). Thin: read the request, call a selector or a service, render."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from jeugdsturing.core.access import Actie, Sectie, eis, mag, requires, scope_van
from jeugdsturing.regio.models import Regio, Thema
from jeugdsturing.regio.selectors import komende_stuurmomenten, regio_voor
from jeugdsturing.sturing import services
from jeugdsturing.sturing.models import Doelindicator, Indicatorsoort
from jeugdsturing.sturing.selectors import doelen_stand
from jeugdsturing.weergave.grafieken import voortgang_grafiek
from jeugdsturing.weergave.invoer import Invoerfout, jaar_of, lees_getal, nummer


def _regio(request: HttpRequest) -> Regio:
    regio = regio_voor(request.user)
    if regio is None:
        raise PermissionDenied("Er is geen regio ingericht.")
    return regio


def _jaar(request: HttpRequest) -> int:
    vandaag = date.today()  # noqa: DTZ011 (a calendar year in the region's own time)
    return jaar_of(request.GET.get("jaar"), vandaag.year)


@requires(Sectie.STURING)
def overzicht(request: HttpRequest) -> HttpResponse:
    """The steering calendar and, per theme, how its goals are doing."""
    regio = _regio(request)
    jaar = _jaar(request)
    standen = doelen_stand(regio=regio, scope=scope_van(request.user), jaar=jaar)
    per_thema: dict[Thema | None, list[str]] = {}
    for stand in standen:
        for i in stand.indicatoren:
            per_thema.setdefault(stand.doel.thema, []).append(i.voortgang.kleur)
    themas = [
        {"thema": t, "kleuren": {k: kleuren.count(k) for k in ("groen", "oranje", "rood", "grijs")}}
        for t, kleuren in per_thema.items()
        if t is not None
    ]
    return render(
        request,
        "sturing/overzicht.html",
        {
            "regio": regio, "jaar": jaar, "themas": themas,
            "stuurmomenten": komende_stuurmomenten(regio=regio, vandaag=date.today()),  # noqa: DTZ011
        },
    )  # fmt: skip


def _streefwaarde(request: HttpRequest, regio: Regio, jaar: int) -> HttpResponse:
    """The regiobeheerder adjusts a target (value, year, source) on the goals page."""
    eis(request.user, Sectie.BEHEER, Actie.WIJZIGEN)
    indicator = get_object_or_404(
        Doelindicator, pk=nummer(request.POST.get("indicator")), doel__regio=regio
    )
    p = request.POST
    try:
        tekst = p.get("streefwaarde", "").strip()
        services.streefwaarde_zet(
            indicator=indicator,
            streefwaarde=lees_getal(tekst, "Streefwaarde") if tekst else None,
            streefjaar=jaar_of(p.get("streefjaar"), 0) or None,
            bron=p.get("bron", ""),
            door=request.user if isinstance(request.user, User) else None,
        )
        messages.success(request, f"{indicator.naam}: streefwaarde aangepast.")
    except (ValidationError, Invoerfout) as e:
        messages.error(request, " ".join(e.messages) if isinstance(e, ValidationError) else str(e))
    return redirect(f"{request.path}?jaar={jaar}")


@requires(Sectie.STURING, post=Actie.WIJZIGEN)
def doelen(request: HttpRequest, thema: str) -> HttpResponse:
    """A theme's goals at the four horizons, each indicator with its value, baseline,
    target, trend and judgement; the team enters the reported values here."""
    regio = _regio(request)
    t = get_object_or_404(Thema, regio=regio, code=thema)
    jaar = _jaar(request)
    if request.method == "POST" and request.POST.get("actie") == "streefwaarde":
        return _streefwaarde(request, regio, jaar)
    if request.method == "POST":
        indicator = get_object_or_404(
            Doelindicator, pk=nummer(request.POST.get("indicator")), doel__regio=regio,
            soort=Indicatorsoort.GERAPPORTEERD, door_aanbieder=False,
        )  # fmt: skip
        try:
            tekst = request.POST.get("waarde", "").strip().replace(",", ".")
            waarde = Decimal(tekst) if tekst else None
            services.indicatorwaarde_zet(
                indicator=indicator, jaar=int(request.POST.get("jaar", jaar)), waarde=waarde,
                document=request.POST.get("document", ""),
                toelichting=request.POST.get("toelichting", ""),
                door=request.user if isinstance(request.user, User) else None,
            )  # fmt: skip
            messages.success(request, f"{indicator.naam}: waarde voor {jaar} opgeslagen.")
        except InvalidOperation:
            messages.error(
                request, f"{indicator.naam}: '{request.POST.get('waarde')}' is geen getal."
            )
        except (ValidationError, ValueError) as e:
            tekst = " ".join(e.messages) if isinstance(e, ValidationError) else str(e)
            messages.error(request, tekst)
        return redirect(f"{request.path}?jaar={jaar}")
    standen = doelen_stand(regio=regio, scope=scope_van(request.user), jaar=jaar, thema=t)
    blokken = []
    for stand in standen:
        regels = []
        for i in stand.indicatoren:
            v = i.voortgang
            punten = [{"jaar": j, "waarde": w} for j, w in v.reeks]
            grafiek = (
                voortgang_grafiek(
                    punten, i.indicator.naam[:60], i.eenheid or "waarde", v.streefwaarde
                )
                if any(w is not None for _, w in v.reeks)
                else ""
            )
            regels.append({"stand": i, "grafiek": grafiek})
        blokken.append({"doel": stand.doel, "regels": regels})
    return render(
        request,
        "sturing/doelen.html",
        {
            "regio": regio, "thema": t, "jaar": jaar, "blokken": blokken,
            "mag_invoeren": mag(request.user, Sectie.STURING, Actie.WIJZIGEN),
            "mag_streefwaarde": mag(request.user, Sectie.BEHEER, Actie.WIJZIGEN),
            "jaren": list(range(2024, date.today().year + 2)),  # noqa: DTZ011
        },
    )  # fmt: skip
