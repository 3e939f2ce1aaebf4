# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The uitvraag: made by the team for a steering moment (a delivery for every provider
with a contract then), sent out, closed; a provider's delivery submitted on the form or
as the Excel template, again if need be (the history keeps the earlier figures)."""

from __future__ import annotations

from datetime import date, datetime

from django.contrib.auth.models import AbstractBaseUser, User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from jeugdsturing.contracten.models import Overeenkomst, OvereenkomstStatus
from jeugdsturing.core.bestanden import bijlage
from jeugdsturing.core.levenscyclus import status_begin, status_vermeld, status_wijzig
from jeugdsturing.regio.models import Gebied, Gemeente, Regio, Thema
from jeugdsturing.sturing.models import Doelindicator, Indicatorwaarde
from jeugdsturing.sturing.models.uitvraag import (
    Levering,
    Leveringsbijlage,
    LeveringStatus,
    Uitkomstcijfer,
    Uitvraag,
    UitvraagStatus,
    Wachtlijstregel,
)
from jeugdsturing.sturing.uitvraagbestand import Context, Gegevens, uit_bestand

MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")  # fmt: skip


def _gebruiker(door: AbstractBaseUser | None) -> User | None:
    return door if isinstance(door, User) else None


@transaction.atomic
def uitvraag_maak(
    *,
    regio: Regio,
    moment: date,
    periode_van: date,
    periode_tot: date,
    deadline: date,
    door: AbstractBaseUser | None = None,
) -> Uitvraag:
    """A concept uitvraag for the steering moment (its month), with an open delivery for
    every provider that has a contract in the region on that day."""
    moment = moment.replace(day=1)
    if periode_tot < periode_van:
        raise ValidationError(
            f"De periode {periode_van:%d-%m-%Y} t/m {periode_tot:%d-%m-%Y} is leeg."
        )
    if deadline > moment.replace(day=28) and deadline.month != moment.month:
        raise ValidationError("Leg de uiterste aanleverdatum vóór of in de maand van het gesprek.")
    if Uitvraag.objects.filter(regio=regio, moment=moment).exists():
        raise ValidationError(
            f"Er is al een uitvraag voor {MAANDEN[moment.month - 1]} {moment.year}."
        )
    u = Uitvraag.objects.create(
        regio=regio, moment=moment, periode_van=periode_van, periode_tot=periode_tot,
        deadline=deadline, naam=f"Uitvraag {MAANDEN[moment.month - 1]} {moment.year}",
    )  # fmt: skip
    status_begin(u, reden="aangemaakt", door=door)
    aanbieders = (
        Overeenkomst.objects.filter(regio=regio, ingangsdatum__lte=moment, einddatum__gte=moment)
        .exclude(status__in=[OvereenkomstStatus.BEEINDIGD, OvereenkomstStatus.INGETROKKEN])
        .values_list("aanbieder", flat=True)
        .distinct()
    )
    for aanbieder_id in sorted(set(aanbieders)):
        levering = Levering.objects.create(uitvraag=u, aanbieder_id=aanbieder_id)
        status_begin(levering, reden="uitvraag aangemaakt", door=door)
    return u


@transaction.atomic
def uitvraag_zet_uit(*, uitvraag: Uitvraag, door: AbstractBaseUser | None = None) -> Uitvraag:
    if not uitvraag.leveringen.exists():
        raise ValidationError("Er is geen aanbieder met een overeenkomst op dit moment.")
    return status_wijzig(
        uitvraag, naar=UitvraagStatus.UITGEZET, door=door,
        reden=f"uitgezet bij {uitvraag.leveringen.count()} aanbieders, aanleveren uiterlijk "
        f"{uitvraag.deadline:%d-%m-%Y}",
    )  # fmt: skip


@transaction.atomic
def uitvraag_sluit(*, uitvraag: Uitvraag, door: AbstractBaseUser | None = None) -> Uitvraag:
    open_ = uitvraag.leveringen.filter(status=LeveringStatus.OPEN).count()
    return status_wijzig(
        uitvraag, naar=UitvraagStatus.GESLOTEN, door=door,
        reden="gesloten" + (f"; {open_} aanbieders leverden niet aan" if open_ else ""),
    )  # fmt: skip


def levering_context(levering: Levering) -> Context:
    """What the region expects of this provider: its gemeenten, the themes of its
    contracts (all themes when a contract names none), the gebieden, and the goal
    indicators providers report for those themes."""
    regio = levering.uitvraag.regio
    moment = levering.uitvraag.moment
    contracten = Overeenkomst.objects.filter(
        regio=regio, aanbieder=levering.aanbieder, ingangsdatum__lte=moment, einddatum__gte=moment
    )
    themas = Thema.objects.filter(regio=regio, overeenkomsten__in=contracten).distinct()
    if not themas.exists():
        themas = Thema.objects.filter(regio=regio)
    indicatoren = (
        Doelindicator.objects.filter(doel__regio=regio, door_aanbieder=True)
        .filter(Q(doel__thema__in=themas) | Q(doel__thema__isnull=True))
        .order_by("doel__thema__volgorde", "doel__volgorde", "volgorde")
    )
    return Context(
        gemeenten={g.code: g.naam for g in regio.gemeenten.order_by("naam")},
        themas={t.code: t.naam for t in themas.order_by("volgorde", "code")},
        gebieden={g.code: g.naam for g in Gebied.objects.filter(regio=regio).order_by("volgorde")},
        indicatoren={i.code: (i.naam, i.waardesoort) for i in indicatoren},
    )


@transaction.atomic
def levering_dien_in(
    *,
    levering: Levering,
    gegevens: Gegevens,
    door: AbstractBaseUser | None = None,
    bestandsnaam: str = "",
    op: datetime | None = None,
) -> Levering:
    """Store a provider's answer (replacing an earlier one), note what is missing, and
    mark the delivery submitted (`op`: when, for deliveries taken over from elsewhere;
    default now)."""
    lev = Levering.objects.select_for_update().select_related("uitvraag__regio").get(pk=levering.pk)
    u = lev.uitvraag
    if u.status != UitvraagStatus.UITGEZET:
        raise ValidationError(
            f"{u.naam} is {u.get_status_display()}: aanleveren kan alleen zolang ze uitgezet is."
        )
    ctx = levering_context(lev)
    for k, v in gegevens.kern.items():
        setattr(lev, k, v)
    lev.toelichting = gegevens.toelichting
    lev.ontbreekt = gegevens.ontbreekt(ctx)
    lev.compleet = not lev.ontbreekt
    lev.bestandsnaam = bestandsnaam[-200:]
    lev.ingediend_op, lev.ingediend_door = op or timezone.now(), _gebruiker(door)
    Uitkomstcijfer.objects.filter(levering=lev).delete()
    gemeenten = {g.code: g for g in Gemeente.objects.filter(code__in=ctx.gemeenten)}
    for x in gegevens.uitkomsten:
        Uitkomstcijfer.objects.create(
            levering=lev, gemeente=gemeenten[x.gemeente], clienten=x.clienten,
            uitval_pct=x.uitval_pct, tevredenheid_pct=x.tevredenheid_pct,
            doelrealisatie_pct=x.doelrealisatie_pct,
        )  # fmt: skip
    Wachtlijstregel.objects.filter(levering=lev).delete()
    themas = {t.code: t for t in Thema.objects.filter(regio=u.regio)}
    gebieden = {g.code: g for g in Gebied.objects.filter(regio=u.regio)}
    for w in gegevens.wachtlijst:
        Wachtlijstregel.objects.create(
            levering=lev, thema=themas[w.thema], gebied=gebieden.get(w.gebied),
            wachtenden=w.wachtenden,
        )  # fmt: skip
    indicatoren = {
        i.code: i
        for i in Doelindicator.objects.filter(doel__regio=u.regio, code__in=ctx.indicatoren)
    }
    for code, iw in gegevens.indicatoren.items():
        Indicatorwaarde.objects.update_or_create(
            indicator=indicatoren[code], jaar=u.periode_tot.year, aanbieder=lev.aanbieder,
            defaults={"waarde": iw, "ingevoerd_door": _gebruiker(door),
                      "toelichting": f"levering {u.naam}"},
        )  # fmt: skip
    reden = f"ingediend{' via ' + bestandsnaam if bestandsnaam else ''}" + (
        "" if lev.compleet else f"; ontbreekt: {', '.join(lev.ontbreekt)}"
    )
    if lev.status == LeveringStatus.OPEN:
        return status_wijzig(lev, naar=LeveringStatus.INGEDIEND, reden=reden, door=door, op=op)
    lev._change_reason = reden  # type: ignore[attr-defined]
    lev.save()
    status_vermeld(lev, reden=f"opnieuw {reden}", door=door, op=op)
    return lev


@transaction.atomic
def levering_lees_in(
    *, levering: Levering, data: bytes, bestandsnaam: str, door: AbstractBaseUser | None = None
) -> Levering:
    """A filled-in Excel template; raises uitvraagbestand.Ongeldig naming sheet, row and
    column."""
    gegevens = uit_bestand(data, levering_context(levering))
    return levering_dien_in(
        levering=levering, gegevens=gegevens, door=door, bestandsnaam=bestandsnaam
    )


@transaction.atomic
def leveringsbijlage_voeg_toe(
    *, levering: Levering, naam: str, inhoud: bytes, soort: str = "inspectierapport"
) -> Leveringsbijlage:
    """A document with a delivery (an inspection report): a PDF, office document or
    image, checked on its content, at most the tender's size limit."""
    if levering.uitvraag.status != UitvraagStatus.UITGEZET:
        raise ValidationError(f"{naam}: de uitvraag is niet (meer) uitgezet.")
    b = bijlage(naam, inhoud)
    return Leveringsbijlage.objects.create(
        levering=levering, soort=soort, naam=b.naam, content_type=b.content_type,
        grootte=b.grootte, sha256=b.sha256, inhoud=inhoud,
    )  # fmt: skip
