# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Questions of bidders and the Nota van Inlichtingen that publishes the answers."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.verwerving.models import (
    Aanbesteding,
    AanbestedingStatus,
    Vraag,
)
from jeugdsturing.verwerving.moment import nu as _nu
from jeugdsturing.weergave.templatetags.datums import tijd


@transaction.atomic
def vraag_stel(
    *, aanbesteding: Aanbesteding, aanbieder: Aanbieder, tekst: str, op: datetime | None = None
) -> Vraag:
    moment = _nu(op)
    if aanbesteding.status != AanbestedingStatus.AANGEKONDIGD:
        raise ValidationError("Vragen kunnen alleen zolang de aanbesteding aangekondigd is.")
    if moment > aanbesteding.vragen_tot:
        raise ValidationError(
            f"De termijn voor vragen is verstreken op {tijd(aanbesteding.vragen_tot)}."
        )
    if not tekst.strip():
        raise ValidationError("De vraag is leeg.")
    return Vraag.objects.create(
        aanbesteding=aanbesteding, gesteld_door=aanbieder, tekst=tekst.strip(), gesteld_op=moment
    )


@transaction.atomic
def vraag_beantwoord(
    *, vraag: Vraag, antwoord: str, publicatietekst: str | None = None, op: datetime | None = None
) -> Vraag:
    """Answer a question before publication; `publicatietekst` is the question as it will
    be published when the asker's wording would identify them (the original is kept)."""
    if vraag.nota_nummer is not None:
        raise ValidationError(
            f"Vraag {vraag.volgnummer} is al gepubliceerd in nota {vraag.nota_nummer}."
        )
    if not antwoord.strip():
        raise ValidationError("Het antwoord is leeg.")
    vraag.antwoord = antwoord.strip()
    if publicatietekst is not None:
        vraag.publicatietekst = (
            "" if publicatietekst.strip() == vraag.tekst.strip() else publicatietekst.strip()
        )
    vraag.beantwoord_op = _nu(op)
    vraag.save()
    return vraag


@transaction.atomic
def nota_publiceer(*, aanbesteding: Aanbesteding) -> int:
    """Publish every answered, unpublished question as the next numbered Nota van
    Inlichtingen; the questions are numbered on (no name of the asker is published)."""
    nieuw = list(
        Vraag.objects.select_for_update()
        .filter(aanbesteding=aanbesteding, nota_nummer__isnull=True, beantwoord_op__isnull=False)
        .order_by("gesteld_op", "pk")
    )
    if not nieuw:
        raise ValidationError("Er zijn geen beantwoorde vragen die nog niet gepubliceerd zijn.")
    laatste = Vraag.objects.filter(aanbesteding=aanbesteding).aggregate(
        n=Max("nota_nummer"), v=Max("volgnummer")
    )
    nummer = (laatste["n"] or 0) + 1
    volg = laatste["v"] or 0
    for v in nieuw:
        volg += 1
        v.nota_nummer, v.volgnummer = nummer, volg
        v.save()
    return nummer
