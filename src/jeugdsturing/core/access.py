# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The one access policy: what each role may do in each section (RECHTEN), and which part
of the data a user sees (Scope).

Every page, export, command and API endpoint asks here. A view declares its
(section, action) with :func:`requires`; a test fails for a view without a declaration,
and anything the table does not name is denied. docs/rollen.md is made from this table
(`jeugdsturing rollendoc`) and a test keeps the two equal.

What a user sees *within* a section follows from the Scope: a gemeente user counts only
the gemeente's own residents, a provider user only its own contracts, bids and
trajectories; only the region's team sees exact figures and the trajectories behind
them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from jeugdsturing.rollen import Rol

Gebruiker = AbstractBaseUser | AnonymousUser


class Sectie(StrEnum):
    START = "start"
    REGIO = "regio"
    REFERENTIE = "referentie"
    VERWERVING = "verwerving"
    CONTRACTEN = "contracten"
    BERICHTEN = "berichten"
    MONITOR = "monitor"
    STURING = "sturing"
    ESCALATIE = "escalatie"
    ZORGCONTINUITEIT = "zorgcontinuiteit"
    TOEGANG = "toegang"
    SCENARIO = "scenario"
    RAPPORTAGES = "rapportages"
    BEHEER = "beheer"
    AUDIT = "audit"


SECTIE_NAMEN: dict[Sectie, str] = {
    Sectie.START: "Start",
    Sectie.REGIO: "Regio-inrichting",
    Sectie.REFERENTIE: "Gemeenten en jeugdregio's",
    Sectie.VERWERVING: "Verwerving",
    Sectie.CONTRACTEN: "Contracten en geld",
    Sectie.BERICHTEN: "Berichten",
    Sectie.MONITOR: "Monitor",
    Sectie.STURING: "Sturing",
    Sectie.ESCALATIE: "Signalen en verbetertrajecten",
    Sectie.ZORGCONTINUITEIT: "Zorgcontinuïteit",
    Sectie.TOEGANG: "Toegang en verwijzing",
    Sectie.SCENARIO: "Scenario's",
    Sectie.RAPPORTAGES: "Rapportages",
    Sectie.BEHEER: "Beheer en gegevensbeheer",
    Sectie.AUDIT: "Audittrail",
}


class Actie(StrEnum):
    BEKIJKEN = "bekijken"
    WIJZIGEN = "wijzigen"
    GOEDKEUREN = "goedkeuren"
    EXPORTEREN = "exporteren"
    AANLEVEREN = "aanleveren"
    INSCHRIJVEN = "inschrijven"
    BEOORDELEN = "beoordelen"
    EXACT = "exact"


ACTIE_NAMEN: dict[Actie, str] = {
    Actie.BEKIJKEN: "bekijken",
    Actie.WIJZIGEN: "wijzigen",
    Actie.GOEDKEUREN: "goedkeuren",
    Actie.EXPORTEREN: "exporteren (CSV, Excel, PDF, OCDS)",
    Actie.AANLEVEREN: "bestanden aanleveren",
    Actie.INSCHRIJVEN: "inschrijven, vragen stellen, bezwaar maken",
    Actie.BEOORDELEN: "inschrijvingen beoordelen",
    Actie.EXACT: "exacte cijfers en de trajecten erachter",
}

R = Rol
ALLE = frozenset(Rol)
# The region's own steering team.
TEAM = frozenset({R.REGIOBEHEERDER, R.CONTRACTMANAGER, R.BELEID, R.DATA_ANALIST, R.FINANCIEN})
# Who runs a tender: the team without data and finance.
AANBESTEDINGSTEAM = frozenset({R.REGIOBEHEERDER, R.CONTRACTMANAGER, R.BELEID})
# Who changes budgets, ceilings and contracts.
GELDBEHEER = frozenset({R.REGIOBEHEERDER, R.FINANCIEN, R.CONTRACTMANAGER})
# Who works the scenarios: policy, data and finance with the administrator.
SCENARIOTEAM = frozenset({R.REGIOBEHEERDER, R.BELEID, R.DATA_ANALIST, R.FINANCIEN})
EIGEN = frozenset({R.GEMEENTE, R.AANBIEDER})  # see their own part (Scope)

