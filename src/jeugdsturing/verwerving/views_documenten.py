# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The tender's documents: the published OCDS release package, the selection or
rejection letter, the Nota van Inlichtingen and the proces-verbaal (PDF)."""

from __future__ import annotations

import json

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from jeugdsturing.core.access import Actie, mag, requires, scope_van
from jeugdsturing.verwerving import documenten, ocds
from jeugdsturing.verwerving.models import Inschrijving
from jeugdsturing.verwerving.views import V, _aanbesteding, _inschrijver
from jeugdsturing.weergave.pdf import pdf


@requires(V, Actie.EXPORTEREN)
def ocds_export(request: HttpRequest, referentie: str) -> HttpResponse:
    a = _aanbesteding(request, referentie)
    antwoord = HttpResponse(
        json.dumps(ocds.release_package(a), ensure_ascii=False, indent=2),
        content_type="application/json",
    )
    antwoord["Content-Disposition"] = f'attachment; filename="{a.referentie}-ocds.json"'
    return antwoord


def _pdf(inhoud: bytes, naam: str) -> HttpResponse:
    antwoord = HttpResponse(inhoud, content_type="application/pdf")
    antwoord["Content-Disposition"] = f'inline; filename="{naam}"'
    return antwoord


@requires(V)
def brief(request: HttpRequest, referentie: str, nummer: int) -> HttpResponse:
    """The selection or rejection letter: the team for every bid, a bidder only its own."""
    a = _aanbesteding(request, referentie)
    i = get_object_or_404(Inschrijving, aanbesteding=a, nummer=nummer)
    eigen_bod = _inschrijver(request) and scope_van(request.user).aanbieder_id == i.aanbieder_id
    if not mag(request.user, V, Actie.EXPORTEREN) and not eigen_bod:
        raise PermissionDenied("U ziet alleen uw eigen brief.")
    try:
        html = documenten.brief_html(i)
    except ValueError as e:
        raise Http404(str(e)) from e
    return _pdf(pdf(html), f"{a.referentie}-brief-{i.nummer}.pdf")


@requires(V)
def nota(request: HttpRequest, referentie: str, nummer: int) -> HttpResponse:
    a = _aanbesteding(request, referentie)
    if not (mag(request.user, V, Actie.EXPORTEREN) or _inschrijver(request)):
        raise PermissionDenied("De Nota van Inlichtingen is voor inschrijvers en het team.")
    try:
        html = documenten.nota_html(a, nummer)
    except ValueError as e:
        raise Http404(str(e)) from e
    return _pdf(pdf(html), f"{a.referentie}-nota-{nummer}.pdf")


@requires(V, Actie.EXPORTEREN)
def proces_verbaal(request: HttpRequest, referentie: str) -> HttpResponse:
    a = _aanbesteding(request, referentie)
    return _pdf(pdf(documenten.proces_verbaal_html(a)), f"{a.referentie}-pv.pdf")
