# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Referral advice (framework contract: "goed presterende aanbieders groeien en slecht
presterende krimpen"): for a theme and gebied, the contracted providers ranked by a
score from their performance profile, with the rule written out (docs/escalatie.md).
Pure functions; the profiles come from the monitor's frames and the intake point."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import polars as pl

from jeugdsturing.monitor.bescherming import aandeel_getoond
from jeugdsturing.monitor.indicatoren import NORMEN, Normen, Periode, gebeurtenissen
from jeugdsturing.monitor.vergelijking import punten, venster

WACHTNORM = 42  # days: the waiting-time norm the score measures against


@dataclass(frozen=True)
class Gewichten:
    uitstroom: float = 1.0
    herhaald: float = 1.0
    wachttijd: float = 0.5
    acceptatie: float = 0.5
    escalatie: float = 1.0


@dataclass(frozen=True)
class Profiel:
    aanbieder: str
    uitstroom: tuple[float, float] | None = None  # (planned endings, endings)
    herhaald: tuple[float, float] | None = None  # (repeat users, cohort)
    wachttijd: float | None = None  # median days from request to start, last 6 months
    n_wacht: int = 0
    toegewezen: int = 0
    geweigerd: int = 0
    in_zorg: int = 0
    escalatie: bool = False
    onderdelen: dict[str, float] = field(default_factory=dict, compare=False)

    @property
    def acceptatie(self) -> float | None:
        return 1 - self.geweigerd / self.toegewezen if self.toegewezen else None


def aandeel(paar: tuple[float, float] | None) -> float | None:
    return paar[0] / paar[1] if paar and paar[1] else None


def score(p: Profiel, regio: Profiel, w: Gewichten) -> tuple[float, dict[str, float]]:
    """The score and its parts: per 10 percentage points more planned outflow than the
    region +1 x weight, per 10 points more repeat use -1 x weight, per 42 days (the
    waiting norm) longer median wait than the region -1 x weight, the share of refused
    assignments (0-1) x -weight, and an open escalation case -weight. A missing figure
    counts as the region's (0)."""
    delen: dict[str, float] = {}
    u, ur = aandeel(p.uitstroom), aandeel(regio.uitstroom)
    if u is not None and ur is not None:
        delen["uitstroom"] = w.uitstroom * (u - ur) * 10
    h, hr = aandeel(p.herhaald), aandeel(regio.herhaald)
    if h is not None and hr is not None:
        delen["herhaald"] = -w.herhaald * (h - hr) * 10
    if p.wachttijd is not None and regio.wachttijd is not None:
        delen["wachttijd"] = -w.wachttijd * (p.wachttijd - regio.wachttijd) / WACHTNORM
    if p.acceptatie is not None:
        delen["acceptatie"] = -w.acceptatie * (1 - p.acceptatie)
    if p.escalatie:
        delen["escalatie"] = -w.escalatie
    return round(sum(delen.values()), 3), {k: round(v, 3) for k, v in delen.items()}


def rangschik(
    profielen: Iterable[Profiel], regio: Profiel, w: Gewichten, namen: Mapping[str, str]
) -> list[tuple[Profiel, float, dict[str, float]]]:
    """Highest score first; equal scores by name (stable, never by chance)."""
    rijen = [(p, *score(p, regio, w)) for p in profielen]
    return sorted(rijen, key=lambda r: (-r[1], namen.get(r[0].aanbieder, r[0].aanbieder)))


def getoond(teller: float, noemer: float) -> bool:
    """May a share be shown to a role without exact figures? The monitor's rule
    (docs/indicatoren.md, "Kleine aantallen")."""
    return aandeel_getoond(int(teller), int(noemer))


def _wachttijden(
    t: pl.DataFrame, verlengingen: pl.DataFrame, periode: Periode, thema: str,
    gebied: str | None, normen: Normen,
) -> dict[str | None, tuple[float, int]]:  # fmt: skip
    ev = gebeurtenissen(t.filter(pl.col("thema") == thema), verlengingen, [periode], "instroom",
                        normen).filter(pl.col("wachtdagen").is_not_null())  # fmt: skip
    if gebied is not None:
        ev = ev.filter(pl.col("gebied") == gebied)
    uit: dict[str | None, tuple[float, int]] = {}
    for r in (
        ev.group_by("aanbieder")
        .agg(pl.col("wachtdagen").median().alias("m"), pl.len().alias("n"))
        .to_dicts()
    ):
        uit[r["aanbieder"]] = (float(r["m"]), int(r["n"]))
    if ev.height:
        uit[None] = (float(ev["wachtdagen"].median()), ev.height)  # type: ignore[arg-type]
    return uit


