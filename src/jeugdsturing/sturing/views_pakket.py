# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The performance dialogue packs on the page: the team makes and sends them per
steering moment; a provider opens its own and writes its interpretation per element;
the pack as PDF and Excel (docs/sturing.md)."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header

from jeugdsturing.core.access import Actie, Sectie, eis, mag, requires, scope_van
from jeugdsturing.regio.models import Regio, Stuurmoment
from jeugdsturing.regio.selectors import MAANDEN, regio_voor
from jeugdsturing.sturing import services
from jeugdsturing.sturing.models import (
    Duiding,
    Overleg,
    Pakket,
    Pakketsoort,
    Pakketversie,
    VersieStatus,
)
from jeugdsturing.sturing.pakket.bronnen import Bronnen
from jeugdsturing.sturing.pakket.uitvoer import context, pakket_pdf, pakket_xlsx
from jeugdsturing.sturing.selectors import Zicht, pakket_zicht, zichtbare_versies
from jeugdsturing.sturing.services.pakketten import onderwerpen
from jeugdsturing.sturing.views_uitvraag import _door
from jeugdsturing.weergave.invoer import JAREN

S = Sectie.STURING


def _regio(request: HttpRequest) -> Regio:
    regio = regio_voor(request.user)
    if regio is None:
        raise PermissionDenied("Er is geen regio ingericht.")
    return regio


def momenten(regio: Regio, vandaag: date) -> list[date]:
    """The months of the region's performance dialogues (its calendar) from last year to
    next year, and every month that has packs."""
    maanden = set(
        Stuurmoment.objects.filter(regio=regio, code__istartswith="PD").values_list(
            "maand", flat=True
        )
    )
    uit = {date(j, m, 1) for j in range(vandaag.year - 1, vandaag.year + 2) for m in maanden}
    uit |= set(Pakket.objects.filter(regio=regio).values_list("moment", flat=True))
    return sorted(uit)


def _moment(request: HttpRequest, keuzes: list[date]) -> date:
    tekst = request.GET.get("moment") or request.POST.get("moment") or ""
    try:
        jaar, maand = (int(x) for x in tekst.split("-")[:2])
        if jaar not in JAREN:
            raise ValueError(jaar)
        return date(jaar, maand, 1)
    except (ValueError, OverflowError):
        vandaag = date.today()  # noqa: DTZ011 (a calendar date in the region's own time)
        komend = [m for m in keuzes if m >= vandaag.replace(day=1)]
        return komend[0] if komend else (keuzes[-1] if keuzes else vandaag.replace(day=1))


def _naam(moment: date) -> str:
    return f"{MAANDEN[moment.month - 1]} {moment.year}"


@requires(S, post=Actie.WIJZIGEN)
def pakketten(request: HttpRequest) -> HttpResponse:
    regio = _regio(request)
    keuzes = momenten(regio, date.today())  # noqa: DTZ011
    moment = _moment(request, keuzes)
    team = mag(request.user, S, Actie.WIJZIGEN)
    if request.method == "POST":
        return _actie(request, regio, moment)
    bestaand = {
        p.sleutel: p
        for p in Pakket.objects.filter(regio=regio, moment=moment).prefetch_related(
            "versies", "duidingen", "overleggen"
        )
    }
    rijen = []
    if team:
        for o in onderwerpen(Bronnen(regio, moment)):
            p = bestaand.get(o.sleutel)
            versies = sorted(p.versies.all(), key=lambda v: -v.nummer) if p else []
            rijen.append(
                {
                    "sleutel": o.sleutel,
                    "titel": o.naam,
                    "soort": o.soort,
                    "pakket": p,
                    "laatste": versies[0] if versies else None,
                    "verzonden": next(
                        (v for v in versies if v.status == VersieStatus.VERZONDEN), None
                    ),
                    "duidingen": len(p.duidingen.all()) if p else 0,
                    "overleggen": len(p.overleggen.all()) if p else 0,
                }
            )
    else:
        for p in bestaand.values():
            zicht, _ = pakket_zicht(request.user, p)
            versies = [v for v in p.versies.all() if v.verzonden_op is not None]
            if zicht is not None and versies:
                rijen.append(
                    {
                        "sleutel": p.sleutel,
                        "titel": p.titel,
                        "soort": p.soort,
                        "pakket": p,
                        "laatste": max(versies, key=lambda v: v.nummer),
                    }
                )
        rijen.sort(key=lambda r: (r["soort"] != Pakketsoort.PD1, str(r["titel"])))
    return render(
        request,
        "sturing/pakketten.html",
        {
            "regio": regio,
            "moment": moment,
            "moment_naam": _naam(moment),
            "rijen": rijen,
            "keuzes": [(m, _naam(m)) for m in keuzes],
            "team": team,
            "periode": Bronnen(regio, moment).periode,
        },
    )


def _actie(request: HttpRequest, regio: Regio, moment: date) -> HttpResponse:
    """The team's buttons: make a new version of one pack, or send its newest version."""
    terug = redirect(f"{request.path}?moment={moment:%Y-%m}")
    sleutel = request.POST.get("sleutel", "")
    try:
        if request.POST.get("actie") == "maak":
            gevonden = [o for o in onderwerpen(Bronnen(regio, moment)) if o.sleutel == sleutel]
            if not gevonden:
                raise ValidationError(f"Onbekend onderwerp '{sleutel}' voor {_naam(moment)}.")
            v = services.pakket_maak(
                regio=regio, moment=moment, onderwerp=gevonden[0], door=_door(request)
            )
            messages.success(
                request,
                f"{v.pakket.titel}: versie {v.nummer} gemaakt"
                + (f" ({len(v.verschillen)} verschillen met de vorige)" if v.nummer > 1 else "")
                + ".",
            )
        elif request.POST.get("actie") == "verzend":
            p = get_object_or_404(Pakket, regio=regio, moment=moment, sleutel=sleutel)
            laatste = p.versies.order_by("-nummer").first()
            if laatste is None:
                raise ValidationError("Er is nog geen versie om te verzenden.")
            services.pakket_verzend(versie=laatste, door=_door(request))
            messages.success(request, f"{p.titel}: versie {laatste.nummer} verzonden.")
        else:
            raise ValidationError("Onbekende actie.")
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    return terug


