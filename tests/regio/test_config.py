# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Region configuration: bad files are refused with the file and key that are wrong."""

from __future__ import annotations

import copy
import tomllib
from typing import Any

import pytest

from jeugdsturing.regio.config import ConfigError, builtin_configs, parse_config


def jz13() -> dict[str, Any]:
    path = next(p for p in builtin_configs() if p.name == "JZ13.toml")
    with path.open("rb") as fh:
        return tomllib.load(fh)


def test_builtin_config_parses_to_eurocent():
    cfg = parse_config(jz13(), "JZ13.toml")
    assert cfg.begroting is not None
    assert cfg.begroting.bedragen_eurocent["0358"][0] == 660_000_000
    assert cfg.begroting.totalen_eurocent == (29_601_500_000,) + (29_207_000_000,) * 5


def mutate(fn) -> dict[str, Any]:
    data = copy.deepcopy(jz13())
    fn(data)
    return data


@pytest.mark.parametrize(
    ("change", "key", "fragment"),
    [
        (lambda d: d["begroting"]["bedragen"].update({"0358": [6601, 6600, 6600, 6600, 6600, 6600]}),
         "begroting.totalen (2028)", "tellen op tot 296016"),
        (lambda d: d["begroting"]["bedragen"].update({"0361": [1] * 6}),
         "begroting.bedragen.0361", "hoort niet bij de regio"),
        (lambda d: d["begroting"]["bedragen"].update({"0358": [1, 2]}),
         "begroting.bedragen.0358", "2 bedragen voor 6 jaren"),
        (lambda d: d["gebieden"][1]["postcodes"].update({"0363": ["1060-1071"]}),
         "gebieden", "overlappen"),
        (lambda d: d["gebieden"][1]["postcodes"].update({"0363": ["106"]}),
         "gebieden[1].postcodes.0363", "geen postcode"),
        (lambda d: d["gebieden"].pop(), "gebieden", "gemeenten zonder gebied: 0358, 0362"),
        (lambda d: d["gebieden"][7]["gemeenten"].append("0384"), "gebieden[7].gemeenten", "zit ook in gebied DUO"),
        (lambda d: d.update(code="jz 13"), "code", "hoofdletters"),
        (lambda d: d.pop("naam"), "naam", "ontbreekt"),
        (lambda d: d["stuurmomenten"][0].update(maand=13), "stuurmomenten[0].maand", "geen maand"),
        (lambda d: d["themas"].append({"code": "A", "naam": "dubbel"}), "themas", "dubbele code(s): A"),
        (lambda d: d.update(gemeenten=["0358", "363"]), "gemeenten", "'363' is geen gemeentecode"),
    ],
)  # fmt: skip
def test_config_errors_name_file_and_key(change, key, fragment):
    with pytest.raises(ConfigError) as info:
        parse_config(mutate(change), "regio.toml")
    assert info.value.source == "regio.toml"
    assert info.value.key == key
    assert fragment in info.value.message
    assert str(info.value).startswith(f"regio.toml: {key}: ")


def test_shares_must_sum_to_100():
    data = mutate(lambda d: None)
    data["themas"] = [
        {"code": "X", "naam": "x", "budget_aandeel_pct": 60},
        {"code": "Y", "naam": "y", "budget_aandeel_pct": 30},
    ]
    with pytest.raises(ConfigError, match="tellen niet op tot 100%"):
        parse_config(data, "r.toml")
