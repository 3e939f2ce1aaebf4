# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The tender's phases: each change through the lifecycle (core/levenscyclus.py) and
the rules of the procedure that hold it (announcement, bid deadline, objections)."""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from jeugdsturing.core.levenscyclus import controleer, status_wijzig
from jeugdsturing.verwerving.models import (
    Aanbesteding,
    AanbestedingStatus,
    Bezwaar,
)
from jeugdsturing.verwerving.moment import nu as _nu
from jeugdsturing.verwerving.selectors import einde_bezwaartermijn
from jeugdsturing.weergave.templatetags.bedragen import komma
from jeugdsturing.weergave.templatetags.datums import datum_lang, tijd


@transaction.atomic
def aanbesteding_status_wijzig(
    *,
    aanbesteding: Aanbesteding,
    naar: str,
    reden: str,
    door: User | None = None,
    op: datetime | None = None,
) -> Aanbesteding:
    a = Aanbesteding.objects.select_for_update().get(pk=aanbesteding.pk)
    onderwerp = f"Aanbesteding {a.referentie}"
    controleer(a, naar=naar, reden=reden, onderwerp=onderwerp)
    moment = _nu(op)
    if naar == AanbestedingStatus.AANGEKONDIGD:
        _controleer_aankondiging(a)
    if naar == AanbestedingStatus.BEOORDELING and moment <= a.inschrijven_tot:
        raise ValidationError(
            f"De inschrijftermijn loopt tot {tijd(a.inschrijven_tot)}; "
            "pas daarna kan de beoordeling beginnen."
        )
    if naar == AanbestedingStatus.DIALOOG:
        einde = einde_bezwaartermijn(a)
        if einde is None or moment.date() <= einde:
            raise ValidationError(
                f"De bezwaartermijn van de selectie loopt tot en met {datum_lang(einde)}."
                if einde
                else "De selectie is nog niet bekendgemaakt."
            )
        open_ = Bezwaar.objects.filter(
            inschrijving__aanbesteding=a, tegen="selectie", afgehandeld_op__isnull=True
        )
        if open_.exists():
            raise ValidationError(
                f"Er staan {open_.count()} bezwaren tegen de selectie open: eerst afhandelen."
            )
    return status_wijzig(a, naar=naar, reden=reden, door=door, onderwerp=onderwerp)


def _controleer_aankondiging(a: Aanbesteding) -> None:
    """What must be in place before a tender is announced: what bidders compete on is
    fixed from then on (equal treatment)."""
    fouten = []
    if not a.percelen.exists():
        fouten.append("geen percelen of thema's")
    criteria = list(a.criteria.all())
    if not criteria:
        fouten.append("geen gunningscriteria")
    for c in criteria:
        if c.minimum is not None and not a.schaal_min <= c.minimum <= a.schaal_max:
            fouten.append(f"minimum van {c.code} ({komma(c.minimum)}) ligt buiten de schaal")
    if a.minimum_totaal is not None and not a.schaal_min <= a.minimum_totaal <= a.schaal_max:
        fouten.append(f"minimale totaalscore {komma(a.minimum_totaal)} ligt buiten de schaal")
    if a.vragen_tot >= a.inschrijven_tot:
        fouten.append("de vragentermijn eindigt niet vóór de inschrijftermijn")
    if fouten:
        raise ValidationError(
            f"Aanbesteding {a.referentie} kan nog niet worden aangekondigd: {'; '.join(fouten)}."
        )
