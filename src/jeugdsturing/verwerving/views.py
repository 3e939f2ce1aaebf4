# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Pages of the tender: the team follows the whole procedure, a bidder sees its own bid,
questions and the published answers, an assessor sees only the bids assigned to him and
his own scores until everyone has submitted (docs/verwerving.md)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.core.access import Actie, Sectie, mag, requires, scope_van
from jeugdsturing.regio.selectors import regio_voor
from jeugdsturing.verwerving import rangschikking, selectors
from jeugdsturing.verwerving import services as s
from jeugdsturing.verwerving.models import (
    AANBESTEDING_LEVENSCYCLUS,
    Aanbesteding,
    AanbestedingStatus,
    Aanbod,
    Beoordelaar,
    Combinant,
    Criterium,
    Eindbod,
    Inschrijving,
    Toetsuitkomst,
)
from jeugdsturing.weergave.invoer import Invoerfout, lees_getal, nummer
from jeugdsturing.weergave.templatetags.datums import tijd

V = Sectie.VERWERVING


def _team(request: HttpRequest) -> bool:
    """Does the user run tenders (the team's steps and pages)?"""
    return mag(request.user, V, Actie.WIJZIGEN)


def _inschrijver(request: HttpRequest) -> bool:
    return mag(request.user, V, Actie.INSCHRIJVEN)


def _gebruiker(request: HttpRequest) -> User | None:
    """The logged-in user, as recorded with a decision (None for an anonymous one)."""
    return request.user if isinstance(request.user, User) else None


def _uitvoeren(
    request: HttpRequest, doe: Callable[[], str], terug: str, referentie: str
) -> HttpResponse:
    """Run one POST action; its message, or the error, is shown on the page it returns to."""
    try:
        messages.success(request, doe())
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    return redirect(terug, referentie=referentie)


def _aanbieder(request: HttpRequest) -> Aanbieder | None:
    """The provider a bidder works for (its Scope); None for everyone else."""
    pk = scope_van(request.user).aanbieder_id
    return Aanbieder.objects.filter(pk=pk).first() if pk is not None else None


@requires(V)
def overzicht(request: HttpRequest) -> HttpResponse:
    regio = regio_voor(request.user)
    team = _team(request)
    qs = Aanbesteding.objects.filter(regio=regio) if regio else Aanbesteding.objects.none()
    if mag(request.user, V, Actie.BEOORDELEN):
        qs = qs.filter(beoordelaars__gebruiker_id=request.user.pk)
    if not team:
        qs = qs.exclude(status=AanbestedingStatus.CONCEPT)
    rijen = []
    aanbieder = _aanbieder(request)
    for a in qs.order_by("-inschrijven_tot"):
        eigen = (
            a.inschrijvingen.filter(aanbieder=aanbieder).first() if aanbieder is not None else None
        )
        n = None if selectors.verzegeld(a) else a.inschrijvingen.count()
        rijen.append({"a": a, "n": n, "eigen": eigen})
    # A provider named as combinant in another's bid confirms or refuses it here.
    deelnames = (
        Combinant.objects.filter(aanbieder=aanbieder, inschrijving__aanbesteding__regio=regio)
        .select_related("inschrijving__aanbesteding", "inschrijving__aanbieder")
        .order_by("-inschrijving__aanbesteding__inschrijven_tot")
        if aanbieder is not None
        else Combinant.objects.none()
    )
    return render(
        request,
        "verwerving/overzicht.html",
        {
            "regio": regio, "rijen": rijen, "team": team, "inschrijver": _inschrijver(request),
            "deelnames": deelnames, "nu": timezone.now(),
        },
    )  # fmt: skip


