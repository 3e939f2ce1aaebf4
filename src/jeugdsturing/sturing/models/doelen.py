# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Transformation goals (seed 002, 3.2.3): per theme (and optionally per gemeente or
gebied) the outcome towards 2050, the goals at the end (2034) and the start (2028) of
the contract period and the critical success factors, each with indicators. An
indicator is measured (a monitor indicator with its filters against a baseline year)
or reported (a value the team or a provider enters per period)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.regio.models import Gebied, Gemeente, Regio, Thema


class Horizon(models.TextChoices):
    OUTCOME_2050 = "outcome_2050", "Waarnaartoe gewerkt wordt (outcome 2050)"
    DOEL_2034 = "doel_2034", "Doel 2034"
    DOEL_2028 = "doel_2028", "Doel 2028"
    KSF = "ksf", "Kritische succesfactoren in de uitvoering"


class Doel(models.Model):
    """One cell of a theme's goal table: the statements at one horizon."""

    regio = models.ForeignKey(Regio, on_delete=models.CASCADE, related_name="doelen")
    thema = models.ForeignKey(
        Thema, on_delete=models.PROTECT, null=True, blank=True, related_name="doelen",
        help_text="Leeg: een doel voor de hele opdracht.",
    )  # fmt: skip
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    gebied = models.ForeignKey(Gebied, on_delete=models.PROTECT, null=True, blank=True)
    code = models.CharField("code", max_length=30)
    horizon = models.CharField("horizon", max_length=20, choices=Horizon.choices)
    teksten = models.JSONField("doelstellingen", default=list)
    volgorde = models.PositiveSmallIntegerField("volgorde", default=0)
    voorbeeld = models.BooleanField(
        "voorbeeld", default=False,
        help_text="Een voorbeeld waar het brondocument geen doel geeft.",
    )  # fmt: skip
    bron = models.CharField("bron", max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "doel"
        verbose_name_plural = "doelen"
        ordering = ["regio", "thema__volgorde", "volgorde"]
        constraints = [models.UniqueConstraint(fields=["regio", "code"], name="doel_code_uniek")]

    def __str__(self) -> str:
        return f"{self.code}: {self.get_horizon_display()}"


class Indicatorsoort(models.TextChoices):
    GEMETEN = "gemeten", "gemeten (monitor)"
    GERAPPORTEERD = "gerapporteerd", "gerapporteerd"


class Meting(models.TextChoices):
    WAARDE = "waarde", "de waarde zelf"
    VERANDERING_PCT = "verandering_pct", "verandering in % t.o.v. de nulmeting"


class Richting(models.TextChoices):
    OMLAAG = "omlaag", "lager is beter"
    OMHOOG = "omhoog", "hoger is beter"


class Waardesoort(models.TextChoices):
    GETAL = "getal", "getal"
    PERCENTAGE = "percentage", "percentage"
    JA_NEE = "ja_nee", "ja/nee (met document)"


class Doelindicator(models.Model):
    doel = models.ForeignKey(Doel, on_delete=models.CASCADE, related_name="indicatoren")
    code = models.CharField("code", max_length=40)
    naam = models.CharField("naam", max_length=300)
    soort = models.CharField("soort", max_length=20, choices=Indicatorsoort.choices)
    volgorde = models.PositiveSmallIntegerField("volgorde", default=0)
    # measured: a monitor indicator with its filters (docs/indicatoren.md)
    monitor_indicator = models.CharField("monitorindicator", max_length=50, blank=True)
    filters = models.JSONField("filters", default=dict, blank=True)
    meting = models.CharField(
        "meting", max_length=20, choices=Meting.choices, default=Meting.WAARDE
    )
    nulmeting_jaar = models.PositiveSmallIntegerField(
        "jaar van de nulmeting", null=True, blank=True
    )
    # reported: a value per period, by the team or by each provider (uitvraag)
    waardesoort = models.CharField(
        "soort waarde", max_length=20, choices=Waardesoort.choices, default=Waardesoort.GETAL
    )
    door_aanbieder = models.BooleanField("door de aanbieder gerapporteerd", default=False)
    # both
    richting = models.CharField(
        "richting", max_length=10, choices=Richting.choices, default=Richting.OMHOOG
    )
    streefwaarde = models.DecimalField(
        "streefwaarde", max_digits=12, decimal_places=2, null=True, blank=True
    )
    streefjaar = models.PositiveSmallIntegerField("streefjaar", null=True, blank=True)
    streefwaarde_bron = models.CharField("bron van de streefwaarde", max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "indicator van een doel"
        verbose_name_plural = "indicatoren van doelen"
        ordering = ["doel", "volgorde"]
        constraints = [
            models.UniqueConstraint(fields=["doel", "code"], name="doelindicator_code_uniek")
        ]

    def __str__(self) -> str:
        return self.naam


class Indicatorwaarde(models.Model):
    """A reported value of an indicator for one year (and provider, when providers
    report it), entered by the team or delivered in an uitvraag."""

    indicator = models.ForeignKey(Doelindicator, on_delete=models.CASCADE, related_name="waarden")
    jaar = models.PositiveSmallIntegerField("jaar")
    aanbieder = models.ForeignKey(
        Aanbieder, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    waarde = models.DecimalField("waarde", max_digits=14, decimal_places=2, null=True, blank=True)
    document = models.CharField("document", max_length=300, blank=True)
    toelichting = models.TextField("toelichting", blank=True)
    ingevoerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ingevoerd_op = models.DateTimeField("ingevoerd op", auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "gerapporteerde waarde"
        verbose_name_plural = "gerapporteerde waarden"
        ordering = ["indicator", "jaar"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "jaar", "aanbieder"],
                condition=models.Q(aanbieder__isnull=False),
                name="indicatorwaarde_uniek_per_aanbieder",
            ),
            models.UniqueConstraint(
                fields=["indicator", "jaar"],
                condition=models.Q(aanbieder__isnull=True),
                name="indicatorwaarde_uniek_regio",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.waarde} ({self.jaar})"
