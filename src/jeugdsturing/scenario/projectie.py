# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The cost projection with the six effects of seed 003 chapter 11, as a pure function:
the measured costs of a base year per care group and the assumptions per year in, per
year a baseline trend, six effect lines and the total out (docs/scenario.md).

Care groups: ambulant, daghulp (day care), verblijf (residential) and jeugdbescherming
(child protection and youth probation: court orders, left to the trend). The trend is
the base year's cost grown by the yearly price index and autonomous volume change. The
six effects are then applied one after the other, in this fixed order, to the state
(costs per group and the clients moved out of residential care):

1. minder cliënten: a% fewer clients in ambulant, daghulp and verblijf;
2. afname verblijf: r% of the residential clients no longer stay (saving their cost);
3. afname daghulp: d% less day care;
4. kortere verblijfsduur: s% lower cost per residential client;
5. van zwaar naar licht: z% lower cost per ambulant client;
6. ambulantisering: the children of step 2 get ambulant care at m% of the (lighter)
   ambulant cost per client; the one line that adds cost.

Each effect line is the total after the step minus the total before it, each total
rounded to the cent; so the trend plus the six lines equals the projected total to the
cent (telescoping), an effect is zero when its assumption is zero, and each line moves
one way with its own assumption. Steps 2 and 6 together are the shift from residential
to ambulant care: counted once as a saving and once as a cost, never twice."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from importlib import resources
from itertools import pairwise
from typing import Any


class Effect(StrEnum):
    CLIENTEN = "clienten"
    VERBLIJF = "verblijf"
    DAGHULP = "daghulp"
    VERBLIJFSDUUR = "verblijfsduur"
    ZWAAR_LICHT = "zwaar_licht"
    AMBULANTISERING = "ambulantisering"


EFFECT_NAMEN: dict[Effect, str] = {
    Effect.CLIENTEN: "Minder cliënten",
    Effect.VERBLIJF: "Afname verblijf",
    Effect.DAGHULP: "Afname daghulp",
    Effect.VERBLIJFSDUUR: "Kortere verblijfsduur",
    Effect.ZWAAR_LICHT: "Van zwaar naar licht",
    Effect.AMBULANTISERING: "Ambulantisering",
}

EFFECT_UITLEG: dict[Effect, str] = {
    Effect.CLIENTEN: "% minder cliënten dan in het basisjaar (ambulant, daghulp, verblijf): "
    "kortere trajecten, voorliggend veld, minder instroom, meer uitstroom",
    Effect.VERBLIJF: "% van de cliënten in verblijf dat niet meer in verblijf zit",
    Effect.DAGHULP: "% minder daghulp dan in het basisjaar",
    Effect.VERBLIJFSDUUR: "% lagere kosten per cliënt in verblijf door kortere duur",
    Effect.ZWAAR_LICHT: "% lagere kosten per ambulante cliënt door lichtere zorg",
    Effect.AMBULANTISERING: "kosten van de ambulante zorg voor een kind dat niet meer in "
    "verblijf zit, in % van de ambulante kosten per cliënt",
}


class Groep(StrEnum):
    AMBULANT = "ambulant"
    DAGHULP = "daghulp"
    VERBLIJF = "verblijf"
    JEUGDBESCHERMING = "jeugdbescherming"


GROEP_NAMEN: dict[Groep, str] = {
    Groep.AMBULANT: "Ambulante jeugdhulp",
    Groep.DAGHULP: "Daghulp (dagbesteding)",
    Groep.VERBLIJF: "Jeugdhulp met verblijf",
    Groep.JEUGDBESCHERMING: "Jeugdbescherming en jeugdreclassering",
}


class ProjectieFout(ValueError):
    """Assumptions the model cannot use: names the year, the effect and the value."""


@dataclass(frozen=True)
class Basis:
    """The measured base year: costs per group (eurocent) and clients in ambulant care
    and in residential care (for the cost per client of step 6)."""

    jaar: int
    kosten: Mapping[Groep, int]
    clienten_ambulant: int
    clienten_verblijf: int

    @property
    def totaal(self) -> int:
        return sum(self.kosten.values())


