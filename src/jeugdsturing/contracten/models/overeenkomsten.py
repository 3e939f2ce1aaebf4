# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Contracts with their lifecycle, execution variants, products, tariffs and
indexation."""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import RegexValidator
from django.db import models
from simple_history.models import HistoricalRecords

from jeugdsturing.contracten.models.aanbieders import Aanbieder, Combinatie
from jeugdsturing.core.levenscyclus import levenscyclus
from jeugdsturing.core.models import Statuswijziging
from jeugdsturing.regio.models import Regio, Thema


class Uitvoeringsvariant(models.TextChoices):
    """The three execution variants of the iStandaarden."""

    INSPANNINGSGERICHT = "inspanningsgericht", "inspanningsgericht (tijdseenheid x tarief)"
    OUTPUTGERICHT = "outputgericht", "outputgericht (prijs per product of traject)"
    TAAKGERICHT = "taakgericht", "taakgericht (lumpsum voor een brede taak)"


# Units (WJ756) each variant allows, from ../shared/ijw/codelijsten/
# Toewijzingsvarianten_inspanning-output.md. Taakgericht care is not assigned per unit.
VARIANT_EENHEDEN: dict[str, frozenset[str]] = {
    Uitvoeringsvariant.INSPANNINGSGERICHT: frozenset({"01", "04", "14", "16", "84"}),
    Uitvoeringsvariant.OUTPUTGERICHT: frozenset({"82", "83"}),
    Uitvoeringsvariant.TAAKGERICHT: frozenset(),
}


class OvereenkomstStatus(models.TextChoices):
    CONCEPT = "concept", "concept"
    ACTIEF = "actief", "actief"
    OPGESCHORT = "opgeschort", "opgeschort"
    BEEINDIGD = "beeindigd", "beëindigd"
    INGETROKKEN = "ingetrokken", "ingetrokken"


# The lifecycle as data: which status may follow which (core/levenscyclus.py). Every
# change is appended to the one status history; nothing is overwritten.
OVEREENKOMST_OVERGANGEN: dict[str, frozenset[str]] = {
    OvereenkomstStatus.CONCEPT: frozenset(
        {OvereenkomstStatus.ACTIEF, OvereenkomstStatus.INGETROKKEN}
    ),
    OvereenkomstStatus.ACTIEF: frozenset(
        {OvereenkomstStatus.OPGESCHORT, OvereenkomstStatus.BEEINDIGD}
    ),
    OvereenkomstStatus.OPGESCHORT: frozenset(
        {OvereenkomstStatus.ACTIEF, OvereenkomstStatus.BEEINDIGD}
    ),
    OvereenkomstStatus.BEEINDIGD: frozenset(),
    OvereenkomstStatus.INGETROKKEN: frozenset(),
}


class Overeenkomst(models.Model):
    """A contract between the region and one provider (or a combination, through its
    penvoerder) for one or more themes or lots."""

    regio = models.ForeignKey(Regio, on_delete=models.CASCADE, related_name="overeenkomsten")
    nummer = models.CharField("contractnummer", max_length=40)
    aanbieder = models.ForeignKey(
        Aanbieder, on_delete=models.PROTECT, related_name="overeenkomsten",
        verbose_name="aanbieder (of penvoerder)",
    )  # fmt: skip
    combinatie = models.ForeignKey(
        Combinatie, on_delete=models.PROTECT, null=True, blank=True, related_name="overeenkomsten"
    )
    themas = models.ManyToManyField(Thema, blank=True, related_name="overeenkomsten")
    ingangsdatum = models.DateField("ingangsdatum")
    einddatum = models.DateField("einddatum")
    verlengingsopties = models.PositiveSmallIntegerField("aantal verlengingsopties", default=0)
    verlengingsduur_jaren = models.PositiveSmallIntegerField("jaren per verlenging", default=0)
    verlengingen_benut = models.PositiveSmallIntegerField("benutte verlengingen", default=0)
    herkomst = models.CharField(
        "herkomst", max_length=300, blank=True,
        help_text="Waar de overeenkomst vandaan komt, bijvoorbeeld de aanbesteding waarin "
        "zij is gegund.",
    )  # fmt: skip
    status = models.CharField(
        "status",
        max_length=12,
        choices=OvereenkomstStatus.choices,
        default=OvereenkomstStatus.CONCEPT,
    )
    history = HistoricalRecords(m2m_fields=[themas])
    statuswijzigingen = GenericRelation(Statuswijziging)

    class Meta:
        verbose_name = "overeenkomst"
        verbose_name_plural = "overeenkomsten"
        ordering = ["regio", "nummer"]
        constraints = [
            models.UniqueConstraint(fields=["regio", "nummer"], name="overeenkomst_nummer_uniek"),
            models.CheckConstraint(
                condition=models.Q(einddatum__gte=models.F("ingangsdatum")),
                name="overeenkomst_einde_na_ingang",
            ),
            models.CheckConstraint(
                condition=models.Q(verlengingen_benut__lte=models.F("verlengingsopties")),
                name="overeenkomst_verlengingen_binnen_opties",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nummer} {self.aanbieder.naam}"

    @property
    def variant(self) -> str:
        """The contract's variant when all its products share one, else 'gemengd'."""
        soorten = {r.variant for r in self.producten.all()}
        return soorten.pop() if len(soorten) == 1 else "gemengd"


