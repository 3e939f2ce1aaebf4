# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The strict schema: the official XSD with the built-in checks a schema can express.

A message valid against it skips the built-in checks that the schema already made
(validatie._snel). That is only allowed because it accepts exactly what the layers
accept one by one: these tests put every message type, with edge values in every
checked element, through both ways and demand the same outcome, and the same findings
where it is refused."""

from __future__ import annotations

import zipfile
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree

from jeugdsturing.berichten import validatie
from jeugdsturing.berichten.fouten import BerichtFout
from jeugdsturing.berichten.schema import Eis, strikt_schema
from jeugdsturing.berichten.simulator import simuleer_regio
from jeugdsturing.berichten.typen import BERICHTTYPEN
from jeugdsturing.berichten.validatie import CODELIJST_VAN, Referentie, valideer
from tests.berichten.test_validatie import EXAMPLES, XSD

pytestmark = pytest.mark.django_db

DATUMS = [
    "-2026-01-01", "12026-01-01", " 2026-01-01\n", "2026-02-30", "2026-02-29", "2028-02-29",
    "0000-01-01", "0001-01-01", "9999-12-31", "2026-1-01", "2026-01-01Z", "2026-01-01+01:00",
    "1900-01-01", "2099-12-31", "",
]  # fmt: skip
BEDRAGEN = ["+5", "-0", "007", " 12 ", "0", "-5", "99999999", "100000000", "1.5", ""]
PARTIJEN = ["9999", "0363", "0001", "12345678", "1234567", "363"]


@pytest.fixture(scope="module")
def berichten(
    tmp_path_factory: pytest.TempPathFactory, django_db_setup, django_db_blocker
) -> list[tuple[str, bytes]]:  # type: ignore[no-untyped-def]
    """The official examples and, of every type the simulator writes, the two smallest
    messages among those with the most different element names."""
    out = tmp_path_factory.mktemp("sim")
    with django_db_blocker.unblock():
        simuleer_regio(
            regio_code="JZ13", van="2026-01-01", tot="2027-06-30", seed=3, scale=0.02, out=out
        )
    per_type: dict[str, list[bytes]] = defaultdict(list)
    for path in sorted(out.glob("*.zip")):
        with zipfile.ZipFile(path) as z:
            for naam in sorted(z.namelist()):
                per_type[naam.rsplit("_", 1)[-1][:5]].append(z.read(naam))
    gekozen = [(p.stem, p.read_bytes()) for p in sorted(EXAMPLES.glob("JW*.xml"))]
    for code, lijst in sorted(per_type.items()):
        lijst.sort(key=lambda d: (-len(_namen(d)), len(d), d))
        gekozen += [(code, d) for d in lijst[:2]]
    assert {code for code, _ in gekozen} == set(BERICHTTYPEN)
    return gekozen


def _namen(data: bytes) -> set[str]:
    return {etree.QName(e).localname for e in etree.fromstring(data).iter()}


def uitkomst(data: bytes, referentie: Referentie) -> tuple[str, object]:
    try:
        return "geaccepteerd", valideer(data, file="b.xml", ref=referentie, xsd_dir=XSD).header
    except BerichtFout as fout:
        return "afgekeurd", fout.afkeuringen


def beide(data: bytes, referentie: Referentie, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same outcome with the strict schema as through every layer in turn."""
    snel = uitkomst(data, referentie)
    with monkeypatch.context() as m:
        m.setattr(validatie, "_snel", lambda *a, **k: None)
        langzaam = uitkomst(data, referentie)
    assert snel == langzaam, data.decode()


def varianten(data: bytes) -> Iterator[tuple[str, str, bytes]]:
    """(element, value, message) with one checked leaf element's text replaced."""
    root = etree.fromstring(data)
    for i, el in enumerate(root.iter()):
        naam = etree.QName(el).localname
        soort = validatie._SOORTEN.get(naam)
        if soort is None or len(el):
            continue
        if soort <= validatie._EINDE:
            waarden = DATUMS
        elif soort == validatie._BEDRAG:
            waarden = BEDRAGEN
        elif soort == validatie._PARTIJ:
            waarden = PARTIJEN
        else:  # codes, Categorie, BerichtCode, Verwijzer Type
            waarden = ["XX", "", f" {el.text} ", "0000", "99"]
        for waarde in waarden:
            kopie = etree.fromstring(data)
            doel = next(e for j, e in enumerate(kopie.iter()) if j == i)
            doel.text = waarde
            yield naam, waarde, etree.tostring(kopie, xml_declaration=True, encoding="UTF-8")


