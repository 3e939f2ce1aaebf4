# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Messages about care: the assignment (JW301), start and stop (JW305, JW307), the
request for care (JW315), the change request (JW317) and its answer (JW319)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from jeugdsturing.berichten.feiten import Omvang, Product
from jeugdsturing.berichten.schrijven.basis import Kop, Persoon, _Doc


@dataclass(frozen=True)
class ToewijzingRegel:
    nummer: int
    product: Product
    toewijzingsdatum: date
    ingangsdatum: date
    einddatum: date | None
    omvang: Omvang | None
    referentie_aanbieder: str | None = None
    reden_wijziging: str | None = None


def jw301(kop: Kop, persoon: Persoon, regels: Sequence[ToewijzingRegel]) -> bytes:
    d = _Doc("JW301")
    d.header(kop.gemeente, kop.aanbieder, kop.identificatie, kop.dagtekening)
    c = d.client_kort(persoon)
    naam = c.find(f"{{{d.ns}}}Naam")
    assert naam is not None  # noqa: S101
    d.b(naam, "NaamGebruik", 1)  # the full name (JW301) adds how it is used
    cg = d.e(c, "Contactgegevens")
    contact = d.e(cg, "Contact")
    d.e(contact, "Soort", "01")
    adres = d.e(contact, "Adres")
    huis = d.b(adres, "Huis")
    d.b(huis, "Huisnummer", persoon.huisnummer)
    d.b(adres, "Postcode", persoon.postcode)
    d.b(adres, "Straatnaam", persoon.straat)
    d.b(adres, "Plaatsnaam", persoon.plaats)
    d.b(adres, "LandCode", "NL")
    tps = d.e(c, "ToegewezenProducten")
    for r in regels:
        tp = d.e(tps, "ToegewezenProduct")
        d.e(tp, "ToewijzingNummer", r.nummer)
        if r.referentie_aanbieder:
            d.e(tp, "ReferentieAanbieder", r.referentie_aanbieder)
        d.product(tp, r.product)
        d.e(tp, "Toewijzingsdatum", r.toewijzingsdatum)
        d.e(tp, "Toewijzingstijd", "09:00:00")
        d.e(tp, "Ingangsdatum", r.ingangsdatum)
        if r.einddatum is not None:
            d.e(tp, "Einddatum", r.einddatum)
        if r.reden_wijziging:
            d.e(tp, "RedenWijziging", r.reden_wijziging)
        d.omvang(tp, r.omvang)
    return d.bytes()


@dataclass(frozen=True)
class LeveringRegel:
    toewijzingnummer: int | None
    product: Product | None
    toewijzing_ingangsdatum: date | None
    begindatum: date
    status: str = "1"
    einddatum: date | None = None  # stops only
    reden: str | None = None  # stops only


def jw305(kop: Kop, persoon: Persoon, regels: Sequence[LeveringRegel]) -> bytes:
    return _levering("JW305", kop, persoon, regels)


def jw307(kop: Kop, persoon: Persoon, regels: Sequence[LeveringRegel]) -> bytes:
    return _levering("JW307", kop, persoon, regels)


def _levering(code: str, kop: Kop, persoon: Persoon, regels: Sequence[LeveringRegel]) -> bytes:
    d = _Doc(code)
    d.header(kop.aanbieder, kop.gemeente, kop.identificatie, kop.dagtekening)
    c = d.client_kort(persoon)
    soort = "StartProduct" if code == "JW305" else "StopProduct"
    lijst = d.e(c, soort + "en")
    for r in regels:
        sp = d.e(lijst, soort)
        if r.toewijzingnummer is not None:
            d.e(sp, "ToewijzingNummer", r.toewijzingnummer)
        d.product(sp, r.product)
        if r.toewijzing_ingangsdatum is not None:
            d.e(sp, "ToewijzingIngangsdatum", r.toewijzing_ingangsdatum)
        d.e(sp, "Begindatum", r.begindatum)
        if code == "JW307":
            d.e(sp, "RedenBeeindiging", r.reden)
            d.e(sp, "Einddatum", r.einddatum)
        d.e(sp, "StatusAanlevering", r.status)
    return d.bytes()


@dataclass(frozen=True)
class VerzoekRegel:
    referentie: str
    product: Product
    toewijzing_ingangsdatum: date
    toewijzing_einddatum: date | None
    omvang: Omvang | None
    verwijzer_type: str
    verwijzer_agb: str | None = None
    verwijzer_naam: str | None = None


def jw315(kop: Kop, persoon: Persoon, regels: Sequence[VerzoekRegel]) -> bytes:
    d = _Doc("JW315")
    d.header(kop.aanbieder, kop.gemeente, kop.identificatie, kop.dagtekening)
    c = d.client_kort(persoon)
    lijst = d.e(c, "AangevraagdeProducten")
    for r in regels:
        ap = d.e(lijst, "AangevraagdProduct")
        d.e(ap, "ReferentieAanbieder", r.referentie)
        d.product(ap, r.product)
        d.e(ap, "ToewijzingIngangsdatum", r.toewijzing_ingangsdatum)
        if r.toewijzing_einddatum is not None:
            d.e(ap, "ToewijzingEinddatum", r.toewijzing_einddatum)
        d.omvang(ap, r.omvang)
        v = d.e(ap, "Verwijzer")
        d.b(v, "Type", r.verwijzer_type)
        if r.verwijzer_naam:
            d.b(v, "Naam", r.verwijzer_naam)
        if r.verwijzer_agb:
            d.b(v, "ZorgverlenerCode", r.verwijzer_agb)
    return d.bytes()


@dataclass(frozen=True)
class WijzigRegel:
    toewijzingnummer: int
    gewenste_ingangsdatum: date
    einddatum: date | None
    omvang: Omvang | None


def jw317(
    kop: Kop, persoon: Persoon, referentie: str, reden: str, regels: Sequence[WijzigRegel]
) -> bytes:
    d = _Doc("JW317")
    d.header(kop.aanbieder, kop.gemeente, kop.identificatie, kop.dagtekening)
    c = d.e(d.root, "Client")
    d.e(c, "Bsn", persoon.bsn)
    v = d.e(c, "Verzoek")
    d.e(v, "ReferentieAanbieder", referentie)
    d.e(v, "RedenVerzoek", reden)
    lijst = d.e(v, "TeWijzigenProducten")
    for r in regels:
        tp = d.e(lijst, "TeWijzigenProduct")
        d.e(tp, "ToewijzingNummer", r.toewijzingnummer)
        d.e(tp, "GewensteIngangsdatum", r.gewenste_ingangsdatum)
        if r.einddatum is not None:
            d.e(tp, "Einddatum", r.einddatum)
        d.omvang(tp, r.omvang)
    return d.bytes()


def jw319(kop: Kop, referentie: str, antwoord: str, reden_afwijzing: str | None = None) -> bytes:
    d = _Doc("JW319")
    d.header(kop.gemeente, kop.aanbieder, kop.identificatie, kop.dagtekening)
    a = d.e(d.root, "Antwoord")
    d.e(a, "ReferentieAanbieder", referentie)
    d.e(a, "VerzoekAntwoord", antwoord)
    if reden_afwijzing:
        d.e(a, "RedenAfwijzingVerzoek", reden_afwijzing)
    return d.bytes()
