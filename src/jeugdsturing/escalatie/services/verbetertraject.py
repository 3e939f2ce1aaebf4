# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The escalation case, step by step through the one lifecycle mechanism: every step
is in the status history (who, when, why), the plan and its actions with their own
history, documents kept with their hash."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from jeugdsturing.berichten.models import Traject
from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.core.access import ingelogd
from jeugdsturing.core.bestanden import bijlage
from jeugdsturing.core.levenscyclus import status_begin, status_vermeld, status_wijzig
from jeugdsturing.escalatie.models import (
    ActieStatus,
    Casusnotitie,
    Oordeel,
    PlanStatus,
    Signaal,
    SignaalStatus,
    Trajectdocument,
    TrajectStatus,
    Verbeteractie,
    Verbetertraject,
)
from jeugdsturing.regio.models import Regio

ACTIEVELDEN = ("wie", "wat", "hoe", "wanneer")


def _moment(dag: date | None) -> datetime | None:
    """The history time of a step recorded for a past day (the demo, a late entry)."""
    return timezone.make_aware(datetime.combine(dag, time(12))) if dag else None


@transaction.atomic
def traject_open(
    *,
    regio: Regio,
    aanbieder: Aanbieder,
    titel: str,
    aanleiding: str,
    signalen: Iterable[Signaal] = (),
    door: AbstractBaseUser | None = None,
    op: date | None = None,
) -> Verbetertraject:
    """Open a case with a provider, from its signals (they go 'in behandeling') or from
    what the toegang noticed (no signal: the reason says what)."""
    signalen = list(signalen)
    if not titel.strip() or not aanleiding.strip():
        raise ValidationError("Een verbetertraject heeft een titel en een aanleiding.")
    for s in signalen:
        if s.aanbieder_id != aanbieder.pk or s.regio_id != regio.pk:
            raise ValidationError(f"Signaal '{s}' hoort niet bij {aanbieder.naam}.")
        if s.status != SignaalStatus.OPEN:
            raise ValidationError(f"Signaal '{s}' is {s.get_status_display()}.")
    eerste = signalen[0] if signalen else None
    t = Verbetertraject.objects.create(
        regio=regio, aanbieder=aanbieder, titel=titel.strip(), aanleiding=aanleiding.strip(),
        maatstaf=eerste.maatstaf if eerste else "", startwaarde=eerste.waarde if eerste else None,
        geopend_op=op or timezone.localdate(),
    )  # fmt: skip
    t.signalen.set(signalen)
    moment = _moment(op)
    status_begin(t, reden=f"verbetertraject geopend: {t.aanleiding[:200]}", door=door, op=moment)
    status_begin(t, veld="plan_status", reden="nog geen verbeterplan", door=door, op=moment)
    for s in signalen:
        status_wijzig(s, naar=SignaalStatus.IN_BEHANDELING, door=door, op=moment,
                      reden=f"in verbetertraject '{t.titel}'")  # fmt: skip
    return t


@transaction.atomic
def traject_gesprek(
    *,
    traject: Verbetertraject,
    datum: date,
    verslag: str,
    door: AbstractBaseUser | None = None,
    op: date | None = None,
) -> Verbetertraject:
    """Contract management talked with the provider: the date and what was said."""
    if not verslag.strip():
        raise ValidationError("Leg vast wat er in het gesprek is besproken.")
    if datum < traject.geopend_op:
        raise ValidationError(
            f"Het gesprek ({datum:%d-%m-%Y}) ligt voor de opening van het traject "
            f"({traject.geopend_op:%d-%m-%Y})."
        )
    return status_wijzig(
        traject, naar=TrajectStatus.GESPREK, door=door,
        reden=f"gesprek met de aanbieder op {datum:%d-%m-%Y}",
        velden={"gesprek_datum": datum, "gesprek_verslag": verslag.strip()}, op=_moment(op),
    )  # fmt: skip


