# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The dialogue: topics, rounds, sessions with the partners and the agreements
register with each agreement's lifecycle."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from jeugdsturing.core.levenscyclus import status_begin, status_wijzig
from jeugdsturing.verwerving.models import (
    IS,
    Aanbesteding,
    AanbestedingStatus,
    Afspraak,
    Dialoogonderwerp,
    Dialoogronde,
    Dialoogsessie,
    Inschrijving,
)
from jeugdsturing.verwerving.selectors import vrije_code
from jeugdsturing.weergave.templatetags.datums import datum_lang


@transaction.atomic
def dialoogsessie_houd(
    *,
    ronde: Dialoogronde,
    datum: date,
    onderwerpen: Sequence[Dialoogonderwerp],
    deelnemers: Sequence[Inschrijving],
    verslag: str,
) -> Dialoogsessie:
    """Record a session of the dialogue: only partners (selected bids) take part, on
    topics of this tender, within the round's dates, with minutes."""
    a = ronde.aanbesteding
    if a.status != AanbestedingStatus.DIALOOG:
        raise ValidationError("Dialoogsessies horen bij de fase dialoog.")
    if not ronde.van <= datum <= ronde.tot:
        raise ValidationError(
            f"{datum_lang(datum)} valt buiten ronde {ronde.nummer} ({datum_lang(ronde.van)} t/m "
            f"{datum_lang(ronde.tot)})."
        )
    vreemd = [
        i.nummer for i in deelnemers if i.aanbesteding_id != a.pk or i.status != IS.GESELECTEERD
    ]
    if vreemd:
        raise ValidationError(
            f"Inschrijving {', '.join(map(str, vreemd))} is geen partner in de dialoog."
        )
    if not onderwerpen or any(o.aanbesteding_id != a.pk for o in onderwerpen):
        raise ValidationError("Kies een of meer onderwerpen van deze aanbesteding.")
    if not verslag.strip():
        raise ValidationError("Leg het verslag van de sessie vast.")
    sessie = Dialoogsessie.objects.create(ronde=ronde, datum=datum, verslag=verslag)
    sessie.onderwerpen.set(onderwerpen)
    sessie.deelnemers.set(deelnemers)
    return sessie


@transaction.atomic
def afspraak_leg_vast(
    *, onderwerp: Dialoogonderwerp, tekst: str, sessie: Dialoogsessie | None = None
) -> Afspraak:
    if not tekst.strip():
        raise ValidationError("De afspraak is leeg.")
    if sessie is not None and not sessie.onderwerpen.filter(pk=onderwerp.pk).exists():
        raise ValidationError(f"Onderwerp {onderwerp.code} is in deze sessie niet besproken.")
    afspraak = Afspraak.objects.create(onderwerp=onderwerp, tekst=tekst.strip(), sessie=sessie)
    status_begin(afspraak, reden="vastgelegd")
    return afspraak


@transaction.atomic
def afspraak_status_wijzig(
    *, afspraak: Afspraak, naar: str, reden: str, door: User | None = None
) -> Afspraak:
    return status_wijzig(afspraak, naar=naar, reden=reden, door=door, onderwerp="Afspraak")


@transaction.atomic
def dialoogonderwerp_maak(
    *, aanbesteding: Aanbesteding, code: str, naam: str, bron: str = ""
) -> Dialoogonderwerp:
    if aanbesteding.status in (AanbestedingStatus.GEGUND, AanbestedingStatus.INGETROKKEN):
        raise ValidationError("De aanbesteding is afgerond.")
    code = vrije_code(aanbesteding.dialoogonderwerpen, code, "Onderwerp")
    if not naam.strip():
        raise ValidationError(f"Onderwerp {code}: de naam ontbreekt.")
    return Dialoogonderwerp.objects.create(
        aanbesteding=aanbesteding, code=code, naam=naam.strip(), bron=bron
    )


@transaction.atomic
def dialoogronde_maak(
    *, aanbesteding: Aanbesteding, naam: str, van: date, tot: date
) -> Dialoogronde:
    """Plan a round (during the objection period or the dialogue); numbered in order."""
    a = aanbesteding
    if a.status not in (AanbestedingStatus.SELECTIE, AanbestedingStatus.DIALOOG):
        raise ValidationError("Dialoogrondes horen bij de selectie- en dialoogfase.")
    if tot < van:
        raise ValidationError(
            f"Ronde {naam}: tot {datum_lang(tot)} ligt vóór van {datum_lang(van)}."
        )
    if not naam.strip():
        raise ValidationError("De ronde heeft een naam nodig.")
    nummer = (a.dialoogrondes.aggregate(m=Max("nummer"))["m"] or 0) + 1
    return Dialoogronde.objects.create(aanbesteding=a, nummer=nummer, naam=naam, van=van, tot=tot)
