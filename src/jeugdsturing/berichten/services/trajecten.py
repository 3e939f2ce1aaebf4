# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Trajectories recomputed from their facts at the end of an import: the keys the
batches marked (TeHerberekenen), read, computed (berichten/trajecten.py) and written."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, NamedTuple

from django.db import transaction

from jeugdsturing.berichten import models as m
from jeugdsturing.berichten import sql
from jeugdsturing.berichten.feiten import Product
from jeugdsturing.berichten.services.velden import (
    LEVERING_SLEUTEL,
    TRAJECT_VELDEN,
    GebiedVoor,
    importslot,
    per_gemeente,
    sleutel_taakgericht,
    sleutel_toewijzing,
)
from jeugdsturing.berichten.trajecten import (
    StartStand,
    StopStand,
    ToewijzingStand,
    Versie,
    traject_stand,
)

# Computes the trajectories of lists of keys elsewhere (in the import's worker
# processes), yielding for each list what trajecten_bereken returns, in order.
ParallelBereken = Callable[[list[list[str]]], Iterable["Berekend"]]


def trajecten_werk_bij(
    *,
    gebied_voor: GebiedVoor,
    per: int = 5000,
    voortgang: Callable[[int, int], None] | None = None,
    parallel: ParallelBereken | None = None,
) -> int:
    """Recompute every trajectory whose facts changed (TeHerberekenen), `per` at a time;
    returns how many. voortgang(done, total) is called after each batch.

    Without `parallel` each batch is read, computed and written in one transaction with
    the removal of its keys. With it, the batches are read and computed in the workers
    while this process writes them, all in one transaction: that holds the import's
    lock (PostgreSQL) or SQLite's write lock throughout, so no other import can change
    facts between a worker's reading and this writing (docs/performance.md)."""
    n = 0
    totaal = m.TeHerberekenen.objects.count() if voortgang is not None else 0
    if parallel is not None:
        with transaction.atomic():
            importslot()
            alle = list(m.TeHerberekenen.objects.order_by("id").values_list("id", "sleutel"))
            if not alle:
                return 0
            delen = [alle[i : i + per] for i in range(0, len(alle), per)]
            for deel, berekend in zip(
                delen, parallel([[s for _, s in d] for d in delen]), strict=True
            ):
                trajecten_schrijf(berekend)
                sql.verwijderen(m.TeHerberekenen, "id", [i for i, _ in deel])
                n += len(deel)
                if voortgang is not None:
                    voortgang(n, max(n, totaal))
        return n
    while True:
        with transaction.atomic():
            importslot()
            rows = list(m.TeHerberekenen.objects.order_by("id").values_list("id", "sleutel")[:per])
            if not rows:
                return n
            trajecten_herbereken(sleutels=[s for _, s in rows], gebied_voor=gebied_voor)
            sql.verwijderen(m.TeHerberekenen, "id", [i for i, _ in rows])
        n += len(rows)
        if voortgang is not None:
            voortgang(n, max(n, totaal))


class Berekend(NamedTuple):
    """Trajectories computed from their facts: keys that no longer have one, and rows
    (TRAJECT_VELDEN) for the others."""

    weg: list[str]
    rijen: list[tuple[Any, ...]]


def trajecten_herbereken(*, sleutels: Iterable[str], gebied_voor: GebiedVoor) -> None:
    """Recompute trajectories from all their facts, for many keys at once."""
    trajecten_schrijf(trajecten_bereken(sleutels=sleutels, gebied_voor=gebied_voor))


def trajecten_schrijf(berekend: Berekend) -> None:
    sql.verwijderen(m.Traject, "sleutel", berekend.weg)
    sql.upsert(
        m.Traject,
        TRAJECT_VELDEN,
        berekend.rijen,
        conflict=("sleutel",),
        zelden=("gemeente", "aanbieder"),
    )


