# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Who calls, and may they: an API key (a system, in a user's name) or the browser's
session; then the one access policy (core.access), asked with the endpoint's declared
(section, action). What an endpoint does not declare is denied."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.contrib.auth.models import User
from django.utils import timezone
from knox.auth import TokenAuthentication
from rest_framework import exceptions
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

from jeugdsturing.core.access import Toegang, eis
from jeugdsturing.gebruikers.models import ApiSleutel

if TYPE_CHECKING:
    from rest_framework.views import APIView

BIJWERKEN_NA = timedelta(minutes=1)  # "laatst gebruikt" is written at most once a minute
ONBEKEND = "Onbekende, verlopen of ingetrokken API-sleutel."


class Sleutel(TokenAuthentication):
    """`Authorization: Bearer js_…`: a key made on the page "API-sleutels" (or with
    `jeugdsturing apisleutel maak`); stored as a digest, compared in constant time."""

    def authenticate(self, request: Request) -> tuple[User, ApiSleutel] | None:
        try:
            return super().authenticate(request)  # type: ignore[no-any-return]
        except exceptions.AuthenticationFailed:
            raise exceptions.AuthenticationFailed(
                f"{ONBEKEND} Stuur de kop Authorization: Bearer gevolgd door de sleutel."
            ) from None
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(ONBEKEND) from None

    def authenticate_credentials(self, token: bytes) -> tuple[User, ApiSleutel]:
        user, sleutel = super().authenticate_credentials(token)
        nu = timezone.now()
        if sleutel.laatst_gebruikt is None or nu - sleutel.laatst_gebruikt > BIJWERKEN_NA:
            ApiSleutel.objects.filter(pk=sleutel.pk).update(laatst_gebruikt=nu)
        return user, sleutel

    def validate_user(self, auth_token: ApiSleutel) -> tuple[User, ApiSleutel]:
        if not auth_token.user.is_active:
            raise exceptions.AuthenticationFailed("Het account van deze sleutel is uitgeschakeld.")
        return auth_token.user, auth_token


class Sessie(SessionAuthentication):
    """The browser's session (with CSRF for anything that writes), only after the
    second factor where the role needs one."""

    def authenticate(self, request: Request) -> tuple[User, None] | None:
        uitkomst = super().authenticate(request)
        if uitkomst is not None and getattr(request._request, "wacht_op_tweede_factor", False):
            raise exceptions.AuthenticationFailed(
                "Geef eerst de code van uw tweede factor op de website, of gebruik een API-sleutel."
            )
        return uitkomst

    def enforce_csrf(self, request: Request) -> None:
        try:
            super().enforce_csrf(request)
        except exceptions.PermissionDenied:
            raise exceptions.PermissionDenied(
                "Deze aanvraag mist het CSRF-token van de sessie; een systeem gebruikt een "
                "API-sleutel."
            ) from None


class Beleid(BasePermission):
    """The endpoint's `toegang` (section, action for reading, action for writing), asked
    of the access policy; the refusal says who may."""

    def has_permission(self, request: Request, view: APIView) -> bool:
        toegang: Toegang | None = getattr(view, "toegang", None)
        if toegang is None:
            return False  # undeclared: denied (and a test fails)
        if not request.user or not request.user.is_authenticated:
            raise exceptions.NotAuthenticated(
                "Log in of stuur een API-sleutel: Authorization: Bearer gevolgd door de sleutel."
            )
        eis(request.user, toegang.sectie, toegang.actie if request.method in SAFE_METHODS
            else toegang.post)  # fmt: skip
        return True


class Openbaar(BasePermission):
    """The contract itself (the OpenAPI document and its page): no data, for anyone."""

    def has_permission(self, request: Request, view: Any) -> bool:
        return True