def profielen(
    t: pl.DataFrame,
    verlengingen: pl.DataFrame,
    peil: date,
    thema: str,
    gebied: str | None,
    aanbieders: Sequence[str],
    toewijzingen: Mapping[str, tuple[int, int]],
    escalaties: set[str],
    normen: Normen = NORMEN,
) -> tuple[list[Profiel], Profiel]:
    """The profile of each provider in `aanbieders` for a theme (and gebied for the
    waiting time), and the region's profile to compare with. `toewijzingen`: per AGB
    (assigned, refused) at the intake point; `escalaties`: AGB codes with an open case."""
    jaar = venster(peil, 12)
    themarij = t.filter(pl.col("thema") == thema)
    uit = {
        p.aanbieder: p
        for p in punten("uitstroom_volgens_plan", themarij, verlengingen, jaar, normen=normen)
    }
    her = {
        p.aanbieder: p
        for p in punten("herhaald_gebruik", themarij, verlengingen, jaar, normen=normen)
    }
    wacht = _wachttijden(
        t, verlengingen, Periode(peil - timedelta(days=182), peil), thema, gebied, normen
    )
    actief = gebeurtenissen(themarij, verlengingen, [Periode(peil, peil)], "actief", normen)
    in_zorg = dict(actief.group_by("aanbieder").agg(pl.col("client").n_unique()).iter_rows())

    def paar(p: object) -> tuple[float, float] | None:
        return (p.teller, p.volume) if p is not None else None  # type: ignore[attr-defined]

    lijst = []
    for agb in aanbieders:
        w = wacht.get(agb)
        toe, weg = toewijzingen.get(agb, (0, 0))
        lijst.append(Profiel(
            agb, paar(uit.get(agb)), paar(her.get(agb)), w[0] if w else None, w[1] if w else 0,
            toe, weg, int(in_zorg.get(agb, 0)), agb in escalaties,
        ))  # fmt: skip
    ru = next(iter(uit.values()), None)
    rh = next(iter(her.values()), None)
    regio = Profiel(
        "regio",
        (ru.grenzen.doel, 1.0) if ru else None,
        (rh.grenzen.doel, 1.0) if rh else None,
        wacht[None][0] if None in wacht else None,
    )
    return lijst, regio


def halfjaren(van: date, tot: date) -> list[Periode]:
    uit: list[Periode] = []
    jaar, helft = van.year, 0 if van.month <= 6 else 1
    while True:
        begin = date(jaar, 1 + 6 * helft, 1)
        eind = date(jaar, 6, 30) if helft == 0 else date(jaar, 12, 31)
        if begin > tot:
            return uit
        uit.append(Periode(begin, eind))
        jaar, helft = (jaar, 1) if helft == 0 else (jaar + 1, 0)


def groei_naar_prestatie(
    t: pl.DataFrame,
    verlengingen: pl.DataFrame,
    perioden: Sequence[Periode],
    normen: Normen = NORMEN,
) -> list[dict[str, object]]:
    """Does steering make good performers grow? Per half-year: the providers split in
    thirds by their score over the 12 months before it (planned outflow and repeat use
    against the region), and each third's share of the new trajectories in the
    half-year. Rows: periode, reeks (third), waarde (% of inflow)."""
    w = Gewichten(wachttijd=0.0, acceptatie=0.0, escalatie=0.0)
    rijen: list[dict[str, object]] = []
    for per in perioden:
        voor = venster(per.van - timedelta(days=1), 12)
        u = {
            p.aanbieder: p
            for p in punten(
                "uitstroom_volgens_plan", t, verlengingen, voor, normen=normen, minimum_volume=10
            )
        }
        h = {
            p.aanbieder: p
            for p in punten(
                "herhaald_gebruik", t, verlengingen, voor, normen=normen, minimum_volume=10
            )
        }
        if not u:
            continue
        ru, rh = (
            next(iter(u.values())).grenzen.doel,
            (next(iter(h.values())).grenzen.doel if h else None),
        )
        regio = Profiel("regio", (ru, 1.0), (rh, 1.0) if rh is not None else None)
        scores = sorted(
            (score(Profiel(a, (p.teller, p.volume),
                           (h[a].teller, h[a].volume) if a in h else None), regio, w)[0], a)
            for a, p in u.items()
        )  # fmt: skip
        n = len(scores)
        derde = {a: ("slechtste derde", "middelste derde", "beste derde")[min(2, i * 3 // n)]
                 for i, (_, a) in enumerate(scores)}  # fmt: skip
        instroom = gebeurtenissen(t, verlengingen, [per], "instroom", normen)
        totaal = instroom.height
        if not totaal:
            continue
        tel = dict(instroom.group_by("aanbieder").len().iter_rows())
        for groep in ("beste derde", "middelste derde", "slechtste derde"):
            aantal = sum(int(c) for a, c in tel.items() if derde.get(a) == groep)
            rijen.append({"periode": f"{per.van.year}-{'1' if per.van.month == 1 else '2'}",
                          "reeks": groep, "waarde": round(100 * aantal / totaal, 1)})  # fmt: skip
    return rijen
