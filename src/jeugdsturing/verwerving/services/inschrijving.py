# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Bids: submitted and changed until the bid deadline, with their attachments checked
on size and content; sealed for everyone else until the deadline (selectors)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.core.bestanden import bijlage
from jeugdsturing.core.levenscyclus import status_begin, status_wijzig
from jeugdsturing.verwerving.models import (
    IS,
    Aanbesteding,
    AanbestedingStatus,
    Bewijsstuk,
    Combinant,
    Deelname,
    Eis,
    Inschrijving,
    Perceel,
)
from jeugdsturing.verwerving.moment import nu as _nu
from jeugdsturing.weergave.templatetags.datums import tijd


def _controleer_inschrijving(
    *,
    aanbesteding: Aanbesteding,
    aanbieder: Aanbieder,
    percelen: Sequence[Perceel],
    capaciteit: list[dict[str, Any]],
    leden: Sequence[Aanbieder],
    moment: datetime,
) -> None:
    if aanbesteding.status != AanbestedingStatus.AANGEKONDIGD:
        raise ValidationError("Inschrijven kan alleen zolang de aanbesteding aangekondigd is.")
    if moment > aanbesteding.inschrijven_tot:
        raise ValidationError(
            f"De inschrijftermijn is verstreken op {tijd(aanbesteding.inschrijven_tot)}: "
            "de inschrijving is niet aangenomen."
        )
    if not percelen:
        raise ValidationError("Kies ten minste één perceel of thema.")
    vreemd = [p.code for p in percelen if p.aanbesteding_id != aanbesteding.pk]
    if vreemd:
        raise ValidationError(f"Percelen {', '.join(vreemd)} horen niet bij deze aanbesteding.")
    if aanbieder in leden:
        raise ValidationError("De penvoerder staat ook als combinant vermeld.")
    codes = {p.code for p in percelen}
    for n, regel in enumerate(capaciteit, start=1):
        if regel.get("perceel") and regel["perceel"] not in codes:
            raise ValidationError(
                f"Capaciteitsverklaring regel {n}: perceel {regel['perceel']} is niet gekozen."
            )
        for veld in ("expertise", "gebied"):
            if not str(regel.get(veld, "")).strip():
                raise ValidationError(f"Capaciteitsverklaring regel {n}: {veld} ontbreekt.")
        try:
            mn, mx = int(regel.get("min", 0)), int(regel.get("max", 0))
        except (TypeError, ValueError) as e:
            raise ValidationError(
                f"Capaciteitsverklaring regel {n}: minimum en maximum zijn hele getallen."
            ) from e
        if mn < 0 or mx < mn:
            raise ValidationError(
                f"Capaciteitsverklaring regel {n}: minimum {mn} en maximum {mx} kloppen niet "
                "(0 <= minimum <= maximum)."
            )


@transaction.atomic
def inschrijving_dien_in(
    *,
    aanbesteding: Aanbesteding,
    aanbieder: Aanbieder,
    percelen: Sequence[Perceel],
    visie: str,
    antwoorden: dict[str, str],
    capaciteit: list[dict[str, Any]],
    uea: dict[str, Any],
    leden: Sequence[Aanbieder] = (),
    onderaannemers: Sequence[str] = (),
    op: datetime | None = None,
) -> Inschrijving:
    moment = _nu(op)
    _controleer_inschrijving(aanbesteding=aanbesteding, aanbieder=aanbieder, percelen=percelen,
                             capaciteit=capaciteit, leden=leden, moment=moment)  # fmt: skip
    if Inschrijving.objects.filter(aanbesteding=aanbesteding, aanbieder=aanbieder).exists():
        raise ValidationError(f"{aanbieder.naam} heeft al ingeschreven.")
    nummer = (
        Inschrijving.objects.filter(aanbesteding=aanbesteding).aggregate(m=Max("nummer"))["m"] or 0
    ) + 1
    i = Inschrijving.objects.create(
        aanbesteding=aanbesteding, nummer=nummer, aanbieder=aanbieder,
        onderaannemers=list(onderaannemers), visie=visie, antwoorden=antwoorden,
        capaciteit=capaciteit, uea=uea, ingediend_op=moment, status=IS.INGEDIEND,
    )  # fmt: skip
    status_begin(i, reden="ingediend door de inschrijver", op=moment)
    i.percelen.set(percelen)
    i.leden.set(leden)
    _combinanten_bij(i, leden, moment)
    return i


