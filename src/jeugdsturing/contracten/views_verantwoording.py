# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""What providers deliver on the page: the 4/8/12-month reports (upload, template) and
the annual accounts against the excess-profit norm."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from jeugdsturing.contracten import services
from jeugdsturing.contracten.jaarcijfers import JaarcijfersFout, lees_jaarcijfers
from jeugdsturing.contracten.models import (
    Aanbieder,
    Jaarcijfers,
    Lumpsum,
    Overeenkomst,
    Verantwoording,
    Winstnorm,
)
from jeugdsturing.contracten.rapportage import RapportageOngeldig, sjabloon
from jeugdsturing.contracten.reeleprijs import overwinst
from jeugdsturing.contracten.views import _jaar, _lumpsumjaren, _regio
from jeugdsturing.core.access import Actie, Scope, Sectie, eis, mag, requires, scope_van
from jeugdsturing.regio.models import Regio
from jeugdsturing.weergave.invoer import Invoerfout, lees_bedrag
from jeugdsturing.weergave.templatetags.bedragen import euro


@requires(Sectie.CONTRACTEN, post=Actie.AANLEVEREN)
def rapportages(request: HttpRequest) -> HttpResponse:
    regio = _regio(request)
    scope = scope_van(request.user)
    mag_uploaden = mag(request.user, Sectie.CONTRACTEN, Actie.AANLEVEREN)
    fouten: list[str] = []
    if request.method == "POST":
        bestand = request.FILES.get("bestand")
        if bestand is None:
            fouten.append("Kies een bestand.")
        else:
            try:
                v = services.verantwoording_lees_in(
                    regio=regio, data=bestand.read(), bestandsnaam=bestand.name or "upload",
                    door=request.user if request.user.is_authenticated else None,
                    alleen_aanbieder=scope.aanbieder,
                )  # fmt: skip
                messages.success(request, f"Ingelezen: {v} ({v.regels.count()} regels).")
                return redirect(request.path)
            except RapportageOngeldig as e:
                fouten = [str(f) for f in e.fouten]
    if request.GET.get("sjabloon"):
        eis(request.user, Sectie.CONTRACTEN, Actie.AANLEVEREN)
        return _sjabloon(request, regio, scope.aanbieder)
    qs = Verantwoording.objects.filter(overeenkomst__regio=regio).select_related(
        "overeenkomst__aanbieder", "ingediend_door"
    )
    if scope.aanbieder:
        qs = qs.filter(overeenkomst__aanbieder__agb_code=scope.aanbieder)
    aanbieders = (
        Overeenkomst.objects.filter(regio=regio, lumpsums__isnull=False)
        .values_list("aanbieder__agb_code", "aanbieder__naam")
        .distinct()
        .order_by("aanbieder__naam")
    )
    if scope.aanbieder:
        aanbieders = aanbieders.filter(aanbieder__agb_code=scope.aanbieder)
    return render(
        request,
        "contracten/rapportages.html",
        {
            "regio": regio, "lijst": qs.order_by("-ingediend_op")[:100], "fouten": fouten,
            "mag_uploaden": mag_uploaden, "aanbieders": list(aanbieders),
            "jaren": _lumpsumjaren(regio),
        },
    )  # fmt: skip


def _sjabloon(request: HttpRequest, regio: Regio, eigen: str | None) -> HttpResponse:
    agb = eigen or request.GET.get("aanbieder", "")
    try:
        jaar = int(request.GET.get("jaar", ""))
        maanden = int(request.GET.get("maanden", ""))
    except ValueError:
        raise PermissionDenied("Kies jaar en periode.") from None
    if maanden not in (4, 8, 12):
        raise PermissionDenied("De periode is 4, 8 of 12 maanden.")
    cellen = sorted(
        {
            (x.gemeente.code, x.gemeente.naam, x.thema.code)
            for x in Lumpsum.objects.filter(
                overeenkomst__regio=regio, overeenkomst__aanbieder__agb_code=agb, jaar=jaar
            ).select_related("gemeente", "thema")
        }
    )
    naam = (
        Overeenkomst.objects.filter(regio=regio, aanbieder__agb_code=agb)
        .values_list("aanbieder__naam", flat=True)
        .first()
    )
    if naam is None:
        raise PermissionDenied("Onbekende aanbieder.")
    data = sjabloon(agb_code=agb, aanbieder=naam, jaar=jaar, maanden=maanden, cellen=cellen)
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="rapportage-{agb}-{jaar}-{maanden}.xlsx"'
    )
    return response


