# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Trajectories: computed from their facts at the end of each import (their status is
derived, not a workflow), and the area a client lives in."""

from __future__ import annotations

from django.db import models

from jeugdsturing.berichten.models.ontvangst import PSEUDONIEM
from jeugdsturing.core.levenscyclus import afgeleid


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
    # The assignment was withdrawn (JW301 RedenWijziging 13) although a start had been
    # reported: the standard allows it, the team is told (the import page lists them).
    verwijderd_na_start = models.BooleanField(default=False, db_default=False)

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


afgeleid(
    Traject,
    "berekend uit de berichten bij elke import (start, stop, verwijdering); geen werkstroom "
    "die iemand wijzigt, dus geen overgangen",
)
