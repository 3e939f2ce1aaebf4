# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""One batch of messages applied in memory: the existing state of every key the batch
touches is loaded in a few queries (laad), the messages are applied in order (pas_toe),
and the result is written with bulk statements (schrijf)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from jeugdsturing.berichten import models as m
from jeugdsturing.berichten import sql
from jeugdsturing.berichten.feiten import Inhoud
from jeugdsturing.berichten.lezen import Voorbereid
from jeugdsturing.berichten.services.velden import (
    ACCEPTATIE,
    AFGEWEZEN,
    AFWIJZING_VELDEN,
    ANTWOORD_VELDEN,
    DECLARATIEANTWOORD_VELDEN,
    LEVERING_SLEUTEL,
    PRESTATIE_VELDEN,
    RETOURCODES,
    TOEWIJZING_VELDEN,
    VERSIE_VELDEN,
    WIJZIGING_VELDEN,
    GebiedVoor,
    per_gemeente,
    sleutel_taakgericht,
    sleutel_toewijzing,
    velden_van,
)
from jeugdsturing.berichten.validatie import Header

MODEL_SOORT: dict[type, str] = {m.StartRegel: "start", m.StopRegel: "stop"}
SOORT_MODEL = {soort: model for model, soort in MODEL_SOORT.items()}
VERWIJDERING_VELDEN = (*LEVERING_SLEUTEL, "soort", "bericht_id", "dagtekening", "identificatie")


