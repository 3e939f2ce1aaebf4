# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Signal rules (per region, from a TOML file and editable by the team with history)
and the signals they raise: a provider (or provider x theme or gebied) outside its
funnel-plot limits, which stays until it is resolved or expires."""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from simple_history.models import HistoricalRecords

from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.core.levenscyclus import levenscyclus
from jeugdsturing.core.models import Statuswijziging
from jeugdsturing.monitor.vergelijking import MAATSTAVEN
from jeugdsturing.regio.models import Gebied, Regio, Thema


class Groepering(models.TextChoices):
    AANBIEDER = "aanbieder", "per aanbieder"
    AANBIEDER_THEMA = "aanbieder_thema", "per aanbieder en thema"
    AANBIEDER_GEBIED = "aanbieder_gebied", "per aanbieder en gebied"


class Vergelijking(models.TextChoices):
    REGIO = "regio", "met de regio (trechtergrenzen)"
    DOEL = "doel", "met de streefwaarde van een doel"
    TREND = "trend", "met de eigen vorige periode (gecorrigeerd voor de regio)"
    DREMPEL = "drempel", "vanaf een aantal (het minimale volume)"


class Signaalniveau(models.TextChoices):
    WAARSCHUWING = "95", "buiten de 95%-grens"
    ALARM = "99,8", "buiten de 99,8%-grens"
    DREMPEL = "drempel", "op of boven de drempel"


class Ernst(models.TextChoices):
    LAAG = "laag", "laag"
    MIDDEL = "middel", "middel"
    HOOG = "hoog", "hoog"


MAATSTAF_KEUZES = [
    *((m.code, m.naam) for m in MAATSTAVEN.values()),
    ("weigeringen", "geweigerde toewijzingen (acceptatieplicht)"),
]


class Signaalregel(models.Model):
    """A rule: which measure, per what, compared with what, from which volume, and from
    which limit it raises a signal of what severity."""

    regio = models.ForeignKey(Regio, on_delete=models.CASCADE, related_name="signaalregels")
    code = models.CharField("code", max_length=40)
    naam = models.CharField("naam", max_length=200)
    maatstaf = models.CharField("maatstaf", max_length=30, choices=MAATSTAF_KEUZES)
    groepering = models.CharField("groepering", max_length=20, choices=Groepering.choices)
    vergelijking = models.CharField("vergelijking", max_length=10, choices=Vergelijking.choices)
    doelindicator = models.CharField(
        "doelindicator", max_length=40, blank=True,
        help_text="Bij een vergelijking met een doel: de code van de doelindicator.",
    )  # fmt: skip
    minimum_volume = models.PositiveIntegerField(
        "minimaal volume", help_text="Kleinere aantallen worden niet beoordeeld."
    )
    niveau = models.CharField("signaal vanaf", max_length=8, choices=Signaalniveau.choices)
    ernst = models.CharField("ernst", max_length=6, choices=Ernst.choices)
    periode_maanden = models.PositiveSmallIntegerField("periode (maanden)", default=12)
    actief = models.BooleanField("actief", default=True)
    toelichting = models.TextField("toelichting", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "signaalregel"
        verbose_name_plural = "signaalregels"
        ordering = ["regio", "code"]
        constraints = [
            models.UniqueConstraint(fields=["regio", "code"], name="signaalregel_code_uniek")
        ]

    def __str__(self) -> str:
        return self.naam


class SignaalStatus(models.TextChoices):
    OPEN = "open", "open"
    IN_BEHANDELING = "in_behandeling", "in behandeling (verbetertraject)"
    OPGELOST = "opgelost", "opgelost"
    VERLOPEN = "verlopen", "verlopen (weer binnen de grenzen)"


SIGNAAL_OVERGANGEN: dict[str, frozenset[str]] = {
    SignaalStatus.OPEN: frozenset(
        {SignaalStatus.IN_BEHANDELING, SignaalStatus.OPGELOST, SignaalStatus.VERLOPEN}
    ),
    SignaalStatus.IN_BEHANDELING: frozenset({SignaalStatus.OPGELOST}),
    SignaalStatus.OPGELOST: frozenset(),
    SignaalStatus.VERLOPEN: frozenset(),
}
SIGNAAL_LOPEND = (SignaalStatus.OPEN, SignaalStatus.IN_BEHANDELING)


class Signaal(models.Model):
    """A unit outside its limits by a rule: the value, target and limits of the last
    evaluation it was seen at, since when, and the trajectories behind it (team only)."""

    regio = models.ForeignKey(Regio, on_delete=models.CASCADE, related_name="signalen")
    regel = models.ForeignKey(Signaalregel, on_delete=models.PROTECT, related_name="signalen")
    aanbieder = models.ForeignKey(Aanbieder, on_delete=models.PROTECT, related_name="signalen")
    thema = models.ForeignKey(Thema, on_delete=models.PROTECT, null=True, blank=True)
    gebied = models.ForeignKey(Gebied, on_delete=models.PROTECT, null=True, blank=True)
    maatstaf = models.CharField("maatstaf", max_length=30, choices=MAATSTAF_KEUZES)
    waarde = models.FloatField("waarde")
    doelwaarde = models.FloatField("doelwaarde")
    onder = models.FloatField("ondergrens")
    boven = models.FloatField("bovengrens")
    volume = models.FloatField("volume")
    niveau = models.CharField("niveau", max_length=8, choices=Signaalniveau.choices)
    periode_van = models.DateField("periode van")
    periode_tot = models.DateField("periode tot en met")
    sinds = models.DateField("sinds")
    laatst_gezien = models.DateField("laatst gezien")
    trajecten = models.JSONField("trajecten erachter", default=list)
    status = models.CharField(
        "status", max_length=16, choices=SignaalStatus.choices, default=SignaalStatus.OPEN
    )
    history = HistoricalRecords()
    statuswijzigingen = GenericRelation(Statuswijziging)

    class Meta:
        verbose_name = "signaal"
        verbose_name_plural = "signalen"
        ordering = ["regio", "-laatst_gezien", "aanbieder__naam", "regel__code"]
        # One running signal per rule and unit: the evaluation (services/signalen.py)
        # updates it instead of adding a second.

    def __str__(self) -> str:
        return f"{self.regel.naam}: {self.aanbieder.naam}"


SIGNAAL_LEVENSCYCLUS = levenscyclus(Signaal, SIGNAAL_OVERGANGEN, begin={SignaalStatus.OPEN})