@require_POST
@requires(V, Actie.INSCHRIJVEN)
def deelname(request: HttpRequest, pk: int) -> HttpResponse:
    """The combinant's own answer: it confirms or refuses taking part in a bid."""
    aanbieder = _aanbieder(request)
    c = get_object_or_404(
        Combinant.objects.select_related("inschrijving__aanbieder"),
        pk=pk, aanbieder=aanbieder, inschrijving__aanbesteding__regio=regio_voor(request.user),
    )  # fmt: skip
    akkoord = request.POST.get("antwoord") == "bevestig"
    try:
        s.combinant_beantwoord(combinant=c, akkoord=akkoord, door=_gebruiker(request))
        messages.success(
            request,
            f"U hebt uw deelname aan de combinatie van {c.inschrijving.aanbieder.naam} "
            f"{'bevestigd' if akkoord else 'geweigerd'}.",
        )
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    return redirect("verwerving")


def _aanbesteding(request: HttpRequest, referentie: str) -> Aanbesteding:
    """The tender of the user's region; a concept exists only for the team."""
    regio = regio_voor(request.user)
    a = get_object_or_404(Aanbesteding, referentie=referentie, regio=regio)
    if a.status == AanbestedingStatus.CONCEPT and not _team(request):
        raise Http404("Geen aanbesteding met deze referentie.")
    return a


@requires(V)
def aanbesteding(request: HttpRequest, referentie: str) -> HttpResponse:
    a = _aanbesteding(request, referentie)
    if mag(request.user, V, Actie.BEOORDELEN):
        return redirect("verwerving:beoordelen", referentie=referentie)
    nu = timezone.now()
    verzegeld = selectors.verzegeld(a, nu)
    gepubliceerd = a.vragen.filter(nota_nummer__isnull=False).order_by("volgnummer")
    context: dict[str, object] = {
        "a": a, "verzegeld": verzegeld, "nota": gepubliceerd,
        "einde_bezwaar": selectors.einde_bezwaartermijn(a),
        "criteria": a.criteria.all(), "mijlpalen": a.mijlpalen.all(),
        "nota_nummers": sorted({v.nota_nummer or 0 for v in gepubliceerd}),
    }  # fmt: skip
    if _inschrijver(request):
        aanbieder = _aanbieder(request)
        eigen = a.inschrijvingen.filter(aanbieder=aanbieder).first()
        bekend = a.selectie_bekendgemaakt_op is not None
        geselecteerd = a.inschrijvingen.filter(rang__lte=a.max_partners)
        laagste = min((i.totaal for i in geselecteerd if i.totaal is not None), default=None)
        context.update(
            eigen=eigen,
            bekend=bekend,
            eigen_scores=eigen.consensus.select_related("criterium").order_by("criterium__code")
            if eigen is not None and bekend
            else [],
            laagste=laagste,
            eigen_vragen=a.vragen.filter(gesteld_door=aanbieder).order_by("gesteld_op"),
            inschrijven_open=a.status == AanbestedingStatus.AANGEKONDIGD
            and nu <= a.inschrijven_tot,
            aanbod=_aanbod_per_partner(a, alleen=eigen) if eigen is not None else [],
            bezwaar_open=_bezwaar_open(a, nu.date()),
            eigen_bezwaren=eigen.bezwaren.order_by("ingediend_op") if eigen is not None else [],
        )
        return render(request, "verwerving/aanbieder.html", context)
    if not _team(request):
        raise PermissionDenied("Uw rol ziet deze aanbesteding niet.")
    inschrijvingen = (
        []
        if verzegeld
        else list(a.inschrijvingen.select_related("aanbieder").order_by("rang", "nummer"))
    )
    context.update(
        inschrijvingen=inschrijvingen,
        aantal=None if verzegeld else a.inschrijvingen.count(),
        lotingen=a.lotingen.all(),
        wijzigingen=a.statuswijzigingen.select_related("door", "content_type"),
        vragen=a.vragen.select_related("gesteld_door").order_by("gesteld_op"),
        eisen=a.eisen.all(),
        beoordelaars=a.beoordelaars.select_related("gebruiker"),
        onderwerpen=a.dialoogonderwerpen.prefetch_related("afspraken", "sessies"),
        overgangen=AANBESTEDING_LEVENSCYCLUS.volgende(a.status),
        aanbod=[] if verzegeld else _aanbod_per_partner(a),
    )
    return render(request, "verwerving/team.html", context)


