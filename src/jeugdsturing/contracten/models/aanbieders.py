# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Providers (AGB code) and combinations of providers under a penvoerder."""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from simple_history.models import HistoricalRecords

agb_validator = RegexValidator(r"^\d{8}$", "Een AGB-code bestaat uit precies 8 cijfers.")


kvk_validator = RegexValidator(r"^\d{8}$", "Een KvK-nummer bestaat uit precies 8 cijfers.")


class Aanbieder(models.Model):
    """A youth-care provider, identified in the iJw messages by its AGB code."""

    naam = models.CharField("naam", max_length=200)
    agb_code = models.CharField("AGB-code", max_length=8, unique=True, validators=[agb_validator])
    kvk_nummer = models.CharField(
        "KvK-nummer", max_length=8, blank=True, validators=[kvk_validator]
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "aanbieder"
        verbose_name_plural = "aanbieders"
        ordering = ["naam"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.agb_code})"


class Combinatie(models.Model):
    """Providers that bid and contract together (002 5.x): one penvoerder, who is the
    contact and receives the lump sum, and its members."""

    naam = models.CharField("naam", max_length=200)
    penvoerder = models.ForeignKey(
        Aanbieder, on_delete=models.PROTECT, related_name="combinaties_als_penvoerder"
    )
    leden = models.ManyToManyField(Aanbieder, related_name="combinaties", verbose_name="leden")
    history = HistoricalRecords(m2m_fields=[leden])

    class Meta:
        verbose_name = "combinatie"
        verbose_name_plural = "combinaties"
        ordering = ["naam"]

    def __str__(self) -> str:
        return f"{self.naam} (penvoerder {self.penvoerder.naam})"
