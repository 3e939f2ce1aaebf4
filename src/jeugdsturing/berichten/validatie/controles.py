# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The checks a schema cannot express, one pass over the message (dates, periods,
codes against the code lists, amounts, parties), and the strict schema that lets a
valid message skip most of them."""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import lru_cache

from lxml import etree

from jeugdsturing.berichten.fouten import Afkeuring, BerichtFout
from jeugdsturing.berichten.schema import Eis, schema_vorm, strikt_schema
from jeugdsturing.berichten.typen import BY_NAMESPACE, Berichttype
from jeugdsturing.berichten.validatie.kop import (
    BEDRAGEN,
    CODELIJST_VAN,
    PERIODES,
    Gevalideerd,
    Referentie,
    _date,
    bepaal_type,
    lees_header,
    xsd_controle,
)
from jeugdsturing.berichten.xml import (
    MAX_DEPTH,
    controleer_diepte,
    line,
    local,
    parent_name,
    parse,
    path_of,
)

# Each end date -> the begin dates beside it it may not lie before, as lxml tag filters.
_BEGINNEN = {end: tuple(f"{{*}}{b}" for b, e in PERIODES if e == end) for _, end in PERIODES}


_EINDEN = tuple(f"{{*}}{end}" for end in _BEGINNEN)


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
    """Einddatum must not lie before the begin date next to it (the first sibling with
    one of its begin names)."""
    parent = end.getparent()
    begin = next(parent.iterchildren(*_BEGINNEN[end_name]), None) if parent is not None else None
    if begin is None:
        return
    b, e = _date((begin.text or "").strip()), _date(end_value)
    if b is not None and e is not None and e < b:
        af(end, end_value, f"{end_name} ligt voor {local(begin.tag)} ({b.isoformat()})")


def valideer(data: bytes, *, file: str, ref: Referentie, xsd_dir: str | None = None) -> Gevalideerd:
    """All three layers; raises BerichtFout with every problem found.

    A message of a known type is first validated against the strict schema (the
    official one with the built-in checks a schema can express, schema.strikt_schema);
    valid against it, only the checks a schema cannot express remain (:func:`_snel`).
    Anything else takes every layer in turn, which also says what is wrong."""
    root = parse(data, file=file, diepte=False)
    qname = etree.QName(root)
    bekend = BY_NAMESPACE.get(qname.namespace or "")
    schema_fouten: list[Afkeuring] | None = None
    if xsd_dir and bekend is not None and qname.localname == "Bericht":
        snel = _snel(root, bekend, ref=ref, xsd_dir=xsd_dir, file=file)
        if snel is not None:
            return snel
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


def _snel(
    root: etree._Element, berichttype: Berichttype, *, ref: Referentie, xsd_dir: str, file: str
) -> Gevalideerd | None:
    """The message, valid against the strict schema and passing the checks a schema
    cannot express (a known gemeente in the Header, every Einddatum not before the
    begin date beside it); None for anything else, which then takes every layer in
    turn and is told what is wrong. This only ever accepts what the layers accept:
    valid against the strict schema means valid against the official one, with real
    dates as JJJJ-MM-DD, amounts in digits, codes from the code lists and the right
    BerichtCode (tests/berichten/test_strikt.py)."""
    if schema_vorm(xsd_dir, berichttype.code).diepte > MAX_DEPTH:
        return None
    schema = _strikt(ref, berichttype, xsd_dir)
    if schema is None or not schema.validate(root):
        return None
    try:
        header = lees_header(root, berichttype, file=file)
    except BerichtFout:
        return None
    gemeente, agb = header.gemeente, header.aanbieder
    if not (
        len(gemeente) == 4
        and gemeente.isdigit()
        and gemeente in ref.gemeenten
        and len(agb) == 8
        and agb.isdigit()
    ):
        return None
    te_vroeg: list[object] = []
    for einde in root.iter(*_EINDEN):
        _periode(einde, local(einde.tag), (einde.text or "").strip(), lambda *a: te_vroeg.append(a))
        if te_vroeg:
            return None
    return Gevalideerd(root, header)


# (message type, schema directory) -> (the Referentie last asked for, its strict schema):
# looked up for every message, so by the identity of the reference data; another
# Referentie (a new import in a long-running process) replaces the entry, and
# schema.strikt_schema builds a schema once for the same demands.
# One table per thread, like the schemas in it (xml.per_draad).
_STRIKT_PER_DRAAD = threading.local()


def _strikt(ref: Referentie, berichttype: Berichttype, xsd_dir: str) -> etree.XMLSchema | None:
    tabel: dict[tuple[str, str], tuple[Referentie, etree.XMLSchema | None]]
    tabel = getattr(_STRIKT_PER_DRAAD, "tabel", None) or {}
    _STRIKT_PER_DRAAD.tabel = tabel
    key = (berichttype.code, xsd_dir)
    bekend = tabel.get(key)
    if bekend is None or bekend[0] is not ref:
        bekend = tabel[key] = (
            ref,
            strikt_schema(xsd_dir, berichttype.code, _eisen(ref, berichttype)),
        )
    return bekend[1]


def _eisen(ref: Referentie, berichttype: Berichttype) -> dict[str, Eis]:
    """What the built-in checks demand of the text of each checked element name, for
    the strict schema. Categorie and Type are demanded wherever they occur, where the
    checks look only inside Product and Verwijzer: stricter, so a message that has such
    an element elsewhere with another code would only take the slower path."""
    eisen: dict[str, Eis] = {}
    for naam, soort in _SOORTEN.items():
        if soort <= _EINDE:
            eisen[naam] = Eis("datum")
        elif soort in (_CODE, _CATEGORIE, _VERWIJZER):
            lijst = "COD327" if soort == _VERWIJZER else CODELIJST_VAN[naam]
            eisen[naam] = Eis("codes", frozenset(ref.codes.get(lijst, _GEEN)))
        elif soort == _BEDRAG:
            eisen[naam] = Eis("bedrag")
        elif soort == _BERICHTCODE:
            eisen[naam] = Eis("vast", frozenset({berichttype.berichtcode}))
        else:
            eisen[naam] = Eis("vrij")
    return eisen
