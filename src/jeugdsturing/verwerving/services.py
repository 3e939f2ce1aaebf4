"""Every write of the tender: keyword-only functions, each in one transaction, each
checking the rule it is about and saying in Dutch what is wrong (docs/verwerving.md)."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from jeugdsturing.contracten import services as cs
from jeugdsturing.contracten.models import Aanbieder, Begroting
from jeugdsturing.contracten.verdeling import lumpsums_verdelen
from jeugdsturing.core.levenscyclus import controleer_overgang
from jeugdsturing.regio.models import Thema
from jeugdsturing.verwerving import rangschikking as r
from jeugdsturing.verwerving.models import (
    AANBESTEDING_OVERGANGEN,
    AFSPRAAK_OVERGANGEN,
    Aanbesteding,
    AanbestedingStatus,
    AanbestedingStatuswijziging,
    Aanbod,
    Afspraak,
    Beoordelaar,
    Bezwaar,
    Consensus,
    Criterium,
    Dialoogonderwerp,
    Dialoogronde,
    Dialoogsessie,
    Eindbod,
    Eis,
    Eistoets,
    Inschrijving,
    InschrijvingStatus,
    Loting,
    Perceel,
    Score,
    Toetsuitkomst,
    Vraag,
)

IS = InschrijvingStatus


def _nu(op: datetime | None) -> datetime:
    return op if op is not None else timezone.now()


def _vandaag(op: date | None) -> date:
    return op if op is not None else timezone.localdate()


# --- lifecycle ------------------------------------------------------------------------


def einde_bezwaartermijn(aanbesteding: Aanbesteding) -> date | None:
    """The last day objections to the selection can be made (calendar days)."""
    if aanbesteding.selectie_bekendgemaakt_op is None:
        return None
    return aanbesteding.selectie_bekendgemaakt_op + timedelta(
        days=aanbesteding.bezwaartermijn_dagen
    )


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
    controleer_overgang(
        AANBESTEDING_OVERGANGEN, a.status, naar, f"Aanbesteding {a.referentie}", reden
    )
    moment = _nu(op)
    if naar == AanbestedingStatus.BEOORDELING and moment <= a.inschrijven_tot:
        raise ValidationError(
            f"De inschrijftermijn loopt tot {a.inschrijven_tot:%d-%m-%Y %H:%M}; "
            "pas daarna kan de beoordeling beginnen."
        )
    if naar == AanbestedingStatus.DIALOOG:
        einde = einde_bezwaartermijn(a)
        if einde is None or moment.date() <= einde:
            raise ValidationError(
                f"De bezwaartermijn van de selectie loopt tot en met {einde:%d-%m-%Y}."
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
    van = a.status
    a.status = naar
    a._change_reason = reden  # type: ignore[attr-defined]
    a.save()
    AanbestedingStatuswijziging.objects.create(
        aanbesteding=a, van=van, naar=naar, door=door, reden=reden
    )
    return a


# --- questions and the Nota van Inlichtingen -----------------------------------------


@transaction.atomic
def vraag_stel(
    *, aanbesteding: Aanbesteding, aanbieder: Aanbieder, tekst: str, op: datetime | None = None
) -> Vraag:
    moment = _nu(op)
    if aanbesteding.status != AanbestedingStatus.AANGEKONDIGD:
        raise ValidationError("Vragen kunnen alleen zolang de aanbesteding aangekondigd is.")
    if moment > aanbesteding.vragen_tot:
        raise ValidationError(
            f"De termijn voor vragen is verstreken op {aanbesteding.vragen_tot:%d-%m-%Y %H:%M}."
        )
    if not tekst.strip():
        raise ValidationError("De vraag is leeg.")
    return Vraag.objects.create(
        aanbesteding=aanbesteding, gesteld_door=aanbieder, tekst=tekst.strip(), gesteld_op=moment
    )


@transaction.atomic
def vraag_beantwoord(*, vraag: Vraag, antwoord: str, op: datetime | None = None) -> Vraag:
    if vraag.nota_nummer is not None:
        raise ValidationError(
            f"Vraag {vraag.volgnummer} is al gepubliceerd in nota {vraag.nota_nummer}."
        )
    if not antwoord.strip():
        raise ValidationError("Het antwoord is leeg.")
    vraag.antwoord = antwoord.strip()
    vraag.beantwoord_op = _nu(op)
    vraag.save()
    return vraag


@transaction.atomic
def nota_publiceer(*, aanbesteding: Aanbesteding) -> int:
    """Publish every answered, unpublished question as the next numbered Nota van
    Inlichtingen; the questions are numbered on (no name of the asker is published)."""
    nieuw = list(
        Vraag.objects.select_for_update()
        .filter(aanbesteding=aanbesteding, nota_nummer__isnull=True, beantwoord_op__isnull=False)
        .order_by("gesteld_op", "pk")
    )
    if not nieuw:
        raise ValidationError("Er zijn geen beantwoorde vragen die nog niet gepubliceerd zijn.")
    laatste = Vraag.objects.filter(aanbesteding=aanbesteding).aggregate(
        n=Max("nota_nummer"), v=Max("volgnummer")
    )
    nummer = (laatste["n"] or 0) + 1
    volg = laatste["v"] or 0
    for v in nieuw:
        volg += 1
        v.nota_nummer, v.volgnummer = nummer, volg
        v.save()
    return nummer


# --- bids -------------------------------------------------------------------------------


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
    if aanbesteding.status != AanbestedingStatus.AANGEKONDIGD:
        raise ValidationError("Inschrijven kan alleen zolang de aanbesteding aangekondigd is.")
    if moment > aanbesteding.inschrijven_tot:
        raise ValidationError(
            f"De inschrijftermijn is verstreken op {aanbesteding.inschrijven_tot:%d-%m-%Y %H:%M}: "
            "de inschrijving is niet aangenomen."
        )
    if not percelen:
        raise ValidationError("Kies ten minste één perceel of thema.")
    vreemd = [p.code for p in percelen if p.aanbesteding_id != aanbesteding.pk]
    if vreemd:
        raise ValidationError(f"Percelen {', '.join(vreemd)} horen niet bij deze aanbesteding.")
    if aanbieder in leden:
        raise ValidationError("De penvoerder staat ook als combinant vermeld.")
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
    i.percelen.set(percelen)
    i.leden.set(leden)
    return i


class Verzegeld(PermissionDenied):
    """A bid cannot be opened before the bid deadline."""


def inschrijving_open(
    *, inschrijving: Inschrijving, aanbieder: Aanbieder | None = None, op: datetime | None = None
) -> Inschrijving:
    """The bid's content for the team (after the deadline) or for its own bidder
    (always). Before the deadline nobody else can open it."""
    if aanbieder is not None and aanbieder.pk == inschrijving.aanbieder_id:
        return inschrijving
    deadline = inschrijving.aanbesteding.inschrijven_tot
    if _nu(op) <= deadline:
        raise Verzegeld(
            f"Inschrijving {inschrijving.nummer} is verzegeld tot {deadline:%d-%m-%Y %H:%M}."
        )
    if aanbieder is not None:
        raise PermissionDenied("Een inschrijver ziet alleen de eigen inschrijving.")
    return inschrijving


@transaction.atomic
def eis_toets(
    *,
    inschrijving: Inschrijving,
    eis: Eis,
    uitkomst: str,
    motivering: str,
    door: User | None = None,
) -> Eistoets:
    if uitkomst not in Toetsuitkomst.values:
        raise ValidationError(f"Onbekende uitkomst '{uitkomst}'.")
    if not motivering.strip():
        raise ValidationError(f"Motiveer de toets van {eis.code}.")
    if eis.aanbesteding_id != inschrijving.aanbesteding_id:
        raise ValidationError(f"Eis {eis.code} hoort niet bij deze aanbesteding.")
    toets, _ = Eistoets.objects.update_or_create(
        inschrijving=inschrijving,
        eis=eis,
        defaults={"uitkomst": uitkomst, "motivering": motivering, "door": door},
    )
    if uitkomst == Toetsuitkomst.NIET_VOLDAAN:
        inschrijving.status = IS.UITGESLOTEN
        inschrijving.reden = f"eis {eis.code} ({eis.omschrijving}) niet voldaan: {motivering}"
        inschrijving.save()
    elif (
        inschrijving.status == IS.UITGESLOTEN
        and not inschrijving.toetsen.filter(uitkomst=Toetsuitkomst.NIET_VOLDAAN).exists()
    ):
        # A repaired requirement (herstel) brings the bid back.
        inschrijving.status, inschrijving.reden = IS.INGEDIEND, ""
        inschrijving.save()
    return toets


# --- scoring --------------------------------------------------------------------------


@transaction.atomic
def beoordelaar_verklaar(
    *, beoordelaar: Beoordelaar, belangen: str = "", op: datetime | None = None
) -> Beoordelaar:
    """The declaration of (no) conflict of interest; without it no score."""
    beoordelaar.verklaring_op = _nu(op)
    beoordelaar.belangen = belangen
    beoordelaar.save()
    return beoordelaar


@transaction.atomic
def score_geef(
    *,
    beoordelaar: Beoordelaar,
    inschrijving: Inschrijving,
    criterium: Criterium,
    waarde: Decimal,
    motivering: str,
) -> Score:
    a = inschrijving.aanbesteding
    if beoordelaar.aanbesteding_id != a.pk or criterium.aanbesteding_id != a.pk:
        raise ValidationError(
            "Beoordelaar, inschrijving en criterium horen niet bij één aanbesteding."
        )
    if beoordelaar.verklaring_op is None:
        raise ValidationError("Teken eerst de verklaring over belangenconflicten.")
    if not beoordelaar.inschrijvingen.filter(pk=inschrijving.pk).exists():
        raise PermissionDenied(f"Inschrijving {inschrijving.nummer} is niet aan u toegewezen.")
    if inschrijving.status != IS.INGEDIEND:
        raise ValidationError(
            f"Inschrijving {inschrijving.nummer} is {inschrijving.get_status_display()}."
        )
    if a.status != AanbestedingStatus.BEOORDELING:
        raise ValidationError("Scoren kan alleen in de fase toetsing en beoordeling.")
    if not a.schaal_min <= waarde <= a.schaal_max:
        raise ValidationError(
            f"Score {waarde} ligt buiten de schaal {a.schaal_min}-{a.schaal_max}."
        )
    if not motivering.strip():
        raise ValidationError(f"Motiveer de score op {criterium.code}.")
    bestaand = Score.objects.filter(
        beoordelaar=beoordelaar, inschrijving=inschrijving, criterium=criterium
    ).first()
    if bestaand is not None and bestaand.ingediend_op is not None:
        raise ValidationError("Deze score is al ingediend en ligt vast.")
    score, _ = Score.objects.update_or_create(
        beoordelaar=beoordelaar, inschrijving=inschrijving, criterium=criterium,
        defaults={"waarde": waarde, "motivering": motivering},
    )  # fmt: skip
    return score


@transaction.atomic
def scores_dien_in(
    *, beoordelaar: Beoordelaar, inschrijving: Inschrijving, op: datetime | None = None
) -> None:
    criteria = set(inschrijving.aanbesteding.criteria.values_list("pk", flat=True))
    eigen = Score.objects.filter(beoordelaar=beoordelaar, inschrijving=inschrijving)
    ontbreekt = criteria - set(eigen.values_list("criterium_id", flat=True))
    if ontbreekt:
        codes = Criterium.objects.filter(pk__in=ontbreekt).values_list("code", flat=True)
        raise ValidationError(f"Nog geen score op {', '.join(sorted(codes))}.")
    eigen.filter(ingediend_op__isnull=True).update(ingediend_op=_nu(op))


def alle_ingediend(inschrijving: Inschrijving) -> bool:
    """Have all assessors assigned to the bid submitted all their scores?"""
    n_criteria = inschrijving.aanbesteding.criteria.count()
    beoordelaars = list(inschrijving.beoordelaars.all())
    if not beoordelaars:
        return False
    ingediend = Score.objects.filter(
        inschrijving=inschrijving, beoordelaar__in=beoordelaars, ingediend_op__isnull=False
    ).count()
    return ingediend == n_criteria * len(beoordelaars)


def zichtbare_scores(*, beoordelaar: Beoordelaar, inschrijving: Inschrijving) -> list[Score]:
    """Blind scoring: an assessor sees only his own scores until every assessor of the
    bid has submitted; then all."""
    qs = Score.objects.filter(inschrijving=inschrijving).select_related("criterium", "beoordelaar")
    if alle_ingediend(inschrijving):
        return list(qs)
    return list(qs.filter(beoordelaar=beoordelaar))


@transaction.atomic
def consensus_stel_vast(
    *,
    inschrijving: Inschrijving,
    criterium: Criterium,
    waarde: Decimal,
    motivering: str,
    door: User | None = None,
) -> Consensus:
    if not alle_ingediend(inschrijving):
        raise ValidationError(
            f"Inschrijving {inschrijving.nummer}: nog niet alle beoordelaars hebben ingediend."
        )
    a = inschrijving.aanbesteding
    if not a.schaal_min <= waarde <= a.schaal_max:
        raise ValidationError(
            f"Score {waarde} ligt buiten de schaal {a.schaal_min}-{a.schaal_max}."
        )
    if not motivering.strip():
        raise ValidationError("Motiveer de consensusscore.")
    c, _ = Consensus.objects.update_or_create(
        inschrijving=inschrijving, criterium=criterium,
        defaults={"schriftelijk": waarde, "waarde": waarde, "motivering": motivering,
                  "aanpassingsreden": "", "vastgesteld_door": door},
    )  # fmt: skip
    return c


@transaction.atomic
def consensus_pas_aan(
    *, consensus: Consensus, waarde: Decimal, reden: str, door: User | None = None
) -> Consensus:
    """After the oral explanation: a new final score, only with a recorded reason; the
    written score stays."""
    if not reden.strip():
        raise ValidationError("Een aanpassing na het toelichtingsgesprek vraagt om een reden.")
    a = consensus.inschrijving.aanbesteding
    if not a.schaal_min <= waarde <= a.schaal_max:
        raise ValidationError(
            f"Score {waarde} ligt buiten de schaal {a.schaal_min}-{a.schaal_max}."
        )
    consensus.waarde = waarde
    consensus.aanpassingsreden = reden
    consensus.vastgesteld_door = door
    consensus._change_reason = reden  # type: ignore[attr-defined]
    consensus.save()
    return consensus


# --- ranking and selection ------------------------------------------------------------


def criteria_van(a: Aanbesteding) -> list[r.Criterium]:
    return [r.Criterium(c.code, c.weging, c.minimum) for c in a.criteria.all()]


def beoordelingen(a: Aanbesteding) -> list[r.Beoordeling]:
    """The final scores of every bid still in the running (not excluded)."""
    criteria = list(a.criteria.values_list("code", flat=True))
    uit = []
    for i in a.inschrijvingen.filter(status=IS.INGEDIEND).prefetch_related("consensus__criterium"):
        scores = {c.criterium.code: c.waarde for c in i.consensus.all()}
        ontbreekt = [c for c in criteria if c not in scores]
        if ontbreekt:
            raise ValidationError(
                f"Inschrijving {i.nummer}: nog geen consensus op {', '.join(ontbreekt)}."
            )
        uit.append(r.Beoordeling(i.nummer, scores))
    return uit


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
    selectie = r.selecteer(uitslag, a.max_partners, a.wachtkamer)
    per_nummer = {i.nummer: i for i in a.inschrijvingen.all()}
    for afw in uitslag.afgewezen:
        i = per_nummer[afw.inschrijving]
        i.status, i.totaal, i.rang, i.reden = IS.AFGEWEZEN, afw.totaal, None, afw.reden
        i.save()
    laagste = (
        uitslag.plaatsen[len(selectie.geselecteerd) - 1].totaal if selectie.geselecteerd else None
    )
    for p in uitslag.plaatsen:
        i = per_nummer[p.inschrijving]
        i.totaal, i.rang = p.totaal, p.rang
        if p.inschrijving in selectie.geselecteerd:
            i.status, i.reden = IS.GESELECTEERD, ""
        elif p.inschrijving in selectie.wachtkamer:
            i.status, i.reden = IS.WACHTKAMER, f"rang {p.rang}: wachtkamer"
        else:
            i.status = IS.NIET_GESELECTEERD
            i.reden = (
                f"rang {p.rang}: buiten de {a.max_partners} hoogst gerangschikten "
                f"(laagste geselecteerde: {laagste})"
            )
        i.save()
    return selectie


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
    inschrijving.status, inschrijving.reden = IS.TERUGGETROKKEN, reden
    inschrijving.save()
    if not na.opgeschoven:
        return None
    op = a.inschrijvingen.get(nummer=na.opgeschoven[-1])
    op.status, op.reden = (
        IS.GESELECTEERD,
        f"opgeschoven uit de wachtkamer na uitval van {inschrijving.nummer}",
    )
    op.save()
    return op


# --- distribution, final bids and award -------------------------------------------------


def verdeelsleutels(a: Aanbesteding) -> dict[int, dict[int, Decimal]]:
    """Per theme id: the weight of every partner still in the running (selected; a
    refused offer withdraws the bid) that bid on that theme's lot: its stated maximum
    capacity for the theme when the capacity statement names the theme, otherwise an
    equal share (1)."""
    sleutels: dict[int, dict[int, Decimal]] = {}
    partners = a.inschrijvingen.filter(status=IS.GESELECTEERD).prefetch_related("percelen__thema")
    for i in partners:
        for p in i.percelen.all():
            thema = p.thema
            if thema is None:
                continue
            capaciteit = [
                Decimal(str(c.get("max", 0)))
                for c in i.capaciteit
                if isinstance(c, dict) and c.get("thema") == thema.code
            ]
            sleutels.setdefault(thema.pk, {})[i.pk] = sum(capaciteit, Decimal(0)) or Decimal(1)
    return sleutels


@transaction.atomic
def verdeling_maak(*, aanbesteding: Aanbesteding, jaar: int) -> dict[int, int]:
    """Divide every gemeente's budget per theme for `jaar` (contracten.Begroting) over
    the partners with the lump-sum allocation of contracten (exact to the cent). The
    result replaces the offers of that year; returns the total per bid (eurocent).
    A theme with budget but no partner is a coverage gap and stops the distribution."""
    a = aanbesteding
    if a.status not in (AanbestedingStatus.DIALOOG, AanbestedingStatus.EINDINSCHRIJVING):
        raise ValidationError("De verdeling hoort bij de dialoog en de eindinschrijving.")
    budgetten = {
        (b.gemeente_id, b.thema_id or 0): b.bedrag_eurocent
        for b in Begroting.objects.filter(regio=a.regio, jaar=jaar, thema__isnull=False)
    }
    if not budgetten:
        raise ValidationError(f"Regio {a.regio.code} heeft voor {jaar} geen themabudgetten.")
    per_thema = verdeelsleutels(a)
    gaten = sorted({t for (_, t) in budgetten if not per_thema.get(t)})
    if gaten:
        codes = Thema.objects.filter(pk__in=gaten).values_list("code", flat=True)
        raise ValidationError(f"Geen partner voor thema {', '.join(codes)}: dekking ontbreekt.")
    sleutels = {(g, t): per_thema[t] for (g, t) in budgetten}
    verdeeld = lumpsums_verdelen(budgetten, sleutels)
    Aanbod.objects.filter(inschrijving__aanbesteding=a, jaar=jaar).delete()
    totaal: dict[int, int] = {}
    for (inschrijving_id, gemeente_id, thema_id), bedrag in sorted(verdeeld.items()):
        Aanbod.objects.create(
            inschrijving_id=inschrijving_id, jaar=jaar, gemeente_id=gemeente_id,
            thema_id=thema_id, bedrag_eurocent=bedrag,
        )  # fmt: skip
        totaal[inschrijving_id] = totaal.get(inschrijving_id, 0) + bedrag
    return totaal


@transaction.atomic
def eindbod_geef(
    *, inschrijving: Inschrijving, aanvaard: bool, toelichting: str = "", op: date | None = None
) -> Eindbod:
    """A partner accepts or refuses its offer. A refusal takes it out and divides the
    year's budgets again over the others (the volume is reopened)."""
    a = inschrijving.aanbesteding
    if a.status != AanbestedingStatus.EINDINSCHRIJVING:
        raise ValidationError(
            "Een eindinschrijving kan alleen in de fase aanbod en eindinschrijving."
        )
    if inschrijving.status != IS.GESELECTEERD:
        raise ValidationError(f"Inschrijving {inschrijving.nummer} is geen partner.")
    if not inschrijving.aanbod.exists():
        raise ValidationError(f"Inschrijving {inschrijving.nummer} heeft nog geen aanbod.")
    if not aanvaard and not toelichting.strip():
        raise ValidationError("Geef de reden van de weigering.")
    bod, _ = Eindbod.objects.update_or_create(
        inschrijving=inschrijving,
        defaults={"aanvaard": aanvaard, "op": _vandaag(op), "toelichting": toelichting},
    )
    if not aanvaard:
        jaren = sorted(set(inschrijving.aanbod.values_list("jaar", flat=True)))
        inschrijving.status, inschrijving.reden = (
            IS.TERUGGETROKKEN,
            f"aanbod geweigerd: {toelichting}",
        )
        inschrijving.save()
        for jaar in jaren:
            verdeling_maak(aanbesteding=a, jaar=jaar)
    return bod


