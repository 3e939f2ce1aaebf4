# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The dialogue record: a meeting held on a sent pack with its minutes per steering
element, and the agreements made there, each with an owner, a deadline and a status
that changes through the one lifecycle mechanism."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from jeugdsturing.core.levenscyclus import status_begin, status_wijzig
from jeugdsturing.sturing.models import (
    ELEMENTEN,
    AfspraakStatus,
    Overleg,
    OverlegStatus,
    Pakketversie,
    Stuurafspraak,
)

VERSLAGDELEN = ("algemeen", *ELEMENTEN)


def _verslag(verslag: Mapping[str, str]) -> dict[str, str]:
    onbekend = sorted(set(verslag) - set(VERSLAGDELEN))
    if onbekend:
        raise ValidationError(f"Onbekend deel van het verslag: {', '.join(onbekend)}.")
    return {k: v.strip() for k, v in verslag.items() if v and v.strip()}


@transaction.atomic
def overleg_leg_vast(
    *,
    versie: Pakketversie,
    datum: date,
    aanwezigen: str,
    verslag: Mapping[str, str],
    door: AbstractBaseUser | None = None,
) -> Overleg:
    """Record a dialogue held on a sent version of a pack."""
    if versie.verzonden_op is None:
        raise ValidationError(
            f"Versie {versie.nummer} is niet verzonden: bespreek een versie die de "
            "deelnemers hebben gezien."
        )
    if not aanwezigen.strip():
        raise ValidationError("Noem wie er aanwezig waren.")
    if datum < versie.verzonden_op.date():
        raise ValidationError(
            f"Het overleg ({datum:%d-%m-%Y}) ligt voor de verzending van het pakket "
            f"({versie.verzonden_op:%d-%m-%Y})."
        )
    o = Overleg.objects.create(
        pakket=versie.pakket,
        versie=versie,
        datum=datum,
        aanwezigen=aanwezigen.strip(),
        verslag=_verslag(verslag),
        status=OverlegStatus.GEHOUDEN,
    )
    status_begin(o, reden=f"overleg van {datum:%d-%m-%Y} vastgelegd", door=door)
    return o


@transaction.atomic
def overleg_werk_bij(
    *,
    overleg: Overleg,
    aanwezigen: str,
    verslag: Mapping[str, str],
    door: AbstractBaseUser | None = None,
) -> Overleg:
    """Change the minutes while they are a concept."""
    if overleg.status != OverlegStatus.GEHOUDEN:
        raise ValidationError("Het verslag is vastgesteld en verandert niet meer.")
    if not aanwezigen.strip():
        raise ValidationError("Noem wie er aanwezig waren.")
    overleg.aanwezigen = aanwezigen.strip()
    overleg.verslag = _verslag(verslag)
    overleg._change_reason = "verslag bijgewerkt"  # type: ignore[attr-defined]
    overleg.save()
    return overleg


@transaction.atomic
def overleg_stel_vast(*, overleg: Overleg, door: AbstractBaseUser | None = None) -> Overleg:
    return status_wijzig(
        overleg,
        naar=OverlegStatus.VASTGESTELD,
        door=door,
        reden=f"verslag vastgesteld met {overleg.afspraken.count()} afspraken",
    )


@transaction.atomic
def afspraak_maak(
    *,
    overleg: Overleg,
    element: str,
    omschrijving: str,
    eigenaar: str,
    deadline: date,
    door: AbstractBaseUser | None = None,
    op: datetime | None = None,
) -> Stuurafspraak:
    """An agreement of a dialogue under one steering element: it runs until it is done
    or dropped, and comes back in every next pack on the same subject."""
    if overleg.status == OverlegStatus.VASTGESTELD:
        raise ValidationError(
            "Het verslag is vastgesteld: leg nieuwe afspraken in een volgend overleg vast."
        )
    if element not in ELEMENTEN:
        raise ValidationError(f"Onbekend stuurelement '{element}' (kies 1 tot en met 5).")
    if not omschrijving.strip() or not eigenaar.strip():
        raise ValidationError("Een afspraak heeft een omschrijving en een eigenaar.")
    if deadline < overleg.datum:
        raise ValidationError(
            f"De termijn ({deadline:%d-%m-%Y}) ligt voor het overleg ({overleg.datum:%d-%m-%Y})."
        )
    a = Stuurafspraak.objects.create(
        overleg=overleg,
        regio=overleg.pakket.regio,
        sleutel=overleg.pakket.sleutel,
        element=element,
        omschrijving=omschrijving.strip(),
        eigenaar=eigenaar.strip(),
        deadline=deadline,
    )
    status_begin(
        a, reden=f"afgesproken in het overleg van {overleg.datum:%d-%m-%Y}", door=door, op=op
    )
    return a


@transaction.atomic
def afspraak_wijzig(
    *,
    afspraak: Stuurafspraak,
    naar: str,
    reden: str,
    door: AbstractBaseUser | None = None,
    op: datetime | None = None,
) -> Stuurafspraak:
    """A new stand of an agreement, with what was done (`op`: when, default now)."""
    if naar not in AfspraakStatus.values:
        raise ValidationError(f"Onbekende stand '{naar}'.")
    if not reden.strip():
        raise ValidationError("Geef aan waarom de stand verandert (bijvoorbeeld wat er is gedaan).")
    return status_wijzig(afspraak, naar=naar, reden=reden.strip(), door=door, op=op)
