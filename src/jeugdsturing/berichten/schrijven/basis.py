# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""What every message has: the header, the client, and the document writer."""

from __future__ import annotations

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