def _acties(acties: Sequence[Mapping[str, object]]) -> list[dict[str, object]]:
    if not acties:
        raise ValidationError("Een verbeterplan heeft minstens één actie (wie, wat, hoe, wanneer).")
    uit = []
    for i, a in enumerate(acties, start=1):
        ontbreekt = [k for k in ACTIEVELDEN if not a.get(k) or not str(a.get(k)).strip()]
        if ontbreekt:
            raise ValidationError(f"Actie {i}: vul {', '.join(ontbreekt)} in.")
        wanneer = a["wanneer"]
        if not isinstance(wanneer, date):
            raise ValidationError(f"Actie {i}: 'wanneer' is geen datum.")
        uit.append({"wie": str(a["wie"]).strip(), "wat": str(a["wat"]).strip(),
                    "hoe": str(a["hoe"]).strip(), "wanneer": wanneer})  # fmt: skip
    return uit


@transaction.atomic
def plan_dien_in(
    *,
    traject: Verbetertraject,
    tekst: str,
    acties: Sequence[Mapping[str, object]],
    streefwaarde: float | None,
    streefdatum: date | None,
    door: AbstractBaseUser | None = None,
    op: date | None = None,
) -> Verbetertraject:
    """The provider submits its improvement plan (again, after a rejection): the text,
    the actions (replacing the previous ones), the target for the indicator and when."""
    if traject.status not in (TrajectStatus.GESPREK, TrajectStatus.VERBETERPLAN):
        raise ValidationError(
            f"Een plan wordt ingediend na het gesprek; het traject is "
            f"'{traject.get_status_display()}'."
        )
    if not tekst.strip():
        raise ValidationError("Beschrijf het verbeterplan.")
    if traject.maatstaf and (streefwaarde is None or streefdatum is None):
        raise ValidationError("Geef de streefwaarde van de indicator en de datum waarop.")
    rijen = _acties(acties)
    if streefdatum is not None and streefdatum <= (traject.gesprek_datum or traject.geopend_op):
        raise ValidationError("De streefdatum ligt na het gesprek.")
    traject.acties.all().delete()
    for a in rijen:
        actie = Verbeteractie.objects.create(traject=traject, **a)
        status_begin(actie, reden="actie uit het verbeterplan", door=door, op=_moment(op))
    velden = {"plan_tekst": tekst.strip(), "streefwaarde": streefwaarde, "streefdatum": streefdatum}
    if traject.status == TrajectStatus.GESPREK:
        status_wijzig(traject, naar=TrajectStatus.VERBETERPLAN, door=door, op=_moment(op),
                      reden="verbeterplan ingediend", velden=velden)  # fmt: skip
    else:
        for k, v in velden.items():
            setattr(traject, k, v)
        traject.save()
    return status_wijzig(
        traject, veld="plan_status", naar=PlanStatus.INGEDIEND, door=door, op=_moment(op),
        reden=f"verbeterplan ingediend ({len(rijen)} {'actie' if len(rijen) == 1 else 'acties'})",
    )  # fmt: skip


@transaction.atomic
def plan_beoordeel(
    *, traject: Verbetertraject, goedkeuren: bool, toelichting: str,
    door: AbstractBaseUser | None = None, op: date | None = None,
) -> Verbetertraject:  # fmt: skip
    """Contract management approves the plan (it becomes binding and is monitored) or
    sends it back with what is missing."""
    if traject.plan_status != PlanStatus.INGEDIEND:
        raise ValidationError("Er is geen ingediend verbeterplan om te beoordelen.")
    if not goedkeuren and not toelichting.strip():
        raise ValidationError("Zeg wat er aan het plan ontbreekt.")
    naar = PlanStatus.GOEDGEKEURD if goedkeuren else PlanStatus.AFGEWEZEN
    status_wijzig(traject, veld="plan_status", naar=naar, door=door, op=_moment(op),
                  reden=toelichting.strip() or "verbeterplan goedgekeurd",
                  velden={"plan_toelichting": toelichting.strip()})  # fmt: skip
    if goedkeuren:
        status_wijzig(traject, naar=TrajectStatus.MONITORING, door=door, op=_moment(op),
                      reden="verbeterplan goedgekeurd en bindend; monitoring begint")  # fmt: skip
    return traject


