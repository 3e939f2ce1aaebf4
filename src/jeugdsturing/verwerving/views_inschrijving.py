# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""A bidder's own bid on the page: lots or themes, a combination and subcontractors, the
UEA declarations with evidence (uploads), the capacity statement, the vision document
and the answers per vision question; changeable until the bid deadline and sealed for
everyone else until then. Later the bidder answers its offer (final bid)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.core.access import Actie, Sectie, mag, requires
from jeugdsturing.verwerving import forms as f
from jeugdsturing.verwerving import selectors
from jeugdsturing.verwerving import services as s
from jeugdsturing.verwerving.models import (
    Aanbesteding,
    AanbestedingStatus,
    Bewijsstuk,
    Inschrijving,
)
from jeugdsturing.verwerving.views import _aanbesteding, _aanbieder
from jeugdsturing.weergave.templatetags.datums import tijd

LEGE_REGELS = 4


def _gebieden(a: Aanbesteding) -> list[str]:
    return list(a.regio.gebieden.values_list("code", flat=True))


def _percelen(a: Aanbesteding) -> list[str]:
    return list(a.percelen.values_list("code", flat=True))


def _capaciteit(request: HttpRequest, a: Aanbesteding, aantal: int) -> list[dict[str, Any]]:
    regels = []
    for n in range(aantal):
        form = f.CapaciteitForm(
            request.POST, prefix=f"cap{n}", gebieden=_gebieden(a), percelen=_percelen(a)
        )
        if not form.is_valid():
            raise ValidationError(f"Capaciteitsverklaring regel {n + 1}: {f.fouten(form)}")
        regel = form.regel()
        if regel is not None:
            regels.append(regel)
    return regels


def _leden(tekst: str) -> list[Aanbieder]:
    leden = []
    for code in [c.strip() for c in tekst.replace(";", ",").split(",") if c.strip()]:
        lid = Aanbieder.objects.filter(agb_code=code).first()
        if lid is None:
            raise ValidationError(f"Combinant met AGB-code {code} is niet bekend bij de regio.")
        leden.append(lid)
    return leden


def _verwerk_inschrijving(
    request: HttpRequest, a: Aanbesteding, aanbieder: Aanbieder, eigen: Inschrijving | None
) -> Inschrijving:
    p = request.POST
    percelen = list(a.percelen.filter(pk__in=p.getlist("percelen")))
    criteria = list(a.criteria.all())
    antwoorden = {c.code: p.get(f"antwoord-{c.code}", "").strip() for c in criteria}
    leeg = [c.code for c in criteria if not antwoorden[c.code]]
    if leeg:
        raise ValidationError(f"Beantwoord de visievragen {', '.join(leeg)}.")
    eisen = list(a.eisen.all())
    verklaard = [e.code for e in eisen if p.get(f"verklaar-{e.code}")]
    ontbreekt = [e.code for e in eisen if e.code not in verklaard]
    if ontbreekt:
        raise ValidationError(
            f"Verklaar in het UEA dat u voldoet aan {', '.join(ontbreekt)}; wie niet voldoet, "
            "wordt uitgesloten."
        )
    gronden = p.get("uitsluitingsgronden", "").strip()
    if not gronden:
        raise ValidationError(
            "Vul de uitsluitingsgronden van het UEA in ('geen' of uw toelichting)."
        )
    uea = {"uitsluitingsgronden": gronden, "verklaard": verklaard, "eigen_verklaring": True}
    aantal = min(int(p.get("capaciteitsregels", "0") or 0), 200)
    velden: dict[str, Any] = {
        "percelen": percelen,
        "visie": p.get("visie", "").strip(),
        "antwoorden": antwoorden,
        "capaciteit": _capaciteit(request, a, aantal),
        "uea": uea,
        "leden": _leden(p.get("leden", "")),
        "onderaannemers": [
            r.strip() for r in p.get("onderaannemers", "").splitlines() if r.strip()
        ],
    }
    if eigen is None:
        i = s.inschrijving_dien_in(aanbesteding=a, aanbieder=aanbieder, **velden)
    else:
        i = s.inschrijving_wijzig(inschrijving=eigen, **velden)
    eisen_per_code = {e.code: e for e in eisen}
    for veld, bestanden in request.FILES.lists():
        soort, _, code = veld.partition("-")
        for bestand in bestanden:
            s.bewijsstuk_voeg_toe(
                inschrijving=i,
                naam=bestand.name or veld,
                inhoud=bestand.read(),
                eis=eisen_per_code.get(code),
                soort=soort if soort in ("uea", "visie") else "bewijs",
            )
    return i


@requires(Sectie.VERWERVING, Actie.INSCHRIJVEN)
def inschrijven(request: HttpRequest, referentie: str) -> HttpResponse:
    a = _aanbesteding(request, referentie)
    aanbieder = _aanbieder(request)
    if aanbieder is None:
        raise PermissionDenied("Alleen een aanbieder schrijft in.")
    eigen = a.inschrijvingen.filter(aanbieder=aanbieder).first()
    open_ = a.status == AanbestedingStatus.AANGEKONDIGD and timezone.now() <= a.inschrijven_tot
    if request.method == "POST":
        if not open_:
            messages.error(
                request,
                f"De inschrijftermijn is verstreken op {tijd(a.inschrijven_tot)}: "
                "de inschrijving is niet aangenomen.",
            )
            return redirect("verwerving:aanbesteding", referentie=referentie)
        try:
            with transaction.atomic():
                i = _verwerk_inschrijving(request, a, aanbieder, eigen)
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
            return _formulier(request, a, eigen, open_, status=400)
        messages.success(
            request,
            f"Inschrijving nr. {i.nummer} ontvangen op {tijd(i.ingediend_op or timezone.now())}; "
            f"u kunt haar wijzigen tot {tijd(a.inschrijven_tot)}.",
        )
        return redirect("verwerving:inschrijven", referentie=referentie)
    return _formulier(request, a, eigen, open_)


