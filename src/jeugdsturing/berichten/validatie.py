"""Validation in layers, before anything is stored:

1. well-formed XML of a known message type and namespace (:func:`bepaal_type`);
2. the official XSD, when a schema directory is configured (:func:`xsd_controle`);
3. built-in checks that always apply (:func:`eigen_controles`): BerichtCode matches the
   type, real dates, codes in the code lists, known gemeente, 8-digit AGB code,
   Einddatum not before Ingangsdatum/Begindatum, amounts as whole eurocent.

Every function here is pure: the reference data comes in as :class:`Referentie`."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, cast

from lxml import etree

from jeugdsturing.berichten.feiten import als_tuple, datum
from jeugdsturing.berichten.fouten import Afkeuring, BerichtFout
from jeugdsturing.berichten.typen import BERICHTTYPEN, BY_NAMESPACE, Berichttype
from jeugdsturing.berichten.xml import (
    MAX_DEPTH,
    controleer_diepte,
    line,
    local,
    parent_name,
    parse,
    path_of,
)


@dataclass(frozen=True)
class Referentie:
    """What the built-in checks need to know: gemeentecodes and code lists."""

    gemeenten: frozenset[str]
    codes: Mapping[str, frozenset[str]]  # code list id (JZ020) -> valid codes


class Header(NamedTuple):
    """The header as the system uses it: who really sent the message, its own
    identification and date, and what it refers to."""

    berichttype: Berichttype
    afzender: str  # the real sender (for a retour message: the original receiver)
    ontvanger: str
    gemeente: str
    aanbieder: str  # AGB code
    identificatie: str
    dagtekening: date
    referentie: str | None = None  # identification of the message answered


Header.__reduce__ = als_tuple  # type: ignore[assignment,method-assign]


@dataclass(frozen=True)
class Gevalideerd:
    root: etree._Element
    header: Header


# Element (local name) -> code list. 'Categorie' is the product category inside Product.
CODELIJST_VAN = {
    "Categorie": "JZ020",
    "ProductCategorie": "JZ020",
    "Eenheid": "WJ756",
    "Frequentie": "WMO757",
    "RedenBeeindiging": "JZ588",
    "RedenWijziging": "JZ002",
    "StatusAanlevering": "COD467",
    "RetourCode": "WJ001",
}
# Elements whose value is an amount in eurocent.
BEDRAGEN = {"Bedrag", "ProductTarief", "TotaalIngediendBedrag", "TotaalToegekendBedrag"}
PERIODES = (
    ("Ingangsdatum", "Einddatum"),
    ("Begindatum", "Einddatum"),
    ("ToewijzingIngangsdatum", "ToewijzingEinddatum"),
    ("GewensteIngangsdatum", "Einddatum"),
)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def bepaal_type(root: etree._Element, *, file: str) -> Berichttype:
    qname = etree.QName(root)
    berichttype = BY_NAMESPACE.get(qname.namespace or "")
    if berichttype is None or qname.localname != "Bericht":
        raise BerichtFout(
            [
                Afkeuring(
                    file,
                    None,
                    qname.localname,
                    qname.namespace,
                    line(root),
                    "geen iJw 3.2-bericht: verwacht een element Bericht in de namespace van "
                    "een van de berichten JW301..JW325",
                )
            ]
        )
    return berichttype


@lru_cache(maxsize=32)
def _schema(xsd_dir: str, code: str) -> etree.XMLSchema:
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    doc = etree.parse(str(Path(xsd_dir) / f"{code}.xsd"), parser=parser)
    return etree.XMLSchema(doc)


def xsd_controle(
    root: etree._Element, berichttype: Berichttype, *, xsd_dir: str, file: str
) -> list[Afkeuring]:
    schema = _schema(xsd_dir, berichttype.code)
    if schema.validate(root):
        return []
    result = []
    for err in cast(Iterable[etree._LogEntry], schema.error_log):
        element = None
        if err.path:
            # '/jw305:Bericht/jw305:Client/...' -> 'Client/...'
            parts = [p.split(":")[-1].split("[")[0] for p in err.path.split("/") if p]
            element = "/".join(parts[1:]) or parts[0] if parts else None
        result.append(
            Afkeuring(file, berichttype.code, element, None, err.line, f"XSD: {err.message}")
        )
    return result


def _text(element: etree._Element) -> str:
    return (element.text or "").strip()


@lru_cache(maxsize=10_000)  # a message holds the same few dates many times
def _date(value: str) -> date | None:
    """'2026-06-30' -> a date; None for anything that is not a real date in that form."""
    if not _DATE.fullmatch(value):
        return None
    try:
        return datum(value)
    except ValueError:
        return None


# The Header's elements that lees_header reads (any namespace, as the checks do).
_KOP = frozenset({
    "Afzender", "Ontvanger", "BerichtIdentificatie", "IdentificatieRetour", "DagtekeningRetour",
    "DeclaratieIdentificatie",
})  # fmt: skip


def lees_header(root: etree._Element, berichttype: Berichttype, *, file: str) -> Header:
    velden: dict[str, str] = {}
    header = root[0] if len(root) and local(root[0].tag) == "Header" else None
    if header is not None:
        # One pass over the Header's children (about ten), taking what the Header below
        # is made of: the versions, BerichtCode and XsdVersie are checked elsewhere.
        for child in header:
            name = local(child.tag)
            if name not in _KOP:
                continue
            if len(child):  # BerichtIdentificatie, DeclaratieIdentificatie
                for grandchild in child:
                    text = grandchild.text
                    velden[f"{name}/{local(grandchild.tag)}"] = text.strip() if text else ""
            else:
                text = child.text
                velden[name] = text.strip() if text else ""

    def veld(name: str) -> str:
        value = velden.get(name)
        if value is None:
            raise BerichtFout(
                [
                    Afkeuring(
                        file,
                        berichttype.code,
                        f"Header/{name}",
                        None,
                        None,
                        "verplicht element ontbreekt",
                    )
                ]
            )
        return value

    def datum(name: str) -> date:
        value = _date(veld(name))
        if value is None:
            raise BerichtFout(
                [
                    Afkeuring(
                        file,
                        berichttype.code,
                        f"Header/{name}",
                        velden[name],
                        None,
                        "geen geldige datum",
                    )
                ]
            )
        return value

    afzender, ontvanger = veld("Afzender"), veld("Ontvanger")
    gemeente, aanbieder = (
        (afzender, ontvanger) if berichttype.header_gemeente_is_afzender else (ontvanger, afzender)
    )
    original_id = veld("BerichtIdentificatie/Identificatie")
    # Positionally, with tuple.__new__ in C: a NamedTuple's own __new__ is a Python
    # function, and keywords cost more (the field order is Header's).
    if berichttype.retour_van:
        return _nieuw(
            Header,
            (
                berichttype, ontvanger, afzender, gemeente, aanbieder,
                veld("IdentificatieRetour"), datum("DagtekeningRetour"), original_id,
            ),
        )  # fmt: skip
    return _nieuw(
        Header,
        (
            berichttype, afzender, ontvanger, gemeente, aanbieder, original_id,
            datum("BerichtIdentificatie/Dagtekening"),
            veld("DeclaratieIdentificatie/Identificatie") if berichttype.antwoord_op else None,
        ),
    )  # fmt: skip


_nieuw = tuple.__new__


_EINDE_BEGIN = {end: begin for begin, end in PERIODES if end != "Einddatum"}
# Every element a built-in check looks at; lxml filters on these in C.
DATUMS = {
    "Ingangsdatum", "Einddatum", "Begindatum", "Toewijzingsdatum", "ToewijzingIngangsdatum",
    "ToewijzingEinddatum", "Dagtekening", "Datum", "GewensteIngangsdatum",
    "DeclaratieDagtekening", "BeschikkingIngangsdatum", "DagtekeningRetour",
}  # fmt: skip
GECONTROLEERD = (
    DATUMS | set(CODELIJST_VAN) | BEDRAGEN | {"BerichtCode", "Afzender", "Ontvanger", "Type"}
)


# What the built-in checks do with an element, by kind.
_DATUM, _EINDE, _CODE, _CATEGORIE, _BEDRAG, _BERICHTCODE, _PARTIJ, _VERWIJZER = range(8)


def _soort(name: str) -> int:
    if name in {"Einddatum", "ToewijzingEinddatum"}:
        return _EINDE
    if name in DATUMS:
        return _DATUM
    if name == "Categorie":
        return _CATEGORIE
    if name in CODELIJST_VAN:
        return _CODE
    if name in BEDRAGEN:
        return _BEDRAG
    if name == "BerichtCode":
        return _BERICHTCODE
    return _PARTIJ if name in {"Afzender", "Ontvanger"} else _VERWIJZER


# Local name -> kind of every element a built-in check looks at, and the tags lxml
# filters on in C. '{*}Name' matches the name in any namespace: a filter of 28 names costs
# half as much as one of 56 (the names in the message's and the basisschema's namespace),
# and an element in a namespace of its own is checked too, which only makes it stricter.
_SOORTEN: dict[str, int] = {name: _soort(name) for name in sorted(GECONTROLEERD)}
_TAGS = tuple(f"{{*}}{name}" for name in _SOORTEN)


_GEEN: frozenset[str] = frozenset()


@lru_cache(maxsize=32)
def _tags(namen: frozenset[str]) -> tuple[str, ...]:
    """The filter for a message whose elements all have one of these names."""
    return tuple(f"{{*}}{name}" for name in _SOORTEN if name in namen)


def eigen_controles(
    root: etree._Element,
    berichttype: Berichttype,
    *,
    ref: Referentie,
    file: str,
    tags: tuple[str, ...] = _TAGS,
) -> list[Afkeuring]:
    """Every built-in check on every element of the message. tags: the checked names to
    look for, all of them unless the message's names are known (valideer)."""
    fouten: list[Afkeuring] = []

    def af(element: etree._Element, value: str | None, reason: str) -> None:
        fouten.append(
            Afkeuring(file, berichttype.code, path_of(element), value, line(element), reason)
        )

    gemeente_in_afzender = berichttype.header_gemeente_is_afzender
    codes = ref.codes
    for element in root.iter(*tags):
        if len(element):  # only leaves carry values
            continue
        name = element.tag.rpartition("}")[2]
        soort = _SOORTEN[name]
        text = element.text
        value = text.strip() if text else ""
        if soort <= _EINDE:
            if _date(value) is None:
                af(element, value, "geen geldige datum (JJJJ-MM-DD)")
            elif soort == _EINDE:
                _periode(element, name, value, af)
        elif soort == _CODE or (soort == _CATEGORIE and parent_name(element) == "Product"):
            lijst = CODELIJST_VAN[name]
            if value not in codes.get(lijst, _GEEN):
                af(element, value, f"code komt niet voor in codelijst {lijst}")
        elif soort == _BEDRAG:
            if not value.isdigit():
                af(element, value, "een bedrag is een geheel aantal eurocent zonder teken of punt")
        elif soort == _BERICHTCODE:
            if value != berichttype.berichtcode:
                af(
                    element,
                    value,
                    f"BerichtCode hoort {berichttype.berichtcode} te zijn voor {berichttype.code}",
                )
        elif soort == _PARTIJ:
            if parent_name(element) != "Header":
                continue
            if (name == "Afzender") == gemeente_in_afzender:
                if not (len(value) == 4 and value.isdigit()):
                    af(element, value, "een gemeentecode bestaat uit 4 cijfers")
                elif value not in ref.gemeenten:
                    af(element, value, "onbekende gemeentecode (CBS-indeling 2026)")
            elif not (len(value) == 8 and value.isdigit()):
                af(element, value, "een AGB-code bestaat uit 8 cijfers")
        elif (
            soort == _VERWIJZER
            and parent_name(element) == "Verwijzer"
            and value not in codes.get("COD327", _GEEN)
        ):
            af(element, value, "code komt niet voor in codelijst COD327")
    return fouten


