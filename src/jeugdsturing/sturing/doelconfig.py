# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Goal files (TOML, docs/sturing.md): the transformation goals of a region per theme,
parsed and checked as pure data before anything touches the database. Errors name the
file and the key that is wrong, like the region files (regio/config.py)."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from jeugdsturing.monitor.indicatoren import DIMENSIES, INDICATOREN
from jeugdsturing.regio.config import ConfigError, keuze

DOELEN_DIR = Path(__file__).resolve().parent / "data" / "doelen"

HORIZONNEN = ("outcome_2050", "doel_2034", "doel_2028", "ksf")
SOORTEN = ("gemeten", "gerapporteerd")
METINGEN = ("waarde", "verandering_pct")
RICHTINGEN = ("omlaag", "omhoog")
WAARDESOORTEN = ("getal", "percentage", "ja_nee")


@dataclass(frozen=True)
class IndicatorConfig:
    code: str
    naam: str
    soort: str
    richting: str
    monitor_indicator: str = ""
    filters: Mapping[str, str | list[str]] | None = None
    meting: str = "waarde"
    nulmeting_jaar: int | None = None
    waardesoort: str = "getal"
    door_aanbieder: bool = False
    streefwaarde: Decimal | None = None
    streefjaar: int | None = None
    streefwaarde_bron: str = ""


@dataclass(frozen=True)
class DoelConfig:
    code: str
    thema: str | None
    horizon: str
    teksten: tuple[str, ...]
    indicatoren: tuple[IndicatorConfig, ...]
    voorbeeld: bool = False
    bron: str = ""
    gemeente: str | None = None
    gebied: str | None = None


@dataclass(frozen=True)
class DoelenConfig:
    source: str
    regio: str
    doelen: tuple[DoelConfig, ...]


def _tekst(data: Mapping[str, Any], key: str, source: str, where: str) -> str:
    waarde = data.get(key)
    if not isinstance(waarde, str) or not waarde.strip():
        raise ConfigError(source, f"{where}{key}", "ontbreekt of is geen tekst")
    return waarde.strip()


def _jaar(data: Mapping[str, Any], key: str, source: str, where: str) -> int | None:
    waarde = data.get(key)
    if waarde is None:
        return None
    if isinstance(waarde, bool) or not isinstance(waarde, int) or not 2000 <= waarde <= 2100:
        raise ConfigError(source, f"{where}{key}", f"{waarde!r} is geen jaartal")
    return int(waarde)


def _getal(data: Mapping[str, Any], key: str, source: str, where: str) -> Decimal | None:
    waarde = data.get(key)
    if waarde is None:
        return None
    if isinstance(waarde, bool) or not isinstance(waarde, int | float):
        raise ConfigError(source, f"{where}{key}", f"{waarde!r} is geen getal")
    try:
        return Decimal(str(waarde))
    except InvalidOperation as e:  # pragma: no cover - int/float always convert
        raise ConfigError(source, f"{where}{key}", f"{waarde!r} is geen getal") from e


def _filters(data: Any, source: str, where: str) -> dict[str, str | list[str]]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(source, where, "verwacht een tabel dimensie = waarde")
    uit: dict[str, str | list[str]] = {}
    for dim, waarde in data.items():
        if dim not in DIMENSIES:
            raise ConfigError(
                source, f"{where}.{dim}", f"geen dimensie van de monitor ({', '.join(DIMENSIES)})"
            )
        if isinstance(waarde, str):
            uit[dim] = waarde
        elif isinstance(waarde, list) and waarde and all(isinstance(w, str) for w in waarde):
            uit[dim] = list(waarde)
        else:
            raise ConfigError(source, f"{where}.{dim}", f"{waarde!r}: een tekst of een lijst")
    return uit


