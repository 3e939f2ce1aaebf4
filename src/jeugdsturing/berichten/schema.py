# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""What the official XSD of a message type says about every message valid against it.

- :func:`schema_vorm`: how deep a valid message can be and which element names it can
  hold (the depth check and the name filter of the built-in checks need no more).
- :func:`strikt_schema`: the official schema with the built-in checks that a schema can
  express added as facets of its own: dates as JJJJ-MM-DD, amounts as plain digits, the
  codes of the code lists. A message valid against it is valid against the official
  schema and passes those checks; validating against it costs what validating against
  the official one costs, where the checks themselves cost as much again in Python
  (docs/performance.md). The checks a schema cannot express (a known gemeente, an
  Einddatum not before its Ingangsdatum) stay in validatie.valideer.

Both read the XSDs with lxml and follow element declarations, references, named types
and extensions from the message's root element Bericht through the schemas it imports.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from lxml import etree

from jeugdsturing.berichten.typen import BERICHTTYPEN
from jeugdsturing.berichten.xml import per_draad

XS_NS = "http://www.w3.org/2001/XMLSchema"
XS = f"{{{XS_NS}}}"
ONBEGRENSD = 1_000_000  # recursion or xs:any: no depth follows from the schema

QName = tuple[str, str]  # (namespace, local name)


class SchemaVorm(NamedTuple):
    """What the schema of a message type says about every message valid against it."""

    diepte: int  # the deepest nesting of elements; ONBEGRENSD when none follows
    namen: frozenset[str] | None  # the local names of all its elements; None: not known


@dataclass
class _Schemaset:
    """The schema documents of one message type, as parsed trees, with their named
    types and global elements, and every element declaration reachable from Bericht."""

    documenten: dict[Path, etree._ElementTree] = field(default_factory=dict)
    types: dict[QName, etree._Element] = field(default_factory=dict)
    globals_: dict[QName, etree._Element] = field(default_factory=dict)
    diepte: int = ONBEGRENSD
    open_: bool = True  # a wildcard or an unknown reference: other names may occur
    declaraties: dict[int, etree._Element] = field(default_factory=dict)  # id -> xs:element


def _qname(el: etree._Element, value: str) -> QName:
    prefix, _, name = value.rpartition(":")
    return (el.nsmap.get(prefix or None) or "", name)


def _laad(xsd_dir: str, code: str) -> _Schemaset | None:
    """Parse the message's schema and the schemas it imports, then walk the element
    declarations from Bericht. None when there is no schema for this message type."""
    if not xsd_dir or not code:
        return None
    s = _Schemaset()
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    todo = [(Path(xsd_dir) / f"{code}.xsd").resolve()]
    while todo:
        path = todo.pop()
        if path in s.documenten or not path.is_file():
            continue
        doc = s.documenten[path] = etree.parse(str(path), parser=parser)
        schema = doc.getroot()
        tns = schema.get("targetNamespace") or ""
        for child in schema:
            if child.tag in (f"{XS}complexType", f"{XS}simpleType") and child.get("name"):
                s.types[(tns, child.get("name") or "")] = child
            elif child.tag == f"{XS}element" and child.get("name"):
                s.globals_[(tns, child.get("name") or "")] = child
            elif child.tag in (f"{XS}import", f"{XS}include") and child.get("schemaLocation"):
                todo.append((path.parent / (child.get("schemaLocation") or "")).resolve())
    berichttype = BERICHTTYPEN.get(code)
    root = s.globals_.get((berichttype.namespace, "Bericht")) if berichttype else None
    if root is None:
        return None
    s.open_ = False

    def van_type(node: etree._Element, stack: frozenset[int]) -> int:
        """Levels below an element whose type (content) is node."""
        if id(node) in stack:  # recursion: its names are collected where it began
            return ONBEGRENSD
        stack = stack | {id(node)}
        deepest = 0
        for el in node.iter(f"{XS}element", f"{XS}any", f"{XS}extension", f"{XS}group"):
            if el is node:
                continue
            if el.tag in (f"{XS}any", f"{XS}group"):
                s.open_ = True
                return ONBEGRENSD
            if el.tag == f"{XS}extension":
                base = s.types.get(_qname(el, el.get("base") or ""))
                if base is not None:
                    deepest = max(deepest, van_type(base, stack))
                continue
            if el.get("ref"):
                target = s.globals_.get(_qname(el, el.get("ref") or ""))
                if target is None:
                    s.open_ = True
                    return ONBEGRENSD
                deepest = max(deepest, element(target, stack))
            elif _binnen(el, node):
                deepest = max(deepest, element(el, stack))
        return deepest

    def element(decl: etree._Element, stack: frozenset[int]) -> int:
        s.declaraties[id(decl)] = decl
        typ = decl.get("type")
        if typ:
            named = s.types.get(_qname(decl, typ))
            if named is None:  # a built-in type (xs:string): a leaf
                return 1
            return min(ONBEGRENSD, 1 + van_type(named, stack))
        return min(ONBEGRENSD, 1 + van_type(decl, stack))

    s.diepte = element(root, frozenset())
    return s


