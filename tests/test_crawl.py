# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The crawl test of issue 24: as every role, in a real browser at 1,366 x 768, visit the
pages reachable from the menu and the section's own links, and fail on what a municipal
user should never see: a server error, a link that answers 403, a Python identifier or
"<class" in the text, English words from a list, a year with a thousands dot, an amount
of a billion or more (eurocents printed as euros), a file path, a page taller than 12,000
px (long lists page), or a page wider than the window. Every export linked from those
pages is fetched too: no server error or 403, and a CSV follows the one convention (a
byte-order mark, semicolons, Dutch headers without field names, no "<5" or
"afgeschermd" in a cell). The main page of each section is saved as a screenshot under
var/screenshots/crawl/ (docs/gebruik.md)."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlparse

import pytest

from jeugdsturing.rollen import Rol
from tests.test_browser import SCREENSHOTS, browser, login  # noqa: F401 (the fixture)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

BREEDTE, HOOGTE = 1366, 768
MAX_HOOGTE = 12_000
MAX_PAGINAS = 40  # per role; the menu and the first links of each section
# snake_case words (field names), and English words a Dutch page never needs.
PYTHON = re.compile(r"\b[a-z]+_[a-z_]+\b|<class|Traceback|None\b")
ENGELS = re.compile(
    r"\b(planned|dropout|pipeline|error|warning|true|false|null|undefined|submit|"
    r"loading|page|next|previous)\b",
    re.IGNORECASE,
)
# 2.026, not 2.026.115 or 12.026 or 2.026,50: a year printed as a number
JAAR_MET_PUNT = re.compile(r"(?<![\d.,])2\.0[2-3]\d(?![\d.,])")
# 1.000.000.000 or more: no region's figure is that large, eurocents shown as euros are.
EUROCENT = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3}){3,}(?![\d.])")
PAD = re.compile(r"\b[\w-]+/[\w./-]+\.(?:md|py|toml|html)\b|/tmp/|/var/|/home/|/usr/")
EXPORT = ("formaat=", "export=", ".csv", ".xlsx", "/pdf/", ".pdf", "sjabloon=")
OVERSLAAN = ("uitloggen", "/admin", ".json", "document", "bijlage", "brief", "nota",
             *EXPORT)  # fmt: skip
MAX_EXPORTS = 12  # per role


def _problemen(page: Any, pad: str) -> list[str]:
    tekst = page.locator("main").inner_text()
    uit = [f"{pad}: '{m}'" for m in sorted(set(PYTHON.findall(tekst)))]
    uit += [f"{pad}: Engels '{m}'" for m in sorted(set(ENGELS.findall(tekst)))]
    uit += [f"{pad}: jaar met punt '{m}'" for m in sorted(set(JAAR_MET_PUNT.findall(tekst)))]
    uit += [f"{pad}: eurocenten? '{m}'" for m in sorted(set(EUROCENT.findall(tekst)))]
    uit += [f"{pad}: bestandspad '{m}'" for m in sorted(set(PAD.findall(tekst)))]
    hoogte = page.evaluate("document.body.scrollHeight")
    if hoogte > MAX_HOOGTE:
        uit.append(f"{pad}: {hoogte} px hoog zonder paginering")
    breedte = page.evaluate("document.documentElement.scrollWidth")
    if breedte > BREEDTE:
        uit.append(f"{pad}: {breedte} px breed")
    return uit


def _export_problemen(page: Any, pad: str) -> list[str]:
    antwoord = page.request.get(pad)
    if antwoord.status >= 500 or antwoord.status == 403:
        return [f"{pad}: export geeft {antwoord.status}"]
    if "text/csv" not in antwoord.headers.get("content-type", ""):
        return []
    tekst = antwoord.body().decode("utf-8")
    if not tekst.startswith("\ufeff"):
        return [f"{pad}: CSV zonder byte-order mark (Excel leest het niet als UTF-8)"]
    regels = tekst[1:].splitlines()
    kop = regels[0].split(";") if regels else []
    uit = [f"{pad}: kolomkop '{k}'" for k in kop if PYTHON.search(k)]
    if len(kop) < 2:
        uit.append(f"{pad}: geen puntkomma's in de kop '{regels[:1]}'")
    for regel in regels[1:200]:
        for cel in regel.split(";"):
            if cel.strip('"') in ("<5", "afgeschermd", "•"):
                uit.append(f"{pad}: '{cel}' in een cel (afgeschermd hoort leeg met een vlag)")
                return uit
    return uit


def _sectie(pad: str) -> str:
    deel = pad.strip("/").split("/")[0]
    return f"/{deel}/" if deel else "/"


@pytest.mark.parametrize("rol", [r.value for r in Rol])
def test_elke_rol_ziet_alleen_nederlandse_nette_paginas(browser, rol):  # noqa: F811
    page = browser.page
    page.set_viewport_size({"width": BREEDTE, "height": HOOGTE})
    login(page, rol)
    menu = [a.get_attribute("href") or "" for a in page.locator("nav.hoofdmenu a").all()]
    te_doen = ["/", *menu]
    gezien: set[str] = set()
    problemen: list[str] = []
    geschoten: set[str] = set()
    exports: list[str] = []
    while te_doen and len(gezien) < MAX_PAGINAS:
        pad = te_doen.pop(0)
        if pad in gezien or not pad.startswith("/") or any(x in pad for x in OVERSLAAN):
            continue
        gezien.add(pad)
        antwoord = page.goto(pad)
        status = antwoord.status if antwoord else 0
        if status >= 500:
            problemen.append(f"{pad}: serverfout {status}")
            continue
        if status == 403:
            problemen.append(f"{pad}: een link die 403 geeft")
            continue
        if "text/html" not in (antwoord.headers.get("content-type", "") if antwoord else ""):
            continue
        problemen += _problemen(page, pad)
        sectie = _sectie(pad)
        if sectie not in geschoten and pad.split("?")[0] == sectie:
            geschoten.add(sectie)
            map_ = SCREENSHOTS / "crawl"
            map_.mkdir(parents=True, exist_ok=True)
            naam = sectie.strip("/") or "start"
            page.screenshot(path=str(map_ / f"{rol}-{naam}.png"))
        for a in page.locator("main a, nav.subnav a").all():
            href = a.get_attribute("href") or ""
            if href.startswith("?"):
                href = urlparse(pad).path + href
            if any(x in href for x in EXPORT) and href.startswith("/"):
                if href not in exports and len(exports) < MAX_EXPORTS:
                    exports.append(href)
            elif href.startswith(sectie) and href not in gezien and len(te_doen) < 200:
                te_doen.append(href)
    for pad in exports:
        problemen += _export_problemen(page, pad)
    assert len(gezien) >= 2, gezien
    assert problemen == [], "\n".join(problemen)
