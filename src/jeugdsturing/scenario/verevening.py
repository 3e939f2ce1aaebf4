# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Risk equalisation (risicoverevening) between the gemeenten of a region, as pure
functions: each gemeente's costs and keys in, each gemeente's contribution out, exact to
the cent (docs/scenario.md has the formulas and a worked example).

T is the region's total cost, k the chosen key (youths 0-17, the gemeentefonds cluster
Individuele voorzieningen Jeugd, or the SCP need). Every amount is in eurocent and every
division goes through `contracten.verdeling.verdeel` (largest remainder), so in every
model the contributions add up to T to the cent.

- geen:          bijdrage = eigen kosten.
- solidariteit:  bijdrage = T x k / som(k).
- drempel:       each gemeente pays its own costs up to d% of its key-based expectation
                 (T x k / som(k)); what lies above is pooled and shared by the key.
- pool:          p% of every gemeente's costs goes into a pool shared by the key; the
                 rest each pays itself.
- behoefte:      solidarity with the SCP key: the need the SCP model predicts from the
                 population (predicted share x youths 0-17).

The settlement (verrekening) is contribution minus own costs: positive, the gemeente pays
into the region; negative, it receives. It is also the difference with model "geen"."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from enum import StrEnum
from fractions import Fraction

from jeugdsturing.contracten.verdeling import VerdelingFout, verdeel
from jeugdsturing.weergave.templatetags.bedragen import euro_rond, procent


class Model(StrEnum):
    GEEN = "geen"
    SOLIDARITEIT = "solidariteit"
    DREMPEL = "drempel"
    POOL = "pool"
    BEHOEFTE = "behoefte"


MODEL_NAMEN: dict[Model, str] = {
    Model.GEEN: "(a) Geen verevening: elke gemeente betaalt de eigen kosten",
    Model.SOLIDARITEIT: "(b) Volledige solidariteit naar een objectieve sleutel",
    Model.DREMPEL: "(c) Eigen kosten tot een drempel, solidariteit daarboven",
    Model.POOL: "(d) Een vast percentage in een gezamenlijke pot",
    Model.BEHOEFTE: "(e) Solidariteit naar de verwachte behoefte (SCP-model)",
}


def model_kolom(m: Model, wat: str) -> str:
    """A CSV column of a model, in Dutch: "(c) bijdrage (euro)"."""
    return f"{MODEL_NAMEN[m].split(')')[0]}) {wat} (euro)"


class Sleutel(StrEnum):
    JONGEREN = "jongeren"
    GEMEENTEFONDS = "gemeentefonds"
    SCP = "scp"


SLEUTEL_NAMEN: dict[Sleutel, str] = {
    Sleutel.JONGEREN: "jongeren van 0 tot 18 jaar",
    Sleutel.GEMEENTEFONDS: "gemeentefonds, cluster Individuele voorzieningen Jeugd",
    Sleutel.SCP: "verwachte behoefte volgens het SCP-model",
}


class VereveningFout(ValueError):
    """Figures the models cannot use: names the gemeente and what is wrong."""


@dataclass(frozen=True)
class Gemeentecijfers:
    code: str
    naam: str
    kosten: int  # eurocent
    jongeren: int
    sleutels: Mapping[Sleutel, Decimal]


@dataclass(frozen=True)
class Instellingen:
    sleutel: Sleutel = Sleutel.GEMEENTEFONDS
    drempel_pct: Decimal = Decimal(110)
    pool_pct: Decimal = Decimal(50)


@dataclass(frozen=True)
class Uitkomst:
    code: str
    naam: str
    kosten: int
    bijdrage: int
    jongeren: int

    @property
    def verrekening(self) -> int:
        """Contribution minus own costs (eurocent): positive pays, negative receives."""
        return self.bijdrage - self.kosten

    @property
    def per_jongere(self) -> Decimal | None:
        """The settlement per youth 0-17, in euros."""
        if not self.jongeren:
            return None
        return (Decimal(self.verrekening) / 100 / self.jongeren).quantize(Decimal("0.01"))


def _sleutel(gemeenten: Sequence[Gemeentecijfers], sleutel: Sleutel) -> dict[str, Decimal]:
    uit = {}
    for g in gemeenten:
        waarde = g.sleutels.get(sleutel)
        if waarde is None:
            raise VereveningFout(f"{g.naam}: geen waarde voor de sleutel {SLEUTEL_NAMEN[sleutel]}")
        if waarde < 0:
            raise VereveningFout(f"{g.naam}: negatieve sleutel {waarde}")
        uit[g.code] = waarde
    return uit


def _deel(totaal: int, sleutels: Mapping[str, Decimal]) -> dict[str, int]:
    try:
        return verdeel(totaal, sleutels)
    except VerdelingFout as e:
        raise VereveningFout(str(e)) from None


def _aandeel(bedrag: int, pct: Decimal) -> int:
    return int((Decimal(bedrag) * pct / 100).to_integral_value(ROUND_FLOOR))


