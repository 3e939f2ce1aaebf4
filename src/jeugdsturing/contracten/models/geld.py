# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Budgets per gemeente (and theme) and year, the year's total frame, recorded
approvals, PxQ ceilings and lump sums."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from jeugdsturing.contracten.models.overeenkomsten import Overeenkomst
from jeugdsturing.regio.models import Gemeente, Regio, Thema


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


class Goedkeuring(models.Model):
    """A recorded approval (bestuurlijk or contractueel) that allows a total to be
    exceeded: who decided, on what decision, when, and by how much."""

    regio = models.ForeignKey(Regio, on_delete=models.CASCADE, related_name="goedkeuringen")
    onderwerp = models.CharField("onderwerp", max_length=300)
    besluit = models.CharField("besluit (kenmerk)", max_length=200)
    goedgekeurd_door = models.CharField("goedgekeurd door", max_length=200)
    datum = models.DateField("datum besluit")
    bedrag_eurocent = models.BigIntegerField("goedgekeurde overschrijding (eurocent)")
    # The decision itself (a PDF or office document), checked by content (core.bestanden).
    document_naam = models.CharField("document", max_length=200, blank=True)
    document_type = models.CharField("soort document", max_length=100, blank=True)
    document = models.BinaryField("inhoud document", null=True, blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    vastgelegd_op = models.DateTimeField("vastgelegd op", auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["document"])  # the blob once, not per change

    class Meta:
        verbose_name = "goedkeuring"
        verbose_name_plural = "goedkeuringen"
        ordering = ["-vastgelegd_op"]

    def __str__(self) -> str:
        return f"{self.besluit}: {self.onderwerp}"


class Begrotingskader(models.Model):
    """The total a region's budgets for one year may not exceed without approval (002
    3.3.1: "de totale opdrachtwaarde niet zonder bestuurlijke of contractuele
    goedkeuring wordt overschreden")."""

    regio = models.ForeignKey(Regio, on_delete=models.CASCADE, related_name="begrotingskaders")
    jaar = models.PositiveSmallIntegerField("jaar")
    totaal_eurocent = models.BigIntegerField("totaal (eurocent)")
    bron = models.CharField("bron", max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "begrotingskader"
        verbose_name_plural = "begrotingskaders"
        ordering = ["regio", "jaar"]
        constraints = [
            models.UniqueConstraint(fields=["regio", "jaar"], name="begrotingskader_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.regio.code} {self.jaar}"


class Plafond(models.Model):
    """Budget ceiling of a PxQ contract for the residents of one gemeente in one year."""

    overeenkomst = models.ForeignKey(
        Overeenkomst, on_delete=models.CASCADE, related_name="plafonds"
    )
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    jaar = models.PositiveSmallIntegerField("jaar")
    bedrag_eurocent = models.BigIntegerField("plafond (eurocent)")
    goedkeuring = models.ForeignKey(
        Goedkeuring, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "budgetplafond"
        verbose_name_plural = "budgetplafonds"
        constraints = [
            models.UniqueConstraint(
                fields=["overeenkomst", "gemeente", "jaar"], name="plafond_uniek"
            ),
            models.CheckConstraint(
                condition=models.Q(bedrag_eurocent__gte=0), name="plafond_niet_negatief"
            ),
        ]

    def __str__(self) -> str:
        return f"plafond {self.overeenkomst.nummer} {self.gemeente} {self.jaar}"


class Lumpsum(models.Model):
    """One gemeente's contribution for one theme to a provider's yearly lump sum. The
    provider's lump sum is the sum of its contributions (002 3.3.3)."""

    overeenkomst = models.ForeignKey(
        Overeenkomst, on_delete=models.CASCADE, related_name="lumpsums"
    )
    jaar = models.PositiveSmallIntegerField("jaar")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    thema = models.ForeignKey(Thema, on_delete=models.PROTECT, related_name="+")
    bedrag_eurocent = models.BigIntegerField("bijdrage (eurocent)")
    vaststelling = models.ForeignKey(
        "LumpsumVaststelling", on_delete=models.PROTECT, related_name="bijdragen"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "lumpsumbijdrage"
        verbose_name_plural = "lumpsumbijdragen"
        constraints = [
            models.UniqueConstraint(
                fields=["overeenkomst", "jaar", "gemeente", "thema"], name="lumpsum_uniek"
            ),
            models.CheckConstraint(
                condition=models.Q(bedrag_eurocent__gte=0), name="lumpsum_niet_negatief"
            ),
        ]

    def __str__(self) -> str:
        return f"lumpsum {self.overeenkomst.nummer} {self.jaar} {self.gemeente} {self.thema.code}"


class LumpsumVaststelling(models.Model):
    """One (re)determination of a year's lump sums: how the keys were made and why.
    Later adjustments add a new record; the contributions keep their history."""

    regio = models.ForeignKey(Regio, on_delete=models.CASCADE, related_name="+")
    jaar = models.PositiveSmallIntegerField("jaar")
    sleutelbron = models.CharField("bron van de verdeelsleutels", max_length=300)
    reden = models.CharField("reden", max_length=500)
    goedkeuring = models.ForeignKey(
        Goedkeuring, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    op = models.DateTimeField("op", auto_now_add=True)

    class Meta:
        verbose_name = "lumpsumvaststelling"
        verbose_name_plural = "lumpsumvaststellingen"
        ordering = ["regio", "jaar", "op"]

    def __str__(self) -> str:
        return f"lumpsums {self.regio.code} {self.jaar} ({self.reden})"


class Continuiteitsbudget(models.Model):
    """The part of one gemeente's budget for one year reserved for care continuity
    (002 3.3.1: the multi-year budget includes "zorgcontinuïteitskosten"): the care of
    its residents at providers without a new contract, until they transfer or their
    care ends. Reserved from a continuity plan's expected costs (docs/zorgcontinuiteit.md);
    a part of the budget, so the lump sums stay as they are."""

    regio = models.ForeignKey(Regio, on_delete=models.CASCADE, related_name="+")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    jaar = models.PositiveSmallIntegerField("jaar")
    bedrag_eurocent = models.BigIntegerField("gereserveerd (eurocent)")
    bron = models.CharField("bron", max_length=300)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "continuïteitsbudget"
        verbose_name_plural = "continuïteitsbudgetten"
        ordering = ["regio", "jaar", "gemeente__naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["regio", "gemeente", "jaar"], name="continuiteitsbudget_uniek"
            ),
            models.CheckConstraint(
                condition=models.Q(bedrag_eurocent__gte=0),
                name="continuiteitsbudget_niet_negatief",
            ),
        ]

    def __str__(self) -> str:
        return f"zorgcontinuïteit {self.gemeente} {self.jaar}"
