"""Providers and money. This module starts with what the foundation needs: providers
(so an aanbieder user can be bound to one) and multi-year budgets per gemeente."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from simple_history.models import HistoricalRecords

from jeugdsturing.regio.models import Gemeente, Regio, Thema

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


class Begroting(models.Model):
    """The budget of one gemeente for one year, for one theme or (thema empty) for the
    whole assignment. Amounts are integer eurocent."""

    regio = models.ForeignKey(Regio, on_delete=models.CASCADE, related_name="begrotingen")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="begrotingen")
    jaar = models.PositiveSmallIntegerField("jaar")
    thema = models.ForeignKey(
        Thema, on_delete=models.PROTECT, null=True, blank=True, related_name="begrotingen"
    )
    bedrag_eurocent = models.BigIntegerField("bedrag (eurocent)")
    bron = models.CharField("bron", max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "begroting"
        verbose_name_plural = "begrotingen"
        ordering = ["regio", "jaar", "gemeente__naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["regio", "gemeente", "jaar"],
                condition=models.Q(thema__isnull=True),
                name="begroting_uniek_opdracht",
            ),
            models.UniqueConstraint(
                fields=["regio", "gemeente", "jaar", "thema"],
                condition=models.Q(thema__isnull=False),
                name="begroting_uniek_thema",
            ),
            models.CheckConstraint(
                condition=models.Q(bedrag_eurocent__gte=0), name="begroting_niet_negatief"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.gemeente} {self.jaar}"

    def clean(self) -> None:
        if self.thema is not None and self.thema.regio_id != self.regio_id:
            raise ValidationError({"thema": "Het thema hoort niet bij deze regio."})