def einde_bezwaartermijn_gunning(aanbesteding: Aanbesteding) -> date | None:
    if aanbesteding.voorlopig_gegund_op is None:
        return None
    return aanbesteding.voorlopig_gegund_op + timedelta(days=aanbesteding.bezwaartermijn_dagen)


@transaction.atomic
def gunning_voorlopig(
    *, aanbesteding: Aanbesteding, op: date | None = None, door: User | None = None
) -> Aanbesteding:
    """Provisional award: every partner has accepted its offer; the standstill starts."""
    a = aanbesteding
    partners = a.inschrijvingen.filter(status=IS.GESELECTEERD)
    open_ = list(partners.exclude(eindbod__aanvaard=True).values_list("nummer", flat=True))
    if open_:
        raise ValidationError(
            f"Nog geen aanvaard aanbod van inschrijving {', '.join(map(str, open_))}."
        )
    a = aanbesteding_status_wijzig(
        aanbesteding=a, naar=AanbestedingStatus.VOORLOPIGE_GUNNING,
        reden="voorlopige gunning bekendgemaakt", door=door,
    )  # fmt: skip
    a.voorlopig_gegund_op = _vandaag(op)
    a.save()
    return a


@transaction.atomic
def gunning_definitief(
    *,
    aanbesteding: Aanbesteding,
    ingangsdatum: date,
    einddatum: date,
    verlengingsopties: int = 0,
    verlengingsduur_jaren: int = 0,
    op: date | None = None,
    door: User | None = None,
) -> list[int]:
    """After the standstill (and with no open objection against the award): the award
    becomes definitive and creates a contract per partner (the penvoerder's, with the
    combination) and the lump sums of the accepted offers. Returns the contract ids."""
    a = Aanbesteding.objects.select_for_update().get(pk=aanbesteding.pk)
    dag = _vandaag(op)
    einde = einde_bezwaartermijn_gunning(a)
    if einde is None or dag <= einde:
        raise ValidationError(
            f"De bezwaartermijn van de voorlopige gunning loopt tot en met {einde:%d-%m-%Y}."
            if einde
            else "Er is nog geen voorlopige gunning."
        )
    if Bezwaar.objects.filter(
        inschrijving__aanbesteding=a, tegen="gunning", afgehandeld_op__isnull=True
    ).exists():
        raise ValidationError("Er staan bezwaren tegen de gunning open: eerst afhandelen.")
    ids = []
    per_jaar: dict[int, dict[tuple[int, int, int], int]] = {}
    for i in a.inschrijvingen.filter(status=IS.GESELECTEERD).select_related("aanbieder"):
        leden = list(i.leden.all())
        combinatie = (
            cs.combinatie_create(
                naam=f"Combinatie {i.aanbieder.naam}", penvoerder=i.aanbieder, leden=leden
            )
            if leden
            else None
        )
        themas = [p.thema for p in i.percelen.all() if p.thema is not None]
        ok = cs.overeenkomst_create(
            regio=a.regio, nummer=f"{a.referentie}-{i.nummer:02d}", aanbieder=i.aanbieder,
            ingangsdatum=ingangsdatum, einddatum=einddatum, themas=themas, combinatie=combinatie,
            verlengingsopties=verlengingsopties, verlengingsduur_jaren=verlengingsduur_jaren,
            door=door,
        )  # fmt: skip
        ids.append(ok.pk)
        for bod in i.aanbod.all():
            per_jaar.setdefault(bod.jaar, {})[(ok.pk, bod.gemeente_id, bod.thema_id)] = (
                bod.bedrag_eurocent
            )
        i.status = IS.GEGUND
        i.save()
    for jaar, bedragen in sorted(per_jaar.items()):
        cs.lumpsums_vaststellen(
            regio=a.regio, jaar=jaar, bedragen=bedragen, door=door,
            sleutelbron=f"aanbesteding {a.referentie}: verdeling en eindinschrijving",
            reden=f"gunning {a.referentie}",
        )  # fmt: skip
    a.gegund_op = dag
    a.save()
    aanbesteding_status_wijzig(
        aanbesteding=a, naar=AanbestedingStatus.GEGUND, reden="definitief gegund", door=door
    )
    return ids


