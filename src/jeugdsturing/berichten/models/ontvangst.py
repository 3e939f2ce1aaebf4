# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""What arrives: import runs (with their lifecycle), the accepted messages, rejected
input in quarantine, and the trajectories an import has marked for recomputation."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from simple_history.models import HistoricalRecords

from jeugdsturing.core.levenscyclus import levenscyclus
from jeugdsturing.core.models import Statuswijziging

PSEUDONIEM = 64  # hex HMAC-SHA256


class ImportStatus(models.TextChoices):
    IN_WACHTRIJ = "wachtrij", "in de wachtrij"
    BEZIG = "bezig", "bezig"
    VOLTOOID = "voltooid", "voltooid"
    AFGEBROKEN = "afgebroken", "afgebroken"


# Lifecycle as data (core/levenscyclus.py): a run from the web waits in the queue for a
# worker; a run is started, then completes or is found interrupted.
IMPORT_OVERGANGEN: dict[str, set[str]] = {
    ImportStatus.IN_WACHTRIJ: {ImportStatus.BEZIG, ImportStatus.AFGEBROKEN},
    ImportStatus.BEZIG: {ImportStatus.VOLTOOID, ImportStatus.AFGEBROKEN},
    ImportStatus.VOLTOOID: set(),
    ImportStatus.AFGEBROKEN: set(),
}


class ImportRun(models.Model):
    gestart_op = models.DateTimeField("gestart op", auto_now_add=True)
    beeindigd_op = models.DateTimeField("beëindigd op", null=True, blank=True)
    status = models.CharField(
        max_length=12, choices=ImportStatus.choices, default=ImportStatus.BEZIG
    )
    bron = models.CharField("bron", max_length=20)  # cli | web
    omschrijving = models.CharField("omschrijving", max_length=300, blank=True)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    geaccepteerd = models.PositiveIntegerField(default=0)
    dubbel = models.PositiveIntegerField(default=0)
    afgekeurd = models.PositiveIntegerField(default=0)
    regels = models.PositiveIntegerField("productregels", default=0)
    afkeuringen = models.JSONField("afkeuringen", default=list)  # personal values masked
    # Progress while it runs: messages handled of the messages found (shown on its page).
    verwerkt = models.PositiveIntegerField("verwerkt", default=0, db_default=0)
    totaal = models.PositiveIntegerField("totaal", null=True, blank=True)
    statuswijzigingen = GenericRelation(Statuswijziging)

    class Meta:
        verbose_name = "importrun"
        verbose_name_plural = "importruns"
        ordering = ["-gestart_op"]

    def __str__(self) -> str:
        return f"import {self.pk} ({self.status})"


