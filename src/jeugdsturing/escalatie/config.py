# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Signal rules and the referral policy from TOML (docs/escalatie.md), parsed and
checked as pure data; errors name the file and the key, like the region files."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jeugdsturing.monitor.vergelijking import GROEPERINGEN, MAATSTAVEN
from jeugdsturing.regio.config import ConfigError, keuze

STANDAARD = Path(__file__).resolve().parent / "data" / "standaard.toml"
VERGELIJKINGEN = ("regio", "doel", "trend", "drempel")
NIVEAUS = ("95", "99,8")
ERNST = ("laag", "middel", "hoog")
PRIORITEITEN = ("urgentie_dan_aankomst", "aankomst")
GEHELE = ("acceptatietermijn_werkdagen", "spoed_termijn_werkdagen", "koppelvenster_dagen")
GEWICHTEN = (
    "gewicht_uitstroom", "gewicht_herhaald", "gewicht_wachttijd", "gewicht_acceptatie",
    "aftrek_escalatie",
)  # fmt: skip


@dataclass(frozen=True)
class RegelConfig:
    code: str
    naam: str
    maatstaf: str
    groepering: str
    vergelijking: str
    minimum_volume: int
    niveau: str
    ernst: str
    periode_maanden: int = 12
    doelindicator: str = ""
    toelichting: str = ""


@dataclass(frozen=True)
class EscalatieConfig:
    source: str
    regels: tuple[RegelConfig, ...]
    verwijsbeleid: Mapping[str, Any]


def _geheel(data: Mapping[str, Any], key: str, source: str, where: str, *, minimum: int = 0,
            standaard: int | None = None) -> int:  # fmt: skip
    waarde = data.get(key, standaard)
    if not isinstance(waarde, int) or isinstance(waarde, bool) or waarde < minimum:
        raise ConfigError(source, f"{where}{key}", f"{waarde!r}: een geheel getal vanaf {minimum}")
    return waarde


def _regel(data: Mapping[str, Any], source: str, i: int) -> RegelConfig:
    where = f"regel[{i}]."
    code, naam = data.get("code"), data.get("naam")
    for key, waarde in (("code", code), ("naam", naam)):
        if not isinstance(waarde, str) or not waarde.strip():
            raise ConfigError(source, f"{where}{key}", "ontbreekt of is geen tekst")
    vergelijking = keuze(data, "vergelijking", VERGELIJKINGEN, source, where)
    maatstaf = keuze(data, "maatstaf", [*MAATSTAVEN, "weigeringen"], source, where)
    if (maatstaf == "weigeringen") != (vergelijking == "drempel"):
        raise ConfigError(
            source, f"{where}vergelijking",
            'geweigerde toewijzingen tellen tegen een drempel (vergelijking = "drempel"); '
            "de andere maatstaven niet",
        )  # fmt: skip
    if maatstaf == "weigeringen" and data.get("groepering") != "aanbieder":
        raise ConfigError(source, f"{where}groepering", 'weigeringen tellen per "aanbieder"')
    doelindicator = str(data.get("doelindicator", ""))
    if vergelijking == "doel" and not doelindicator:
        raise ConfigError(source, f"{where}doelindicator", 'nodig bij vergelijking = "doel"')
    onbekend = set(data) - set(RegelConfig.__dataclass_fields__)
    if onbekend:
        raise ConfigError(source, f"{where}{sorted(onbekend)[0]}", "onbekende sleutel")
    return RegelConfig(
        code=str(code).strip(), naam=str(naam).strip(),
        maatstaf=maatstaf,
        groepering=keuze(data, "groepering", list(GROEPERINGEN), source, where),
        vergelijking=vergelijking,
        minimum_volume=_geheel(data, "minimum_volume", source, where, minimum=1),
        niveau=keuze(data, "niveau", NIVEAUS, source, where),
        ernst=keuze(data, "ernst", ERNST, source, where),
        periode_maanden=_geheel(data, "periode_maanden", source, where, minimum=1, standaard=12),
        doelindicator=doelindicator, toelichting=str(data.get("toelichting", "")).strip(),
    )  # fmt: skip


def _beleid(data: Mapping[str, Any], source: str) -> dict[str, Any]:
    where = "verwijsbeleid."
    uit: dict[str, Any] = {"prioriteit": keuze(data, "prioriteit", PRIORITEITEN, source, where)}
    for key in GEHELE:
        uit[key] = _geheel(data, key, source, where, minimum=1)
    for key in GEWICHTEN:
        w = data.get(key)
        if not isinstance(w, int | float) or isinstance(w, bool) or w < 0:
            raise ConfigError(source, f"{where}{key}", f"{w!r}: een getal vanaf 0")
        uit[key] = float(w)
    return uit


def lees_escalatie(pad: Path) -> EscalatieConfig:
    source = str(pad)
    try:
        data = tomllib.loads(pad.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(source, "", f"geen geldige TOML: {e}") from e
    except OSError as e:
        raise ConfigError(source, "", f"niet te lezen: {e.strerror}") from e
    regels = data.get("regel")
    if not isinstance(regels, list) or not regels:
        raise ConfigError(source, "regel", "geen [[regel]]-blokken")
    uit = tuple(_regel(r, source, i) for i, r in enumerate(regels))
    dubbel = sorted({r.code for r in uit if [x.code for x in uit].count(r.code) > 1})
    if dubbel:
        raise ConfigError(source, "regel.code", f"dubbele code {dubbel[0]!r}")
    beleid = data.get("verwijsbeleid")
    if not isinstance(beleid, dict):
        raise ConfigError(source, "verwijsbeleid", "ontbreekt")
    return EscalatieConfig(source, uit, _beleid(beleid, source))
