# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The writes of the council reports: make a concept, recompute it, adopt, publish or
send it back, each step through the one lifecycle (core.levenscyclus) and audited."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from jeugdsturing.core.levenscyclus import status_begin, status_wijzig
from jeugdsturing.raad.inhoud import periode_naam, samenstellen
from jeugdsturing.raad.models import Raadsrapportage, RapportStatus
from jeugdsturing.regio.models import Gemeente, Regio


@transaction.atomic
def rapportage_maak(
    *, regio: Regio, gemeente: Gemeente | None, jaar: int, helft: int, door: User | None = None
) -> Raadsrapportage:
    if helft not in (1, 2):
        raise ValidationError(f"Halfjaar: {helft} is geen halfjaar (1 of 2).")
    if not 2000 <= jaar <= 2100:
        raise ValidationError(f"Jaar: {jaar} is geen jaar van een rapportage.")
    if gemeente is not None and not regio.gemeenten.filter(pk=gemeente.pk).exists():
        raise ValidationError(f"{gemeente.naam} hoort niet bij {regio.naam}.")
    if Raadsrapportage.objects.filter(
        regio=regio, gemeente=gemeente, jaar=jaar, helft=helft
    ).exists():
        wie = gemeente.naam if gemeente else regio.naam
        raise ValidationError(
            f"Er is al een raadsrapportage voor {wie} over het {periode_naam(jaar, helft)}."
        )
    wie = gemeente.naam if gemeente else regio.naam
    r = Raadsrapportage(
        regio=regio, gemeente=gemeente, jaar=jaar, helft=helft, gemaakt_door=door,
        titel=f"Raadsrapportage jeugdhulp {wie}, {periode_naam(jaar, helft)}",
        inhoud=samenstellen(regio, gemeente, jaar, helft),
    )  # fmt: skip
    r._change_reason = "concept gemaakt"  # type: ignore[attr-defined]
    r.save()
    status_begin(r, reden="concept gemaakt uit de actuele cijfers", door=door)
    return r


@transaction.atomic
def rapportage_bewerk(
    r: Raadsrapportage, *, toelichting: str, herbereken: bool, door: User | None = None
) -> Raadsrapportage:
    """The college's explanatory text, and (on request) the figures recomputed from the
    data; only while the report is a concept."""
    if r.status != RapportStatus.CONCEPT:
        raise ValidationError(
            "Alleen een concept kan worden bewerkt; zet een vastgestelde rapportage eerst "
            "terug naar concept."
        )
    r.toelichting = toelichting.strip()
    if herbereken:
        r.inhoud = samenstellen(r.regio, r.gemeente, r.jaar, r.helft)
    r._change_reason = "concept bewerkt" + (" en cijfers herberekend" if herbereken else "")  # type: ignore[attr-defined]
    r.save()
    return r


@transaction.atomic
def rapportage_status(
    r: Raadsrapportage, *, naar: str, reden: str, door: User | None = None
) -> Raadsrapportage:
    """Adopt (the figures are computed once more and frozen), publish (the council and
    the public see it from then on) or send back to concept."""
    velden: dict[str, object] = {}
    if naar == RapportStatus.VASTGESTELD:
        velden["inhoud"] = samenstellen(r.regio, r.gemeente, r.jaar, r.helft)
    if naar == RapportStatus.GEPUBLICEERD:
        velden["gepubliceerd_op"] = timezone.now()
    return status_wijzig(r, naar=naar, reden=reden, door=door, velden=velden)