def _binnen(el: etree._Element, node: etree._Element) -> bool:
    """Is el a declaration directly in node's content, not one nested in another element
    declaration inside node (that one is counted through its own element)?"""
    parent = el.getparent()
    while parent is not None and parent is not node:
        if parent.tag == f"{XS}element":
            return False
        parent = parent.getparent()
    return True


@lru_cache(maxsize=32)
def schema_vorm(xsd_dir: str, code: str) -> SchemaVorm:
    """The deepest nesting of elements that the schema of a message type admits, and the
    names of the elements it declares, from its element declarations and named types
    (and those of the schemas it imports). For a recursive type, a wildcard or a
    reference this does not follow the depth is ONBEGRENSD, and for the last two the
    names are not known either. The iJw 3.2 schemas admit 4-8 levels
    (tests/berichten/test_validatie.py)."""
    s = _laad(xsd_dir, code)
    if s is None:
        return SchemaVorm(ONBEGRENSD, None)
    namen = frozenset(d.get("name") or "" for d in s.declaraties.values())
    return SchemaVorm(s.diepte, None if s.open_ else namen)


def schema_diepte(xsd_dir: str, code: str) -> int:
    return schema_vorm(xsd_dir, code).diepte


# --- the strict schema ---------------------------------------------------------------------


class Eis(NamedTuple):
    """What a built-in check demands of the text of every element with a certain name.

    soort: 'datum' (a real date written JJJJ-MM-DD), 'bedrag' (whole eurocent: digits
    only), 'codes' (one of `codes`), 'vast' (exactly `codes`' one value), 'vrij' (checked
    elsewhere, nothing to add to the schema)."""

    soort: str
    codes: frozenset[str] = frozenset()


DATUM_PATROON = "[0-9]{4}-[0-9]{2}-[0-9]{2}"
BEDRAG_PATROON = "[0-9]+"
_LETTERLIJK = re.compile(r"[0-9A-Za-z]+")  # a pattern that matches only itself


class _Plan:
    """The facets to add to one named simple type, in a type derived from it."""

    def __init__(self) -> None:
        self.patronen: set[str] = set()
        self.codes: frozenset[str] | None = None

    def beperk(self, codes: frozenset[str]) -> None:
        self.codes = codes if self.codes is None else self.codes & codes


def strikt_schema(xsd_dir: str, code: str, eisen: Mapping[str, Eis]) -> etree.XMLSchema | None:
    """The official schema of this message type with the demands of `eisen` (element
    name -> Eis) added, or None when a demand cannot be expressed for some element with
    that name (the caller then checks every message itself). See :func:`_strikt`."""
    return _strikt(xsd_dir, code, tuple(sorted(eisen.items())))


@per_draad(maxsize=64)
def _strikt(xsd_dir: str, code: str, eisen: tuple[tuple[str, Eis], ...]) -> etree.XMLSchema | None:
    """For every element declaration reachable from Bericht whose name has a demand:

    - 'datum': its type must be a named simple type restricting xs:date; it gets a type
      derived from that one with the pattern JJJJ-MM-DD (xs:date also admits years
      before 1 and after 9999, which the built-in check refuses; libxml2 checks that the
      day exists in the month);
    - 'bedrag': a named simple type restricting xs:integer, which gets the pattern
      [0-9]+ (xs:integer also admits a sign: +5, -0);
    - 'codes': a named simple type restricting xs:string with an enumeration, which gets
      the enumeration of the values in both;
    - 'vast': an anonymous restriction whose one pattern is exactly that value (the
      BerichtCode of each message: <xs:pattern value="436"/>);
    - or a complex type with a required child element: the built-in checks look only at
      elements without children.

    Each derived type is a restriction of the original, so a message valid against the
    result is valid against the official schema. Built on first use per message type and
    process; None when an element's type is none of these."""
    s = _laad(xsd_dir, code)
    if s is None or s.open_:
        return None
    per_naam = dict(eisen)
    plannen: dict[QName, _Plan] = {}
    herschrijven: list[tuple[etree._Element, QName]] = []
    for decl in s.declaraties.values():
        eis = per_naam.get(decl.get("name") or "")
        if eis is None or eis.soort == "vrij":
            continue
        if eis.soort == "vast":
            if not _vast(decl, eis.codes):
                return None
            continue
        typ = decl.get("type")
        named = s.types.get(_qname(decl, typ)) if typ else None
        if named is None:
            return None
        if named.tag == f"{XS}complexType":
            if not _verplicht_kind(named):
                return None
            continue
        restriction = named.find(f"{XS}restriction")
        if restriction is None:
            return None
        base = _qname(restriction, restriction.get("base") or "")
        plan = plannen.setdefault(_qname(decl, typ or ""), _Plan())
        if eis.soort == "datum" and base == (XS_NS, "date"):
            plan.patronen.add(DATUM_PATROON)
        elif eis.soort == "bedrag" and base == (XS_NS, "integer"):
            plan.patronen.add(BEDRAG_PATROON)
        elif eis.soort == "codes" and base == (XS_NS, "string"):
            eigen = {e.get("value") for e in restriction.iterchildren(f"{XS}enumeration")}
            if not eigen:
                return None
            plan.beperk(frozenset(v for v in eigen if v is not None) & eis.codes)
        else:
            return None
        herschrijven.append((decl, _qname(decl, typ or "")))
    if any(p.codes is not None and not p.codes for p in plannen.values()):
        return None  # no value of the type is in the code list: nothing valid remains
    namen = _voeg_types_toe(s, plannen)
    if namen is None:
        return None
    for decl, origineel in herschrijven:
        prefix = (decl.get("type") or "").rpartition(":")[0]
        decl.set("type", f"{prefix}:{namen[origineel]}" if prefix else namen[origineel])
    return _compileer(s, code, xsd_dir)


