# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Council reports (docs/raadsrapportage.md): the list, one report as a page, PDF and
open data (CSV with a codebook). The team makes and adopts; the council and the
gemeenten read what is published."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string

from jeugdsturing.core.access import Actie, Sectie, eis, ingelogd, mag, requires, scope_van
from jeugdsturing.core.levenscyclus import levenscyclus_van
from jeugdsturing.raad import services
from jeugdsturing.raad.kaart import kaart
from jeugdsturing.raad.models import Raadsrapportage, RapportStatus
from jeugdsturing.raad.opendata import codeboek_csv, rapport_csv
from jeugdsturing.raad.selectors import rapportages_voor
from jeugdsturing.regio.models import Regio
from jeugdsturing.regio.selectors import ingerichte_regio
from jeugdsturing.weergave.pdf import pdf

S = Sectie.RAPPORTAGES


def _regio(request: HttpRequest) -> Regio:
    return ingerichte_regio(request.user)


def _rapport(request: HttpRequest, pk: int) -> Raadsrapportage:
    regio = _regio(request)
    r = rapportages_voor(request.user, regio, scope_van(request.user)).filter(pk=pk).first()
    if r is None:
        raise Http404("Deze rapportage bestaat niet of is (nog) niet gepubliceerd.")
    return r


@requires(S, Actie.BEKIJKEN, post=Actie.WIJZIGEN)
def overzicht(request: HttpRequest) -> HttpResponse:
    regio = _regio(request)
    if request.method == "POST":
        gemeente = None
        code = request.POST.get("gemeente", "")
        try:
            if code:
                gemeente = regio.gemeenten.filter(code=code).first()
                if gemeente is None:
                    raise ValidationError(f"Gemeente: '{code}' hoort niet bij {regio.naam}.")
            jaar_tekst, helft_tekst = request.POST.get("jaar", ""), request.POST.get("helft", "")
            if not jaar_tekst.isdigit():
                raise ValidationError(f"Jaar: '{jaar_tekst}' is geen jaar.")
            if helft_tekst not in ("1", "2"):
                raise ValidationError("Halfjaar: kies het eerste of het tweede halfjaar.")
            r = services.rapportage_maak(
                regio=regio, gemeente=gemeente, jaar=int(jaar_tekst), helft=int(helft_tekst),
                door=ingelogd(request.user),
            )  # fmt: skip
            messages.success(request, f"Concept '{r.titel}' gemaakt.")
            return redirect("raad:rapport", pk=r.pk)
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        return redirect("rapportages")
    lijst = rapportages_voor(request.user, regio, scope_van(request.user))
    return render(
        request,
        "raad/overzicht.html",
        {
            "regio": regio,
            "lijst": lijst,
            "mag_maken": mag(request.user, S, Actie.WIJZIGEN),
            "gemeenten": regio.gemeenten.order_by("naam"),
        },
    )


@requires(S, Actie.BEKIJKEN, post=Actie.WIJZIGEN)
def rapport(request: HttpRequest, pk: int) -> HttpResponse:
    r = _rapport(request, pk)
    if request.method == "POST":
        actie = request.POST.get("actie", "")
        try:
            if actie == "bewerken":
                services.rapportage_bewerk(
                    r, toelichting=request.POST.get("toelichting", ""),
                    herbereken=request.POST.get("herbereken") == "1", door=ingelogd(request.user),
                )  # fmt: skip
                messages.success(request, "Het concept is bijgewerkt.")
            elif actie in RapportStatus.values:
                eis(request.user, S, Actie.GOEDKEUREN)
                services.rapportage_status(
                    r, naar=actie, reden=request.POST.get("reden", ""), door=ingelogd(request.user)
                )
                messages.success(request, f"De rapportage is {RapportStatus(actie).label}.")
            else:
                messages.error(request, "Onbekende actie.")
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        return redirect("raad:rapport", pk=r.pk)
    lc = levenscyclus_van(r)
    return render(
        request,
        "raad/rapport.html",
        {
            **_context(r),
            "mag_bewerken": mag(request.user, S, Actie.WIJZIGEN)
            and r.status == RapportStatus.CONCEPT,
            "mag_goedkeuren": mag(request.user, S, Actie.GOEDKEUREN),
            "volgende": lc.volgende(r.status),
            "historie": r.statuswijzigingen.select_related("door").order_by("op"),
            "mag_exporteren": mag(request.user, S, Actie.EXPORTEREN),
        },
    )


def _context(r: Raadsrapportage) -> dict[str, Any]:
    return {"r": r, "inhoud": r.inhoud, "kaart": kaart(r.inhoud)}


@requires(S, Actie.EXPORTEREN)
def rapport_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    r = _rapport(request, pk)
    html = render_to_string("raad/pdf.html", {**_context(r), "pdf": True})
    antwoord = HttpResponse(pdf(html), content_type="application/pdf")
    antwoord["Content-Disposition"] = f'attachment; filename="raadsrapportage-{r.pk}.pdf"'
    return antwoord


@requires(S, Actie.EXPORTEREN)
def rapport_csv_view(request: HttpRequest, pk: int) -> HttpResponse:
    r = _rapport(request, pk)
    antwoord = HttpResponse(rapport_csv(r), content_type="text/csv; charset=utf-8")
    antwoord["Content-Disposition"] = f'attachment; filename="raadsrapportage-{r.pk}.csv"'
    return antwoord


@requires(S, Actie.EXPORTEREN)
def codeboek(request: HttpRequest) -> HttpResponse:
    antwoord = HttpResponse(codeboek_csv(), content_type="text/csv; charset=utf-8")
    antwoord["Content-Disposition"] = 'attachment; filename="raadsrapportage-codeboek.csv"'
    return antwoord
