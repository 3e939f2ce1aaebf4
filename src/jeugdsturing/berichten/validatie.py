"""Validation in layers, before anything is stored:

1. well-formed XML of a known message type and namespace (:func:`bepaal_type`);
2. the official XSD, when a schema directory is configured (:func:`xsd_controle`);
3. built-in checks that always apply (:func:`eigen_controles`): BerichtCode matches the
   type, real dates, codes in the code lists, known gemeente, 8-digit AGB code,
   Einddatum not before Ingangsdatum/Begindatum, amounts as whole eurocent.

Every function here is pure: the reference data comes in as :class:`Referentie`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import cast

from lxml import etree

from jeugdsturing.berichten.fouten import Afkeuring, BerichtFout
from jeugdsturing.berichten.typen import BY_NAMESPACE, NS_BASIS, Berichttype
from jeugdsturing.berichten.xml import line, local, parent_name, parse, path_of


@dataclass(frozen=True)
class Referentie:
    """What the built-in checks need to know: gemeentecodes and code lists."""

    gemeenten: frozenset[str]
    codes: Mapping[str, frozenset[str]]  # code list id (JZ020) -> valid codes


@dataclass(frozen=True)
class Header:
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


def _date(value: str) -> date | None:
    if not _DATE.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def lees_header(root: etree._Element, berichttype: Berichttype, *, file: str) -> Header:
    ns = {"b": berichttype.namespace, "ijw": NS_BASIS}

    def veld(xpath: str) -> str:
        found = root.find(xpath, namespaces=ns)
        if found is None:
            name = xpath.replace("b:", "").replace("ijw:", "")
            raise BerichtFout(
                [Afkeuring(file, berichttype.code, name, None, None, "verplicht element ontbreekt")]
            )
        return _text(found)

    def datum(xpath: str) -> date:
        text = veld(xpath)
        value = _date(text)
        if value is None:
            name = xpath.replace("b:", "").replace("ijw:", "")
            raise BerichtFout(
                [Afkeuring(file, berichttype.code, name, text, None, "geen geldige datum")]
            )
        return value

    afzender, ontvanger = veld("b:Header/b:Afzender"), veld("b:Header/b:Ontvanger")
    gemeente, aanbieder = (
        (afzender, ontvanger) if berichttype.header_gemeente_is_afzender else (ontvanger, afzender)
    )
    original_id = veld("b:Header/b:BerichtIdentificatie/ijw:Identificatie")
    if berichttype.retour_van:
        return Header(
            berichttype=berichttype,
            afzender=ontvanger,
            ontvanger=afzender,
            gemeente=gemeente,
            aanbieder=aanbieder,
            identificatie=veld("b:Header/b:IdentificatieRetour"),
            dagtekening=datum("b:Header/b:DagtekeningRetour"),
            referentie=original_id,
        )
    referentie = None
    if berichttype.antwoord_op:
        referentie = veld("b:Header/b:DeclaratieIdentificatie/ijw:Identificatie")
    return Header(
        berichttype=berichttype,
        afzender=afzender,
        ontvanger=ontvanger,
        gemeente=gemeente,
        aanbieder=aanbieder,
        identificatie=original_id,
        dagtekening=datum("b:Header/b:BerichtIdentificatie/ijw:Dagtekening"),
        referentie=referentie,
    )


def eigen_controles(
    root: etree._Element, berichttype: Berichttype, *, ref: Referentie, file: str
) -> list[Afkeuring]:
    fouten: list[Afkeuring] = []

    def af(element: etree._Element, value: str | None, reason: str) -> None:
        fouten.append(
            Afkeuring(file, berichttype.code, path_of(element), value, line(element), reason)
        )

    for element in root.iter():
        name = local(element.tag)
        if len(element):  # only leaves carry values
            continue
        value = _text(element)
        if name == "BerichtCode" and value != berichttype.berichtcode:
            af(
                element,
                value,
                f"BerichtCode hoort {berichttype.berichtcode} te zijn voor {berichttype.code}",
            )
        elif name in {"Afzender", "Ontvanger"} and parent_name(element) == "Header":
            van_gemeente = (name == "Afzender") == berichttype.header_gemeente_is_afzender
            if van_gemeente:
                if not re.fullmatch(r"\d{4}", value):
                    af(element, value, "een gemeentecode bestaat uit 4 cijfers")
                elif value not in ref.gemeenten:
                    af(element, value, "onbekende gemeentecode (CBS-indeling 2026)")
            elif not re.fullmatch(r"\d{8}", value):
                af(element, value, "een AGB-code bestaat uit 8 cijfers")
        elif name.endswith(("datum", "Datum")) or name == "Dagtekening":
            if _date(value) is None:
                af(element, value, "geen geldige datum (JJJJ-MM-DD)")
        elif name in CODELIJST_VAN and (name != "Categorie" or parent_name(element) == "Product"):
            lijst = CODELIJST_VAN[name]
            if value not in ref.codes.get(lijst, frozenset()):
                af(element, value, f"code komt niet voor in codelijst {lijst}")
        elif name == "Type" and parent_name(element) == "Verwijzer":
            if value not in ref.codes.get("COD327", frozenset()):
                af(element, value, "code komt niet voor in codelijst COD327")
        elif name in BEDRAGEN and not re.fullmatch(r"\d+", value):
            af(element, value, "een bedrag is een geheel aantal eurocent zonder teken of punt")

    for parent in root.iter():
        children = {local(c.tag): c for c in parent if isinstance(c.tag, str)}
        for begin_name, end_name in PERIODES:
            begin, end = children.get(begin_name), children.get(end_name)
            if begin is None or end is None:
                continue
            b, e = _date(_text(begin)), _date(_text(end))
            if b is not None and e is not None and e < b:
                af(end, _text(end), f"{end_name} ligt voor {begin_name} ({_text(begin)})")
    return fouten


def valideer(data: bytes, *, file: str, ref: Referentie, xsd_dir: str | None = None) -> Gevalideerd:
    """All three layers; raises BerichtFout with every problem found."""
    root = parse(data, file=file)
    berichttype = bepaal_type(root, file=file)
    eigen = eigen_controles(root, berichttype, ref=ref, file=file)
    fouten: list[Afkeuring] = []
    if xsd_dir:
        # Where a built-in check already explains an element (in Dutch, with its value),
        # the schema's message about the same element and line adds nothing.
        uitgelegd = {(a.element, a.line) for a in eigen}
        fouten = [
            a
            for a in xsd_controle(root, berichttype, xsd_dir=xsd_dir, file=file)
            if (a.element, a.line) not in uitgelegd
        ]
    fouten.extend(eigen)
    if fouten:
        raise BerichtFout(fouten)
    return Gevalideerd(root, lees_header(root, berichttype, file=file))
