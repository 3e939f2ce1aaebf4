# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Bids and their lifecycle, the knock-out checks, the places per lot, the evidence
attached to a bid (sealed like the bid) and objections."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.core.levenscyclus import levenscyclus
from jeugdsturing.core.models import Statuswijziging
from jeugdsturing.verwerving.models.aanbesteding import Aanbesteding, Eis, Perceel


class InschrijvingStatus(models.TextChoices):
    CONCEPT = "concept", "concept"
    INGEDIEND = "ingediend", "ingediend"
    UITGESLOTEN = "uitgesloten", "uitgesloten (eis niet voldaan)"
    AFGEWEZEN = "afgewezen", "afgewezen (onder minimum)"
    GESELECTEERD = "geselecteerd", "geselecteerd"
    WACHTKAMER = "wachtkamer", "wachtkamer"
    NIET_GESELECTEERD = "niet_geselecteerd", "niet geselecteerd (buiten de ranking)"
    TERUGGETROKKEN = "teruggetrokken", "teruggetrokken / uitgevallen"
    GEGUND = "gegund", "gegund"


IS = InschrijvingStatus


# A bid is submitted (a concept exists only in tests), checked (a requirement not met
# excludes it, a repaired one brings it back), ranked (selected, waiting room, not
# selected, or rejected under the minimum), and then may drop out (the first of the
# waiting room moves up), refuse its offer, or be awarded.
INSCHRIJVING_OVERGANGEN: dict[str, frozenset[str]] = {
    IS.CONCEPT: frozenset({IS.INGEDIEND}),
    IS.INGEDIEND: frozenset(
        {IS.UITGESLOTEN, IS.GESELECTEERD, IS.WACHTKAMER, IS.NIET_GESELECTEERD, IS.AFGEWEZEN}
    ),
    IS.UITGESLOTEN: frozenset({IS.INGEDIEND}),
    IS.AFGEWEZEN: frozenset(),
    IS.GESELECTEERD: frozenset({IS.TERUGGETROKKEN, IS.GEGUND}),
    IS.WACHTKAMER: frozenset({IS.GESELECTEERD}),
    IS.NIET_GESELECTEERD: frozenset(),
    IS.TERUGGETROKKEN: frozenset(),
    IS.GEGUND: frozenset(),
}


# A bid's place in one lot (selection per lot): selected or waiting, until it drops out
# or moves up.
PERCEELPLAATS_OVERGANGEN: dict[str, frozenset[str]] = {
    **{s: frozenset() for s in IS},
    IS.GESELECTEERD: frozenset({IS.TERUGGETROKKEN}),
    IS.WACHTKAMER: frozenset({IS.GESELECTEERD, IS.TERUGGETROKKEN}),
}


class Inschrijving(models.Model):
    """A bid: a single provider, or a combination through its penvoerder. Sealed: its
    content is opened only after the bid deadline (selectors.inschrijving_open)."""

    aanbesteding = models.ForeignKey(
        Aanbesteding, on_delete=models.CASCADE, related_name="inschrijvingen"
    )
    nummer = models.PositiveIntegerField("inschrijvingsnummer")
    aanbieder = models.ForeignKey(
        Aanbieder, on_delete=models.PROTECT, related_name="inschrijvingen",
        verbose_name="inschrijver (of penvoerder)",
    )  # fmt: skip
    leden = models.ManyToManyField(
        Aanbieder, blank=True, related_name="inschrijvingen_als_lid", verbose_name="combinanten"
    )
    onderaannemers = models.JSONField("onderaannemers", default=list, blank=True)
    percelen = models.ManyToManyField(Perceel, related_name="inschrijvingen")
    visie = models.TextField("visiedocument", blank=True)
    antwoorden = models.JSONField("antwoorden op de visievragen", default=dict, blank=True)
    capaciteit = models.JSONField("capaciteitsverklaring", default=list, blank=True)
    uea = models.JSONField("UEA-verklaringen", default=dict, blank=True)
    ingediend_op = models.DateTimeField(null=True)
    status = models.CharField(
        max_length=20, choices=InschrijvingStatus.choices, default=InschrijvingStatus.CONCEPT
    )
    reden = models.CharField("reden (uitsluiting, afwijzing, uitval)", max_length=500, blank=True)
    totaal = models.DecimalField(max_digits=6, decimal_places=2, null=True)
    rang = models.PositiveSmallIntegerField(null=True)
    history = HistoricalRecords()

    statuswijzigingen = GenericRelation(Statuswijziging)

    class Meta:
        ordering = ["aanbesteding", "nummer"]
        constraints = [
            models.UniqueConstraint(fields=["aanbesteding", "nummer"], name="inschrijving_nummer"),
            models.UniqueConstraint(
                fields=["aanbesteding", "aanbieder"], name="inschrijving_per_aanbieder"
            ),
        ]

    def __str__(self) -> str:
        return f"inschrijving {self.nummer} ({self.aanbieder.naam})"

    def bevestigde_leden(self) -> list[Aanbieder]:
        """The combinants that confirmed: they, with the penvoerder, are the combination
        (a combinant that did not confirm before the deadline is not part of it)."""
        return [c.aanbieder for c in self.combinanten.all() if c.status == Deelname.BEVESTIGD]

    @staticmethod
    def audit_zichtbaar(records: models.QuerySet[Any]) -> models.QuerySet[Any]:
        """The audit trail (core.selectors.auditregels) shows no bid of a tender that is
        still sealed: not that it exists, not when it was made."""
        return records.exclude(aanbesteding__inschrijven_tot__gte=timezone.now())


