# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Steering element 1: the budget and the year-end forecast, the numbers of the
realisation page (contracten.jaarprognose) for the subject."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from jeugdsturing.contracten.jaarprognose import prognose_totaal
from jeugdsturing.sturing.pakket.bronnen import MAANDEN, Bronnen, Kijker, Onderwerp
from jeugdsturing.sturing.pakket.elementen.basis import (
    P,
    aanbieders_van,
    element,
    gemeenten_van,
    tabel,
)
from jeugdsturing.sturing.pakket.inhoud import (
    Element,
    cijfer,
    kleur_budget,
)
from jeugdsturing.weergave.templatetags.bedragen import euro


def budget(b: Bronnen, o: Onderwerp, k: Kijker) -> Element:
    aanbieders, gemeenten = aanbieders_van(b, o), gemeenten_van(o)

    def hoort(r: dict[str, object]) -> bool:
        return (aanbieders is None or r["aanbieder"] in aanbieders) and (
            gemeenten is None or r["gemeente"] in gemeenten
        )

    rijen = [r for r in b.prognose(b.jaar) if hoort(r)]
    vorig = [r for r in b.prognose(b.jaar - 1) if hoort(r)]
    regio = prognose_totaal(b.prognose(b.jaar))
    t = prognose_totaal(rijen)
    maandnaam = MAANDEN[b.maand - 1]
    link = f"/contracten/realisatie/?jaar={b.jaar}&maand={b.maand}"
    if not rijen:
        tekst = (
            "Dit gebied bestaat uit postcodes van een gemeente; budget en prognose zijn er "
            "per gemeente (zie het pakket over de hele opdracht)."
            if gemeenten == []
            else "Geen budget, realisatie of prognose voor dit onderwerp in dit jaar."
        )
        return element("1", [], toelichting=tekst, link=link)
    pct = round(100 * t["prognose"] / t["budget"], 1) if t["budget"] else None
    pct_regio = round(100 * regio["prognose"] / regio["budget"], 1) if regio["budget"] else None
    cijfers = [
        cijfer("budget", f"Budget {b.jaar}", t["budget"] or None, eenheid="euro", link=link),
        cijfer(
            "gerealiseerd",
            f"Gerealiseerd t/m {maandnaam}",
            t["gerealiseerd"],
            eenheid="euro",
            vorige=prognose_totaal(vorig)["gerealiseerd"] if vorig else None,
            link=link,
            bron="declaraties uit het berichtenverkeer en rapportages van lumpsumaanbieders",
        ),
        cijfer(
            "prognose",
            f"Jaarprognose {b.jaar}",
            t["prognose"],
            eenheid="euro",
            doel=t["budget"] or None,
            kleur=kleur_budget(t["prognose"], t["onder"], t["budget"]),
            link=link,
            bron=f"interval {_euro(t['onder'])} tot {_euro(t['boven'])}",
        ),
        cijfer(
            "prognose_pct_budget",
            "Prognose als deel van het budget",
            pct,
            eenheid="pct",
            vergelijking=pct_regio,
            doel=100.0,
            link=link,
        ),
    ]
    gem_rijen = _groepen(rijen, "gemeente", b.namen["gemeente"])
    kleuren = [r[-1] for r in gem_rijen]
    grafiek = [
        {"naam": r[0], "prognose": r[3] / 100, "onder": r[4] / 100, "boven": r[5] / 100,
         "budget": r[1] / 100 if r[1] else None}
        for r in gem_rijen
    ]  # fmt: skip
    kolommen = [
        ("Gemeente", "tekst"),
        ("Budget", "euro"),
        (f"Gerealiseerd t/m {maandnaam}", "euro"),
        ("Prognose", "euro"),
        ("Ondergrens", "euro"),
        ("Bovengrens", "euro"),
        ("Prognose min budget", "euro"),
        ("Oordeel", "kleur"),
    ]
    tabellen = [tabel("per_gemeente", "Per gemeente", kolommen, gem_rijen, link)]
    if not k.gedeeld and o.soort in (P.PD2_THEMA, P.PD2_OPDRACHT):
        tabellen.append(
            tabel(
                "per_aanbieder",
                "Per aanbieder (alleen voor het regioteam)",
                [("Aanbieder", "tekst"), *kolommen[1:]],
                _groepen(rijen, "aanbieder", b.namen["aanbieder"]),
                link,
            )
        )
    toelichting = (
        f"De cijfers van de pagina Realisatie en prognose ({b.jaar}, stand maand {b.maand}): "
        "declaraties tot en met de maand, lumpsums uit de 4-, 8- en 12-maandsrapportages, en een "
        "prognose met een interval waarin de jaaruitkomst in 80% van de teruggetoetste jaren viel."
    )
    if o.thema is not None:
        toelichting += " Per aanbieder: de hele overeenkomst, ook buiten dit thema."
    return element(
        "1",
        cijfers,
        tabellen=tabellen,
        link=link,
        toelichting=toelichting,
        extra_kleuren=kleuren,
        grafieken=[
            {
                "soort": "budget",
                "titel": f"Jaarprognose {b.jaar} en budget per gemeente",
                "rijen": grafiek,
            }
        ],
    )


def _groepen(rijen: list[dict[str, object]], dim: str, namen: dict[str, str]) -> list[list[Any]]:
    """Per gemeente or provider (by name): budget, realised, forecast, its band, forecast
    minus budget and the traffic light, totalled as the realisation page totals."""
    per: dict[str, list[dict[str, object]]] = defaultdict(list)
    for r in rijen:
        per[str(r[dim])].append(r)
    uit = []
    for code, groep in sorted(per.items(), key=lambda kv: namen.get(kv[0], kv[0])):
        g = prognose_totaal(groep)
        uit.append([
            namen.get(code, code), g["budget"] or None, g["gerealiseerd"], g["prognose"],
            g["onder"], g["boven"], g["prognose"] - g["budget"] if g["budget"] else None,
            kleur_budget(g["prognose"], g["onder"], g["budget"]),
        ])  # fmt: skip
    return uit


def _euro(eurocent: int) -> str:
    return euro(eurocent)
