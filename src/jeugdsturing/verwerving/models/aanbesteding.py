# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The tender and what bidders compete on: its phases (lifecycle), lots or themes,
planning, questions, knock-out requirements and award criteria."""

from __future__ import annotations

from decimal import Decimal

from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.core.levenscyclus import levenscyclus
from jeugdsturing.core.models import Statuswijziging
from jeugdsturing.regio.models import Regio, Thema


class AanbestedingStatus(models.TextChoices):
    CONCEPT = "concept", "concept"
    AANGEKONDIGD = "aangekondigd", "aangekondigd (vragen en inschrijven)"
    BEOORDELING = "beoordeling", "toetsing en beoordeling"
    SELECTIE = "selectie", "selectie bekendgemaakt (bezwaartermijn)"
    DIALOOG = "dialoog", "dialoog"
    EINDINSCHRIJVING = "eindinschrijving", "aanbod en eindinschrijving"
    VOORLOPIGE_GUNNING = "voorlopige_gunning", "voorlopige gunning (bezwaartermijn)"
    GEGUND = "gegund", "definitief gegund"
    INGETROKKEN = "ingetrokken", "ingetrokken"


S = AanbestedingStatus


# The lifecycle as data (core/levenscyclus.py); every change is appended to the one
# status history, core.Statuswijziging.
AANBESTEDING_OVERGANGEN: dict[str, frozenset[str]] = {
    S.CONCEPT: frozenset({S.AANGEKONDIGD, S.INGETROKKEN}),
    S.AANGEKONDIGD: frozenset({S.BEOORDELING, S.INGETROKKEN}),
    S.BEOORDELING: frozenset({S.SELECTIE, S.INGETROKKEN}),
    S.SELECTIE: frozenset({S.DIALOOG, S.INGETROKKEN}),
    S.DIALOOG: frozenset({S.EINDINSCHRIJVING, S.INGETROKKEN}),
    S.EINDINSCHRIJVING: frozenset({S.VOORLOPIGE_GUNNING, S.INGETROKKEN}),
    S.VOORLOPIGE_GUNNING: frozenset({S.GEGUND, S.EINDINSCHRIJVING, S.INGETROKKEN}),
    S.GEGUND: frozenset(),
    S.INGETROKKEN: frozenset(),
}


class Aanbesteding(models.Model):
    regio = models.ForeignKey(Regio, on_delete=models.CASCADE, related_name="aanbestedingen")
    referentie = models.CharField("referentie", max_length=40, unique=True)
    naam = models.CharField("naam", max_length=200)
    omschrijving = models.TextField("omschrijving", blank=True)
    procedure = models.CharField(
        "procedure", max_length=100, default="sociale en andere specifieke diensten (SAS), "
        "verlicht regime, met dialoogfase",
    )  # fmt: skip
    max_partners = models.PositiveSmallIntegerField("maximaal te selecteren", default=20)
    wachtkamer = models.PositiveSmallIntegerField("plaatsen in de wachtkamer", default=2)
    selectie_per_perceel = models.BooleanField(
        "selectie per perceel",
        default=False,
        help_text="Per perceel een eigen maximum en wachtkamer; anders één selectie over de "
        "hele aanbesteding.",
    )
    schaal_min = models.DecimalField("schaal van", max_digits=5, decimal_places=2, default=0)
    schaal_max = models.DecimalField(
        "schaal tot en met", max_digits=5, decimal_places=2, default=10
    )
    minimum_totaal = models.DecimalField(
        "minimale totaalscore", max_digits=5, decimal_places=2, null=True, blank=True
    )
    beslisregel = models.CharField(
        "beslisregel bij gelijke stand", max_length=300,
        default="hoogste score op het zwaarst wegende criterium, dan het volgende; "
        "daarna loting",
    )  # fmt: skip
    vragen_tot = models.DateTimeField("vragen stellen tot")
    inschrijven_tot = models.DateTimeField("inschrijven tot")
    bezwaartermijn_dagen = models.PositiveSmallIntegerField(
        "bezwaartermijn (kalenderdagen)", default=20
    )
    geraamde_waarde_eurocent = models.BigIntegerField("geraamde waarde (eurocent)", null=True)
    status = models.CharField(
        max_length=20, choices=AanbestedingStatus.choices, default=AanbestedingStatus.CONCEPT
    )
    selectie_bekendgemaakt_op = models.DateField("selectie bekendgemaakt op", null=True)
    voorlopig_gegund_op = models.DateField("voorlopige gunning bekendgemaakt op", null=True)
    gegund_op = models.DateField("definitief gegund op", null=True)
    history = HistoricalRecords()
    statuswijzigingen = GenericRelation(Statuswijziging)

    class Meta:
        verbose_name = "aanbesteding"
        verbose_name_plural = "aanbestedingen"
        ordering = ["-inschrijven_tot"]

    def __str__(self) -> str:
        return f"{self.referentie} {self.naam}"


class Perceel(models.Model):
    """A lot (seed 000) or a theme (seed 002) bidders can choose."""

    aanbesteding = models.ForeignKey(
        Aanbesteding, on_delete=models.CASCADE, related_name="percelen"
    )
    code = models.CharField(max_length=20)
    naam = models.CharField(max_length=200)
    thema = models.ForeignKey(Thema, on_delete=models.PROTECT, null=True, blank=True)
    max_partners = models.PositiveSmallIntegerField(
        "maximaal te selecteren in dit perceel",
        null=True,
        blank=True,
        help_text="Alleen bij selectie per perceel; leeg: geen maximum.",
    )
    wachtkamer = models.PositiveSmallIntegerField("plaatsen in de wachtkamer", default=0)

    class Meta:
        ordering = ["aanbesteding", "code"]
        constraints = [
            models.UniqueConstraint(fields=["aanbesteding", "code"], name="perceel_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.naam}"


class Mijlpaal(models.Model):
    aanbesteding = models.ForeignKey(
        Aanbesteding, on_delete=models.CASCADE, related_name="mijlpalen"
    )
    fase = models.CharField(max_length=100)
    naam = models.CharField(max_length=200)
    datum = models.DateField()
    eind = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["aanbesteding", "datum", "pk"]

    def __str__(self) -> str:
        return f"{self.datum} {self.naam}"


class Vraag(models.Model):
    """A question of a registered party. Only the asker and the team see it until the
    anonymised answer is published in the Nota van Inlichtingen."""

    aanbesteding = models.ForeignKey(Aanbesteding, on_delete=models.CASCADE, related_name="vragen")
    gesteld_door = models.ForeignKey(Aanbieder, on_delete=models.PROTECT, related_name="+")
    tekst = models.TextField()
    publicatietekst = models.TextField(
        "vraag zoals gepubliceerd",
        blank=True,
        help_text="De vraag zonder wat de vragensteller herkenbaar maakt; leeg: de eigen tekst.",
    )
    gesteld_op = models.DateTimeField()
    antwoord = models.TextField(blank=True)
    beantwoord_op = models.DateTimeField(null=True)
    nota_nummer = models.PositiveSmallIntegerField("Nota van Inlichtingen nr.", null=True)
    volgnummer = models.PositiveSmallIntegerField("vraagnummer in de nota", null=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["aanbesteding", "gesteld_op", "pk"]

    def __str__(self) -> str:
        return f"vraag {self.pk} ({self.aanbesteding.referentie})"

    @property
    def gepubliceerde_tekst(self) -> str:
        """What the Nota van Inlichtingen and OCDS show: the team's anonymised wording,
        or the asker's own."""
        return self.publicatietekst or self.tekst


