# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Reference data (gemeenten, jeugdzorgregio's, iJw code lists) and the structure of a
steering region (gebieden, thema's/percelen, stuurkalender)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from simple_history.models import HistoricalRecords

gemeentecode_validator = RegexValidator(r"^\d{4}$", "Een gemeentecode bestaat uit 4 cijfers.")
jeugdregiocode_validator = RegexValidator(
    r"^JZ\d{2}$", "Een jeugdregiocode is JZ gevolgd door 2 cijfers."
)
regiocode_validator = RegexValidator(
    r"^[A-Z0-9-]{2,12}$", "Een regiocode bestaat uit 2-12 hoofdletters, cijfers of streepjes."
)


class Jeugdregio(models.Model):
    """One of the 42 CBS jeugdzorgregio's (JZ01..JZ43, there is no JZ40)."""

    code = models.CharField(
        "code", max_length=4, unique=True, validators=[jeugdregiocode_validator]
    )
    naam = models.CharField("naam", max_length=100)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "jeugdzorgregio"
        verbose_name_plural = "jeugdzorgregio's"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.naam}"


class Gemeente(models.Model):
    """A gemeente by its CBS code (4 digits, as in the iJw messages) on 1 January 2026."""

    code = models.CharField(
        "CBS-code", max_length=4, unique=True, validators=[gemeentecode_validator]
    )
    naam = models.CharField("naam", max_length=100)
    provincie = models.CharField("provincie", max_length=50)
    jeugdregio = models.ForeignKey(
        Jeugdregio,
        on_delete=models.PROTECT,
        related_name="gemeenten",
        verbose_name="jeugdzorgregio",
    )
    inwoners = models.PositiveIntegerField("inwoners", null=True, blank=True)
    jongeren_0_17 = models.PositiveIntegerField("jongeren 0-17 jaar", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "gemeente"
        verbose_name_plural = "gemeenten"
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Codelijst(models.TextChoices):
    PRODUCTCATEGORIE = "JZ020", "JZ020 Productcategorie"
    EENHEID = "WJ756", "WJ756 Eenheid"
    FREQUENTIE = "WMO757", "WMO757 Frequentie"
    REDEN_BEEINDIGING = "JZ588", "JZ588 Reden beëindiging"
    REDEN_WIJZIGING = "JZ002", "JZ002 Reden wijziging toewijzing"
    VERWIJZER = "COD327", "COD327 Code verwijzer"
    STATUS_AANLEVERING = "COD467", "COD467 Status aanlevering"
    RETOURCODE = "WJ001", "WJ001 Retourcode"


class Code(models.Model):
    """One value of an iJw 3.2 code list."""

    lijst = models.CharField("codelijst", max_length=8, choices=Codelijst.choices)
    code = models.CharField("code", max_length=4)
    omschrijving = models.CharField("omschrijving", max_length=300)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "code"
        verbose_name_plural = "codes"
        ordering = ["lijst", "code"]
        constraints = [
            models.UniqueConstraint(fields=["lijst", "code"], name="code_uniek_per_lijst")
        ]

    def __str__(self) -> str:
        return f"{self.lijst} {self.code} {self.omschrijving}"


class Regio(models.Model):
    """A steering region: the gemeenten that procure and steer together.

    It may span several CBS jeugdzorgregio's (IJmond + Zuid-Kennemerland) or only
    part of one; its code is what users type on the command line (JZ13)."""

    code = models.CharField("code", max_length=12, unique=True, validators=[regiocode_validator])
    naam = models.CharField("naam", max_length=150)
    omschrijving = models.TextField("omschrijving", blank=True)
    bron = models.CharField("brondocument", max_length=300, blank=True)
    is_demo = models.BooleanField("demoregio", default=False)
    thema_soort = models.CharField(
        "indeling van de opdracht",
        max_length=10,
        choices=[("thema", "thema's"), ("perceel", "percelen"), ("segment", "segmenten")],
        default="thema",
    )
    jeugdregios = models.ManyToManyField(
        Jeugdregio, related_name="regios", verbose_name="jeugdzorgregio's"
    )
    gemeenten = models.ManyToManyField(Gemeente, related_name="regios", verbose_name="gemeenten")
    history = HistoricalRecords(m2m_fields=[gemeenten, jeugdregios])

    class Meta:
        verbose_name = "regio"
        verbose_name_plural = "regio's"
        ordering = ["naam"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.code})"


