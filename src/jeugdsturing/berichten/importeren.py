# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""An import run: read sources, validate, store accepted messages, quarantine the rest.

Messages are applied in batches, each batch in one transaction (a failed batch is
retried message by message); a message already stored (same content hash, or same
sender + type + identification) is a duplicate with no effect. So an import that is
interrupted at any moment can simply be run again."""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from itertools import chain
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import User
from django.db import IntegrityError, connection, transaction
from django.db.backends.sqlite3.creation import DatabaseCreation
from django.utils import timezone

from jeugdsturing.berichten import models as m
from jeugdsturing.berichten import sql, trajectwerk
from jeugdsturing.berichten.bronnen import Bron, Plek, bronnen, sluit_archief, tel
from jeugdsturing.berichten.fouten import Afkeuring
from jeugdsturing.berichten.lezen import (
    BULK_GC_DREMPELS,
    Afgekeurd,
    Context,
    Voorbereid,
    init_worker,
    lees_bericht,
)
from jeugdsturing.berichten.na_import import import_voltooid
from jeugdsturing.berichten.privacy import versleutel
from jeugdsturing.berichten.referentie import referentie_laden
from jeugdsturing.berichten.services import (
    Berekend,
    ParallelBereken,
    berichten_verwerk,
    quarantaine_ruim_op,
    trajecten_werk_bij,
)
from jeugdsturing.berichten.slot import importslot
from jeugdsturing.berichten.validatie import Referentie
from jeugdsturing.berichten.xml import MAX_BYTES
from jeugdsturing.core.levenscyclus import status_begin, status_wijzig
from jeugdsturing.regio.models import Regio
from jeugdsturing.regio.selectors import GebiedIndex, gebied_index


@dataclass
class Resultaat:
    accepted: int = 0
    duplicates: int = 0
    conflicten: int = 0  # same sender + type + identification, other content
    rejected: list[Afkeuring] = field(default_factory=list)
    regels: int = 0
    run_id: int | None = None

    def as_json(self) -> dict[str, object]:
        return {
            "accepted": self.accepted,
            "duplicates": self.duplicates,
            "conflicts": self.conflicten,
            "rejected": [a.as_dict() for a in self.rejected],
        }


class GebiedBepaler:
    """gemeente + postcode -> gebied code, over all configured regions."""

    def __init__(self) -> None:
        self.indexes: list[GebiedIndex] = [
            gebied_index(regio=r) for r in Regio.objects.order_by("code")
        ]
        self.cache: dict[tuple[str, str | None], str] = {}

    def __call__(self, gemeente: str, postcode: str | None) -> str:
        key = (gemeente, postcode[:4] if postcode else None)
        if key not in self.cache:
            found = ""
            for index in self.indexes:
                code = index.locate(gemeente, postcode)
                if code:
                    found = code
                    break
            self.cache[key] = found
        return self.cache[key]


def _quarantaine(run: m.ImportRun, naam: str, data: bytes | None, fouten: list[Afkeuring]) -> None:
    if data is None:
        return  # nothing was read (missing file, zip bomb): nothing to keep
    sha = hashlib.sha256(data).hexdigest()
    m.Quarantaine.objects.update_or_create(
        sha256=sha,
        defaults={
            "bestand": naam[-300:],
            "berichttype": next((f.message_type for f in fouten if f.message_type), "") or "",
            "afkeuringen": [f.as_dict() for f in fouten],
            "inhoud": versleutel(data),
            "import_run": run,
        },
    )


def _quarantaine_bestand(run: m.ImportRun, naam: str, afkeuring: Afkeuring) -> None:
    """A whole file refused before reading (a damaged archive) is kept for inspection
    when it is no larger than a message may be; a member of an archive refused before
    reading (a bomb, an overlap, a nested archive) is not unpacked: it is listed with
    its reason in the run."""
    if "!" in naam:
        return
    pad = Path(naam)
    try:
        if not pad.is_file() or pad.stat().st_size > MAX_BYTES:
            return
        data = pad.read_bytes()
    except OSError:
        return
    with transaction.atomic():
        _quarantaine(run, naam, data, [afkeuring])


def _afgebroken_runs_markeren() -> None:
    """A run still 'bezig' whose process is gone was interrupted; mark it so."""
    for run in m.ImportRun.objects.filter(status=m.ImportStatus.BEZIG):
        status_wijzig(
            run, naar=m.ImportStatus.AFGEBROKEN, velden={"beeindigd_op": timezone.now()},
            reden="afgebroken: het proces van deze import liep niet meer toen een volgende "
            "import begon",
        )  # fmt: skip


BATCH = 5000  # messages applied per transaction (docs/performance.md)

Gelezen = list[Voorbereid | Afgekeurd]
Opdracht = tuple[str, bytes | Plek]
Lezer = Callable[[list[Opdracht]], Callable[[], Gelezen]]


@contextmanager
def _lezer(context: Context, werkers: int) -> Iterator[tuple[Lezer, ParallelBereken | None]]:
    """Reading and validating is CPU work without the database. With werkers > 0 it runs
    in spawned processes: lezer(items) starts the work and returns a function that
    waits for the results, so the main process can write the previous batch meanwhile.
    The same processes then compute the trajectories at the end (trajectwerk)."""
    if werkers <= 0:

        def inline(items: list[Opdracht]) -> Callable[[], Gelezen]:
            results: Gelezen = [lees_bericht(i, context) for i in items]
            return lambda: results

        yield inline, None
        return
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=werkers, mp_context=ctx, initializer=init_worker, initargs=(context,)
    ) as pool:

        def parallel(items: list[Opdracht]) -> Callable[[], Gelezen]:
            chunksize = max(1, len(items) // (4 * werkers))
            pending = pool.map(lees_bericht, items, chunksize=chunksize)  # submitted now
            return lambda: list(pending)

        def trajecten(delen: list[list[str]]) -> Iterator[Berekend]:
            module = os.environ.get("DJANGO_SETTINGS_MODULE", "jeugdsturing.settings")
            naam = str(connection.settings_dict["NAME"])
            return pool.map(trajectwerk.bereken, [(module, naam, d) for d in delen])

        # Another process sees only what is committed, and never an in-memory SQLite
        # database: inside a transaction (a test's) or in memory, the pass stays here.
        # On both databases (PostgreSQL, the benchmark's pass: 9.6-10.6 -> 6.1-6.5 s;
        # docs/performance.md).
        gedeeld = not connection.in_atomic_block and not (
            connection.vendor == "sqlite"
            and DatabaseCreation.is_in_memory_db(connection.settings_dict["NAME"])
        )
        yield parallel, trajecten if gedeeld else None


@contextmanager
def weinig_gc() -> Iterator[None]:
    """Python's cyclic garbage collector, tuned for a bulk run: everything that exists
    when the run starts (Django, the reference data) is frozen out of its view, and it
    runs after 50,000 new container objects instead of 700. An import creates millions
    of short-lived tuples and dicts but no cycles to speak of; with the defaults the
    collector scanned the long-lived objects again and again, 20% of the CPU time of the
    main process (docs/performance.md). Restored afterwards."""
    drempels = gc.get_threshold()
    gc.collect()
    gc.freeze()
    gc.set_threshold(*BULK_GC_DREMPELS)
    try:
        yield
    finally:
        gc.set_threshold(*drempels)
        gc.unfreeze()


def standaard_werkers() -> int:
    """Worker processes for reading: one per core, so that the operating system can give
    a core to whichever of reading and writing has work (docs/performance.md: on two
    cores, two workers beside the writing process are 20% faster than one, now that the
    writing process needs less than a core); none on a single core."""
    cores = os.cpu_count() or 1
    return cores if cores > 1 else 0


def berichten_importeer(
    paths: list[Path],
    *,
    bron: str = "cli",
    gebruiker: User | None = None,
    omschrijving: str = "",
    voortgang: Callable[[Bron, str], None] | None = None,
    trajecten_voortgang: Callable[[int, int], None] | None = None,
    referentie: Referentie | None = None,
    batch: int = BATCH,
    werkers: int = 0,
    wacht: Callable[[str], None] | None = None,
    vandaag: date | None = None,
    run: m.ImportRun | None = None,
) -> Resultaat:
    """Import files, directories and zip archives. Every message is applied wholly or
    not at all; an interrupted run can be run again and ends in the same state.
    With werkers > 0, batch N+1 is read and validated in worker processes while the
    main process writes batch N. voortgang(source, status) follows the messages,
    trajecten_voortgang(done, total) the trajectories recomputed at the end. One import
    at a time per database (berichten.slot): another one waits, and ``wacht(message)``
    says so. A message dated more than DAGTEKENING_MARGE after ``vandaag`` (the day of
    the import unless given: the demo region's traffic runs ahead of the calendar) is
    refused. ``run``: a run waiting in the queue (import_in_wachtrij) that this import
    carries out; otherwise a new one is made. The run's page follows its progress."""
    with importslot(wacht):
        return _importeer(
            paths, bron=bron, gebruiker=gebruiker, omschrijving=omschrijving, run=run,
            voortgang=voortgang, trajecten_voortgang=trajecten_voortgang,
            referentie=referentie, batch=batch, werkers=werkers,
            uiterlijk=(vandaag or timezone.localdate()) + settings.DAGTEKENING_MARGE,
        )  # fmt: skip


def _importeer(
    paths: list[Path],
    *,
    bron: str,
    gebruiker: User | None,
    omschrijving: str,
    voortgang: Callable[[Bron, str], None] | None,
    trajecten_voortgang: Callable[[int, int], None] | None,
    referentie: Referentie | None,
    batch: int,
    werkers: int,
    uiterlijk: date,
    run: m.ImportRun | None,
) -> Resultaat:
    _afgebroken_runs_markeren()
    quarantaine_ruim_op()
    if connection.vendor == "sqlite":
        # The import looks up and inserts keys all over large indexes (pseudonyms,
        # hashes): a page cache of 256 MB instead of SQLite's 2 MB, and reads through
        # mmap, halve the system time (docs/performance.md). For this connection only.
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size=-262144")
            cursor.execute("PRAGMA mmap_size=1073741824")
    totaal = tel(paths)
    if run is None:
        run = m.ImportRun.objects.create(
            bron=bron,
            gebruiker=gebruiker if gebruiker is not None and gebruiker.is_authenticated else None,
            omschrijving=omschrijving[:300],
            totaal=totaal,
        )
        status_begin(run, reden=f"gestart ({bron})", door=run.gebruiker)
    else:
        status_wijzig(
            run, naar=m.ImportStatus.BEZIG, reden="gestart door de achtergrondtaak",
            door=run.gebruiker, velden={"totaal": totaal},
        )  # fmt: skip
    result = Resultaat(run_id=run.pk)
    voortgang = _met_voortgang(run, voortgang)
    context = Context(
        referentie or referentie_laden(),
        settings.IJW_XSD_DIR or None,
        settings.PSEUDONYMISATION_KEY,
        uiterlijk,
    )
    gebied_voor = GebiedBepaler()

    stand = _Stand(run, gebied_voor, result, voortgang)
    with weinig_gc(), _lezer(context, werkers) as (lezer, trajecten_parallel):
        # Batches submitted for reading and not yet written: with workers, two batches
        # are read ahead so that the workers never wait for the writing process.
        onderweg: deque[tuple[list[Bron], Callable[[], Gelezen]]] = deque()
        vooruit = 2 if werkers > 0 else 0
        chunk: list[Bron] = []
        for item in chain(bronnen(paths), [None]):  # a stream: None marks the end
            if item is not None:
                if item.fout is not None:  # refused before reading (missing, zip bomb)
                    afkeuring = Afkeuring(item.naam, None, None, None, None, item.fout)
                    result.rejected.append(afkeuring)
                    _quarantaine_bestand(run, item.naam, afkeuring)
                    stand.meld(item, "afgekeurd")
                else:
                    chunk.append(item)
            if chunk and (item is None or len(chunk) >= batch):
                onderweg.append((chunk, lezer([b.opdracht() for b in chunk])))
                chunk = []
                while len(onderweg) > vooruit:
                    _afronden(*onderweg.popleft(), stand)
        while onderweg:
            _afronden(*onderweg.popleft(), stand)
        sluit_archief()
        # Also the trajectories an interrupted run left (they are marked with the facts).
        trajecten_werk_bij(
            gebied_voor=gebied_voor, voortgang=trajecten_voortgang, parallel=trajecten_parallel
        )
    status_wijzig(
        run,
        naar=m.ImportStatus.VOLTOOID,
        reden=f"voltooid: {result.accepted} berichten ingelezen, {len(result.rejected)} afgekeurd",
        door=run.gebruiker,
        velden={
            "beeindigd_op": timezone.now(),
            "geaccepteerd": result.accepted,
            "dubbel": result.duplicates,
            "afgekeurd": len({a.file for a in result.rejected}),
            "regels": result.regels,
            "afkeuringen": [a.as_dict() for a in result.rejected[:5000]],
            "verwerkt": result.accepted + result.duplicates + len(result.rejected),
        },
    )
    if result.accepted:
        import_voltooid.send(sender=m.ImportRun, run=run, accepted=result.accepted)
    return result


VOORTGANG_SECONDEN = 1.0  # the run's progress is written at most this often


def _met_voortgang(
    run: m.ImportRun, voortgang: Callable[[Bron, str], None] | None
) -> Callable[[Bron, str], None]:
    """The caller's progress callback, and the run's own count of handled messages for
    its page (written between batches, at most once a second: a write per message would
    cost more than the message)."""
    geteld = [0, time.monotonic()]

    def meld(item: Bron, status: str) -> None:
        if voortgang is not None:
            voortgang(item, status)
        geteld[0] += 1
        nu = time.monotonic()
        if nu - geteld[1] >= VOORTGANG_SECONDEN:
            geteld[1] = nu
            m.ImportRun.objects.filter(pk=run.pk).update(verwerkt=geteld[0])

    return meld


@dataclass
class _Stand:
    """What an import run carries from batch to batch."""

    run: m.ImportRun
    gebied_voor: GebiedBepaler
    result: Resultaat
    voortgang: Callable[[Bron, str], None] | None
    gezien: set[bytes] = field(default_factory=set)  # content hashes met in this run
    # Trajectories marked for recomputation by this run's committed batches.
    gemarkeerd: set[str] = field(default_factory=set)

    def meld(self, item: Bron, status: str) -> None:
        if self.voortgang is not None:
            self.voortgang(item, status)

    def verwerk(self, batch: list[Voorbereid]) -> None:
        berichten_verwerk(
            run=self.run, batch=batch, gebied_voor=self.gebied_voor, gemarkeerd=self.gemarkeerd
        )


def _afronden(nieuw: list[Bron], opdracht: Callable[[], Gelezen], stand: _Stand) -> None:
    """Quarantine what was rejected, drop duplicates (content met earlier in this run,
    or sender, type and identification already stored), apply the rest. Content stored
    by an earlier run needs no lookup of its own: sender, type and identification are
    read from the content, so the same content has the same identification and is
    found by it (models.Bericht)."""
    result = stand.result
    klaar: list[tuple[Bron, Voorbereid]] = []
    for item, uitkomst in zip(nieuw, opdracht(), strict=True):
        if uitkomst.sha256 is not None:
            digest = bytes.fromhex(uitkomst.sha256)
            if digest in stand.gezien:
                result.duplicates += 1
                stand.meld(item, "dubbel")
                continue
            stand.gezien.add(digest)
        if isinstance(uitkomst, Afgekeurd):
            if uitkomst.sha256 is not None:  # it was read: keep it for inspection
                with transaction.atomic():
                    _quarantaine(stand.run, item.naam, item.lees(), uitkomst.afkeuringen)
            result.rejected.extend(uitkomst.afkeuringen)
            stand.meld(item, "afgekeurd")
        else:
            klaar.append((item, uitkomst))

    bestaand = sql.bestaand(
        m.Bericht,
        ("afzender", "berichttype", "identificatie"),
        {(v.header.afzender, v.header.berichttype.code, v.header.identificatie) for _, v in klaar},
    )
    # Content of what was stored: the same identification with the same content is a
    # duplicate without effect; with other content it is a conflict.
    inhoud = _inhoud_van(bestaand)
    batch: list[tuple[Bron, Voorbereid]] = []
    for item, v in klaar:
        ident = (v.header.afzender, v.header.berichttype.code, v.header.identificatie)
        if ident in bestaand:
            if inhoud.get(ident, v.sha256) != v.sha256:
                _conflict(item, v, stand)
            else:
                result.duplicates += 1
                stand.meld(item, "dubbel")
        else:
            bestaand.add(ident)
            inhoud[ident] = v.sha256
            batch.append((item, v))
    if not batch:
        return
    try:
        stand.verwerk([v for _, v in batch])
        toegepast = batch
    except Exception:
        toegepast = []
        for item, v in batch:
            try:
                stand.verwerk([v])
            except IntegrityError:
                result.duplicates += 1  # stored by a concurrent run meanwhile
                stand.meld(item, "dubbel")
                continue
            except Exception as exc:
                afkeuring = Afkeuring(
                    item.naam, v.header.berichttype.code, None, None, None,
                    f"kon niet worden verwerkt: {exc}",
                )  # fmt: skip
                with transaction.atomic():
                    _quarantaine(stand.run, item.naam, item.lees(), [afkeuring])
                result.rejected.append(afkeuring)
                stand.meld(item, "afgekeurd")
                continue
            toegepast.append((item, v))
    for item, v in toegepast:
        result.accepted += 1
        result.regels += v.regels
        stand.meld(item, "geaccepteerd")
    # Content that was quarantined earlier (a failure now mended) leaves the quarantine.
    # A plain DELETE: the ORM's delete() first selected the 5000 hashes (0.4 s a month).
    sql.verwijderen(m.Quarantaine, "sha256", [v.sha256 for _, v in toegepast])


def _inhoud_van(idents: set[tuple[str, str, str]]) -> dict[tuple[str, str, str], str]:
    """(afzender, berichttype, identificatie) -> the content hash of the stored message."""
    per: dict[tuple[str, str], set[str]] = {}
    for afzender, soort, ident in idents:
        per.setdefault((afzender, soort), set()).add(ident)
    return {
        (afzender, soort, ident): sha
        for (afzender, soort), ids in per.items()
        for ident, sha in sql.selecteer(
            m.Bericht, ("identificatie", "sha256"),
            gelijk={"afzender": afzender, "berichttype": soort}, in_veld="identificatie",
            waarden=ids,
        )
    }  # fmt: skip


def _conflict(item: Bron, v: Voorbereid, stand: _Stand) -> None:
    """A message whose sender, type and identification were used before for other
    content: refused and quarantined, reported as a conflict (the standard makes the
    identification unique per sender; which of the two is right, people decide)."""
    h = v.header
    afkeuring = Afkeuring(
        item.naam, h.berichttype.code, "Header/BerichtIdentificatie/Identificatie",
        h.identificatie, None,
        f"conflict: afzender {h.afzender} heeft eerder een ander {h.berichttype.code}-bericht "
        f"met identificatie {h.identificatie} gestuurd; dit bericht is niet ingelezen. "
        "Vraag de afzender welk bericht geldt; een correctie krijgt een nieuwe identificatie",
    )  # fmt: skip
    with transaction.atomic():
        _quarantaine(stand.run, item.naam, item.lees(), [afkeuring])
    stand.result.rejected.append(afkeuring)
    stand.result.conflicten += 1
    stand.meld(item, "conflict")