def trajecten_bereken(*, sleutels: Iterable[str], gebied_voor: GebiedVoor) -> Berekend:
    """Read the facts of these keys and compute their trajectories; writes nothing."""
    per_toewijzing: dict[str, set[str]] = defaultdict(set)  # gemeente -> nummers
    per_client: dict[str, set[str]] = defaultdict(set)  # gemeente -> clients (taakgericht)
    keys = sorted(set(sleutels))
    for s in keys:
        soort, gemeente, *rest = s.split("|")
        if soort == "T":
            per_toewijzing[gemeente].add(rest[0])
        else:
            per_client[gemeente].add(rest[1])

    toewijzingen: dict[str, ToewijzingStand] = {}
    versies: dict[str, list[Versie]] = defaultdict(list)
    starts: dict[str, list[StartStand]] = defaultdict(list)
    stops: dict[str, list[StopStand]] = defaultdict(list)
    start_velden = (*LEVERING_SLEUTEL, "dagtekening", "geboortejaar")
    stop_velden = (*start_velden, "einddatum", "reden")

    def sleutel_van(g: str, a: str, c: str, nummer: str, cat: str, code: str, begin: date) -> str:
        if nummer:
            return sleutel_toewijzing(g, nummer)
        return sleutel_taakgericht(g, a, c, Product(cat, code) if cat else None, begin)

    def leveringen(g: str, in_veld: str, waarden: set[str]) -> None:
        # Taakgericht deliveries (no ToewijzingNummer) are looked up by client and the
        # others skipped here: a condition toewijzingnummer = '' in the query would let
        # SQLite pick the (gemeente, toewijzingnummer) index and read every taakgericht
        # row of the gemeente, for every batch: quadratic in the size of the database.
        taakgericht = in_veld == "client"
        for g_, a, c, nr, cat, code, begin, dag, jaar in sql.selecteer(
            m.StartRegel, start_velden, gelijk={"gemeente": g}, in_veld=in_veld, waarden=waarden
        ):
            if not (taakgericht and nr):
                starts[sleutel_van(g_, a, c, nr, cat, code, begin)].append(
                    StartStand(begin, dag, a, c, cat, code, jaar)
                )
        for g_, a, c, nr, cat, code, begin, dag, _, eind, reden in sql.selecteer(
            m.StopRegel, stop_velden, gelijk={"gemeente": g}, in_veld=in_veld, waarden=waarden
        ):
            if not (taakgericht and nr):
                stops[sleutel_van(g_, a, c, nr, cat, code, begin)].append(
                    StopStand(begin, eind, reden, dag, a, c, cat, code)
                )

    for g, nummers in per_toewijzing.items():
        for row in sql.selecteer(
            m.Toewijzing,
            (
                "nummer", "toewijzingsdatum", "ingangsdatum", "einddatum", "verwijderd",
                "categorie", "productcode", "aanbieder", "client", "geboortejaar",
                "referentie_aanbieder",
            ),
            gelijk={"gemeente": g}, in_veld="nummer", waarden=nummers,
        ):  # fmt: skip
            toewijzingen[sleutel_toewijzing(g, row[0])] = ToewijzingStand(*row[1:])
        for v in sql.selecteer(
            m.ToewijzingVersie,
            ("nummer", "dagtekening", "identificatie", "einddatum", "reden_wijziging"),
            gelijk={"gemeente": g}, in_veld="nummer", waarden=nummers,
        ):  # fmt: skip
            versies[sleutel_toewijzing(g, v[0])].append(Versie(v[1], v[2], v[3], v[4]))
        leveringen(g, "toewijzingnummer", nummers)
    for g, clients in per_client.items():
        leveringen(g, "client", clients)

    standen = {
        s: traject_stand(
            toewijzingen.get(s), versies.get(s, []), starts.get(s, []), stops.get(s, [])
        )
        for s in keys
    }

    clients_per_gemeente: dict[str, set[str]] = defaultdict(set)
    refs_per: dict[tuple[str, str], set[str]] = defaultdict(set)
    for s, stand in standen.items():
        if stand is not None:
            gemeente = s.split("|")[1]
            clients_per_gemeente[gemeente].add(stand.client)
            tw = toewijzingen.get(s)
            if tw is not None and tw.referentie_aanbieder:
                refs_per[(gemeente, tw.aanbieder)].add(tw.referentie_aanbieder)
    gebieden: dict[tuple[str, str], str] = {}
    for g, clients in clients_per_gemeente.items():
        for client, gebied in sql.selecteer(
            m.ClientGebied, ("client", "gebied"), gelijk={"gemeente": g}, in_veld="client",
            waarden=clients,
        ):  # fmt: skip
            gebieden[(g, client)] = gebied
    verzoeken: dict[tuple[str, str, str], tuple[date, str]] = {}
    for g, rs in per_gemeente(refs_per).items():
        for a, ref, dag, verwijzer in sql.selecteer(
            m.Verzoek, ("aanbieder", "referentie", "dagtekening", "verwijzer_type"),
            gelijk={"gemeente": g}, in_veld="referentie", waarden=rs,
        ):  # fmt: skip
            if ref in refs_per.get((g, a), ()):
                verzoeken[(g, a, ref)] = (dag, verwijzer)

    rows = []
    for s, stand in standen.items():
        if stand is None:
            continue
        soort, gemeente, *rest = s.split("|")
        tw = toewijzingen.get(s)
        verzoek = (
            verzoeken.get((gemeente, tw.aanbieder, tw.referentie_aanbieder))
            if tw is not None
            else None
        )
        rows.append(
            (
                s, gemeente, stand.aanbieder, stand.client, stand.geboortejaar,
                gebieden.get((gemeente, stand.client)) or gebied_voor(gemeente, None),
                soort == "K", rest[0] if soort == "T" else "", stand.categorie, stand.productcode,
                verzoek[0] if verzoek else None, verzoek[1] if verzoek else "",
                stand.toewijzingsdatum, stand.toewijzing_ingangsdatum, stand.toewijzing_einddatum,
                stand.begindatum, stand.einddatum, stand.reden_beeindiging, stand.start_gemeld_op,
                stand.stop_gemeld_op, stand.verlengingen, stand.status, stand.verwijderd_na_start,
            )
        )  # fmt: skip
    return Berekend([s for s, stand in standen.items() if stand is None], rows)