RECHTEN: dict[tuple[Sectie, Actie], frozenset[Rol]] = {
    (Sectie.START, Actie.BEKIJKEN): ALLE,
    (Sectie.REGIO, Actie.BEKIJKEN): ALLE - {R.RAAD},
    (Sectie.REFERENTIE, Actie.BEKIJKEN): TEAM | {R.GEMEENTE},
    (Sectie.VERWERVING, Actie.BEKIJKEN): AANBESTEDINGSTEAM | {R.AANBIEDER, R.BEOORDELAAR},
    (Sectie.VERWERVING, Actie.WIJZIGEN): AANBESTEDINGSTEAM,
    (Sectie.VERWERVING, Actie.EXPORTEREN): AANBESTEDINGSTEAM,
    (Sectie.VERWERVING, Actie.INSCHRIJVEN): frozenset({R.AANBIEDER}),
    (Sectie.VERWERVING, Actie.BEOORDELEN): frozenset({R.BEOORDELAAR}),
    (Sectie.CONTRACTEN, Actie.BEKIJKEN): TEAM | EIGEN,
    (Sectie.CONTRACTEN, Actie.WIJZIGEN): GELDBEHEER,
    (Sectie.CONTRACTEN, Actie.GOEDKEUREN): frozenset({R.REGIOBEHEERDER, R.FINANCIEN}),
    (Sectie.CONTRACTEN, Actie.EXPORTEREN): TEAM | EIGEN,
    (Sectie.CONTRACTEN, Actie.AANLEVEREN): GELDBEHEER | {R.AANBIEDER},
    # Import and quarantine hold (encrypted) personal data: the data-analist only.
    (Sectie.BERICHTEN, Actie.BEKIJKEN): frozenset({R.DATA_ANALIST}),
    (Sectie.BERICHTEN, Actie.WIJZIGEN): frozenset({R.DATA_ANALIST}),
    (Sectie.BERICHTEN, Actie.EXPORTEREN): frozenset({R.DATA_ANALIST}),
    (Sectie.BERICHTEN, Actie.AANLEVEREN): frozenset({R.DATA_ANALIST}),
    (Sectie.MONITOR, Actie.BEKIJKEN): TEAM | EIGEN,
    (Sectie.MONITOR, Actie.EXPORTEREN): TEAM | EIGEN,
    (Sectie.MONITOR, Actie.EXACT): TEAM,
    (Sectie.STURING, Actie.BEKIJKEN): TEAM | EIGEN,
    # Goals, reported values, packs and dialogue records: the region's team.
    (Sectie.STURING, Actie.WIJZIGEN): TEAM,
    # The uitvraag and the duiding: a provider delivers its own figures, documents and
    # interpretation.
    (Sectie.STURING, Actie.AANLEVEREN): frozenset({R.AANBIEDER}),
    # Packs as PDF and Excel: what each sees on the page (docs/sturing.md).
    (Sectie.STURING, Actie.EXPORTEREN): TEAM | EIGEN,
    # Signals and escalation cases (docs/escalatie.md): the team works them, contract
    # management approves a plan and gives the judgement; a provider sees and answers its
    # own case; the toegang follows cases trajectory by trajectory (notes), without money.
    (Sectie.ESCALATIE, Actie.BEKIJKEN): TEAM | {R.AANBIEDER, R.TOEGANG},
    (Sectie.ESCALATIE, Actie.WIJZIGEN): TEAM,
    (Sectie.ESCALATIE, Actie.GOEDKEUREN): frozenset({R.REGIOBEHEERDER, R.CONTRACTMANAGER}),
    (Sectie.ESCALATIE, Actie.AANLEVEREN): frozenset({R.AANBIEDER, R.TOEGANG}),
    # Care continuity at the change of contracts (docs/zorgcontinuiteit.md): the team
    # analyses, plans and reserves; a gemeente sees the counts of its residents; a
    # provider sees its own affected clients and the children planned to transfer to it.
    (Sectie.ZORGCONTINUITEIT, Actie.BEKIJKEN): TEAM | EIGEN,
    (Sectie.ZORGCONTINUITEIT, Actie.WIJZIGEN): TEAM,
    (Sectie.ZORGCONTINUITEIT, Actie.EXACT): TEAM,
    # The intake point and the referral advice: the toegang registers and assigns, a
    # provider accepts or refuses what is assigned to it.
    (Sectie.TOEGANG, Actie.BEKIJKEN): TEAM | {R.AANBIEDER, R.TOEGANG},
    (Sectie.TOEGANG, Actie.WIJZIGEN): frozenset({R.TOEGANG, R.REGIOBEHEERDER, R.CONTRACTMANAGER}),
    (Sectie.TOEGANG, Actie.AANLEVEREN): frozenset({R.AANBIEDER}),
    # Scenarios (docs/scenario.md): the team without contract management; a gemeente
    # sees its own position next to the region's total.
    (Sectie.SCENARIO, Actie.BEKIJKEN): SCENARIOTEAM | {R.GEMEENTE},
    (Sectie.SCENARIO, Actie.EXPORTEREN): SCENARIOTEAM | {R.GEMEENTE},
    # Saving and deleting cost projections; a gemeente may compute, not save.
    (Sectie.SCENARIO, Actie.WIJZIGEN): SCENARIOTEAM,
    # Council reports (docs/raadsrapportage.md): the team makes concepts, the
    # regiobeheerder and beleid adopt and publish; the council and the gemeenten read the
    # published ones.
    (Sectie.RAPPORTAGES, Actie.BEKIJKEN): TEAM | {R.GEMEENTE, R.RAAD},
    (Sectie.RAPPORTAGES, Actie.WIJZIGEN): TEAM,
    (Sectie.RAPPORTAGES, Actie.GOEDKEUREN): frozenset({R.REGIOBEHEERDER, R.BELEID}),
    (Sectie.RAPPORTAGES, Actie.EXPORTEREN): TEAM | {R.GEMEENTE, R.RAAD},
    (Sectie.BEHEER, Actie.BEKIJKEN): frozenset({R.REGIOBEHEERDER}),
    (Sectie.BEHEER, Actie.WIJZIGEN): frozenset({R.REGIOBEHEERDER}),
    (Sectie.AUDIT, Actie.BEKIJKEN): frozenset({R.REGIOBEHEERDER}),
}

