# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The performance dialogue (seed 002 3.4.2): the pack per provider (PD1) or per theme,
the whole assignment or a gebied (PD2) for a steering moment, in frozen versions; the
provider's interpretation per steering element; the meeting with its minutes per
element; and the agreements made there, which come back in the next pack."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.core.levenscyclus import levenscyclus
from jeugdsturing.core.models import Statuswijziging
from jeugdsturing.regio.models import Gebied, Regio, Thema


class Pakketsoort(models.TextChoices):
    PD1 = "pd1", "prestatiedialoog 1 met een aanbieder"
    PD2_THEMA = "pd2_thema", "prestatiedialoog 2 per thema"
    PD2_OPDRACHT = "pd2_opdracht", "prestatiedialoog 2 over de hele opdracht"
    PD2_GEBIED = "pd2_gebied", "prestatiedialoog 2 per gebied"


# The five steering elements of seed 002 3.4.2, in the order of the pack.
ELEMENTEN: dict[str, str] = {
    "1": "Budget en jaarprognose",
    "2": "Tijdige en volledige informatie",
    "3": "Cliëntaantallen en -stromen",
    "4": "Inhoudelijke en transformatiedoelen",
    "5": "Kwaliteit van zorg",
}


class Pakket(models.Model):
    """What one dialogue of one steering moment is about: a provider (PD1), a theme, the
    whole assignment or a gebied (PD2). Its content lives in its versions."""

    regio = models.ForeignKey(Regio, on_delete=models.CASCADE, related_name="pakketten")
    soort = models.CharField("soort", max_length=14, choices=Pakketsoort.choices)
    moment = models.DateField("stuurmoment", help_text="De eerste dag van de maand.")
    aanbieder = models.ForeignKey(
        Aanbieder, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    thema = models.ForeignKey(Thema, on_delete=models.PROTECT, null=True, blank=True)
    gebied = models.ForeignKey(Gebied, on_delete=models.PROTECT, null=True, blank=True)
    # soort plus the subject's code ("pd1:98030001", "pd2_thema:B", "pd2_opdracht"): the
    # same dialogue at the next moment has the same key, which is how agreements follow.
    sleutel = models.CharField("onderwerp", max_length=40)
    titel = models.CharField("titel", max_length=200)

    class Meta:
        verbose_name = "prestatiedialoogpakket"
        verbose_name_plural = "prestatiedialoogpakketten"
        ordering = ["regio", "-moment", "soort", "titel"]
        constraints = [
            models.UniqueConstraint(
                fields=["regio", "moment", "sleutel"], name="pakket_per_moment_en_onderwerp"
            )
        ]

    def __str__(self) -> str:
        return self.titel


class VersieStatus(models.TextChoices):
    CONCEPT = "concept", "concept"
    VERZONDEN = "verzonden", "verzonden"
    VERVANGEN = "vervangen", "vervangen door een nieuwere versie"


VERSIE_OVERGANGEN: dict[str, frozenset[str]] = {
    VersieStatus.CONCEPT: frozenset({VersieStatus.VERZONDEN, VersieStatus.VERVANGEN}),
    VersieStatus.VERZONDEN: frozenset({VersieStatus.VERVANGEN}),
    VersieStatus.VERVANGEN: frozenset(),
}


class Pakketversie(models.Model):
    """One frozen generation of a pack: the team's copy (exact figures) and the shared
    copy (the provider's own data, small numbers protected), and what changed since the
    previous version. The content never changes once written (save refuses it)."""

    pakket = models.ForeignKey(Pakket, on_delete=models.CASCADE, related_name="versies")
    nummer = models.PositiveSmallIntegerField("versie")
    status = models.CharField(
        "status", max_length=10, choices=VersieStatus.choices, default=VersieStatus.CONCEPT
    )
    gemaakt_op = models.DateTimeField("gemaakt op")
    gemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    verzonden_op = models.DateTimeField("verzonden op", null=True, blank=True)
    inhoud = models.JSONField("inhoud voor het regioteam")
    inhoud_gedeeld = models.JSONField("inhoud voor de aanbieder of gepubliceerd")
    verschillen = models.JSONField("verschillen met de vorige versie", default=list)
    verschillen_gedeeld = models.JSONField("verschillen in de gedeelde inhoud", default=list)
    statuswijzigingen = GenericRelation(Statuswijziging)

    class Meta:
        verbose_name = "versie van een pakket"
        verbose_name_plural = "versies van pakketten"
        ordering = ["pakket", "-nummer"]
        constraints = [
            models.UniqueConstraint(fields=["pakket", "nummer"], name="pakketversie_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.pakket}, versie {self.nummer}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            vorig = (
                Pakketversie.objects.filter(pk=self.pk)
                .values("inhoud", "inhoud_gedeeld", "verschillen", "verschillen_gedeeld")
                .first()
            )
            if vorig is not None and vorig != {
                "inhoud": self.inhoud, "inhoud_gedeeld": self.inhoud_gedeeld,
                "verschillen": self.verschillen, "verschillen_gedeeld": self.verschillen_gedeeld,
            }:  # fmt: skip
                raise ValidationError(
                    f"{self} ligt vast; maak een nieuwe versie om de cijfers te vernieuwen."
                )
        super().save(*args, **kwargs)


class Duiding(models.Model):
    """The provider's interpretation of one steering element of its pack, written before
    the dialogue; the team reads it beside the figures."""

    pakket = models.ForeignKey(Pakket, on_delete=models.CASCADE, related_name="duidingen")
    element = models.CharField("stuurelement", max_length=1, choices=list(ELEMENTEN.items()))
    tekst = models.TextField("duiding")
    versie = models.ForeignKey(
        Pakketversie, on_delete=models.PROTECT, related_name="+", verbose_name="bij versie"
    )
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    gewijzigd_op = models.DateTimeField("gewijzigd op", auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "duiding"
        verbose_name_plural = "duidingen"
        ordering = ["pakket", "element"]
        constraints = [
            models.UniqueConstraint(fields=["pakket", "element"], name="duiding_per_element")
        ]

    def __str__(self) -> str:
        return f"{self.pakket}: duiding bij element {self.element}"


class OverlegStatus(models.TextChoices):
    GEPLAND = "gepland", "gepland"
    GEHOUDEN = "gehouden", "gehouden (verslag in concept)"
    VASTGESTELD = "vastgesteld", "verslag vastgesteld"


OVERLEG_OVERGANGEN: dict[str, frozenset[str]] = {
    OverlegStatus.GEPLAND: frozenset({OverlegStatus.GEHOUDEN}),
    OverlegStatus.GEHOUDEN: frozenset({OverlegStatus.VASTGESTELD}),
    OverlegStatus.VASTGESTELD: frozenset(),
}


class Overleg(models.Model):
    """A dialogue held on a pack: date, who attended, the version discussed and the
    minutes per steering element."""

    pakket = models.ForeignKey(Pakket, on_delete=models.PROTECT, related_name="overleggen")
    versie = models.ForeignKey(
        Pakketversie, on_delete=models.PROTECT, related_name="+", verbose_name="besproken versie"
    )
    datum = models.DateField("datum")
    aanwezigen = models.TextField("aanwezigen")
    verslag = models.JSONField("verslag per stuurelement", default=dict, blank=True)
    status = models.CharField(
        "status", max_length=12, choices=OverlegStatus.choices, default=OverlegStatus.GEHOUDEN
    )
    history = HistoricalRecords()
    statuswijzigingen = GenericRelation(Statuswijziging)

    class Meta:
        verbose_name = "overleg"
        verbose_name_plural = "overleggen"
        ordering = ["-datum", "pk"]

    def __str__(self) -> str:
        return f"{self.pakket.titel}: overleg van {self.datum:%d-%m-%Y}"


class AfspraakStatus(models.TextChoices):
    OPEN = "open", "open"
    IN_UITVOERING = "in_uitvoering", "in uitvoering"
    AFGEROND = "afgerond", "afgerond"
    VERVALLEN = "vervallen", "vervallen"


AFSPRAAK_OVERGANGEN: dict[str, frozenset[str]] = {
    AfspraakStatus.OPEN: frozenset(
        {AfspraakStatus.IN_UITVOERING, AfspraakStatus.AFGEROND, AfspraakStatus.VERVALLEN}
    ),
    AfspraakStatus.IN_UITVOERING: frozenset({AfspraakStatus.AFGEROND, AfspraakStatus.VERVALLEN}),
    AfspraakStatus.AFGEROND: frozenset(),
    AfspraakStatus.VERVALLEN: frozenset(),
}
AFSPRAAK_LOPEND = (AfspraakStatus.OPEN, AfspraakStatus.IN_UITVOERING)


class Stuurafspraak(models.Model):
    """An agreement made in a dialogue, under one steering element, with an owner and a
    deadline. While it runs it appears in every next pack of the same dialogue."""

    overleg = models.ForeignKey(Overleg, on_delete=models.PROTECT, related_name="afspraken")
    regio = models.ForeignKey(Regio, on_delete=models.CASCADE, related_name="+")
    sleutel = models.CharField("onderwerp", max_length=40)  # the pack's key
    element = models.CharField("stuurelement", max_length=1, choices=list(ELEMENTEN.items()))
    omschrijving = models.TextField("afspraak")
    eigenaar = models.CharField("eigenaar", max_length=200)
    deadline = models.DateField("uiterlijk")
    status = models.CharField(
        "status", max_length=14, choices=AfspraakStatus.choices, default=AfspraakStatus.OPEN
    )
    history = HistoricalRecords()
    statuswijzigingen = GenericRelation(Statuswijziging)

    class Meta:
        verbose_name = "afspraak"
        verbose_name_plural = "afspraken"
        ordering = ["deadline", "pk"]

    def __str__(self) -> str:
        return self.omschrijving[:80]


PAKKET_LEVENSCYCLUS = levenscyclus(Pakketversie, VERSIE_OVERGANGEN, begin={VersieStatus.CONCEPT})
OVERLEG_LEVENSCYCLUS = levenscyclus(
    Overleg, OVERLEG_OVERGANGEN, begin={OverlegStatus.GEPLAND, OverlegStatus.GEHOUDEN}
)
AFSPRAAK_LEVENSCYCLUS = levenscyclus(
    Stuurafspraak, AFSPRAAK_OVERGANGEN, begin={AfspraakStatus.OPEN}
)
