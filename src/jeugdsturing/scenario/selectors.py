# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Reads for the scenarios: a region's gemeenten with their public figures."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from jeugdsturing.regio.models import Regio
from jeugdsturing.scenario.models import Kengetal, Soort
from jeugdsturing.scenario.verevening import Gemeentecijfers, Sleutel


@dataclass(frozen=True)
class Kostenbron:
    """Which costs to equalise: the Iv3 budget or the accounts of a year."""

    soort: str
    jaar: int

    @property
    def code(self) -> str:
        return (
            f"{'realisatie' if self.soort == Soort.IV3_JAARREKENING else 'begroting'}-{self.jaar}"
        )

    @property
    def naam(self) -> str:
        wat = "realisatie" if self.soort == Soort.IV3_JAARREKENING else "begroting"
        return f"{wat} {self.jaar}"


def kostenbronnen(regio: Regio) -> list[Kostenbron]:
    """The cost years for which the region's gemeenten have Iv3 figures: realisations
    first (the first is the default), then budgets, each newest first."""
    paren = (
        Kengetal.objects.filter(
            gemeente__regios=regio, soort__in=[Soort.IV3_BEGROTING, Soort.IV3_JAARREKENING]
        )
        .values_list("soort", "jaar")
        .distinct()
    )
    bronnen = [Kostenbron(s, j) for s, j in paren]
    return sorted(bronnen, key=lambda b: (b.soort != Soort.IV3_JAARREKENING, -b.jaar))


@dataclass(frozen=True)
class Vereveningsinvoer:
    gemeenten: list[Gemeentecijfers]
    ontbreekt: list[str]  # Dutch: which figure is missing for which gemeente
    begroot: dict[str, int]  # the same year's Iv3 budget per gemeente (eurocent), if any


def vereveningsinvoer(regio: Regio, bron: Kostenbron) -> Vereveningsinvoer:
    """The region's gemeenten with the costs of `bron` (eurocent) and the three keys:
    youths 0-17, the gemeentefonds cluster (2025) and the SCP need (predicted share x
    youths)."""
    gemeenten = list(regio.gemeenten.order_by("naam"))
    waarden: dict[tuple[str, str, int], Decimal] = {}
    for k in Kengetal.objects.filter(gemeente__in=gemeenten).select_related("gemeente"):
        waarden[(k.gemeente.code, k.soort, k.jaar)] = k.waarde
    laatste: dict[str, int] = defaultdict(int)
    for _, soort, jaar in waarden:
        laatste[soort] = max(laatste[soort], jaar)
    ontbreekt: list[str] = []
    uit: list[Gemeentecijfers] = []
    begroot: dict[str, int] = {}
    for g in gemeenten:
        kosten = waarden.get((g.code, bron.soort, bron.jaar))
        if kosten is None:
            ontbreekt.append(f"{g.naam}: geen Iv3-cijfers voor de {bron.naam}")
            continue
        b = waarden.get((g.code, Soort.IV3_BEGROTING, bron.jaar))
        if b is not None:
            begroot[g.code] = int(b * 100)
        jongeren = g.jongeren_0_17 or 0
        sleutels: dict[Sleutel, Decimal] = {Sleutel.JONGEREN: Decimal(jongeren)}
        gf = waarden.get((g.code, Soort.GEMEENTEFONDS, laatste[Soort.GEMEENTEFONDS]))
        if gf is not None:
            sleutels[Sleutel.GEMEENTEFONDS] = gf
        else:
            ontbreekt.append(f"{g.naam}: geen gemeentefondscijfer")
        scp = waarden.get((g.code, Soort.SCP, laatste[Soort.SCP]))
        if scp is not None:
            sleutels[Sleutel.SCP] = scp / 100 * jongeren
        else:
            ontbreekt.append(f"{g.naam}: geen SCP-behoeftecijfer")
        uit.append(Gemeentecijfers(g.code, g.naam, int(kosten * 100), jongeren, sleutels))
    return Vereveningsinvoer(uit, ontbreekt, begroot)
