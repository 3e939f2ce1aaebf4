# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Region configuration files (TOML): parsed and checked as pure data, before anything
touches the database. Errors name the file and the key that is wrong."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from typing import Any

CONFIG_DIR = Path(__file__).resolve().parent / "data" / "regios"


class ConfigError(ValueError):
    def __init__(self, source: str, key: str, message: str) -> None:
        super().__init__(f"{source}: {key}: {message}")
        self.source, self.key, self.message = source, key, message


def keuze(data: Mapping[str, Any], key: str, keuzes: Sequence[str], source: str, where: str,
          standaard: str | None = None) -> str:  # fmt: skip
    """One of the allowed values of a key of a configuration file, or a ConfigError that
    names the file, the key and the choices."""
    waarde = data.get(key, standaard)
    if waarde not in keuzes:
        raise ConfigError(source, f"{where}{key}", f"{waarde!r}: kies uit {', '.join(keuzes)}")
    return str(waarde)


@dataclass(frozen=True)
class PostcodeRange:
    gemeente: str
    van: int
    tot: int


@dataclass(frozen=True)
class GebiedConfig:
    code: str
    naam: str
    gemeenten: tuple[str, ...] = ()
    postcodes: tuple[PostcodeRange, ...] = ()


@dataclass(frozen=True)
class ThemaConfig:
    code: str
    naam: str
    omschrijving: str = ""
    budget_aandeel_pct: Decimal | None = None
    clienten_aandeel_pct: Decimal | None = None


@dataclass(frozen=True)
class StuurmomentConfig:
    code: str
    naam: str
    maand: int
    omschrijving: str = ""
    bron: str = ""


@dataclass(frozen=True)
class BegrotingConfig:
    bron: str
    jaren: tuple[int, ...]
    # gemeente code -> amount per year, in eurocent
    bedragen_eurocent: Mapping[str, tuple[int, ...]]
    totalen_eurocent: tuple[int, ...] | None


@dataclass(frozen=True)
class RegioConfig:
    source: str
    code: str
    naam: str
    bron: str
    omschrijving: str
    demo: bool
    thema_soort: str
    jeugdregios: tuple[str, ...]
    gemeenten: tuple[str, ...]
    gebieden: tuple[GebiedConfig, ...] = ()
    themas: tuple[ThemaConfig, ...] = ()
    stuurmomenten: tuple[StuurmomentConfig, ...] = ()
    begroting: BegrotingConfig | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)


EENHEDEN = {"euro": 100, "duizend euro": 100_000, "eurocent": 1}


