# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The hygiene of Dutch public open source: the licence text, SPDX headers on every
source file, a publiccode.yml the government software catalogues can read, and the
documents a newcomer starts with."""

from __future__ import annotations

import tomllib

import yaml

from tests.conftest import ROOT


def test_the_licence_is_the_eupl_1_2_and_the_package_says_so():
    tekst = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert tekst.startswith("European Union Public Licence\nV. 1.2")
    assert "15. Applicable Law" in tekst
    assert "Appendix" in tekst
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "EUPL-1.2"


def test_every_source_file_has_an_spdx_header():
    bestanden = [
        p
        for patroon in (
            "src/**/*.py",
            "tests/**/*.py",
            "benchmarks/**/*.py",
            "tools/**/*.py",
            "src/**/*.html",
            "src/**/*.css",
        )
        for p in ROOT.glob(patroon)
    ]
    assert len(bestanden) > 250
    zonder = [
        str(p.relative_to(ROOT))
        for p in bestanden
        if "SPDX-License-Identifier: EUPL-1.2" not in p.read_text(encoding="utf-8")[:300]
    ]
    assert not zonder, f"zonder SPDX-kop: {zonder}"


def test_publiccode_yml_has_what_the_standard_requires():
    pc = yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for sleutel in ("publiccodeYmlVersion", "name", "url", "platforms", "categories",
                    "developmentStatus", "softwareType", "description", "legal",
                    "maintenance", "localisation"):  # fmt: skip
        assert sleutel in pc, sleutel
    assert pc["legal"]["license"] == project["license"]
    assert pc["softwareVersion"] == project["version"]
    assert pc["developmentStatus"] in {"concept", "development", "beta", "stable", "obsolete"}
    assert pc["maintenance"]["type"] in {"internal", "contract", "community", "none"}
    assert pc["maintenance"]["contacts"]
    nl = pc["description"]["nl"]
    assert len(nl["shortDescription"]) <= 150
    assert 150 <= len(nl["longDescription"]) <= 10_000
    assert nl["features"]
    assert pc["localisation"]["availableLanguages"] == ["nl"]


def test_a_newcomer_finds_the_two_commands_and_the_conventions():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    bijdragen = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for tekst in (readme, bijdragen):
        assert "make demo" in tekst
        assert "make test" in tekst
    assert "docs/principes.md" in bijdragen
    assert "docs/adr/" in bijdragen
    adrs = sorted(p.name for p in (ROOT / "docs" / "adr").glob("*.md"))
    assert len(adrs) >= 9
    for adr in adrs:
        tekst = (ROOT / "docs" / "adr" / adr).read_text(encoding="utf-8")
        for kop in ("## Context", "## Besluit", "## Gevolgen"):
            assert kop in tekst, f"{adr}: {kop}"


def test_record_numbers_in_templates_are_not_printed_with_a_thousands_dot():
    """Dutch number formatting (USE_THOUSAND_SEPARATOR) turns id 1271 into "1.271": in a
    form's hidden field that posts a number the view cannot read, in a list of
    trajectories a number nobody can find; and a year 2028 into "2.028". Ids and years are
    printed with |unlocalize."""
    import re

    fout = []
    for pad in sorted((ROOT / "src" / "jeugdsturing").glob("*/templates/**/*.html")):
        tekst = pad.read_text(encoding="utf-8")
        for m in re.finditer(r"\{\{ ([a-z_.]*(?:\.pk|_id|\.id|jaar)) \}\}", tekst):
            fout.append(f"{pad.relative_to(ROOT)}: {m.group(0)}")
    assert not fout, "zonder |unlocalize: " + ", ".join(fout)