class Toepassing:
    """The in-memory state of one batch: rows as dicts of column values."""

    def __init__(self, gebied_voor: GebiedVoor) -> None:
        self.gebied_voor = gebied_voor
        self.sleutels: set[str] = set()
        self.toewijzingen: dict[tuple[str, str], dict[str, Any]] = {}
        self.toewijzing_gewijzigd: set[tuple[str, str]] = set()
        self.versies: list[tuple[Any, ...]] = []
        # Per model (StartRegel, StopRegel): the current rows by key, the keys this batch
        # changed, the ids to delete; the deletions (StatusAanlevering 3) by key with
        # (Dagtekening, Identificatie) of the newest one, and the keys whose deletion
        # this batch changed.
        self.leveringen: dict[type, dict[tuple[Any, ...], dict[str, Any]]] = {
            model: {} for model in MODEL_SOORT
        }
        self.levering_gewijzigd: dict[type, set[tuple[Any, ...]]] = {
            model: set() for model in MODEL_SOORT
        }
        self.levering_weg: dict[type, set[int]] = {model: set() for model in MODEL_SOORT}
        self.verwijderingen: dict[type, dict[tuple[Any, ...], dict[str, Any]]] = {
            model: {} for model in MODEL_SOORT
        }
        self.verwijdering_gewijzigd: dict[type, set[tuple[Any, ...]]] = {
            model: set() for model in MODEL_SOORT
        }
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
            velden = velden_van(model, skip=())
            for g, clients in levering_clients.items():
                for values in sql.selecteer(
                    model, velden, gelijk={"gemeente": g}, in_veld="client", waarden=clients
                ):
                    row = dict(zip(velden, values, strict=True))
                    self.leveringen[model][tuple(row[f] for f in LEVERING_SLEUTEL)] = row
        for g, clients in levering_clients.items():
            for values in sql.selecteer(
                m.Verwijdering, VERWIJDERING_VELDEN, gelijk={"gemeente": g}, in_veld="client",
                waarden=clients,
            ):  # fmt: skip
                row = dict(zip(VERWIJDERING_VELDEN, values, strict=True))
                self.verwijderingen[SOORT_MODEL[row["soort"]]][
                    tuple(row[f] for f in LEVERING_SLEUTEL)
                ] = row
        cg_velden = ("gemeente", "client", "gebied", "peildatum")
        for g, clients in client_keys.items():
            for values in sql.selecteer(
                m.ClientGebied, cg_velden, gelijk={"gemeente": g}, in_veld="client",
                waarden=clients,
            ):  # fmt: skip
                self.clientgebieden[(g, values[1])] = dict(zip(cg_velden, values, strict=True))
        for g, refs in per_gemeente(prestatie_refs).items():
            for a, ref, codes in sql.selecteer(
                m.PrestatieAfwijzing, ("aanbieder", "referentie", "retourcodes"),
                gelijk={"gemeente": g}, in_veld="referentie", waarden=refs,
            ):  # fmt: skip
                if ref in prestatie_refs.get((g, a), ()):
                    self.afwijzingen[(g, a, ref)] = codes

    # --- applying one message --------------------------------------------------------------
    def pas_toe(self, bericht: int, header: Header, inhoud: Inhoud) -> None:
        g, a, dag, ident = (
            header.gemeente,
            header.aanbieder,
            header.dagtekening,
            header.identificatie,
        )
        # Which of two versions is newer: by content (Dagtekening, then Identificatie),
        # never by arrival, so that every order of arrival ends in the same state.
        volgorde = (dag, ident)
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
                    "identificatie": ident,
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
                if current is None or volgorde >= (
                    current["dagtekening"],
                    current["identificatie"],
                ):
                    self.toewijzingen[key] = values
                    self.toewijzing_gewijzigd.add(key)
                elif t.toewijzingsdatum < current["toewijzingsdatum"]:
                    current["toewijzingsdatum"] = t.toewijzingsdatum
                    self.toewijzing_gewijzigd.add(key)
                self.versies.append(
                    (
                        g, a, bericht, dag, ident, t.nummer, t.ingangsdatum, t.einddatum,
                        t.reden_wijziging or "", t.omvang.volume if t.omvang else None,
                        t.omvang.eenheid if t.omvang else "",
                        t.omvang.frequentie if t.omvang else "",
                    )
                )  # fmt: skip
                self.sleutels.add(sleutel_toewijzing(g, t.nummer))

        for model, regels in ((m.StartRegel, inhoud.starts), (m.StopRegel, inhoud.stops)):
            rows = self.leveringen[model]
            weg = self.verwijderingen[model]
            for r in regels:
                assert client is not None  # noqa: S101  (JW305/JW307 always have a client)
                cat, code = (r.product.categorie, r.product.code) if r.product else ("", "")
                lkey = (g, a, client.pseudoniem, r.toewijzingnummer or "", cat, code, r.begindatum)
                existing = rows.get(lkey)
                verwijderd = weg.get(lkey)
                if r.status == "3":  # delete what was sent before it, kept for what comes late
                    if verwijderd is None or volgorde > (
                        verwijderd["dagtekening"],
                        verwijderd["identificatie"],
                    ):
                        weg[lkey] = dict(zip(LEVERING_SLEUTEL, lkey, strict=True)) | {
                            "soort": MODEL_SOORT[model],
                            "bericht_id": bericht,
                            "dagtekening": dag,
                            "identificatie": ident,
                        }
                        self.verwijdering_gewijzigd[model].add(lkey)
                    if existing is not None and volgorde > (
                        existing["dagtekening"],
                        existing["identificatie"],
                    ):
                        if existing.get("id") is not None:
                            self.levering_weg[model].add(existing["id"])
                        del rows[lkey]
                        self.levering_gewijzigd[model].discard(lkey)
                elif (
                    verwijderd is None
                    or volgorde > (verwijderd["dagtekening"], verwijderd["identificatie"])
                ) and (
                    existing is None
                    or volgorde >= (existing["dagtekening"], existing["identificatie"])
                ):
                    # 1 first delivery, 2 correction: the newest version counts; one sent
                    # before a deletion that was received already stays deleted
                    row = dict(zip(LEVERING_SLEUTEL, lkey, strict=True))
                    row |= {
                        "bericht_id": bericht,
                        "dagtekening": dag,
                        "identificatie": ident,
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
                        self.prestaties[i][AFGEWEZEN], self.prestaties[i][RETOURCODES] = (
                            True,
                            codes,
                        )

    def _client_gebied(self, g: str, client: str, gebied: str, dag: date) -> None:
        key = (g, client)
        current = self.clientgebieden.get(key)
        # An address with a known gebied over one without, then the latest, and on the
        # same day the same one whatever the order of arrival (a maximum, not "last").
        if current is None or (bool(gebied), dag, gebied) >= (
            bool(current["gebied"]),
            current["peildatum"],
            current["gebied"],
        ):
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
            _upsert_dicts(
                m.Verwijdering,
                [
                    self.verwijderingen[model][k]
                    for k in sorted(self.verwijdering_gewijzigd[model], key=repr)
                ],
                ("gemeente", "client", "soort", "aanbieder", "toewijzingnummer", "categorie",
                 "productcode", "begindatum"),
            )  # fmt: skip
            sql.verwijderen(model, "id", self.levering_weg[model])
            _upsert_dicts(
                model,
                [
                    self.leveringen[model][k]
                    for k in sorted(self.levering_gewijzigd[model], key=repr)
                ],
                LEVERING_SLEUTEL,
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
        for g, rs in per_gemeente(refs).items():
            for a, ref, nummer in sql.selecteer(
                m.Toewijzing, ("aanbieder", "referentie_aanbieder", "nummer"),
                gelijk={"gemeente": g}, in_veld="referentie_aanbieder", waarden=rs,
            ):  # fmt: skip
                if ref in refs.get((g, a), ()):
                    self.sleutels.add(sleutel_toewijzing(g, nummer))


def _upsert_dicts(
    model: type[Any],
    rows: list[dict[str, Any]],
    conflict: Sequence[str],
    zelden: Sequence[str] = (),
) -> None:
    if not rows:
        return
    fields = velden_van(model)
    sql.upsert(
        model,
        fields,
        [tuple(r.get(f) for f in fields) for r in rows],
        conflict=conflict,
        zelden=zelden,
    )