class Toetsuitkomst(models.TextChoices):
    VOLDAAN = "voldaan", "voldaan"
    NIET_VOLDAAN = "niet_voldaan", "niet voldaan"
    HERSTEL = "herstel", "herstel gevraagd"


class Eistoets(models.Model):
    inschrijving = models.ForeignKey(Inschrijving, on_delete=models.CASCADE, related_name="toetsen")
    eis = models.ForeignKey(Eis, on_delete=models.PROTECT, related_name="toetsen")
    uitkomst = models.CharField(max_length=20, choices=Toetsuitkomst.choices)
    motivering = models.TextField()
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    op = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["inschrijving", "eis"], name="eistoets_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.inschrijving} {self.eis.code}: {self.uitkomst}"


class Bezwaar(models.Model):
    """An objection against a selection or award decision; an open one holds the next
    step of the tender."""

    inschrijving = models.ForeignKey(
        Inschrijving, on_delete=models.CASCADE, related_name="bezwaren"
    )
    ingediend_op = models.DateField()
    tegen = models.CharField(max_length=30, default="selectie")  # selectie | gunning
    tekst = models.TextField()
    afgehandeld_op = models.DateField(null=True)
    uitkomst = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["inschrijving", "ingediend_op"]

    def __str__(self) -> str:
        return f"bezwaar {self.inschrijving} ({self.tegen})"


class Perceelplaats(models.Model):
    """With selection per lot: a bid's place in one lot it bid on (its rank among that
    lot's eligible bids) and the outcome there."""

    inschrijving = models.ForeignKey(
        Inschrijving, on_delete=models.CASCADE, related_name="plaatsen"
    )
    perceel = models.ForeignKey(Perceel, on_delete=models.CASCADE, related_name="plaatsen")
    rang = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=20, choices=InschrijvingStatus.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["perceel", "rang"]
        constraints = [
            models.UniqueConstraint(fields=["inschrijving", "perceel"], name="perceelplaats_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.perceel.code} rang {self.rang}: {self.get_status_display()}"


class Bewijsstuk(models.Model):
    """A file a bidder attaches to its bid: the UEA, evidence for a requirement, the
    vision document. Kept in the database with its SHA-256 so that the bid and its
    evidence are stored (and backed up) in one transaction; sealed like the bid until
    the bid deadline (services.bewijsstuk_open)."""

    inschrijving = models.ForeignKey(
        Inschrijving, on_delete=models.CASCADE, related_name="bewijsstukken"
    )
    eis = models.ForeignKey(
        Eis, on_delete=models.PROTECT, null=True, blank=True, related_name="bewijsstukken"
    )
    soort = models.CharField(max_length=20, default="bewijs")  # uea | bewijs | visie
    naam = models.CharField("bestandsnaam", max_length=200)
    content_type = models.CharField(max_length=100)
    grootte = models.PositiveIntegerField("grootte (bytes)")
    sha256 = models.CharField(max_length=64)
    inhoud = models.BinaryField()
    geupload_op = models.DateTimeField()

    class Meta:
        ordering = ["inschrijving", "geupload_op", "pk"]
        verbose_name_plural = "bewijsstukken"

    def __str__(self) -> str:
        return f"{self.naam} ({self.inschrijving})"


class Deelname(models.TextChoices):
    GEVRAAGD = "gevraagd", "gevraagd, nog niet bevestigd"
    BEVESTIGD = "bevestigd", "bevestigd"
    GEWEIGERD = "geweigerd", "geweigerd"


# A combinant named in a bid is asked; it confirms or refuses itself (its own login),
# until the bid deadline. Only confirmed combinants make up the combination.
DEELNAME_OVERGANGEN: dict[str, frozenset[str]] = {
    Deelname.GEVRAAGD: frozenset({Deelname.BEVESTIGD, Deelname.GEWEIGERD}),
    Deelname.BEVESTIGD: frozenset(),
    Deelname.GEWEIGERD: frozenset(),
}


class Combinant(models.Model):
    """A provider named as combinant in a bid, and whether it confirmed: a penvoerder
    cannot make another provider part of its combination on its own say."""

    inschrijving = models.ForeignKey(
        Inschrijving, on_delete=models.CASCADE, related_name="combinanten"
    )
    aanbieder = models.ForeignKey(
        Aanbieder, on_delete=models.PROTECT, related_name="deelnames", verbose_name="combinant"
    )
    status = models.CharField(max_length=10, choices=Deelname.choices, default=Deelname.GEVRAAGD)
    beantwoord_op = models.DateTimeField("beantwoord op", null=True, blank=True)
    beantwoord_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    statuswijzigingen = GenericRelation(Statuswijziging)

    class Meta:
        verbose_name_plural = "combinanten"
        constraints = [
            models.UniqueConstraint(
                fields=["inschrijving", "aanbieder"], name="combinant_per_inschrijving"
            )
        ]

    def __str__(self) -> str:
        return f"{self.aanbieder.naam} in {self.inschrijving}"


DEELNAME_LEVENSCYCLUS = levenscyclus(Combinant, DEELNAME_OVERGANGEN, begin={Deelname.GEVRAAGD})


INSCHRIJVING_LEVENSCYCLUS = levenscyclus(
    Inschrijving, INSCHRIJVING_OVERGANGEN, begin={IS.CONCEPT, IS.INGEDIEND}
)


PERCEELPLAATS_LEVENSCYCLUS = levenscyclus(
    Perceelplaats,
    PERCEELPLAATS_OVERGANGEN,
    begin={IS.GESELECTEERD, IS.WACHTKAMER, IS.NIET_GESELECTEERD},
)