# What a role's "eigen" means in the sections it sees only in part (docs/rollen.md).
EIGEN_DEEL: dict[tuple[Sectie, Rol], str] = {
    (Sectie.VERWERVING, R.AANBIEDER): "eigen inschrijving",
    (Sectie.VERWERVING, R.BEOORDELAAR): "toegewezen inschrijvingen",
    (Sectie.CONTRACTEN, R.AANBIEDER): "eigen",
    (Sectie.CONTRACTEN, R.GEMEENTE): "eigen gemeente",
    (Sectie.MONITOR, R.AANBIEDER): "eigen cijfers + regio",
    (Sectie.MONITOR, R.GEMEENTE): "eigen inwoners",
    (Sectie.STURING, R.AANBIEDER): "eigen",
    (Sectie.ESCALATIE, R.AANBIEDER): "eigen verbetertrajecten",
    (Sectie.ZORGCONTINUITEIT, R.AANBIEDER): "eigen cliënten en aan hem overgedragen",
    (Sectie.ZORGCONTINUITEIT, R.GEMEENTE): "aantallen eigen inwoners",
    (Sectie.TOEGANG, R.AANBIEDER): "aan hem toegewezen aanmeldingen",
    (Sectie.SCENARIO, R.GEMEENTE): "eigen positie",
    (Sectie.RAPPORTAGES, R.GEMEENTE): "gepubliceerde",
    (Sectie.RAPPORTAGES, R.RAAD): "gepubliceerde",
}


