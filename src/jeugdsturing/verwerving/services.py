"""Every write of the tender: keyword-only functions, each in one transaction, each
checking the rule it is about and saying in Dutch what is wrong (docs/verwerving.md)."""

from __future__ import annotations

import hashlib
import secrets
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from jeugdsturing.contracten import services as cs
from jeugdsturing.contracten.models import Aanbieder, Begroting
from jeugdsturing.contracten.verdeling import lumpsums_verdelen
from jeugdsturing.core.access import Actie, Sectie, mag, scope_van
from jeugdsturing.core.levenscyclus import controleer, status_begin, status_vermeld, status_wijzig
from jeugdsturing.regio.models import Thema
from jeugdsturing.verwerving import dekking
from jeugdsturing.verwerving import rangschikking as r
from jeugdsturing.verwerving import sjablonen as sj
from jeugdsturing.verwerving.models import (
    Aanbesteding,
    AanbestedingStatus,
    Aanbod,
    Afspraak,
    Beoordelaar,
    Bewijsstuk,
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
    Mijlpaal,
    Perceel,
    Perceelplaats,
    Score,
    Toetsuitkomst,
    Vraag,
    Vraagraming,
)

IS = InschrijvingStatus


def tijd(moment: datetime) -> str:
    """A moment as the user reads it: Dutch local time, day-month-year hours:minutes."""
    return f"{timezone.localtime(moment):%d-%m-%Y %H:%M}"


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
    onderwerp = f"Aanbesteding {a.referentie}"
    controleer(a, naar=naar, reden=reden, onderwerp=onderwerp)
    moment = _nu(op)
    if naar == AanbestedingStatus.AANGEKONDIGD:
        _controleer_aankondiging(a)
    if naar == AanbestedingStatus.BEOORDELING and moment <= a.inschrijven_tot:
        raise ValidationError(
            f"De inschrijftermijn loopt tot {tijd(a.inschrijven_tot)}; "
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
    return status_wijzig(a, naar=naar, reden=reden, door=door, onderwerp=onderwerp)


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
            f"De termijn voor vragen is verstreken op {tijd(aanbesteding.vragen_tot)}."
        )
    if not tekst.strip():
        raise ValidationError("De vraag is leeg.")
    return Vraag.objects.create(
        aanbesteding=aanbesteding, gesteld_door=aanbieder, tekst=tekst.strip(), gesteld_op=moment
    )


@transaction.atomic
def vraag_beantwoord(
    *, vraag: Vraag, antwoord: str, publicatietekst: str | None = None, op: datetime | None = None
) -> Vraag:
    """Answer a question before publication; `publicatietekst` is the question as it will
    be published when the asker's wording would identify them (the original is kept)."""
    if vraag.nota_nummer is not None:
        raise ValidationError(
            f"Vraag {vraag.volgnummer} is al gepubliceerd in nota {vraag.nota_nummer}."
        )
    if not antwoord.strip():
        raise ValidationError("Het antwoord is leeg.")
    vraag.antwoord = antwoord.strip()
    if publicatietekst is not None:
        vraag.publicatietekst = (
            "" if publicatietekst.strip() == vraag.tekst.strip() else publicatietekst.strip()
        )
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
    return i


# What a bidder may attach, recognised by content (not by the name it claims).
_MAGIE: list[tuple[bytes, str, str, tuple[str, ...]]] = [
    (b"%PDF-", "application/pdf", "PDF", (".pdf",)),
    (b"PK\x03\x04", "application/zip", "een zip- of Office-bestand",
     (".docx", ".xlsx", ".pptx", ".odt", ".ods")),
    (b"\x89PNG\r\n\x1a\n", "image/png", "PNG", (".png",)),
    (b"\xff\xd8\xff", "image/jpeg", "JPEG", (".jpg", ".jpeg")),
]  # fmt: skip
_OFFICE = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
}


