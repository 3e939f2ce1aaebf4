# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Applying accepted messages.

A batch of messages is applied in one transaction: the existing state of every key the
batch touches is loaded in a few queries, the messages are applied in order in memory,
the result is written with bulk statements, and the trajectories the batch touched are
marked (TeHerberekenen); at the end of the import they are recomputed from their facts
(trajecten_werk_bij, trajecten.traject_stand). Every message is therefore
applied wholly or not at all; the importer retries a failed batch message by message.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone

from jeugdsturing.berichten import models as m
from jeugdsturing.berichten import sql
from jeugdsturing.berichten.lezen import Voorbereid
from jeugdsturing.berichten.services.toepassing import Toepassing
from jeugdsturing.berichten.services.velden import (
    BERICHT_VELDEN,
    GebiedVoor,
    importslot,
)


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
        importslot()
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
        toepassing = Toepassing(gebied_voor)
        toepassing.laad(batch)
        for bericht_id, v in zip(ids, batch, strict=True):
            toepassing.pas_toe(bericht_id, v.header, v.inhoud)
        toepassing.schrijf()
        # The trajectories follow at the end of the import (trajecten_werk_bij).
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
