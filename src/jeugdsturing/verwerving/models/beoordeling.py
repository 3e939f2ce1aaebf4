# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The assessment committee, each assessor's own scores, the committee's consensus,
and the record of a lottery."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from jeugdsturing.verwerving.models.aanbesteding import Aanbesteding, Criterium
from jeugdsturing.verwerving.models.inschrijving import Inschrijving


class Beoordelaar(models.Model):
    """A member of the assessment committee for one tender, with the declaration of
    interests; assessors score only the bids assigned to them."""

    aanbesteding = models.ForeignKey(
        Aanbesteding, on_delete=models.CASCADE, related_name="beoordelaars"
    )
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    verklaring_op = models.DateTimeField("verklaring geen belangenconflict", null=True)
    belangen = models.TextField("gemelde belangen", blank=True)
    inschrijvingen = models.ManyToManyField(Inschrijving, blank=True, related_name="beoordelaars")
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["aanbesteding", "gebruiker"], name="beoordelaar_uniek")
        ]

    def __str__(self) -> str:
        return f"beoordelaar {self.gebruiker} ({self.aanbesteding.referentie})"


class Score(models.Model):
    """One assessor's own score for one criterion of one bid (kept after consensus)."""

    beoordelaar = models.ForeignKey(Beoordelaar, on_delete=models.PROTECT, related_name="scores")
    inschrijving = models.ForeignKey(Inschrijving, on_delete=models.CASCADE, related_name="scores")
    criterium = models.ForeignKey(Criterium, on_delete=models.PROTECT, related_name="scores")
    waarde = models.DecimalField(max_digits=5, decimal_places=2)
    motivering = models.TextField()
    ingediend_op = models.DateTimeField(null=True)  # null: draft, still editable
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["beoordelaar", "inschrijving", "criterium"], name="score_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.beoordelaar} {self.inschrijving} {self.criterium.code}: {self.waarde}"


class Consensus(models.Model):
    """The committee's score for one criterion of one bid, with its motivation. The
    oral explanation (toelichtingsgesprek) may change it only with a recorded reason;
    the written score stays."""

    inschrijving = models.ForeignKey(
        Inschrijving, on_delete=models.CASCADE, related_name="consensus"
    )
    criterium = models.ForeignKey(Criterium, on_delete=models.PROTECT, related_name="consensus")
    schriftelijk = models.DecimalField("score schriftelijk", max_digits=5, decimal_places=2)
    waarde = models.DecimalField("definitieve score", max_digits=5, decimal_places=2)
    motivering = models.TextField()
    aanpassingsreden = models.TextField("reden aanpassing na toelichtingsgesprek", blank=True)
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["inschrijving", "criterium"], name="consensus_uniek")
        ]

    def __str__(self) -> str:
        return f"consensus {self.inschrijving} {self.criterium.code}: {self.waarde}"


class Loting(models.Model):
    """The record of a lottery: which bids were tied, the seed, the witnesses, the time,
    and the order drawn (reproducible from the seed, rangschikking.loting)."""

    aanbesteding = models.ForeignKey(
        Aanbesteding, on_delete=models.CASCADE, related_name="lotingen"
    )
    inschrijvingen = models.JSONField("gelijk geëindigde inschrijvingen (nummers)")
    zaad = models.CharField("zaad (seed)", max_length=128)
    getuigen = models.JSONField("getuigen")
    uitgevoerd_op = models.DateTimeField()
    uitgevoerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    volgorde = models.JSONField("getrokken volgorde")

    class Meta:
        ordering = ["aanbesteding", "uitgevoerd_op"]

    def __str__(self) -> str:
        return f"loting {self.aanbesteding.referentie} {self.uitgevoerd_op:%Y-%m-%d}"