def _req(data: Mapping[str, Any], key: str, kind: type, source: str, where: str = "") -> Any:
    path = f"{where}{key}"
    if key not in data:
        raise ConfigError(source, path, "ontbreekt")
    value = data[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ConfigError(source, path, f"verwacht {kind.__name__}, gevonden {value!r}")
    return value


def _codes(values: Any, source: str, key: str) -> tuple[str, ...]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ConfigError(source, key, "verwacht een lijst van gemeentecodes (tekst, 4 cijfers)")
    for v in values:
        if not re.fullmatch(r"\d{4}", v):
            raise ConfigError(source, key, f"'{v}' is geen gemeentecode van 4 cijfers")
    if len(set(values)) != len(values):
        raise ConfigError(source, key, "een gemeente staat er dubbel in")
    return tuple(values)


def _range(text: str, gemeente: str, source: str, key: str) -> PostcodeRange:
    m = re.fullmatch(r"(\d{4})(?:-(\d{4}))?", text)
    if not m:
        raise ConfigError(source, key, f"'{text}' is geen postcode (1234) of reeks (1234-1240)")
    van = int(m.group(1))
    tot = int(m.group(2) or m.group(1))
    if not 1000 <= van <= tot <= 9999:
        raise ConfigError(source, key, f"'{text}': reeks moet oplopen binnen 1000-9999")
    return PostcodeRange(gemeente, van, tot)


def parse_config(data: Mapping[str, Any], source: str) -> RegioConfig:
    """Check a region configuration and return it as typed data (amounts in eurocent)."""
    code = _req(data, "code", str, source)
    if not re.fullmatch(r"[A-Z0-9-]{2,12}", code):
        raise ConfigError(source, "code", f"'{code}': 2-12 hoofdletters, cijfers of streepjes")
    gemeenten = _codes(data.get("gemeenten"), source, "gemeenten")
    jeugdregios = tuple(data.get("jeugdregios", []))
    for jr in jeugdregios:
        if not re.fullmatch(r"JZ\d{2}", str(jr)):
            raise ConfigError(source, "jeugdregios", f"'{jr}' is geen jeugdregiocode (JZ13)")

    gebieden: list[GebiedConfig] = []
    whole: dict[str, str] = {}
    ranges: list[tuple[PostcodeRange, str]] = []
    for i, g in enumerate(data.get("gebieden", [])):
        where = f"gebieden[{i}]."
        gcode = _req(g, "code", str, source, where)
        g_gem = _codes(g.get("gemeenten", []), source, where + "gemeenten")
        g_pc: list[PostcodeRange] = []
        for gem, specs in dict(g.get("postcodes", {})).items():
            _codes([gem], source, where + "postcodes")
            for spec in specs:
                g_pc.append(_range(str(spec), gem, source, f"{where}postcodes.{gem}"))
        if not g_gem and not g_pc:
            raise ConfigError(
                source, where + "code", f"gebied {gcode} heeft geen gemeenten of postcodes"
            )
        for gem in g_gem + tuple(r.gemeente for r in g_pc):
            if gem not in gemeenten:
                raise ConfigError(source, where, f"gemeente {gem} hoort niet bij de regio")
        for gem in g_gem:
            if gem in whole:
                raise ConfigError(
                    source, where + "gemeenten", f"gemeente {gem} zit ook in gebied {whole[gem]}"
                )
            whole[gem] = gcode
        ranges.extend((r, gcode) for r in g_pc)
        gebieden.append(
            GebiedConfig(gcode, _req(g, "naam", str, source, where), g_gem, tuple(g_pc))
        )
    for r, gcode in ranges:
        if r.gemeente in whole:
            other = whole[r.gemeente]
            message = f"gemeente {r.gemeente} valt al in gebied {other}; {gcode} overlapt"
            raise ConfigError(source, "gebieden", message)
    ordered = sorted(ranges, key=lambda x: (x[0].gemeente, x[0].van))
    for (a, ga), (b, gb) in pairwise(ordered):
        if a.gemeente == b.gemeente and b.van <= a.tot:
            raise ConfigError(
                source,
                "gebieden",
                f"postcodes {a.van}-{a.tot} ({ga}) en {b.van}-{b.tot} ({gb}) overlappen",
            )
    if gebieden:
        covered = set(whole) | {r.gemeente for r, _ in ranges}
        missing = [g for g in gemeenten if g not in covered]
        if missing:
            raise ConfigError(source, "gebieden", f"gemeenten zonder gebied: {', '.join(missing)}")

    themas = []
    for i, t in enumerate(data.get("themas", [])):
        where = f"themas[{i}]."
        themas.append(
            ThemaConfig(
                _req(t, "code", str, source, where),
                _req(t, "naam", str, source, where),
                str(t.get("omschrijving", "")),
                _pct(t.get("budget_aandeel_pct"), source, where + "budget_aandeel_pct"),
                _pct(t.get("clienten_aandeel_pct"), source, where + "clienten_aandeel_pct"),
            )
        )
    for attr in ("budget_aandeel_pct", "clienten_aandeel_pct"):
        values = [getattr(t, attr) for t in themas]
        if any(v is not None for v in values) and sum(v or Decimal(0) for v in values) != 100:
            raise ConfigError(source, f"themas.{attr}", "de aandelen tellen niet op tot 100%")
    _unique([t.code for t in themas], source, "themas")
    _unique([g.code for g in gebieden], source, "gebieden")

    momenten = []
    for i, s in enumerate(data.get("stuurmomenten", [])):
        where = f"stuurmomenten[{i}]."
        maand = _req(s, "maand", int, source, where)
        if not 1 <= maand <= 12:
            raise ConfigError(source, where + "maand", f"{maand} is geen maand (1-12)")
        momenten.append(
            StuurmomentConfig(
                _req(s, "code", str, source, where),
                _req(s, "naam", str, source, where),
                maand,
                str(s.get("omschrijving", "")),
                str(s.get("bron", "")),
            )
        )
    _unique([m.code for m in momenten], source, "stuurmomenten")

    begroting = _begroting(data.get("begroting"), gemeenten, source)
    return RegioConfig(
        source=source,
        code=code,
        naam=_req(data, "naam", str, source),
        bron=str(data.get("bron", "")),
        omschrijving=str(data.get("omschrijving", "")),
        demo=bool(data.get("demo", False)),
        thema_soort=str(data.get("thema_soort", "thema")),
        jeugdregios=jeugdregios,
        gemeenten=gemeenten,
        gebieden=tuple(gebieden),
        themas=tuple(themas),
        stuurmomenten=tuple(momenten),
        begroting=begroting,
    )


def _pct(value: Any, source: str, key: str) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConfigError(source, key, f"verwacht een percentage, gevonden {value!r}")
    pct = Decimal(str(value))
    if not 0 <= pct <= 100:
        raise ConfigError(source, key, f"{value} ligt niet tussen 0 en 100")
    return pct


def _unique(codes: Sequence[str], source: str, key: str) -> None:
    dupes = sorted({c for c in codes if codes.count(c) > 1})
    if dupes:
        raise ConfigError(source, key, f"dubbele code(s): {', '.join(dupes)}")


def _begroting(data: Any, gemeenten: Sequence[str], source: str) -> BegrotingConfig | None:
    if data is None:
        return None
    eenheid = _req(data, "eenheid", str, source, "begroting.")
    if eenheid not in EENHEDEN:
        raise ConfigError(
            source, "begroting.eenheid", f"'{eenheid}': kies uit {', '.join(EENHEDEN)}"
        )
    factor = EENHEDEN[eenheid]
    jaren = tuple(_req(data, "jaren", list, source, "begroting."))
    if not all(isinstance(j, int) and 2000 <= j <= 2100 for j in jaren):
        raise ConfigError(source, "begroting.jaren", "verwacht jaartallen")
    bedragen: dict[str, tuple[int, ...]] = {}
    for gem, values in dict(_req(data, "bedragen", dict, source, "begroting.")).items():
        key = f"begroting.bedragen.{gem}"
        if gem not in gemeenten:
            raise ConfigError(source, key, f"gemeente {gem} hoort niet bij de regio")
        if len(values) != len(jaren):
            raise ConfigError(source, key, f"{len(values)} bedragen voor {len(jaren)} jaren")
        if not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in values):
            raise ConfigError(source, key, "bedragen zijn gehele, niet-negatieve getallen")
        bedragen[gem] = tuple(v * factor for v in values)
    totalen = None
    if "totalen" in data:
        printed = tuple(data["totalen"])
        if len(printed) != len(jaren):
            raise ConfigError(
                source, "begroting.totalen", f"{len(printed)} totalen voor {len(jaren)} jaren"
            )
        for i, jaar in enumerate(jaren):
            som = sum(v[i] for v in bedragen.values())
            if som != printed[i] * factor:
                message = f"de bedragen tellen op tot {som // factor}, het totaal is {printed[i]}"
                raise ConfigError(source, f"begroting.totalen ({jaar})", message)
        totalen = tuple(t * factor for t in printed)
    return BegrotingConfig(str(data.get("bron", "")), jaren, bedragen, totalen)


def load_config_file(path: Path) -> RegioConfig:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), "(bestand)", f"geen geldige TOML: {exc}") from exc
    return parse_config(data, str(path))


def builtin_configs() -> list[Path]:
    return sorted(CONFIG_DIR.glob("*.toml"))