def _bezwaar_open(a: Aanbesteding, dag: date) -> str:
    """Which decision can still be objected to today: "gunning", "selectie" or ""."""
    for tegen, einde in (
        ("gunning", selectors.einde_bezwaartermijn_gunning(a)),
        ("selectie", selectors.einde_bezwaartermijn(a)),
    ):
        if einde is not None and dag <= einde:
            return tegen
    return ""


def _aanbod_per_partner(
    a: Aanbesteding, alleen: Inschrijving | None = None
) -> list[dict[str, object]]:
    """Per partner with an offer (or only for `alleen`): the offer per year and the answer
    to it."""
    eindbiedingen = Eindbod.objects.filter(inschrijving__aanbesteding=a)
    aanbiedingen = Aanbod.objects.filter(inschrijving__aanbesteding=a)
    if alleen is not None:
        eindbiedingen = eindbiedingen.filter(inschrijving=alleen)
        aanbiedingen = aanbiedingen.filter(inschrijving=alleen)
    eindbod = {e.inschrijving_id: e for e in eindbiedingen}
    partners: dict[int, Inschrijving] = {}
    jaren: dict[int, dict[int, int]] = {}
    for bod in aanbiedingen.select_related("inschrijving__aanbieder"):
        partners[bod.inschrijving_id] = bod.inschrijving
        per_jaar = jaren.setdefault(bod.inschrijving_id, {})
        per_jaar[bod.jaar] = per_jaar.get(bod.jaar, 0) + bod.bedrag_eurocent
    return [
        {"i": i, "jaren": jaren[pk], "eindbod": eindbod.get(pk)}
        for pk, i in sorted(partners.items(), key=lambda kv: kv[1].rang or 0)
    ]


@requires(V, Actie.BEOORDELEN)
def beoordelen(request: HttpRequest, referentie: str) -> HttpResponse:
    """An assessor's own bids: enter scores, submit, and (only once all assessors of a
    bid have submitted) see the others' scores."""
    a = _aanbesteding(request, referentie)
    beoordelaar = Beoordelaar.objects.filter(aanbesteding=a, gebruiker_id=request.user.pk).first()
    if beoordelaar is None:
        raise PermissionDenied("U bent geen beoordelaar van deze aanbesteding.")
    if request.method == "POST" and request.POST.get("actie") in ("verklaren", "intrekken"):
        try:
            if request.POST["actie"] == "verklaren":
                if request.POST.get("akkoord") != "1":
                    raise ValidationError("Vink aan dat u de verklaring naar waarheid tekent.")
                s.beoordelaar_verklaar(
                    beoordelaar=beoordelaar, belangen=request.POST.get("belangen", "")
                )
                messages.success(request, "Uw verklaring over belangenconflicten is getekend.")
            else:
                s.beoordelaar_trek_verklaring_in(
                    beoordelaar=beoordelaar, reden=request.POST.get("reden", "")
                )
                messages.success(request, "Uw verklaring is ingetrokken; u kunt niet meer scoren.")
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        return redirect("verwerving:beoordelen", referentie=referentie)
    if request.method == "POST":
        try:
            i = beoordelaar.inschrijvingen.get(pk=int(request.POST.get("inschrijving", "0")))
        except (Inschrijving.DoesNotExist, ValueError) as e:
            raise PermissionDenied("Deze inschrijving is niet aan u toegewezen.") from e
        try:
            if request.POST.get("actie") == "indienen":
                s.scores_dien_in(beoordelaar=beoordelaar, inschrijving=i)
                messages.success(request, f"Scores van inschrijving {i.nummer} ingediend.")
            else:
                criterium = get_object_or_404(
                    Criterium, aanbesteding=a, pk=nummer(request.POST.get("criterium"))
                )
                try:
                    waarde = lees_getal(request.POST.get("waarde", ""), "Score")
                except Invoerfout as e:
                    raise ValidationError(str(e)) from e
                motivering = request.POST.get("motivering", "")
                s.score_geef(beoordelaar=beoordelaar, inschrijving=i, criterium=criterium,
                             waarde=waarde, motivering=motivering)  # fmt: skip
                messages.success(request, f"Score op {criterium.code} opgeslagen.")
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        return redirect("verwerving:beoordelen", referentie=referentie)
    criteria = list(a.criteria.all())
    bods = []
    for i in beoordelaar.inschrijvingen.select_related("aanbieder").order_by("nummer"):
        zichtbaar = selectors.zichtbare_scores(beoordelaar=beoordelaar, inschrijving=i)
        eigen = {sc.criterium_id: sc for sc in zichtbaar if sc.beoordelaar_id == beoordelaar.pk}
        anderen = [sc for sc in zichtbaar if sc.beoordelaar_id != beoordelaar.pk]
        bods.append({
            "i": i, "eigen": [(c, eigen.get(c.pk)) for c in criteria],
            "ingediend": bool(eigen) and all(sc.ingediend_op for sc in eigen.values())
            and len(eigen) == len(criteria),
            "anderen": anderen, "alle_binnen": selectors.alle_ingediend(i),
        })  # fmt: skip
    return render(
        request,
        "verwerving/beoordelen.html",
        {"a": a, "beoordelaar": beoordelaar, "bods": bods, "criteria": criteria},
    )


