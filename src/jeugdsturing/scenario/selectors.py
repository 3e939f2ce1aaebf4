# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Reads for the scenarios: a region's gemeenten with their public figures."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from jeugdsturing.regio.models import Gemeente, Regio
from jeugdsturing.scenario.models import Kengetal, Kostenscenario, Soort
from jeugdsturing.scenario.projectie import Basis, Groep
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
            gemeente__regios=regio,
            soort__in=[Soort.IV3_BEGROTING, Soort.IV3_JAARREKENING],
            groep="",
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
    for k in Kengetal.objects.filter(gemeente__in=gemeenten, groep="").select_related("gemeente"):
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


# --- cost projection ----------------------------------------------------------------


@dataclass(frozen=True)
class Projectiebasis:
    """The measured base of a cost projection for the region or one gemeente: the last
    realised year's Iv3 costs per care group, the CBS clients, and the realised and
    budgeted totals per year for the chart."""

    basis: Basis | None
    gerealiseerd: dict[int, int]  # year -> eurocent
    begroot: dict[int, int]
    clienten: int | None
    aandeel_verblijf: Decimal | None  # percent of the clients, weighted over gemeenten
    ontbreekt: list[str]


def projectiebasis(regio: Regio, gemeente: Gemeente | None) -> Projectiebasis:
    gemeenten = [gemeente] if gemeente is not None else list(regio.gemeenten.all())
    rijen = list(
        Kengetal.objects.filter(gemeente__in=gemeenten).values_list(
            "gemeente__code", "soort", "jaar", "groep", "waarde"
        )
    )
    codes = {g.code for g in gemeenten}
    gerealiseerd: dict[int, int] = defaultdict(int)
    begroot: dict[int, int] = defaultdict(int)
    groepen: dict[int, dict[Groep, int]] = defaultdict(lambda: dict.fromkeys(Groep, 0))
    per_jaar: dict[tuple[str, int], set[str]] = defaultdict(set)
    clienten: dict[str, Decimal] = {}
    verblijf: dict[str, Decimal] = {}
    for code, soort, jaar, groep, waarde in rijen:
        cent = int(waarde * 100)
        if soort == Soort.IV3_JAARREKENING and groep == "":
            gerealiseerd[jaar] += cent
            per_jaar[(soort, jaar)].add(code)
        elif soort == Soort.IV3_JAARREKENING:
            groepen[jaar][Groep(groep)] += cent
        elif soort == Soort.IV3_BEGROTING and groep == "":
            begroot[jaar] += cent
            per_jaar[(soort, jaar)].add(code)
        elif soort == Soort.CBS_CLIENTEN:
            clienten[code] = waarde
        elif soort == Soort.CBS_VERBLIJF:
            verblijf[code] = waarde
    ontbreekt = [
        f"{'Iv3-jaarrekening' if soort == Soort.IV3_JAARREKENING else 'Iv3-begroting'} {jaar}: "
        f"{len(codes - aanwezig)} gemeente(n) zonder cijfers"
        for (soort, jaar), aanwezig in sorted(per_jaar.items())
        if codes - aanwezig
    ]
    compleet = [j for j in gerealiseerd if per_jaar[(Soort.IV3_JAARREKENING, j)] >= codes]
    totaal_clienten = sum(clienten.values(), Decimal(0)) if set(clienten) >= codes else None
    aandeel = None
    if totaal_clienten and set(verblijf) >= codes:
        aandeel = sum((clienten[c] * verblijf[c] for c in codes), Decimal(0)) / totaal_clienten
    elif totaal_clienten:
        ontbreekt.append("CBS: niet van elke gemeente het aandeel met verblijf")
    basis = None
    if compleet and totaal_clienten and aandeel is not None:
        jaar = max(compleet)
        in_verblijf = int((totaal_clienten * aandeel / 100).to_integral_value())
        basis = Basis(jaar, groepen[jaar], int(totaal_clienten) - in_verblijf, in_verblijf)
    elif not compleet:
        ontbreekt.append("geen jaarrekening (Iv3) van alle gemeenten")
    return Projectiebasis(
        basis,
        dict(gerealiseerd),
        dict(begroot),
        int(totaal_clienten) if totaal_clienten else None,
        aandeel.quantize(Decimal("0.1")) if aandeel is not None else None,
        ontbreekt,
    )


def kostenscenarios(regio: Regio) -> list[Kostenscenario]:
    return list(Kostenscenario.objects.filter(regio=regio).select_related("gemeente"))