def ingelogd(door: Gebruiker | None) -> User | None:
    """The user to record as "door" (who did it): a logged-in user, else None (the
    command line, a test, the demo)."""
    return door if isinstance(door, User) and door.is_authenticated else None


def rol_van(user: Gebruiker) -> Rol | None:
    """The user's role. A superuser without a profile (made with createsuperuser during
    installation) counts as regiobeheerder; anyone else without a profile has none."""
    if not user.is_authenticated:
        return None
    profiel = getattr(user, "profiel", None)
    if profiel is not None:
        return Rol(profiel.rol)
    return Rol.REGIOBEHEERDER if getattr(user, "is_superuser", False) else None


def rollen_met(sectie: Sectie, actie: Actie = Actie.BEKIJKEN) -> frozenset[Rol]:
    """The roles the table allows; nothing for a pair it does not declare."""
    return RECHTEN.get((sectie, actie), frozenset())


# What makes a second factor required: client-level data (exact figures and the
# trajectories behind them, the import and its quarantine, the intake and referrals) and
# bids (tendering and assessing). Derived from the table above, so a role that gains one
# of these rights needs the second factor from then on (docs/beveiliging.md).
GEVOELIG: tuple[tuple[Sectie, Actie], ...] = (
    (Sectie.MONITOR, Actie.EXACT),
    (Sectie.ZORGCONTINUITEIT, Actie.EXACT),
    (Sectie.BERICHTEN, Actie.BEKIJKEN),
    (Sectie.TOEGANG, Actie.BEKIJKEN),
    (Sectie.VERWERVING, Actie.BEKIJKEN),
)


def tweede_factor_verplicht(rol: Rol | None) -> bool:
    """Whether this role must log in with a second factor (TOTP)."""
    return rol is not None and any(rol in rollen_met(*recht) for recht in GEVOELIG)


def mag(user: Gebruiker, sectie: Sectie, actie: Actie = Actie.BEKIJKEN) -> bool:
    """May the user do `actie` in `sectie`? Anonymous users may nothing; what the table
    does not declare is denied. Every logged-in user has a start page, also one without
    a role yet."""
    if (sectie, actie) == (Sectie.START, Actie.BEKIJKEN):
        return bool(user.is_authenticated)
    rol = rol_van(user)
    return rol is not None and rol in rollen_met(sectie, actie)


def weigering(sectie: Sectie, actie: Actie) -> str:
    """The Dutch refusal: what the user asked and who may."""
    rollen = sorted(r.label.lower() for r in rollen_met(sectie, actie))
    wie = ", ".join(rollen) if rollen else "niemand"
    return (
        f"Uw rol geeft geen toegang tot {SECTIE_NAMEN[sectie]}: {ACTIE_NAMEN[actie]} "
        f"(alleen voor {wie})."
    )


def eis(user: Gebruiker, sectie: Sectie, actie: Actie = Actie.BEKIJKEN) -> None:
    """PermissionDenied with the Dutch refusal unless the user may."""
    if not mag(user, sectie, actie):
        raise PermissionDenied(weigering(sectie, actie))


@dataclass(frozen=True)
class Toegang:
    """A view's declaration: the section and action for a GET, and for a POST."""

    sectie: Sectie
    actie: Actie
    post: Actie


View = TypeVar("View", bound=Callable[..., HttpResponse])


def requires(
    sectie: Sectie, actie: Actie = Actie.BEKIJKEN, *, post: Actie | None = None
) -> Callable[[View], View]:
    """Declare a view's (section, action) and enforce it: 403 with the reason unless the
    user may. A POST asks for `post` (default: the same action as a GET).

    Anonymous users never get here: LoginRequiredMiddleware sends them to the login page."""
    toegang = Toegang(sectie, actie, post or actie)

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            eis(request.user, sectie, toegang.post if request.method == "POST" else actie)
            return view(request, *args, **kwargs)

        wrapped.toegang = toegang  # type: ignore[attr-defined]
        return wrapped  # type: ignore[return-value]

    return decorator


