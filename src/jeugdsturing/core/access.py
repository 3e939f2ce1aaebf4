"""Who may see what: one table of sections and the roles that may open them.

Every page declares its section with :func:`requires`; the navigation shows only the
sections a user may open; tests check every URL against this table."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from jeugdsturing.rollen import Rol


class Sectie(StrEnum):
    START = "start"
    REGIO = "regio"
    VERWERVING = "verwerving"
    CONTRACTEN = "contracten"
    MONITOR = "monitor"
    STURING = "sturing"
    SCENARIO = "scenario"
    RAPPORTAGES = "rapportages"
    REFERENTIE = "referentie"
    BEHEER = "beheer"
    AUDIT = "audit"
    BERICHTEN = "berichten"


_TEAM = {Rol.REGIOBEHEERDER, Rol.CONTRACTMANAGER, Rol.BELEID, Rol.DATA_ANALIST, Rol.FINANCIEN}
_ALL = set(Rol)
# The region's own steering team: may see exact (unprotected) figures and the
# pseudonymised trajectories behind a figure (docs/indicatoren.md).
TEAM_ROLLEN: frozenset[Rol] = frozenset(_TEAM)

SECTIE_ROLLEN: dict[Sectie, frozenset[Rol]] = {
    Sectie.START: frozenset(_ALL),
    Sectie.REGIO: frozenset(_ALL - {Rol.RAAD}),
    Sectie.VERWERVING: frozenset(
        {Rol.REGIOBEHEERDER, Rol.CONTRACTMANAGER, Rol.BELEID, Rol.AANBIEDER, Rol.BEOORDELAAR}
    ),
    Sectie.CONTRACTEN: frozenset(_TEAM | {Rol.GEMEENTE, Rol.AANBIEDER}),
    Sectie.MONITOR: frozenset(_TEAM | {Rol.GEMEENTE, Rol.AANBIEDER}),
    Sectie.STURING: frozenset(_TEAM | {Rol.GEMEENTE, Rol.AANBIEDER}),
    Sectie.SCENARIO: frozenset(
        {Rol.REGIOBEHEERDER, Rol.BELEID, Rol.DATA_ANALIST, Rol.FINANCIEN, Rol.GEMEENTE}
    ),
    Sectie.RAPPORTAGES: frozenset(_TEAM | {Rol.GEMEENTE, Rol.RAAD}),
    Sectie.REFERENTIE: frozenset(_TEAM | {Rol.GEMEENTE}),
    Sectie.BEHEER: frozenset({Rol.REGIOBEHEERDER}),
    Sectie.AUDIT: frozenset({Rol.REGIOBEHEERDER}),
    # Import and quarantine hold (encrypted) personal data: the data-analist only.
    Sectie.BERICHTEN: frozenset({Rol.DATA_ANALIST}),
}


def rol_van(user: AbstractBaseUser | AnonymousUser) -> Rol | None:
    if not user.is_authenticated:
        return None
    profiel = getattr(user, "profiel", None)
    return Rol(profiel.rol) if profiel is not None else None


def may(user: AbstractBaseUser | AnonymousUser, sectie: Sectie) -> bool:
    """True when the user's role may open the section. Every logged-in user has a start
    page; a superuser without a profile (created with createsuperuser during
    installation) counts as regiobeheerder."""
    if not user.is_authenticated:
        return False
    if sectie == Sectie.START:
        return True
    rol = rol_van(user)
    if rol is None:
        return bool(getattr(user, "is_superuser", False))
    return rol in SECTIE_ROLLEN[sectie]


View = TypeVar("View", bound=Callable[..., HttpResponse])


def requires(sectie: Sectie) -> Callable[[View], View]:
    """Decorator for a view: 403 unless the user's role may open the section.

    Anonymous users never get here: LoginRequiredMiddleware sends them to the login page."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not may(request.user, sectie):
                raise PermissionDenied(f"Uw rol geeft geen toegang tot {sectie.value}.")
            return view(request, *args, **kwargs)

        wrapped.sectie = sectie  # type: ignore[attr-defined]
        return wrapped  # type: ignore[return-value]

    return decorator