@transaction.atomic
def inschrijving_wijzig(
    *,
    inschrijving: Inschrijving,
    percelen: Sequence[Perceel],
    visie: str,
    antwoorden: dict[str, str],
    capaciteit: list[dict[str, Any]],
    uea: dict[str, Any],
    leden: Sequence[Aanbieder] = (),
    onderaannemers: Sequence[str] = (),
    op: datetime | None = None,
) -> Inschrijving:
    """Until the bid deadline a bidder may replace its bid; the last version counts (the
    history keeps every earlier one)."""
    moment = _nu(op)
    i = Inschrijving.objects.select_for_update().get(pk=inschrijving.pk)
    _controleer_inschrijving(aanbesteding=i.aanbesteding, aanbieder=i.aanbieder,
                             percelen=percelen, capaciteit=capaciteit, leden=leden,
                             moment=moment)  # fmt: skip
    i.visie, i.antwoorden, i.capaciteit, i.uea = visie, antwoorden, capaciteit, uea
    i.onderaannemers, i.ingediend_op = list(onderaannemers), moment
    i._change_reason = "inschrijving gewijzigd door de inschrijver"  # type: ignore[attr-defined]
    i.save()
    i.percelen.set(percelen)
    i.leden.set(leden)
    _combinanten_bij(i, leden, moment)
    return i


def _combinanten_bij(i: Inschrijving, leden: Sequence[Aanbieder], moment: datetime) -> None:
    """Every combinant named is asked to confirm (an answer given stays while it is named;
    one no longer named drops out)."""
    genoemd = {a.pk for a in leden}
    i.combinanten.exclude(aanbieder_id__in=genoemd).delete()
    bestaand = set(i.combinanten.values_list("aanbieder_id", flat=True))
    for a in leden:
        if a.pk not in bestaand:
            c = Combinant.objects.create(inschrijving=i, aanbieder=a)
            status_begin(
                c, reden=f"als combinant genoemd door penvoerder {i.aanbieder.naam}", op=moment
            )


@transaction.atomic
def combinant_beantwoord(
    *, combinant: Combinant, akkoord: bool, door: User | None, op: datetime | None = None
) -> Combinant:
    """The combinant itself confirms or refuses taking part, until the bid deadline;
    only confirmed combinants make up the combination (award, OCDS, letters)."""
    moment = _nu(op)
    c = (
        Combinant.objects.select_for_update()
        .select_related("inschrijving__aanbesteding", "inschrijving__aanbieder", "aanbieder")
        .get(pk=combinant.pk)
    )
    a = c.inschrijving.aanbesteding
    if moment > a.inschrijven_tot:
        raise ValidationError(
            f"De inschrijftermijn is verstreken op {tijd(a.inschrijven_tot)}: deelname kan "
            "niet meer worden bevestigd of geweigerd."
        )
    if c.status != Deelname.GEVRAAGD:
        raise ValidationError(f"{c.aanbieder.naam} heeft de deelname al {c.get_status_display()}.")
    naar = Deelname.BEVESTIGD if akkoord else Deelname.GEWEIGERD
    status_wijzig(
        c, naar=naar, door=door, op=moment,
        reden=f"deelname aan de combinatie van {c.inschrijving.aanbieder.naam} "
        f"{'bevestigd' if akkoord else 'geweigerd'} door de combinant",
        velden={"beantwoord_op": moment, "beantwoord_door": door},
    )  # fmt: skip
    return c


@transaction.atomic
def bewijsstuk_voeg_toe(
    *,
    inschrijving: Inschrijving,
    naam: str,
    inhoud: bytes,
    eis: Eis | None = None,
    soort: str = "bewijs",
    op: datetime | None = None,
) -> Bewijsstuk:
    """Attach a file to a bid (before the bid deadline), checked on size and content."""
    moment = _nu(op)
    a = inschrijving.aanbesteding
    if moment > a.inschrijven_tot or a.status != AanbestedingStatus.AANGEKONDIGD:
        raise ValidationError(
            f"{naam}: de inschrijftermijn is verstreken op {tijd(a.inschrijven_tot)}."
        )
    if soort not in ("uea", "bewijs", "visie"):
        raise ValidationError(f"{naam}: onbekende soort '{soort}' (uea, bewijs of visie).")
    if eis is not None and eis.aanbesteding_id != a.pk:
        raise ValidationError(f"{naam}: eis {eis.code} hoort niet bij deze aanbesteding.")
    b = bijlage(naam, inhoud)
    return Bewijsstuk.objects.create(
        inschrijving=inschrijving, eis=eis, soort=soort, naam=b.naam,
        content_type=b.content_type, grootte=b.grootte, sha256=b.sha256, inhoud=inhoud,
        geupload_op=moment,
    )  # fmt: skip


@transaction.atomic
def bewijsstuk_verwijder(*, bewijsstuk: Bewijsstuk, op: datetime | None = None) -> None:
    a = bewijsstuk.inschrijving.aanbesteding
    if _nu(op) > a.inschrijven_tot:
        raise ValidationError("Na de inschrijftermijn blijven de bijlagen zoals ze zijn.")
    bewijsstuk.delete()
