# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Every error of the API as application/problem+json (RFC 9457), in Dutch, with the
parameters that were wrong (`invalidParams`, as the NL API Design Rules name them); and
the headers every API response carries."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler

log = logging.getLogger(__name__)

PROBLEEM = "application/problem+json"
TITELS: dict[int, str] = {
    400: "Ongeldige aanvraag",
    401: "Niet aangemeld",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    406: "Gevraagd formaat niet beschikbaar",
    409: "Conflict",
    413: "Te groot",
    415: "Soort inhoud niet ondersteund",
    429: "Te veel aanvragen",
    500: "Interne fout",
    503: "Tijdelijk niet beschikbaar",
}
# DRF speaks Dutch (LANGUAGE_CODE); these few of its messages it leaves (half) English.
ENGELS: dict[str, str] = {
    "Must be a valid boolean.": "geen ja/nee-waarde: gebruik true of false",
    "Date heeft het verkeerde formaat": "ongeldige datum: gebruik JJJJ-MM-DD",
    "Datetime heeft het verkeerde formaat": "ongeldig tijdstip: gebruik ISO 8601",
}


def _nl(tekst: str) -> str:
    for engels, nl in ENGELS.items():
        if tekst.startswith(engels):
            return nl
    return tekst


def probleem_body(
    status_code: int, detail: str, instance: str, ongeldig: list[dict[str, str]] | None = None
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": TITELS.get(status_code, "Fout"),
        "status": status_code,
        "detail": detail,
        "instance": instance,
    }
    if ongeldig:
        body["invalidParams"] = ongeldig
    return body


def _platte_fouten(fouten: Any, prefix: str = "") -> list[dict[str, str]]:
    """DRF's nested error dict as a list of {name, code, reason}."""
    uit: list[dict[str, str]] = []
    if isinstance(fouten, dict):
        for k, v in fouten.items():
            naam = k if k != "non_field_errors" else ""
            uit += _platte_fouten(v, f"{prefix}.{naam}" if prefix and naam else naam or prefix)
    elif isinstance(fouten, list):
        for v in fouten:
            uit += _platte_fouten(v, prefix)
    else:
        code = getattr(fouten, "code", "invalid") or "invalid"
        uit.append({"name": prefix or "aanvraag", "code": str(code), "reason": _nl(str(fouten))})
    return uit


def probleem(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's exception handler, answering in problem+json."""
    request = context.get("request")
    instance = request.get_full_path() if request is not None else ""
    if isinstance(exc, DjangoValidationError):  # a service's refusal: as a serializer's
        exc = exceptions.ValidationError(as_serializer_error(exc))
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound(str(exc) or "Niet gevonden.")
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or "Geen toegang.")
    response = exception_handler(exc, context)
    if response is None or not isinstance(exc, exceptions.APIException):
        return None  # a programming error: ApiMiddleware answers 500 and logs it
    ongeldig: list[dict[str, str]] | None = None
    if isinstance(exc, exceptions.ValidationError):
        ongeldig = _platte_fouten(exc.detail)
        detail = "; ".join(
            f"{o['name']}: {o['reason']}" if o["name"] != "aanvraag" else o["reason"]
            for o in ongeldig
        )
    else:
        detail = _nl(str(exc.detail))
    response.data = probleem_body(response.status_code, detail, instance, ongeldig)
    response.content_type = PROBLEEM
    return response


def probleem_antwoord(status_code: int, detail: str, request: HttpRequest) -> HttpResponse:
    return HttpResponse(
        json.dumps(probleem_body(status_code, detail, request.get_full_path()), ensure_ascii=False),
        status=status_code,
        content_type=PROBLEEM,
    )


class ApiMiddleware:
    """Under /api/: every response carries API-Version and is not cached; what Django
    itself answers (an unknown address, a programming error) becomes problem+json too."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith("/api/"):
            return self.get_response(request)
        response = self.get_response(request)
        soort = response.get("Content-Type", "")
        if response.status_code >= 400 and "json" not in soort:
            tekst = {
                404: f"Er is geen eindpunt {request.path}; zie /api/v1/openapi.json.",
                405: f"Methode {request.method} is hier niet toegestaan.",
            }.get(response.status_code, TITELS.get(response.status_code, "Fout") + ".")
            response = probleem_antwoord(response.status_code, tekst, request)
        response["API-Version"] = settings.API_VERSIE
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, no_store=True, private=True)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not request.path.startswith("/api/") or settings.DEBUG_PROPAGATE_EXCEPTIONS:
            return None
        log.exception("fout in %s %s", request.method, request.path)
        return probleem_antwoord(
            status.HTTP_500_INTERNAL_SERVER_ERROR,
            "Er ging iets mis aan onze kant; de fout is vastgelegd. Probeer het later opnieuw.",
            request,
        )
