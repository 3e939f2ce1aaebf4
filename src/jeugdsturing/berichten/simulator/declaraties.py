# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The claims of the simulated care: collected per provider, gemeente and care month
while the trajectories run, written at the end as one JW323 each, answered by a JW325
that rejects a few lines."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import TYPE_CHECKING

from jeugdsturing.berichten import schrijven as w
from jeugdsturing.berichten.simulator.model import SEIZOEN, Aanbieder, GemeenteSim, ProductType

if TYPE_CHECKING:
    from jeugdsturing.berichten.simulator.simulatie import Simulatie


def voeg_toe(
    sim: Simulatie,
    a: Aanbieder,
    g: GemeenteSim,
    persoon: w.Persoon,
    pt: ProductType,
    nummer: int,
    begin: date,
    eind: date,
) -> None:
    maand = date(begin.year, begin.month, 1)
    while maand <= eind:
        volgende = date(maand.year + maand.month // 12, maand.month % 12 + 1, 1)
        p_begin, p_eind = max(begin, maand), min(eind, volgende - timedelta(days=1))
        if pt.eenheid == "82":  # output: one product, claimed in the month care starts
            volume = 1 if maand <= begin < volgende else 0
        elif pt.eenheid == "14":
            volume = (p_eind - p_begin).days + 1
        else:  # hours and day parts follow the school year (docs/simulator.md)
            volume = max(
                1,
                round(pt.volume * ((p_eind - p_begin).days + 1) / 7 * SEIZOEN[maand.month - 1]),
            )
        if volume:
            bedrag = volume * pt.tarief
            sim.kosten += bedrag
            regel = w.PrestatieRegel(
                f"P{a.agb[-4:]}-{a.ident('pr', maand)}",
                nummer,
                pt.product,
                p_begin,
                p_eind,
                volume,
                pt.eenheid,
                pt.tarief,
                bedrag,
            )
            sim.open_claims[(a.agb, g.code, maand)].append((persoon.bsn, regel))
        maand = volgende


_open_claims: defaultdict[tuple[str, str, date], list[tuple[str, w.PrestatieRegel]]]


def schrijf(sim: Simulatie) -> None:
    """One JW323 per provider per gemeente per month, answered by a JW325."""
    for (agb, gemeente, maand), regels in sorted(sim.open_claims.items()):
        a = next(x for x in sim.aanbieders if x.agb == agb)
        volgende = date(maand.year + maand.month // 12, maand.month % 12 + 1, 1)
        dag = volgende + timedelta(days=sim.rng.randrange(4, 12))
        per_client: dict[str, list[w.PrestatieRegel]] = defaultdict(list)
        for bsn, r in regels:
            per_client[bsn].append(r)
        lijst = sorted(per_client.items())
        ident = a.ident("JW323", dag)
        nummer = f"D{ident[1:]}"[:12]
        data = w.jw323(
            w.Kop(gemeente, agb, ident, dag),
            nummer,
            (maand, volgende - timedelta(days=1)),
            lijst,
        )
        sim.schrijf(dag, "JW323", data)
        sim.stats["prestaties"] += sum(len(r) for _, r in lijst) if sim.van <= dag <= sim.tot else 0
        afgewezen = [(bsn, [r]) for bsn, rs in lijst for r in rs if sim.rng.random() < 0.02]
        totaal = sum(r.bedrag for _, rs in lijst for r in rs)
        a_dag = dag + timedelta(days=sim.rng.randrange(10, 28))
        g = next(x for x in sim.gemeenten if x.code == gemeente)
        sim.schrijf(
            a_dag,
            "JW325",
            w.jw325(
                w.Kop(gemeente, agb, g.ident(a_dag), a_dag),
                ident,
                dag,
                nummer,
                totaal,
                afgewezen,
            ),
        )
