# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Writes for users and roles."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission, User
from django.db import transaction

from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.core.access import Actie, Sectie, rollen_met
from jeugdsturing.gebruikers.models import Profiel
from jeugdsturing.regio.models import Gemeente, Regio
from jeugdsturing.rollen import Rol

# Django admin access: only the regiobeheerder manages data through the admin.
ADMIN_APPS = ("regio", "contracten", "sturing", "gebruikers", "auth")


@transaction.atomic
def rollen_synchroniseer() -> None:
    """One Django group per role; the regiobeheerder group holds the admin permissions."""
    for rol in Rol:
        Group.objects.get_or_create(name=rol.value)
    beheer = Group.objects.get(name=Rol.REGIOBEHEERDER.value)
    perms = Permission.objects.filter(content_type__app_label__in=ADMIN_APPS)
    if set(beheer.permissions.values_list("pk", flat=True)) != set(
        perms.values_list("pk", flat=True)
    ):
        beheer.permissions.set(perms)


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
    user.is_staff = rol in rollen_met(Sectie.BEHEER, Actie.WIJZIGEN)  # the admin's own check
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