def _formulier(
    request: HttpRequest,
    a: Aanbesteding,
    eigen: Inschrijving | None,
    open_: bool,
    status: int = 200,
) -> HttpResponse:
    p = request.POST if request.method == "POST" else None
    bestaand = list(eigen.capaciteit) if eigen is not None else []
    regels = [
        f.CapaciteitForm(
            p,
            prefix=f"cap{n}",
            gebieden=_gebieden(a),
            percelen=_percelen(a),
            initial=bestaand[n] if n < len(bestaand) else None,
        )
        for n in range(len(bestaand) + LEGE_REGELS)
    ]
    gekozen = (
        set(p.getlist("percelen"))
        if p is not None
        else {str(pk) for pk in (eigen.percelen.values_list("pk", flat=True) if eigen else [])}
    )
    antwoorden = eigen.antwoorden if eigen is not None else {}
    verklaard = set(eigen.uea.get("verklaard", [])) if eigen is not None else set()
    criteria = [
        (c, p.get(f"antwoord-{c.code}", "") if p is not None else antwoorden.get(c.code, ""))
        for c in a.criteria.all()
    ]
    eisen = [
        (e, bool(p.get(f"verklaar-{e.code}")) if p is not None else e.code in verklaard)
        for e in a.eisen.all()
    ]
    context = {
        "a": a,
        "eigen": eigen,
        "open": open_,
        "regels": regels,
        "criteria": criteria,
        "eisen": eisen,
        "percelen": [(pc, str(pc.pk) in gekozen) for pc in a.percelen.all()],
        "gebieden": a.regio.gebieden.all(),
        "bijlagen": eigen.bewijsstukken.select_related("eis").defer("inhoud") if eigen else [],
        "waarden": {
            "visie": p.get("visie", "") if p is not None else (eigen.visie if eigen else ""),
            "leden": p.get("leden", "")
            if p is not None
            else ", ".join(eigen.leden.values_list("agb_code", flat=True))
            if eigen
            else "",
            "onderaannemers": p.get("onderaannemers", "")
            if p is not None
            else "\n".join(eigen.onderaannemers)
            if eigen
            else "",
            "uitsluitingsgronden": p.get("uitsluitingsgronden", "")
            if p is not None
            else eigen.uea.get("uitsluitingsgronden", "")
            if eigen
            else "geen",
        },
        "max_mb": settings.TENDER_MAX_FILE_MB,
    }
    return render(request, "verwerving/inschrijven.html", context, status=status)


@requires(Sectie.VERWERVING)
def bijlage(request: HttpRequest, referentie: str, pk: int) -> HttpResponse:
    """An attachment: its own bidder always; the team only after the bid deadline."""
    a = _aanbesteding(request, referentie)
    stuk = get_object_or_404(Bewijsstuk, pk=pk, inschrijving__aanbesteding=a)
    if mag(request.user, Sectie.VERWERVING, Actie.INSCHRIJVEN):
        selectors.bewijsstuk_open(bewijsstuk=stuk, aanbieder=_aanbieder(request) or Aanbieder())
    elif mag(request.user, Sectie.VERWERVING, Actie.WIJZIGEN):
        selectors.bewijsstuk_open(bewijsstuk=stuk)
    else:
        raise PermissionDenied("Bijlagen van inschrijvingen zijn voor het regioteam.")
    antwoord = HttpResponse(bytes(stuk.inhoud), content_type=stuk.content_type)
    antwoord["Content-Disposition"] = content_disposition_header(True, stuk.naam) or "attachment"
    antwoord["X-Content-Type-Options"] = "nosniff"
    return antwoord


@require_POST
@requires(Sectie.VERWERVING, Actie.INSCHRIJVEN)
def bijlage_verwijder(request: HttpRequest, referentie: str, pk: int) -> HttpResponse:
    a = _aanbesteding(request, referentie)
    aanbieder = _aanbieder(request)
    stuk = get_object_or_404(Bewijsstuk, pk=pk, inschrijving__aanbesteding=a)
    if aanbieder is None or stuk.inschrijving.aanbieder_id != aanbieder.pk:
        raise PermissionDenied("Alleen de inschrijver verwijdert de eigen bijlagen.")
    try:
        s.bewijsstuk_verwijder(bewijsstuk=stuk)
        messages.success(request, f"{stuk.naam} verwijderd.")
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    return redirect("verwerving:inschrijven", referentie=referentie)


@require_POST
@requires(Sectie.VERWERVING, Actie.INSCHRIJVEN)
def eindbod(request: HttpRequest, referentie: str) -> HttpResponse:
    """A partner accepts or refuses its offer."""
    a = _aanbesteding(request, referentie)
    aanbieder = _aanbieder(request)
    if aanbieder is None:
        raise PermissionDenied("Alleen de partner zelf beantwoordt het aanbod.")
    eigen = get_object_or_404(Inschrijving, aanbesteding=a, aanbieder=aanbieder)
    keuze = request.POST.get("keuze", "")
    try:
        if keuze not in ("aanvaard", "geweigerd"):
            raise ValidationError("Kies: aanvaarden of weigeren.")
        s.eindbod_geef(
            inschrijving=eigen,
            aanvaard=keuze == "aanvaard",
            toelichting=request.POST.get("toelichting", ""),
        )
        messages.success(request, f"Uw eindinschrijving is vastgelegd: aanbod {keuze}.")
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    return redirect("verwerving:aanbesteding", referentie=referentie)