def toegang_van(view: Callable[..., Any]) -> Toegang | None:
    """The declaration of a view (None: undeclared, which a test refuses)."""
    return getattr(view, "toegang", None)


# --- scope -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """Which part of the data a user sees. None means: all of the region.

    - gemeente: a gemeente user sees only its own gemeente's residents (its code);
    - aanbieder: a provider user sees only its own contracts, bids and trajectories (its
      AGB code and id);
    - exact: unprotected figures and the pseudonymised trajectories behind a figure
      (the region's team, Actie.EXACT); everyone else gets published figures with small
      numbers protected."""

    rol: Rol | None = None
    gebruiker_id: int | None = None
    regio_id: int | None = None
    gemeente: str | None = None
    aanbieder: str | None = None
    aanbieder_id: int | None = None
    exact: bool = False

    @classmethod
    def beheer(cls) -> Scope:
        """The operator on the command line (shell access to the server): everything,
        exact."""
        return cls(exact=True)

    @classmethod
    def publiek(cls) -> Scope:
        """Published figures: everything, small numbers protected."""
        return cls()

    @property
    def beperkt(self) -> bool:
        """Sees only a part (its own gemeente or provider)."""
        return self.gemeente is not None or self.aanbieder is not None

    def toont(self, aanbieder: str, gemeente: str) -> bool:
        """May the user see the figures of this provider (AGB) for this gemeente (code)?"""
        return (self.gemeente is None or gemeente == self.gemeente) and (
            self.aanbieder is None or aanbieder == self.aanbieder
        )


# Codes that match nothing: a bound role whose binding is missing sees nothing.
_GEEN_GEMEENTE = "----"
_GEEN_AANBIEDER = "--------"


def scope_van(user: Gebruiker) -> Scope:
    """The Scope of a user (cached on the user object for the request)."""
    bewaard = getattr(user, "_jeugdsturing_scope", None)
    if isinstance(bewaard, Scope):
        return bewaard
    scope = _scope(user)
    if user.is_authenticated:
        user._jeugdsturing_scope = scope  # type: ignore[attr-defined]
    return scope


def _scope(user: Gebruiker) -> Scope:
    rol = rol_van(user)
    if rol is None:
        return Scope()
    profiel = getattr(user, "profiel", None)
    regio_id = profiel.regio_id if profiel is not None else None
    gemeente = aanbieder = None
    aanbieder_id = None
    if rol == Rol.GEMEENTE:
        gemeente = profiel.gemeente.code if profiel and profiel.gemeente else _GEEN_GEMEENTE
    if rol == Rol.AANBIEDER:
        a = profiel.aanbieder if profiel is not None else None
        aanbieder = a.agb_code if a is not None else _GEEN_AANBIEDER
        aanbieder_id = a.pk if a is not None else None
    return Scope(
        rol=rol,
        gebruiker_id=user.pk,
        regio_id=regio_id,
        gemeente=gemeente,
        aanbieder=aanbieder,
        aanbieder_id=aanbieder_id,
        exact=rol in rollen_met(Sectie.MONITOR, Actie.EXACT),
    )


def scope_voor_commando(gebruikersnaam: str, sectie: Sectie, *acties: tuple[Actie, str]) -> Scope:
    """For a command's --user: the Scope of that user, after asking the policy for each
    (action, what the command was asked) in turn. Raises CommandError in Dutch, naming
    the option, for the first the user may not."""
    from django.contrib.auth import get_user_model
    from django.core.management.base import CommandError

    model = get_user_model()
    try:
        user = model.objects.select_related("profiel").get(username=gebruikersnaam)
    except model.DoesNotExist as e:
        raise CommandError(f"onbekende gebruiker {gebruikersnaam!r}") from e
    for actie, gevraagd in acties:
        if not mag(user, sectie, actie):
            raise CommandError(f"{gevraagd}: {weigering(sectie, actie)}")
    return scope_van(user)
