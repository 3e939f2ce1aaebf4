# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The intake point (seed 000 2.4): an aanmelding at a gebiedsknooppunt, assigned to a
strategic partner in the order of the region's priority rule, which must accept it
within the acceptance deadline (acceptatieplicht); a refusal needs a reason and is
counted. The region's referral policy: the priority rule, the deadlines, the window in
which an aanmelding is linked to its trajectory, and the weights of the referral
advice."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from simple_history.models import HistoricalRecords

from jeugdsturing.berichten.models import Traject
from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.core.levenscyclus import levenscyclus
from jeugdsturing.core.models import Statuswijziging
from jeugdsturing.regio.models import Gebied, Regio, Thema


class Prioriteit(models.TextChoices):
    URGENTIE_DAN_AANKOMST = "urgentie_dan_aankomst", "eerst urgentie, dan volgorde van aanmelding"
    AANKOMST = "aankomst", "volgorde van aanmelding"


class Verwijsbeleid(models.Model):
    """The region's rules for the intake point and the referral advice (from the TOML
    file, editable by the team with history)."""

    regio = models.OneToOneField(Regio, on_delete=models.CASCADE, related_name="verwijsbeleid")
    prioriteit = models.CharField(
        "prioriteitsregel", max_length=24, choices=Prioriteit.choices,
        default=Prioriteit.URGENTIE_DAN_AANKOMST,
    )  # fmt: skip
    acceptatietermijn_werkdagen = models.PositiveSmallIntegerField(
        "acceptatietermijn (werkdagen)", default=5
    )
    spoed_termijn_werkdagen = models.PositiveSmallIntegerField(
        "acceptatietermijn bij spoed (werkdagen)", default=1
    )
    koppelvenster_dagen = models.PositiveSmallIntegerField(
        "koppelvenster (dagen)", default=120,
        help_text="Een traject dat binnen zoveel dagen na de aanmelding begint, hoort erbij.",
    )  # fmt: skip
    gewicht_uitstroom = models.FloatField("gewicht uitstroom volgens plan", default=1.0)
    gewicht_herhaald = models.FloatField("gewicht herhaald gebruik", default=1.0)
    gewicht_wachttijd = models.FloatField("gewicht wachttijd", default=0.5)
    gewicht_acceptatie = models.FloatField("gewicht acceptatie", default=0.5)
    aftrek_escalatie = models.FloatField("aftrek bij een lopend verbetertraject", default=1.0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "verwijsbeleid"
        verbose_name_plural = "verwijsbeleid"

    def __str__(self) -> str:
        return f"Verwijsbeleid {self.regio}"


class Urgentie(models.TextChoices):
    SPOED = "spoed", "spoed"
    HOOG = "hoog", "hoog"
    NORMAAL = "normaal", "normaal"


class AanmeldingStatus(models.TextChoices):
    WACHTEND = "wachtend", "wacht op toewijzing"
    TOEGEWEZEN = "toegewezen", "toegewezen, wacht op acceptatie"
    GEACCEPTEERD = "geaccepteerd", "geaccepteerd"
    GESTART = "gestart", "gestart (traject gekoppeld)"
    INGETROKKEN = "ingetrokken", "ingetrokken"


AANMELDING_OVERGANGEN: dict[str, frozenset[str]] = {
    AanmeldingStatus.WACHTEND: frozenset(
        {AanmeldingStatus.TOEGEWEZEN, AanmeldingStatus.INGETROKKEN}
    ),
    # A refusal sends it back to the queue, with its place (arrival) kept.
    AanmeldingStatus.TOEGEWEZEN: frozenset(
        {AanmeldingStatus.GEACCEPTEERD, AanmeldingStatus.WACHTEND, AanmeldingStatus.INGETROKKEN}
    ),
    AanmeldingStatus.GEACCEPTEERD: frozenset(
        {AanmeldingStatus.GESTART, AanmeldingStatus.INGETROKKEN}
    ),
    AanmeldingStatus.GESTART: frozenset(),
    AanmeldingStatus.INGETROKKEN: frozenset(),
}
AANMELDING_OPEN = (
    AanmeldingStatus.WACHTEND, AanmeldingStatus.TOEGEWEZEN, AanmeldingStatus.GEACCEPTEERD,
)  # fmt: skip


class Aanmelding(models.Model):
    """A child registered at a gebiedsknooppunt: the BSN is pseudonymised at once and
    never stored; the first provider it is assigned to stays primarily responsible."""

    regio = models.ForeignKey(Regio, on_delete=models.CASCADE, related_name="aanmeldingen")
    gebied = models.ForeignKey(Gebied, on_delete=models.PROTECT, related_name="+")
    thema = models.ForeignKey(Thema, on_delete=models.PROTECT, related_name="+")
    client = models.CharField("cliënt (pseudoniem)", max_length=64, db_index=True)
    urgentie = models.CharField("urgentie", max_length=8, choices=Urgentie.choices)
    expertise = models.CharField("gevraagde expertise", max_length=300, blank=True)
    ontvangen_op = models.DateTimeField("aangemeld op")
    aanbieder = models.ForeignKey(
        Aanbieder, on_delete=models.PROTECT, null=True, blank=True, related_name="aanmeldingen",
        verbose_name="toegewezen aan",
    )  # fmt: skip
    eerste_aanbieder = models.ForeignKey(
        Aanbieder, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name="primair verantwoordelijk",
    )  # fmt: skip
    toegewezen_op = models.DateTimeField("toegewezen op", null=True, blank=True)
    uiterlijk_accepteren = models.DateField("uiterlijk accepteren op", null=True, blank=True)
    geaccepteerd_op = models.DateTimeField("geaccepteerd op", null=True, blank=True)
    traject = models.ForeignKey(
        Traject, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    gestart_op = models.DateField("gestart op", null=True, blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(
        "status", max_length=14, choices=AanmeldingStatus.choices,
        default=AanmeldingStatus.WACHTEND,
    )  # fmt: skip
    history = HistoricalRecords(excluded_fields=["client"])
    statuswijzigingen = GenericRelation(Statuswijziging)

    class Meta:
        verbose_name = "aanmelding"
        verbose_name_plural = "aanmeldingen"
        ordering = ["regio", "-ontvangen_op", "pk"]

    def __str__(self) -> str:
        return f"Aanmelding {self.pk} ({self.thema.naam}, {self.gebied.naam})"


class Uitkomst(models.TextChoices):
    OPEN = "open", "wacht op antwoord"
    GEACCEPTEERD = "geaccepteerd", "geaccepteerd"
    GEWEIGERD = "geweigerd", "geweigerd"


class Toewijzingspoging(models.Model):
    """One assignment of an aanmelding to a provider and its answer: a refusal is
    counted against the acceptance duty (a signal source and part of the advice)."""

    aanmelding = models.ForeignKey(Aanmelding, on_delete=models.CASCADE, related_name="pogingen")
    aanbieder = models.ForeignKey(Aanbieder, on_delete=models.PROTECT, related_name="+")
    toegewezen_op = models.DateTimeField("toegewezen op")
    uiterlijk = models.DateField("uiterlijk accepteren op")
    uitkomst = models.CharField("uitkomst", max_length=12, choices=Uitkomst.choices)
    beantwoord_op = models.DateTimeField("beantwoord op", null=True, blank=True)
    reden = models.TextField("reden van weigering", blank=True)
    advies_rang = models.PositiveSmallIntegerField(
        "plaats in het verwijsadvies", null=True, blank=True
    )

    class Meta:
        verbose_name = "toewijzing van een aanmelding"
        verbose_name_plural = "toewijzingen van aanmeldingen"
        ordering = ["aanmelding", "toegewezen_op", "pk"]

    def __str__(self) -> str:
        return f"{self.aanmelding} -> {self.aanbieder}: {self.get_uitkomst_display()}"


AANMELDING_LEVENSCYCLUS = levenscyclus(
    Aanmelding, AANMELDING_OVERGANGEN, begin={AanmeldingStatus.WACHTEND}
)
