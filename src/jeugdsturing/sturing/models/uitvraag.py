# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The uitvraag: per steering moment the region asks every provider for what the
message traffic does not hold (seed 002 3.4.2 and 5.6, Outcome in Zicht): outcome
figures per gemeente, complaints, incidents and calamities, inspection reports, staff,
the waiting list per theme and gebied, and the goal indicators providers report. A
delivery (Levering) is one provider's answer, on a web form or as an Excel file."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from simple_history.models import HistoricalRecords

from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.core.levenscyclus import levenscyclus
from jeugdsturing.core.models import Statuswijziging
from jeugdsturing.regio.models import Gebied, Gemeente, Regio, Thema


class UitvraagStatus(models.TextChoices):
    CONCEPT = "concept", "concept"
    UITGEZET = "uitgezet", "uitgezet bij de aanbieders"
    GESLOTEN = "gesloten", "gesloten"


UITVRAAG_OVERGANGEN: dict[str, frozenset[str]] = {
    UitvraagStatus.CONCEPT: frozenset({UitvraagStatus.UITGEZET}),
    UitvraagStatus.UITGEZET: frozenset({UitvraagStatus.GESLOTEN}),
    UitvraagStatus.GESLOTEN: frozenset(),
}


class Uitvraag(models.Model):
    regio = models.ForeignKey(Regio, on_delete=models.CASCADE, related_name="uitvragen")
    moment = models.DateField(
        "stuurmoment", help_text="De eerste dag van de maand van het gesprek."
    )
    naam = models.CharField("naam", max_length=200)
    periode_van = models.DateField("periode van")
    periode_tot = models.DateField("periode tot en met")
    deadline = models.DateField("aanleveren uiterlijk")
    status = models.CharField(
        "status", max_length=12, choices=UitvraagStatus.choices, default=UitvraagStatus.CONCEPT
    )
    history = HistoricalRecords()
    statuswijzigingen = GenericRelation(Statuswijziging)

    class Meta:
        verbose_name = "uitvraag"
        verbose_name_plural = "uitvragen"
        ordering = ["regio", "-moment"]
        constraints = [
            models.UniqueConstraint(fields=["regio", "moment"], name="uitvraag_per_moment")
        ]

    def __str__(self) -> str:
        return self.naam


class LeveringStatus(models.TextChoices):
    OPEN = "open", "nog niet ingediend"
    INGEDIEND = "ingediend", "ingediend"


LEVERING_OVERGANGEN: dict[str, frozenset[str]] = {
    LeveringStatus.OPEN: frozenset({LeveringStatus.INGEDIEND}),
    LeveringStatus.INGEDIEND: frozenset(),
}


class Levering(models.Model):
    """One provider's answer to an uitvraag; submitted again, it replaces its figures
    (the history keeps the earlier ones)."""

    uitvraag = models.ForeignKey(Uitvraag, on_delete=models.CASCADE, related_name="leveringen")
    aanbieder = models.ForeignKey(Aanbieder, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        "status", max_length=12, choices=LeveringStatus.choices, default=LeveringStatus.OPEN
    )
    ingediend_op = models.DateTimeField("ingediend op", null=True, blank=True)
    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    bestandsnaam = models.CharField("via bestand", max_length=200, blank=True)
    compleet = models.BooleanField("compleet", default=False)
    ontbreekt = models.JSONField("wat ontbreekt", default=list, blank=True)
    klachten = models.PositiveIntegerField("klachten", null=True, blank=True)
    incidenten = models.PositiveIntegerField("gemelde incidenten", null=True, blank=True)
    calamiteiten = models.PositiveIntegerField("gemelde calamiteiten", null=True, blank=True)
    fte = models.DecimalField(
        "personeel (fte)", max_digits=9, decimal_places=1, null=True, blank=True
    )
    verloop_pct = models.DecimalField(
        "verloop (%)", max_digits=5, decimal_places=1, null=True, blank=True
    )
    verzuim_pct = models.DecimalField(
        "ziekteverzuim (%)", max_digits=5, decimal_places=1, null=True, blank=True
    )
    toelichting = models.TextField("toelichting", blank=True)
    history = HistoricalRecords()
    statuswijzigingen = GenericRelation(Statuswijziging)

    class Meta:
        verbose_name = "levering"
        verbose_name_plural = "leveringen"
        ordering = ["uitvraag", "aanbieder__naam"]
        constraints = [
            models.UniqueConstraint(fields=["uitvraag", "aanbieder"], name="levering_per_aanbieder")
        ]

    def __str__(self) -> str:
        return f"{self.uitvraag}: {self.aanbieder.naam}"

    @property
    def te_laat(self) -> bool:
        """Submitted after the deadline (a delivery not yet in is late from the day after)."""
        if self.ingediend_op is None:
            return False
        return self.ingediend_op.date() > self.uitvraag.deadline


