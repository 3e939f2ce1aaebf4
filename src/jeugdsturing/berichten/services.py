"""Applying accepted messages.

A batch of messages is applied in one transaction: the existing state of every key the
batch touches is loaded in a few queries, the messages are applied in order in memory,
the result is written with bulk statements, and the trajectories the batch touched are
marked (TeHerberekenen); at the end of the import they are recomputed from their facts
(trajecten_bijwerken, trajecten.traject_stand). Every message is therefore
applied wholly or not at all; the importer retries a failed batch message by message.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any, NamedTuple

from django.db import connection, transaction
from django.utils import timezone

from jeugdsturing.berichten import models as m
from jeugdsturing.berichten import sql
from jeugdsturing.berichten.feiten import Inhoud, Product
from jeugdsturing.berichten.lezen import Voorbereid
from jeugdsturing.berichten.trajecten import (
    StartStand,
    StopStand,
    ToewijzingStand,
    Versie,
    traject_stand,
)
from jeugdsturing.berichten.validatie import Header

GebiedVoor = Callable[[str, str | None], str]  # (gemeente, postcode) -> gebied code or ""
ACCEPTATIE = "0200"  # WJ001: no remark on this class
IMPORT_LOCK = 7_417_001  # PostgreSQL advisory lock: one import applies at a time


def sleutel_toewijzing(gemeente: str, nummer: str) -> str:
    return f"T|{gemeente}|{nummer}"


def sleutel_taakgericht(
    gemeente: str, aanbieder: str, client: str, product: Product | None, begindatum: date
) -> str:
    cat, code = (product.categorie, product.code) if product else ("", "")
    return f"K|{gemeente}|{aanbieder}|{client}|{cat}|{code}|{begindatum.isoformat()}"


def _per_gemeente(per_paar: dict[tuple[str, str], set[str]]) -> dict[str, set[str]]:
    """{(gemeente, aanbieder): refs} -> {gemeente: refs}: one query per gemeente instead of
    one per gemeente-provider pair; the rows are matched to their pair afterwards."""
    result: dict[str, set[str]] = defaultdict(set)
    for (g, _), refs in per_paar.items():
        result[g] |= refs
    return result


def _fields(model: type[Any], skip: Iterable[str] = ("id",)) -> list[str]:
    """Concrete field names, with FK fields by their attname (bericht_id)."""
    return [f.attname for f in model._meta.concrete_fields if f.attname not in set(skip)]


def berichten_verwerk(
    *,
    run: m.ImportRun,
    batch: Sequence[Voorbereid],
    gebied_voor: GebiedVoor,
    gemarkeerd: set[str] | None = None,
) -> list[int]:
    """Apply a batch of messages in one transaction; returns the new message ids.
    Raises IntegrityError when one of them was stored meanwhile.

    gemarkeerd: the trajectories this import already marked for recomputation in a
    transaction that was committed; they stay marked until the end of the import, so
    they are not marked again (a trajectory gets its messages over months: the
    benchmark marked 309,000 keys for 127,000 trajectories). Extended with this batch's
    keys once it is committed."""
    sleutels: set[str] = set()
    with transaction.atomic():
        _importslot()
        nu = timezone.now()
        ids = sql.invoegen_met_ids(
            m.Bericht,
            BERICHT_VELDEN,
            [
                (
                    v.header.berichttype.code, v.header.identificatie, v.header.dagtekening,
                    v.header.afzender, v.header.ontvanger, v.header.gemeente, v.header.aanbieder,
                    v.header.referentie or "", v.sha256, v.bestand[-300:], v.regels,
                    run.pk, nu, v.inhoud.retourcodes,
                )
                for v in batch
            ],
        )  # fmt: skip
        toepassing = _Toepassing(gebied_voor)
        toepassing.laad(batch)
        for bericht_id, v in zip(ids, batch, strict=True):
            toepassing.pas_toe(bericht_id, v.header, v.inhoud)
        toepassing.schrijf()
        # The trajectories follow at the end of the import (trajecten_bijwerken).
        sleutels = toepassing.sleutels - gemarkeerd if gemarkeerd else toepassing.sleutels
        sql.upsert(
            m.TeHerberekenen,
            ("sleutel",),
            [(s,) for s in sorted(sleutels)],
            conflict=("sleutel",),
            alleen_nieuw=True,
        )
    if gemarkeerd is not None:
        gemarkeerd |= sleutels
    return ids


# Computes the trajectories of lists of keys elsewhere (in the import's worker
# processes), yielding for each list what trajecten_bereken returns, in order.
ParallelBereken = Callable[[list[list[str]]], Iterable["Berekend"]]


def trajecten_bijwerken(
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
            _importslot()
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
            _importslot()
            rows = list(m.TeHerberekenen.objects.order_by("id").values_list("id", "sleutel")[:per])
            if not rows:
                return n
            trajecten_herbereken(sleutels=[s for _, s in rows], gebied_voor=gebied_voor)
            sql.verwijderen(m.TeHerberekenen, "id", [i for i, _ in rows])
        n += len(rows)
        if voortgang is not None:
            voortgang(n, max(n, totaal))


def _importslot() -> None:
    """PostgreSQL: one import writes at a time (held until the transaction ends). SQLite
    has a single writer of its own."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK])


