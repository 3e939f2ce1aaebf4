# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""A user's role in one steering region and the gemeente or aanbieder it is bound to.
Who may see what is decided in :mod:`jeugdsturing.core.access`."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from knox.models import AbstractAuthToken
from simple_history.models import HistoricalRecords

from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.regio.models import Gemeente, Regio
from jeugdsturing.rollen import Rol


class Profiel(models.Model):
    """A user's role in one steering region, bound to a provider or gemeente where the
    role requires it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profiel"
    )
    rol = models.CharField("rol", max_length=20, choices=Rol.choices)
    regio = models.ForeignKey(
        Regio, on_delete=models.PROTECT, related_name="+", verbose_name="regio"
    )
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    aanbieder = models.ForeignKey(
        Aanbieder, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords(table_name="core_historicalprofiel")

    class Meta:
        # The table keeps the name it had when profiles lived in the core app (ADR 0006).
        db_table = "core_profiel"
        verbose_name = "profiel"
        verbose_name_plural = "profielen"
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(rol=Rol.GEMEENTE, gemeente__isnull=False)
                    | (~models.Q(rol=Rol.GEMEENTE) & models.Q(gemeente__isnull=True))
                ),
                name="profiel_gemeente_alleen_bij_gemeenterol",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(rol=Rol.AANBIEDER, aanbieder__isnull=False)
                    | (~models.Q(rol=Rol.AANBIEDER) & models.Q(aanbieder__isnull=True))
                ),
                name="profiel_aanbieder_alleen_bij_aanbiederrol",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_rol_display()})"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.rol == Rol.GEMEENTE and self.gemeente_id is None:
            errors["gemeente"] = "Een gebruiker met de rol gemeente hoort bij één gemeente."
        if self.rol != Rol.GEMEENTE and self.gemeente_id is not None:
            errors["gemeente"] = "Alleen de rol gemeente is aan een gemeente gebonden."
        if self.rol == Rol.AANBIEDER and self.aanbieder_id is None:
            errors["aanbieder"] = "Een gebruiker met de rol aanbieder hoort bij één aanbieder."
        if self.rol != Rol.AANBIEDER and self.aanbieder_id is not None:
            errors["aanbieder"] = "Alleen de rol aanbieder is aan een aanbieder gebonden."
        if (
            self.gemeente_id is not None
            and not self.regio.gemeenten.filter(pk=self.gemeente_id).exists()
        ):
            errors["gemeente"] = "Deze gemeente hoort niet bij de regio van de gebruiker."
        if errors:
            raise ValidationError(errors)


class ApiSleutel(AbstractAuthToken):  # type: ignore[misc]  # knox has no types
    """A key with which a system (a BI tool, a provider's own software) calls the API in
    a user's name: it has exactly that user's role and Scope. Stored as a SHA-512 digest
    (django-rest-knox); the key itself is shown once, when it is made."""

    naam: models.CharField[str, str] = models.CharField("naam", max_length=100)
    laatst_gebruikt: models.DateTimeField[datetime | None, datetime | None] = models.DateTimeField(
        "laatst gebruikt", null=True, blank=True
    )
    history = HistoricalRecords(excluded_fields=["laatst_gebruikt"])

    class Meta:
        verbose_name = "API-sleutel"
        verbose_name_plural = "API-sleutels"
        ordering = ["user", "-created"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.token_key}…)"
