"""Writing iJw 3.2 messages (the simulator and tests use this). Every document it makes
is valid against the official XSD; tests check that against ../shared/ijw/xsd.

A retour message (JW302 ...) is the original message in the retour namespace with
IdentificatieRetour/DagtekeningRetour in the header and RetourCodes at the levels the
retour schema requires (RETOUR_NIVEAUS)."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from lxml import etree

from jeugdsturing.berichten.feiten import Omvang, Product
from jeugdsturing.berichten.typen import BERICHTTYPEN, NS_BASIS

XSD_VERSIE = "1.0.0"

# Paths (below the root) whose element ends with a required RetourCodes list.
RETOUR_NIVEAUS: dict[str, tuple[str, ...]] = {
    "JW302": (
        "Client", "Client/Contactgegevens/Contact", "Client/Relaties/Relatie",
        "Client/Relaties/Relatie/Contact", "Client/ToegewezenProducten/ToegewezenProduct",
    ),
    "JW306": ("Client", "Client/StartProducten/StartProduct"),
    "JW308": ("Client", "Client/StopProducten/StopProduct"),
    "JW316": ("Client", "Client/AangevraagdeProducten/AangevraagdProduct"),
    "JW318": (
        "Client", "Client/Verzoek", "Client/Verzoek/NieuweProducten/NieuwProduct",
        "Client/Verzoek/OngewijzigdeProducten/OngewijzigdProduct",
        "Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct",
    ),
    "JW320": ("Antwoord", "Antwoord/Woonplaatsbeginsel"),
}  # fmt: skip


@dataclass(frozen=True)
class Persoon:
    """A (simulated) child as it appears in a message. Only the writer sees this."""

    bsn: str
    geboortedatum: date
    geslacht: str  # COD046: 1 man, 2 vrouw
    achternaam: str
    voorletters: str
    postcode: str
    straat: str = "Dorpsstraat"
    huisnummer: int = 1
    plaats: str = "Amsterdam"


def _sub(parent: etree._Element, ns: str, name: str, text: object | None) -> etree._Element:
    el = etree.SubElement(parent, f"{{{ns}}}{name}")
    if text is not None:
        el.text = text.isoformat() if isinstance(text, date) else str(text)
    return el


class _Doc:
    def __init__(self, code: str) -> None:
        self.type = BERICHTTYPEN[code]
        self.ns = self.type.namespace
        self.root = etree.Element(
            f"{{{self.ns}}}Bericht", nsmap={code.lower(): self.ns, "ijw": NS_BASIS}
        )

    def e(self, parent: etree._Element, name: str, text: object | None = None) -> etree._Element:
        """A child in the message namespace."""
        return _sub(parent, self.ns, name, text)

    def b(self, parent: etree._Element, name: str, text: object | None = None) -> etree._Element:
        """A child in the basisschema namespace."""
        return _sub(parent, NS_BASIS, name, text)

    def header(
        self, afzender: str, ontvanger: str, identificatie: str, dag: date
    ) -> etree._Element:
        h = self.e(self.root, "Header")
        self.e(h, "BerichtCode", self.type.berichtcode)
        self.e(h, "BerichtVersie", 3)
        self.e(h, "BerichtSubversie", 2)
        self.e(h, "Afzender", afzender)
        self.e(h, "Ontvanger", ontvanger)
        bi = self.e(h, "BerichtIdentificatie")
        self.b(bi, "Identificatie", identificatie)
        self.b(bi, "Dagtekening", dag)
        self.xsd_versie(h, "XsdVersie")
        return h

    def xsd_versie(self, parent: etree._Element, name: str) -> None:
        xv = self.e(parent, name)
        self.b(xv, "BasisschemaXsdVersie", XSD_VERSIE)
        self.b(xv, "BerichtXsdVersie", XSD_VERSIE)

    def product(self, parent: etree._Element, p: Product | None, name: str = "Product") -> None:
        if p is None:
            return
        el = self.e(parent, name)
        self.b(el, "Categorie", p.categorie)
        if p.code:
            self.b(el, "Code", p.code)

    def omvang(self, parent: etree._Element, o: Omvang | None) -> None:
        if o is None:
            return
        el = self.e(parent, "Omvang")
        self.b(el, "Volume", o.volume)
        self.b(el, "Eenheid", o.eenheid)
        self.b(el, "Frequentie", o.frequentie)

    def client_kort(self, p: Persoon) -> etree._Element:
        c = self.e(self.root, "Client")
        self.e(c, "Bsn", p.bsn)
        gd = self.e(c, "Geboortedatum")
        self.b(gd, "Datum", p.geboortedatum)
        self.e(c, "Geslacht", p.geslacht)
        naam = self.e(c, "Naam")
        gn = self.b(naam, "Geslachtsnaam")
        self.b(gn, "Achternaam", p.achternaam)
        self.b(naam, "Voorletters", p.voorletters)
        return c

    def bytes(self) -> bytes:
        return etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


@dataclass(frozen=True)
class Kop:
    gemeente: str
    aanbieder: str
    identificatie: str
    dagtekening: date


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


def _retourcodes(d: _Doc, parent: etree._Element, codes: Sequence[str]) -> None:
    rc = d.e(parent, "RetourCodes")
    for code in codes:
        d.e(rc, "RetourCode", code)


def retour(
    origineel: bytes, code: str, *, identificatie: str, dagtekening: date, retourcode: str = "0200"
) -> bytes:
    """The retour message (JW302, JW306, ...) of an original message."""
    orig_root = etree.fromstring(origineel)
    doel = BERICHTTYPEN[code]
    d = _Doc(code)

    def kopie(src: etree._Element, parent: etree._Element) -> etree._Element:
        ns = d.ns if etree.QName(src).namespace != NS_BASIS else NS_BASIS
        el = etree.SubElement(parent, f"{{{ns}}}{etree.QName(src).localname}")
        el.text = src.text
        for child in src:
            kopie(child, el)
        return el

    for child in orig_root:
        kopie(child, d.root)
    header = d.root.find(f"{{{d.ns}}}Header")
    assert header is not None  # noqa: S101
    header.find(f"{{{d.ns}}}BerichtCode").text = doel.berichtcode  # type: ignore[union-attr]
    xsd = header.find(f"{{{d.ns}}}XsdVersie")
    assert xsd is not None  # noqa: S101
    pos = list(header).index(xsd) + 1
    extra = [
        ("IdentificatieRetour", identificatie),
        ("DagtekeningRetour", dagtekening.isoformat()),
    ]
    for offset, (name, text) in enumerate(extra):
        el = etree.Element(f"{{{d.ns}}}{name}")
        el.text = text
        header.insert(pos + offset, el)
    xsd_retour = copy.deepcopy(xsd)
    xsd_retour.tag = f"{{{d.ns}}}XsdVersieRetour"
    header.insert(pos + len(extra), xsd_retour)
    for path in sorted(RETOUR_NIVEAUS[code], key=lambda p: -p.count("/")):
        for el in _paden(d.root, path, d.ns):
            _retourcodes(d, el, [retourcode])
    return d.bytes()


def _paden(root: etree._Element, path: str, ns: str) -> list[etree._Element]:
    current = [root]
    for name in path.split("/"):
        current = [c for p in current for c in p.findall(f"{{{ns}}}{name}")]
    return current
