# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The dialogue: topics, rounds, sessions and the agreements register with each
agreement's lifecycle."""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from simple_history.models import HistoricalRecords

from jeugdsturing.core.levenscyclus import levenscyclus
from jeugdsturing.core.models import Statuswijziging
from jeugdsturing.verwerving.models.aanbesteding import Aanbesteding
from jeugdsturing.verwerving.models.inschrijving import Inschrijving


class Dialoogonderwerp(models.Model):
    """A topic of the dialogue (seed 000 4.2.3; seed 002: dekking, verdeling, samenwerking)."""

    aanbesteding = models.ForeignKey(
        Aanbesteding, on_delete=models.CASCADE, related_name="dialoogonderwerpen"
    )
    code = models.CharField(max_length=20)
    naam = models.CharField(max_length=300)
    bron = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["aanbesteding", "code"]
        constraints = [
            models.UniqueConstraint(fields=["aanbesteding", "code"], name="dialoogonderwerp_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.naam}"


class Dialoogronde(models.Model):
    aanbesteding = models.ForeignKey(
        Aanbesteding, on_delete=models.CASCADE, related_name="dialoogrondes"
    )
    nummer = models.PositiveSmallIntegerField()
    naam = models.CharField(max_length=200)
    van = models.DateField()
    tot = models.DateField()

    class Meta:
        ordering = ["aanbesteding", "nummer"]
        constraints = [
            models.UniqueConstraint(fields=["aanbesteding", "nummer"], name="dialoogronde_uniek")
        ]

    def __str__(self) -> str:
        return f"ronde {self.nummer} {self.naam}"


class Dialoogsessie(models.Model):
    ronde = models.ForeignKey(Dialoogronde, on_delete=models.CASCADE, related_name="sessies")
    datum = models.DateField()
    onderwerpen = models.ManyToManyField(Dialoogonderwerp, related_name="sessies")
    deelnemers = models.ManyToManyField(Inschrijving, related_name="dialoogsessies")
    verslag = models.TextField("verslag")
    history = HistoricalRecords(m2m_fields=[onderwerpen, deelnemers])

    class Meta:
        ordering = ["ronde", "datum", "pk"]

    def __str__(self) -> str:
        return f"sessie {self.datum} ({self.ronde})"


class AfspraakStatus(models.TextChoices):
    OPEN = "open", "open"
    IN_UITWERKING = "in_uitwerking", "in uitwerking"
    VASTGESTELD = "vastgesteld", "vastgesteld"
    VERVALLEN = "vervallen", "vervallen"


AFSPRAAK_OVERGANGEN: dict[str, frozenset[str]] = {
    AfspraakStatus.OPEN: frozenset({AfspraakStatus.IN_UITWERKING, AfspraakStatus.VERVALLEN}),
    AfspraakStatus.IN_UITWERKING: frozenset({AfspraakStatus.VASTGESTELD, AfspraakStatus.VERVALLEN}),
    AfspraakStatus.VASTGESTELD: frozenset(),
    AfspraakStatus.VERVALLEN: frozenset(),
}


class Afspraak(models.Model):
    """An agreement in the register per topic, with its status and history."""

    onderwerp = models.ForeignKey(
        Dialoogonderwerp, on_delete=models.CASCADE, related_name="afspraken"
    )
    sessie = models.ForeignKey(
        Dialoogsessie, on_delete=models.SET_NULL, null=True, blank=True, related_name="afspraken"
    )
    tekst = models.TextField()
    status = models.CharField(
        max_length=20, choices=AfspraakStatus.choices, default=AfspraakStatus.OPEN
    )
    history = HistoricalRecords()
    statuswijzigingen = GenericRelation(Statuswijziging)

    class Meta:
        ordering = ["onderwerp", "pk"]

    def __str__(self) -> str:
        return f"afspraak {self.onderwerp.code}: {self.tekst[:40]}"


AFSPRAAK_LEVENSCYCLUS = levenscyclus(Afspraak, AFSPRAAK_OVERGANGEN, begin={AfspraakStatus.OPEN})
