# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Ranking (with the announced tie rule and a recorded lottery), selection with a
waiting room, objections, and drop-outs that move the waiting room up."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import date, datetime

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from jeugdsturing.core.levenscyclus import status_begin, status_wijzig
from jeugdsturing.verwerving import rangschikking as r
from jeugdsturing.verwerving.models import (
    IS,
    Aanbesteding,
    AanbestedingStatus,
    Bezwaar,
    Inschrijving,
    Loting,
    Perceelplaats,
)
from jeugdsturing.verwerving.moment import nu as _nu
from jeugdsturing.verwerving.moment import vandaag as _vandaag
from jeugdsturing.verwerving.selectors import (
    beoordelingen,
    criteria_van,
    einde_bezwaartermijn,
    einde_bezwaartermijn_gunning,
)
from jeugdsturing.verwerving.services.fase import aanbesteding_status_wijzig


def nieuw_zaad() -> str:
    """A fresh seed for a lottery (recorded with witnesses before the draw is used)."""
    return secrets.token_hex(16)


@transaction.atomic
def rangschikking_stel_vast(
    *,
    aanbesteding: Aanbesteding,
    zaad: str | None = None,
    getuigen: Sequence[str] = (),
    door: User | None = None,
    op: datetime | None = None,
) -> r.Selectie:
    """Rank, break ties by the announced rule and (when still tied) by a lottery with
    `zaad` in the presence of `getuigen`, select N plus the waiting room and record it
    all on the bids. Raises GelijkeStand (a ValidationError) when a lottery is needed
    and no seed was given."""
    a = Aanbesteding.objects.select_for_update().get(pk=aanbesteding.pk)
    if a.status != AanbestedingStatus.BEOORDELING:
        raise ValidationError("De rangschikking wordt vastgesteld in de fase beoordeling.")
    if zaad is not None and len([g for g in getuigen if g.strip()]) < 2:
        raise ValidationError("Een loting vraagt om ten minste twee getuigen.")
    criteria = criteria_van(a)
    try:
        uitslag = r.rangschik(
            beoordelingen(a), criteria, minimum_totaal=a.minimum_totaal, zaad=zaad
        )
    except r.GelijkeStand as e:
        raise ValidationError(str(e)) from e
    moment = _nu(op)
    for groep in uitslag.lotingen:
        Loting.objects.create(
            aanbesteding=a, inschrijvingen=sorted(groep), zaad=zaad or "", getuigen=list(getuigen),
            uitgevoerd_op=moment, uitgevoerd_door=door, volgorde=list(groep),
        )  # fmt: skip
    if a.selectie_per_perceel:
        return _selecteer_per_perceel(a, uitslag, door)
    selectie = r.selecteer(uitslag, a.max_partners, a.wachtkamer)
    per_nummer = _zet_afgewezen(a, uitslag, door)
    laagste = (
        uitslag.plaatsen[len(selectie.geselecteerd) - 1].totaal if selectie.geselecteerd else None
    )
    for p in uitslag.plaatsen:
        i = per_nummer[p.inschrijving]
        if p.inschrijving in selectie.geselecteerd:
            naar, reden, tekst = IS.GESELECTEERD, "", f"rang {p.rang}: geselecteerd"
        elif p.inschrijving in selectie.wachtkamer:
            naar, reden = IS.WACHTKAMER, f"rang {p.rang}: wachtkamer"
            tekst = reden
        else:
            naar = IS.NIET_GESELECTEERD
            reden = tekst = (
                f"rang {p.rang}: buiten de {a.max_partners} hoogst gerangschikten "
                f"(laagste geselecteerde: {laagste})"
            )
        status_wijzig(
            i, naar=naar, reden=tekst, door=door,
            velden={"totaal": p.totaal, "rang": p.rang, "reden": reden},
        )  # fmt: skip
    return selectie


def _zet_afgewezen(
    a: Aanbesteding, uitslag: r.Rangschikking, door: User | None
) -> dict[int, Inschrijving]:
    per_nummer = {i.nummer: i for i in a.inschrijvingen.prefetch_related("percelen")}
    for afw in uitslag.afgewezen:
        status_wijzig(
            per_nummer[afw.inschrijving], naar=IS.AFGEWEZEN, reden=afw.reden, door=door,
            velden={"totaal": afw.totaal, "rang": None, "reden": afw.reden},
        )  # fmt: skip
    return per_nummer


