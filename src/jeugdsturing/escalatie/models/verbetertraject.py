# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The escalation case (seed 003 ch. 6): from a signal to a conversation with the
provider, a binding improvement plan (actions: who, what, how, when), monitoring of
the plan and of the indicator that triggered it, an assessment, and a judgement."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from simple_history.models import HistoricalRecords

from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.core.levenscyclus import levenscyclus
from jeugdsturing.core.models import Statuswijziging
from jeugdsturing.escalatie.models.signalen import MAATSTAF_KEUZES, Signaal
from jeugdsturing.regio.models import Regio


class TrajectStatus(models.TextChoices):
    SIGNAAL = "signaal", "signaal"
    GESPREK = "gesprek", "gesprek met de aanbieder"
    VERBETERPLAN = "verbeterplan", "verbeterplan"
    MONITORING = "monitoring", "monitoring van het plan"
    BEOORDELING = "beoordeling", "beoordeling"
    OORDEEL = "oordeel", "oordeel gegeven"


TRAJECT_OVERGANGEN: dict[str, frozenset[str]] = {
    TrajectStatus.SIGNAAL: frozenset({TrajectStatus.GESPREK}),
    TrajectStatus.GESPREK: frozenset({TrajectStatus.VERBETERPLAN, TrajectStatus.BEOORDELING}),
    TrajectStatus.VERBETERPLAN: frozenset({TrajectStatus.MONITORING}),
    TrajectStatus.MONITORING: frozenset({TrajectStatus.BEOORDELING}),
    # An assessment can send the plan back for another round of monitoring.
    TrajectStatus.BEOORDELING: frozenset({TrajectStatus.OORDEEL, TrajectStatus.MONITORING}),
    TrajectStatus.OORDEEL: frozenset(),
}


class Oordeel(models.TextChoices):
    DOORVERWIJZEN = "doorverwijzen", "doorverwijzen zoals bij de start van het contract"
    TOEZICHT = "toezicht", "toezicht en handhaving"
    ONTBINDING = "ontbinding", "voorstel tot ontbinding"
    UITFASERING = "uitfasering", "geleidelijke uitfasering"


class PlanStatus(models.TextChoices):
    GEEN = "geen", "nog geen plan"
    INGEDIEND = "ingediend", "ingediend door de aanbieder"
    AFGEWEZEN = "afgewezen", "afgewezen (aanvullen)"
    GOEDGEKEURD = "goedgekeurd", "goedgekeurd (bindend)"


PLAN_OVERGANGEN: dict[str, frozenset[str]] = {
    PlanStatus.GEEN: frozenset({PlanStatus.INGEDIEND}),
    PlanStatus.INGEDIEND: frozenset({PlanStatus.GOEDGEKEURD, PlanStatus.AFGEWEZEN}),
    PlanStatus.AFGEWEZEN: frozenset({PlanStatus.INGEDIEND}),
    PlanStatus.GOEDGEKEURD: frozenset(),
}


class Verbetertraject(models.Model):
    """One escalation case with a provider."""

    regio = models.ForeignKey(Regio, on_delete=models.CASCADE, related_name="verbetertrajecten")
    aanbieder = models.ForeignKey(
        Aanbieder, on_delete=models.PROTECT, related_name="verbetertrajecten"
    )
    signalen = models.ManyToManyField(Signaal, related_name="verbetertrajecten", blank=True)
    titel = models.CharField("titel", max_length=200)
    aanleiding = models.TextField("aanleiding")
    maatstaf = models.CharField(
        "gevolgde maatstaf", max_length=30, choices=MAATSTAF_KEUZES, blank=True
    )
    startwaarde = models.FloatField("waarde bij de start", null=True, blank=True)
    streefwaarde = models.FloatField("streefwaarde van het plan", null=True, blank=True)
    streefdatum = models.DateField("streefdatum", null=True, blank=True)
    gesprek_datum = models.DateField("datum gesprek", null=True, blank=True)
    gesprek_verslag = models.TextField("verslag gesprek", blank=True)
    plan_tekst = models.TextField("verbeterplan", blank=True)
    plan_status = models.CharField(
        "status plan", max_length=12, choices=PlanStatus.choices, default=PlanStatus.GEEN
    )
    plan_toelichting = models.TextField("toelichting bij het plan", blank=True)
    beoordeling = models.TextField("beoordeling", blank=True)
    oordeel = models.CharField("oordeel", max_length=14, choices=Oordeel.choices, blank=True)
    oordeel_toelichting = models.TextField("toelichting bij het oordeel", blank=True)
    geopend_op = models.DateField("geopend op")
    status = models.CharField(
        "status", max_length=14, choices=TrajectStatus.choices, default=TrajectStatus.SIGNAAL
    )
    history = HistoricalRecords()
    statuswijzigingen = GenericRelation(Statuswijziging)

    class Meta:
        verbose_name = "verbetertraject"
        verbose_name_plural = "verbetertrajecten"
        ordering = ["regio", "-geopend_op", "pk"]

    def __str__(self) -> str:
        return self.titel

    @property
    def lopend(self) -> bool:
        return self.status != TrajectStatus.OORDEEL


