"""Small readers shared by the per-type modules. They read only what the facts need."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from lxml import etree

from jeugdsturing.berichten.feiten import Client, Omvang, Product, Retourcode
from jeugdsturing.berichten.feiten import datum as _datum
from jeugdsturing.berichten.typen import NS_BASIS
from jeugdsturing.berichten.xml import local, path_of

Pseudonimiseer = Callable[[str], str]

# Elements of a basisschema (CDT_) type: their children are in the basisschema namespace.
BASIS_OUDERS = frozenset({
    "Product", "Omvang", "ProductPeriode", "DeclaratiePeriode", "IngediendBedrag",
    "TotaalIngediendBedrag", "TotaalToegekendBedrag", "Verwijzer", "Geboortedatum", "Naam",
    "Adres", "BerichtIdentificatie", "DeclaratieIdentificatie", "XsdVersie", "ProductReferentie",
    "Geslachtsnaam", "Partnernaam", "Huis", "Telefoon", "Telefoon01", "Telefoon02", "Periode",
    "Communicatie",
})  # fmt: skip


class Lezer:
    """Reads elements of one message type: child names are in the message namespace,
    the building blocks (Product, Omvang, dates) partly in the basisschema namespace."""

    def __init__(self, namespace: str) -> None:
        self.ns = namespace
        self._tags: dict[tuple[str, str], str] = {}  # (parent tag, child name) -> child tag

    def el(self, parent: etree._Element, name: str) -> etree._Element | None:
        """A child: in the basisschema namespace when the parent is a basisschema type
        (Product, Omvang, ...), else in the message namespace. lxml finds it in C
        (iterchildren with a tag costs half of find, which parses a path)."""
        key = (parent.tag, name)
        tag = self._tags.get(key)
        if tag is None:
            ouder = local(parent.tag)
            tag = self._tags[key] = f"{{{NS_BASIS if ouder in BASIS_OUDERS else self.ns}}}{name}"
        return next(parent.iterchildren(tag), None)

    def all(self, parent: etree._Element, path: str) -> list[etree._Element]:
        """The elements at path below parent ('ToegewezenProducten/ToegewezenProduct')."""
        current = [parent]
        for name in path.split("/"):
            tag = f"{{*}}{name}"
            current = [c for p in current for c in p.iterchildren(tag)]
        return current

    def text(self, parent: etree._Element, name: str) -> str | None:
        found = self.el(parent, name)
        if found is None or found.text is None:
            return None
        return found.text.strip()

    def req(self, parent: etree._Element, name: str) -> str:
        value = self.text(parent, name)
        if value is None:  # the XSD and built-in checks make this unreachable for valid input
            raise ValueError(f"{path_of(parent)}/{name} ontbreekt")
        return value

    def datum(self, parent: etree._Element, name: str) -> date | None:
        value = self.text(parent, name)
        return _datum(value) if value else None

    def req_datum(self, parent: etree._Element, name: str) -> date:
        return _datum(self.req(parent, name))

    def int(self, parent: etree._Element, name: str) -> int | None:
        value = self.text(parent, name)
        return int(value) if value else None

    def product(self, parent: etree._Element) -> Product | None:
        p = self.el(parent, "Product")
        if p is None:
            return None
        return Product(self.req(p, "Categorie"), self.text(p, "Code") or "")

    def omvang(self, parent: etree._Element) -> Omvang | None:
        o = self.el(parent, "Omvang")
        if o is None:
            return None
        return Omvang(int(self.req(o, "Volume")), self.req(o, "Eenheid"), self.req(o, "Frequentie"))

    def client(
        self, el: etree._Element, pseudo: Pseudonimiseer, *, met_adres: bool = False
    ) -> Client:
        """The client as a pseudonym; birth year only; the postcode of the BRP address
        (Soort 01, else the first address with a postcode) only when asked for."""
        geboorte = self.el(el, "Geboortedatum")
        jaar = None
        if geboorte is not None:
            d = self.text(geboorte, "Datum")
            jaar = int(d[:4]) if d else None
        postcode = None
        if met_adres:
            kandidaten = []
            for contact in self.all(el, "Contactgegevens/Contact"):
                adres = self.el(contact, "Adres")
                pc = self.text(adres, "Postcode") if adres is not None else None
                if pc:
                    kandidaten.append((self.text(contact, "Soort") != "01", pc))
            postcode = sorted(kandidaten)[0][1] if kandidaten else None
        return Client(pseudo(self.req(el, "Bsn")), jaar, postcode)

    def retourcodes(self, root: etree._Element) -> list[Retourcode]:
        """Every RetourCode with the element it applies to (the parent of RetourCodes)."""
        result = []
        for rc in root.iter(f"{{{self.ns}}}RetourCode"):
            codes = rc.getparent()
            owner = codes.getparent() if codes is not None else None
            result.append(
                Retourcode(path_of(owner) if owner is not None else "", (rc.text or "").strip())
            )
        return result