BERICHT_VELDEN = (
    "berichttype", "identificatie", "dagtekening", "afzender", "ontvanger", "gemeente",
    "aanbieder", "referentie", "sha256", "bestand", "regels", "import_run_id", "ontvangen_op",
    "retourcodes",
)  # fmt: skip


_LEVERING_KEY = (
    "gemeente",
    "aanbieder",
    "client",
    "toewijzingnummer",
    "categorie",
    "productcode",
    "begindatum",
)
PRESTATIE_VELDEN = (
    "gemeente", "aanbieder", "bericht_id", "dagtekening", "client", "declaratienummer",
    "referentie", "toewijzingnummer", "categorie", "productcode", "begindatum", "einddatum",
    "volume", "eenheid", "tarief", "bedrag", "afgewezen", "retourcodes",
)  # fmt: skip
_AFGEWEZEN, _RETOURCODES = (
    PRESTATIE_VELDEN.index("afgewezen"),
    PRESTATIE_VELDEN.index("retourcodes"),
)


class _Toepassing:
    """The in-memory state of one batch: rows as dicts of column values."""

    def __init__(self, gebied_voor: GebiedVoor) -> None:
        self.gebied_voor = gebied_voor
        self.sleutels: set[str] = set()
        self.toewijzingen: dict[tuple[str, str], dict[str, Any]] = {}
        self.toewijzing_gewijzigd: set[tuple[str, str]] = set()
        self.versies: list[tuple[Any, ...]] = []
        self.leveringen: dict[type, dict[tuple[Any, ...], dict[str, Any]]] = {
            m.StartRegel: {},
            m.StopRegel: {},
        }
        self.levering_gewijzigd: dict[type, set[tuple[Any, ...]]] = {
            m.StartRegel: set(),
            m.StopRegel: set(),
        }
        self.levering_weg: dict[type, set[int]] = {m.StartRegel: set(), m.StopRegel: set()}
        self.verzoeken: dict[tuple[str, str, str], dict[str, Any]] = {}
        self.clientgebieden: dict[tuple[str, str], dict[str, Any]] = {}
        self.clientgebied_gewijzigd: set[tuple[str, str]] = set()
        self.afwijzingen: dict[tuple[str, str, str], str] = {}
        self.prestaties: list[list[Any]] = []
        self.prestatie_index: dict[tuple[str, str, str], list[int]] = defaultdict(list)
        self.nieuw: dict[type[Any], tuple[tuple[str, ...], list[tuple[Any, ...]]]] = {}
        self.afgewezen_updates: list[tuple[str, str, str, str]] = []

    def _nieuw(self, model: type[Any], fields: tuple[str, ...], row: tuple[Any, ...]) -> None:
        self.nieuw.setdefault(model, (fields, []))[1].append(row)

    # --- loading the existing state of every key the batch touches -----------------------
    def laad(self, batch: Sequence[Voorbereid]) -> None:
        toewijzing_keys: dict[str, set[str]] = defaultdict(set)
        levering_clients: dict[str, set[str]] = defaultdict(set)
        client_keys: dict[str, set[str]] = defaultdict(set)
        prestatie_refs: dict[tuple[str, str], set[str]] = defaultdict(set)
        for v in batch:
            g, a, inhoud = v.header.gemeente, v.header.aanbieder, v.inhoud
            for t in inhoud.toewijzingen:
                toewijzing_keys[g].add(t.nummer)
            if inhoud.client is not None:
                if inhoud.starts or inhoud.stops:
                    levering_clients[g].add(inhoud.client.pseudoniem)
                if inhoud.toewijzingen:
                    client_keys[g].add(inhoud.client.pseudoniem)
            for _, p in inhoud.prestaties:
                prestatie_refs[(g, a)].add(p.referentie)
        for g, nummers in toewijzing_keys.items():
            for values in sql.selecteer(
                m.Toewijzing, TOEWIJZING_VELDEN, gelijk={"gemeente": g}, in_veld="nummer",
                waarden=nummers,
            ):  # fmt: skip
                row = dict(zip(TOEWIJZING_VELDEN, values, strict=True))
                self.toewijzingen[(g, row["nummer"])] = row
        for model in (m.StartRegel, m.StopRegel):
            velden = _fields(model, skip=())
            for g, clients in levering_clients.items():
                for values in sql.selecteer(
                    model, velden, gelijk={"gemeente": g}, in_veld="client", waarden=clients
                ):
                    row = dict(zip(velden, values, strict=True))
                    self.leveringen[model][tuple(row[f] for f in _LEVERING_KEY)] = row
        cg_velden = ("gemeente", "client", "gebied", "peildatum")
        for g, clients in client_keys.items():
            for values in sql.selecteer(
                m.ClientGebied, cg_velden, gelijk={"gemeente": g}, in_veld="client",
                waarden=clients,
            ):  # fmt: skip
                self.clientgebieden[(g, values[1])] = dict(zip(cg_velden, values, strict=True))
        for g, refs in _per_gemeente(prestatie_refs).items():
            for a, ref, codes in sql.selecteer(
                m.PrestatieAfwijzing, ("aanbieder", "referentie", "retourcodes"),
                gelijk={"gemeente": g}, in_veld="referentie", waarden=refs,
            ):  # fmt: skip
                if ref in prestatie_refs.get((g, a), ()):
                    self.afwijzingen[(g, a, ref)] = codes

    # --- applying one message --------------------------------------------------------------
    def pas_toe(self, bericht: int, header: Header, inhoud: Inhoud) -> None:
        g, a, dag = header.gemeente, header.aanbieder, header.dagtekening
        volgorde = (dag, bericht)
        client = inhoud.client

        if inhoud.toewijzingen and client is not None:
            self._client_gebied(g, client.pseudoniem, self.gebied_voor(g, client.postcode), dag)
            for t in inhoud.toewijzingen:
                values = {
                    "gemeente": g,
                    "nummer": t.nummer,
                    "aanbieder": a,
                    "bericht_id": bericht,
                    "dagtekening": dag,
                    "client": client.pseudoniem,
                    "geboortejaar": client.geboortejaar,
                    "categorie": t.product.categorie if t.product else "",
                    "productcode": t.product.code if t.product else "",
                    "toewijzingsdatum": t.toewijzingsdatum,
                    "ingangsdatum": t.ingangsdatum,
                    "einddatum": t.einddatum,
                    "reden_wijziging": t.reden_wijziging or "",
                    "volume": t.omvang.volume if t.omvang else None,
                    "eenheid": t.omvang.eenheid if t.omvang else "",
                    "frequentie": t.omvang.frequentie if t.omvang else "",
                    "budget": t.budget,
                    "referentie_aanbieder": t.referentie_aanbieder or "",
                    "verwijderd": t.reden_wijziging == "13",
                }
                key = (g, t.nummer)
                current = self.toewijzingen.get(key)
                # Only a newer message changes the current state; an older one that
                # arrives late is kept as a version. The Toewijzingsdatum stays the
                # earliest one received: the day the assignment was first issued (a
                # change may carry its own date; access and waiting times count from
                # the first).
                if current is not None and current["toewijzingsdatum"] < t.toewijzingsdatum:
                    values["toewijzingsdatum"] = current["toewijzingsdatum"]
                if current is None or volgorde >= (current["dagtekening"], current["bericht_id"]):
                    self.toewijzingen[key] = values
                    self.toewijzing_gewijzigd.add(key)
                elif t.toewijzingsdatum < current["toewijzingsdatum"]:
                    current["toewijzingsdatum"] = t.toewijzingsdatum
                    self.toewijzing_gewijzigd.add(key)
                self.versies.append(
                    (
                        g, a, bericht, dag, t.nummer, t.ingangsdatum, t.einddatum,
                        t.reden_wijziging or "", t.omvang.volume if t.omvang else None,
                        t.omvang.eenheid if t.omvang else "",
                        t.omvang.frequentie if t.omvang else "",
                    )
                )  # fmt: skip
                self.sleutels.add(sleutel_toewijzing(g, t.nummer))

        for model, regels in ((m.StartRegel, inhoud.starts), (m.StopRegel, inhoud.stops)):
            rows = self.leveringen[model]
            for r in regels:
                assert client is not None  # noqa: S101  (JW305/JW307 always have a client)
                cat, code = (r.product.categorie, r.product.code) if r.product else ("", "")
                lkey = (g, a, client.pseudoniem, r.toewijzingnummer or "", cat, code, r.begindatum)
                existing = rows.get(lkey)
                if r.status == "3":  # delete
                    if existing is not None:
                        if existing.get("id") is not None:
                            self.levering_weg[model].add(existing["id"])
                        del rows[lkey]
                        self.levering_gewijzigd[model].discard(lkey)
                elif existing is None or volgorde >= (
                    existing["dagtekening"],
                    existing["bericht_id"],
                ):
                    # 1 first delivery, 2 correction: the newest version counts
                    row = dict(zip(_LEVERING_KEY, lkey, strict=True))
                    row |= {
                        "bericht_id": bericht,
                        "dagtekening": dag,
                        "toewijzing_ingangsdatum": r.toewijzing_ingangsdatum,
                        "geboortejaar": client.geboortejaar,
                    }
                    if model is m.StopRegel:
                        row |= {"einddatum": r.einddatum, "reden": r.reden}  # type: ignore[union-attr]
                    if existing is not None and existing.get("id") is not None:
                        row["id"] = existing["id"]
                    rows[lkey] = row
                    self.levering_gewijzigd[model].add(lkey)
                if r.toewijzingnummer:
                    self.sleutels.add(sleutel_toewijzing(g, r.toewijzingnummer))
                else:
                    self.sleutels.add(
                        sleutel_taakgericht(g, a, client.pseudoniem, r.product, r.begindatum)
                    )

        for vz in inhoud.verzoeken:
            assert client is not None  # noqa: S101
            self.verzoeken[(g, a, vz.referentie)] = {
                "gemeente": g, "aanbieder": a, "referentie": vz.referentie, "bericht_id": bericht,
                "dagtekening": dag, "client": client.pseudoniem,
                "categorie": vz.product.categorie if vz.product else "",
                "productcode": vz.product.code if vz.product else "",
                "toewijzing_ingangsdatum": vz.toewijzing_ingangsdatum,
                "toewijzing_einddatum": vz.toewijzing_einddatum,
                "verwijzer_type": vz.verwijzer_type,
            }  # fmt: skip

        if inhoud.wijzigingsverzoek is not None and client is not None:
            wv = inhoud.wijzigingsverzoek
            for wr in wv.regels:
                self._nieuw(
                    m.Wijzigingsverzoek, WIJZIGING_VELDEN,
                    (
                        g, a, bericht, dag, client.pseudoniem, wv.referentie, wv.reden, wr.soort,
                        wr.toewijzingnummer or "", wr.product.categorie if wr.product else "",
                        wr.product.code if wr.product else "", wr.gewenste_ingangsdatum,
                        wr.einddatum,
                    ),
                )  # fmt: skip

        if inhoud.antwoord is not None:
            an = inhoud.antwoord
            self._nieuw(
                m.Antwoord, ANTWOORD_VELDEN,
                (g, a, bericht, dag, an.referentie, an.antwoord, an.reden_afwijzing or ""),
            )  # fmt: skip

        if header.berichttype.code == "JW323" and inhoud.declaratie is not None:
            nummer = inhoud.declaratie.nummer
            for c, p in inhoud.prestaties:
                codes = self.afwijzingen.get((g, a, p.referentie), "")
                self.prestatie_index[(g, a, p.referentie)].append(len(self.prestaties))
                self.prestaties.append(
                    [
                        g, a, bericht, dag, c.pseudoniem, nummer, p.referentie, p.toewijzingnummer,
                        p.product.categorie, p.product.code, p.begindatum, p.einddatum, p.volume,
                        p.eenheid, p.tarief, p.bedrag, bool(codes), codes,
                    ]
                )  # fmt: skip

        if header.berichttype.code == "JW325" and inhoud.declaratie is not None:
            d = inhoud.declaratie
            self._nieuw(
                m.DeclaratieAntwoord, DECLARATIEANTWOORD_VELDEN,
                (
                    g, a, bericht, dag, header.referentie or "", d.nummer, d.totaal_ingediend,
                    d.totaal_toegekend or 0,
                ),
            )  # fmt: skip
            for _, p in inhoud.prestaties:
                afgewezen = [c for c in p.retourcodes if c != ACCEPTATIE]
                if afgewezen:
                    codes = ",".join(afgewezen)
                    self._nieuw(
                        m.PrestatieAfwijzing,
                        AFWIJZING_VELDEN,
                        (g, a, bericht, dag, p.referentie, codes),
                    )
                    self.afwijzingen[(g, a, p.referentie)] = codes
                    self.afgewezen_updates.append((g, a, p.referentie, codes))
                    for i in self.prestatie_index.get(
                        (g, a, p.referentie), []
                    ):  # claimed earlier in this batch
                        self.prestaties[i][_AFGEWEZEN], self.prestaties[i][_RETOURCODES] = (
                            True,
                            codes,
                        )

    def _client_gebied(self, g: str, client: str, gebied: str, dag: date) -> None:
        key = (g, client)
        current = self.clientgebieden.get(key)
        if current is None or (dag >= current["peildatum"] and (gebied or not current["gebied"])):
            self.clientgebieden[key] = {
                "gemeente": g,
                "client": client,
                "gebied": gebied,
                "peildatum": dag,
            }
            self.clientgebied_gewijzigd.add(key)

    # --- writing -------------------------------------------------------------------------------
    def schrijf(self) -> None:
        _upsert_dicts(
            m.Toewijzing,
            [self.toewijzingen[k] for k in sorted(self.toewijzing_gewijzigd)],
            ("gemeente", "nummer"),
            zelden=("referentie_aanbieder",),
        )
        sql.invoegen(m.ToewijzingVersie, VERSIE_VELDEN, self.versies)
        for model in (m.StartRegel, m.StopRegel):
            sql.verwijderen(model, "id", self.levering_weg[model])
            _upsert_dicts(
                model,
                [
                    self.leveringen[model][k]
                    for k in sorted(self.levering_gewijzigd[model], key=repr)
                ],
                _LEVERING_KEY,
            )
        _upsert_dicts(
            m.Verzoek,
            [self.verzoeken[k] for k in sorted(self.verzoeken)],
            ("gemeente", "aanbieder", "referentie"),
        )
        _upsert_dicts(
            m.ClientGebied,
            [self.clientgebieden[k] for k in sorted(self.clientgebied_gewijzigd)],
            ("gemeente", "client"),
        )
        sql.invoegen(m.Prestatie, PRESTATIE_VELDEN, self.prestaties)
        for model, (fields, rows) in self.nieuw.items():
            sql.invoegen(model, fields, rows)
        sql.bijwerken(
            m.Prestatie,
            ("afgewezen", "retourcodes"),
            ("gemeente", "aanbieder", "referentie"),
            [(True, codes, g, a, ref) for g, a, ref, codes in self.afgewezen_updates],
        )
        # A request that arrives after its assignment still completes the trajectory.
        refs: dict[tuple[str, str], set[str]] = defaultdict(set)
        for g, a, ref in self.verzoeken:
            refs[(g, a)].add(ref)
        for g, rs in _per_gemeente(refs).items():
            for a, ref, nummer in sql.selecteer(
                m.Toewijzing, ("aanbieder", "referentie_aanbieder", "nummer"),
                gelijk={"gemeente": g}, in_veld="referentie_aanbieder", waarden=rs,
            ):  # fmt: skip
                if ref in refs.get((g, a), ()):
                    self.sleutels.add(sleutel_toewijzing(g, nummer))


