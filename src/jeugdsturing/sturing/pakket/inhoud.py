# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""A pack's content as plain data, and the pure rules on it: which period a steering
moment discusses, the traffic light of a figure and of an element, and what changed
between two versions (docs/sturing.md, "Het pakket").

A pack is a JSON document: its elements, each with figures (``cijfers``: a value with
the previous period, a comparison, a target, a traffic light and the link to the query
behind it), tables, charts (their data: drawn the same way on screen and in the PDF)
and the agreements that run under it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from jeugdsturing.monitor.indicatoren import Periode

Cijfer = dict[str, Any]
Element = dict[str, Any]
Inhoud = dict[str, Any]

RAPPORTAGEMAANDEN = (4, 8, 12)
KLEUREN = ("groen", "oranje", "rood")  # from good to bad; "grijs": nothing to judge
ORDE = {"grijs": -1, "groen": 0, "oranje": 1, "rood": 2}
KLEURTEKST = {
    "groen": "op orde",
    "oranje": "aandacht",
    "rood": "zorg",
    "grijs": "geen oordeel",
}


def pakketperiode(moment: date) -> tuple[Periode, date]:
    """The period a steering moment discusses and the reference date of its figures:
    from 1 January to the end of the latest 4-, 8- or 12-month report that ended more
    than a month before the moment (June: January-April; October: January-August;
    March: the previous year), read at the end of the month before the moment."""
    moment = moment.replace(day=1)
    stand = moment - timedelta(days=1)
    for jaar in (moment.year, moment.year - 1):
        for maanden in reversed(RAPPORTAGEMAANDEN):
            eind = _maandeinde(jaar, maanden)
            if _maandeinde_na(eind) < moment:
                return Periode(date(jaar, 1, 1), eind), stand
    raise AssertionError("unreachable: December of the previous year always qualifies")


def _maandeinde(jaar: int, maand: int) -> date:
    j, m = divmod(jaar * 12 + maand, 12)
    return date(j, m + 1, 1) - timedelta(days=1)


def _maandeinde_na(d: date) -> date:
    return _maandeinde(d.year, d.month + 1)


def getal(v: object) -> float | None:
    """A figure as a number; a protected one ("<5", "afgeschermd") or none is None."""
    if isinstance(v, bool) or not isinstance(v, int | float):
        return None
    return float(v)


def kleur_norm(waarde: object, groen: float, oranje: float, richting: str) -> str:
    """A traffic light against fixed norms: at least `groen` (or at most, when lower is
    better) is green, at least `oranje` orange, otherwise red; no number: grey."""
    w = getal(waarde)
    if w is None:
        return "grijs"
    if richting == "omhoog":
        return "groen" if w >= groen else "oranje" if w >= oranje else "rood"
    return "groen" if w <= groen else "oranje" if w <= oranje else "rood"


def kleur_vergelijking(
    waarde: object, referentie: object, richting: str, marge_pct: float = 10.0
) -> str:
    """Against the region (or the peers): as good or better is green, worse by at most
    `marge_pct` % of the reference orange, worse by more red."""
    w, r = getal(waarde), getal(referentie)
    if w is None or r is None:
        return "grijs"
    slechter = (w - r) if richting == "omlaag" else (r - w)
    if slechter <= 0:
        return "groen"
    return "oranje" if slechter <= abs(r) * marge_pct / 100 else "rood"


def kleur_budget(prognose: object, onder: object, budget: object) -> str:
    """The year-end forecast against the budget: within it green; the forecast above it
    but the lower bound of its interval within orange; the whole interval above red."""
    p, o, b = getal(prognose), getal(onder), getal(budget)
    if p is None or b is None or b <= 0:
        return "grijs"
    if p <= b:
        return "groen"
    return "oranje" if o is not None and o <= b else "rood"


def element_kleur(kleuren: Iterable[str]) -> str:
    """The worst light of an element's judged figures; grey when none is judged."""
    return max(kleuren, key=lambda k: ORDE[k], default="grijs")