# --- dialogue -------------------------------------------------------------------------


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
            f"{datum:%d-%m-%Y} valt buiten ronde {ronde.nummer} ({ronde.van:%d-%m-%Y} t/m "
            f"{ronde.tot:%d-%m-%Y})."
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
    return Afspraak.objects.create(onderwerp=onderwerp, tekst=tekst.strip(), sessie=sessie)


@transaction.atomic
def afspraak_status_wijzig(*, afspraak: Afspraak, naar: str, reden: str) -> Afspraak:
    controleer_overgang(AFSPRAAK_OVERGANGEN, afspraak.status, naar, "Afspraak", reden)
    afspraak.status = naar
    afspraak._change_reason = reden  # type: ignore[attr-defined]
    afspraak.save()
    return afspraak


# --- coverage ---------------------------------------------------------------------------


def partnercapaciteit(a: Aanbesteding) -> list[tuple[int, dict[str, Any]]]:
    """The capacity statements of the partners (selected bids)."""
    return [
        (i.nummer, dict(regel))
        for i in a.inschrijvingen.filter(status=IS.GESELECTEERD).order_by("nummer")
        for regel in i.capaciteit
        if isinstance(regel, dict)
    ]


def vraag_uit_monitor(a: Aanbesteding, van: date, tot: date) -> dict[tuple[str, str], int]:
    """Expected demand per area from the monitor: the distinct clients in care per gebied
    in [van, tot] (expertise "alle"); areas without a code are left out."""
    from jeugdsturing.monitor.indicatoren import Periode, bereken
    from jeugdsturing.monitor.selectors import monitor_data

    data = monitor_data(a.regio)
    rijen = bereken(data.trajecten, data.verlengingen, [Periode(van, tot)], ["gebied"]).to_dicts()
    return {("alle", str(r["gebied"])): int(r["clients_in_care"]) for r in rijen if r["gebied"]}
