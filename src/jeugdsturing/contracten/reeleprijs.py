# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Reële prijs: the hourly tariff a set of cost components implies, following the cost
components the AMvB reële prijzen Jeugd (in force 1 July 2024) requires gemeenten to
take into account: staff costs under the applicable CAO, the hours that are really
productive, overhead, a reasonable surcharge for risk (and continuity), and
indexation to the tariff year. Pure: components in, a traceable calculation out.

The defaults are example values for a HBO jeugdprofessional (CAO Jeugdzorg, schaal 9);
every one of them is editable on the page and documented in docs/contracten.md. They
are not a statement of what any CAO table says on a given date: check the CAO."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from decimal import ROUND_HALF_UP, Decimal

D = Decimal


@dataclass(frozen=True)
class Kostprijsopbouw:
    bruto_maandsalaris: Decimal = D("4350")  # euro, schaal 9 (voorbeeld)
    vakantiegeld_pct: Decimal = D("8")
    eindejaarsuitkering_pct: Decimal = D("8.33")
    werkgeverslasten_pct: Decimal = D("22")  # social charges
    pensioen_werkgever_pct: Decimal = D("12")  # PFZW employer share (voorbeeld)
    uren_per_week: Decimal = D("36")
    verlof_uren: Decimal = D("230")  # leave and public holidays per year
    verzuim_pct: Decimal = D("7")  # sickness absence
    scholing_uren: Decimal = D("60")
    productiviteit_pct: Decimal = D("65")  # client-bound share of the hours present
    overhead_pct: Decimal = D("25")  # surcharge on direct staff costs
    risico_opslag_pct: Decimal = D("3")
    indexatie_pct: Decimal = D("0")  # from the price level of the inputs to the tariff year

    @classmethod
    def velden(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    def met(self, **waarden: Decimal) -> Kostprijsopbouw:
        return replace(self, **waarden)


VELD_NAMEN: dict[str, str] = {
    "bruto_maandsalaris": "Bruto maandsalaris (euro)",
    "vakantiegeld_pct": "Vakantiegeld (%)",
    "eindejaarsuitkering_pct": "Eindejaarsuitkering (%)",
    "werkgeverslasten_pct": "Werkgeverslasten (%)",
    "pensioen_werkgever_pct": "Pensioenpremie werkgever (%)",
    "uren_per_week": "Uren per week",
    "verlof_uren": "Verlofuren per jaar",
    "verzuim_pct": "Verzuim (%)",
    "scholing_uren": "Scholingsuren per jaar",
    "productiviteit_pct": "Productiviteit (%)",
    "overhead_pct": "Overhead (%)",
    "risico_opslag_pct": "Opslag risico (%)",
    "indexatie_pct": "Indexatie (%)",
}


@dataclass(frozen=True)
class Stap:
    omschrijving: str
    waarde: Decimal
    eenheid: str


@dataclass(frozen=True)
class Uitkomst:
    uurtarief_eurocent: int
    stappen: list[Stap]


def _pct(p: Decimal) -> Decimal:
    return p / 100


def bereken(k: Kostprijsopbouw) -> Uitkomst:
    for f in fields(k):
        if getattr(k, f.name) < 0:
            raise ValueError(f"{f.name} is negatief")
    if not 0 < k.productiviteit_pct <= 100:
        raise ValueError("productiviteit_pct ligt tussen 0 en 100")
    jaarsalaris = k.bruto_maandsalaris * 12
    toeslagen = jaarsalaris * (_pct(k.vakantiegeld_pct) + _pct(k.eindejaarsuitkering_pct))
    loon = jaarsalaris + toeslagen
    lasten = loon * (_pct(k.werkgeverslasten_pct) + _pct(k.pensioen_werkgever_pct))
    loonkosten = loon + lasten
    contract_uren = k.uren_per_week * D("52.143")
    aanwezig = (contract_uren - k.verlof_uren) * (1 - _pct(k.verzuim_pct)) - k.scholing_uren
    if aanwezig <= 0:
        raise ValueError("na verlof, verzuim en scholing blijven geen uren over")
    productief = aanwezig * _pct(k.productiviteit_pct)
    direct_per_uur = loonkosten / productief
    met_overhead = direct_per_uur * (1 + _pct(k.overhead_pct))
    met_risico = met_overhead * (1 + _pct(k.risico_opslag_pct))
    geindexeerd = met_risico * (1 + _pct(k.indexatie_pct))
    cent = int((geindexeerd * 100).quantize(D(1), rounding=ROUND_HALF_UP))
    stappen = [
        Stap("Bruto jaarsalaris", jaarsalaris, "euro"),
        Stap("Vakantiegeld en eindejaarsuitkering", toeslagen, "euro"),
        Stap("Werkgeverslasten en pensioen", lasten, "euro"),
        Stap("Loonkosten per fte per jaar", loonkosten, "euro"),
        Stap("Contracturen per jaar", contract_uren, "uur"),
        Stap("Beschikbare uren (na verlof, verzuim, scholing)", aanwezig, "uur"),
        Stap("Productieve (cliëntgebonden) uren", productief, "uur"),
        Stap("Directe loonkosten per productief uur", direct_per_uur, "euro"),
        Stap("Met opslag overhead", met_overhead, "euro"),
        Stap("Met opslag risico", met_risico, "euro"),
        Stap("Uurtarief na indexatie", geindexeerd, "euro"),
    ]
    return Uitkomst(
        cent, [Stap(s.omschrijving, s.waarde.quantize(D("0.01")), s.eenheid) for s in stappen]
    )


def per_uur(tarief_eurocent: int, eenheid: str) -> int | None:
    """A contracted tariff expressed per hour, for the units where that means
    something (01 minuut, 04 uur); None for the others."""
    if eenheid == "04":
        return tarief_eurocent
    if eenheid == "01":
        return tarief_eurocent * 60
    return None


@dataclass(frozen=True)
class Overwinst:
    aanbieder: str
    jaar: int
    omzet_eurocent: int
    resultaat_eurocent: int
    resultaat_pct: Decimal | None
    norm_pct: Decimal
    boven_norm: bool


def overwinst(cijfers: list[tuple[str, int, int, int]], norm_pct: Decimal) -> list[Overwinst]:
    """Flag providers whose result as a share of revenue is above the norm. Input rows:
    (aanbieder, jaar, omzet, resultaat) in eurocent."""
    uit = []
    for aanbieder, jaar, omzet, resultaat in cijfers:
        pct = (D(resultaat) / D(omzet) * 100).quantize(D("0.01")) if omzet > 0 else None
        uit.append(
            Overwinst(
                aanbieder, jaar, omzet, resultaat, pct, norm_pct, pct is not None and pct > norm_pct
            )
        )
    return sorted(uit, key=lambda o: (not o.boven_norm, -(o.resultaat_pct or 0), o.aanbieder))