class Gebied(models.Model):
    """An area (gebied) of a region: whole gemeenten and/or postcode ranges of a gemeente."""

    regio = models.ForeignKey(Regio, on_delete=models.CASCADE, related_name="gebieden")
    code = models.CharField("code", max_length=20)
    naam = models.CharField("naam", max_length=150)
    volgorde = models.PositiveSmallIntegerField("volgorde", default=0)
    gemeenten = models.ManyToManyField(
        Gemeente, blank=True, related_name="gebieden", verbose_name="hele gemeenten"
    )
    history = HistoricalRecords(m2m_fields=[gemeenten])

    class Meta:
        verbose_name = "gebied"
        verbose_name_plural = "gebieden"
        ordering = ["regio", "volgorde", "naam"]
        constraints = [models.UniqueConstraint(fields=["regio", "code"], name="gebied_code_uniek")]

    def __str__(self) -> str:
        return self.naam


class GebiedPostcodes(models.Model):
    """A range of 4-digit postcodes of one gemeente that belongs to a gebied."""

    gebied = models.ForeignKey(Gebied, on_delete=models.CASCADE, related_name="postcodes")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    van = models.PositiveSmallIntegerField("postcode van")
    tot = models.PositiveSmallIntegerField("postcode tot en met")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "postcodereeks"
        verbose_name_plural = "postcodereeksen"
        ordering = ["gemeente", "van"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(van__gte=1000, tot__lte=9999, van__lte=models.F("tot")),
                name="postcodereeks_geldig",
            )
        ]

    def __str__(self) -> str:
        return f"{self.van}-{self.tot}" if self.van != self.tot else str(self.van)

    def clean(self) -> None:
        if not (1000 <= self.van <= self.tot <= 9999):
            raise ValidationError("Een postcodereeks loopt van 1000 tot en met 9999, van <= tot.")


class Thema(models.Model):
    """A theme (thema) or lot (perceel) of a region's assignment."""

    regio = models.ForeignKey(Regio, on_delete=models.CASCADE, related_name="themas")
    code = models.CharField("code", max_length=20)
    naam = models.CharField("naam", max_length=200)
    omschrijving = models.TextField("omschrijving", blank=True)
    volgorde = models.PositiveSmallIntegerField("volgorde", default=0)
    budget_aandeel_pct = models.DecimalField(
        "aandeel budget (%)", max_digits=5, decimal_places=2, null=True, blank=True
    )
    clienten_aandeel_pct = models.DecimalField(
        "aandeel cliënten (%)", max_digits=5, decimal_places=2, null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "thema of perceel"
        verbose_name_plural = "thema's en percelen"
        ordering = ["regio", "volgorde", "code"]
        constraints = [models.UniqueConstraint(fields=["regio", "code"], name="thema_code_uniek")]

    def __str__(self) -> str:
        return f"{self.code}. {self.naam}" if len(self.code) <= 2 else self.naam


class Stuurmoment(models.Model):
    """A recurring moment in a region's steering calendar (e.g. prestatiedialoog in June)."""

    regio = models.ForeignKey(Regio, on_delete=models.CASCADE, related_name="stuurmomenten")
    code = models.CharField("code", max_length=30)
    naam = models.CharField("naam", max_length=200)
    maand = models.PositiveSmallIntegerField("maand", choices=[(m, m) for m in range(1, 13)])
    omschrijving = models.TextField("omschrijving", blank=True)
    bron = models.CharField("bron", max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "stuurmoment"
        verbose_name_plural = "stuurkalender"
        ordering = ["regio", "maand", "code"]
        constraints = [
            models.UniqueConstraint(fields=["regio", "code"], name="stuurmoment_code_uniek")
        ]

    def __str__(self) -> str:
        return self.naam
