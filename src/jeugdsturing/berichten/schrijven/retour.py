# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The retour message of each message type, with the error codes on each level."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from datetime import date

from lxml import etree

from jeugdsturing.berichten.schrijven.basis import RETOUR_NIVEAUS, _Doc
from jeugdsturing.berichten.typen import BERICHTTYPEN, NS_BASIS


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
