# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Strict validation of iJw 3.2 messages against the official examples and XSDs."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import pytest
from lxml import etree

from jeugdsturing.berichten.fouten import Afkeuring, BerichtFout
from jeugdsturing.berichten.schema import ONBEGRENSD, schema_diepte, schema_vorm
from jeugdsturing.berichten.typen import BERICHTTYPEN
from jeugdsturing.berichten.validatie import (
    Referentie,
    _tags,
    eigen_controles,
    valideer,
)
from jeugdsturing.berichten.xml import MAX_DEPTH
from tests.conftest import ROOT, SHARED

DATA = ROOT / "src" / "jeugdsturing" / "regio" / "data"
XSD = str(SHARED / "ijw" / "xsd")
EXAMPLES = SHARED / "ijw" / "examples"


def example(code: str) -> bytes:
    return (EXAMPLES / f"{code}.xml").read_bytes()


def errors(data: bytes, ref: Referentie, xsd: str | None = XSD) -> list[Afkeuring]:
    with pytest.raises(BerichtFout) as info:
        valideer(data, file="bericht.xml", ref=ref, xsd_dir=xsd)
    return info.value.afkeuringen


def test_fourteen_message_types_each_with_its_xsd():
    assert sorted(BERICHTTYPEN) == [
        "JW301", "JW302", "JW305", "JW306", "JW307", "JW308", "JW315", "JW316",
        "JW317", "JW318", "JW319", "JW320", "JW323", "JW325",
    ]  # fmt: skip
    for code, t in BERICHTTYPEN.items():
        xsd = (SHARED / "ijw" / "xsd" / f"{code}.xsd").read_text(encoding="utf-8")
        assert f'targetNamespace="{t.namespace}"' in xsd
        assert f'<xs:pattern value="{t.berichtcode}"/>' in xsd, code


@pytest.mark.parametrize("code", ["JW301", "JW305", "JW307", "JW323"])
def test_official_examples_pass_every_layer(ref, code):
    result = valideer(example(code), file=f"{code}.xml", ref=ref, xsd_dir=XSD)
    assert result.header.berichttype.code == code
    assert result.header.identificatie


def test_header_of_jw301():
    h = valideer(example("JW301"), file="x", ref=ref_for_header(), xsd_dir=XSD).header
    assert (h.afzender, h.ontvanger, h.identificatie, h.dagtekening.isoformat()) == (
        "0384", "42420001", "123456789012", "2026-04-01",
    )  # fmt: skip


def ref_for_header() -> Referentie:
    codes: dict[str, set[str]] = defaultdict(set)
    with (DATA / "codelijsten.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            codes[row["lijst"]].add(row["code"])
    return Referentie(frozenset({"0384"}), {k: frozenset(v) for k, v in codes.items()})


@pytest.mark.parametrize(
    ("code", "old", "new", "element", "fragment"),
    [
        ("JW305", b"<jw305:BerichtCode>438<", b"<jw305:BerichtCode>436<", "Header/BerichtCode", "BerichtCode hoort 438"),
        ("JW305", b"<jw305:Begindatum>2026-04-03<", b"<jw305:Begindatum>2026-02-30<", "Client/StartProducten/StartProduct/Begindatum", "geen geldige datum"),
        ("JW307", b"<jw307:RedenBeeindiging>", b"<jw307:RedenBeeindiging>9", None, "codelijst JZ588"),
        ("JW305", b"<ijw:Categorie>55<", b"<ijw:Categorie>99<", "Client/StartProducten/StartProduct/Product/Categorie", "codelijst JZ020"),
        ("JW305", b"<jw305:StatusAanlevering>1<", b"<jw305:StatusAanlevering>5<", "Client/StartProducten/StartProduct/StatusAanlevering", "codelijst COD467"),
        ("JW323", b"<jw323:Eenheid>04<", b"<jw323:Eenheid>05<", "Declaratie/Clienten/Client/Prestaties/Prestatie/Eenheid", "codelijst WJ756"),
        ("JW323", b"<ijw:Bedrag>5000<", b"<ijw:Bedrag>50.00<", "Declaratie/Clienten/Client/Prestaties/Prestatie/IngediendBedrag/Bedrag", "eurocent"),
        ("JW301", b"<jw301:Afzender>0384<", b"<jw301:Afzender>0001<", "Header/Afzender", "onbekende gemeentecode"),
        ("JW301", b"<jw301:Ontvanger>42420001<", b"<jw301:Ontvanger>4242001<", "Header/Ontvanger", "AGB-code bestaat uit 8 cijfers"),
        ("JW305", b"<jw305:Afzender>", b"<jw305:Afzender>x", "Header/Afzender", "AGB-code"),
    ],
)  # fmt: skip
def test_builtin_checks_name_element_value_and_line(ref, code, old, new, element, fragment):
    data = example(code)
    assert old in data, "voorbeeld veranderd"
    found = errors(data.replace(old, new, 1), ref, xsd=None)
    match = [e for e in found if fragment in e.reason]
    assert match, found
    e = match[0]
    assert e.file == "bericht.xml"
    assert e.message_type == code
    assert e.line is not None
    assert e.line > 1
    if element:
        assert e.element == element


def test_einddatum_before_begindatum(ref):
    data = example("JW323").replace(
        b"<ijw:Einddatum>2026-04-30</ijw:Einddatum>",
        b"<ijw:Einddatum>2026-03-30</ijw:Einddatum>",
        1,
    )
    (e,) = errors(data, ref, xsd=None)
    assert e.element == "Declaratie/DeclaratiePeriode/Einddatum"
    assert e.value == "2026-03-30"
    assert e.reason == "Einddatum ligt voor Begindatum (2026-04-01)"


def test_xsd_layer_reports_schema_errors_with_element(ref):
    data = example("JW305").replace(
        b"<jw305:ToewijzingNummer>300201<", b"<jw305:ToewijzingNummer>abc<", 1
    )
    found = errors(data, ref)
    xsd = [e for e in found if e.reason.startswith("XSD:")]
    assert xsd
    assert xsd[0].element == "Client/StartProducten/StartProduct/ToewijzingNummer"
    assert xsd[0].line


def test_without_xsd_dir_the_builtin_checks_still_apply(ref):
    data = example("JW305").replace(b"<jw305:BerichtCode>438<", b"<jw305:BerichtCode>440<", 1)
    assert any("BerichtCode" in e.reason for e in errors(data, ref, xsd=None))


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"", "bestand is leeg"),
        (b"<a><b></a>", "geen geldige XML"),
        (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>', "DOCTYPE"),
        (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
            "DOCTYPE",
        ),
        (b'<Bericht xmlns="urn:iets-anders"/>', "geen iJw 3.2-bericht"),
        (b"<x>" + b"<y>" * 40 + b"</y>" * 40 + b"</x>", "dieper genest"),
    ],
)
def test_hostile_or_foreign_input_is_rejected(ref, data, fragment):
    found = errors(data, ref)
    assert fragment in found[0].reason
    assert "root:" not in str(found[0])  # no file contents leak into the message


def test_billion_laughs_is_not_expanded(ref):
    lol = (
        b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
        + b"".join(
            f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode() for i in range(8)
        )
        + b"]><l>&i;</l>"
    )
    found = errors(lol, ref)
    assert "DOCTYPE" in found[0].reason or "XML" in found[0].reason


def test_doctype_in_a_comment_or_cdata_is_only_text(ref):
    """A valid message that mentions <!DOCTYPE in a comment is accepted; the same words
    as markup are refused."""
    data = example("JW305")
    kop = data.index(b"?>") + 2
    met_commentaar = data[:kop] + b"<!-- geen <!DOCTYPE x> of <!ENTITY y> hier -->" + data[kop:]
    valideer(met_commentaar, file="bericht.xml", ref=ref, xsd_dir=XSD)  # no error
    met_dtd = data[:kop] + b"<!DOCTYPE Bericht>" + data[kop:]
    assert "DOCTYPE" in errors(met_dtd, ref)[0].reason


@pytest.mark.parametrize("codering", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_a_doctype_in_another_encoding_is_refused_before_parsing(ref, codering):
    """UTF-16 spells '<!DOCTYPE' with zero bytes between the letters: the document is
    refused for its encoding before libxml2 reads it, entity bomb and all."""
    bom = "\ufeff" if codering in {"utf-16-le", "utf-16-be"} else ""
    lol = (
        f'{bom}<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
        + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
        + "]><l>&i;</l>"
    ).encode(codering)
    found = errors(lol, ref)
    assert "iJw-berichten zijn UTF-8" in found[0].reason, found


def test_a_declared_foreign_encoding_is_named(ref):
    data = example("JW305").replace(b'encoding="UTF-8"', b'encoding="ISO-8859-1"', 1)
    assert b"ISO-8859-1" in data
    assert "dit bestand is ISO-8859-1" in errors(data, ref)[0].reason


def test_error_as_dict_has_the_json_keys(ref):
    data = example("JW305").replace(
        b"<jw305:StatusAanlevering>1<", b"<jw305:StatusAanlevering>5<", 1
    )
    d = errors(data, ref, xsd=None)[0].as_dict()
    assert set(d) == {"file", "message_type", "element", "value", "line", "reason"}
    assert d["value"] == "5"


def test_examples_are_files_in_shared_not_copies():
    assert not list(Path(ROOT).rglob("JW30*.xml")), "voorbeeldberichten horen in ../shared"


def _diepte(root: etree._Element) -> int:
    return max(sum(1 for _ in e.iterancestors()) + 1 for e in root.iter())


def test_schema_depth_bounds_every_valid_message():
    """A message valid against its schema needs no depth check of its own (it costs as
    much as the parse): each iJw schema admits at most MAX_DEPTH levels, and at least as
    many as the official examples and the simulator's messages use."""
    diepten = {code: schema_diepte(XSD, code) for code in BERICHTTYPEN}
    assert all(4 <= d <= MAX_DEPTH for d in diepten.values()), diepten
    assert diepten["JW323"] == 8
    for path in EXAMPLES.glob("JW*.xml"):
        assert _diepte(etree.fromstring(path.read_bytes())) <= diepten[path.stem]
    assert schema_diepte("", "JW305") == ONBEGRENSD  # no schema: always checked


def test_schema_depth_sees_recursion_and_wildcards(tmp_path: Path):
    ns = BERICHTTYPEN["JW305"].namespace
    head = f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="{ns}" targetNamespace="{ns}">'
    (tmp_path / "JW305.xsd").write_text(
        head + '<xs:element name="Bericht" type="t:Boom"/><xs:complexType name="Boom"><xs:sequence>'
        '<xs:element name="Tak" type="t:Boom" minOccurs="0"/></xs:sequence></xs:complexType>'
        "</xs:schema>"
    )
    assert schema_diepte(str(tmp_path), "JW305") == ONBEGRENSD
    assert schema_vorm(str(tmp_path), "JW305").namen == frozenset(
        {"Bericht", "Tak"}
    )  # recursion: known
    (tmp_path / "JW307.xsd").write_text(
        head.replace("jw305", "jw307") + '<xs:element name="Bericht"><xs:complexType><xs:sequence>'
        '<xs:any processContents="skip"/></xs:sequence></xs:complexType></xs:element></xs:schema>'
    )
    assert schema_diepte(str(tmp_path), "JW307") == ONBEGRENSD
    assert schema_vorm(str(tmp_path), "JW307").namen is None  # a wildcard: any name


def test_schema_names_cover_every_element_of_a_valid_message(ref):
    """The built-in checks look only for the names the message's schema declares, once
    the message is valid against it: so every element of a valid message must have one
    of those names, and the checks must find the same problems either way."""
    for path in EXAMPLES.glob("JW*.xml"):
        namen = schema_vorm(XSD, path.stem).namen
        assert namen is not None
        root = etree.fromstring(path.read_bytes())
        assert {etree.QName(e).localname for e in root.iter()} <= namen
    assert "Bsn" in schema_vorm(XSD, "JW301").namen  # type: ignore[operator]
    assert "DeclaratieNummer" not in schema_vorm(XSD, "JW301").namen  # type: ignore[operator]
    # A message valid against the XSD whose codes and period are wrong: same findings.
    data = (
        example("JW305")
        .replace(b"<ijw:Categorie>", b"<ijw:Categorie>9", 1)
        .replace(b"<jw305:Begindatum>2026-04-03", b"<jw305:Begindatum>2026-02-30", 1)
    )
    root = etree.fromstring(data)
    berichttype = BERICHTTYPEN["JW305"]
    namen = schema_vorm(XSD, "JW305").namen
    assert namen is not None
    alle = eigen_controles(root, berichttype, ref=ref, file="f")
    assert {a.reason for a in alle} == {
        "code komt niet voor in codelijst JZ020",
        "geen geldige datum (JJJJ-MM-DD)",
    }
    assert eigen_controles(root, berichttype, ref=ref, file="f", tags=_tags(namen)) == alle


def test_a_deep_ijw_message_is_rejected_for_its_depth_with_or_without_xsd(ref):
    data = example("JW305").replace(
        b"</jw305:Client>", b"<jw305:X>" * 40 + b"</jw305:X>" * 40 + b"</jw305:Client>", 1
    )
    for xsd in (XSD, None):
        found = errors(data, ref, xsd=xsd)
        assert [a.reason for a in found] == ["XML is dieper genest dan 32 niveaus"]


def test_schemas_are_not_shared_between_threads():
    """lxml's XMLSchema keeps an error log per object: two threads validating at once
    must not share one (their findings would mix). Each thread builds its own, once."""
    import threading

    from jeugdsturing.berichten.validatie.kop import _schema

    hier = _schema(XSD, "JW305")
    assert _schema(XSD, "JW305") is hier
    daar: list[object] = []
    t = threading.Thread(target=lambda: daar.append(_schema(XSD, "JW305")))
    t.start()
    t.join()
    assert daar[0] is not hier
