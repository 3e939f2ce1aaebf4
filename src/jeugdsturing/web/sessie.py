# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Sessions end after IDLE_TIMEOUT without a request and SESSION_COOKIE_AGE after the
login, whichever comes first; the login page then says why. Nothing a logged-in user
receives is kept in a cache (exports, PDFs and pages with client-level or sealed data
included): Cache-Control no-store."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

BIJWERKEN_NA = 60  # seconds: the last activity is written at most once a minute


class SessieMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            nu = time.time()
            sessie = request.session
            laatst = sessie.get("laatst_actief")
            begonnen = sessie.setdefault("begonnen", nu)
            stil = laatst is not None and nu - laatst > settings.IDLE_TIMEOUT.total_seconds()
            te_lang = nu - begonnen > settings.SESSION_COOKIE_AGE
            if stil or te_lang:
                logout(request)
                reden = (
                    f"{int(settings.IDLE_TIMEOUT.total_seconds() // 60)} minuten zonder activiteit"
                    if stil
                    else f"{settings.SESSION_COOKIE_AGE // 3600} uur na het inloggen"
                )
                messages.info(request, f"U bent uitgelogd na {reden}. Log opnieuw in.")
                return redirect_to_login(request.get_full_path())
            if laatst is None or nu - laatst > BIJWERKEN_NA:
                sessie["laatst_actief"] = nu
        return self.get_response(request)


class GeenOpslagMiddleware:
    """Cache-Control: no-store, private on every response to a logged-in user that does
    not set its own (static files are served outside this chain)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.user.is_authenticated and not response.has_header("Cache-Control"):
            patch_cache_control(response, no_store=True, private=True)
        return response
