# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Validating and reading messages, without the database: this runs in worker
processes during a large import, so it must not touch Django's ORM or settings."""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import multiprocessing.connection
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import NamedTuple

from jeugdsturing.berichten.berichttypen import LEZERS
from jeugdsturing.berichten.bronnen import Onleesbaar, Plek, lees_plek
from jeugdsturing.berichten.feiten import Inhoud, als_tuple
from jeugdsturing.berichten.fouten import Afkeuring, BerichtFout
from jeugdsturing.berichten.privacy import pseudoniem
from jeugdsturing.berichten.validatie import Header, Referentie, valideer
from jeugdsturing.weergave.templatetags.datums import datum_lang


class Voorbereid(NamedTuple):
    """A validated, parsed message ready to be applied."""

    bestand: str
    sha256: str
    header: Header
    inhoud: Inhoud
    regels: int  # inhoud.regels, counted here in the worker


Voorbereid.__reduce__ = als_tuple  # type: ignore[assignment,method-assign]


class Afgekeurd(NamedTuple):
    """A message that was refused, with the hash of its bytes (None when they could not
    be read: then there is nothing to keep in quarantine either)."""

    sha256: str | None
    afkeuringen: list[Afkeuring]


Afgekeurd.__reduce__ = als_tuple  # type: ignore[assignment,method-assign]


@dataclass(frozen=True)
class Context:
    ref: Referentie
    xsd_dir: str | None
    sleutel: str  # pseudonymisation key
    # The latest Dagtekening accepted (the import's day plus DAGTEKENING_MARGE).
    uiterlijk: date | None = None


_CONTEXT: Context | None = None

# Thresholds of the cyclic garbage collector during a bulk import, in the workers and in
# the main process (importeren.weinig_gc): many short-lived objects, no cycles to speak of.
BULK_GC_DREMPELS = (50_000, 20, 100)


def init_worker(context: Context) -> None:
    global _CONTEXT
    _CONTEXT = context
    gc.freeze()
    gc.set_threshold(*BULK_GC_DREMPELS)
    ouder = multiprocessing.parent_process()
    if ouder is not None:
        threading.Thread(target=_stop_met_ouder, args=(ouder.sentinel,), daemon=True).start()


def _stop_met_ouder(sentinel: int) -> None:
    """A worker ends when the import that started it is gone (also after kill -9, when
    nothing tells the pool): it would otherwise wait for work forever."""
    multiprocessing.connection.wait([sentinel])
    os._exit(1)


def lees_bericht(
    item: tuple[str, bytes | Plek], context: Context | None = None
) -> Voorbereid | Afgekeurd:
    """(name, bytes or where they are) -> a message ready to apply, or why not. The
    worker reads the bytes itself (bronnen.lees_plek): only their place travels."""
    ctx = context or _CONTEXT
    assert ctx is not None  # noqa: S101
    naam, bron = item
    try:
        data = bron if isinstance(bron, bytes) else lees_plek(bron)
    except Onleesbaar as exc:
        return Afgekeurd(None, [Afkeuring(naam, None, None, None, None, str(exc))])
    sha = hashlib.sha256(data).hexdigest()
    try:
        gevalideerd = valideer(data, file=naam, ref=ctx.ref, xsd_dir=ctx.xsd_dir)
    except BerichtFout as fout:
        return Afgekeurd(sha, fout.afkeuringen)
    header = gevalideerd.header
    if ctx.uiterlijk is not None and header.dagtekening > ctx.uiterlijk:
        element = (
            "DagtekeningRetour"
            if header.berichttype.retour_van
            else "BerichtIdentificatie/Dagtekening"
        )
        return Afgekeurd(
            sha,
            [
                Afkeuring(
                    naam, header.berichttype.code, f"Header/{element}",
                    header.dagtekening.isoformat(), None,
                    f"de dagtekening {datum_lang(header.dagtekening)} ligt na "
                    f"{datum_lang(ctx.uiterlijk)}, meer dan de toegestane marge na vandaag; "
                    "een bericht uit de toekomst zou elke latere echte wijziging overschrijven",
                )
            ],
        )  # fmt: skip
    pseudo: Callable[[str], str] = partial(pseudoniem, key=ctx.sleutel)
    inhoud = LEZERS[header.berichttype.code](gevalideerd.root, pseudo)
    return Voorbereid(naam, sha, header, inhoud, inhoud.regels)