def _pakket(request: HttpRequest, pk: int) -> tuple[Pakket, Zicht]:
    pakket = get_object_or_404(
        Pakket.objects.select_related("regio", "aanbieder", "thema", "gebied"), pk=pk
    )
    zicht, reden = pakket_zicht(request.user, pakket)
    if zicht is None:
        raise PermissionDenied(reden)
    return pakket, zicht


def _versie(
    request: HttpRequest, pakket: Pakket, zicht: Zicht
) -> tuple[Pakketversie, list[Pakketversie]]:
    versies = zichtbare_versies(pakket, zicht)
    if not versies:
        raise Http404("Dit pakket is nog niet verzonden.")
    nummer = request.GET.get("versie", "")
    if nummer.isdigit():
        gekozen = [v for v in versies if v.nummer == int(nummer)]
        if not gekozen:
            raise Http404(f"Versie {nummer} bestaat niet of is niet verzonden.")
        return gekozen[0], versies
    return versies[0], versies


def _gedeeld(request: HttpRequest, zicht: Zicht) -> bool:
    """A shared copy for everyone but the team; the team may preview it."""
    return zicht == "gedeeld" or request.GET.get("exemplaar") == "gedeeld"


@requires(S, post=Actie.AANLEVEREN)
def pakket(request: HttpRequest, pk: int) -> HttpResponse:
    pakket_, zicht = _pakket(request, pk)
    if request.method == "POST":
        return _duiding(request, pakket_)
    versie, versies = _versie(request, pakket_, zicht)
    gedeeld = _gedeeld(request, zicht)
    duidingen = {
        d.element: d for d in Duiding.objects.filter(pakket=pakket_).select_related("versie")
    }
    scope = scope_van(request.user)
    eigen = pakket_.soort == Pakketsoort.PD1 and scope.aanbieder_id == pakket_.aanbieder_id
    mag_duiden = (
        eigen and mag(request.user, S, Actie.AANLEVEREN) and versie.status == VersieStatus.VERZONDEN
    )
    ctx = context(
        versie, gedeeld=gedeeld, duidingen=duidingen if pakket_.soort == Pakketsoort.PD1 else None
    )
    return render(
        request,
        "sturing/pakket.html",
        {
            **ctx,
            "pakket": pakket_,
            "versies": versies,
            "zicht": zicht,
            "gedeeld": gedeeld,
            "duiding_formulier": request.path if mag_duiden else "",
            "overleggen": Overleg.objects.filter(pakket=pakket_).order_by("-datum"),
            "team": zicht == "team",
            "mag_exporteren": mag(request.user, S, Actie.EXPORTEREN),
        },
    )


def _duiding(request: HttpRequest, pakket_: Pakket) -> HttpResponse:
    scope = scope_van(request.user)
    if pakket_.soort != Pakketsoort.PD1 or scope.aanbieder_id != pakket_.aanbieder_id:
        raise PermissionDenied("Alleen de aanbieder van dit pakket schrijft de duiding.")
    element = request.POST.get("element", "")
    try:
        services.duiding_zet(
            pakket=pakket_,
            element=element,
            tekst=request.POST.get("tekst", ""),
            door=_door(request),
        )
        messages.success(request, f"Uw duiding bij element {element} is opgeslagen.")
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    return redirect(f"{request.path}#element-{element}")


def _bestandsnaam(pakket_: Pakket, versie: Pakketversie, extensie: str) -> str:
    onderwerp = pakket_.sleutel.replace(":", "-")
    return f"prestatiedialoog-{pakket_.moment:%Y-%m}-{onderwerp}-v{versie.nummer}.{extensie}"


@requires(S, Actie.EXPORTEREN)
def pakket_bestand(request: HttpRequest, pk: int, soort: str) -> HttpResponse:
    pakket_, zicht = _pakket(request, pk)
    eis(request.user, S, Actie.EXPORTEREN)
    versie, _ = _versie(request, pakket_, zicht)
    gedeeld = _gedeeld(request, zicht)
    if soort == "pdf":
        duidingen = (
            {d.element: d for d in Duiding.objects.filter(pakket=pakket_)}
            if pakket_.soort == Pakketsoort.PD1
            else None
        )
        inhoud = pakket_pdf(
            versie,
            gedeeld=gedeeld,
            duidingen=duidingen,
            basis=request.build_absolute_uri("/").rstrip("/"),
        )
        type_ = "application/pdf"
    elif soort == "xlsx":
        inhoud = pakket_xlsx(versie, gedeeld=gedeeld)
        type_ = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        raise Http404("Kies pdf of xlsx.")
    antwoord = HttpResponse(inhoud, content_type=type_)
    antwoord["Content-Disposition"] = (
        content_disposition_header(True, _bestandsnaam(pakket_, versie, soort)) or ""
    )
    antwoord["Cache-Control"] = "no-store"
    return antwoord