def _selecteer_per_perceel(
    a: Aanbesteding, uitslag: r.Rangschikking, door: User | None
) -> r.Selectie:
    """Selection per lot: every lot its own maximum and waiting room; a bid is a partner
    when it is selected in at least one lot, waiting when it waits in one and is selected
    in none. The places per lot are recorded (Perceelplaats)."""
    per_nummer = _zet_afgewezen(a, uitslag, door)
    percelen = list(a.percelen.all())
    per_lot = r.selecteer_per_perceel(
        uitslag,
        {n: {p.code for p in i.percelen.all()} for n, i in per_nummer.items()},
        {p.code: (p.max_partners, p.wachtkamer) for p in percelen},
    )
    totalen = {p.inschrijving: p.totaal for p in uitslag.plaatsen}
    Perceelplaats.objects.filter(inschrijving__aanbesteding=a).delete()
    uitkomsten: dict[int, list[str]] = {}
    status_per_bod: dict[int, set[str]] = {}
    for perceel in percelen:
        sel = per_lot[perceel.code]
        laagste = totalen[sel.geselecteerd[-1]] if sel.geselecteerd else None
        volgorde = sel.geselecteerd + sel.wachtkamer + sel.buiten
        for rang, nummer in enumerate(volgorde, start=1):
            if nummer in sel.geselecteerd:
                status, tekst = IS.GESELECTEERD, f"{perceel.code}: geselecteerd (plaats {rang})"
            elif nummer in sel.wachtkamer:
                status, tekst = IS.WACHTKAMER, f"{perceel.code}: wachtkamer (plaats {rang})"
            else:
                status = IS.NIET_GESELECTEERD
                tekst = (
                    f"{perceel.code}: plaats {rang}, buiten de {perceel.max_partners} hoogst "
                    f"gerangschikten (laagste geselecteerde: {laagste})"
                )
            plaats = Perceelplaats.objects.create(
                inschrijving=per_nummer[nummer], perceel=perceel, rang=rang, status=status
            )
            status_begin(plaats, reden=tekst, door=door)
            uitkomsten.setdefault(nummer, []).append(tekst)
            status_per_bod.setdefault(nummer, set()).add(status)
    for p in uitslag.plaatsen:
        i = per_nummer[p.inschrijving]
        statussen = status_per_bod.get(p.inschrijving, set())
        naar = next(
            (st for st in (IS.GESELECTEERD, IS.WACHTKAMER) if st in statussen),
            IS.NIET_GESELECTEERD,
        )
        tekst = "; ".join(uitkomsten.get(p.inschrijving, []))
        status_wijzig(
            i, naar=naar, reden=tekst or f"rang {p.rang}", door=door,
            velden={"totaal": p.totaal, "rang": p.rang, "reden": tekst},
        )  # fmt: skip
    rangorde = [p.inschrijving for p in uitslag.plaatsen]
    return r.Selectie(
        geselecteerd=tuple(n for n in rangorde if per_nummer[n].status == IS.GESELECTEERD),
        wachtkamer=tuple(n for n in rangorde if per_nummer[n].status == IS.WACHTKAMER),
        buiten=tuple(n for n in rangorde if per_nummer[n].status == IS.NIET_GESELECTEERD),
    )


@transaction.atomic
def selectie_maak_bekend(
    *, aanbesteding: Aanbesteding, op: date | None = None, door: User | None = None
) -> Aanbesteding:
    """Send the letters (docs/verwerving.md) and start the objection period."""
    a = aanbesteding_status_wijzig(
        aanbesteding=aanbesteding, naar=AanbestedingStatus.SELECTIE,
        reden="selectie bekendgemaakt", door=door,
    )  # fmt: skip
    a.selectie_bekendgemaakt_op = _vandaag(op)
    a.save()
    return a


