# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Writes for users and roles."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.models import Group, User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.core.access import Actie, Sectie, mag, rol_van
from jeugdsturing.gebruikers.models import ApiSleutel, Profiel
from jeugdsturing.regio.models import Gemeente, Regio
from jeugdsturing.rollen import Rol


@transaction.atomic
def rollen_synchroniseer() -> None:
    """One Django group per role, none with admin permissions: the admin is for a
    superuser only; the regiobeheerder manages the users of its region on its own page
    (gebruiker_beheer), which can grant nothing but the app's roles."""
    for rol in Rol:
        groep, _ = Group.objects.get_or_create(name=rol.value)
        if groep.permissions.exists():
            groep.permissions.clear()


@transaction.atomic
def gebruiker_bewaar(
    *,
    username: str,
    password: str | None,
    rol: Rol,
    regio: Regio,
    gemeente: Gemeente | None = None,
    aanbieder: Aanbieder | None = None,
    naam: str = "",
) -> User:
    """Create a user with a role (or bring an existing one to this role)."""
    user, _ = User.objects.get_or_create(username=username)
    user.first_name = naam
    user.is_staff = user.is_superuser  # the admin is for a superuser only
    if password is not None:
        user.set_password(password)
    user.save()
    profiel = Profiel.objects.filter(user=user).first() or Profiel(user=user)
    wanted = {"rol": rol.value, "regio": regio, "gemeente": gemeente, "aanbieder": aanbieder}
    if profiel.pk is None or any(getattr(profiel, k) != v for k, v in wanted.items()):
        for k, v in wanted.items():
            setattr(profiel, k, v)
        profiel.full_clean()
        profiel.save()
    user.groups.set([Group.objects.get_or_create(name=rol.value)[0]])
    return user


class Beheerfout(ValidationError):
    """A change the regiobeheerder may not make, with the reason in Dutch."""


def _in_regio(door: User, regio: Regio, user: User | None) -> None:
    if user is None:
        return
    if user.is_superuser or user.is_staff:
        raise Beheerfout(f"{user.username} is een beheerder van de installatie; dat beheert "
                         "alleen de installatiebeheerder.")  # fmt: skip
    profiel = Profiel.objects.filter(user=user).first()
    if profiel is None or profiel.regio_id != regio.pk:
        raise Beheerfout(f"{user.username} hoort niet bij uw regio ({regio.naam}).")
    if user.pk == door.pk:
        raise Beheerfout("Uw eigen rol en account wijzigt een andere regiobeheerder.")


@transaction.atomic
def gebruiker_beheer(
    *,
    door: User,
    regio: Regio,
    username: str,
    rol: Rol,
    naam: str = "",
    gemeente: Gemeente | None = None,
    aanbieder: Aanbieder | None = None,
    wachtwoord: str | None = None,
    actief: bool = True,
) -> User:
    """The regiobeheerder creates or changes a user of its own region: one of the app's
    roles (never staff or superuser, never a user of another region or of the
    installation), a gemeente of the region, a password that passes the validators.
    Every change is in the audit trail with who made it."""
    if (
        not mag(door, Sectie.BEHEER, Actie.WIJZIGEN)
        or Profiel.objects.filter(user=door, regio=regio).count() != 1
    ):
        raise Beheerfout("Alleen de regiobeheerder van deze regio beheert haar gebruikers.")
    username = username.strip()
    if not username:
        raise Beheerfout("Geef een gebruikersnaam.")
    bestaand = User.objects.filter(username=username).first()
    _in_regio(door, regio, bestaand)
    if gemeente is not None and not regio.gemeenten.filter(pk=gemeente.pk).exists():
        raise Beheerfout(f"{gemeente.naam} hoort niet bij {regio.naam}.")
    if rol == Rol.GEMEENTE and gemeente is None:
        raise Beheerfout("Een gebruiker met de rol gemeente hoort bij een gemeente; kies er een.")
    if rol == Rol.AANBIEDER and aanbieder is None:
        raise Beheerfout("Een gebruiker met de rol aanbieder hoort bij een aanbieder; kies er een.")
    if bestaand is None and not wachtwoord:
        raise Beheerfout("Geef een nieuwe gebruiker een eerste wachtwoord.")
    if wachtwoord:
        validate_password(wachtwoord, user=bestaand)
    user = gebruiker_bewaar(
        username=username, password=wachtwoord or None, rol=rol, regio=regio,
        gemeente=gemeente if rol == Rol.GEMEENTE else None,
        aanbieder=aanbieder if rol == Rol.AANBIEDER else None, naam=naam,
    )  # fmt: skip
    if user.is_active != actief:
        user.is_active = actief
        user.save(update_fields=["is_active"])
    return user


