# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The simulator: deterministic, every message type, valid against the official XSD."""

from __future__ import annotations

import hashlib
import random
import zipfile
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from jeugdsturing.berichten.simulator import simuleer_regio
from tests.conftest import SHARED

pytestmark = pytest.mark.django_db
TYPES = {"JW301", "JW302", "JW305", "JW306", "JW307", "JW308", "JW315", "JW316", "JW317",
         "JW318", "JW319", "JW320", "JW323", "JW325"}  # fmt: skip


@pytest.fixture(scope="module")
def simulatie(
    tmp_path_factory: pytest.TempPathFactory, django_db_blocker
) -> tuple[Path, Counter[str]]:  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("sim")
    with django_db_blocker.unblock():
        stats = simuleer_regio(
            regio_code="JZ13", van="2026-01-01", tot="2027-06-30", seed=11, scale=0.03, out=out
        )
    return out, stats


def berichten(out: Path) -> list[tuple[str, bytes]]:
    result = []
    for path in sorted(out.glob("*.zip")):
        with zipfile.ZipFile(path) as z:
            result.extend((n.rsplit("_", 1)[-1][:5], z.read(n)) for n in sorted(z.namelist()))
    return result


def test_writes_every_message_type(simulatie):
    out, stats = simulatie
    types = Counter(code for code, _ in berichten(out))
    assert set(types) == TYPES
    assert types["JW301"] > types["JW317"] > 0
    assert stats["trajecten"] > 500
    assert stats["correcties"] > 0
    assert stats["verlengingen"] > 0


def test_a_sample_of_every_type_is_valid_against_the_official_xsd(simulatie):
    out, _ = simulatie
    per_type: dict[str, list[bytes]] = defaultdict(list)
    for code, data in berichten(out):
        per_type[code].append(data)
    rng = random.Random(5)
    for code in sorted(TYPES):
        schema = etree.XMLSchema(etree.parse(str(SHARED / "ijw" / "xsd" / f"{code}.xsd")))
        sample = rng.sample(per_type[code], min(40, len(per_type[code])))
        for data in sample:
            assert schema.validate(etree.fromstring(data)), (code, schema.error_log.last_error)


def test_deterministic_for_a_seed_and_different_for_another(tmp_path: Path):
    def digest(seed: int, name: str) -> str:
        out = tmp_path / name
        simuleer_regio(
            regio_code="JZ13", van="2026-01-01", tot="2026-03-31", seed=seed, scale=0.02, out=out
        )
        return hashlib.sha256(
            b"".join(p.read_bytes() for p in sorted(out.glob("*.zip")))
        ).hexdigest()

    assert digest(1, "a") == digest(1, "b")
    assert digest(1, "a") != digest(2, "c")


def test_scale_multiplies_volume(tmp_path: Path):
    small = simuleer_regio(
        regio_code="JZ13",
        van="2026-01-01",
        tot="2026-06-30",
        seed=1,
        scale=0.02,
        out=tmp_path / "s",
    )
    large = simuleer_regio(
        regio_code="JZ13",
        van="2026-01-01",
        tot="2026-06-30",
        seed=1,
        scale=0.08,
        out=tmp_path / "l",
    )
    assert 3.2 < large["trajecten"] / small["trajecten"] < 4.8


def test_taakgericht_providers_send_no_assignment_or_claim(simulatie):
    out, _ = simulatie
    ns = "{http://www.istandaarden.nl/ijw/3_2/jw305/schema}"
    zonder_nummer = 0
    for code, data in berichten(out):
        if code == "JW305":
            root = etree.fromstring(data)
            if (
                root.find(f"{ns}Client/{ns}StartProducten/{ns}StartProduct/{ns}ToewijzingNummer")
                is None
            ):
                zonder_nummer += 1
    assert zonder_nummer > 50


def test_the_simulated_traffic_imports_without_rejection(simulatie, settings):
    from jeugdsturing.berichten import models as m
    from jeugdsturing.berichten.importeren import berichten_importeer

    settings.IJW_XSD_DIR = str(SHARED / "ijw" / "xsd")
    out, stats = simulatie
    # The simulated traffic runs to mid-2027: checked against its own last day.
    result = berichten_importeer([out], bron="test", werkers=1, vandaag=date(2027, 6, 30))
    assert result.rejected == []
    assert result.accepted == stats["berichten"]
    statuses = Counter(m.Traject.objects.values_list("status", flat=True))
    assert statuses["beeindigd"] > 0
    assert statuses["lopend"] > 0
    assert m.Traject.objects.filter(taakgericht=True).exists()
    assert m.Traject.objects.exclude(verzoekdatum=None).exists()
    assert m.Prestatie.objects.filter(afgewezen=True).exists()
    # The two providers built to behave worse stand out: longer care, later messages.
    from statistics import median

    from jeugdsturing.berichten.simulator import AANBIEDERS

    slecht = {
        a
        for a in m.Traject.objects.values_list("aanbieder", flat=True).distinct()
        if int(a[-4:]) in (5, 10)
    }
    assert len(slecht) == 2
    assert len(AANBIEDERS) > 10
    duur: dict[bool, list[int]] = defaultdict(list)
    laat: dict[bool, list[bool]] = defaultdict(list)
    for t in m.Traject.objects.exclude(begindatum=None):
        is_slecht = t.aanbieder in slecht
        if t.einddatum is not None:
            duur[is_slecht].append((t.einddatum - t.begindatum).days)
        if t.start_gemeld_op is not None:
            laat[is_slecht].append((t.start_gemeld_op - t.begindatum).days > 7)
    assert median(duur[True]) > 1.3 * median(duur[False])
    assert sum(laat[True]) / len(laat[True]) > 2 * sum(laat[False]) / len(laat[False])