class Bericht(models.Model):
    """One accepted message: what it is, who sent it, and its content hash."""

    berichttype = models.CharField(max_length=5)
    identificatie = models.CharField(max_length=20)
    dagtekening = models.DateField()
    afzender = models.CharField(max_length=8)
    ontvanger = models.CharField(max_length=8)
    gemeente = models.CharField(max_length=4)
    aanbieder = models.CharField(max_length=8)
    referentie = models.CharField(max_length=20, blank=True)
    sha256 = models.CharField(max_length=64)
    bestand = models.CharField(max_length=300)
    regels = models.PositiveIntegerField(default=0)
    import_run = models.ForeignKey(ImportRun, on_delete=models.PROTECT, related_name="berichten")
    ontvangen_op = models.DateTimeField(auto_now_add=True)
    # The RetourCodes of a reply message (JW302 ... JW320, the JW325 header), each with
    # the element it applies to: 'Client/StartProducten/StartProduct=0200;Client=0200'.
    # A column rather than a row per code: nearly every reply carries two or more codes,
    # and a row each was a quarter of all rows the import wrote (docs/performance.md).
    retourcodes = models.TextField(blank=True, default="")

    class Meta:
        verbose_name = "bericht"
        verbose_name_plural = "berichten"
        # Every index costs time on each of the import's inserts, so there are no others
        # than this one and the import run's (docs/performance.md). Sender and type first:
        # a sender numbers its messages itself, mostly in sequence, so with the sender
        # first the new messages of a batch land together at the end of each sender's
        # range. With the identification first they landed on every page of the index,
        # and each commit wrote it all again.
        # The same content is the same message without an index on the hash: sender,
        # type and identification are read from the content, so the same bytes have the
        # same key (a unique index on (dagtekening, sha256) cost 1.5 µs a message and a
        # lookup per batch, and found nothing this one does not; docs/performance.md).
        constraints = [
            models.UniqueConstraint(
                fields=["afzender", "berichttype", "identificatie"], name="bericht_uniek"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.berichttype} {self.identificatie} van {self.afzender}"

    @property
    def retourcode_lijst(self) -> list[tuple[str, str]]:
        """The retour codes as (element, code), in the order of the message: the text
        that feiten.retourcodes_als_tekst made, read back."""
        return [
            (element, code)
            for element, _, code in (p.rpartition("=") for p in self.retourcodes.split(";") if p)
        ]


class TeHerberekenen(models.Model):
    """A trajectory whose facts changed and that is not yet recomputed. Written in the
    same transaction as the facts; an import recomputes these at its end, in batches,
    each batch in one transaction with the removal of its keys. A trajectory touched by
    several batches of one run is so recomputed once, and a run that was interrupted
    leaves its keys for the next run (docs/performance.md)."""

    sleutel = models.CharField(max_length=200)

    class Meta:
        verbose_name = "traject om te herberekenen"
        verbose_name_plural = "trajecten om te herberekenen"
        constraints = [models.UniqueConstraint(fields=["sleutel"], name="teherberekenen_sleutel")]

    def __str__(self) -> str:
        return self.sleutel


class Quarantaine(models.Model):
    """Rejected input, kept encrypted for inspection by the data-analist and purged
    after the retention period. The reasons are stored in clear (they name elements,
    not people; values of personal elements are masked)."""

    sha256 = models.CharField(max_length=64, unique=True)
    bestand = models.CharField(max_length=300)
    berichttype = models.CharField(max_length=5, blank=True)
    afkeuringen = models.JSONField()
    inhoud = models.BinaryField()
    eerst_gezien = models.DateTimeField(auto_now_add=True)
    laatst_gezien = models.DateTimeField(auto_now=True)
    import_run = models.ForeignKey(
        ImportRun, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    opgelost_door = models.ForeignKey(
        Bericht, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Who solved or removed a rejected file, and when (the audit trail); the content and
    # the reasons are not copied into the history.
    history = HistoricalRecords(excluded_fields=["inhoud", "afkeuringen"])

    class Meta:
        verbose_name = "afgekeurd bestand"
        verbose_name_plural = "quarantaine"
        ordering = ["-laatst_gezien"]

    def __str__(self) -> str:
        return f"afgekeurd: {self.bestandsnaam}"

    @property
    def bestandsnaam(self) -> str:
        """The name the user knows: the member of an archive, or the uploaded file's own
        name (without the server's temporary folder and upload number)."""
        archief, _, lid = self.bestand.replace("\\", "/").rpartition("!")

        def zonder_uploadnummer(pad: str) -> str:
            naam = pad.rsplit("/", 1)[-1]
            nummer, _, rest = naam.partition("_")
            return rest if len(nummer) == 3 and nummer.isdigit() and rest else naam

        if not archief:
            return zonder_uploadnummer(lid)
        return f"{zonder_uploadnummer(archief)}: {lid.rsplit('/', 1)[-1]}"


IMPORT_LEVENSCYCLUS = levenscyclus(
    ImportRun, IMPORT_OVERGANGEN, begin={ImportStatus.IN_WACHTRIJ, ImportStatus.BEZIG}
)