def gebruiker_ontgrendel(*, door: User, regio: Regio, user: User) -> int:
    """Lift the login lockouts of a user of the region (django-axes); how many."""
    if not mag(door, Sectie.BEHEER, Actie.WIJZIGEN):
        raise Beheerfout("Alleen de regiobeheerder ontgrendelt accounts.")
    _in_regio(door, regio, user)
    from axes.utils import reset

    return int(reset(username=user.username))


@transaction.atomic
def wachtwoord_zet(*, user: User, wachtwoord: str) -> User:
    """A user's new password, checked against AUTH_PASSWORD_VALIDATORS."""
    validate_password(wachtwoord, user=user)
    user.set_password(wachtwoord)
    user.save(update_fields=["password"])
    return user


HERSTELCODES = 10


@transaction.atomic
def tweede_factor_begin(*, gebruiker: User) -> TOTPDevice:
    """The app to be set up: an unconfirmed TOTP device with a fresh key (the same one
    while the user is on the setup page, so that a reload shows the same QR code)."""
    device = TOTPDevice.objects.filter(user=gebruiker, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=gebruiker, name="app", confirmed=False)
    return device


@transaction.atomic
def tweede_factor_bevestig(*, gebruiker: User, apparaat: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the app with its first code: it replaces any earlier app, and ten new
    recovery codes (each usable once) replace earlier ones. Returns the codes to show
    once, or None when the code is wrong."""
    if apparaat.user_id != gebruiker.pk or not apparaat.verify_token(code):
        return None
    TOTPDevice.objects.filter(user=gebruiker).exclude(pk=apparaat.pk).delete()
    apparaat.confirmed = True
    apparaat.save(update_fields=["confirmed"])
    StaticDevice.objects.filter(user=gebruiker).delete()
    herstel = StaticDevice.objects.create(user=gebruiker, name="herstelcodes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(HERSTELCODES)]
    for code_ in codes:
        herstel.token_set.create(token=code_)
    return codes


@transaction.atomic
def tweede_factor_herstel(*, door: User, regio: Regio, user: User) -> int:
    """The regiobeheerder removes a user's second factor (a lost phone and no recovery
    codes left): at the next login the user sets it up again. How many were removed."""
    if not mag(door, Sectie.BEHEER, Actie.WIJZIGEN):
        raise Beheerfout("Alleen de regiobeheerder herstelt de tweede factor.")
    _in_regio(door, regio, user)
    n: int = TOTPDevice.objects.filter(user=user).delete()[0]
    return n + int(StaticDevice.objects.filter(user=user).delete()[0])


# --- API keys ----------------------------------------------------------------------------

MAX_SLEUTELS = 10
MAX_GELDIG_DAGEN = 730


@transaction.atomic
def api_sleutel_maak(
    *, gebruiker: User, naam: str, geldig_dagen: int | None = None
) -> tuple[ApiSleutel, str]:
    """A new API key in the user's name (same role, same Scope). Returns the stored key
    and the key itself, which is shown once and never stored (only its digest)."""
    naam = naam.strip()
    if not naam:
        raise Beheerfout("Geef de sleutel een naam, bijvoorbeeld het systeem dat hem gebruikt.")
    if len(naam) > 100:
        raise Beheerfout("De naam is hoogstens 100 tekens.")
    if rol_van(gebruiker) is None:
        raise Beheerfout("Een gebruiker zonder rol kan geen API-sleutel maken.")
    if geldig_dagen is not None and not 1 <= geldig_dagen <= MAX_GELDIG_DAGEN:
        raise Beheerfout(f"Geldigheid: 1 tot en met {MAX_GELDIG_DAGEN} dagen, of onbeperkt.")
    if ApiSleutel.objects.filter(user=gebruiker).count() >= MAX_SLEUTELS:
        raise Beheerfout(
            f"U heeft al {MAX_SLEUTELS} API-sleutels; trek er eerst een in die u niet meer "
            "gebruikt."
        )
    duur = timedelta(days=geldig_dagen) if geldig_dagen is not None else None
    sleutel, tekst = ApiSleutel.objects.create(gebruiker, duur, naam=naam)
    return sleutel, tekst


@transaction.atomic
def api_sleutel_trek_in(*, door: User | None, sleutel: ApiSleutel) -> None:
    """Revoke a key: its owner, the regiobeheerder for a user of the region, or (door
    None) the operator on the server's command line."""
    if door is None:
        sleutel._change_reason = "ingetrokken op de server"
        sleutel.delete()
        return
    if sleutel.user_id != door.pk:
        if not mag(door, Sectie.BEHEER, Actie.WIJZIGEN):
            raise Beheerfout("U kunt alleen uw eigen API-sleutels intrekken.")
        profiel = getattr(door, "profiel", None)
        if profiel is not None:
            _in_regio(door, profiel.regio, sleutel.user)
    sleutel._change_reason = f"ingetrokken door {door.get_username()}"
    sleutel.delete()