@transaction.atomic
def bezwaar_dien_in(
    *, inschrijving: Inschrijving, tekst: str, tegen: str = "selectie", op: date | None = None
) -> Bezwaar:
    """An objection against the selection or the (provisional) award, within its period."""
    a = Aanbesteding.objects.get(pk=inschrijving.aanbesteding_id)
    if tegen not in ("selectie", "gunning"):
        raise ValidationError(f"Bezwaar tegen '{tegen}': kies selectie of gunning.")
    einde = einde_bezwaartermijn(a) if tegen == "selectie" else einde_bezwaartermijn_gunning(a)
    dag = _vandaag(op)
    if einde is None or dag > einde:
        raise ValidationError(
            "De bezwaartermijn is verstreken." if einde else "Er is nog geen besluit bekendgemaakt."
        )
    return Bezwaar.objects.create(
        inschrijving=inschrijving, ingediend_op=dag, tegen=tegen, tekst=tekst
    )


@transaction.atomic
def bezwaar_handel_af(*, bezwaar: Bezwaar, uitkomst: str, op: date | None = None) -> Bezwaar:
    if not uitkomst.strip():
        raise ValidationError("Leg de uitkomst van het bezwaar vast.")
    bezwaar.afgehandeld_op = _vandaag(op)
    bezwaar.uitkomst = uitkomst
    bezwaar.save()
    return bezwaar


@transaction.atomic
def uitval_verwerk(*, inschrijving: Inschrijving, reden: str) -> Inschrijving | None:
    """A selected bidder drops out; the first in the waiting room moves up. Returns the
    bid that moved up, if any."""
    if inschrijving.status != IS.GESELECTEERD:
        raise ValidationError(f"Inschrijving {inschrijving.nummer} is niet geselecteerd.")
    if not reden.strip():
        raise ValidationError("Geef de reden van de uitval.")
    a = inschrijving.aanbesteding
    if a.selectie_per_perceel:
        return _uitval_per_perceel(inschrijving, reden)
    geselecteerd = tuple(
        a.inschrijvingen.filter(status=IS.GESELECTEERD)
        .order_by("rang")
        .values_list("nummer", flat=True)
    )
    wachtkamer = tuple(
        a.inschrijvingen.filter(status=IS.WACHTKAMER)
        .order_by("rang")
        .values_list("nummer", flat=True)
    )
    na = r.uitval(r.Selectie(geselecteerd, wachtkamer, ()), inschrijving.nummer)
    status_wijzig(inschrijving, naar=IS.TERUGGETROKKEN, reden=reden, velden={"reden": reden})
    if not na.opgeschoven:
        return None
    op = a.inschrijvingen.get(nummer=na.opgeschoven[-1])
    tekst = f"opgeschoven uit de wachtkamer na uitval van {inschrijving.nummer}"
    status_wijzig(op, naar=IS.GESELECTEERD, reden=tekst, velden={"reden": tekst})
    return op


def _uitval_per_perceel(inschrijving: Inschrijving, reden: str) -> Inschrijving | None:
    """In every lot where the bid was selected, the first of that lot's waiting room
    moves up; its places in waiting rooms lapse. Returns the first bid that moved up."""
    opgeschoven: list[Inschrijving] = []
    for plaats in inschrijving.plaatsen.select_related("perceel").order_by("perceel__code"):
        was = plaats.status
        if was not in (IS.GESELECTEERD, IS.WACHTKAMER):
            continue
        status_wijzig(plaats, naar=IS.TERUGGETROKKEN, reden=f"uitval: {reden}")
        if was != IS.GESELECTEERD:
            continue
        volgende = (
            Perceelplaats.objects.filter(perceel=plaats.perceel, status=IS.WACHTKAMER)
            .select_related("inschrijving")
            .order_by("rang")
            .first()
        )
        if volgende is None:
            continue
        tekst = (
            f"{plaats.perceel.code}: opgeschoven uit de wachtkamer na uitval van "
            f"{inschrijving.nummer}"
        )
        status_wijzig(volgende, naar=IS.GESELECTEERD, reden=tekst)
        op = volgende.inschrijving
        if op.status == IS.GESELECTEERD:  # selected in another lot already
            op.reden = f"{op.reden}; {tekst}"
            op.save()
        else:
            status_wijzig(
                op, naar=IS.GESELECTEERD, reden=tekst, velden={"reden": f"{op.reden}; {tekst}"}
            )
        opgeschoven.append(op)
    status_wijzig(inschrijving, naar=IS.TERUGGETROKKEN, reden=reden, velden={"reden": reden})
    return opgeschoven[0] if opgeschoven else None
