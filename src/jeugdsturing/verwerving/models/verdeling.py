# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The distribution's offers, the partners' answers (final bids) and the expected
demand the coverage check uses."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from jeugdsturing.regio.models import Thema
from jeugdsturing.verwerving.models.aanbesteding import Aanbesteding
from jeugdsturing.verwerving.models.inschrijving import Inschrijving


class Aanbod(models.Model):
    """The distribution's result: a partner's share of one gemeente's budget for one
    theme in one year (eurocent), offered in the final phase."""

    inschrijving = models.ForeignKey(Inschrijving, on_delete=models.CASCADE, related_name="aanbod")
    jaar = models.PositiveSmallIntegerField()
    gemeente = models.ForeignKey("regio.Gemeente", on_delete=models.PROTECT, related_name="+")
    thema = models.ForeignKey(Thema, on_delete=models.PROTECT, related_name="+")
    bedrag_eurocent = models.BigIntegerField()
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["inschrijving", "jaar", "gemeente", "thema"], name="aanbod_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"aanbod {self.inschrijving} {self.jaar} {self.gemeente_id}/{self.thema_id}"


class Eindbod(models.Model):
    """A partner's answer to its offer: accepted or refused (a refusal reopens that
    volume for the others)."""

    inschrijving = models.OneToOneField(
        Inschrijving, on_delete=models.CASCADE, related_name="eindbod"
    )
    aanvaard = models.BooleanField()
    op = models.DateField()
    toelichting = models.TextField(blank=True)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"eindbod {self.inschrijving}: {'aanvaard' if self.aanvaard else 'geweigerd'}"


class Vraagraming(models.Model):
    """The expected demand (clients) per expertise and area for the coverage check:
    entered by the team, or taken from the monitor where the region has data."""

    aanbesteding = models.ForeignKey(
        Aanbesteding, on_delete=models.CASCADE, related_name="vraagramingen"
    )
    expertise = models.CharField(max_length=100)
    gebied = models.CharField(max_length=100)
    aantal = models.PositiveIntegerField("verwachte cliënten")
    bron = models.CharField(max_length=200)
    history = HistoricalRecords()

    class Meta:
        ordering = ["aanbesteding", "expertise", "gebied"]
        constraints = [
            models.UniqueConstraint(
                fields=["aanbesteding", "expertise", "gebied"], name="vraagraming_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.expertise}/{self.gebied}: {self.aantal}"
