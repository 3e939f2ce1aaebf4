# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The council report (seed 002 3.4.2, "Verantwoording aan de Raad"): per region or per
gemeente and half-year, concept -> vastgesteld -> gepubliceerd."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from simple_history.models import HistoricalRecords

from jeugdsturing.core.levenscyclus import levenscyclus
from jeugdsturing.core.models import Statuswijziging
from jeugdsturing.regio.models import Gemeente, Regio


class RapportStatus(models.TextChoices):
    CONCEPT = "concept", "concept"
    VASTGESTELD = "vastgesteld", "vastgesteld"
    GEPUBLICEERD = "gepubliceerd", "gepubliceerd"


RAPPORT_OVERGANGEN: dict[str, frozenset[str]] = {
    RapportStatus.CONCEPT: frozenset({RapportStatus.VASTGESTELD}),
    # back to concept to correct it; published is final (a correction is a new report)
    RapportStatus.VASTGESTELD: frozenset({RapportStatus.GEPUBLICEERD, RapportStatus.CONCEPT}),
    RapportStatus.GEPUBLICEERD: frozenset(),
}


class Raadsrapportage(models.Model):
    """One half-yearly report. Its figures (inhoud) are computed from the data when it is
    made and again when it is adopted; from then on they are frozen, so the published
    report is what the council received. Every figure carries its source."""

    regio = models.ForeignKey(Regio, on_delete=models.CASCADE, related_name="raadsrapportages")
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name="gemeente (leeg: de hele regio)",
    )  # fmt: skip
    jaar = models.PositiveSmallIntegerField("jaar")
    helft = models.PositiveSmallIntegerField("halfjaar", choices=[(1, "eerste"), (2, "tweede")])
    titel = models.CharField("titel", max_length=200)
    toelichting = models.TextField("toelichting van het college", blank=True)
    inhoud = models.JSONField("cijfers", default=dict)
    status = models.CharField(
        "status", max_length=14, choices=RapportStatus.choices, default=RapportStatus.CONCEPT
    )
    gemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    gemaakt_op = models.DateTimeField("gemaakt op", auto_now_add=True)
    gepubliceerd_op = models.DateTimeField("gepubliceerd op", null=True, blank=True)
    history = HistoricalRecords()
    statuswijzigingen = GenericRelation(Statuswijziging)

    class Meta:
        verbose_name = "raadsrapportage"
        verbose_name_plural = "raadsrapportages"
        ordering = ["-jaar", "-helft", "gemeente__naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["regio", "gemeente", "jaar", "helft"], name="raadsrapportage_uniek"
            )
        ]

    def __str__(self) -> str:
        return self.titel


RAPPORT_LEVENSCYCLUS = levenscyclus(
    Raadsrapportage, RAPPORT_OVERGANGEN, begin={RapportStatus.CONCEPT}
)
