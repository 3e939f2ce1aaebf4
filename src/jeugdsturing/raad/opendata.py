# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""A council report as open data: one long CSV (one row per figure: section, subject,
period, value, unit, source) and a codebook that explains every column and every
figure. Pure: the report's frozen figures in, text out."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jeugdsturing.raad.inhoud import KERNCIJFERS
from jeugdsturing.raad.models import Raadsrapportage
from jeugdsturing.weergave.export import Cel, csv_tekst, euro

KOLOMMEN: list[tuple[str, str]] = [
    ("rapportage", "nummer van de rapportage"),
    ("regio", "code van de jeugdzorgregio"),
    ("gemeente", "CBS-code van de gemeente; leeg: de hele regio"),
    ("periode_van", "eerste dag van de periode (JJJJ-MM-DD)"),
    ("periode_tot", "laatste dag van de periode (JJJJ-MM-DD)"),
    ("onderdeel", "kerncijfers, per_gemeente, doelen, geld of prestatiedialoog"),
    ("onderwerp", "het cijfer (zie de codes hieronder) of de gemeente of het doel"),
    (
        "waarde",
        "het gepubliceerde cijfer; <5 = 1 tot 4; afgeschermd = niet te publiceren; "
        "leeg = niet bekend",
    ),
    ("eenheid", "aantal, dagen, procent, euro of per 1.000 jongeren"),
    ("bron", "waar het cijfer vandaan komt"),
]
EENHEDEN = {
    "doorlooptijd_mediaan_dagen": "dagen", "wachttijd_mediaan_dagen": "dagen",
    "binnen_wachtnorm_pct": "procent", "aandeel_verblijf_pct": "procent",
    "herhaald_gebruik_pct": "procent",
}  # fmt: skip


def _rijen(r: Raadsrapportage) -> Iterator[list[Cel]]:
    i: dict[str, Any] = r.inhoud
    basis: list[Cel] = [r.pk, r.regio.code, r.gemeente.code if r.gemeente else None]
    p, v = i["periode"], i["vorig"]
    for k in i["kerncijfers"]:
        eenheid = EENHEDEN.get(k["code"], "aantal")
        yield [
            *basis,
            p["van"],
            p["tot"],
            "kerncijfers",
            k["code"],
            k["waarde"],
            eenheid,
            k["bron"],
        ]
        yield [*basis, v["van"], v["tot"], "kerncijfers", k["code"], k["vorig"], eenheid, k["bron"]]
    for g in i["gemeenten"]:
        paren = [
            (f"{g['code']} jeugdigen in zorg", g["clienten_in_zorg"], "aantal"),
            (f"{g['code']} per 1.000 jongeren", g["per_1000"], "per 1.000 jongeren"),
        ]
        for onderwerp, w, e in paren:
            yield [*basis, p["van"], p["tot"], "per_gemeente", onderwerp, w, e, "monitor"]
    for d in i["doelen"]:
        yield [*basis, p["van"], p["tot"], "doelen", f"{d['indicator']}", d["waarde"],
               d["eenheid"] or "getal", d["bron"]]  # fmt: skip
    geld = i["geld"]
    for g in geld["rijen"]:
        for soort in ("begroot", "gerealiseerd", "prognose"):
            yield [*basis, f"{geld['jaar']}-01-01", f"{geld['jaar']}-12-31", "geld",
                   f"{g['code']} {soort}", euro(g[soort]), "euro", geld["bron"]]  # fmt: skip
    dialoog = i["dialoog"]
    for k, w in dialoog.items():
        if k == "bron":
            continue
        if isinstance(w, dict):
            for status, n in w.items():
                yield [*basis, p["van"], p["tot"], "prestatiedialoog", f"afspraken {status}", n,
                       "aantal", dialoog["bron"]]  # fmt: skip
        else:
            yield [*basis, p["van"], p["tot"], "prestatiedialoog", k, w, "aantal", dialoog["bron"]]


def rapport_csv(r: Raadsrapportage) -> str:
    return csv_tekst([k for k, _ in KOLOMMEN], _rijen(r))


def codeboek_csv() -> str:
    rijen: list[list[Cel]] = [["kolom", k, uitleg] for k, uitleg in KOLOMMEN]
    rijen += [["kerncijfer", code, naam] for code, naam in KERNCIJFERS.items()]
    rijen += [
        ["regel", "kleine aantallen", "aantallen van 1 tot 4 staan als <5; andere aantallen zijn "
         "afgerond op vijftallen (zoals het CBS doet); een percentage over minder dan 10 of met "
         "1 tot 4 in teller of rest is afgeschermd"],
        ["regel", "perioden",
         "alleen vaste perioden: het halfjaar en hetzelfde halfjaar een jaar eerder"],
        ["regel", "vastgesteld", "de cijfers zijn bevroren op het moment van vaststellen"],
    ]  # fmt: skip
    return csv_tekst(["soort", "code", "betekenis"], rijen)