class Uitkomstcijfer(models.Model):
    """Outcome in Zicht (NJi/CBS) per gemeente: of the trajectories the provider ended in
    the period, the share that dropped out, the clients' satisfaction with the use and
    effect of the help, and the share whose goals were (largely) reached."""

    levering = models.ForeignKey(Levering, on_delete=models.CASCADE, related_name="uitkomsten")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    clienten = models.PositiveIntegerField("beëindigde trajecten")
    uitval_pct = models.DecimalField("uitval (%)", max_digits=5, decimal_places=1, null=True)
    tevredenheid_pct = models.DecimalField(
        "tevredenheid (%)", max_digits=5, decimal_places=1, null=True
    )
    doelrealisatie_pct = models.DecimalField(
        "doelrealisatie (%)", max_digits=5, decimal_places=1, null=True
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "uitkomstcijfer"
        verbose_name_plural = "uitkomstcijfers"
        ordering = ["levering", "gemeente__naam"]
        constraints = [
            models.UniqueConstraint(fields=["levering", "gemeente"], name="uitkomst_per_gemeente")
        ]

    def __str__(self) -> str:
        return f"{self.levering} {self.gemeente}"


class Wachtlijstregel(models.Model):
    levering = models.ForeignKey(Levering, on_delete=models.CASCADE, related_name="wachtlijst")
    thema = models.ForeignKey(Thema, on_delete=models.PROTECT, related_name="+")
    gebied = models.ForeignKey(
        Gebied, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    wachtenden = models.PositiveIntegerField("wachtenden")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "wachtlijstregel"
        verbose_name_plural = "wachtlijst"
        ordering = ["levering", "thema__volgorde", "gebied__volgorde"]

    def __str__(self) -> str:
        return f"{self.levering} {self.thema.code}/{self.gebied or 'regio'}: {self.wachtenden}"


class Leveringsbijlage(models.Model):
    """A document with a delivery (an inspection report), kept in the database with its
    hash, like a tender's evidence."""

    levering = models.ForeignKey(Levering, on_delete=models.CASCADE, related_name="bijlagen")
    soort = models.CharField("soort", max_length=30, default="inspectierapport")
    naam = models.CharField("bestandsnaam", max_length=200)
    content_type = models.CharField(max_length=100)
    grootte = models.PositiveIntegerField("grootte (bytes)")
    sha256 = models.CharField(max_length=64)
    inhoud = models.BinaryField()
    geupload_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "bijlage bij een levering"
        verbose_name_plural = "bijlagen bij leveringen"
        ordering = ["levering", "geupload_op", "pk"]

    def __str__(self) -> str:
        return self.naam


UITVRAAG_LEVENSCYCLUS = levenscyclus(Uitvraag, UITVRAAG_OVERGANGEN, begin={UitvraagStatus.CONCEPT})
LEVERING_LEVENSCYCLUS = levenscyclus(Levering, LEVERING_OVERGANGEN, begin={LeveringStatus.OPEN})
