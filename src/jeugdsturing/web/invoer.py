# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Input no page can use: a NUL character in an address or form value (PostgreSQL cannot
store it in text, and no user types it) is refused for the whole request with a Dutch
400 page that names the parameter, before any view reads it."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string


class InvoerMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        for bron in (request.GET, request.POST if request.method == "POST" else None):
            if bron is None:
                continue
            for naam, waarden in bron.lists():
                if "\x00" in naam or any("\x00" in w for w in waarden):
                    tekst = (
                        f"De invoer bij '{naam.replace(chr(0), '')[:40]}' bevat een teken dat "
                        "niet getypt kan worden (NUL). Controleer het adres of het formulier."
                    )
                    html = render_to_string("400.html", {"melding": tekst}, request=request)
                    return HttpResponse(html, status=400)
        return self.get_response(request)
