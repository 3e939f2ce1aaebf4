# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""What the system keeps of a message: facts, with the client already pseudonymised.

Names, addresses, phone numbers, relations and free-text comments are never read into
these structures; the date of birth is reduced to a year; the postcode is carried only
as far as the gebied assignment and never stored."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, NamedTuple


def als_tuple(self: tuple[Any, ...]) -> tuple[Any, tuple[Any, ...]]:
    """A fact is unpickled by tuple.__new__(class, values), in C: a NamedTuple's own
    __new__ is a Python function, and a frozen dataclass's __init__ sets each field
    through object.__setattr__. A JW323 carries hundreds of facts; unpickling them was
    6% of the writing process (docs/performance.md)."""
    return (tuple.__new__, (type(self), tuple(self)))


# An ISO date ('2026-06-30') -> a date, one object per distinct value: a message holds
# the same few dates many times, and pickle sends an object it has seen as a reference.
# Raises ValueError for anything that is not a date. Bounded: input decides the keys.
datum = functools.lru_cache(maxsize=10_000)(date.fromisoformat)


class Client(NamedTuple):
    pseudoniem: str
    geboortejaar: int | None = None
    postcode: str | None = None  # transient: used to assign the gebied, then dropped


class Product(NamedTuple):
    categorie: str
    code: str = ""


class Omvang(NamedTuple):
    volume: int
    eenheid: str
    frequentie: str


class Toewijzing(NamedTuple):  # JW301 ToegewezenProduct
    nummer: str
    product: Product | None
    toewijzingsdatum: date
    ingangsdatum: date
    einddatum: date | None
    reden_wijziging: str | None
    omvang: Omvang | None
    budget: int | None
    referentie_aanbieder: str | None


class Start(NamedTuple):  # JW305 StartProduct
    toewijzingnummer: str | None
    product: Product | None
    toewijzing_ingangsdatum: date | None
    begindatum: date
    status: str


class Stop(NamedTuple):  # JW307 StopProduct
    toewijzingnummer: str | None
    product: Product | None
    toewijzing_ingangsdatum: date | None
    begindatum: date
    einddatum: date
    reden: str
    status: str


class Verzoek(NamedTuple):  # JW315 AangevraagdProduct
    referentie: str
    product: Product | None
    toewijzing_ingangsdatum: date
    toewijzing_einddatum: date | None
    omvang: Omvang | None
    budget: int | None
    verwijzer_type: str
    verwijzer_agb: str | None


class Wijziging(NamedTuple):  # one line of a JW317 Verzoek
    soort: str  # ongewijzigd | te_wijzigen | nieuw
    toewijzingnummer: str | None
    product: Product | None
    gewenste_ingangsdatum: date | None
    einddatum: date | None
    omvang: Omvang | None


class Wijzigingsverzoek(NamedTuple):  # JW317
    referentie: str
    reden: str
    regels: tuple[Wijziging, ...]


class Antwoord(NamedTuple):  # JW319
    referentie: str
    antwoord: str  # WJ760
    reden_afwijzing: str | None
    woonplaats_gemeente: str | None


class Prestatie(NamedTuple):  # JW323/JW325 Prestatie
    referentie: str
    toewijzingnummer: str
    product: Product
    begindatum: date
    einddatum: date
    volume: int
    eenheid: str
    tarief: int | None
    bedrag: int  # eurocent, credit negative
    retourcodes: tuple[str, ...] = ()


class Declaratie(NamedTuple):  # JW323 or JW325
    nummer: str
    begindatum: date | None
    einddatum: date | None
    totaal_ingediend: int
    totaal_toegekend: int | None = None


def retourcodes_als_tekst(codes: Iterable[tuple[str, str]]) -> str:
    """(element, code) pairs as the retourcodes column of Bericht holds them."""
    return ";".join([f"{element}={code}" for element, code in codes])


class Inhoud(NamedTuple):
    """Everything a message says, per client. A tuple like the facts in it: a reader
    builds it once, from lists it filled, and it travels to the writing process as
    (class, values) made and unmade in C (a dataclass with a __reduce__ of its own cost
    twice as much to pickle; docs/performance.md). Empty parts are the empty tuple,
    which pickle sends as one byte."""

    client: Client | None = None
    toewijzingen: Sequence[Toewijzing] = ()
    starts: Sequence[Start] = ()
    stops: Sequence[Stop] = ()
    verzoeken: Sequence[Verzoek] = ()
    wijzigingsverzoek: Wijzigingsverzoek | None = None
    antwoord: Antwoord | None = None
    declaratie: Declaratie | None = None
    prestaties: Sequence[tuple[Client, Prestatie]] = ()
    # Every RetourCode with the element it applies to, as Bericht.retourcodes holds them
    # ('Client/StartProducten/StartProduct=0200;...'): made in the reading worker, where
    # a list of (element, code) facts cost more to send than the text (docs/performance.md).
    retourcodes: str = ""

    @property
    def regels(self) -> int:
        """Number of product lines, the unit the throughput is measured in."""
        n = len(self.toewijzingen) + len(self.starts) + len(self.stops) + len(self.verzoeken)
        n += len(self.prestaties)
        n += len(self.wijzigingsverzoek.regels) if self.wijzigingsverzoek else 0
        return n + (1 if self.antwoord else 0)


FEITEN: tuple[type[tuple[Any, ...]], ...] = (
    Client, Product, Omvang, Toewijzing, Start, Stop, Verzoek, Wijziging, Wijzigingsverzoek,
    Antwoord, Prestatie, Declaratie, Inhoud,
)  # fmt: skip
for _feit in FEITEN:
    _feit.__reduce__ = als_tuple  # type: ignore[assignment,method-assign]