def cijfer(
    code: str,
    naam: str,
    waarde: object,
    *,
    eenheid: str = "aantal",
    vorige: object = None,
    vergelijking: object = None,
    vergelijking_naam: str = "regio",
    positie: str | None = None,
    doel: object = None,
    kleur: str | None = None,
    link: str | None = None,
    bron: str = "",
) -> Cijfer:
    """One figure of a pack. eenheid: aantal, pct, dagen, euro (eurocent), tekst."""
    return {
        "code": code,
        "naam": naam,
        "eenheid": eenheid,
        "waarde": waarde,
        "vorige": vorige,
        "vergelijking": vergelijking,
        "vergelijking_naam": vergelijking_naam,
        "positie": positie,
        "doel": doel,
        "kleur": kleur or "grijs",
        "link": link,
        "bron": bron,
    }


def positie(eigen: object, alle: Sequence[object], richting: str | None) -> str | None:
    """The rank of a value among its peers ('2 van 14', 1 = best), or None when the
    value or the direction is unknown."""
    w = getal(eigen)
    waarden = [x for x in (getal(a) for a in alle) if x is not None]
    if w is None or richting is None or len(waarden) < 3:
        return None
    beter = sum(1 for x in waarden if (x < w if richting == "omlaag" else x > w))
    return f"{beter + 1} van {len(waarden)}"


def mediaan(waarden: Iterable[object]) -> float | None:
    xs = sorted(x for x in (getal(w) for w in waarden) if x is not None)
    if not xs:
        return None
    m = len(xs) // 2
    return xs[m] if len(xs) % 2 else (xs[m - 1] + xs[m]) / 2


# --- differences between versions ---------------------------------------------------------


def _cijfers(inhoud: Mapping[str, Any]) -> dict[tuple[str, str], tuple[str, str, Any]]:
    uit = {}
    for el in inhoud.get("elementen", []):
        for c in el.get("cijfers", []):
            uit[(el["code"], c["code"])] = (el["titel"], c["naam"], c["waarde"])
        for t in el.get("tabellen", []):
            for rij in t.get("rijen", []):
                for kol, cel in zip(t["kolommen"][1:], rij[1:], strict=False):
                    uit[(el["code"], f"{t['code']}|{rij[0]}|{kol['naam']}")] = (
                        el["titel"],
                        f"{t['titel']}, {rij[0]}, {kol['naam']}",
                        cel,
                    )
    return uit


def verschillen(oud: Mapping[str, Any] | None, nieuw: Mapping[str, Any]) -> list[dict[str, Any]]:
    """What changed between two versions of a pack: per figure or table cell whose
    value differs (or that came or went), the element, the figure and both values; and
    every element whose traffic light changed."""
    if oud is None:
        return []
    a, b = _cijfers(oud), _cijfers(nieuw)
    uit: list[dict[str, Any]] = []
    for sleutel in sorted(set(a) | set(b), key=lambda s: (s[0], s[1])):
        van, naar = a.get(sleutel), b.get(sleutel)
        if van is not None and naar is not None and van[2] == naar[2]:
            continue
        bron = naar or van
        assert bron is not None  # noqa: S101 (the key came from one of them)
        uit.append(
            {
                "element": sleutel[0],
                "element_titel": bron[0],
                "cijfer": bron[1],
                "was": van[2] if van else None,
                "wordt": naar[2] if naar else None,
                "soort": "nieuw" if van is None else "vervallen" if naar is None else "gewijzigd",
            }
        )
    kleur_a = {el["code"]: el.get("kleur") for el in oud.get("elementen", [])}
    for el in nieuw.get("elementen", []):
        if el["code"] in kleur_a and kleur_a[el["code"]] != el.get("kleur"):
            uit.append(
                {
                    "element": el["code"],
                    "element_titel": el["titel"],
                    "cijfer": "oordeel",
                    "was": KLEURTEKST.get(str(kleur_a[el["code"]])),
                    "wordt": KLEURTEKST[el["kleur"]],
                    "soort": "gewijzigd",
                }
            )
    return uit
