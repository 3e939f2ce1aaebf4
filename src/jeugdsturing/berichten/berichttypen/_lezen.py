# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Small readers shared by the per-type modules. They read only what the facts need."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from lxml import etree

from jeugdsturing.berichten.feiten import Client, Omvang, Product, retourcodes_als_tekst
from jeugdsturing.berichten.feiten import datum as _datum
from jeugdsturing.berichten.typen import NS_BASIS
from jeugdsturing.berichten.xml import path_of

Pseudonimiseer = Callable[[str], str]

# Elements of a basisschema (CDT_) type: their children are in the basisschema namespace.
BASIS_OUDERS = frozenset({
    "Product", "Omvang", "ProductPeriode", "DeclaratiePeriode", "IngediendBedrag",
    "TotaalIngediendBedrag", "TotaalToegekendBedrag", "Verwijzer", "Geboortedatum", "Naam",
    "Adres", "BerichtIdentificatie", "DeclaratieIdentificatie", "XsdVersie", "ProductReferentie",
    "Geslachtsnaam", "Partnernaam", "Huis", "Telefoon", "Telefoon01", "Telefoon02", "Periode",
    "Communicatie",
})  # fmt: skip


class _Tags(dict[str, str]):
    """Local name -> '{namespace}name', made once per name."""

    def __init__(self, namespace: str) -> None:
        super().__init__()
        self.ns = namespace

    def __missing__(self, name: str) -> str:
        tag = self[name] = f"{{{self.ns}}}{name}"
        return tag


_BASIS_TAGS = _Tags(NS_BASIS)


def geheel(tekst: str) -> str:
    """An xs:integer as the text of its value ('0116', '+116' -> '116'); anything that is
    not one is left as it is (the XSD check names it)."""
    if not _GEHEEL.fullmatch(tekst):
        return tekst
    return str(int(tekst))


_GEHEEL = re.compile(r"[+-]?[0-9]+")


class Velden:
    """The child elements of one element by tag, read in one pass: a reader asks for
    most of them, and a lookup in a dict costs less than letting lxml search the
    children for each (40% less for seven fields of ten; docs/performance.md). The first
    child with a tag counts, as in a search. Names are local: the namespace is the
    basisschema's below a basisschema type (Product, Omvang, ...), else the message's."""

    __slots__ = ("element", "kinderen", "tags")

    def __init__(self, element: etree._Element, tags: _Tags) -> None:
        self.element = element
        self.tags = tags
        kinderen: dict[object, etree._Element] = {}
        for kind in element:
            kinderen.setdefault(kind.tag, kind)
        self.kinderen = kinderen

    def el(self, name: str) -> etree._Element | None:
        return self.kinderen.get(self.tags[name])

    def velden(self, name: str) -> Velden | None:
        el = self.kinderen.get(self.tags[name])
        return None if el is None else _velden(el, self.tags)

    def text(self, name: str) -> str | None:
        el = self.kinderen.get(self.tags[name])
        if el is None:
            return None
        text = el.text
        return None if text is None else text.strip()

    def req(self, name: str) -> str:
        value = self.text(name)
        if value is None:  # the XSD and built-in checks make this unreachable for valid input
            raise ValueError(f"{path_of(self.element)}/{name} ontbreekt")
        return value

    def nummer(self, name: str) -> str | None:
        """An element of XSD type xs:integer (ToewijzingNummer) in its value space:
        '0116' and '116' are the same number."""
        value = self.text(name)
        return None if value is None else geheel(value)

    def req_nummer(self, name: str) -> str:
        return geheel(self.req(name))

    def datum(self, name: str) -> date | None:
        value = self.text(name)
        return _datum(value) if value else None

    def req_datum(self, name: str) -> date:
        return _datum(self.req(name))

    def int(self, name: str) -> int | None:
        value = self.text(name)
        return int(value) if value else None

    def product(self) -> Product | None:
        p = self.velden("Product")
        if p is None:
            return None
        return Product(p.req("Categorie"), p.text("Code") or "")

    def omvang(self) -> Omvang | None:
        o = self.velden("Omvang")
        if o is None:
            return None
        return Omvang(int(o.req("Volume")), o.req("Eenheid"), o.req("Frequentie"))


def _velden(element: etree._Element, tags: _Tags) -> Velden:
    """The children of element, in the namespace its type puts them in."""
    tag = element.tag
    ouder = tag.rpartition("}")[2] if isinstance(tag, str) else ""
    return Velden(element, _BASIS_TAGS if ouder in BASIS_OUDERS else tags)


class Lezer:
    """Reads elements of one message type: child names are in the message namespace,
    the building blocks (Product, Omvang, dates) partly in the basisschema namespace."""

    def __init__(self, namespace: str) -> None:
        self.ns = namespace
        self.tags = _Tags(namespace)

    def velden(self, element: etree._Element) -> Velden:
        """The children of element by name (see Velden)."""
        return _velden(element, self.tags)

    def all(self, parent: etree._Element, path: str) -> list[etree._Element]:
        """The elements at path below parent ('ToegewezenProducten/ToegewezenProduct')."""
        current = [parent]
        for name in path.split("/"):
            tag = f"{{*}}{name}"
            current = [c for p in current for c in p.iterchildren(tag)]
        return current

    def client_en(
        self, root: etree._Element, pseudo: Pseudonimiseer, pad: str, *, met_adres: bool = False
    ) -> tuple[Client, list[Velden]]:
        """The message's Client (see client) and the elements at pad below it, such as
        'StartProducten/StartProduct', each as Velden."""
        client = self.velden(root).velden("Client")
        assert client is not None  # noqa: S101  (required by the XSD)
        klant = self.client(client, pseudo, met_adres=met_adres)
        return klant, [self.velden(el) for el in self.all(client.element, pad)]

    def client(self, v: Velden, pseudo: Pseudonimiseer, *, met_adres: bool = False) -> Client:
        """The client as a pseudonym; birth year only; the postcode of the BRP address
        (Soort 01, else the first address with a postcode) only when asked for."""
        geboorte = v.velden("Geboortedatum")
        jaar = None
        if geboorte is not None:
            d = geboorte.text("Datum")
            jaar = int(d[:4]) if d else None
        postcode = None
        if met_adres:
            kandidaten = []
            for contact in self.all(v.element, "Contactgegevens/Contact"):
                c = self.velden(contact)
                adres = c.velden("Adres")
                pc = adres.text("Postcode") if adres is not None else None
                if pc:
                    kandidaten.append((c.text("Soort") != "01", pc))
            postcode = sorted(kandidaten)[0][1] if kandidaten else None
        return Client(pseudo(v.req("Bsn")), jaar, postcode)

    def retourcodes(self, root: etree._Element) -> str:
        """Every RetourCode with the element it applies to (the parent of RetourCodes),
        as Bericht.retourcodes holds them."""
        result = []
        for rc in root.iter(f"{{{self.ns}}}RetourCode"):
            codes = rc.getparent()
            owner = codes.getparent() if codes is not None else None
            result.append((path_of(owner) if owner is not None else "", (rc.text or "").strip()))
        return retourcodes_als_tekst(result)