def _periode(
    end: etree._Element,
    end_name: str,
    end_value: str,
    af: Callable[[etree._Element, str | None, str], None],
) -> None:
    """Einddatum must not lie before the begin date next to it."""
    parent = end.getparent()
    if parent is None:
        return
    begin_names = (
        [_EINDE_BEGIN[end_name]]
        if end_name in _EINDE_BEGIN
        else ["Ingangsdatum", "Begindatum", "GewensteIngangsdatum"]
    )
    for sibling in parent:
        if isinstance(sibling.tag, str) and sibling.tag.rpartition("}")[2] in begin_names:
            b, e = _date((sibling.text or "").strip()), _date(end_value)
            if b is not None and e is not None and e < b:
                begin_name = sibling.tag.rpartition("}")[2]
                af(end, end_value, f"{end_name} ligt voor {begin_name} ({b.isoformat()})")
            return


def valideer(data: bytes, *, file: str, ref: Referentie, xsd_dir: str | None = None) -> Gevalideerd:
    """All three layers; raises BerichtFout with every problem found."""
    root = parse(data, file=file, diepte=False)
    qname = etree.QName(root)
    bekend = BY_NAMESPACE.get(qname.namespace or "")
    schema_fouten: list[Afkeuring] | None = None
    if xsd_dir and bekend is not None and qname.localname == "Bericht":
        schema_fouten = xsd_controle(root, bekend, xsd_dir=xsd_dir, file=file)
    # A message valid against a schema that admits no deeper nesting than MAX_DEPTH
    # cannot be too deep; any other is checked (before anything else reports on it).
    vorm = schema_vorm(xsd_dir or "", bekend.code if bekend else "")
    if schema_fouten != [] or vorm.diepte > MAX_DEPTH:
        controleer_diepte(root, file=file)
    berichttype = bepaal_type(root, file=file)
    # In a message valid against its schema only the names that schema declares occur:
    # lxml then filters on those of the checked names (the filter costs per name).
    tags = _tags(vorm.namen) if schema_fouten == [] and vorm.namen is not None else _TAGS
    eigen = eigen_controles(root, berichttype, ref=ref, file=file, tags=tags)
    fouten: list[Afkeuring] = []
    if schema_fouten:
        # Where a built-in check already explains an element (in Dutch, with its value),
        # the schema's message about the same element and line adds nothing.
        uitgelegd = {(a.element, a.line) for a in eigen}
        fouten = [a for a in schema_fouten if (a.element, a.line) not in uitgelegd]
    fouten.extend(eigen)
    if fouten:
        raise BerichtFout(fouten)
    return Gevalideerd(root, lees_header(root, berichttype, file=file))


