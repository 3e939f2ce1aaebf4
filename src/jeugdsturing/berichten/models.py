"""The write side of the message traffic: messages, the facts they carry, trajectories,
import runs and quarantine. Clients appear only as a keyed pseudonym."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from simple_history.models import HistoricalRecords

from jeugdsturing.core.levenscyclus import afgeleid, levenscyclus
from jeugdsturing.core.models import Statuswijziging

PSEUDONIEM = 64  # hex HMAC-SHA256


class ImportStatus(models.TextChoices):
    BEZIG = "bezig", "bezig"
    VOLTOOID = "voltooid", "voltooid"
    AFGEBROKEN = "afgebroken", "afgebroken"


# Lifecycle as data (core/levenscyclus.py): a run is started, then completes or is found
# interrupted.
IMPORT_OVERGANGEN: dict[str, set[str]] = {
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


class _Feit(models.Model):
    gemeente = models.CharField(max_length=4)
    aanbieder = models.CharField(max_length=8)
    bericht = models.ForeignKey(Bericht, on_delete=models.CASCADE, related_name="+")
    dagtekening = models.DateField()

    class Meta:
        abstract = True


class Toewijzing(_Feit):
    """Current state of an assigned product (JW301 ToegewezenProduct), by gemeente and
    ToewijzingNummer. Every received version is kept in ToewijzingVersie."""

    nummer = models.CharField(max_length=20)
    client = models.CharField(max_length=PSEUDONIEM)  # not indexed: nothing looks it up
    geboortejaar = models.PositiveSmallIntegerField(null=True)
    categorie = models.CharField(max_length=2, blank=True)
    productcode = models.CharField(max_length=5, blank=True)
    toewijzingsdatum = models.DateField()
    ingangsdatum = models.DateField()
    einddatum = models.DateField(null=True)
    reden_wijziging = models.CharField(max_length=2, blank=True)
    volume = models.PositiveIntegerField(null=True)
    eenheid = models.CharField(max_length=2, blank=True)
    frequentie = models.CharField(max_length=1, blank=True)
    budget = models.BigIntegerField(null=True)
    referentie_aanbieder = models.CharField(max_length=20, blank=True)
    verwijderd = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "nummer"], name="toewijzing_uniek")
        ]
        indexes = [models.Index(fields=["gemeente", "referentie_aanbieder"])]

    def __str__(self) -> str:
        return f"toewijzing {self.gemeente}/{self.nummer}"


class ToewijzingVersie(_Feit):
    nummer = models.CharField(max_length=20)
    ingangsdatum = models.DateField()
    einddatum = models.DateField(null=True)
    reden_wijziging = models.CharField(max_length=2, blank=True)
    volume = models.PositiveIntegerField(null=True)
    eenheid = models.CharField(max_length=2, blank=True)
    frequentie = models.CharField(max_length=1, blank=True)

    class Meta:
        # In Meta rather than db_index=True, here and in Traject and TeHerberekenen: on
        # PostgreSQL, Django adds a second index (varchar_pattern_ops, for LIKE 'x%')
        # to every db_index or unique CharField, which nothing here queries and every
        # insert of the import pays for.
        indexes = [models.Index(fields=["nummer"], name="toewijzingversie_nummer")]

    def __str__(self) -> str:
        return f"versie toewijzing {self.gemeente}/{self.nummer} ({self.dagtekening})"


class _Levering(_Feit):
    client = models.CharField(max_length=PSEUDONIEM)
    geboortejaar = models.PositiveSmallIntegerField(null=True)
    toewijzingnummer = models.CharField(max_length=20, blank=True)
    categorie = models.CharField(max_length=2, blank=True)
    productcode = models.CharField(max_length=5, blank=True)
    begindatum = models.DateField()
    toewijzing_ingangsdatum = models.DateField(null=True)

    class Meta:
        abstract = True


class StartRegel(_Levering):
    """A current JW305 start (StatusAanlevering 2 replaces, 3 removes)."""

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "client", "aanbieder", "toewijzingnummer", "categorie",
                        "productcode", "begindatum"],
                name="start_uniek",
            )
        ]  # fmt: skip
        # The unique key starts with (gemeente, client) and so also serves the lookups by
        # client; a separate index on them was a second index on random pseudonyms, which
        # every batch rewrites nearly whole (docs/performance.md).
        indexes = [models.Index(fields=["gemeente", "toewijzingnummer"])]

    def __str__(self) -> str:
        return (
            f"start {self.gemeente}/{self.toewijzingnummer or self.productcode} {self.begindatum}"
        )


class StopRegel(_Levering):
    """A current JW307 stop."""

    einddatum = models.DateField()
    reden = models.CharField(max_length=2)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "client", "aanbieder", "toewijzingnummer", "categorie",
                        "productcode", "begindatum"],
                name="stop_uniek",
            )
        ]  # fmt: skip
        # The unique key starts with (gemeente, client) and so also serves the lookups by
        # client; a separate index on them was a second index on random pseudonyms, which
        # every batch rewrites nearly whole (docs/performance.md).
        indexes = [models.Index(fields=["gemeente", "toewijzingnummer"])]

    def __str__(self) -> str:
        return f"stop {self.gemeente}/{self.toewijzingnummer or self.productcode} {self.einddatum}"


class Verzoek(_Feit):
    """JW315 request for an assignment, with the referrer."""

    client = models.CharField(max_length=PSEUDONIEM)
    referentie = models.CharField(max_length=20)
    categorie = models.CharField(max_length=2, blank=True)
    productcode = models.CharField(max_length=5, blank=True)
    toewijzing_ingangsdatum = models.DateField()
    toewijzing_einddatum = models.DateField(null=True)
    verwijzer_type = models.CharField(max_length=2)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "aanbieder", "referentie"], name="verzoek_uniek"
            )
        ]
        indexes = [models.Index(fields=["gemeente", "referentie"])]

    def __str__(self) -> str:
        return f"verzoek {self.aanbieder}/{self.referentie}"


class Wijzigingsverzoek(_Feit):
    """One line of a JW317 request to change (te_wijzigen), add (nieuw) or keep."""

    client = models.CharField(max_length=PSEUDONIEM)
    referentie = models.CharField(max_length=20, db_index=True)
    reden = models.CharField(max_length=1)
    soort = models.CharField(max_length=12)
    toewijzingnummer = models.CharField(max_length=20, blank=True)
    categorie = models.CharField(max_length=2, blank=True)
    productcode = models.CharField(max_length=5, blank=True)
    gewenste_ingangsdatum = models.DateField(null=True)
    einddatum = models.DateField(null=True)

    def __str__(self) -> str:
        return f"wijzigingsverzoek {self.aanbieder}/{self.referentie} ({self.soort})"


class Antwoord(_Feit):
    """JW319 answer to a request: 1 rejected, 2 under investigation (WJ760)."""

    referentie = models.CharField(max_length=20, db_index=True)
    antwoord = models.CharField(max_length=1)
    reden_afwijzing = models.CharField(max_length=2, blank=True)

    def __str__(self) -> str:
        return f"antwoord {self.gemeente} op {self.referentie}"


class Prestatie(_Feit):
    """A claimed prestatie (JW323) in eurocent; afgewezen is set by a JW325."""

    client = models.CharField(max_length=PSEUDONIEM)
    declaratienummer = models.CharField(max_length=20)
    referentie = models.CharField(max_length=20)
    toewijzingnummer = models.CharField(max_length=20)
    categorie = models.CharField(max_length=2)
    productcode = models.CharField(max_length=5)
    begindatum = models.DateField()
    einddatum = models.DateField()
    volume = models.PositiveIntegerField()
    eenheid = models.CharField(max_length=2)
    tarief = models.BigIntegerField(null=True)
    bedrag = models.BigIntegerField()
    afgewezen = models.BooleanField(default=False)
    retourcodes = models.CharField(max_length=100, blank=True)

    class Meta:
        indexes = [models.Index(fields=["aanbieder", "referentie"])]

    def __str__(self) -> str:
        return f"prestatie {self.aanbieder}/{self.referentie}"


class PrestatieAfwijzing(_Feit):
    """A prestatie a JW325 rejected (retour codes other than 0200), by its reference.
    Kept apart so an answer that arrives before its claim still counts."""

    referentie = models.CharField(max_length=20)
    retourcodes = models.CharField(max_length=100)

    class Meta:
        indexes = [models.Index(fields=["gemeente", "referentie"])]

    def __str__(self) -> str:
        return f"afwijzing {self.aanbieder}/{self.referentie}"


class DeclaratieAntwoord(_Feit):
    """JW325 totals of an answered declaration."""

    declaratie_identificatie = models.CharField(max_length=20)
    declaratienummer = models.CharField(max_length=20)
    totaal_ingediend = models.BigIntegerField()
    totaal_toegekend = models.BigIntegerField()

    def __str__(self) -> str:
        return f"declaratie-antwoord {self.declaratienummer}"


class ClientGebied(models.Model):
    """The gebied a client lives in, from the most recent address in a JW301."""

    gemeente = models.CharField(max_length=4)
    client = models.CharField(max_length=PSEUDONIEM)
    gebied = models.CharField(max_length=20, blank=True)
    peildatum = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "client"], name="clientgebied_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.gemeente}: {self.gebied or 'onbekend'}"


class TrajectStatus(models.TextChoices):
    AANGEVRAAGD = "aangevraagd", "aangevraagd"
    TOEGEWEZEN = "toegewezen", "toegewezen, niet gestart"
    LOPEND = "lopend", "lopend"
    BEEINDIGD = "beeindigd", "beëindigd"
    VERWIJDERD = "verwijderd", "verwijderd"
    ALLEEN_STOP = "alleen_stop", "stop zonder start"


class Traject(models.Model):
    """One assigned product (gemeente + ToewijzingNummer), or for taakgericht care
    (no JW301) client + provider + product + begindatum. Recomputed from its facts
    when one of them arrives (at the end of the import that brought it), so corrections
    and out-of-order messages settle."""

    sleutel = models.CharField(max_length=200)
    gemeente = models.CharField(max_length=4)
    aanbieder = models.CharField(max_length=8)
    client = models.CharField(max_length=PSEUDONIEM)  # not indexed: nothing looks it up
    geboortejaar = models.PositiveSmallIntegerField(null=True)
    gebied = models.CharField(max_length=20, blank=True)
    taakgericht = models.BooleanField(default=False)
    toewijzingnummer = models.CharField(max_length=20, blank=True)
    categorie = models.CharField(max_length=2, blank=True)
    productcode = models.CharField(max_length=5, blank=True)
    verzoekdatum = models.DateField(null=True)
    verwijzer_type = models.CharField(max_length=2, blank=True)
    toewijzingsdatum = models.DateField(null=True)
    toewijzing_ingangsdatum = models.DateField(null=True)
    toewijzing_einddatum = models.DateField(null=True)
    begindatum = models.DateField(null=True)
    einddatum = models.DateField(null=True)
    reden_beeindiging = models.CharField(max_length=2, blank=True)
    start_gemeld_op = models.DateField(null=True)
    stop_gemeld_op = models.DateField(null=True)
    verlengingen = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(max_length=12, choices=TrajectStatus.choices)

    class Meta:
        verbose_name = "traject"
        verbose_name_plural = "trajecten"
        constraints = [models.UniqueConstraint(fields=["sleutel"], name="traject_sleutel")]
        indexes = [
            models.Index(fields=["gemeente"], name="traject_gemeente"),
            models.Index(fields=["aanbieder"], name="traject_aanbieder"),
        ]

    def __str__(self) -> str:
        return f"traject {self.sleutel}"


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


IMPORT_LEVENSCYCLUS = levenscyclus(ImportRun, IMPORT_OVERGANGEN, begin={ImportStatus.BEZIG})
afgeleid(
    Traject,
    "berekend uit de berichten bij elke import (start, stop, verwijdering); geen werkstroom "
    "die iemand wijzigt, dus geen overgangen",
)