def bestandssoort(naam: str, inhoud: bytes) -> str:
    """The content type of an attachment, from its first bytes and its extension; a
    ValidationError naming the file when it is not a PDF, office document or image, or
    when its name and content disagree."""
    extensie = ("." + naam.rsplit(".", 1)[-1].lower()) if "." in naam else ""
    for magie, soort, leesbaar, extensies in _MAGIE:
        if inhoud.startswith(magie):
            if extensie not in extensies:
                raise ValidationError(
                    f"{naam}: de inhoud is {leesbaar}, maar de naam eindigt op "
                    f"'{extensie or '(geen extensie)'}'."
                )
            return _OFFICE.get(extensie, soort)
    raise ValidationError(
        f"{naam}: geen PDF, Office- of OpenDocument-bestand, PNG of JPEG "
        f"(begint met {inhoud[:8]!r})."
    )


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
    grens = settings.TENDER_MAX_FILE_MB * 1024 * 1024
    if not inhoud:
        raise ValidationError(f"{naam}: het bestand is leeg.")
    if len(inhoud) > grens:
        raise ValidationError(
            f"{naam}: {len(inhoud) / 1024 / 1024:.1f} MB is groter dan de grens van "
            f"{settings.TENDER_MAX_FILE_MB} MB."
        )
    naam = naam.replace("\\", "/").rsplit("/", 1)[-1][:200]
    return Bewijsstuk.objects.create(
        inschrijving=inschrijving, eis=eis, soort=soort, naam=naam,
        content_type=bestandssoort(naam, inhoud), grootte=len(inhoud),
        sha256=hashlib.sha256(inhoud).hexdigest(), inhoud=inhoud, geupload_op=moment,
    )  # fmt: skip


@transaction.atomic
def bewijsstuk_verwijder(*, bewijsstuk: Bewijsstuk, op: datetime | None = None) -> None:
    a = bewijsstuk.inschrijving.aanbesteding
    if _nu(op) > a.inschrijven_tot:
        raise ValidationError("Na de inschrijftermijn blijven de bijlagen zoals ze zijn.")
    bewijsstuk.delete()


def bewijsstuk_open(
    *, bewijsstuk: Bewijsstuk, aanbieder: Aanbieder | None = None, op: datetime | None = None
) -> Bewijsstuk:
    """Sealed like its bid: the own bidder always, the team only after the deadline."""
    inschrijving_open(inschrijving=bewijsstuk.inschrijving, aanbieder=aanbieder, op=op)
    return bewijsstuk


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
        raise Verzegeld(f"Inschrijving {inschrijving.nummer} is verzegeld tot {tijd(deadline)}.")
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
        tekst = f"eis {eis.code} ({eis.omschrijving}) niet voldaan: {motivering}"
        if inschrijving.status == IS.UITGESLOTEN:
            inschrijving.reden = tekst  # excluded already: the latest reason
            inschrijving.save()
        else:
            status_wijzig(
                inschrijving, naar=IS.UITGESLOTEN, reden=tekst, door=door, velden={"reden": tekst}
            )
    elif (
        inschrijving.status == IS.UITGESLOTEN
        and not inschrijving.toetsen.filter(uitkomst=Toetsuitkomst.NIET_VOLDAAN).exists()
    ):
        # A repaired requirement (herstel) brings the bid back.
        status_wijzig(
            inschrijving, naar=IS.INGEDIEND, door=door, velden={"reden": ""},
            reden=f"eis {eis.code} hersteld: {motivering}",
        )  # fmt: skip
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
    moment = _nu(op)
    for score in eigen.filter(ingediend_op__isnull=True):  # one by one: each in the history
        score.ingediend_op = moment
        score._change_reason = "ingediend"  # type: ignore[attr-defined]
        score.save()


def alle_ingediend(inschrijving: Inschrijving) -> bool:
    """Have all assessors assigned to the bid submitted all their scores?"""
    return inschrijving.pk in volledig_beoordeeld(inschrijving.aanbesteding, inschrijving)


