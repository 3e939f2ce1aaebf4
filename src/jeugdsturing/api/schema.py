# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The OpenAPI document as drf-spectacular makes it, completed with what every
operation shares: the two ways to log in, problem+json for every error, the API-Version
header on every answer, and who may call it (from the access policy)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema

PROBLEEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "Een fout volgens RFC 9457 (application/problem+json), in het Nederlands.",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string", "description": "soort fout"},
        "status": {"type": "integer"},
        "detail": {"type": "string", "description": "wat er mis is en waar"},
        "instance": {"type": "string", "description": "de aanvraag"},
        "invalidParams": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "code", "reason"],
                "properties": {
                    "name": {"type": "string", "description": "parameter of veld"},
                    "code": {"type": "string"},
                    "reason": {"type": "string"},
                },
            },
        },
    },
}
FOUTEN = {
    "400": "ongeldige parameter of ongeldig bestand (met invalidParams)",
    "401": "niet aangemeld: geen, een onbekende of een ingetrokken API-sleutel",
    "403": "uw rol of organisatie mag dit niet; de reden staat in detail",
    "404": "onbekend, of een pagina voorbij de laatste",
    "405": "deze methode is hier niet toegestaan",
    "406": "alleen JSON (Accept: application/json)",
    "415": "soort inhoud niet ondersteund",
}


class SleutelSchema(OpenApiAuthenticationExtension):
    target_class = "jeugdsturing.api.beleid.Sleutel"
    name = "apiSleutel"

    def get_security_definition(self, auto_schema: AutoSchema) -> dict[str, Any]:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "Een API-sleutel (pagina API-sleutels): Authorization: Bearer js_…",
        }


class SessieSchema(OpenApiAuthenticationExtension):
    target_class = "jeugdsturing.api.beleid.Sessie"
    name = "sessie"

    def get_security_definition(self, auto_schema: AutoSchema) -> dict[str, Any]:
        return {
            "type": "apiKey",
            "in": "cookie",
            "name": "sessionid",
            "description": "De sessie van de browser (met CSRF-token bij schrijven).",
        }


def _wie(pad: str, methode: str) -> str | None:
    """The roles the policy allows for this operation (for the description)."""
    from django.urls import Resolver404, resolve

    from jeugdsturing.core.access import rollen_met

    voorbeeld = pad.replace("{pk}", "1").replace("{referentie}", "x")
    try:
        view = resolve(voorbeeld).func
    except Resolver404:
        return None
    toegang = getattr(view, "toegang", None)
    if toegang is None:
        return None
    actie = toegang.actie if methode in ("get", "head", "options") else toegang.post
    rollen = sorted(r.label.lower() for r in rollen_met(toegang.sectie, actie))
    return ", ".join(rollen) if rollen else "niemand"


def nabewerking(
    result: dict[str, Any], generator: Any, request: Any, public: bool
) -> dict[str, Any]:
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["Probleem"] = PROBLEEM_SCHEMA
    result["components"].setdefault("headers", {})["API-Version"] = {
        "description": "de volledige versie van de API",
        "schema": {"type": "string", "example": result["info"]["version"]},
    }
    result["servers"] = [{"url": "/", "description": "deze installatie"}]
    probleem = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Probleem"}}}
    for pad, ops in result.get("paths", {}).items():
        for methode, op in ops.items():
            antwoorden = op.setdefault("responses", {})
            for code, tekst in FOUTEN.items():
                if code in ("404",) and "{" not in pad and "page" not in str(op.get("parameters")):
                    continue
                if code == "400" and methode == "get" and not op.get("parameters"):
                    continue
                antwoorden[code] = {"description": tekst, "content": probleem}
            for antwoord in antwoorden.values():
                antwoord.setdefault("headers", {})["API-Version"] = {
                    "$ref": "#/components/headers/API-Version"
                }
            wie = _wie(pad, methode)
            if wie is not None:
                op["description"] = (op.get("description", "") + f"\n\nWie mag: {wie}.").strip()
    return result
