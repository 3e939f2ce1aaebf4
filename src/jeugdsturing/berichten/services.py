"""Applying accepted messages.

A batch of messages is applied in one transaction: the existing state of every key the
batch touches is loaded in a few queries, the messages are applied in order in memory,
the result is written with bulk statements, and the trajectories the batch touched are
recomputed from their facts (trajecten.traject_stand). Every message is therefore
applied wholly or not at all; the importer retries a failed batch message by message.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import connection, transaction

from jeugdsturing.berichten import models as m
from jeugdsturing.berichten.feiten import Inhoud, Product
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


@dataclass(frozen=True)
class Voorbereid:
    """A validated, parsed message ready to be applied."""

    bestand: str
    sha256: str
    header: Header
    inhoud: Inhoud


def sleutel_toewijzing(gemeente: str, nummer: str) -> str:
    return f"T|{gemeente}|{nummer}"


def sleutel_taakgericht(
    gemeente: str, aanbieder: str, client: str, product: Product | None, begindatum: date
) -> str:
    cat, code = (product.categorie, product.code) if product else ("", "")
    return f"K|{gemeente}|{aanbieder}|{client}|{cat}|{code}|{begindatum.isoformat()}"


def _in_chunks(values: Iterable[Any], size: int = 500) -> Iterable[list[Any]]:
    chunk: list[Any] = []
    for v in values:
        chunk.append(v)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def berichten_verwerk(
    *, run: m.ImportRun, batch: Sequence[Voorbereid], gebied_voor: GebiedVoor
) -> list[m.Bericht]:
    """Apply a batch of messages in one transaction. Raises IntegrityError when one of
    them was stored meanwhile."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK])
        berichten = m.Bericht.objects.bulk_create(
            [
                m.Bericht(
                    berichttype=v.header.berichttype.code,
                    identificatie=v.header.identificatie,
                    dagtekening=v.header.dagtekening,
                    afzender=v.header.afzender,
                    ontvanger=v.header.ontvanger,
                    gemeente=v.header.gemeente,
                    aanbieder=v.header.aanbieder,
                    referentie=v.header.referentie or "",
                    sha256=v.sha256,
                    bestand=v.bestand[-300:],
                    regels=v.inhoud.regels,
                    import_run=run,
                )
                for v in batch
            ]
        )
        toepassing = _Toepassing(gebied_voor)
        toepassing.laad(batch)
        for bericht, v in zip(berichten, batch, strict=True):
            toepassing.pas_toe(bericht, v.header, v.inhoud)
        toepassing.schrijf()
        trajecten_herbereken(sleutels=toepassing.sleutels, gebied_voor=gebied_voor)
    return berichten


_LEVERING_KEY = (
    "gemeente",
    "aanbieder",
    "client",
    "toewijzingnummer",
    "categorie",
    "productcode",
    "begindatum",
)


def _levering_key(row: m.StartRegel | m.StopRegel) -> tuple[Any, ...]:
    return tuple(getattr(row, f) for f in _LEVERING_KEY)


