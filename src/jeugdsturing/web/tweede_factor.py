# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The second factor (TOTP, django-otp) with recovery codes.

Required for the roles that see client-level data or bids (core.access.
tweede_factor_verplicht), optional for the others; once set up it is asked at every
login. A user who logged in with the password only reaches nothing but these pages and
the logout until the code is given. The demo users (the published demo password) are
exempt only with DEBUG on (docs/beveiliging.md)."""

from __future__ import annotations

import io
from collections.abc import Callable

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from jeugdsturing.core.access import Sectie, requires, rol_van, tweede_factor_verplicht
from jeugdsturing.gebruikers.services import tweede_factor_begin, tweede_factor_bevestig

DEMO_VRIJ = "tweede_factor_demo"  # session key: a demo login in DEBUG, exempt
# Paths a user who gave only the password may reach.
# The API answers a session still waiting for its code itself (401, api.beleid.Sessie).
VRIJ = ("/inloggen/", "/uitloggen/", "/tweede-factor/", "/static/", "/api/")


def ingesteld(user: User) -> bool:
    return bool(TOTPDevice.objects.filter(user=user, confirmed=True).exists())


def geverifieerd(user: object) -> bool:
    """Whether this session gave its second factor (django-otp's middleware sets it)."""
    return bool(getattr(user, "is_verified", lambda: False)())


def nodig(request: HttpRequest) -> bool:
    """Whether this logged-in request still waits for its second factor."""
    user = request.user
    if not user.is_authenticated or geverifieerd(user):
        return False
    if request.session.get(DEMO_VRIJ) and settings.DEBUG:
        return False
    assert isinstance(user, User)  # noqa: S101
    return tweede_factor_verplicht(rol_van(user)) or ingesteld(user)


class TweedeFactorMiddleware:
    """After the password: to the code (or, the first time, to setting it up) before
    anything else."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Asked once per request; the menu (context_processors) reads the answer.
        request.wacht_op_tweede_factor = nodig(request)  # type: ignore[attr-defined]
        if request.wacht_op_tweede_factor and not request.path.startswith(VRIJ):  # type: ignore[attr-defined]
            assert isinstance(request.user, User)  # noqa: S101
            doel = "controle" if ingesteld(request.user) else "instellen"
            return redirect(f"{reverse('tweede_factor_' + doel)}?next={request.get_full_path()}")
        return self.get_response(request)


class Inloggen(auth_views.LoginView):
    """The login page; with DEBUG on, a demo user (the published demo password) is
    spared the second factor."""

    template_name = "web/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        from jeugdsturing.web.management.commands.demo import DEMO_PASSWORD

        response = super().form_valid(form)
        if settings.DEBUG and form.cleaned_data.get("password") == DEMO_PASSWORD:
            self.request.session[DEMO_VRIJ] = True
        return response


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code", max_length=20, strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )  # fmt: skip


def _volgende(request: HttpRequest) -> str:
    doel = request.GET.get("next") or request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(doel, {request.get_host()}) or doel.startswith(
        "/tweede-factor/"
    ):
        return "/"
    return doel


@requires(Sectie.START)
def controle(request: HttpRequest) -> HttpResponse:
    """The code from the app, or one of the recovery codes."""
    user = request.user
    assert isinstance(user, User)  # noqa: S101
    if not ingesteld(user):
        return redirect("tweede_factor_instellen")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"].replace(" ", "")
        # Six digits are a code from the app, anything else a recovery code: each is
        # tried on its own kind only, so that a recovery code does not count as a wrong
        # app code (which would slow down the next one).
        soort = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
        for device in soort.objects.filter(user=user, confirmed=True):
            if device.verify_token(code):
                otp_login(request, device)
                if isinstance(device, StaticDevice):
                    over = device.token_set.count()
                    messages.warning(
                        request,
                        f"U logde in met een herstelcode; er zijn er nog {over}. Stel bij "
                        "verlies van uw telefoon de tweede factor opnieuw in.",
                    )
                return redirect(_volgende(request))
        form.add_error(
            "code",
            "Deze code klopt niet, of is al gebruikt. Neem de code die de app nu toont, of "
            "een herstelcode. Na enkele foute pogingen moet u steeds langer wachten.",
        )
    return render(
        request,
        "web/tweede_factor.html",
        {"form": form, "stap": "controle", "next": _volgende(request)},
    )


@requires(Sectie.START)
def instellen(request: HttpRequest) -> HttpResponse:
    """Set up the app: a QR code (and the key to type in), confirmed with a first code;
    then ten recovery codes, shown once."""
    user = request.user
    assert isinstance(user, User)  # noqa: S101
    if ingesteld(user) and not geverifieerd(user):
        return redirect("tweede_factor_controle")
    device = tweede_factor_begin(gebruiker=user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = tweede_factor_bevestig(
            gebruiker=user, apparaat=device, code=form.cleaned_data["code"].replace(" ", "")
        )
        if codes is not None:
            otp_login(request, device)
            return render(
                request, "web/tweede_factor.html",
                {"stap": "herstelcodes", "codes": codes, "next": _volgende(request)},
            )  # fmt: skip
        form.add_error(
            "code", "Deze code klopt niet. Controleer de tijd op uw telefoon en probeer de "
            "code die de app nu toont.",
        )  # fmt: skip
    import qrcode
    import qrcode.image.svg

    svg = io.BytesIO()
    qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage).save(svg)
    sleutel = _base32(device)
    return render(
        request,
        "web/tweede_factor.html",
        {
            "form": form, "stap": "instellen", "qr": svg.getvalue().decode(),
            "sleutel": " ".join(sleutel[i : i + 4] for i in range(0, len(sleutel), 4)),
            "verplicht": tweede_factor_verplicht(rol_van(user)), "next": _volgende(request),
        },
    )  # fmt: skip


def _base32(device: TOTPDevice) -> str:
    from base64 import b32encode

    return b32encode(device.bin_key).decode().rstrip("=")
