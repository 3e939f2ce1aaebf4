# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The packs of a steering moment: made (each time a new frozen version with the
differences to the previous one), sent to the provider (or shared), and interpreted by
the provider per element."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from jeugdsturing.core.levenscyclus import status_begin, status_wijzig
from jeugdsturing.regio.models import Gebied, Regio, Thema
from jeugdsturing.sturing.models import (
    ELEMENTEN,
    Duiding,
    Pakket,
    Pakketsoort,
    Pakketversie,
    VersieStatus,
)
from jeugdsturing.sturing.pakket.bronnen import Bronnen, Onderwerp
from jeugdsturing.sturing.pakket.inhoud import verschillen
from jeugdsturing.sturing.pakket.samenstellen import afspraken_voor, pakket_inhoud
from jeugdsturing.sturing.services.uitvraag import _gebruiker

Voortgang = Callable[[int, int, str], None]


@transaction.atomic
def pakket_maak(
    *,
    regio: Regio,
    moment: date,
    onderwerp: Onderwerp,
    door: AbstractBaseUser | None = None,
    bronnen: Bronnen | None = None,
) -> Pakketversie:
    """A new version of the subject's pack for the moment, from the data as they are
    now: the team's copy and the shared copy, with what changed since the last version.
    A concept that is replaced becomes 'vervangen'; a sent version stays as it was
    until the new one is sent."""
    b = bronnen or Bronnen(regio, moment)
    pakket, _ = Pakket.objects.get_or_create(
        regio=regio,
        moment=b.moment,
        sleutel=onderwerp.sleutel,
        defaults={
            "soort": onderwerp.soort,
            "aanbieder": onderwerp.aanbieder,
            "thema": onderwerp.thema,
            "gebied": onderwerp.gebied,
            "titel": onderwerp.titel(b.moment),
        },
    )
    afspraken = afspraken_voor(b, pakket.sleutel)
    team = pakket_inhoud(b, onderwerp, b.team(), afspraken)
    gedeeld = pakket_inhoud(b, onderwerp, b.gedeeld(onderwerp), afspraken)
    vorige = pakket.versies.order_by("-nummer").first()
    versie = Pakketversie.objects.create(
        pakket=pakket,
        nummer=vorige.nummer + 1 if vorige else 1,
        gemaakt_op=timezone.now(),
        gemaakt_door=_gebruiker(door),
        inhoud=team,
        inhoud_gedeeld=gedeeld,
        verschillen=verschillen(vorige.inhoud if vorige else None, team),
        verschillen_gedeeld=verschillen(vorige.inhoud_gedeeld if vorige else None, gedeeld),
    )
    status_begin(
        versie, reden=f"gemaakt met de gegevens van {timezone.localdate():%d-%m-%Y}", door=door
    )
    if vorige is not None and vorige.status == VersieStatus.CONCEPT:
        status_wijzig(
            vorige,
            naar=VersieStatus.VERVANGEN,
            door=door,
            reden=f"vervangen door versie {versie.nummer}",
        )
    return versie


@transaction.atomic
def pakket_verzend(
    *, versie: Pakketversie, door: AbstractBaseUser | None = None, op: datetime | None = None
) -> Pakketversie:
    """Send a version: the provider (or, for a PD2, the partners) see it from now on;
    an earlier sent version is replaced by it. `op`: when (default now)."""
    op = op or timezone.now()
    laatste = versie.pakket.versies.order_by("-nummer").first()
    if laatste is not None and laatste.pk != versie.pk:
        raise ValidationError(
            f"Versie {versie.nummer} is niet de nieuwste (dat is versie {laatste.nummer})."
        )
    for eerder in versie.pakket.versies.filter(status=VersieStatus.VERZONDEN):
        status_wijzig(
            eerder,
            naar=VersieStatus.VERVANGEN,
            door=door,
            reden=f"vervangen door verzonden versie {versie.nummer}",
            op=op,
        )
    return status_wijzig(
        versie,
        naar=VersieStatus.VERZONDEN,
        door=door,
        velden={"verzonden_op": op},
        op=op,
        reden=f"verzonden: {versie.pakket.titel}",
    )


def verzonden_versie(pakket: Pakket) -> Pakketversie | None:
    return pakket.versies.filter(status=VersieStatus.VERZONDEN).order_by("-nummer").first()


@transaction.atomic
def duiding_zet(
    *, pakket: Pakket, element: str, tekst: str, door: AbstractBaseUser | None = None
) -> Duiding | None:
    """The provider's interpretation of one element of its sent pack (empty: removed)."""
    if element not in ELEMENTEN:
        raise ValidationError(f"Onbekend stuurelement '{element}' (kies 1 tot en met 5).")
    versie = verzonden_versie(pakket)
    if versie is None:
        raise ValidationError("Het pakket is nog niet verzonden: er is nog niets te duiden.")
    tekst = tekst.strip()
    if len(tekst) > 5000:
        raise ValidationError(f"De duiding bij element {element} is langer dan 5000 tekens.")
    bestaand = Duiding.objects.filter(pakket=pakket, element=element).first()
    if not tekst:
        if bestaand is not None:
            bestaand.delete()
        return None
    if bestaand is None:
        return Duiding.objects.create(
            pakket=pakket, element=element, tekst=tekst, versie=versie, door=_gebruiker(door)
        )
    bestaand.tekst, bestaand.versie, bestaand.door = tekst, versie, _gebruiker(door)
    bestaand.save()
    return bestaand


def onderwerpen(b: Bronnen, soorten: tuple[str, ...] | None = None) -> list[Onderwerp]:
    """Every dialogue of a steering moment: a PD1 per contracted provider, a PD2 per
    theme, one over the whole assignment and one per gebied."""
    from jeugdsturing.contracten.models import Aanbieder

    soorten = soorten or tuple(Pakketsoort.values)
    uit: list[Onderwerp] = []
    if Pakketsoort.PD1 in soorten:
        agbs = b.partners.get("", set())
        uit += [
            Onderwerp(Pakketsoort.PD1, aanbieder=a)
            for a in Aanbieder.objects.filter(agb_code__in=agbs).order_by("naam")
        ]
    if Pakketsoort.PD2_THEMA in soorten:
        uit += [
            Onderwerp(Pakketsoort.PD2_THEMA, thema=t)
            for t in Thema.objects.filter(regio=b.regio).order_by("volgorde", "code")
        ]
    if Pakketsoort.PD2_OPDRACHT in soorten:
        uit.append(Onderwerp(Pakketsoort.PD2_OPDRACHT))
    if Pakketsoort.PD2_GEBIED in soorten:
        uit += [
            Onderwerp(Pakketsoort.PD2_GEBIED, gebied=g)
            for g in Gebied.objects.filter(regio=b.regio).order_by("volgorde", "naam")
        ]
    return uit


def pakketten_maak(
    *,
    regio: Regio,
    moment: date,
    soorten: tuple[str, ...] | None = None,
    door: AbstractBaseUser | None = None,
    voortgang: Voortgang | None = None,
) -> list[Pakketversie]:
    """New versions of every pack of a steering moment (each in its own transaction),
    reading the shared data once; `voortgang(klaar, totaal, titel)` after each."""
    b = Bronnen(regio, moment)
    lijst = onderwerpen(b, soorten)
    uit = []
    for i, o in enumerate(lijst, 1):
        uit.append(pakket_maak(regio=regio, moment=b.moment, onderwerp=o, door=door, bronnen=b))
        if voortgang is not None:
            voortgang(i, len(lijst), o.titel(b.moment))
    return uit
