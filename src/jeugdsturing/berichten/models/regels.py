# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The facts the messages carry, one table per kind, each row tied to its message:
assignments and their versions, starts and stops, requests, change requests and
answers, claims and their rejections."""

from __future__ import annotations

from django.db import models

from jeugdsturing.berichten.models.ontvangst import PSEUDONIEM, Bericht


class _Feit(models.Model):
    gemeente = models.CharField(max_length=4)
    aanbieder = models.CharField(max_length=8)
    bericht = models.ForeignKey(Bericht, on_delete=models.CASCADE, related_name="+")
    dagtekening = models.DateField()

    class Meta:
        abstract = True


class _Versie(_Feit):
    """A fact of which a later message may send a newer version. Which version is newer
    is decided by the message's Dagtekening and then its Identificatie, both read from
    the content, never by the order of arrival: whatever order the messages come in,
    the same version wins (docs/berichten.md)."""

    identificatie = models.CharField(max_length=20, blank=True, default="", db_default="")

    class Meta:
        abstract = True


class Toewijzing(_Versie):
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


class ToewijzingVersie(_Versie):
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


class _Levering(_Versie):
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


class Verwijdering(_Versie):
    """A JW305 or JW307 with StatusAanlevering 3 (delete), kept after it was applied: a
    start or stop that arrives later, sent before the deletion, stays deleted; one sent
    after it counts again. So the order of arrival does not change the result."""

    class Soort(models.TextChoices):
        START = "start", "start"
        STOP = "stop", "stop"

    soort = models.CharField(max_length=5, choices=Soort.choices)
    client = models.CharField(max_length=PSEUDONIEM)
    toewijzingnummer = models.CharField(max_length=20, blank=True)
    categorie = models.CharField(max_length=2, blank=True)
    productcode = models.CharField(max_length=5, blank=True)
    begindatum = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "client", "soort", "aanbieder", "toewijzingnummer",
                        "categorie", "productcode", "begindatum"],
                name="verwijdering_uniek",
            )
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"verwijderde {self.soort} {self.gemeente}/{self.toewijzingnummer} {self.begindatum}"


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
