# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Pages of a collection as the NL API Design Rules describe them: `page` and
`pageSize` in the query, links (self, first, prev, next, last) in `_links` (HAL) and in
the Link header, the total in the body and in X-Total-Count."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from django.core.paginator import Paginator
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

STANDAARD = 100
HOOGSTENS = 1000


def _geheel(request: Request, naam: str, standaard: int, hoogstens: int | None) -> int:
    tekst = request.query_params.get(naam)
    if tekst is None:
        return standaard
    try:
        waarde = int(tekst)
    except ValueError:
        raise ValidationError({naam: [f"geen geheel getal: {tekst!r}"]}) from None
    if waarde < 1 or (hoogstens is not None and waarde > hoogstens):
        grens = f"1 tot en met {hoogstens}" if hoogstens else "1 of meer"
        raise ValidationError({naam: [f"{waarde} valt buiten {grens}"]})
    return waarde


class Paginering(BasePagination):
    def paginate_queryset(  # type: ignore[override]
        self, queryset: Sequence[Any], request: Request, view: Any = None
    ) -> list[Any]:
        self.request = request
        self.grootte = _geheel(request, "pageSize", STANDAARD, HOOGSTENS)
        self.pagina = _geheel(request, "page", 1, None)
        paginator = Paginator(queryset, self.grootte)
        self.totaal = paginator.count
        self.paginas = max(1, math.ceil(self.totaal / self.grootte))
        if self.pagina > self.paginas:
            aantal = "is 1 pagina" if self.paginas == 1 else f"zijn {self.paginas} pagina's"
            raise NotFound(f"Pagina {self.pagina} bestaat niet: er {aantal} van {self.grootte}.")
        return list(paginator.page(self.pagina).object_list)

    def _link(self, pagina: int) -> str:
        url = self.request.build_absolute_uri()
        return (
            remove_query_param(url, "page")
            if pagina == 1
            else replace_query_param(url, "page", pagina)
        )

    def links(self) -> dict[str, dict[str, str]]:
        uit = {
            "self": {"href": self._link(self.pagina)},
            "first": {"href": self._link(1)},
            "last": {"href": self._link(self.paginas)},
        }
        if self.pagina > 1:
            uit["prev"] = {"href": self._link(self.pagina - 1)}
        if self.pagina < self.paginas:
            uit["next"] = {"href": self._link(self.pagina + 1)}
        return uit

    def get_paginated_response(self, data: Any) -> Response:
        links = self.links()
        response = Response(
            {"_links": links, "totaal": self.totaal, "paginas": self.paginas, "resultaten": data}
        )
        response["X-Total-Count"] = str(self.totaal)
        response["Link"] = ", ".join(f'<{v["href"]}>; rel="{k}"' for k, v in links.items())
        return response

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        link = {"type": "object", "properties": {"href": {"type": "string", "format": "uri"}},
                "required": ["href"]}  # fmt: skip
        return {
            "type": "object",
            "required": ["_links", "totaal", "paginas", "resultaten"],
            "properties": {
                "_links": {
                    "type": "object",
                    "required": ["self", "first", "last"],
                    "properties": dict.fromkeys(("self", "first", "prev", "next", "last"), link),
                },
                "totaal": {"type": "integer", "description": "aantal resultaten op alle pagina's"},
                "paginas": {"type": "integer", "description": "aantal pagina's"},
                "resultaten": schema,
            },
        }

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return [
            {"name": "page", "in": "query", "required": False,
             "description": "paginanummer, vanaf 1", "schema": {"type": "integer", "minimum": 1}},
            {"name": "pageSize", "in": "query", "required": False,
             "description": f"resultaten per pagina (standaard {STANDAARD})",
             "schema": {"type": "integer", "minimum": 1, "maximum": HOOGSTENS}},
        ]  # fmt: skip
