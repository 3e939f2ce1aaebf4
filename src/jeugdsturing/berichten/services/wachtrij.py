# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""An import from the web is a background job: the files are put aside, a run waits in
the queue, and the worker (`jeugdsturing db_worker`) carries it out (berichten.taken).
The page of the run shows how far it is."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import User

from jeugdsturing.berichten import models as m
from jeugdsturing.core.levenscyclus import status_begin, status_wijzig


def import_in_wachtrij(
    *,
    bestanden: Iterable[tuple[str, Iterable[bytes]]],
    gebruiker: User | None,
    omschrijving: str,
    quarantaine: m.Quarantaine | None = None,
) -> m.ImportRun:
    """Queue an import of these files (name, chunks): a run in the queue, the files in
    their own directory (mode 0700) until the import ends. With ``quarantaine``: a
    corrected file for that rejected one, which leaves the quarantine when the import
    accepts everything in it."""
    run = m.ImportRun.objects.create(
        bron="web", gebruiker=gebruiker, omschrijving=omschrijving[:300],
        status=m.ImportStatus.IN_WACHTRIJ,
    )  # fmt: skip
    status_begin(run, reden="in de wachtrij gezet", door=gebruiker)
    map_ = Path(settings.UPLOAD_DIR) / f"import-{run.pk}"
    map_.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    shutil.rmtree(map_, ignore_errors=True)  # left by a database that was reset
    map_.mkdir(mode=0o700)
    for i, (naam, delen) in enumerate(bestanden):
        # The name as the user gave it, without any directory part: the import reports
        # it, and it never reaches outside this directory.
        with (map_ / f"{i:03d}_{Path(naam).name}").open("wb") as out:
            for deel in delen:
                out.write(deel)
    from jeugdsturing.berichten.taken import importeer_upload  # the job imports services

    importeer_upload.enqueue(run.pk, str(map_), quarantaine.pk if quarantaine else None)
    run.refresh_from_db()
    return run


def import_afbreken(*, run: m.ImportRun, reden: str) -> None:
    """A queued run whose job can no longer run (its files are gone)."""
    status_wijzig(run, naar=m.ImportStatus.AFGEBROKEN, reden=reden, door=run.gebruiker)