@requires(Sectie.CONTRACTEN, post=Actie.AANLEVEREN)
def overwinst_view(request: HttpRequest) -> HttpResponse:
    regio = _regio(request)
    scope = scope_van(request.user)
    if scope.gemeente:
        raise PermissionDenied(
            "Jaarcijfers van aanbieders zijn voor het regioteam en de aanbieder zelf."
        )
    if request.method == "POST":
        _jaarcijfers_aanleveren(request, regio, scope)
        return redirect(f"{request.path}?jaar={request.POST.get('jaar') or 2026}")
    jaar = _jaar(request, 2026)
    norm = Winstnorm.objects.filter(regio=regio, jaar=jaar).first()
    qs = (
        Jaarcijfers.objects.filter(jaar=jaar, aanbieder__overeenkomsten__regio=regio)
        .distinct()
        .select_related("aanbieder")
    )
    if scope.aanbieder:
        qs = qs.filter(aanbieder__agb_code=scope.aanbieder)
    namen = {j.aanbieder.agb_code: j.aanbieder.naam for j in qs}
    cijfers = [(j.aanbieder.agb_code, j.jaar, j.omzet_eurocent, j.resultaat_eurocent) for j in qs]
    signalen = overwinst(cijfers, norm.max_resultaat_pct) if norm else []
    aanbieders = Aanbieder.objects.filter(overeenkomsten__regio=regio).distinct().order_by("naam")
    if scope.aanbieder:
        aanbieders = aanbieders.filter(agb_code=scope.aanbieder)
    return render(
        request,
        "contracten/overwinst.html",
        {
            "regio": regio, "jaar": jaar, "norm": norm, "signalen": signalen, "namen": namen,
            "cijfers": qs.order_by("aanbieder__naam"),
            "mag_aanleveren": mag(request.user, Sectie.CONTRACTEN, Actie.AANLEVEREN),
            "aanbieders": aanbieders,
        },
    )  # fmt: skip


def _jaarcijfers_aanleveren(request: HttpRequest, regio: Regio, scope: Scope) -> None:
    """Annual accounts by form or upload: the team for any contracted provider, a
    provider only for itself. An upload is stored whole or not at all."""
    p = request.POST
    toegestaan = Aanbieder.objects.filter(overeenkomsten__regio=regio).distinct()
    if scope.aanbieder:
        toegestaan = toegestaan.filter(agb_code=scope.aanbieder)
    per_agb = {a.agb_code: a for a in toegestaan}
    wie = "de aanbieder zelf" if scope.aanbieder else "het regioteam"
    try:
        f = request.FILES.get("bestand")
        if isinstance(f, UploadedFile):
            if (f.size or 0) > 1_000_000:
                raise JaarcijfersFout(f"{f.name}: groter dan 1 MB")
            try:
                tekst = f.read().decode("utf-8")
            except UnicodeDecodeError:
                raise JaarcijfersFout(
                    f"{f.name}: geen tekstbestand in UTF-8 (sla op als CSV UTF-8)"
                ) from None
            regels = lees_jaarcijfers(tekst, str(f.name))
            vreemd = [r.agb_code for r in regels if r.agb_code not in per_agb]
            if vreemd:
                raise JaarcijfersFout(
                    f"{f.name}: aanbieder(s) {', '.join(sorted(set(vreemd)))} "
                    + (
                        "zijn niet uw organisatie"
                        if scope.aanbieder
                        else "hebben geen overeenkomst in de regio"
                    )
                )
            services.jaarcijfers_lees_in(
                [(per_agb[r.agb_code], r) for r in regels], bron=f"upload {f.name} door {wie}"
            )
            messages.success(request, f"{len(regels)} regels jaarcijfers ingelezen uit {f.name}.")
            return
        aanbieder = per_agb.get(p.get("aanbieder", ""))
        if aanbieder is None:
            raise Invoerfout(
                "Aanbieder: kies een aanbieder"
                + (
                    " (uw eigen organisatie)."
                    if scope.aanbieder
                    else " met een overeenkomst in de regio."
                )
            )
        jaar = p.get("jaar", "")
        if not (jaar.isdigit() and 2000 <= int(jaar) <= 2100):
            raise Invoerfout(f"Jaar: '{jaar}' is geen jaar.")
        omzet = lees_bedrag(p.get("omzet", ""), "Omzet")
        kosten = lees_bedrag(p.get("kosten", ""), "Kosten")
        jeugd = (
            lees_bedrag(p.get("omzet_jeugd", ""), "Omzet jeugdhulp in de regio")
            if p.get("omzet_jeugd", "").strip()
            else None
        )
        if p.get("resultaat", "").strip():
            resultaat = lees_bedrag(p.get("resultaat", ""), "Resultaat")
            if resultaat != omzet - kosten:
                verschil = euro(omzet - kosten)
                raise Invoerfout(
                    f"Resultaat: {euro(resultaat)} is niet omzet min kosten ({verschil})."
                )
        services.jaarcijfers_zet(
            aanbieder=aanbieder, jaar=int(jaar), omzet_eurocent=omzet, kosten_eurocent=kosten,
            omzet_jeugd_eurocent=jeugd, bron=p.get("bron", "").strip() or f"ingevoerd door {wie}",
        )  # fmt: skip
        messages.success(request, f"Jaarcijfers {jaar} van {aanbieder.naam} vastgelegd.")
    except (ValidationError, Invoerfout, JaarcijfersFout) as e:
        tekst = "; ".join(e.messages) if isinstance(e, ValidationError) else str(e)
        messages.error(request, f"Niet vastgelegd: {tekst}")