def _indicator(data: Mapping[str, Any], source: str, where: str) -> IndicatorConfig:
    soort = keuze(data, "soort", SOORTEN, source, where)
    code = _tekst(data, "code", source, where)
    naam = _tekst(data, "naam", source, where)
    richting = keuze(data, "richting", RICHTINGEN, source, where)
    streef = _getal(data, "streefwaarde", source, where)
    gemeen: dict[str, Any] = {
        "code": code, "naam": naam, "soort": soort, "richting": richting,
        "streefwaarde": streef, "streefjaar": _jaar(data, "streefjaar", source, where),
        "streefwaarde_bron": str(data.get("streefwaarde_bron", "")),
    }  # fmt: skip
    if streef is not None and not gemeen["streefwaarde_bron"]:
        raise ConfigError(
            source, f"{where}streefwaarde_bron", "noem de bron van de streefwaarde (of 'voorbeeld')"
        )
    if soort == "gemeten":
        indicator = _tekst(data, "indicator", source, where)
        if indicator not in INDICATOREN:
            raise ConfigError(
                source, f"{where}indicator", f"{indicator!r} is geen indicator van de monitor"
            )
        meting = keuze(data, "meting", METINGEN, source, where, "waarde")
        nulmeting = _jaar(data, "nulmeting", source, where)
        if meting == "verandering_pct" and nulmeting is None:
            raise ConfigError(
                source,
                f"{where}nulmeting",
                "een verandering in % vraagt om het jaar van de nulmeting",
            )
        return IndicatorConfig(
            **gemeen, monitor_indicator=indicator, meting=meting, nulmeting_jaar=nulmeting,
            filters=_filters(data.get("filters"), source, f"{where}filters"),
        )  # fmt: skip
    if "indicator" in data or "filters" in data:
        raise ConfigError(source, f"{where}indicator", "alleen bij een gemeten indicator")
    return IndicatorConfig(
        **gemeen,
        waardesoort=keuze(data, "waardesoort", WAARDESOORTEN, source, where, "getal"),
        door_aanbieder=bool(data.get("door_aanbieder", False)),
        nulmeting_jaar=_jaar(data, "nulmeting", source, where),
    )


def parse_doelen(data: Mapping[str, Any], source: str, themas: Sequence[str]) -> DoelenConfig:
    """Check a goal file against the region's theme codes; amounts stay Decimal."""
    regio = _tekst(data, "regio", source, "")
    doelen: list[DoelConfig] = []
    codes: set[str] = set()
    for i, d in enumerate(data.get("doelen", [])):
        where = f"doelen[{i}]."
        code = _tekst(d, "code", source, where)
        if code in codes:
            raise ConfigError(source, f"{where}code", f"dubbele code {code}")
        codes.add(code)
        thema = d.get("thema")
        if thema is not None and thema not in themas:
            raise ConfigError(
                source,
                f"{where}thema",
                f"{thema!r} is geen thema van {regio} ({', '.join(themas)})",
            )
        teksten = d.get("teksten")
        if (
            not isinstance(teksten, list)
            or not teksten
            or not all(isinstance(t, str) and t.strip() for t in teksten)
        ):
            raise ConfigError(
                source, f"{where}teksten", "een lijst met ten minste één doelstelling"
            )
        indicatoren = [
            _indicator(x, source, f"{where}indicatoren[{j}].")
            for j, x in enumerate(d.get("indicatoren", []))
        ]
        dubbel = {x.code for x in indicatoren if [y.code for y in indicatoren].count(x.code) > 1}
        if dubbel:
            raise ConfigError(source, f"{where}indicatoren", f"dubbele code(s) {sorted(dubbel)}")
        doelen.append(
            DoelConfig(
                code=code, thema=thema,
                horizon=keuze(d, "horizon", HORIZONNEN, source, where),
                teksten=tuple(t.strip() for t in teksten), indicatoren=tuple(indicatoren),
                voorbeeld=bool(d.get("voorbeeld", False)), bron=str(d.get("bron", "")),
                gemeente=d.get("gemeente"), gebied=d.get("gebied"),
            )
        )  # fmt: skip
    if not doelen:
        raise ConfigError(source, "doelen", "geen doelen")
    return DoelenConfig(source=source, regio=regio, doelen=tuple(doelen))


def lees_doelen(path: Path, themas: Sequence[str]) -> DoelenConfig:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), "(bestand)", f"geen geldige TOML: {exc}") from exc
    return parse_doelen(data, str(path), themas)


def ingebouwde_doelen() -> list[Path]:
    return sorted(DOELEN_DIR.glob("*.toml"))