TOEWIJZING_VELDEN = tuple(_fields(m.Toewijzing))
VERSIE_VELDEN = (
    "gemeente", "aanbieder", "bericht_id", "dagtekening", "nummer", "ingangsdatum", "einddatum",
    "reden_wijziging", "volume", "eenheid", "frequentie",
)  # fmt: skip
WIJZIGING_VELDEN = (
    "gemeente", "aanbieder", "bericht_id", "dagtekening", "client", "referentie", "reden", "soort",
    "toewijzingnummer", "categorie", "productcode", "gewenste_ingangsdatum", "einddatum",
)  # fmt: skip
ANTWOORD_VELDEN = (
    "gemeente",
    "aanbieder",
    "bericht_id",
    "dagtekening",
    "referentie",
    "antwoord",
    "reden_afwijzing",
)
DECLARATIEANTWOORD_VELDEN = (
    "gemeente", "aanbieder", "bericht_id", "dagtekening", "declaratie_identificatie",
    "declaratienummer", "totaal_ingediend", "totaal_toegekend",
)  # fmt: skip
AFWIJZING_VELDEN = (
    "gemeente",
    "aanbieder",
    "bericht_id",
    "dagtekening",
    "referentie",
    "retourcodes",
)


def _upsert_dicts(
    model: type[Any],
    rows: list[dict[str, Any]],
    conflict: Sequence[str],
    zelden: Sequence[str] = (),
) -> None:
    if not rows:
        return
    fields = _fields(model)
    sql.upsert(
        model,
        fields,
        [tuple(r.get(f) for f in fields) for r in rows],
        conflict=conflict,
        zelden=zelden,
    )


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
    start_velden = (*_LEVERING_KEY, "dagtekening", "geboortejaar")
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
            ("nummer", "dagtekening", "bericht_id", "einddatum", "reden_wijziging"),
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
    for g, rs in _per_gemeente(refs_per).items():
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
                stand.stop_gemeld_op, stand.verlengingen, stand.status,
            )
        )  # fmt: skip
    return Berekend([s for s, stand in standen.items() if stand is None], rows)


TRAJECT_VELDEN = (
    "sleutel", "gemeente", "aanbieder", "client", "geboortejaar", "gebied", "taakgericht",
    "toewijzingnummer", "categorie", "productcode", "verzoekdatum", "verwijzer_type",
    "toewijzingsdatum", "toewijzing_ingangsdatum", "toewijzing_einddatum", "begindatum",
    "einddatum", "reden_beeindiging", "start_gemeld_op", "stop_gemeld_op", "verlengingen", "status",
)  # fmt: skip
