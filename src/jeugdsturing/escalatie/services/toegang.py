# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The intake point: register (the BSN pseudonymised at once), assign in priority
order to a provider, which accepts or refuses with a reason; link an accepted
aanmelding to its trajectory when the message traffic shows it."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from jeugdsturing.berichten.models import Traject
from jeugdsturing.berichten.privacy import pseudoniem
from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.core.access import ingelogd
from jeugdsturing.core.levenscyclus import status_begin, status_wijzig
from jeugdsturing.escalatie.models import (
    Aanmelding,
    AanmeldingStatus,
    Toewijzingspoging,
    Uitkomst,
    Urgentie,
    Verwijsbeleid,
)
from jeugdsturing.escalatie.toegangsregels import (
    Aangemeld,
    Wachtende,
    Zorgtraject,
    bsn_geldig,
    koppel,
    volgorde,
)
from jeugdsturing.monitor.werkdagen import werkdagen_na
from jeugdsturing.regio.models import Gebied, Regio, Thema


def beleid_van(regio: Regio) -> Verwijsbeleid:
    beleid = Verwijsbeleid.objects.filter(regio=regio).first()
    if beleid is None:
        raise ValidationError(
            f"{regio.naam} heeft nog geen verwijsbeleid: richt de signaalregels in "
            "(jeugdsturing escalatie regels)."
        )
    return beleid


@transaction.atomic
def aanmelding_maak(
    *,
    regio: Regio,
    gebied: Gebied,
    thema: Thema,
    bsn: str = "",
    urgentie: str,
    expertise: str = "",
    ontvangen_op: datetime | None = None,
    door: AbstractBaseUser | None = None,
    client: str | None = None,
) -> Aanmelding:
    """Register a child at a gebiedsknooppunt. Only the pseudonym of the BSN is kept.
    `client`: the pseudonym itself, for a system that has only that (the demo, which
    registers children it knows from the pseudonymised message traffic)."""
    if client is None:
        bsn = bsn.strip().replace(" ", "").replace(".", "")
        if not bsn_geldig(bsn):
            raise ValidationError("BSN: negen cijfers die de elfproef doorstaan.")
        client = pseudoniem(bsn)
    if urgentie not in Urgentie.values:
        raise ValidationError(f"Urgentie '{urgentie}': kies spoed, hoog of normaal.")
    if gebied.regio_id != regio.pk or thema.regio_id != regio.pk:
        raise ValidationError("Gebied en thema horen bij de regio van de aanmelding.")
    a = Aanmelding.objects.create(
        regio=regio, gebied=gebied, thema=thema, client=client, urgentie=urgentie,
        expertise=expertise.strip()[:300], ontvangen_op=ontvangen_op or timezone.now(),
        door=ingelogd(door),
    )  # fmt: skip
    status_begin(a, reden=f"aangemeld bij {gebied.naam} ({Urgentie(urgentie).label})", door=door)
    return a


def wachtlijst(regio: Regio, thema: Thema, gebied: Gebied) -> list[Aanmelding]:
    """The waiting aanmeldingen of one theme and gebied, in priority order."""
    beleid = beleid_van(regio)
    rijen = {
        a.pk: a
        for a in Aanmelding.objects.filter(
            regio=regio, thema=thema, gebied=gebied, status=AanmeldingStatus.WACHTEND
        )
    }
    orde = volgorde(
        (Wachtende(a.pk, a.urgentie, a.ontvangen_op) for a in rijen.values()), beleid.prioriteit
    )
    return [rijen[w.id] for w in orde]


@transaction.atomic
def aanmelding_wijs_toe(
    *,
    aanmelding: Aanmelding,
    aanbieder: Aanbieder,
    advies_rang: int | None = None,
    door: AbstractBaseUser | None = None,
    op: datetime | None = None,
) -> Aanmelding:
    """Assign the first of the waiting list to a provider, with the acceptance deadline
    of the policy (shorter for spoed). An aanmelding that is not first waits its turn."""
    if aanmelding.status != AanmeldingStatus.WACHTEND:
        raise ValidationError(f"{aanmelding} wacht niet op toewijzing.")
    beleid = beleid_van(aanmelding.regio)
    eerste = wachtlijst(aanmelding.regio, aanmelding.thema, aanmelding.gebied)[0]
    if eerste.pk != aanmelding.pk:
        raise ValidationError(
            f"Volgens de prioriteitsregel ({beleid.get_prioriteit_display()}) is eerst "
            f"aanmelding {eerste.pk} aan de beurt ({eerste.get_urgentie_display()}, "
            f"aangemeld {timezone.localtime(eerste.ontvangen_op):%d-%m-%Y %H:%M})."
        )
    op = op or timezone.now()
    termijn = (
        beleid.spoed_termijn_werkdagen
        if aanmelding.urgentie == Urgentie.SPOED
        else beleid.acceptatietermijn_werkdagen
    )
    uiterlijk = werkdagen_na(timezone.localtime(op).date(), termijn)
    Toewijzingspoging.objects.create(
        aanmelding=aanmelding, aanbieder=aanbieder, toegewezen_op=op, uiterlijk=uiterlijk,
        uitkomst=Uitkomst.OPEN, advies_rang=advies_rang,
    )  # fmt: skip
    return status_wijzig(
        aanmelding, naar=AanmeldingStatus.TOEGEWEZEN, door=door,
        reden=f"toegewezen aan {aanbieder.naam}, accepteren uiterlijk {uiterlijk:%d-%m-%Y}",
        velden={"aanbieder": aanbieder, "toegewezen_op": op, "uiterlijk_accepteren": uiterlijk},
    )  # fmt: skip