class Eis(models.Model):
    """A knock-out requirement (uitsluitingsgrond, geschiktheidseis)."""

    aanbesteding = models.ForeignKey(Aanbesteding, on_delete=models.CASCADE, related_name="eisen")
    code = models.CharField(max_length=20)
    omschrijving = models.CharField(max_length=500)
    soort = models.CharField(max_length=30, default="geschiktheid")  # uitsluiting | geschiktheid

    class Meta:
        ordering = ["aanbesteding", "code"]
        constraints = [models.UniqueConstraint(fields=["aanbesteding", "code"], name="eis_uniek")]

    def __str__(self) -> str:
        return f"{self.code} {self.omschrijving}"


class Criterium(models.Model):
    aanbesteding = models.ForeignKey(
        Aanbesteding, on_delete=models.CASCADE, related_name="criteria"
    )
    code = models.CharField(max_length=20)
    naam = models.CharField(max_length=300)
    weging = models.DecimalField(
        max_digits=6, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    minimum = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    beschrijving_schaal = models.JSONField("beschrijving van de schaalwaarden", default=dict)

    class Meta:
        ordering = ["aanbesteding", "code"]
        constraints = [
            models.UniqueConstraint(fields=["aanbesteding", "code"], name="criterium_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.naam} ({self.weging})"


AANBESTEDING_LEVENSCYCLUS = levenscyclus(
    Aanbesteding, AANBESTEDING_OVERGANGEN, begin={AanbestedingStatus.CONCEPT}
)