XS = "{http://www.w3.org/2001/XMLSchema}"
ONBEGRENSD = 1_000_000  # recursion or xs:any: no depth follows from the schema


class SchemaVorm(NamedTuple):
    """What the schema of a message type says about every message valid against it."""

    diepte: int  # the deepest nesting of elements; ONBEGRENSD when none follows
    namen: frozenset[str] | None  # the local names of all its elements; None: not known


def schema_diepte(xsd_dir: str, code: str) -> int:
    return schema_vorm(xsd_dir, code).diepte


@lru_cache(maxsize=32)
def schema_vorm(xsd_dir: str, code: str) -> SchemaVorm:
    """The deepest nesting of elements that the schema of a message type admits, and the
    names of the elements it declares, from its element declarations and named types
    (and those of the schemas it imports). For a recursive type, a wildcard or a
    reference this does not follow the depth is ONBEGRENSD, and for the last two the
    names are not known either. The iJw 3.2 schemas admit 4-8 levels
    (tests/berichten/test_validatie.py)."""
    if not xsd_dir or not code:
        return SchemaVorm(ONBEGRENSD, None)
    types: dict[tuple[str, str], etree._Element] = {}
    globals_: dict[tuple[str, str], etree._Element] = {}
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    todo, seen = [Path(xsd_dir) / f"{code}.xsd"], set()
    while todo:
        path = todo.pop()
        if path in seen or not path.is_file():
            continue
        seen.add(path)
        schema = etree.parse(str(path), parser=parser).getroot()
        tns = schema.get("targetNamespace") or ""
        for child in schema:
            if child.tag in (f"{XS}complexType", f"{XS}simpleType") and child.get("name"):
                types[(tns, child.get("name") or "")] = child
            elif child.tag == f"{XS}element" and child.get("name"):
                globals_[(tns, child.get("name") or "")] = child
            elif child.tag in (f"{XS}import", f"{XS}include") and child.get("schemaLocation"):
                todo.append(path.parent / (child.get("schemaLocation") or ""))
    namen: set[str] = set()
    open_ = False  # a wildcard or an unknown reference: other names may occur

    def qname(el: etree._Element, value: str) -> tuple[str, str]:
        prefix, _, name = value.rpartition(":")
        return (el.nsmap.get(prefix or None) or "", name)

    def van_type(node: etree._Element, stack: frozenset[int]) -> int:
        """Levels below an element whose type (content) is node."""
        nonlocal open_
        if id(node) in stack:  # recursion: its names are collected where it began
            return ONBEGRENSD
        stack = stack | {id(node)}
        deepest = 0
        for el in node.iter(f"{XS}element", f"{XS}any", f"{XS}extension", f"{XS}group"):
            if el is node:
                continue
            if el.tag in (f"{XS}any", f"{XS}group"):
                open_ = True
                return ONBEGRENSD
            if el.tag == f"{XS}extension":
                base = types.get(qname(el, el.get("base") or ""))
                if base is not None:
                    deepest = max(deepest, van_type(base, stack))
                continue
            if el.get("ref"):
                target = globals_.get(qname(el, el.get("ref") or ""))
                if target is None:
                    open_ = True
                    return ONBEGRENSD
                deepest = max(deepest, element(target, stack))
            elif _binnen(el, node):
                deepest = max(deepest, element(el, stack))
        return deepest

    def element(decl: etree._Element, stack: frozenset[int]) -> int:
        namen.add(decl.get("name") or "")
        typ = decl.get("type")
        if typ:
            named = types.get(qname(decl, typ))
            if named is None:  # a built-in type (xs:string): a leaf
                return 1
            return min(ONBEGRENSD, 1 + van_type(named, stack))
        return min(ONBEGRENSD, 1 + van_type(decl, stack))

    berichttype = BERICHTTYPEN.get(code)
    root = globals_.get((berichttype.namespace, "Bericht")) if berichttype else None
    if root is None:
        return SchemaVorm(ONBEGRENSD, None)
    diepte = element(root, frozenset())
    return SchemaVorm(diepte, None if open_ else frozenset(namen))


def _binnen(el: etree._Element, node: etree._Element) -> bool:
    """Is el a declaration directly in node's content, not one nested in another element
    declaration inside node (that one is counted through its own element)?"""
    parent = el.getparent()
    while parent is not None and parent is not node:
        if parent.tag == f"{XS}element":
            return False
        parent = parent.getparent()
    return True
