# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Claims (JW323) and their answer (JW325)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from lxml import etree

from jeugdsturing.berichten.feiten import Product
from jeugdsturing.berichten.schrijven.basis import Kop, _Doc
from jeugdsturing.berichten.schrijven.retour import _retourcodes


@dataclass(frozen=True)
class PrestatieRegel:
    referentie: str
    toewijzingnummer: int
    product: Product
    begindatum: date
    einddatum: date
    volume: int
    eenheid: str
    tarief: int
    bedrag: int  # eurocent, >= 0 (debet)


def _prestaties(
    d: _Doc,
    parent: etree._Element,
    per_client: Sequence[tuple[str, Sequence[PrestatieRegel]]],
    *,
    retour: bool = False,
) -> None:
    clienten = d.e(parent, "Clienten")
    for bsn, regels in per_client:
        c = d.e(clienten, "Client")
        d.e(c, "Bsn", bsn)
        ps = d.e(c, "Prestaties")
        for r in regels:
            p = d.e(ps, "Prestatie")
            ref = d.e(p, "ProductReferentie")
            d.b(ref, "ReferentieNummer", r.referentie)
            d.e(p, "ToewijzingNummer", r.toewijzingnummer)
            d.e(p, "ProductCategorie", r.product.categorie)
            d.e(p, "ProductCode", r.product.code)
            per = d.e(p, "ProductPeriode")
            d.b(per, "Begindatum", r.begindatum)
            d.b(per, "Einddatum", r.einddatum)
            d.e(p, "GeleverdVolume", r.volume)
            d.e(p, "Eenheid", r.eenheid)
            d.e(p, "ProductTarief", r.tarief)
            ib = d.e(p, "IngediendBedrag")
            d.b(ib, "Bedrag", r.bedrag)
            d.b(ib, "DebetCredit", "D")
            if retour:
                _retourcodes(d, p, ["8187"])  # WJ001: prestatie hoort niet bij deze cliënt
        if retour:
            _retourcodes(d, c, ["0200"])


def jw323(
    kop: Kop,
    nummer: str,
    periode: tuple[date, date],
    per_client: Sequence[tuple[str, Sequence[PrestatieRegel]]],
) -> bytes:
    d = _Doc("JW323")
    d.header(kop.aanbieder, kop.gemeente, kop.identificatie, kop.dagtekening)
    decl = d.e(d.root, "Declaratie")
    d.e(decl, "DeclaratieNummer", nummer)
    per = d.e(decl, "DeclaratiePeriode")
    d.b(per, "Begindatum", periode[0])
    d.b(per, "Einddatum", periode[1])
    d.e(decl, "DeclaratieDagtekening", kop.dagtekening)
    totaal = d.e(decl, "TotaalIngediendBedrag")
    d.b(totaal, "TotaalBedrag", sum(r.bedrag for _, rs in per_client for r in rs))
    d.b(totaal, "DebetCredit", "D")
    _prestaties(d, decl, per_client)
    return d.bytes()


def jw325(
    kop: Kop,
    declaratie_identificatie: str,
    declaratie_dagtekening: date,
    nummer: str,
    ingediend: int,
    afgewezen: Sequence[tuple[str, Sequence[PrestatieRegel]]],
) -> bytes:
    """Answer to a claim. Rejected prestaties are listed with a retour code; the rest is
    approved as claimed."""
    d = _Doc("JW325")
    h = d.e(d.root, "Header")
    d.e(h, "BerichtCode", "491")
    d.e(h, "BerichtVersie", 3)
    d.e(h, "BerichtSubversie", 2)
    d.e(h, "Afzender", kop.gemeente)
    d.e(h, "Ontvanger", kop.aanbieder)
    bi = d.e(h, "BerichtIdentificatie")
    d.b(bi, "Identificatie", kop.identificatie)
    d.b(bi, "Dagtekening", kop.dagtekening)
    d.xsd_versie(h, "XsdVersie")
    di = d.e(h, "DeclaratieIdentificatie")
    d.b(di, "Identificatie", declaratie_identificatie)
    d.b(di, "Dagtekening", declaratie_dagtekening)
    d.xsd_versie(h, "XsdVersieDeclaratie")
    _retourcodes(d, h, ["0200"])
    da = d.e(d.root, "DeclaratieAntwoord")
    d.e(da, "DeclaratieNummer", nummer)
    ti = d.e(da, "TotaalIngediendBedrag")
    d.b(ti, "TotaalBedrag", ingediend)
    d.b(ti, "DebetCredit", "D")
    tt = d.e(da, "TotaalToegekendBedrag")
    d.b(tt, "TotaalBedrag", ingediend - sum(r.bedrag for _, rs in afgewezen for r in rs))
    d.b(tt, "DebetCredit", "D")
    if afgewezen:
        _prestaties(d, da, afgewezen, retour=True)
    _retourcodes(d, da, ["0200"])
    return d.bytes()