def verevenen(
    model: Model, gemeenten: Sequence[Gemeentecijfers], instellingen: Instellingen
) -> list[Uitkomst]:
    """Each gemeente's contribution under the model, in the order given."""
    for g in gemeenten:
        if g.kosten < 0:
            raise VereveningFout(f"{g.naam}: negatieve kosten ({g.kosten / 100:.2f} euro)")
    if not 0 <= instellingen.pool_pct <= 100:
        raise VereveningFout(
            f"het percentage in de pot moet tussen 0 en 100 liggen, niet {instellingen.pool_pct}"
        )
    if instellingen.drempel_pct < 0:
        raise VereveningFout(f"de drempel kan niet negatief zijn ({instellingen.drempel_pct}%)")
    kosten = {g.code: g.kosten for g in gemeenten}
    totaal = sum(kosten.values())
    if model == Model.GEEN:
        bijdrage = dict(kosten)
    else:
        sleutel = Sleutel.SCP if model == Model.BEHOEFTE else instellingen.sleutel
        k = _sleutel(gemeenten, sleutel)
        if model in (Model.SOLIDARITEIT, Model.BEHOEFTE):
            bijdrage = _deel(totaal, k)
        else:
            if model == Model.DREMPEL:
                # The threshold from the exact expectation T x k / som(k), not a
                # rounded one: a gemeente never pays above it for want of a cent.
                som = sum((Fraction(v) for v in k.values()), Fraction(0))
                if som == 0:
                    raise VereveningFout(
                        "geen sleutel groter dan nul om het bedrag over te verdelen"
                    )
                d = Fraction(instellingen.drempel_pct) / 100
                eigen = {
                    c: min(kosten[c], math.floor(totaal * Fraction(k[c]) / som * d)) for c in kosten
                }
            else:
                eigen = {c: _aandeel(kosten[c], 100 - instellingen.pool_pct) for c in kosten}
            pot = _deel(totaal - sum(eigen.values()), k)
            bijdrage = {c: eigen[c] + pot[c] for c in kosten}
    return [Uitkomst(g.code, g.naam, g.kosten, bijdrage[g.code], g.jongeren) for g in gemeenten]


def met_kosten(
    gemeenten: Sequence[Gemeentecijfers], kosten: Mapping[str, int]
) -> list[Gemeentecijfers]:
    """The same gemeenten with other costs (another year, or the budget)."""
    return [
        Gemeentecijfers(g.code, g.naam, kosten[g.code], g.jongeren, g.sleutels) for g in gemeenten
    ]


@dataclass(frozen=True)
class Schommeling:
    """How the contributions move when the costs come out other than budgeted: per
    gemeente the change in contribution from budget to realisation, in eurocent and as a
    percentage of the budgeted contribution; the lowest and highest percentage. Without
    equalisation each gemeente carries its own deviation (a wide range); full solidarity
    gives every gemeente the region's average change (no range)."""

    model: Model
    verschil: dict[str, int]
    pct: dict[str, Decimal | None]

    @property
    def laagste(self) -> Decimal | None:
        waarden = [p for p in self.pct.values() if p is not None]
        return min(waarden) if waarden else None

    @property
    def hoogste(self) -> Decimal | None:
        waarden = [p for p in self.pct.values() if p is not None]
        return max(waarden) if waarden else None


def schommeling(
    model: Model,
    begroot: Sequence[Gemeentecijfers],
    gerealiseerd: Sequence[Gemeentecijfers],
    instellingen: Instellingen,
) -> Schommeling:
    voor = {u.code: u.bijdrage for u in verevenen(model, begroot, instellingen)}
    na = {u.code: u.bijdrage for u in verevenen(model, gerealiseerd, instellingen)}
    verschil = {c: na[c] - voor[c] for c in voor}
    pct = {
        c: (Decimal(verschil[c]) * 100 / voor[c]).quantize(Decimal("0.1")) if voor[c] else None
        for c in voor
    }
    return Schommeling(model, verschil, pct)


def duiding(model: Model, uitkomsten: Sequence[Uitkomst], schommel: Schommeling | None) -> str:
    """A short Dutch text: who pays, who gains, how much the model moves with the costs."""
    if model == Model.GEEN:
        tekst = "Elke gemeente draagt precies de eigen kosten; er wordt niets verrekend."
    else:
        betalers = sorted(
            (u for u in uitkomsten if u.verrekening > 0), key=lambda u: -u.verrekening
        )
        ontvangers = sorted(
            (u for u in uitkomsten if u.verrekening < 0), key=lambda u: u.verrekening
        )
        verschoven = sum(u.verrekening for u in betalers)
        delen = [f"Er gaat {euro_rond(verschoven)} tussen de gemeenten over."]
        if betalers:
            namen = ", ".join(f"{u.naam} ({euro_rond(u.verrekening)})" for u in betalers[:3])
            delen.append(f"Het meest betalen {namen}.")
        if ontvangers:
            namen = ", ".join(f"{u.naam} ({euro_rond(-u.verrekening)})" for u in ontvangers[:3])
            delen.append(f"Het meest ontvangen {namen}.")
        tekst = " ".join(delen)
    if schommel is not None and schommel.laagste is not None and schommel.hoogste is not None:
        tekst += (
            f" Van begroting naar realisatie verandert de bijdrage per gemeente met"
            f" {procent(schommel.laagste)} tot {procent(schommel.hoogste)}."
        )
    return tekst