def test_a_strict_schema_for_every_message_type(ref):
    for code, berichttype in BERICHTTYPEN.items():
        schema = strikt_schema(XSD, code, validatie._eisen(ref, berichttype))
        assert schema is not None, code


def test_the_strict_schema_is_the_official_one_with_the_checks_added(ref):
    """Valid against the official schema but refused by a built-in check: the strict
    schema refuses it too; the official examples pass both."""
    berichttype = BERICHTTYPEN["JW305"]
    strikt = strikt_schema(XSD, "JW305", validatie._eisen(ref, berichttype))
    officieel = etree.XMLSchema(etree.parse(f"{XSD}/JW305.xsd"))
    assert strikt is not None
    goed = (EXAMPLES / "JW305.xml").read_bytes()
    assert strikt.validate(etree.fromstring(goed))
    assert officieel.validate(etree.fromstring(goed))
    for oud, nieuw in (
        (b"<jw305:Begindatum>2026-04-03", b"<jw305:Begindatum>12026-04-03"),
        (b"<jw305:Begindatum>2026-04-03", b"<jw305:Begindatum>-2026-04-03"),
    ):
        fout = etree.fromstring(goed.replace(oud, nieuw, 1))
        assert officieel.validate(fout)
        assert not strikt.validate(fout)


def test_no_strict_schema_where_a_demand_cannot_be_expressed(tmp_path: Path, ref):
    """A checked name with a type the strict schema does not know how to narrow (here a
    date declared as xs:string): no strict schema, so every message takes every layer."""
    ns = BERICHTTYPEN["JW305"].namespace
    (tmp_path / "JW305.xsd").write_text(
        f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="{ns}" '
        f'targetNamespace="{ns}"><xs:element name="Bericht"><xs:complexType><xs:sequence>'
        '<xs:element name="Begindatum" type="xs:string"/></xs:sequence></xs:complexType>'
        "</xs:element></xs:schema>"
    )
    assert strikt_schema(str(tmp_path), "JW305", {"Begindatum": Eis("datum")}) is None
    assert strikt_schema(str(tmp_path), "JW305", {"Anders": Eis("datum")}) is not None


def test_strict_or_every_layer_the_same_outcome_for_edge_values(berichten, ref, monkeypatch):
    gezien: set[tuple[str, str]] = set()
    for code, data in berichten:
        # The unchanged messages take the strict way.
        snel = validatie._snel(
            etree.fromstring(data), BERICHTTYPEN[code], ref=ref, xsd_dir=XSD, file="b.xml"
        )
        assert snel is not None, code
        beide(data, ref, monkeypatch)
        for naam, waarde, variant in varianten(data):
            beide(variant, ref, monkeypatch)
            gezien.add((naam, waarde))
    for naam in ("Einddatum", "Dagtekening", "Bedrag", "ProductTarief", "Categorie",
                 "ProductCategorie", "RetourCode", "BerichtCode", "Afzender", "Type"):  # fmt: skip
        assert any(n == naam for n, _ in gezien), naam


def test_strict_or_every_layer_the_same_outcome_when_a_code_list_lacks_a_code(
    berichten, ref, monkeypatch
):
    """A code the schema admits but the region's code list does not have: refused both
    ways, with the same finding."""
    for _, data in berichten:
        root = etree.fromstring(data)
        for el in root.iter():
            naam = etree.QName(el).localname
            lijst = "COD327" if naam == "Type" else CODELIJST_VAN.get(naam)
            if lijst is None or len(el) or not el.text:
                continue
            minder = Referentie(
                ref.gemeenten, {**ref.codes, lijst: ref.codes[lijst] - {el.text.strip()}}
            )
            assert uitkomst(data, minder)[0] == "afgekeurd"
            beide(data, minder, monkeypatch)