def _vast(decl: etree._Element, waarde: frozenset[str]) -> bool:
    """Is decl's anonymous type a restriction to exactly this one value?"""
    (verwacht,) = waarde
    restriction = decl.find(f"{XS}simpleType/{XS}restriction")
    if decl.get("type") or restriction is None:
        return False
    patronen = [p.get("value") or "" for p in restriction.iterchildren(f"{XS}pattern")]
    return patronen == [verwacht] and _LETTERLIJK.fullmatch(verwacht) is not None


def _verplicht_kind(complex_type: etree._Element) -> bool:
    """Does every valid element of this complex type have a child element? (Its own
    xs:sequence holds an element without minOccurs="0".)"""
    sequence = complex_type.find(f"{XS}sequence")
    if sequence is None or sequence.get("minOccurs") == "0":
        return False
    return any(el.get("minOccurs", "1") != "0" for el in sequence.iterchildren(f"{XS}element"))


def _voeg_types_toe(s: _Schemaset, plannen: dict[QName, _Plan]) -> dict[QName, str] | None:
    """Add to the schema document of each planned type a type derived from it with the
    plan's facets; returns the new names."""
    namen: dict[QName, str] = {}
    for (tns, naam), plan in sorted(plannen.items()):
        origineel = s.types[(tns, naam)]
        schema = origineel.getroottree().getroot()
        prefix = next((p for p, uri in schema.nsmap.items() if uri == tns and p), None)
        nieuw = f"Strikt_{naam}"
        if prefix is None or (tns, nieuw) in s.types:
            return None
        simple = etree.SubElement(schema, f"{XS}simpleType", name=nieuw)
        restriction = etree.SubElement(simple, f"{XS}restriction", base=f"{prefix}:{naam}")
        # Facets of different kinds in one restriction all apply; the plans never hold
        # more than one pattern (a date and an amount have different base types), and
        # more would be alternatives of each other.
        if len(plan.patronen) > 1:
            return None
        for waarde in sorted(plan.codes or ()):
            etree.SubElement(restriction, f"{XS}enumeration", value=waarde)
        for patroon in plan.patronen:
            etree.SubElement(restriction, f"{XS}pattern", value=patroon)
        namen[(tns, naam)] = nieuw
    return namen


class _Bron(etree.Resolver):
    """Serves the changed schema documents in place of the files they came from."""

    def __init__(self, documenten: dict[str, bytes]) -> None:
        super().__init__()
        self.documenten = documenten

    def resolve(self, url: str, pubid: str | None, context: object) -> object:  # type: ignore[override]
        data = self.documenten.get(str(Path(url).resolve())) if url else None
        return self.resolve_string(data, context, base_url=url) if data is not None else None


def _compileer(s: _Schemaset, code: str, xsd_dir: str) -> etree.XMLSchema:
    documenten = {str(path): etree.tostring(doc) for path, doc in s.documenten.items()}
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    parser.resolvers.add(_Bron(documenten))
    hoofd = str((Path(xsd_dir) / f"{code}.xsd").resolve())
    root = etree.fromstring(documenten[hoofd], parser=parser, base_url=hoofd)
    return etree.XMLSchema(etree.ElementTree(root))
