# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Before a message is read: its type from the namespace, the XSD check, and the
Header (who sends what to whom, and when), read once."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, cast

from lxml import etree

from jeugdsturing.berichten.feiten import als_tuple, datum
from jeugdsturing.berichten.fouten import Afkeuring, BerichtFout
from jeugdsturing.berichten.typen import BY_NAMESPACE, Berichttype
from jeugdsturing.berichten.xml import (
    line,
    local,
    per_draad,
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


@per_draad(maxsize=32)
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
