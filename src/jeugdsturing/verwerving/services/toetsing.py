# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The knock-out checks of the bids and their assignment to assessors."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from jeugdsturing.core.levenscyclus import status_wijzig
from jeugdsturing.verwerving.models import (
    IS,
    AanbestedingStatus,
    Beoordelaar,
    Eis,
    Eistoets,
    Inschrijving,
    Toetsuitkomst,
)
from jeugdsturing.verwerving.selectors import inschrijving_open


@transaction.atomic
def eis_toets(
    *,
    inschrijving: Inschrijving,
    eis: Eis,
    uitkomst: str,
    motivering: str,
    door: User | None = None,
) -> Eistoets:
    if uitkomst not in Toetsuitkomst.values:
        raise ValidationError(f"Onbekende uitkomst '{uitkomst}'.")
    if not motivering.strip():
        raise ValidationError(f"Motiveer de toets van {eis.code}.")
    if eis.aanbesteding_id != inschrijving.aanbesteding_id:
        raise ValidationError(f"Eis {eis.code} hoort niet bij deze aanbesteding.")
    toets, _ = Eistoets.objects.update_or_create(
        inschrijving=inschrijving,
        eis=eis,
        defaults={"uitkomst": uitkomst, "motivering": motivering, "door": door},
    )
    if uitkomst == Toetsuitkomst.NIET_VOLDAAN:
        tekst = f"eis {eis.code} ({eis.omschrijving}) niet voldaan: {motivering}"
        if inschrijving.status == IS.UITGESLOTEN:
            inschrijving.reden = tekst  # excluded already: the latest reason
            inschrijving.save()
        else:
            status_wijzig(
                inschrijving, naar=IS.UITGESLOTEN, reden=tekst, door=door, velden={"reden": tekst}
            )
    elif (
        inschrijving.status == IS.UITGESLOTEN
        and not inschrijving.toetsen.filter(uitkomst=Toetsuitkomst.NIET_VOLDAAN).exists()
    ):
        # A repaired requirement (herstel) brings the bid back.
        status_wijzig(
            inschrijving, naar=IS.INGEDIEND, door=door, velden={"reden": ""},
            reden=f"eis {eis.code} hersteld: {motivering}",
        )  # fmt: skip
    return toets


@transaction.atomic
def beoordelaar_wijs_toe(*, beoordelaar: Beoordelaar, inschrijving: Inschrijving) -> None:
    """Assign a bid to a committee member: a bid of the same tender, opened (after the
    bid deadline), before the ranking is fixed."""
    a = inschrijving.aanbesteding
    if beoordelaar.aanbesteding_id != a.pk:
        raise ValidationError("Beoordelaar en inschrijving horen niet bij één aanbesteding.")
    if a.status not in (AanbestedingStatus.AANGEKONDIGD, AanbestedingStatus.BEOORDELING):
        raise ValidationError("Na de selectie worden inschrijvingen niet meer toegewezen.")
    inschrijving_open(inschrijving=inschrijving)  # sealed until the bid deadline
    beoordelaar.inschrijvingen.add(inschrijving)
