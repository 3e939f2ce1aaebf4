# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Public figures per gemeente (Iv3, gemeentefonds, SCP, CBS) and saved cost
projections (kostenscenario's)."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from jeugdsturing.regio.models import Gemeente


class Soort(models.TextChoices):
    IV3_BEGROTING = "iv3-begroting", "Begrote lasten jeugd (CBS Iv3, begroting)"
    IV3_JAARREKENING = "iv3-jaarrekening", "Gerealiseerde lasten jeugd (CBS Iv3, jaarrekening)"
    GEMEENTEFONDS = "gemeentefonds-jeugd", "Gemeentefonds, cluster Individuele voorzieningen Jeugd"
    SCP = "scp-verwacht-gebruik", "Verwacht gebruik jeugdhulp zonder verblijf (SCP-model, %)"
    CBS_CLIENTEN = "cbs-jeugdhulp-clienten", "Jongeren met jeugdhulp in natura (CBS)"
    CBS_VERBLIJF = "cbs-aandeel-verblijf", "Aandeel met jeugdhulp met verblijf (CBS, %)"


class Groep(models.TextChoices):
    TOTAAL = "", "totaal"
    AMBULANT = "ambulant", "ambulante jeugdhulp"
    DAGHULP = "daghulp", "daghulp"
    VERBLIJF = "verblijf", "jeugdhulp met verblijf"
    JEUGDBESCHERMING = "jeugdbescherming", "jeugdbescherming en jeugdreclassering"


class Kengetal(models.Model):
    """One public figure for a gemeente and year: euros, or a percentage for the SCP
    need. Loaded by `jeugdsturing scenario bronnen` (docs/scenario.md)."""

    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, related_name="kengetallen", verbose_name="gemeente"
    )
    soort = models.CharField("soort", max_length=30, choices=Soort.choices)
    jaar = models.PositiveSmallIntegerField("jaar")
    groep = models.CharField("zorggroep", max_length=20, choices=Groep.choices, blank=True)
    waarde = models.DecimalField("waarde", max_digits=16, decimal_places=3)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "kengetal"
        verbose_name_plural = "kengetallen"
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "soort", "jaar", "groep"], name="kengetal_uniek_groep"
            )
        ]

    def __str__(self) -> str:
        return f"{self.gemeente} {self.get_soort_display()} {self.jaar}"


class Kostenscenario(models.Model):
    """A saved cost projection: the assumptions per year for the region or one gemeente,
    on the base year's measured costs (docs/scenario.md). The projection itself is
    recomputed from these when shown, so a corrected figure shows at once."""

    regio = models.ForeignKey(
        "regio.Regio", on_delete=models.CASCADE, related_name="kostenscenarios"
    )
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name="gemeente (leeg: de regio)",
    )  # fmt: skip
    naam = models.CharField("naam", max_length=120)
    toelichting = models.TextField("toelichting", blank=True)
    basisjaar = models.PositiveSmallIntegerField("basisjaar")
    # {"2024": {"index": "3.0", "volume": "0.5", "effecten": {"clienten": "2", ...}}, ...}
    aannames = models.JSONField("aannames per jaar")
    gewijzigd_door = models.ForeignKey(
        "auth.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    gewijzigd_op = models.DateTimeField("gewijzigd op", auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "kostenscenario"
        verbose_name_plural = "kostenscenario's"
        constraints = [
            models.UniqueConstraint(fields=["regio", "naam"], name="kostenscenario_naam_uniek")
        ]
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam
