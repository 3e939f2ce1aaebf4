# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Importing iJw messages: what is accepted, what is refused, and that refused input
leaves nothing behind."""

from __future__ import annotations

import io
import json
import pickle
import zipfile
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command

from jeugdsturing.berichten import models as m
from jeugdsturing.berichten import xml as ijw_xml
from jeugdsturing.berichten.importeren import berichten_importeer
from jeugdsturing.berichten.lezen import Context, Voorbereid, lees_bericht
from jeugdsturing.berichten.privacy import ontsleutel
from jeugdsturing.berichten.referentie import referentie_laden
from tests.berichten.conftest import PERSOON, Verkeer
from tests.conftest import SHARED

EXAMPLES = SHARED / "ijw" / "examples"
FEITEN = (
    m.Bericht, m.Toewijzing, m.ToewijzingVersie, m.StartRegel, m.StopRegel, m.Verzoek,
    m.Wijzigingsverzoek, m.Antwoord, m.Prestatie, m.PrestatieAfwijzing, m.DeclaratieAntwoord,
    m.ClientGebied, m.Traject,
)  # fmt: skip


def tellingen() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in FEITEN}


@pytest.mark.django_db
@pytest.mark.slow
def test_official_examples_import_without_rejection(xsd):
    result = berichten_importeer(sorted(EXAMPLES.glob("*.xml")), bron="test")
    assert result.rejected == []
    assert result.accepted == 4
    assert m.Bericht.objects.count() == 4
    assert m.Prestatie.objects.count() == 5
    assert m.Traject.objects.filter(status="beeindigd").count() == 2


@pytest.mark.django_db
def test_a_read_message_survives_the_trip_from_a_worker_unchanged(xsd):
    """Facts travel from the reading worker pickled in their compact form."""
    context = Context(referentie_laden(), xsd, "sleutel")
    for path in sorted(EXAMPLES.glob("*.xml")):
        gelezen = lees_bericht((path.name, path.read_bytes()), context)
        assert isinstance(gelezen, Voorbereid), gelezen
        terug = pickle.loads(pickle.dumps(gelezen))  # noqa: S301  (our own data)
        assert terug == gelezen
        assert terug.header.berichttype is gelezen.header.berichttype  # one object per type
        assert terug.inhoud.regels == gelezen.inhoud.regels > 0


def example(code: str) -> bytes:
    return (EXAMPLES / f"{code}.xml").read_bytes()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


LOL = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><lolz>&lol3;</lolz>'
XXE = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><jw301:Bericht xmlns:jw301="http://www.istandaarden.nl/ijw/3_2/jw301/schema">&x;</jw301:Bericht>'

BAD = {
    "malformed": (example("JW305").replace(b"</jw305:Header>", b"", 1), "geen geldige XML"),
    "billion laughs": (LOL, "DOCTYPE of ENTITY is niet toegestaan"),
    "external entity": (XXE, "DOCTYPE of ENTITY is niet toegestaan"),
    "wrong namespace": (example("JW305").replace(b"ijw/3_2/jw305/schema", b"ijw/3_1/jw305/schema"), "geen iJw 3.2-bericht"),
    "unknown message type": (example("JW305").replace(b"jw305/schema", b"jw303/schema"), "geen iJw 3.2-bericht"),
    "invalid date": (example("JW305").replace(b"<jw305:Begindatum>2026-04-03<", b"<jw305:Begindatum>2027-06-31<"), "geen geldige datum"),
    "unknown code": (example("JW307").replace(b"<jw307:RedenBeeindiging>31<", b"<jw307:RedenBeeindiging>30<"), "codelijst JZ588"),
    "Einddatum before Ingangsdatum": (example("JW301").replace(b"<jw301:Einddatum>2026-07-14<", b"<jw301:Einddatum>2026-03-14<"), "Einddatum ligt voor Ingangsdatum"),
    "truncated": (example("JW323")[:1500], "geen geldige XML"),
    "wrong encoding": (example("JW301").replace(b"<ijw:Achternaam>Wit<", "<ijw:Achternaam>Wït<".encode("latin-1")), "geen geldige XML"),
    "declared non-UTF-8": (example("JW305").replace(b'encoding="UTF-8"', b'encoding="ISO-8859-1"'), "iJw-berichten zijn UTF-8"),
    "stop before its start": (example("JW307").replace(b"<jw307:Einddatum>2026-07-17<", b"<jw307:Einddatum>2026-04-02<"), "Einddatum ligt voor Begindatum"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_is_rejected_clearly_and_nothing_is_stored(importeer_bytes, case):
    data, fragment = BAD[case]
    before = tellingen()
    result = importeer_bytes(data)
    assert result.accepted == 0
    assert result.rejected, case
    assert any(fragment in r.reason for r in result.rejected), [str(r) for r in result.rejected]
    assert tellingen() == before
    q = m.Quarantaine.objects.get()
    assert ontsleutel(bytes(q.inhoud)) == data
    assert b"999900006" not in bytes(q.inhoud)  # stored encrypted
    assert q.afkeuringen[0]["reason"] == result.rejected[0].reason


def test_a_file_over_the_size_limit(importeer_bytes, monkeypatch):
    monkeypatch.setattr(ijw_xml, "MAX_BYTES", 1000)
    monkeypatch.setattr("jeugdsturing.berichten.bronnen.MAX_BYTES", 1000)
    result = importeer_bytes(example("JW301"))
    assert "groter dan" in result.rejected[0].reason
    assert m.Bericht.objects.count() == 0


def test_a_zip_bomb_is_not_unpacked(importeer_bytes):
    bomb = zip_bytes({"bom.xml": b"<a>" + b" " * 30_000_000 + b"</a>"})
    assert len(bomb) < 100_000
    result = importeer_bytes(bomb, suffix=".zip")
    assert result.rejected
    assert "zipbom" in result.rejected[0].reason
    assert m.Bericht.objects.count() == 0
    assert m.Quarantaine.objects.count() == 0  # nothing was read, nothing to keep


def test_a_zip_archive_with_good_and_bad_members(importeer_bytes):
    archive = zip_bytes(
        {"a.xml": example("JW305"), "b.xml": BAD["invalid date"][0], "c.txt": b"readme"}
    )
    result = importeer_bytes(archive, suffix=".zip")
    assert result.accepted == 1
    # b.xml by the XSD and the own check; c.txt is not a message: named as skipped.
    assert {r.file.rsplit("!", 1)[-1] for r in result.rejected} == {"b.xml", "c.txt"}
    assert {r.reason for r in result.rejected} >= {
        "geen geldige datum (JJJJ-MM-DD)",
        "overgeslagen: geen iJw-bericht (alleen .xml-bestanden)",
    }


@pytest.mark.parametrize(
    "compression", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2]
)
def test_zip_members_are_read_whatever_their_compression(importeer_bytes, compression):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=compression) as z:
        z.writestr("a.xml", example("JW305"))
        z.writestr("map/b.xml", example("JW301"))
    result = importeer_bytes(buf.getvalue(), suffix=".zip")
    assert (result.accepted, result.rejected) == (2, [])


def test_a_damaged_zip_member_is_named_and_the_rest_is_read(importeer_bytes):
    archive = bytearray(zip_bytes({"a.xml": example("JW305"), "b.xml": example("JW301")}))
    # Flip a byte inside the packed data of the first member: its CRC no longer matches.
    begin = 30 + len("a.xml") + 10
    archive[begin] ^= 0xFF
    result = importeer_bytes(bytes(archive), suffix=".zip")
    assert result.accepted == 1
    [afkeuring] = result.rejected
    assert afkeuring.file.endswith("!a.xml")
    assert "beschadigd" in afkeuring.reason
    assert m.Quarantaine.objects.count() == 0  # nothing readable was kept


@pytest.mark.parametrize(
    ("offset", "value", "reason"),
    [(6, 0x1, "versleuteld"), (8, 99, "compressiemethode 99")],  # flags, method
)
def test_encrypted_or_unknown_zip_members_are_named(importeer_bytes, offset, value, reason):
    archive = bytearray(zip_bytes({"a.xml": example("JW305"), "b.xml": example("JW301")}))
    # Set the flags or the compression method of a.xml in the central directory and in
    # its local header (the first 30 bytes of the archive).
    central = archive.index(b"PK\x01\x02")
    for header, shift in ((0, 0), (central, 2)):
        archive[header + offset + shift : header + offset + shift + 2] = value.to_bytes(2, "little")
    result = importeer_bytes(bytes(archive), suffix=".zip")
    assert result.accepted == 1
    [afkeuring] = result.rejected
    assert afkeuring.file.endswith("!a.xml")
    assert reason in afkeuring.reason


def test_a_duplicate_has_no_effect(importeer_bytes):
    importeer_bytes(example("JW305"))
    before = tellingen()
    result = importeer_bytes(example("JW305"))
    assert (result.accepted, result.duplicates, result.rejected) == (0, 1, [])
    assert tellingen() == before
    # Same sender, type and identification with other content is a conflict: refused,
    # quarantined and named as such, never silently dropped as a duplicate.
    changed = example("JW305").replace(
        b"<jw305:Begindatum>2026-04-15<", b"<jw305:Begindatum>2026-04-16<"
    )
    result = importeer_bytes(changed)
    assert (result.duplicates, result.conflicten) == (0, 1)
    assert result.rejected[0].reason.startswith("conflict:")
    assert tellingen() == before


def test_a_corrected_file_can_be_offered_again(importeer_bytes):
    bad = BAD["invalid date"][0]
    importeer_bytes(bad)
    q = m.Quarantaine.objects.get()
    fixed = bad.replace(b"2027-06-31", b"2026-04-03")
    result = importeer_bytes(fixed)
    assert result.accepted == 1
    assert m.Quarantaine.objects.get(pk=q.pk).opgelost_door is None  # other content
    assert m.Bericht.objects.count() == 1


def test_errors_name_file_type_element_value_and_line(importeer_bytes):
    result = importeer_bytes(BAD["invalid date"][0])
    r = next(r for r in result.rejected if "geen geldige datum" in r.reason)
    assert r.message_type == "JW305"
    assert r.element == "Client/StartProducten/StartProduct/Begindatum"
    assert r.value == "2027-06-31"
    assert r.line == 40  # the line of <jw305:Begindatum> in the official example
    assert r.file.endswith(".xml")


def test_json_output_of_the_cli(tmp_path: Path, xsd, db, capsys):
    (tmp_path / "goed.xml").write_bytes(example("JW305"))
    (tmp_path / "fout.xml").write_bytes(BAD["unknown code"][0])
    call_command("ijw", "import", str(tmp_path), "--json")
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"accepted", "duplicates", "conflicts", "rejected"}
    assert (out["accepted"], out["duplicates"]) == (1, 0)
    rejected = out["rejected"][0]
    assert [r["reason"] for r in out["rejected"]] == ["code komt niet voor in codelijst JZ588"] * 2
    assert set(rejected) == {"file", "message_type", "element", "value", "line", "reason"}
    assert rejected["element"] == "Client/StopProducten/StopProduct/RedenBeeindiging"
    assert rejected["value"] == "30"
    assert rejected["file"].endswith("fout.xml")


def test_cli_fails_only_when_it_cannot_run(tmp_path: Path, db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("ijw", "import", str(tmp_path / "nergens"))


def test_personal_values_are_masked_in_errors(importeer_bytes):
    bad_bsn = example("JW305").replace(b"<jw305:Bsn>999900006<", b"<jw305:Bsn>99990000X<")
    result = importeer_bytes(bad_bsn)
    r = result.rejected[0]
    assert r.element == "Client/Bsn"
    assert "99990000X" not in json.dumps(r.as_dict())
    assert "***" in r.reason


def test_no_bsn_name_or_address_is_stored_anywhere(importeer_bytes, verkeer: Verkeer):
    importeer_bytes(*(example(c) for c in ("JW301", "JW305", "JW307", "JW323")))
    importeer_bytes(
        verkeer.toewijzing(date(2026, 3, 2)), verkeer.start(date(2026, 3, 10), date(2026, 3, 9))
    )
    importeer_bytes(BAD["invalid date"][0])  # quarantined too
    secrets = [
        "999900006", "999900018", PERSOON.bsn, "Wit", "Tom", "Galen", "Peter", "Van Woustraat",
        "Mauritsstraat", "9999XX", "0201234567", "abcd@efg.com", "Commentaar client",
        "Revalidatiecentrum", "2010-02-14", PERSOON.achternaam, PERSOON.straat, PERSOON.postcode,
        "1102", "2014-05-06",
    ]  # fmt: skip
    from django.apps import apps
    from django.db import models as djm

    found = []
    for model in apps.get_models():
        if model._meta.app_label in {
            "regio",
            "contracten",
            "auth",
            "contenttypes",
            "admin",
            "sessions",
        }:
            continue  # reference data, not message data
        fields = [
            f.name
            for f in model._meta.fields
            if isinstance(f, djm.CharField | djm.TextField | djm.JSONField | djm.BinaryField)
        ]
        for row in model._default_manager.values_list(*fields):
            text = " ".join(
                str(bytes(v)) if isinstance(v, bytes | memoryview) else str(v) for v in row
            )
            for s in secrets:
                if s in text.split() or (len(s) > 5 and s in text):
                    found.append((model.__name__, s))
    assert found == []
    assert m.Traject.objects.filter(geboortejaar=2014).exists()  # year of birth is kept
    assert m.Traject.objects.filter(gebied="AMS-ZOW").exists()  # postcode only picked the gebied