@dataclass(frozen=True)
class Jaaraanname:
    """One year's assumptions, in percent: the price index and autonomous volume change
    of that year (compounded), and each effect's level relative to the base year."""

    index: Decimal = Decimal(0)
    volume: Decimal = Decimal(0)
    effecten: Mapping[Effect, Decimal] = field(default_factory=dict)

    def effect(self, e: Effect) -> Decimal:
        return self.effecten.get(e, Decimal(0))


@dataclass(frozen=True)
class Projectiejaar:
    jaar: int
    trend: int  # the base year's cost grown by index and volume (eurocent)
    effecten: dict[Effect, int]  # each line: the change it makes (eurocent, signed)
    totaal: int

    @property
    def besparing(self) -> int:
        return sum(self.effecten.values())


def _cent(x: Fraction) -> int:
    """Round to the cent, half up."""
    return (2 * x.numerator + x.denominator) // (2 * x.denominator)


def _pct(p: Decimal) -> Fraction:
    return Fraction(p) / 100


GRENZEN: dict[Effect, tuple[Decimal, Decimal]] = {
    Effect.CLIENTEN: (Decimal(-100), Decimal(100)),
    Effect.VERBLIJF: (Decimal(0), Decimal(100)),
    Effect.DAGHULP: (Decimal(-100), Decimal(100)),
    Effect.VERBLIJFSDUUR: (Decimal(-100), Decimal(100)),
    Effect.ZWAAR_LICHT: (Decimal(-100), Decimal(100)),
    Effect.AMBULANTISERING: (Decimal(0), Decimal(1000)),
}


def controleer(jaren: Mapping[int, Jaaraanname]) -> None:
    """ProjectieFout in Dutch for a value out of its range."""
    for jaar, a in sorted(jaren.items()):
        for naam, waarde in (("prijsindex", a.index), ("volume", a.volume)):
            if not Decimal(-50) <= waarde <= Decimal(50):
                raise ProjectieFout(f"{jaar}, {naam}: {waarde}% ligt niet tussen -50 en 50%")
        for e, (laag, hoog) in GRENZEN.items():
            w = a.effect(e)
            if not laag <= w <= hoog:
                raise ProjectieFout(
                    f"{jaar}, {EFFECT_NAMEN[e].lower()}: {w}% ligt niet tussen {laag} en {hoog}%"
                )


def projecteer(basis: Basis, jaren: Mapping[int, Jaaraanname]) -> list[Projectiejaar]:
    """The projection for every year after the base year in `jaren`, in order."""
    controleer(jaren)
    for jaar in jaren:
        if jaar <= basis.jaar:
            raise ProjectieFout(f"{jaar} ligt niet na het basisjaar {basis.jaar}")
    k = {g: Fraction(basis.kosten.get(g, 0)) for g in Groep}
    uit: list[Projectiejaar] = []
    groei = Fraction(1)
    for jaar in sorted(jaren):
        a = jaren[jaar]
        groei *= (1 + _pct(a.index)) * (1 + _pct(a.volume))
        e = {x: _pct(a.effect(x)) for x in Effect}
        amb, dag, verb = k[Groep.AMBULANT], k[Groep.DAGHULP], k[Groep.VERBLIJF]
        jb = k[Groep.JEUGDBESCHERMING]
        extra = Fraction(0)
        totalen = [_cent(groei * (amb + dag + verb + jb))]
        # 1. fewer clients
        minder = 1 - e[Effect.CLIENTEN]
        amb, dag, verb = amb * minder, dag * minder, verb * minder
        totalen.append(_cent(groei * (amb + dag + verb + jb)))
        # 2. fewer children in residential care
        verb = verb * (1 - e[Effect.VERBLIJF])
        totalen.append(_cent(groei * (amb + dag + verb + jb)))
        # 3. less day care
        dag = dag * (1 - e[Effect.DAGHULP])
        totalen.append(_cent(groei * (amb + dag + verb + jb)))
        # 4. shorter residential stays
        verb = verb * (1 - e[Effect.VERBLIJFSDUUR])
        totalen.append(_cent(groei * (amb + dag + verb + jb)))
        # 5. heavy to light: cheaper ambulant care per client
        amb = amb * (1 - e[Effect.ZWAAR_LICHT])
        totalen.append(_cent(groei * (amb + dag + verb + jb)))
        # 6. the children of step 2 (r x the residential clients left after step 1) in
        # ambulant care at m% of the ambulant cost per client after step 5
        if basis.clienten_ambulant > 0:
            verplaatst = e[Effect.VERBLIJF] * (1 - e[Effect.CLIENTEN]) * basis.clienten_verblijf
            per_client = k[Groep.AMBULANT] * (1 - e[Effect.ZWAAR_LICHT]) / basis.clienten_ambulant
            extra = verplaatst * per_client * e[Effect.AMBULANTISERING]
        totalen.append(_cent(groei * (amb + dag + verb + jb + extra)))
        lijnen = {x: totalen[i + 1] - totalen[i] for i, x in enumerate(Effect)}
        uit.append(Projectiejaar(jaar, totalen[0], lijnen, totalen[-1]))
    return uit


