"""Providers, contracts and money: combinations and subcontractors, contracts in the three
execution variants, products, tariffs and indexation, budgets with their approval rule,
ceilings, lump sums, provider reports and annual figures. Amounts are integer eurocent."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from simple_history.models import HistoricalRecords

from jeugdsturing.core.levenscyclus import levenscyclus
from jeugdsturing.core.models import Statuswijziging
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


# --- combinations and subcontractors -------------------------------------------------


class Combinatie(models.Model):
    """Providers that bid and contract together (002 5.x): one penvoerder, who is the
    contact and receives the lump sum, and its members."""

    naam = models.CharField("naam", max_length=200)
    penvoerder = models.ForeignKey(
        Aanbieder, on_delete=models.PROTECT, related_name="combinaties_als_penvoerder"
    )
    leden = models.ManyToManyField(Aanbieder, related_name="combinaties", verbose_name="leden")
    history = HistoricalRecords(m2m_fields=[leden])

    class Meta:
        verbose_name = "combinatie"
        verbose_name_plural = "combinaties"
        ordering = ["naam"]

    def __str__(self) -> str:
        return f"{self.naam} (penvoerder {self.penvoerder.naam})"


# --- contracts -----------------------------------------------------------------------


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


# --- products, tariffs and indexation -------------------------------------------------

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


# --- budgets, approvals, ceilings and lump sums --------------------------------------


class Goedkeuring(models.Model):
    """A recorded approval (bestuurlijk or contractueel) that allows a total to be
    exceeded: who decided, on what decision, when, and by how much."""

    regio = models.ForeignKey(Regio, on_delete=models.CASCADE, related_name="goedkeuringen")
    onderwerp = models.CharField("onderwerp", max_length=300)
    besluit = models.CharField("besluit (kenmerk)", max_length=200)
    goedgekeurd_door = models.CharField("goedgekeurd door", max_length=200)
    datum = models.DateField("datum besluit")
    bedrag_eurocent = models.BigIntegerField("goedgekeurde overschrijding (eurocent)")
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    vastgelegd_op = models.DateTimeField("vastgelegd op", auto_now_add=True)
    history = HistoricalRecords()

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


# --- provider reports (lump-sum realisation) and annual figures ----------------------


class Verantwoording(models.Model):
    """A provider's 4-, 8- or 12-month report of realised costs and clients per gemeente
    and theme, uploaded from the template (docs/contracten.md). A new upload for the
    same period replaces the previous one, which is kept."""

    overeenkomst = models.ForeignKey(
        Overeenkomst, on_delete=models.CASCADE, related_name="verantwoordingen"
    )
    jaar = models.PositiveSmallIntegerField("jaar")
    maanden = models.PositiveSmallIntegerField("periode (maanden)")
    bestandsnaam = models.CharField("bestand", max_length=300)
    sha256 = models.CharField(max_length=64)
    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ingediend_op = models.DateTimeField("ingediend op", auto_now_add=True)
    vervangen = models.BooleanField("vervangen door een latere upload", default=False)

    class Meta:
        verbose_name = "verantwoording"
        verbose_name_plural = "verantwoordingen"
        ordering = ["overeenkomst", "jaar", "maanden", "ingediend_op"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(maanden__in=[4, 8, 12]), name="verantwoording_periode"
            ),
            models.UniqueConstraint(
                fields=["overeenkomst", "jaar", "maanden"],
                condition=models.Q(vervangen=False),
                name="verantwoording_een_geldige_per_periode",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.maanden}-maandsrapportage {self.jaar} {self.overeenkomst.aanbieder.naam}"


class VerantwoordingRegel(models.Model):
    verantwoording = models.ForeignKey(
        Verantwoording, on_delete=models.CASCADE, related_name="regels"
    )
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    thema = models.ForeignKey(Thema, on_delete=models.PROTECT, related_name="+")
    kosten_eurocent = models.BigIntegerField("gerealiseerde kosten (eurocent)")
    clienten = models.PositiveIntegerField("aantal cliënten")

    class Meta:
        verbose_name = "verantwoordingsregel"
        verbose_name_plural = "verantwoordingsregels"
        constraints = [
            models.UniqueConstraint(
                fields=["verantwoording", "gemeente", "thema"], name="verantwoordingregel_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.verantwoording}: {self.gemeente} {self.thema.code}"


class Jaarcijfers(models.Model):
    """A provider's audited annual figures, for the excess-profit watch (003)."""

    aanbieder = models.ForeignKey(Aanbieder, on_delete=models.CASCADE, related_name="jaarcijfers")
    jaar = models.PositiveSmallIntegerField("jaar")
    omzet_eurocent = models.BigIntegerField("omzet (eurocent)")
    kosten_eurocent = models.BigIntegerField("kosten (eurocent)")
    resultaat_eurocent = models.BigIntegerField("resultaat (eurocent)")
    omzet_jeugd_eurocent = models.BigIntegerField(
        "omzet jeugdhulp in de regio (eurocent)", null=True, blank=True
    )
    bron = models.CharField("bron", max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "jaarcijfers"
        verbose_name_plural = "jaarcijfers"
        constraints = [
            models.UniqueConstraint(fields=["aanbieder", "jaar"], name="jaarcijfers_uniek")
        ]

    def __str__(self) -> str:
        return f"jaarcijfers {self.aanbieder.naam} {self.jaar}"


class Winstnorm(models.Model):
    """The region's norm for a reasonable result: a percentage of revenue above which
    a provider is flagged (configurable per region and year)."""

    regio = models.ForeignKey(Regio, on_delete=models.CASCADE, related_name="winstnormen")
    jaar = models.PositiveSmallIntegerField("jaar")
    max_resultaat_pct = models.DecimalField(
        "maximaal resultaat (% van omzet)", max_digits=5, decimal_places=2
    )
    bron = models.CharField("bron", max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "winstnorm"
        verbose_name_plural = "winstnormen"
        constraints = [models.UniqueConstraint(fields=["regio", "jaar"], name="winstnorm_uniek")]

    def __str__(self) -> str:
        return f"winstnorm {self.regio.code} {self.jaar}: {self.max_resultaat_pct}%"


class Backtestuitslag(models.Model):
    """The backtest behind a year-end forecast, kept so a page need not redo it: valid
    for one state of the data (data_versie: the last message and tariff change)."""

    regio = models.ForeignKey(Regio, on_delete=models.CASCADE, related_name="+")
    jaar = models.PositiveSmallIntegerField("jaar")
    maand = models.PositiveSmallIntegerField("maand")
    data_versie = models.CharField("stand van de gegevens", max_length=100)
    methode = models.CharField("gekozen methode", max_length=20)
    verhoudingen = models.JSONField("werkelijk / prognose van de gekozen methode")
    tabel = models.JSONField("backtesttabel", null=True)
    berekend_op = models.DateTimeField("berekend op", auto_now_add=True)

    class Meta:
        verbose_name = "backtestuitslag"
        verbose_name_plural = "backtestuitslagen"
        constraints = [
            models.UniqueConstraint(
                fields=["regio", "jaar", "maand", "data_versie"], name="backtestuitslag_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"backtest {self.regio.code} {self.jaar}/{self.maand}: {self.methode}"


OVEREENKOMST_LEVENSCYCLUS = levenscyclus(
    Overeenkomst, OVEREENKOMST_OVERGANGEN, begin={OvereenkomstStatus.CONCEPT}
)