@transaction.atomic
def actie_wijzig(
    *,
    actie: Verbeteractie,
    naar: str,
    bewijs: str,
    door: AbstractBaseUser | None = None,
    op: date | None = None,
) -> Verbeteractie:
    """The stand of one action while the plan is monitored, with its evidence."""
    if actie.traject.status != TrajectStatus.MONITORING:
        raise ValidationError("Acties worden bijgewerkt zolang het plan wordt gemonitord.")
    if naar not in ActieStatus.values:
        raise ValidationError(f"Onbekende status '{naar}'.")
    if not bewijs.strip():
        raise ValidationError("Onderbouw de stand van de actie.")
    return status_wijzig(actie, naar=naar, reden=bewijs.strip(), door=door, op=_moment(op),
                         velden={"bewijs": bewijs.strip()})  # fmt: skip


@transaction.atomic
def traject_beoordeel(
    *, traject: Verbetertraject, beoordeling: str, door: AbstractBaseUser | None = None
) -> Verbetertraject:
    """Monitoring ends: contract management assesses the results."""
    if not beoordeling.strip():
        raise ValidationError("Beschrijf de beoordeling van de resultaten.")
    return status_wijzig(traject, naar=TrajectStatus.BEOORDELING, door=door,
                         reden="resultaten beoordeeld",
                         velden={"beoordeling": beoordeling.strip()})  # fmt: skip


@transaction.atomic
def traject_monitoring(
    *, traject: Verbetertraject, reden: str, door: AbstractBaseUser | None = None
) -> Verbetertraject:
    """The assessment sends the plan back for another period of monitoring."""
    return status_wijzig(traject, naar=TrajectStatus.MONITORING, door=door, reden=reden)


@transaction.atomic
def traject_oordeel(
    *, traject: Verbetertraject, oordeel: str, toelichting: str,
    door: AbstractBaseUser | None = None,
) -> Verbetertraject:  # fmt: skip
    """The judgement that ends the case; its signals are resolved with it."""
    if oordeel not in Oordeel.values:
        raise ValidationError(f"Onbekend oordeel '{oordeel}'.")
    if not toelichting.strip():
        raise ValidationError("Licht het oordeel toe.")
    label = Oordeel(oordeel).label
    velden = {"oordeel": oordeel, "oordeel_toelichting": toelichting.strip()}
    status_wijzig(
        traject, naar=TrajectStatus.OORDEEL, door=door, reden=f"oordeel: {label}", velden=velden
    )
    for s in traject.signalen.filter(status=SignaalStatus.IN_BEHANDELING):
        status_wijzig(s, naar=SignaalStatus.OPGELOST, door=door,
                      reden=f"verbetertraject afgesloten met oordeel: {label}")  # fmt: skip
    return traject


@transaction.atomic
def casusnotitie_maak(
    *, traject: Verbetertraject, zorgtraject: int, tekst: str, door: AbstractBaseUser | None = None
) -> Casusnotitie:
    """A note of the toegang on one of the provider's trajectories (by its number; the
    client is kept as its pseudonym)."""
    if not traject.lopend:
        raise ValidationError("Het verbetertraject is afgesloten.")
    if not tekst.strip():
        raise ValidationError("Schrijf de notitie.")
    zt = Traject.objects.filter(pk=zorgtraject, aanbieder=traject.aanbieder.agb_code).first()
    if zt is None:
        raise ValidationError(
            f"Traject {zorgtraject} is geen traject van {traject.aanbieder.naam}."
        )
    n = Casusnotitie.objects.create(
        traject=traject, client=zt.client, zorgtraject=zt.pk, tekst=tekst.strip(),
        door=ingelogd(door),
    )  # fmt: skip
    status_vermeld(traject, reden=f"casusnotitie bij traject {zt.pk}", door=door)
    return n


@transaction.atomic
def document_voeg_toe(
    *, traject: Verbetertraject, naam: str, inhoud: bytes, soort: str,
    door: AbstractBaseUser | None = None,
) -> Trajectdocument:  # fmt: skip
    """A document of the case (the plan, minutes, evidence): a PDF, office document or
    image, checked on its content, at most the upload limit."""
    b = bijlage(naam, inhoud)
    d = Trajectdocument.objects.create(
        traject=traject, soort=soort[:40] or "document", naam=b.naam,
        content_type=b.content_type, grootte=b.grootte, sha256=b.sha256, inhoud=inhoud,
        door=ingelogd(door),
    )  # fmt: skip
    status_vermeld(traject, reden=f"document toegevoegd: {b.naam} ({d.soort})", door=door)
    return d
