# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The writes of the scenarios: public figures stored (idempotent), cost projections
saved and deleted (with history)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from simple_history.utils import bulk_create_with_history

from jeugdsturing.regio.models import Gemeente, Regio
from jeugdsturing.scenario.bronnen import Cijfer
from jeugdsturing.scenario.models import Kengetal, Kostenscenario
from jeugdsturing.scenario.projectie import (
    Jaaraanname,
    ProjectieFout,
    aannames_als_data,
    controleer,
)


@transaction.atomic
def bronnen_laad(cijfers: Iterable[Cijfer], *, bron: str) -> Counter[str]:
    """Store the public figures; a figure is written only when it is new or differs, so
    loading twice writes nothing. Returns counts 'nieuw', 'gewijzigd', 'ongewijzigd'."""
    reden = f"openbare cijfers geladen uit {bron}"
    gemeenten = {g.code: g for g in Gemeente.objects.all()}
    bestaand = {
        (k.gemeente.code, k.soort, k.jaar, k.groep): k
        for k in Kengetal.objects.select_related("gemeente")
    }
    tellers: Counter[str] = Counter()
    nieuw = []
    for c in cijfers:
        oud = bestaand.get((c.gemeente, c.soort, c.jaar, c.groep))
        if oud is None:
            nieuw.append(
                Kengetal(
                    gemeente=gemeenten[c.gemeente],
                    soort=c.soort,
                    jaar=c.jaar,
                    groep=c.groep,
                    waarde=c.waarde,
                )
            )
            tellers["nieuw"] += 1
        elif oud.waarde != c.waarde:
            oud.waarde = c.waarde
            oud._change_reason = reden  # type: ignore[attr-defined]
            oud.save()
            tellers["gewijzigd"] += 1
        else:
            tellers["ongewijzigd"] += 1
    if nieuw:
        bulk_create_with_history(nieuw, Kengetal, default_change_reason=reden)
    return tellers


MAX_NAAM = Kostenscenario._meta.get_field("naam").max_length or 0


def kostenscenario_bewaar(
    *,
    regio: Regio,
    naam: str,
    basisjaar: int,
    jaren: Mapping[int, Jaaraanname],
    gemeente: Gemeente | None = None,
    toelichting: str = "",
    scenario: Kostenscenario | None = None,
    door: User | None = None,
) -> Kostenscenario:
    """Save a cost projection's assumptions (new, or over `scenario`). ValidationError
    in Dutch for an empty or taken name, or assumptions the model refuses."""
    naam = naam.strip()
    if not naam:
        raise ValidationError("Geef het scenario een naam.")
    if len(naam) > MAX_NAAM:
        raise ValidationError(f"De naam van een scenario is hoogstens {MAX_NAAM} tekens.")
    dubbel = Kostenscenario.objects.filter(regio=regio, naam=naam)
    if scenario is not None:
        dubbel = dubbel.exclude(pk=scenario.pk)
    if dubbel.exists():
        raise ValidationError(f"Er is al een scenario met de naam '{naam}'.")
    try:
        controleer(jaren)
    except ProjectieFout as e:
        raise ValidationError(str(e)) from None
    te_vroeg = [j for j in jaren if j <= basisjaar]
    if te_vroeg:
        raise ValidationError(f"{min(te_vroeg)} ligt niet na het basisjaar {basisjaar}.")
    with transaction.atomic():
        s = scenario or Kostenscenario(regio=regio)
        s.naam = naam
        s.gemeente = gemeente
        s.toelichting = toelichting.strip()
        s.basisjaar = basisjaar
        s.aannames = aannames_als_data(jaren)
        s.gewijzigd_door = door
        s._change_reason = "kostenscenario bewaard"  # type: ignore[attr-defined]
        s.save()
    return s


def kostenscenario_verwijder(scenario: Kostenscenario, *, door: User | None = None) -> None:
    scenario._change_reason = f"kostenscenario verwijderd door {door or 'systeem'}"  # type: ignore[attr-defined]
    scenario.delete()
