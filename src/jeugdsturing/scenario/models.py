# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Public figures per gemeente (Iv3, gemeentefonds, SCP) for the scenarios."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from jeugdsturing.regio.models import Gemeente


class Soort(models.TextChoices):
    IV3_BEGROTING = "iv3-begroting", "Begrote lasten jeugd (CBS Iv3, begroting)"
    IV3_JAARREKENING = "iv3-jaarrekening", "Gerealiseerde lasten jeugd (CBS Iv3, jaarrekening)"
    GEMEENTEFONDS = "gemeentefonds-jeugd", "Gemeentefonds, cluster Individuele voorzieningen Jeugd"
    SCP = "scp-verwacht-gebruik", "Verwacht gebruik jeugdhulp zonder verblijf (SCP-model, %)"


class Kengetal(models.Model):
    """One public figure for a gemeente and year: euros, or a percentage for the SCP
    need. Loaded by `jeugdsturing scenario bronnen` (docs/scenario.md)."""

    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="kengetallen", verbose_name="gemeente"
    )
    soort = models.CharField("soort", max_length=30, choices=Soort.choices)
    jaar = models.PositiveSmallIntegerField("jaar")
    waarde = models.DecimalField("waarde", max_digits=16, decimal_places=3)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "kengetal"
        verbose_name_plural = "kengetallen"
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "soort", "jaar"], name="kengetal_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.gemeente} {self.get_soort_display()} {self.jaar}"