def omslagjaar(basis: Basis, jaren: Sequence[Projectiejaar]) -> int | None:
    """The first year whose next year costs less (the peak): the turning point of seed
    003 ("in 2025 het omslagpunt in kostenbeheersing")."""
    reeks = [(basis.jaar, basis.totaal)] + [(p.jaar, p.totaal) for p in jaren]
    for (j0, t0), (_, t1) in pairwise(reeks):
        if t1 < t0:
            return j0
    return None


# --- assumptions as data (saved scenarios, the default file) -------------------------


def _getal(w: Any, waar: str) -> Decimal:
    if isinstance(w, bool) or not isinstance(w, int | float | str | Decimal):
        raise ProjectieFout(f"{waar}: {w!r} is geen getal")
    try:
        d = Decimal(str(w))
    except ArithmeticError:
        raise ProjectieFout(f"{waar}: {w!r} is geen getal") from None
    if not d.is_finite():
        raise ProjectieFout(f"{waar}: {w!r} is geen getal")
    return d


def aannames_lezen(data: Mapping[str, Any], bron: str) -> dict[int, Jaaraanname]:
    """Assumptions from JSON or TOML ({"2024": {"index": 3, "volume": 1, "effecten":
    {...}}}); ProjectieFout naming the source, year and key for anything else."""
    uit: dict[int, Jaaraanname] = {}
    for jaar_tekst, a in data.items():
        try:
            jaar = int(jaar_tekst)
        except ValueError:
            raise ProjectieFout(f"{bron}: '{jaar_tekst}' is geen jaar") from None
        if not isinstance(a, Mapping):
            raise ProjectieFout(f"{bron}, {jaar}: verwacht index, volume en effecten")

        effecten = {}
        for naam, w in dict(a.get("effecten", {})).items():
            if naam not in Effect._value2member_map_:
                keuzes = ", ".join(e.value for e in Effect)
                raise ProjectieFout(f"{bron}, {jaar}: onbekend effect '{naam}' (kies uit {keuzes})")
            effecten[Effect(naam)] = _getal(w, f"{bron}, {jaar}, {naam}")
        uit[jaar] = Jaaraanname(
            _getal(a.get("index", 0), f"{bron}, {jaar}, index"),
            _getal(a.get("volume", 0), f"{bron}, {jaar}, volume"),
            effecten,
        )
    controleer(uit)
    return uit


def aannames_als_data(jaren: Mapping[int, Jaaraanname]) -> dict[str, Any]:
    """The inverse of aannames_lezen, for a JSON field (numbers as strings: exact)."""
    return {
        str(j): {
            "index": str(a.index),
            "volume": str(a.volume),
            "effecten": {e.value: str(a.effect(e)) for e in Effect},
        }
        for j, a in sorted(jaren.items())
    }


def standaard_aannames() -> tuple[str, str, dict[int, Jaaraanname]]:
    """The default scenario of scenario/data/kostenprojectie.toml: name, note, years."""
    tekst = resources.files("jeugdsturing.scenario").joinpath("data/kostenprojectie.toml")
    data = tomllib.loads(tekst.read_text(encoding="utf-8"))
    jaren = aannames_lezen(data["jaren"], "kostenprojectie.toml")
    return str(data["naam"]), str(data.get("toelichting", "")), jaren