def _poging(aanmelding: Aanmelding) -> Toewijzingspoging:
    p = aanmelding.pogingen.filter(uitkomst=Uitkomst.OPEN).order_by("-toegewezen_op").first()
    if p is None or aanmelding.status != AanmeldingStatus.TOEGEWEZEN:
        raise ValidationError(f"{aanmelding} wacht niet op een antwoord van een aanbieder.")
    return p


@transaction.atomic
def aanmelding_accepteer(
    *, aanmelding: Aanmelding, door: AbstractBaseUser | None = None, op: datetime | None = None
) -> Aanmelding:
    """The provider accepts (its acceptance duty); the first provider to accept the
    child stays primarily responsible for it."""
    p = _poging(aanmelding)
    op = op or timezone.now()
    p.uitkomst, p.beantwoord_op = Uitkomst.GEACCEPTEERD, op
    p.save()
    eerste = aanmelding.eerste_aanbieder or aanmelding.aanbieder
    return status_wijzig(
        aanmelding, naar=AanmeldingStatus.GEACCEPTEERD, door=door,
        reden=f"geaccepteerd door {p.aanbieder.naam}",
        velden={"geaccepteerd_op": op, "eerste_aanbieder": eerste},
    )  # fmt: skip


@transaction.atomic
def aanmelding_weiger(
    *, aanmelding: Aanmelding, reden: str, door: AbstractBaseUser | None = None,
    op: datetime | None = None,
) -> Aanmelding:  # fmt: skip
    """The provider refuses, with its reason; the refusal is counted against the
    acceptance duty and the aanmelding goes back to the waiting list in its place."""
    if not reden.strip():
        raise ValidationError("Een weigering heeft een reden (de acceptatieplicht geldt).")
    p = _poging(aanmelding)
    p.uitkomst, p.beantwoord_op, p.reden = Uitkomst.GEWEIGERD, op or timezone.now(), reden.strip()
    p.save()
    return status_wijzig(
        aanmelding, naar=AanmeldingStatus.WACHTEND, door=door,
        reden=f"geweigerd door {p.aanbieder.naam}: {reden.strip()}",
        velden={"aanbieder": None, "toegewezen_op": None, "uiterlijk_accepteren": None},
    )  # fmt: skip


@transaction.atomic
def aanmelding_trek_in(
    *, aanmelding: Aanmelding, reden: str, door: AbstractBaseUser | None = None
) -> Aanmelding:
    return status_wijzig(aanmelding, naar=AanmeldingStatus.INGETROKKEN, reden=reden, door=door)


@transaction.atomic
def aanmeldingen_koppel(
    *, regio: Regio, trajecten: list[Zorgtraject], door: AbstractBaseUser | None = None
) -> Counter[str]:
    """Link accepted aanmeldingen to the trajectories the message traffic shows (the
    frames of the monitor, with theme), so intake-to-start is measured. Safe to re-run."""
    beleid = beleid_van(regio)
    open_ = {
        a.pk: a
        for a in Aanmelding.objects.filter(
            regio=regio, status=AanmeldingStatus.GEACCEPTEERD
        ).select_related("aanbieder", "thema")
    }
    if not open_:
        return Counter()
    gebruikt = set(
        Aanmelding.objects.filter(regio=regio, traject__isnull=False).values_list(
            "traject_id", flat=True
        )
    )
    kandidaten = [t for t in trajecten if t.id not in gebruikt]
    aangemeld = [
        Aangemeld(a.pk, a.client, a.aanbieder.agb_code, a.thema.code,  # type: ignore[union-attr]
                  timezone.localtime(a.ontvangen_op).date())
        for a in open_.values()
    ]  # fmt: skip
    tellers: Counter[str] = Counter()
    for aid, zt in koppel(aangemeld, kandidaten, beleid.koppelvenster_dagen).items():
        a = open_[aid]
        begin: date | None = zt.begindatum
        status_wijzig(
            a, naar=AanmeldingStatus.GESTART, door=door,
            reden=f"gekoppeld aan traject {zt.id}"
            + (f", gestart {begin:%d-%m-%Y}" if begin else ""),
            velden={"traject": Traject.objects.get(pk=zt.id), "gestart_op": begin},
        )  # fmt: skip
        tellers["aanmeldingen gekoppeld"] += 1
    return tellers