class _Toepassing:
    """The in-memory state of one batch."""

    def __init__(self, gebied_voor: GebiedVoor) -> None:
        self.gebied_voor = gebied_voor
        self.sleutels: set[str] = set()
        self.toewijzingen: dict[tuple[str, str], m.Toewijzing] = {}
        self.toewijzing_gewijzigd: set[tuple[str, str]] = set()
        self.versies: list[m.ToewijzingVersie] = []
        self.leveringen: dict[type, dict[tuple[Any, ...], Any]] = {
            m.StartRegel: {},
            m.StopRegel: {},
        }
        self.levering_gewijzigd: dict[type, set[tuple[Any, ...]]] = {
            m.StartRegel: set(),
            m.StopRegel: set(),
        }
        self.levering_weg: dict[type, set[int]] = {m.StartRegel: set(), m.StopRegel: set()}
        self.verzoeken: dict[tuple[str, str, str], m.Verzoek] = {}
        self.verzoek_gewijzigd: set[tuple[str, str, str]] = set()
        self.clientgebieden: dict[tuple[str, str], m.ClientGebied] = {}
        self.clientgebied_gewijzigd: set[tuple[str, str]] = set()
        self.afwijzingen: dict[tuple[str, str, str], str] = {}
        self.nieuw: dict[type[Any], list[Any]] = defaultdict(list)
        self.afgewezen_updates: list[tuple[str, str, str, str]] = []

    # --- loading the existing state of every key the batch touches -----------------------
    def laad(self, batch: Sequence[Voorbereid]) -> None:
        toewijzing_keys: dict[str, set[str]] = defaultdict(set)
        levering_clients: dict[str, set[str]] = defaultdict(set)
        verzoek_refs: dict[tuple[str, str], set[str]] = defaultdict(set)
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
            for r in inhoud.verzoeken:
                verzoek_refs[(g, a)].add(r.referentie)
            for _, p in inhoud.prestaties:
                prestatie_refs[(g, a)].add(p.referentie)
        for g, nummers in toewijzing_keys.items():
            for chunk in _in_chunks(nummers):
                for tw in m.Toewijzing.objects.filter(gemeente=g, nummer__in=chunk):
                    self.toewijzingen[(g, tw.nummer)] = tw
        for model in (m.StartRegel, m.StopRegel):
            for g, clients in levering_clients.items():
                for chunk in _in_chunks(clients):
                    for row in model.objects.filter(gemeente=g, client__in=chunk):
                        self.leveringen[model][_levering_key(row)] = row
        for (g, a), refs in verzoek_refs.items():
            for chunk in _in_chunks(refs):
                for vz in m.Verzoek.objects.filter(gemeente=g, aanbieder=a, referentie__in=chunk):
                    self.verzoeken[(g, a, vz.referentie)] = vz
        for g, clients in client_keys.items():
            for chunk in _in_chunks(clients):
                for cg in m.ClientGebied.objects.filter(gemeente=g, client__in=chunk):
                    self.clientgebieden[(g, cg.client)] = cg
        for (g, a), refs in prestatie_refs.items():
            for chunk in _in_chunks(refs):
                for ref, codes in m.PrestatieAfwijzing.objects.filter(
                    gemeente=g, aanbieder=a, referentie__in=chunk
                ).values_list("referentie", "retourcodes"):
                    self.afwijzingen[(g, a, ref)] = codes

    # --- applying one message --------------------------------------------------------------
    def pas_toe(self, bericht: m.Bericht, header: Header, inhoud: Inhoud) -> None:
        g, a, dag = header.gemeente, header.aanbieder, header.dagtekening
        basis = {"gemeente": g, "aanbieder": a, "bericht": bericht, "dagtekening": dag}
        volgorde = (dag, bericht.pk)
        client = inhoud.client

        if inhoud.toewijzingen and client is not None:
            self._client_gebied(g, client.pseudoniem, self.gebied_voor(g, client.postcode), dag)
            for t in inhoud.toewijzingen:
                values = {
                    "aanbieder": a,
                    "bericht": bericht,
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
                if current is None:
                    self.toewijzingen[key] = m.Toewijzing(gemeente=g, nummer=t.nummer, **values)
                    self.toewijzing_gewijzigd.add(key)
                elif volgorde >= (current.dagtekening, current.bericht_id):
                    # Only a newer message changes the current state; an older one that
                    # arrives late is kept as a version.
                    for k, val in values.items():
                        setattr(current, k, val)
                    self.toewijzing_gewijzigd.add(key)
                self.versies.append(
                    m.ToewijzingVersie(
                        **basis,
                        nummer=t.nummer,
                        ingangsdatum=t.ingangsdatum,
                        einddatum=t.einddatum,
                        reden_wijziging=t.reden_wijziging or "",
                        volume=t.omvang.volume if t.omvang else None,
                        eenheid=t.omvang.eenheid if t.omvang else "",
                        frequentie=t.omvang.frequentie if t.omvang else "",
                    )
                )
                self.sleutels.add(sleutel_toewijzing(g, t.nummer))

        levering_model: type[m.StartRegel] | type[m.StopRegel]
        for levering_model, regels in ((m.StartRegel, inhoud.starts), (m.StopRegel, inhoud.stops)):
            model: type[Any] = levering_model
            rows = self.leveringen[model]
            for r in regels:
                assert client is not None  # noqa: S101  (JW305/JW307 always have a client)
                cat, code = (r.product.categorie, r.product.code) if r.product else ("", "")
                lkey = (g, a, client.pseudoniem, r.toewijzingnummer or "", cat, code, r.begindatum)
                existing = rows.get(lkey)
                if r.status == "3":  # delete
                    if existing is not None:
                        if existing.pk is not None:
                            self.levering_weg[model].add(existing.pk)
                        del rows[lkey]
                        self.levering_gewijzigd[model].discard(lkey)
                else:  # 1 first delivery, 2 correction: the newest version counts
                    extra: dict[str, Any] = {"toewijzing_ingangsdatum": r.toewijzing_ingangsdatum}
                    if model is m.StopRegel:
                        extra |= {"einddatum": r.einddatum, "reden": r.reden}  # type: ignore[union-attr]
                    if existing is None:
                        rows[lkey] = model(
                            **dict(zip(_LEVERING_KEY, lkey, strict=True)),
                            bericht=bericht,
                            dagtekening=dag,
                            **extra,
                        )
                        self.levering_gewijzigd[model].add(lkey)
                    elif volgorde >= (existing.dagtekening, existing.bericht_id):
                        existing.bericht, existing.dagtekening = bericht, dag
                        for k, val in extra.items():
                            setattr(existing, k, val)
                        self.levering_gewijzigd[model].add(lkey)
                if r.toewijzingnummer:
                    self.sleutels.add(sleutel_toewijzing(g, r.toewijzingnummer))
                else:
                    self.sleutels.add(
                        sleutel_taakgericht(g, a, client.pseudoniem, r.product, r.begindatum)
                    )

        for vz in inhoud.verzoeken:
            assert client is not None  # noqa: S101
            key3 = (g, a, vz.referentie)
            row = self.verzoeken.get(key3) or m.Verzoek(
                gemeente=g, aanbieder=a, referentie=vz.referentie
            )
            row.bericht, row.dagtekening, row.client = bericht, dag, client.pseudoniem
            row.categorie = vz.product.categorie if vz.product else ""
            row.productcode = vz.product.code if vz.product else ""
            row.toewijzing_ingangsdatum = vz.toewijzing_ingangsdatum
            row.toewijzing_einddatum = vz.toewijzing_einddatum
            row.verwijzer_type = vz.verwijzer_type
            self.verzoeken[key3] = row
            self.verzoek_gewijzigd.add(key3)

        if inhoud.wijzigingsverzoek is not None and client is not None:
            wv = inhoud.wijzigingsverzoek
            self.nieuw[m.Wijzigingsverzoek].extend(
                m.Wijzigingsverzoek(
                    **basis,
                    client=client.pseudoniem,
                    referentie=wv.referentie,
                    reden=wv.reden,
                    soort=r.soort,
                    toewijzingnummer=r.toewijzingnummer or "",
                    categorie=r.product.categorie if r.product else "",
                    productcode=r.product.code if r.product else "",
                    gewenste_ingangsdatum=r.gewenste_ingangsdatum,
                    einddatum=r.einddatum,
                )
                for r in wv.regels
            )

        if inhoud.antwoord is not None:
            an = inhoud.antwoord
            self.nieuw[m.Antwoord].append(
                m.Antwoord(
                    **basis,
                    referentie=an.referentie,
                    antwoord=an.antwoord,
                    reden_afwijzing=an.reden_afwijzing or "",
                )
            )

        if header.berichttype.code == "JW323" and inhoud.declaratie is not None:
            nummer = inhoud.declaratie.nummer
            for c, p in inhoud.prestaties:
                codes = self.afwijzingen.get((g, a, p.referentie), "")
                self.nieuw[m.Prestatie].append(
                    m.Prestatie(
                        **basis,
                        client=c.pseudoniem,
                        declaratienummer=nummer,
                        referentie=p.referentie,
                        toewijzingnummer=p.toewijzingnummer,
                        categorie=p.product.categorie,
                        productcode=p.product.code,
                        begindatum=p.begindatum,
                        einddatum=p.einddatum,
                        volume=p.volume,
                        eenheid=p.eenheid,
                        tarief=p.tarief,
                        bedrag=p.bedrag,
                        afgewezen=bool(codes),
                        retourcodes=codes,
                    )
                )

        if header.berichttype.code == "JW325" and inhoud.declaratie is not None:
            d = inhoud.declaratie
            self.nieuw[m.DeclaratieAntwoord].append(
                m.DeclaratieAntwoord(
                    **basis,
                    declaratie_identificatie=header.referentie or "",
                    declaratienummer=d.nummer,
                    totaal_ingediend=d.totaal_ingediend,
                    totaal_toegekend=d.totaal_toegekend or 0,
                )
            )
            for _, p in inhoud.prestaties:
                afgewezen = [c for c in p.retourcodes if c != ACCEPTATIE]
                if afgewezen:
                    codes = ",".join(afgewezen)
                    self.nieuw[m.PrestatieAfwijzing].append(
                        m.PrestatieAfwijzing(**basis, referentie=p.referentie, retourcodes=codes)
                    )
                    self.afwijzingen[(g, a, p.referentie)] = codes
                    self.afgewezen_updates.append((g, a, p.referentie, codes))
                    for row in self.nieuw[m.Prestatie]:  # claimed earlier in this batch
                        if (row.gemeente, row.aanbieder, row.referentie) == (g, a, p.referentie):
                            row.afgewezen, row.retourcodes = True, codes

        if inhoud.retourcodes:
            self.nieuw[m.Retourcode].extend(
                m.Retourcode(bericht=bericht, element=r.element, code=r.code)
                for r in inhoud.retourcodes
            )

    def _client_gebied(self, g: str, client: str, gebied: str, dag: date) -> None:
        key = (g, client)
        current = self.clientgebieden.get(key)
        if current is None:
            self.clientgebieden[key] = m.ClientGebied(
                gemeente=g, client=client, gebied=gebied, peildatum=dag
            )
            self.clientgebied_gewijzigd.add(key)
        elif dag >= current.peildatum and (gebied or not current.gebied):
            current.gebied, current.peildatum = gebied, dag
            self.clientgebied_gewijzigd.add(key)

    # --- writing -------------------------------------------------------------------------------
    def schrijf(self) -> None:
        _upsert(m.Toewijzing, [self.toewijzingen[k] for k in self.toewijzing_gewijzigd])
        m.ToewijzingVersie.objects.bulk_create(self.versies)
        for model in (m.StartRegel, m.StopRegel):
            if self.levering_weg[model]:
                model.objects.filter(pk__in=self.levering_weg[model]).delete()
            _upsert(model, [self.leveringen[model][k] for k in self.levering_gewijzigd[model]])
        _upsert(m.Verzoek, [self.verzoeken[k] for k in self.verzoek_gewijzigd])
        _upsert(m.ClientGebied, [self.clientgebieden[k] for k in self.clientgebied_gewijzigd])
        for nieuw_model, rows in self.nieuw.items():
            nieuw_model.objects.bulk_create(rows, batch_size=1000)
        for g, a, ref, codes in self.afgewezen_updates:
            m.Prestatie.objects.filter(gemeente=g, aanbieder=a, referentie=ref).update(
                afgewezen=True, retourcodes=codes
            )
        # A request that arrives after its assignment still completes the trajectory.
        for g, a, ref in self.verzoek_gewijzigd:
            for nummer in m.Toewijzing.objects.filter(
                gemeente=g, aanbieder=a, referentie_aanbieder=ref
            ).values_list("nummer", flat=True):
                self.sleutels.add(sleutel_toewijzing(g, nummer))


def _upsert(model: type[Any], rows: list[Any]) -> None:
    """Insert new rows, update existing ones (all non-key fields)."""
    if not rows:
        return
    nieuw = [r for r in rows if r.pk is None]
    bestaand = [r for r in rows if r.pk is not None]
    if nieuw:
        model.objects.bulk_create(nieuw, batch_size=1000)
    if bestaand:
        fields = [f.name for f in model._meta.concrete_fields if not f.primary_key]
        model.objects.bulk_update(bestaand, fields, batch_size=500)


def trajecten_herbereken(*, sleutels: Iterable[str], gebied_voor: GebiedVoor) -> None:
    """Recompute trajectories from all their facts, for many keys at once."""
    per_toewijzing: dict[str, set[str]] = defaultdict(set)  # gemeente -> nummers
    per_client: dict[str, set[str]] = defaultdict(set)  # gemeente -> clients (taakgericht)
    keys = sorted(set(sleutels))
    for s in keys:
        soort, gemeente, *rest = s.split("|")
        if soort == "T":
            per_toewijzing[gemeente].add(rest[0])
        else:
            per_client[gemeente].add(rest[1])

    toewijzingen: dict[str, m.Toewijzing] = {}
    versies: dict[str, list[Versie]] = defaultdict(list)
    starts: dict[str, list[StartStand]] = defaultdict(list)
    stops: dict[str, list[StopStand]] = defaultdict(list)

    def levering_sleutel(row: m.StartRegel | m.StopRegel) -> str:
        if row.toewijzingnummer:
            return sleutel_toewijzing(row.gemeente, row.toewijzingnummer)
        product = Product(row.categorie, row.productcode) if row.categorie else None
        return sleutel_taakgericht(row.gemeente, row.aanbieder, row.client, product, row.begindatum)

    def leveringen(rows: Iterable[m.StartRegel | m.StopRegel]) -> None:
        for r in rows:
            if isinstance(r, m.StopRegel):
                stops[levering_sleutel(r)].append(
                    StopStand(
                        r.begindatum,
                        r.einddatum,
                        r.reden,
                        r.dagtekening,
                        r.aanbieder,
                        r.client,
                        r.categorie,
                        r.productcode,
                    )
                )
            else:
                starts[levering_sleutel(r)].append(
                    StartStand(
                        r.begindatum,
                        r.dagtekening,
                        r.aanbieder,
                        r.client,
                        r.categorie,
                        r.productcode,
                    )
                )

    for g, nummers in per_toewijzing.items():
        for chunk in _in_chunks(nummers):
            for tw in m.Toewijzing.objects.filter(gemeente=g, nummer__in=chunk):
                toewijzingen[sleutel_toewijzing(g, tw.nummer)] = tw
            for v in m.ToewijzingVersie.objects.filter(gemeente=g, nummer__in=chunk).values_list(
                "nummer", "dagtekening", "bericht_id", "einddatum", "reden_wijziging"
            ):
                versies[sleutel_toewijzing(g, v[0])].append(Versie(v[1], v[2], v[3], v[4]))
            leveringen(m.StartRegel.objects.filter(gemeente=g, toewijzingnummer__in=chunk))
            leveringen(m.StopRegel.objects.filter(gemeente=g, toewijzingnummer__in=chunk))
    for g, clients in per_client.items():
        for chunk in _in_chunks(clients):
            leveringen(
                m.StartRegel.objects.filter(gemeente=g, toewijzingnummer="", client__in=chunk)
            )
            leveringen(
                m.StopRegel.objects.filter(gemeente=g, toewijzingnummer="", client__in=chunk)
            )

    standen = {}
    for s in keys:
        tw0 = toewijzingen.get(s)
        stand_t = (
            ToewijzingStand(
                tw0.toewijzingsdatum, tw0.ingangsdatum, tw0.einddatum, tw0.verwijderd,
                tw0.categorie, tw0.productcode, tw0.aanbieder, tw0.client, tw0.geboortejaar,
                tw0.referentie_aanbieder,
            )
            if tw0 is not None
            else None
        )  # fmt: skip
        standen[s] = traject_stand(stand_t, versies.get(s, []), starts.get(s, []), stops.get(s, []))

    clients_per_gemeente: dict[str, set[str]] = defaultdict(set)
    refs: set[tuple[str, str, str]] = set()
    for s, stand in standen.items():
        if stand is not None:
            gemeente = s.split("|")[1]
            clients_per_gemeente[gemeente].add(stand.client)
            tw1 = toewijzingen.get(s)
            if tw1 is not None and tw1.referentie_aanbieder:
                refs.add((gemeente, tw1.aanbieder, tw1.referentie_aanbieder))
    gebieden: dict[tuple[str, str], str] = {}
    for g, clients in clients_per_gemeente.items():
        for chunk in _in_chunks(clients):
            for client, gebied in m.ClientGebied.objects.filter(
                gemeente=g, client__in=chunk
            ).values_list("client", "gebied"):
                gebieden[(g, client)] = gebied
    verzoeken: dict[tuple[str, str, str], tuple[date, str]] = {}
    refs_per: dict[tuple[str, str], set[str]] = defaultdict(set)
    for g, a, ref in refs:
        refs_per[(g, a)].add(ref)
    for (g, a), rs in refs_per.items():
        for chunk in _in_chunks(rs):
            for ref, dag, verwijzer in m.Verzoek.objects.filter(
                gemeente=g, aanbieder=a, referentie__in=chunk
            ).values_list("referentie", "dagtekening", "verwijzer_type"):
                verzoeken[(g, a, ref)] = (dag, verwijzer)

    weg = [s for s, stand in standen.items() if stand is None]
    if weg:
        for chunk in _in_chunks(weg):
            m.Traject.objects.filter(sleutel__in=chunk).delete()
    rows = []
    for s, stand in standen.items():
        if stand is None:
            continue
        soort, gemeente, *rest = s.split("|")
        t = toewijzingen.get(s)
        verzoek = (
            verzoeken.get((gemeente, t.aanbieder, t.referentie_aanbieder))
            if t is not None
            else None
        )
        rows.append(
            m.Traject(
                sleutel=s,
                gemeente=gemeente,
                aanbieder=stand.aanbieder,
                client=stand.client,
                geboortejaar=stand.geboortejaar,
                gebied=gebieden.get((gemeente, stand.client)) or gebied_voor(gemeente, None),
                taakgericht=soort == "K",
                toewijzingnummer=rest[0] if soort == "T" else "",
                categorie=stand.categorie,
                productcode=stand.productcode,
                verzoekdatum=verzoek[0] if verzoek else None,
                verwijzer_type=verzoek[1] if verzoek else "",
                toewijzingsdatum=stand.toewijzingsdatum,
                toewijzing_ingangsdatum=stand.toewijzing_ingangsdatum,
                toewijzing_einddatum=stand.toewijzing_einddatum,
                begindatum=stand.begindatum,
                einddatum=stand.einddatum,
                reden_beeindiging=stand.reden_beeindiging,
                start_gemeld_op=stand.start_gemeld_op,
                stop_gemeld_op=stand.stop_gemeld_op,
                verlengingen=stand.verlengingen,
                status=stand.status,
            )
        )
    if rows:
        fields = [
            f.name for f in m.Traject._meta.concrete_fields if f.name not in {"id", "sleutel"}
        ]
        m.Traject.objects.bulk_create(
            rows,
            batch_size=500,
            update_conflicts=True,
            unique_fields=["sleutel"],
            update_fields=fields,
        )
