# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""A transition (the change to new contracts on a date), its affected trajectories
(cases) with their continuity plan and follow-up, and the bulk rules that plan many
cases at once."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from simple_history.models import HistoricalRecords

from jeugdsturing.berichten.models.ontvangst import PSEUDONIEM
from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.core.levenscyclus import levenscyclus
from jeugdsturing.core.models import Statuswijziging
from jeugdsturing.regio.models import Regio, Thema
from jeugdsturing.verwerving.models import Aanbesteding


class Transitie(models.Model):
    """The change to new contracts on ``overgangsdatum``, analysed with the data as known
    on ``peildatum``."""

    regio = models.ForeignKey(Regio, on_delete=models.CASCADE, related_name="+")
    naam = models.CharField("naam", max_length=200)
    # The tender whose award gives the new contracts; empty: every contract that runs on
    # the transition date counts.
    aanbesteding = models.ForeignKey(
        Aanbesteding, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    overgangsdatum = models.DateField("ingangsdatum nieuwe overeenkomsten")
    peildatum = models.DateField("peildatum (gegevens bekend op)")
    norm_onderbreking_dagen = models.PositiveSmallIntegerField(
        "norm voor een onderbreking (dagen)", default=14
    )
    gemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    gemaakt_op = models.DateTimeField("gemaakt op", auto_now_add=True)
    opgevolgd_tot = models.DateField("opvolging bijgewerkt tot en met", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "transitie"
        verbose_name_plural = "transities"
        ordering = ["regio", "-overgangsdatum", "-gemaakt_op"]

    def __str__(self) -> str:
        return self.naam


class Reden(models.TextChoices):
    NIET_GECONTRACTEERD = "niet_gecontracteerd", "aanbieder zonder nieuwe overeenkomst"
    THEMA_VERLOREN = "thema_verloren", "aanbieder zonder dit thema in de nieuwe overeenkomst"
    PRODUCT_VERLOREN = "product_verloren", "aanbieder zonder dit product in de nieuwe overeenkomst"


class Besluit(models.TextChoices):
    DOORLOPEN = "doorlopen", "doorlopen bij de huidige aanbieder tot een datum"
    OVERDRAGEN = "overdragen", "overdragen aan een partner (warme overdracht)"
    BEEINDIGEN = "beeindigen", "beëindigen zoals gepland"


class GevalStatus(models.TextChoices):
    ZONDER_PLAN = "zonder_plan", "zonder plan"
    GEPLAND = "gepland", "gepland"
    AFGEROND = "afgerond", "afgerond"
    VERVALLEN = "vervallen", "vervallen (geen zorg meer op de overgangsdatum)"


GEVAL_OVERGANGEN: dict[str, frozenset[str]] = {
    GevalStatus.ZONDER_PLAN: frozenset({GevalStatus.GEPLAND, GevalStatus.VERVALLEN}),
    # A new decision on a planned case is a change of plan: gepland -> gepland.
    GevalStatus.GEPLAND: frozenset(
        {GevalStatus.GEPLAND, GevalStatus.ZONDER_PLAN, GevalStatus.AFGEROND, GevalStatus.VERVALLEN}
    ),
    # The follow-up reopens a case when a later message undoes what closed it.
    GevalStatus.AFGEROND: frozenset({GevalStatus.GEPLAND}),
    GevalStatus.VERVALLEN: frozenset({GevalStatus.ZONDER_PLAN}),
}


class Volgstand(models.TextChoices):
    """What the messages say about a planned case (opvolging.py)."""

    NOG_NIET = "nog_niet", "nog niet aan de beurt"
    VOOR_OVERGANG = "voor_overgang", "beëindigd vóór de overgang"
    LOOPT = "loopt", "loopt bij de huidige aanbieder"
    TE_LAAT = "te_laat", "na de geplande datum nog geen stopbericht"
    START_ONTBREEKT = "start_ontbreekt", "gestopt, startbericht van de partner ontbreekt"
    ONDERBREKING = "onderbreking", "overgedragen met een onderbreking in de zorg"
    NAADLOOS = "naadloos", "overgedragen zonder onderbreking"
    OVERLAP = "overlap", "overgedragen met overlap"
    ANDERE_AANBIEDER = "andere_aanbieder", "gestart bij een andere aanbieder dan gepland"
    BEEINDIGD = "beeindigd", "beëindigd op of voor de geplande datum"
    LOOPT_DOOR = "loopt_door", "loopt na de geplande datum door"


class Bulkregel(models.Model):
    """A decision for every case that matches: by product category, theme, gemeente or
    provider (empty matches all). The term is the end of the assignment or a number of
    months after the transition date. The first matching rule (by ``volgorde``) decides;
    cases changed by hand keep their own plan."""

    transitie = models.ForeignKey(Transitie, on_delete=models.CASCADE, related_name="regels")
    volgorde = models.PositiveSmallIntegerField("volgorde")
    naam = models.CharField("naam", max_length=200)
    categorieen = models.CharField(
        "productcategorieën", max_length=100, blank=True,
        help_text="Codes (JZ020) gescheiden door komma's; leeg is alle.",
    )  # fmt: skip
    thema = models.ForeignKey(Thema, on_delete=models.PROTECT, null=True, blank=True)
    gemeente = models.CharField("gemeente", max_length=4, blank=True)
    aanbieder = models.ForeignKey(
        Aanbieder, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    besluit = models.CharField("besluit", max_length=12, choices=Besluit.choices)
    tot_einde_toewijzing = models.BooleanField("tot het einde van de toewijzing", default=False)
    maanden = models.PositiveSmallIntegerField(
        "binnen maanden na de overgang", null=True, blank=True
    )
    partner = models.ForeignKey(
        Aanbieder, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        help_text="Leeg: de partner van het thema met de minste overdrachten tot nu toe.",
    )  # fmt: skip
    toelichting = models.CharField("reden", max_length=500)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "bulkregel"
        verbose_name_plural = "bulkregels"
        ordering = ["transitie", "volgorde"]

    def __str__(self) -> str:
        return self.naam


class Geval(models.Model):
    """One affected trajectory on the transition date: what it is, what the analysis
    expects of it, its plan and what the messages say since."""

    transitie = models.ForeignKey(Transitie, on_delete=models.CASCADE, related_name="gevallen")
    traject = models.CharField("trajectsleutel", max_length=200)
    gemeente = models.CharField("gemeente", max_length=4)
    gebied = models.CharField("gebied", max_length=20, blank=True)
    aanbieder = models.ForeignKey(Aanbieder, on_delete=models.PROTECT, related_name="+")
    client = models.CharField("cliënt (pseudoniem)", max_length=PSEUDONIEM)
    toewijzingnummer = models.CharField(max_length=20, blank=True)
    taakgericht = models.BooleanField(default=False)
    categorie = models.CharField("productcategorie", max_length=2, blank=True)
    productcode = models.CharField("product", max_length=5, blank=True)
    thema = models.ForeignKey(Thema, on_delete=models.PROTECT, null=True, blank=True)
    reden = models.CharField("reden", max_length=20, choices=Reden.choices)
    begindatum = models.DateField("begindatum", null=True)
    toewijzing_einddatum = models.DateField("einde toewijzing", null=True)
    kans_lopend = models.FloatField("kans dat de zorg op de overgangsdatum loopt")
    restduur_maanden = models.FloatField("verwachte resterende duur (maanden)")
    maandbedrag_eurocent = models.BigIntegerField("verwacht bedrag per maand (eurocent)")
    # Expected cost per month from the transition date (eurocent, rounded per month):
    # the plan's expected cost is the sum up to its date, so reservations add up exactly.
    maandkosten = models.JSONField("verwachte kosten per maand", default=list)
    # The plan.
    besluit = models.CharField("besluit", max_length=12, choices=Besluit.choices, blank=True)
    plan_datum = models.DateField("tot of uiterlijk op", null=True, blank=True)
    partner = models.ForeignKey(
        Aanbieder, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    toelichting = models.CharField("reden van het besluit", max_length=500, blank=True)
    regel = models.ForeignKey(Bulkregel, on_delete=models.SET_NULL, null=True, blank=True)
    handmatig = models.BooleanField("per geval gewijzigd", default=False)
    besloten_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    besloten_op = models.DateTimeField("besloten op", null=True, blank=True)
    status = models.CharField(
        "status", max_length=12, choices=GevalStatus.choices, default=GevalStatus.ZONDER_PLAN
    )
    # The follow-up (opvolging.py), recomputed from the trajectories after each import.
    volgstand = models.CharField("opvolging", max_length=20, choices=Volgstand.choices, blank=True)
    stop_datum = models.DateField("laatste zorgdag huidige aanbieder", null=True, blank=True)
    nieuwe_start = models.DateField("start bij de partner", null=True, blank=True)
    nieuwe_aanbieder = models.CharField("gestart bij (AGB)", max_length=8, blank=True)
    tussen_dagen = models.IntegerField("dagen tussen stop en start", null=True, blank=True)
    signaal_sinds = models.DateField("onderbreking boven de norm sinds", null=True, blank=True)
    history = HistoricalRecords()
    statuswijzigingen = GenericRelation(Statuswijziging)

    class Meta:
        verbose_name = "continuïteitsgeval"
        verbose_name_plural = "continuïteitsgevallen"
        ordering = ["transitie", "gemeente", "aanbieder__naam", "traject"]
        constraints = [models.UniqueConstraint(fields=["transitie", "traject"], name="geval_uniek")]
        indexes = [models.Index(fields=["transitie", "status"], name="geval_status")]

    def __str__(self) -> str:
        return f"geval {self.traject}"


GEVAL_LEVENSCYCLUS = levenscyclus(Geval, GEVAL_OVERGANGEN, begin={GevalStatus.ZONDER_PLAN})
