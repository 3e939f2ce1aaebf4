# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Scoring: the declaration of interests, blind individual scores, their submission,
and the committee's consensus (changed after the oral explanation only with a reason)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from jeugdsturing.verwerving.models import (
    IS,
    AanbestedingStatus,
    Beoordelaar,
    Consensus,
    Criterium,
    Inschrijving,
    Score,
)
from jeugdsturing.verwerving.moment import nu as _nu
from jeugdsturing.verwerving.selectors import alle_ingediend
from jeugdsturing.weergave.templatetags.bedragen import komma


@transaction.atomic
def beoordelaar_verklaar(
    *, beoordelaar: Beoordelaar, belangen: str = "", op: datetime | None = None
) -> Beoordelaar:
    """The declaration of (no) conflict of interest; without it no score. `belangen`:
    the interests the assessor reports (empty: none); the team weighs them."""
    beoordelaar.verklaring_op = _nu(op)
    beoordelaar.belangen = belangen.strip()
    beoordelaar._change_reason = (  # type: ignore[attr-defined]
        "verklaring belangenconflict getekend"
        + (" met gemelde belangen" if belangen.strip() else "")
    )
    beoordelaar.save()
    return beoordelaar


@transaction.atomic
def beoordelaar_trek_verklaring_in(*, beoordelaar: Beoordelaar, reden: str) -> Beoordelaar:
    """Withdraw the declaration (an interest that came up later): no more scoring until
    it is signed again. Not once the assessor has submitted scores: those stand, and the
    chair decides (the refusal says so)."""
    if beoordelaar.verklaring_op is None:
        raise ValidationError("U hebt de verklaring nog niet getekend.")
    if not reden.strip():
        raise ValidationError("Geef aan waarom u de verklaring intrekt.")
    if Score.objects.filter(beoordelaar=beoordelaar, ingediend_op__isnull=False).exists():
        raise ValidationError(
            "U hebt al scores ingediend; die blijven staan. Meld het nieuwe belang bij de "
            "voorzitter van de beoordelingscommissie, die beslist over uw scores."
        )
    beoordelaar.verklaring_op = None
    beoordelaar._change_reason = f"verklaring ingetrokken: {reden.strip()}"  # type: ignore[attr-defined]
    beoordelaar.save()
    return beoordelaar


@transaction.atomic
def score_geef(
    *,
    beoordelaar: Beoordelaar,
    inschrijving: Inschrijving,
    criterium: Criterium,
    waarde: Decimal,
    motivering: str,
) -> Score:
    a = inschrijving.aanbesteding
    if beoordelaar.aanbesteding_id != a.pk or criterium.aanbesteding_id != a.pk:
        raise ValidationError(
            "Beoordelaar, inschrijving en criterium horen niet bij één aanbesteding."
        )
    if beoordelaar.verklaring_op is None:
        raise ValidationError("Teken eerst de verklaring over belangenconflicten.")
    if not beoordelaar.inschrijvingen.filter(pk=inschrijving.pk).exists():
        raise PermissionDenied(f"Inschrijving {inschrijving.nummer} is niet aan u toegewezen.")
    if inschrijving.status != IS.INGEDIEND:
        raise ValidationError(
            f"Inschrijving {inschrijving.nummer} is {inschrijving.get_status_display()}."
        )
    if a.status != AanbestedingStatus.BEOORDELING:
        raise ValidationError("Scoren kan alleen in de fase toetsing en beoordeling.")
    if not a.schaal_min <= waarde <= a.schaal_max:
        raise ValidationError(
            f"Score {komma(waarde)} ligt buiten de schaal "
            f"{komma(a.schaal_min)}-{komma(a.schaal_max)}."
        )
    if not motivering.strip():
        raise ValidationError(f"Motiveer de score op {criterium.code}.")
    bestaand = Score.objects.filter(
        beoordelaar=beoordelaar, inschrijving=inschrijving, criterium=criterium
    ).first()
    if bestaand is not None and bestaand.ingediend_op is not None:
        raise ValidationError("Deze score is al ingediend en ligt vast.")
    score, _ = Score.objects.update_or_create(
        beoordelaar=beoordelaar, inschrijving=inschrijving, criterium=criterium,
        defaults={"waarde": waarde, "motivering": motivering},
    )  # fmt: skip
    return score


@transaction.atomic
def scores_dien_in(
    *, beoordelaar: Beoordelaar, inschrijving: Inschrijving, op: datetime | None = None
) -> None:
    criteria = set(inschrijving.aanbesteding.criteria.values_list("pk", flat=True))
    eigen = Score.objects.filter(beoordelaar=beoordelaar, inschrijving=inschrijving)
    ontbreekt = criteria - set(eigen.values_list("criterium_id", flat=True))
    if ontbreekt:
        codes = Criterium.objects.filter(pk__in=ontbreekt).values_list("code", flat=True)
        raise ValidationError(f"Nog geen score op {', '.join(sorted(codes))}.")
    moment = _nu(op)
    for score in eigen.filter(ingediend_op__isnull=True):  # one by one: each in the history
        score.ingediend_op = moment
        score._change_reason = "ingediend"  # type: ignore[attr-defined]
        score.save()


@transaction.atomic
def consensus_stel_vast(
    *,
    inschrijving: Inschrijving,
    criterium: Criterium,
    waarde: Decimal,
    motivering: str,
    door: User | None = None,
) -> Consensus:
    if not alle_ingediend(inschrijving):
        raise ValidationError(
            f"Inschrijving {inschrijving.nummer}: nog niet alle beoordelaars hebben ingediend."
        )
    a = inschrijving.aanbesteding
    if not a.schaal_min <= waarde <= a.schaal_max:
        raise ValidationError(
            f"Score {komma(waarde)} ligt buiten de schaal "
            f"{komma(a.schaal_min)}-{komma(a.schaal_max)}."
        )
    if not motivering.strip():
        raise ValidationError("Motiveer de consensusscore.")
    c, _ = Consensus.objects.update_or_create(
        inschrijving=inschrijving, criterium=criterium,
        defaults={"schriftelijk": waarde, "waarde": waarde, "motivering": motivering,
                  "aanpassingsreden": "", "vastgesteld_door": door},
    )  # fmt: skip
    return c


@transaction.atomic
def consensus_pas_aan(
    *, consensus: Consensus, waarde: Decimal, reden: str, door: User | None = None
) -> Consensus:
    """After the oral explanation: a new final score, only with a recorded reason; the
    written score stays."""
    if not reden.strip():
        raise ValidationError("Een aanpassing na het toelichtingsgesprek vraagt om een reden.")
    a = consensus.inschrijving.aanbesteding
    if not a.schaal_min <= waarde <= a.schaal_max:
        raise ValidationError(
            f"Score {komma(waarde)} ligt buiten de schaal "
            f"{komma(a.schaal_min)}-{komma(a.schaal_max)}."
        )
    consensus.waarde = waarde
    consensus.aanpassingsreden = reden
    consensus.vastgesteld_door = door
    consensus._change_reason = reden  # type: ignore[attr-defined]
    consensus.save()
    return consensus