@require_POST
@requires(V, Actie.WIJZIGEN)
def actie(request: HttpRequest, referentie: str) -> HttpResponse:
    """The team's steps of the procedure, each a service call; what goes wrong comes
    back as a message naming the rule."""
    a = _aanbesteding(request, referentie)
    p = request.POST
    door = _gebruiker(request)
    soort = p.get("actie", "")
    try:
        if soort == "status":
            naar, reden = p.get("naar", ""), p.get("reden", "")
            s.aanbesteding_status_wijzig(aanbesteding=a, naar=naar, reden=reden, door=door)
            melding = f"Fase gewijzigd naar {p.get('naar')}."
        elif soort == "beantwoord":
            vraag = get_object_or_404(a.vragen, pk=nummer(p.get("vraag")))
            s.vraag_beantwoord(
                vraag=vraag,
                antwoord=p.get("antwoord", ""),
                publicatietekst=p.get("publicatietekst"),
            )
            melding = "Antwoord opgeslagen."
        elif soort == "nota":
            melding = f"Nota van Inlichtingen {s.nota_publiceer(aanbesteding=a)} gepubliceerd."
        elif soort == "rangschik":
            getuigen = [g.strip() for g in p.get("getuigen", "").split(",") if g.strip()]
            gelijk = rangschikking.gelijke_standen(
                selectors.beoordelingen(a), selectors.criteria_van(a)
            )
            zaad = s.nieuw_zaad() if gelijk else None
            uitslag = s.rangschikking_stel_vast(
                aanbesteding=a, zaad=zaad, getuigen=getuigen, door=door
            )
            melding = (
                f"Rangschikking vastgesteld: {len(uitslag.geselecteerd)} geselecteerd, "
                f"{len(uitslag.wachtkamer)} in de wachtkamer"
                + (f"; geloot met zaad {zaad}" if zaad else "")
                + "."
            )
        elif soort == "selectie":
            s.selectie_maak_bekend(aanbesteding=a, door=door)
            melding = "Selectie bekendgemaakt; de bezwaartermijn loopt."
        elif soort == "verdeling":
            totaal = s.verdeling_maak(aanbesteding=a, jaar=int(p.get("jaar", "0") or 0))
            melding = f"Verdeling gemaakt over {len(totaal)} partners."
        elif soort == "voorlopig":
            s.gunning_maak_voorlopig(aanbesteding=a, door=door)
            melding = "Voorlopige gunning bekendgemaakt; de bezwaartermijn loopt."
        elif soort == "definitief":
            ids = s.gunning_maak_definitief(
                aanbesteding=a, ingangsdatum=date.fromisoformat(p.get("ingangsdatum", "")),
                einddatum=date.fromisoformat(p.get("einddatum", "")),
                verlengingsopties=int(p.get("opties", "0") or 0),
                verlengingsduur_jaren=int(p.get("duur", "0") or 0), door=door,
            )  # fmt: skip
            melding = f"Definitief gegund: {len(ids)} overeenkomsten aangemaakt."
        else:
            raise ValidationError(f"Onbekende actie '{soort}'.")
        messages.success(request, melding)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    except ValueError as e:
        messages.error(request, f"Ongeldige invoer: {e}")
    return redirect("verwerving:aanbesteding", referentie=referentie)


