# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Writes of the quarantine: a rejected file solved by a corrected one, removed by the
data-analist, or purged after the retention period. Every change by a user is in the
audit trail (who, when; the content itself is not copied into the history)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from jeugdsturing.berichten import models as m
from jeugdsturing.berichten.privacy import Onleesbaar, hersleutel


@transaction.atomic
def quarantaine_los_op(
    *, quarantaine: m.Quarantaine, run_id: int, door: AbstractBaseUser | None = None
) -> m.Bericht:
    """A corrected file for a rejected one was imported without rejection in run
    `run_id`: the rejected file is solved by the last message of that run."""
    laatste = m.Bericht.objects.filter(import_run_id=run_id).order_by("-pk").first()
    if laatste is None:
        raise ValidationError(f"Import {run_id} heeft geen bericht ingelezen.")
    quarantaine.opgelost_door = laatste
    quarantaine._history_user = door  # type: ignore[attr-defined]
    quarantaine._change_reason = f"opgelost door bericht {laatste.identificatie} (import {run_id})"  # type: ignore[attr-defined]
    quarantaine.save(update_fields=["opgelost_door"])
    return laatste


@transaction.atomic
def quarantaine_verwijder(
    *, quarantaine: m.Quarantaine, door: AbstractBaseUser | None = None, reden: str = ""
) -> None:
    """Remove a rejected file before its retention period ends (the data-analist, on the
    page); the audit trail keeps who removed which file, when and why."""
    quarantaine._change_reason = reden or "verwijderd door de data-analist"  # type: ignore[attr-defined]
    quarantaine._history_user = door  # type: ignore[attr-defined]
    quarantaine.delete()


def quarantaine_ruim_op() -> int:
    """Purge quarantined input older than the retention period; returns how many."""
    grens = timezone.now() - timedelta(days=settings.QUARANTINE_RETENTION_DAYS)
    deleted, _ = m.Quarantaine.objects.filter(laatst_gezien__lt=grens).delete()
    return deleted


def quarantaine_hersleutel() -> tuple[int, int]:
    """Re-encrypt every quarantined file under the newest key of QUARANTINE_KEYS (after a
    new key was put first), one file per transaction; returns (re-encrypted, unreadable:
    files no current key opens, left as they are)."""
    klaar = onleesbaar = 0
    for pk in m.Quarantaine.objects.values_list("pk", flat=True).iterator():
        with transaction.atomic():
            q = m.Quarantaine.objects.select_for_update().only("inhoud").get(pk=pk)
            try:
                nieuw = hersleutel(bytes(q.inhoud))
            except Onleesbaar:
                onleesbaar += 1
                continue
            m.Quarantaine.objects.filter(pk=pk).update(inhoud=nieuw)
            klaar += 1
    return klaar, onleesbaar
