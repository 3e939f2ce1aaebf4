# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Background jobs of the message import, through Django's tasks API (the django-tasks
backport, database backend; `jeugdsturing db_worker` works them off)."""

from __future__ import annotations

import shutil
from pathlib import Path

from django_tasks import task

from jeugdsturing.berichten import models as m
from jeugdsturing.berichten.importeren import berichten_importeer
from jeugdsturing.berichten.services import import_afbreken, quarantaine_los_op


@task()
def importeer_upload(run_id: int, map_: str, quarantaine_id: int | None = None) -> int:
    """Carry out an import that waits in the queue (services.import_in_wachtrij), then
    remove the uploaded files: what was rejected is in the quarantine, encrypted. An
    import that runs already is waited for (berichten.slot). A corrected file for a
    quarantined one that is accepted whole resolves that quarantine entry. Returns the
    run's id."""
    run = m.ImportRun.objects.select_related("gebruiker").get(pk=run_id)
    if not Path(map_).is_dir():
        import_afbreken(run=run, reden="afgebroken: de geüploade bestanden zijn er niet meer")
        return run_id
    try:
        result = berichten_importeer(
            [Path(map_)], bron=run.bron, gebruiker=run.gebruiker,
            omschrijving=run.omschrijving, run=run,
        )  # fmt: skip
    finally:
        shutil.rmtree(map_, ignore_errors=True)
    if quarantaine_id is not None and result.accepted and not result.rejected:
        q = m.Quarantaine.objects.filter(pk=quarantaine_id, opgelost_door__isnull=True).first()
        if q is not None:
            quarantaine_los_op(quarantaine=q, run_id=run_id, door=run.gebruiker)
    return run_id