class Onderaannemer(models.Model):
    """A subcontractor under a contract."""

    overeenkomst = models.ForeignKey(
        Overeenkomst, on_delete=models.CASCADE, related_name="onderaannemers"
    )
    aanbieder = models.ForeignKey(Aanbieder, on_delete=models.PROTECT, related_name="+")
    omschrijving = models.CharField("rol of inzet", max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "onderaannemer"
        verbose_name_plural = "onderaannemers"
        constraints = [
            models.UniqueConstraint(
                fields=["overeenkomst", "aanbieder"], name="onderaannemer_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.aanbieder.naam} onder {self.overeenkomst.nummer}"


productcode_validator = RegexValidator(
    r"^[A-Za-z0-9]{1,5}$", "Een regionale productcode heeft 1 tot 5 letters of cijfers."
)


class Product(models.Model):
    """A regional product under a national product category (JZ020)."""

    regio = models.ForeignKey(Regio, on_delete=models.CASCADE, related_name="producten")
    code = models.CharField("productcode", max_length=5, validators=[productcode_validator])
    naam = models.CharField("naam", max_length=200)
    categorie = models.CharField("productcategorie (JZ020)", max_length=2)
    eenheid = models.CharField("eenheid (WJ756)", max_length=2, blank=True)
    frequentie = models.CharField("frequentie (WMO757)", max_length=1, blank=True)
    thema = models.ForeignKey(
        Thema, on_delete=models.PROTECT, null=True, blank=True, related_name="producten"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "product"
        verbose_name_plural = "producten"
        ordering = ["regio", "code"]
        constraints = [models.UniqueConstraint(fields=["regio", "code"], name="product_code_uniek")]

    def __str__(self) -> str:
        return f"{self.code} {self.naam}"


class OvereenkomstProduct(models.Model):
    """A product under a contract, with its execution variant."""

    overeenkomst = models.ForeignKey(
        Overeenkomst, on_delete=models.CASCADE, related_name="producten"
    )
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="+")
    variant = models.CharField(
        "uitvoeringsvariant", max_length=20, choices=Uitvoeringsvariant.choices
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "product in overeenkomst"
        verbose_name_plural = "producten in overeenkomsten"
        constraints = [
            models.UniqueConstraint(
                fields=["overeenkomst", "product"], name="overeenkomstproduct_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.product.code} ({self.variant}) in {self.overeenkomst.nummer}"


class Tarief(models.Model):
    """Price per unit in eurocent for a product, valid over a period. A tariff bound to
    a contract overrides the regional tariff for that contract."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="tarieven")
    overeenkomst = models.ForeignKey(
        Overeenkomst, on_delete=models.CASCADE, null=True, blank=True, related_name="tarieven"
    )
    bedrag_eurocent = models.BigIntegerField("tarief per eenheid (eurocent)")
    geldig_van = models.DateField("geldig van")
    geldig_tot = models.DateField("geldig tot en met", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "tarief"
        verbose_name_plural = "tarieven"
        ordering = ["product", "geldig_van"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(bedrag_eurocent__gte=0), name="tarief_niet_negatief"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.product.code} vanaf {self.geldig_van}: {self.bedrag_eurocent} ct"


class Indexatie(models.Model):
    """The yearly indexation of a region's tariffs (for example the OVA), in percent:
    tariffs valid in the previous year are raised by it on 1 January."""

    regio = models.ForeignKey(Regio, on_delete=models.CASCADE, related_name="indexaties")
    jaar = models.PositiveSmallIntegerField("jaar")
    percentage = models.DecimalField("indexatie (%)", max_digits=6, decimal_places=3)
    bron = models.CharField("bron", max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "indexatie"
        verbose_name_plural = "indexaties"
        ordering = ["regio", "jaar"]
        constraints = [models.UniqueConstraint(fields=["regio", "jaar"], name="indexatie_uniek")]

    def __str__(self) -> str:
        return f"{self.regio.code} {self.jaar}: {self.percentage}%"


OVEREENKOMST_LEVENSCYCLUS = levenscyclus(
    Overeenkomst, OVEREENKOMST_OVERGANGEN, begin={OvereenkomstStatus.CONCEPT}
)
