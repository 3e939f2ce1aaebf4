# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The contract: /api/v1/openapi.json and a page that reads it in Dutch, with per
operation who may call it. Both hold no data, so both are open (NL API Design Rules:
the OpenAPI document at a standard place)."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from drf_spectacular.generators import SchemaGenerator


@lru_cache(maxsize=1)
def document() -> dict[str, Any]:
    """The OpenAPI document, made once per process (docs/openapi.json is a copy that a
    test keeps equal)."""
    return SchemaGenerator().get_schema(request=None, public=True)  # type: ignore[no-any-return]


def als_tekst() -> str:
    return json.dumps(document(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


@login_not_required
@require_GET
def openapi(request: HttpRequest) -> HttpResponse:
    return HttpResponse(als_tekst(), content_type="application/vnd.oai.openapi+json")


SOORTEN = {"query": "in de adresregel", "path": "in het pad", "header": "in de kop"}


def _operaties() -> list[dict[str, Any]]:
    doc = document()
    uit = []
    for pad, ops in doc["paths"].items():
        for methode, op in ops.items():
            beschrijving, _, wie = op.get("description", "").partition("Wie mag: ")
            params = [
                {"naam": p["name"], "waar": SOORTEN.get(p["in"], p["in"]),
                 "verplicht": p.get("required", False),
                 "uitleg": p.get("description", ""),
                 "waarden": ", ".join(str(x) for x in p.get("schema", {}).get("enum", []))
                 or ", ".join(str(x) for x in p.get("schema", {}).get("items", {}).get("enum", []))}
                for p in op.get("parameters", [])
            ]  # fmt: skip
            uit.append({
                "methode": methode.upper(), "pad": pad, "samenvatting": op.get("summary", ""),
                "beschrijving": beschrijving.strip(), "wie": wie.rstrip("."),
                "groep": (op.get("tags") or ["overig"])[0], "parameters": params,
                "anker": f"{methode}-{pad}".replace("/", "-").replace("{", "").replace("}", ""),
                "codes": sorted(op.get("responses", {})),
            })  # fmt: skip
    return uit


GROEPEN = {
    "regio": "Regio en referentie", "contracten": "Aanbieders en overeenkomsten",
    "geld": "Geld", "monitor": "Monitor", "verwerving": "Verwerving", "sturing": "Sturing",
    "rapportages": "Rapportages", "aanleveren": "Aanleveren",
}  # fmt: skip


@login_not_required
@require_GET
def pagina(request: HttpRequest) -> HttpResponse:
    ops = _operaties()
    groepen = [
        {"naam": naam, "operaties": [o for o in ops if o["groep"] == code]}
        for code, naam in GROEPEN.items()
    ]
    zichtbaar = [g for g in groepen if g["operaties"]]
    versie = document()["info"]["version"]
    return render(request, "api/documentatie.html", {"groepen": zichtbaar, "versie": versie})