@require_POST
@requires(V, Actie.INSCHRIJVEN)
def vraag(request: HttpRequest, referentie: str) -> HttpResponse:
    """A registered party asks a question (until the question deadline)."""
    a = _aanbesteding(request, referentie)
    aanbieder = _aanbieder(request)
    if aanbieder is None:
        raise PermissionDenied("Alleen een inschrijver stelt vragen.")
    try:
        s.vraag_stel(aanbesteding=a, aanbieder=aanbieder, tekst=request.POST.get("tekst", ""))
        messages.success(
            request, "Uw vraag is ontvangen; het antwoord volgt in een Nota van Inlichtingen."
        )
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    return redirect("verwerving:aanbesteding", referentie=referentie)


@requires(V, Actie.WIJZIGEN)
def toetsing(request: HttpRequest, referentie: str) -> HttpResponse:
    """The team's knock-out checks (bid x requirement, with motivation) and the
    assignment of bids to assessors."""
    a = _aanbesteding(request, referentie)
    if selectors.verzegeld(a):
        raise PermissionDenied(f"De inschrijvingen zijn verzegeld tot {tijd(a.inschrijven_tot)}.")
    door = _gebruiker(request)
    if request.method == "POST":
        try:
            i = get_object_or_404(
                Inschrijving, aanbesteding=a, pk=nummer(request.POST.get("inschrijving"))
            )
            if request.POST.get("actie") == "toewijzen":
                b = get_object_or_404(
                    Beoordelaar, aanbesteding=a, pk=nummer(request.POST.get("beoordelaar"))
                )
                s.beoordelaar_wijs_toe(beoordelaar=b, inschrijving=i)
                messages.success(request, f"Inschrijving {i.nummer} toegewezen aan {b.gebruiker}.")
            else:
                eis = get_object_or_404(a.eisen, pk=nummer(request.POST.get("eis")))
                s.eis_toets(inschrijving=i, eis=eis, uitkomst=request.POST.get("uitkomst", ""),
                            motivering=request.POST.get("motivering", ""), door=door)  # fmt: skip
                messages.success(request, f"Toets {eis.code} van nr. {i.nummer} vastgelegd.")
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        return redirect("verwerving:toetsing", referentie=referentie)
    eisen = list(a.eisen.all())
    rijen = []
    bods = a.inschrijvingen.select_related("aanbieder").prefetch_related(
        "toetsen", "beoordelaars__gebruiker"
    )
    for i in bods:
        per_eis = {t.eis_id: t for t in i.toetsen.all()}
        namen = [b.gebruiker.username for b in i.beoordelaars.all()]
        rijen.append({"i": i, "toetsen": [per_eis.get(e.pk) for e in eisen], "beoordelaars": namen})
    return render(
        request,
        "verwerving/toetsing.html",
        {
            "a": a,
            "eisen": eisen,
            "rijen": rijen,
            "beoordelaars": a.beoordelaars.select_related("gebruiker"),
            "uitkomsten": Toetsuitkomst.choices,
        },
    )