class ActieStatus(models.TextChoices):
    OPEN = "open", "open"
    IN_UITVOERING = "in_uitvoering", "in uitvoering"
    GEREED = "gereed", "gereed"
    NIET_GEHAALD = "niet_gehaald", "niet gehaald"


ACTIE_OVERGANGEN: dict[str, frozenset[str]] = {
    ActieStatus.OPEN: frozenset(
        {ActieStatus.IN_UITVOERING, ActieStatus.GEREED, ActieStatus.NIET_GEHAALD}
    ),
    ActieStatus.IN_UITVOERING: frozenset({ActieStatus.GEREED, ActieStatus.NIET_GEHAALD}),
    ActieStatus.GEREED: frozenset(),
    ActieStatus.NIET_GEHAALD: frozenset(),
}


class Verbeteractie(models.Model):
    """One binding action of the plan: who does what, how, and when."""

    traject = models.ForeignKey(Verbetertraject, on_delete=models.CASCADE, related_name="acties")
    wie = models.CharField("wie", max_length=200)
    wat = models.TextField("wat")
    hoe = models.TextField("hoe")
    wanneer = models.DateField("wanneer")
    status = models.CharField(
        "status", max_length=14, choices=ActieStatus.choices, default=ActieStatus.OPEN
    )
    bewijs = models.TextField("onderbouwing", blank=True)
    history = HistoricalRecords()
    statuswijzigingen = GenericRelation(Statuswijziging)

    class Meta:
        verbose_name = "verbeteractie"
        verbose_name_plural = "verbeteracties"
        ordering = ["traject", "wanneer", "pk"]

    def __str__(self) -> str:
        return f"{self.wie}: {self.wat[:60]}"


class Trajectdocument(models.Model):
    """A document of a case (the plan, minutes, evidence), kept with its hash."""

    traject = models.ForeignKey(
        Verbetertraject, on_delete=models.CASCADE, related_name="documenten"
    )
    soort = models.CharField("soort", max_length=40)
    naam = models.CharField("bestandsnaam", max_length=200)
    content_type = models.CharField(max_length=100)
    grootte = models.PositiveIntegerField("grootte (bytes)")
    sha256 = models.CharField(max_length=64)
    inhoud = models.BinaryField()
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    geupload_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "document bij een verbetertraject"
        verbose_name_plural = "documenten bij verbetertrajecten"
        ordering = ["traject", "geupload_op", "pk"]

    def __str__(self) -> str:
        return self.naam


class Casusnotitie(models.Model):
    """Case-level follow-up by the toegang: a note on one pseudonymised trajectory of
    the provider (no name, no BSN: the pseudonym and the trajectory's number)."""

    traject = models.ForeignKey(Verbetertraject, on_delete=models.CASCADE, related_name="notities")
    client = models.CharField("cliënt (pseudoniem)", max_length=64)
    zorgtraject = models.PositiveIntegerField("trajectnummer")
    tekst = models.TextField("notitie")
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    op = models.DateTimeField("op", auto_now_add=True)

    class Meta:
        verbose_name = "casusnotitie"
        verbose_name_plural = "casusnotities"
        ordering = ["traject", "-op", "pk"]

    def __str__(self) -> str:
        return f"{self.traject}: traject {self.zorgtraject}"


TRAJECT_LEVENSCYCLUS = levenscyclus(
    Verbetertraject, TRAJECT_OVERGANGEN, begin={TrajectStatus.SIGNAAL}
)
PLAN_LEVENSCYCLUS = levenscyclus(
    Verbetertraject, PLAN_OVERGANGEN, begin={PlanStatus.GEEN}, veld="plan_status"
)
ACTIE_LEVENSCYCLUS = levenscyclus(Verbeteractie, ACTIE_OVERGANGEN, begin={ActieStatus.OPEN})
