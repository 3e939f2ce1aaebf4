# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Provider reports, annual accounts and the excess-profit norm, and the kept
backtest behind a forecast."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from jeugdsturing.contracten.models.aanbieders import Aanbieder
from jeugdsturing.contracten.models.overeenkomsten import Overeenkomst
from jeugdsturing.regio.models import Gemeente, Regio, Thema


class Verantwoording(models.Model):
    """A provider's 4-, 8- or 12-month report of realised costs and clients per gemeente
    and theme, uploaded from the template (docs/contracten.md). A new upload for the
    same period replaces the previous one, which is kept."""

    overeenkomst = models.ForeignKey(
        Overeenkomst, on_delete=models.CASCADE, related_name="verantwoordingen"
    )
    jaar = models.PositiveSmallIntegerField("jaar")
    maanden = models.PositiveSmallIntegerField("periode (maanden)")
    bestandsnaam = models.CharField("bestand", max_length=300)
    sha256 = models.CharField(max_length=64)
    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ingediend_op = models.DateTimeField("ingediend op", auto_now_add=True)
    vervangen = models.BooleanField("vervangen door een latere upload", default=False)

    class Meta:
        verbose_name = "verantwoording"
        verbose_name_plural = "verantwoordingen"
        ordering = ["overeenkomst", "jaar", "maanden", "ingediend_op"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(maanden__in=[4, 8, 12]), name="verantwoording_periode"
            ),
            models.UniqueConstraint(
                fields=["overeenkomst", "jaar", "maanden"],
                condition=models.Q(vervangen=False),
                name="verantwoording_een_geldige_per_periode",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.maanden}-maandsrapportage {self.jaar} {self.overeenkomst.aanbieder.naam}"


class VerantwoordingRegel(models.Model):
    verantwoording = models.ForeignKey(
        Verantwoording, on_delete=models.CASCADE, related_name="regels"
    )
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    thema = models.ForeignKey(Thema, on_delete=models.PROTECT, related_name="+")
    kosten_eurocent = models.BigIntegerField("gerealiseerde kosten (eurocent)")
    clienten = models.PositiveIntegerField("aantal cliënten")

    class Meta:
        verbose_name = "verantwoordingsregel"
        verbose_name_plural = "verantwoordingsregels"
        constraints = [
            models.UniqueConstraint(
                fields=["verantwoording", "gemeente", "thema"], name="verantwoordingregel_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.verantwoording}: {self.gemeente} {self.thema.code}"


class Jaarcijfers(models.Model):
    """A provider's audited annual figures, for the excess-profit watch (003)."""

    aanbieder = models.ForeignKey(Aanbieder, on_delete=models.CASCADE, related_name="jaarcijfers")
    jaar = models.PositiveSmallIntegerField("jaar")
    omzet_eurocent = models.BigIntegerField("omzet (eurocent)")
    kosten_eurocent = models.BigIntegerField("kosten (eurocent)")
    resultaat_eurocent = models.BigIntegerField("resultaat (eurocent)")
    omzet_jeugd_eurocent = models.BigIntegerField(
        "omzet jeugdhulp in de regio (eurocent)", null=True, blank=True
    )
    bron = models.CharField("bron", max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "jaarcijfers"
        verbose_name_plural = "jaarcijfers"
        constraints = [
            models.UniqueConstraint(fields=["aanbieder", "jaar"], name="jaarcijfers_uniek")
        ]

    def __str__(self) -> str:
        return f"jaarcijfers {self.aanbieder.naam} {self.jaar}"


class Winstnorm(models.Model):
    """The region's norm for a reasonable result: a percentage of revenue above which
    a provider is flagged (configurable per region and year)."""

    regio = models.ForeignKey(Regio, on_delete=models.CASCADE, related_name="winstnormen")
    jaar = models.PositiveSmallIntegerField("jaar")
    max_resultaat_pct = models.DecimalField(
        "maximaal resultaat (% van omzet)", max_digits=5, decimal_places=2
    )
    bron = models.CharField("bron", max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "winstnorm"
        verbose_name_plural = "winstnormen"
        constraints = [models.UniqueConstraint(fields=["regio", "jaar"], name="winstnorm_uniek")]

    def __str__(self) -> str:
        return f"winstnorm {self.regio.code} {self.jaar}: {self.max_resultaat_pct}%"


class Backtestuitslag(models.Model):
    """The backtest behind a year-end forecast, kept so a page need not redo it: valid
    for one state of the data (data_versie: the last message and tariff change)."""

    regio = models.ForeignKey(Regio, on_delete=models.CASCADE, related_name="+")
    jaar = models.PositiveSmallIntegerField("jaar")
    maand = models.PositiveSmallIntegerField("maand")
    data_versie = models.CharField("stand van de gegevens", max_length=100)
    methode = models.CharField("gekozen methode", max_length=20)
    verhoudingen = models.JSONField("werkelijk / prognose van de gekozen methode")
    tabel = models.JSONField("backtesttabel", null=True)
    berekend_op = models.DateTimeField("berekend op", auto_now_add=True)

    class Meta:
        verbose_name = "backtestuitslag"
        verbose_name_plural = "backtestuitslagen"
        constraints = [
            models.UniqueConstraint(
                fields=["regio", "jaar", "maand", "data_versie"], name="backtestuitslag_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"backtest {self.regio.code} {self.jaar}/{self.maand}: {self.methode}"


class Prognosestand(models.Model):
    """The year-end forecast of a region at a month, computed once per state of the data
    and kept where every worker process sees it (docs/performance.md): every provider x
    gemeente, unfiltered. A page filters it for its viewer and joins the budget, which
    changes apart from the data."""

    regio = models.ForeignKey(Regio, on_delete=models.CASCADE, related_name="+")
    jaar = models.PositiveSmallIntegerField("jaar")
    maand = models.PositiveSmallIntegerField("maand")
    data_versie = models.CharField("stand van de gegevens", max_length=120)
    rijen = models.JSONField("prognoses per aanbieder en gemeente")
    realisatie = models.JSONField("gerealiseerd per maand per aanbieder en gemeente")
    tabel = models.JSONField("backtesttabel", null=True)
    berekend_op = models.DateTimeField("berekend op", auto_now_add=True)

    class Meta:
        verbose_name = "prognosestand"
        verbose_name_plural = "prognosestanden"
        constraints = [
            models.UniqueConstraint(
                fields=["regio", "jaar", "maand", "data_versie"], name="prognosestand_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"prognose {self.regio.code} {self.jaar}/{self.maand} ({self.data_versie})"