def volledig_beoordeeld(a: Aanbesteding, inschrijving: Inschrijving | None = None) -> set[int]:
    """The bids (pks) of the tender, or just `inschrijving`, with at least one assessor,
    whose assigned assessors have all submitted a score on every criterion. Three queries
    whatever the number of bids."""
    toewijzingen = Beoordelaar.inschrijvingen.through.objects.filter(inschrijving__aanbesteding=a)
    scores = Score.objects.filter(inschrijving__aanbesteding=a, ingediend_op__isnull=False)
    if inschrijving is not None:
        toewijzingen = toewijzingen.filter(inschrijving=inschrijving)
        scores = scores.filter(inschrijving=inschrijving)
    toegewezen: dict[int, set[int]] = {}
    for bod, beoordelaar in toewijzingen.values_list("inschrijving_id", "beoordelaar_id"):
        toegewezen.setdefault(bod, set()).add(beoordelaar)
    ingediend = Counter(scores.values_list("inschrijving_id", "beoordelaar_id"))
    n_criteria = a.criteria.count()
    return {
        bod
        for bod, beoordelaars in toegewezen.items()
        if all(ingediend[(bod, b)] == n_criteria for b in beoordelaars)
    }


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


# --- distribution, final bids and award -------------------------------------------------


def verdeelsleutels(a: Aanbesteding) -> dict[int, dict[int, Decimal]]:
    """Per theme id: the weight of every partner still in the running (selected; a
    refused offer withdraws the bid) that bid on that theme's lot: its stated maximum
    capacity for the theme when the capacity statement names the theme or its lot, otherwise an
    equal share (1). With selection per lot only the lots where it is selected count."""
    sleutels: dict[int, dict[int, Decimal]] = {}
    partners = a.inschrijvingen.filter(status=IS.GESELECTEERD).prefetch_related(
        "percelen__thema", "plaatsen__perceel__thema"
    )
    for i in partners:
        percelen = (
            [pl.perceel for pl in i.plaatsen.all() if pl.status == IS.GESELECTEERD]
            if a.selectie_per_perceel
            else list(i.percelen.all())
        )
        for p in percelen:
            thema = p.thema
            if thema is None:
                continue
            capaciteit = [
                Decimal(str(c.get("max", 0)))
                for c in i.capaciteit
                if isinstance(c, dict)
                and (c.get("thema") == thema.code or c.get("perceel") == p.code)
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
        tekst = f"aanbod geweigerd: {toelichting}"
        status_wijzig(inschrijving, naar=IS.TERUGGETROKKEN, reden=tekst, velden={"reden": tekst})
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
        status_wijzig(i, naar=IS.GEGUND, reden=f"gegund: overeenkomst {ok.nummer}", door=door)
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
    afspraak = Afspraak.objects.create(onderwerp=onderwerp, tekst=tekst.strip(), sessie=sessie)
    status_begin(afspraak, reden="vastgelegd")
    return afspraak


@transaction.atomic
def afspraak_status_wijzig(
    *, afspraak: Afspraak, naar: str, reden: str, door: User | None = None
) -> Afspraak:
    return status_wijzig(afspraak, naar=naar, reden=reden, door=door, onderwerp="Afspraak")


# --- coverage ---------------------------------------------------------------------------


PARTNERS = (IS.GESELECTEERD, IS.GEGUND)


def partnercapaciteit(a: Aanbesteding) -> list[tuple[int, dict[str, Any]]]:
    """The capacity statements of the partners (selected bids, and after the award the
    awarded ones)."""
    return _capaciteit_van(a, PARTNERS)


def _capaciteit_van(a: Aanbesteding, statussen: Sequence[str]) -> list[tuple[int, dict[str, Any]]]:
    return [
        (i.nummer, dict(regel))
        for i in a.inschrijvingen.filter(status__in=statussen).order_by("nummer")
        for regel in i.capaciteit
        if isinstance(regel, dict)
    ]


def vraag_uit_monitor(a: Aanbesteding, van: date, tot: date) -> dict[tuple[str, str], int]:
    """Expected demand per area from the monitor, on the scale of a capacity statement
    (children in care at the same time): the mean over the month ends in [van, tot] (the
    last day when the period holds none) of the distinct clients in care on that day per
    gebied, rounded up; expertise "alle". Areas without a code are left out."""
    from jeugdsturing.monitor.indicatoren import Periode, bereken, verrijk
    from jeugdsturing.monitor.selectors import monitor_data

    dagen = _maandeinden(van, tot) or [tot]
    data = monitor_data(a.regio)
    trajecten = verrijk(data.trajecten)
    rijen = [
        rij
        for dag in dagen  # one call per day: bereken takes adjoining periods only
        for rij in bereken(
            trajecten, data.verlengingen, [Periode(dag, dag)], ["gebied"], verrijkt=True
        ).to_dicts()
    ]
    som: dict[str, int] = {}
    for rij in rijen:
        if rij["gebied"]:
            som[str(rij["gebied"])] = som.get(str(rij["gebied"]), 0) + int(rij["clients_in_care"])
    return {("alle", g): -(-n // len(dagen)) for g, n in som.items()}


def _maandeinden(van: date, tot: date) -> list[date]:
    dagen: list[date] = []
    jaar, maand = van.year, van.month
    while True:
        volgende = date(jaar + maand // 12, maand % 12 + 1, 1)
        einde = volgende - timedelta(days=1)
        if einde > tot:
            return dagen
        if einde >= van:
            dagen.append(einde)
        jaar, maand = volgende.year, volgende.month


# --- setting up a tender ------------------------------------------------------------------


def _controleer_aankondiging(a: Aanbesteding) -> None:
    """What must be in place before a tender is announced: what bidders compete on is
    fixed from then on (equal treatment)."""
    fouten = []
    if not a.percelen.exists():
        fouten.append("geen percelen of thema's")
    criteria = list(a.criteria.all())
    if not criteria:
        fouten.append("geen gunningscriteria")
    for c in criteria:
        if c.minimum is not None and not a.schaal_min <= c.minimum <= a.schaal_max:
            fouten.append(f"minimum van {c.code} ({c.minimum}) ligt buiten de schaal")
    if a.minimum_totaal is not None and not a.schaal_min <= a.minimum_totaal <= a.schaal_max:
        fouten.append(f"minimale totaalscore {a.minimum_totaal} ligt buiten de schaal")
    if a.vragen_tot >= a.inschrijven_tot:
        fouten.append("de vragentermijn eindigt niet vóór de inschrijftermijn")
    if fouten:
        raise ValidationError(
            f"Aanbesteding {a.referentie} kan nog niet worden aangekondigd: {'; '.join(fouten)}."
        )


def _in_concept(a: Aanbesteding, wat: str) -> None:
    if a.status != AanbestedingStatus.CONCEPT:
        raise ValidationError(
            f"{wat} kan alleen in de conceptfase worden gewijzigd: na de aankondiging ligt vast "
            "waarop wordt ingeschreven."
        )


@transaction.atomic
def aanbesteding_bewaar(*, aanbesteding: Aanbesteding, door: User | None = None) -> Aanbesteding:
    """Create a tender, or change it while it is a concept. A new tender starts as a
    concept with its first status record."""
    a = aanbesteding
    nieuw = a.pk is None
    if not nieuw:
        _in_concept(Aanbesteding.objects.get(pk=a.pk), "De aanbesteding")
    if a.vragen_tot >= a.inschrijven_tot:
        raise ValidationError(
            f"Vragen stellen kan tot {tijd(a.vragen_tot)}, inschrijven tot "
            f"{tijd(a.inschrijven_tot)}: de vragentermijn moet eerder eindigen."
        )
    if a.schaal_min >= a.schaal_max:
        raise ValidationError(f"De schaal {a.schaal_min}-{a.schaal_max} is leeg.")
    if a.max_partners < 1:
        raise ValidationError("Selecteer ten minste één partner.")
    if nieuw and Aanbesteding.objects.filter(referentie=a.referentie).exists():
        raise ValidationError(f"Referentie {a.referentie} bestaat al.")
    a.save()
    if nieuw:
        status_begin(a, reden="aangemaakt", door=door)
    return a


@transaction.atomic
def termijn_verleng(
    *,
    aanbesteding: Aanbesteding,
    vragen_tot: datetime,
    inschrijven_tot: datetime,
    reden: str,
    door: User | None = None,
    op: datetime | None = None,
) -> Aanbesteding:
    """After the announcement the deadlines can only move later, before they have
    passed, with a reason (announce it in a Nota van Inlichtingen)."""
    a = Aanbesteding.objects.select_for_update().get(pk=aanbesteding.pk)
    moment = _nu(op)
    if a.status != AanbestedingStatus.AANGEKONDIGD:
        raise ValidationError("Termijnen verlengen kan alleen in de fase aangekondigd.")
    if not reden.strip():
        raise ValidationError("Geef de reden van de verlenging.")
    if vragen_tot < a.vragen_tot or inschrijven_tot < a.inschrijven_tot:
        raise ValidationError("Een termijn kan na de aankondiging alleen later worden.")
    if moment > a.inschrijven_tot:
        raise ValidationError("De inschrijftermijn is al verstreken.")
    if vragen_tot != a.vragen_tot and moment > a.vragen_tot:
        raise ValidationError("De vragentermijn is al verstreken.")
    if vragen_tot >= inschrijven_tot:
        raise ValidationError("De vragentermijn moet eindigen vóór de inschrijftermijn.")
    a.vragen_tot, a.inschrijven_tot = vragen_tot, inschrijven_tot
    a._change_reason = reden  # type: ignore[attr-defined]
    a.save()
    status_vermeld(
        a, door=door,
        reden=f"termijnen: vragen tot {tijd(vragen_tot)}, inschrijven tot "
        f"{tijd(inschrijven_tot)} ({reden})",
    )  # fmt: skip
    return a


def _code_vrij(qs: Any, code: str, wat: str) -> str:
    code = code.strip()
    if not code:
        raise ValidationError(f"{wat}: de code ontbreekt.")
    if qs.filter(code=code).exists():
        raise ValidationError(f"{wat} {code} bestaat al in deze aanbesteding.")
    return code


@transaction.atomic
def perceel_voeg_toe(
    *,
    aanbesteding: Aanbesteding,
    code: str,
    naam: str,
    thema: Thema | None = None,
    max_partners: int | None = None,
    wachtkamer: int = 0,
) -> Perceel:
    _in_concept(aanbesteding, "Een perceel")
    if (max_partners is not None and max_partners < 1) or wachtkamer < 0:
        raise ValidationError(
            f"Perceel {code}: selecteer ten minste één partner (of laat het maximum leeg) en "
            "geef de wachtkamer als 0 of meer."
        )
    if thema is not None and thema.regio_id != aanbesteding.regio_id:
        raise ValidationError(f"Thema {thema.code} hoort niet bij de regio.")
    code = _code_vrij(aanbesteding.percelen, code, "Perceel")
    return Perceel.objects.create(
        aanbesteding=aanbesteding, code=code, naam=naam, thema=thema,
        max_partners=max_partners, wachtkamer=wachtkamer,
    )  # fmt: skip


@transaction.atomic
def criterium_voeg_toe(
    *,
    aanbesteding: Aanbesteding,
    code: str,
    naam: str,
    weging: Decimal,
    minimum: Decimal | None = None,
    schaal: dict[str, str] | None = None,
) -> Criterium:
    _in_concept(aanbesteding, "Een gunningscriterium")
    code = _code_vrij(aanbesteding.criteria, code, "Criterium")
    if weging <= 0:
        raise ValidationError(f"Criterium {code}: de weging moet positief zijn.")
    a = aanbesteding
    if minimum is not None and not a.schaal_min <= minimum <= a.schaal_max:
        raise ValidationError(
            f"Criterium {code}: minimum {minimum} ligt buiten de schaal "
            f"{a.schaal_min}-{a.schaal_max}."
        )
    for waarde in schaal or {}:
        try:
            getal = Decimal(waarde)
        except ArithmeticError as e:
            raise ValidationError(
                f"Criterium {code}: schaalwaarde '{waarde}' is geen getal."
            ) from e
        if not a.schaal_min <= getal <= a.schaal_max:
            raise ValidationError(f"Criterium {code}: schaalwaarde {waarde} ligt buiten de schaal.")
    return Criterium.objects.create(
        aanbesteding=a, code=code, naam=naam, weging=weging, minimum=minimum,
        beschrijving_schaal=dict(schaal or {}),
    )  # fmt: skip


@transaction.atomic
def eis_voeg_toe(*, aanbesteding: Aanbesteding, code: str, omschrijving: str, soort: str) -> Eis:
    _in_concept(aanbesteding, "Een eis")
    if soort not in ("uitsluiting", "geschiktheid"):
        raise ValidationError(f"Eis {code}: soort '{soort}' is geen uitsluiting of geschiktheid.")
    code = _code_vrij(aanbesteding.eisen, code, "Eis")
    return Eis.objects.create(
        aanbesteding=aanbesteding, code=code, omschrijving=omschrijving, soort=soort
    )


@transaction.atomic
def mijlpaal_voeg_toe(
    *, aanbesteding: Aanbesteding, fase: str, naam: str, datum: date, eind: date | None = None
) -> Mijlpaal:
    """The planning can grow during the procedure (the dates of later phases are often
    fixed later); a finished tender's planning stays as it was."""
    if aanbesteding.status in (AanbestedingStatus.GEGUND, AanbestedingStatus.INGETROKKEN):
        raise ValidationError("De planning van een afgeronde aanbesteding blijft zoals ze was.")
    if eind is not None and eind < datum:
        raise ValidationError(f"Mijlpaal {naam}: het einde ligt vóór het begin.")
    return Mijlpaal.objects.create(
        aanbesteding=aanbesteding, fase=fase, naam=naam, datum=datum, eind=eind
    )


ONDERDELEN = {"perceel": Perceel, "criterium": Criterium, "eis": Eis, "mijlpaal": Mijlpaal}


@transaction.atomic
def onderdeel_verwijder(*, aanbesteding: Aanbesteding, soort: str, pk: int) -> str:
    """Remove a lot, criterion or requirement (concept only) or a milestone."""
    model = ONDERDELEN.get(soort)
    if model is None:
        raise ValidationError(f"Onbekend onderdeel '{soort}'.")
    if soort == "mijlpaal":
        if aanbesteding.status in (AanbestedingStatus.GEGUND, AanbestedingStatus.INGETROKKEN):
            raise ValidationError("De planning van een afgeronde aanbesteding blijft zoals ze was.")
    else:
        _in_concept(aanbesteding, f"Een {soort}")
    obj = model._default_manager.filter(aanbesteding=aanbesteding, pk=pk).first()
    if obj is None:
        raise ValidationError(f"{soort} {pk} bestaat niet in deze aanbesteding.")
    naam = str(obj)
    obj.delete()
    return naam


@transaction.atomic
def sjabloon_neem_over(*, aanbesteding: Aanbesteding, wat: str) -> int:
    """Copy a standard set (sjablonen.py) into the tender; codes already present are
    skipped. Returns how many were added."""
    a = aanbesteding
    n = 0
    if wat == "eisen":
        bestaand = set(a.eisen.values_list("code", flat=True))
        for code, soort, oms in sj.EISEN:
            if code not in bestaand:
                eis_voeg_toe(aanbesteding=a, code=code, omschrijving=oms, soort=soort)
                n += 1
    elif wat == "criteria":
        bestaand = set(a.criteria.values_list("code", flat=True))
        for code, naam, weging, minimum in sj.CRITERIA:
            if code not in bestaand:
                criterium_voeg_toe(aanbesteding=a, code=code, naam=naam, weging=Decimal(weging),
                                   minimum=minimum, schaal=dict(sj.SCHAAL))  # fmt: skip
                n += 1
    elif wat == "themas":
        bestaand = set(a.percelen.values_list("code", flat=True))
        for thema in a.regio.themas.order_by("volgorde"):
            if thema.code not in bestaand:
                perceel_voeg_toe(aanbesteding=a, code=thema.code, naam=thema.naam, thema=thema)
                n += 1
    elif wat == "onderwerpen":
        bestaand = set(a.dialoogonderwerpen.values_list("code", flat=True))
        nieuw = [(f"O{k:02d}", naam, "000 4.2.3") for k, naam in enumerate(sj.ONDERWERPEN_000, 1)]
        nieuw += [(code, naam, "002 hfst. 5") for code, naam in sj.ONDERWERPEN_002]
        for code, naam, bron in nieuw:
            if code not in bestaand:
                dialoogonderwerp_maak(aanbesteding=a, code=code, naam=naam, bron=bron)
                n += 1
    else:
        raise ValidationError(f"Onbekend sjabloon '{wat}'.")
    return n


@transaction.atomic
def beoordelaar_wijs_toe(*, beoordelaar: Beoordelaar, inschrijving: Inschrijving) -> None:
    """Assign a bid to a committee member: a bid of the same tender, opened (after the
    bid deadline), before the ranking is fixed."""
    a = inschrijving.aanbesteding
    if beoordelaar.aanbesteding_id != a.pk:
        raise ValidationError("Beoordelaar en inschrijving horen niet bij één aanbesteding.")
    if a.status not in (AanbestedingStatus.AANGEKONDIGD, AanbestedingStatus.BEOORDELING):
        raise ValidationError("Na de selectie worden inschrijvingen niet meer toegewezen.")
    inschrijving_open(inschrijving=inschrijving)  # sealed until the bid deadline
    beoordelaar.inschrijvingen.add(inschrijving)


@transaction.atomic
def beoordelaar_benoem(*, aanbesteding: Aanbesteding, gebruiker: User) -> Beoordelaar:
    """Appoint a committee member: a user with the assessor role in the tender's region,
    until the ranking is fixed."""
    a = aanbesteding
    if a.status not in (
        AanbestedingStatus.CONCEPT, AanbestedingStatus.AANGEKONDIGD, AanbestedingStatus.BEOORDELING
    ):  # fmt: skip
        raise ValidationError("Na de selectie wordt de commissie niet meer gewijzigd.")
    if (
        not mag(gebruiker, Sectie.VERWERVING, Actie.BEOORDELEN)
        or scope_van(gebruiker).regio_id != a.regio_id
    ):
        raise ValidationError(f"{gebruiker.username} is geen beoordelaar in deze regio.")
    if a.beoordelaars.filter(gebruiker=gebruiker).exists():
        raise ValidationError(f"{gebruiker.username} zit al in de commissie.")
    return Beoordelaar.objects.create(aanbesteding=a, gebruiker=gebruiker)


# --- dialogue register --------------------------------------------------------------------


@transaction.atomic
def dialoogonderwerp_maak(
    *, aanbesteding: Aanbesteding, code: str, naam: str, bron: str = ""
) -> Dialoogonderwerp:
    if aanbesteding.status in (AanbestedingStatus.GEGUND, AanbestedingStatus.INGETROKKEN):
        raise ValidationError("De aanbesteding is afgerond.")
    code = _code_vrij(aanbesteding.dialoogonderwerpen, code, "Onderwerp")
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
        raise ValidationError(f"Ronde {naam}: tot {tot:%d-%m-%Y} ligt vóór van {van:%d-%m-%Y}.")
    if not naam.strip():
        raise ValidationError("De ronde heeft een naam nodig.")
    nummer = (a.dialoogrondes.aggregate(m=Max("nummer"))["m"] or 0) + 1
    return Dialoogronde.objects.create(aanbesteding=a, nummer=nummer, naam=naam, van=van, tot=tot)


# --- expected demand and coverage ------------------------------------------------------------


@transaction.atomic
def vraagraming_zet(
    *,
    aanbesteding: Aanbesteding,
    expertise: str,
    gebied: str,
    aantal: int,
    bron: str = "ingevoerd door het regioteam",
) -> Vraagraming:
    if not expertise.strip() or not gebied.strip():
        raise ValidationError("Geef expertise en gebied van de verwachte vraag.")
    if aantal < 0:
        raise ValidationError(f"Verwachte vraag {aantal} is negatief.")
    v, _ = Vraagraming.objects.update_or_create(
        aanbesteding=aanbesteding, expertise=expertise.strip(), gebied=gebied.strip(),
        defaults={"aantal": aantal, "bron": bron},
    )  # fmt: skip
    return v


@transaction.atomic
def vraagraming_uit_monitor(*, aanbesteding: Aanbesteding, van: date, tot: date) -> int:
    """Take the expected demand per area from the monitor (vraag_uit_monitor: clients in
    care at the same time, averaged over the period's month ends); returns the number of
    areas. Without data nothing changes."""
    if tot < van:
        raise ValidationError(f"De periode {van:%d-%m-%Y} t/m {tot:%d-%m-%Y} is leeg.")
    vraag = vraag_uit_monitor(aanbesteding, van, tot)
    if not vraag:
        raise ValidationError(
            "De monitor heeft voor deze periode geen cliënten in zorg: voer de vraag in."
        )
    for (expertise, gebied), aantal in vraag.items():
        vraagraming_zet(aanbesteding=aanbesteding, expertise=expertise, gebied=gebied,
                        aantal=aantal, bron=f"monitor: gemiddeld tegelijk in zorg op de "
                        f"maandeinden {van:%d-%m-%Y} t/m {tot:%d-%m-%Y}")  # fmt: skip
    return len(vraag)


@transaction.atomic
def vraagraming_verwijder(*, vraagraming: Vraagraming) -> None:
    if vraagraming.aanbesteding.status in (
        AanbestedingStatus.GEGUND, AanbestedingStatus.INGETROKKEN
    ):  # fmt: skip
        raise ValidationError("De ramingen van een afgeronde aanbesteding blijven zoals ze waren.")
    vraagraming._change_reason = "verwijderd door het regioteam"  # type: ignore[attr-defined]
    vraagraming.delete()


@dataclass(frozen=True)
class Dekkingsbeeld:
    bron: str  # whose capacity counts: "partners" or (before the selection) "inschrijvingen"
    per_gebied: list[dekking.Dekkingsregel]  # over all expertises (expertise "alle")
    per_expertise: list[dekking.Dekkingsregel]


def dekking_van(a: Aanbesteding) -> Dekkingsbeeld:
    """Coverage per area over all expertises (the monitor's demand is per area) and per
    expertise and area. The capacity is the partners' once there is a selection, before
    that every bid still in the running (what the market offers). Per area an estimate
    for "alle" takes precedence over the sum of that area's expertise estimates."""
    partners = a.inschrijvingen.filter(status__in=PARTNERS).exists()
    capaciteit = _capaciteit_van(a, PARTNERS if partners else (IS.INGEDIEND,))
    ramingen = list(a.vraagramingen.all())
    met_totaal = {v.gebied for v in ramingen if v.expertise == "alle"}
    per_gebied: dict[tuple[str, str], int] = {}
    for v in ramingen:
        if v.expertise == "alle" or v.gebied not in met_totaal:
            per_gebied[("alle", v.gebied)] = per_gebied.get(("alle", v.gebied), 0) + v.aantal
    per_expertise = {(v.expertise, v.gebied): v.aantal for v in ramingen if v.expertise != "alle"}
    return Dekkingsbeeld(
        bron="partners" if partners else "inschrijvingen",
        per_gebied=dekking.dekking(dekking.alle_expertises(capaciteit), per_gebied),
        per_expertise=dekking.dekking(capaciteit, per_expertise),
    )
