# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The team's pages for the later steps: consensus after the individual scores and the
oral explanation, objections and drop-outs after the selection, the dialogue (rounds,
topics, sessions, the agreements register) and the coverage of expected demand by the
capacity statements (docs/verwerving.md)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from statistics import mean

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from jeugdsturing.core.access import Actie, Sectie, requires
from jeugdsturing.verwerving import forms as f
from jeugdsturing.verwerving import selectors
from jeugdsturing.verwerving import services as s
from jeugdsturing.verwerving.models import (
    AFSPRAAK_LEVENSCYCLUS,
    Aanbesteding,
    Afspraak,
    Bezwaar,
    Consensus,
    Criterium,
    Dialoogonderwerp,
    Dialoogronde,
    Dialoogsessie,
    Inschrijving,
    InschrijvingStatus,
    Score,
    Vraagraming,
)
from jeugdsturing.verwerving.views import _aanbesteding, _aanbieder, _gebruiker, _uitvoeren
from jeugdsturing.weergave.grafieken import dekking_grafiek
from jeugdsturing.weergave.invoer import nummer
from jeugdsturing.weergave.templatetags.datums import datum_lang, tijd


def _decimaal(tekst: str, veld: str) -> Decimal:
    try:
        waarde = Decimal(tekst.strip().replace(",", "."))
    except InvalidOperation as e:
        raise ValidationError(f"{veld}: '{tekst}' is geen getal.") from e
    if not waarde.is_finite():
        raise ValidationError(f"{veld}: '{tekst}' is geen getal.")
    return waarde


# --- consensus ----------------------------------------------------------------------------


@requires(Sectie.VERWERVING, Actie.WIJZIGEN)
def consensus(request: HttpRequest, referentie: str) -> HttpResponse:
    """Per bid and criterion: the assessors' individual scores (once all have submitted),
    their mean, and the committee's consensus score with its motivation; after the oral
    explanation a changed score with its reason."""
    a = _aanbesteding(request, referentie)
    if selectors.verzegeld(a):
        raise PermissionDenied(f"De inschrijvingen zijn verzegeld tot {tijd(a.inschrijven_tot)}.")
    if request.method == "POST":
        return _uitvoeren(
            request, lambda: _consensus_post(request, a), "verwerving:consensus", referentie
        )
    criteria = list(a.criteria.all())
    scores: dict[tuple[int, int], list[Score]] = {}
    for sc in Score.objects.filter(inschrijving__aanbesteding=a).select_related(
        "beoordelaar__gebruiker"
    ):
        scores.setdefault((sc.inschrijving_id, sc.criterium_id), []).append(sc)
    vast = {
        (c.inschrijving_id, c.criterium_id): c
        for c in Consensus.objects.filter(inschrijving__aanbesteding=a)
    }
    volledig = selectors.volledig_beoordeeld(a)
    bods = []
    for i in a.inschrijvingen.exclude(status=InschrijvingStatus.UITGESLOTEN).select_related(
        "aanbieder"
    ):
        binnen = i.pk in volledig
        regels = []
        for c in criteria:
            eigen = scores.get((i.pk, c.pk), []) if binnen else []
            regels.append(
                {
                    "c": c,
                    "scores": eigen,
                    "consensus": vast.get((i.pk, c.pk)),
                    "gemiddeld": round(mean(sc.waarde for sc in eigen), 2) if eigen else None,
                }
            )
        bods.append({"i": i, "binnen": binnen, "regels": regels})
    # A few bids per page: with every criterion and assessor a page per bid is long.
    pagina = Paginator(bods, 3).get_page(request.GET.get("pagina") or 1)
    return render(
        request,
        "verwerving/consensus.html",
        {"a": a, "bods": pagina.object_list, "pagina": pagina, "extra": ""},
    )


def _consensus_post(request: HttpRequest, a: Aanbesteding) -> str:
    p = request.POST
    i = get_object_or_404(Inschrijving, aanbesteding=a, pk=nummer(p.get("inschrijving")))
    c = get_object_or_404(Criterium, aanbesteding=a, pk=nummer(p.get("criterium")))
    waarde = _decimaal(p.get("waarde", ""), "score")
    if p.get("actie") == "aanpassen":
        bestaand = get_object_or_404(Consensus, inschrijving=i, criterium=c)
        s.consensus_pas_aan(
            consensus=bestaand, waarde=waarde, reden=p.get("reden", ""), door=_gebruiker(request)
        )
        return f"Inschrijving {i.nummer}, {c.code}: score aangepast naar {_score(waarde)}."
    s.consensus_stel_vast(
        inschrijving=i,
        criterium=c,
        waarde=waarde,
        motivering=p.get("motivering", ""),
        door=_gebruiker(request),
    )
    return f"Inschrijving {i.nummer}, {c.code}: consensusscore {_score(waarde)} vastgesteld."


def _score(waarde: Decimal) -> str:
    """A score the Dutch way: Decimal("7.50") -> "7,5"."""
    return format(waarde.normalize(), "f").replace(".", ",")


# --- objections and drop-outs ---------------------------------------------------------------


@requires(Sectie.VERWERVING, Actie.WIJZIGEN)
def selectie(request: HttpRequest, referentie: str) -> HttpResponse:
    """Objections (received, handled) and drop-outs with the waiting room moving up."""
    a = _aanbesteding(request, referentie)
    if selectors.verzegeld(a):
        raise selectors.Verzegeld(
            f"De inschrijvingen zijn verzegeld tot {tijd(a.inschrijven_tot)}; de selectie "
            "volgt na de inschrijftermijn."
        )
    if request.method == "POST":
        return _uitvoeren(
            request, lambda: _selectie_post(request, a), "verwerving:selectie", referentie
        )
    return render(
        request,
        "verwerving/selectie.html",
        {
            "a": a,
            "einde_selectie": selectors.einde_bezwaartermijn(a),
            "einde_gunning": selectors.einde_bezwaartermijn_gunning(a),
            "vandaag": timezone.localdate(),
            "bezwaren": Bezwaar.objects.filter(inschrijving__aanbesteding=a)
            .select_related("inschrijving__aanbieder")
            .order_by("ingediend_op", "pk"),
            "inschrijvingen": a.inschrijvingen.select_related("aanbieder").order_by("nummer"),
            "partners": a.inschrijvingen.filter(status=InschrijvingStatus.GESELECTEERD)
            .select_related("aanbieder")
            .order_by("rang"),
            "wachtkamer": a.inschrijvingen.filter(status=InschrijvingStatus.WACHTKAMER)
            .select_related("aanbieder")
            .order_by("rang"),
        },
    )


def _selectie_post(request: HttpRequest, a: Aanbesteding) -> str:
    p = request.POST
    actie = p.get("actie", "")
    if actie == "bezwaar":
        i = get_object_or_404(Inschrijving, aanbesteding=a, pk=nummer(p.get("inschrijving")))
        if not p.get("tekst", "").strip():
            raise ValidationError("Neem de tekst van het bezwaar op.")
        b = s.bezwaar_dien_in(inschrijving=i, tekst=p["tekst"], tegen=p.get("tegen", "selectie"))
        return f"Bezwaar van inschrijving {i.nummer} tegen de {b.tegen} geregistreerd."
    if actie == "afhandelen":
        b = get_object_or_404(Bezwaar, inschrijving__aanbesteding=a, pk=nummer(p.get("bezwaar")))
        s.bezwaar_handel_af(bezwaar=b, uitkomst=p.get("uitkomst", ""))
        return f"Bezwaar van inschrijving {b.inschrijving.nummer} afgehandeld."
    if actie == "uitval":
        i = get_object_or_404(Inschrijving, aanbesteding=a, pk=nummer(p.get("inschrijving")))
        op = s.uitval_verwerk(inschrijving=i, reden=p.get("reden", ""))
        if op is None:
            return f"Inschrijving {i.nummer} valt uit; de wachtkamer is leeg."
        return f"Inschrijving {i.nummer} valt uit; inschrijving {op.nummer} schuift op."
    raise ValidationError(f"Onbekende actie '{actie}'.")


@require_POST
@requires(Sectie.VERWERVING, Actie.INSCHRIJVEN)
def bezwaar(request: HttpRequest, referentie: str) -> HttpResponse:
    """A bidder files an objection against the selection or the award on the page."""
    a = _aanbesteding(request, referentie)
    aanbieder = _aanbieder(request)
    if aanbieder is None:
        raise PermissionDenied("Alleen een inschrijver maakt bezwaar.")
    eigen = get_object_or_404(Inschrijving, aanbesteding=a, aanbieder=aanbieder)

    def doe() -> str:
        if not request.POST.get("tekst", "").strip():
            raise ValidationError("Schrijf uw bezwaar.")
        b = s.bezwaar_dien_in(
            inschrijving=eigen,
            tekst=request.POST["tekst"],
            tegen=request.POST.get("tegen", "selectie"),
        )
        return f"Uw bezwaar tegen de {b.tegen} is ontvangen op {datum_lang(b.ingediend_op)}."

    return _uitvoeren(request, doe, "verwerving:aanbesteding", referentie)


# --- dialogue ------------------------------------------------------------------------------


@requires(Sectie.VERWERVING, Actie.WIJZIGEN)
def dialoog(request: HttpRequest, referentie: str) -> HttpResponse:
    """Rounds, topics (the seeds' list in one click), sessions with the partners and
    their minutes, and the agreements register with each agreement's status."""
    a = _aanbesteding(request, referentie)
    if request.method == "POST":
        return _uitvoeren(
            request, lambda: _dialoog_post(request, a), "verwerving:dialoog", referentie
        )
    afspraken = (
        Afspraak.objects.filter(onderwerp__aanbesteding=a)
        .select_related("onderwerp", "sessie")
        .order_by("onderwerp__code", "pk")
    )
    return render(
        request,
        "verwerving/dialoog.html",
        {
            "a": a,
            "rondes": a.dialoogrondes.prefetch_related(
                "sessies__onderwerpen", "sessies__deelnemers__aanbieder"
            ),
            "onderwerpen": a.dialoogonderwerpen.all(),
            "partners": a.inschrijvingen.filter(status=InschrijvingStatus.GESELECTEERD)
            .select_related("aanbieder")
            .order_by("rang"),
            "afspraken": [(af, AFSPRAAK_LEVENSCYCLUS.volgende(af.status)) for af in afspraken],
            "rondeform": f.RondeForm(),
            "onderwerpform": f.OnderwerpForm(),
            "sessies": [sessie for r in a.dialoogrondes.all() for sessie in r.sessies.all()],
        },
    )


def _dialoog_post(request: HttpRequest, a: Aanbesteding) -> str:
    p = request.POST
    actie = p.get("actie", "")
    if actie == "ronde":
        d = f.geldig(f.RondeForm(p))
        r = s.dialoogronde_maak(aanbesteding=a, naam=d["naam"], van=d["van"], tot=d["tot"])
        return f"Ronde {r.nummer} ({r.naam}) gepland."
    if actie == "onderwerp":
        d = f.geldig(f.OnderwerpForm(p))
        o = s.dialoogonderwerp_maak(aanbesteding=a, code=d["code"], naam=d["naam"], bron=d["bron"])
        return f"Onderwerp {o.code} toegevoegd."
    if actie == "sjabloon":
        n = s.sjabloon_neem_over(aanbesteding=a, wat="onderwerpen")
        return f"{n} onderwerpen uit seeds 000 en 002 overgenomen."
    if actie == "sessie":
        ronde = get_object_or_404(Dialoogronde, aanbesteding=a, pk=nummer(p.get("ronde")))
        datum = forms.DateField().clean(p.get("datum"))
        onderwerpen = list(
            Dialoogonderwerp.objects.filter(aanbesteding=a, pk__in=p.getlist("onderwerpen"))
        )
        deelnemers = list(a.inschrijvingen.filter(pk__in=p.getlist("deelnemers")))
        if not deelnemers:
            raise ValidationError("Kies de partners die deelnamen.")
        gehouden = s.dialoogsessie_houd(
            ronde=ronde,
            datum=datum,
            onderwerpen=onderwerpen,
            deelnemers=deelnemers,
            verslag=p.get("verslag", ""),
        )
        return f"Sessie van {datum_lang(gehouden.datum)} vastgelegd."
    if actie == "afspraak":
        o = get_object_or_404(Dialoogonderwerp, aanbesteding=a, pk=nummer(p.get("onderwerp")))
        sessie: Dialoogsessie | None = None
        if p.get("sessie"):
            sessie = get_object_or_404(
                Dialoogsessie, ronde__aanbesteding=a, pk=nummer(p.get("sessie"))
            )
        af = s.afspraak_leg_vast(onderwerp=o, tekst=p.get("tekst", ""), sessie=sessie)
        return f"Afspraak bij {o.code} vastgelegd ({af.get_status_display()})."
    if actie == "afspraakstatus":
        af = get_object_or_404(Afspraak, onderwerp__aanbesteding=a, pk=nummer(p.get("afspraak")))
        s.afspraak_status_wijzig(
            afspraak=af, naar=p.get("naar", ""), reden=p.get("reden", ""), door=_gebruiker(request)
        )
        return f"Afspraak bij {af.onderwerp.code}: {af.get_status_display()}."
    raise ValidationError(f"Onbekende actie '{actie}'.")


# --- coverage ------------------------------------------------------------------------------


@requires(Sectie.VERWERVING, Actie.WIJZIGEN)
def dekking(request: HttpRequest, referentie: str) -> HttpResponse:
    """Expected demand against the capacity statements, per area and per expertise and
    area: shortages (even all partners at their maximum fall short) and over-capacity
    (their minimums alone exceed demand)."""
    a = _aanbesteding(request, referentie)
    if request.method == "POST":
        return _uitvoeren(
            request, lambda: _dekking_post(request, a), "verwerving:dekking", referentie
        )
    verzegeld = selectors.verzegeld(a)
    beeld = None if verzegeld else selectors.dekking_van(a)
    per_gebied = beeld.per_gebied if beeld else []
    per_expertise = beeld.per_expertise if beeld else []
    namen = dict(a.regio.gebieden.values_list("code", "naam"))
    grafiek = ""
    if per_gebied:
        grafiek = dekking_grafiek(
            [
                {
                    "cel": f"{namen.get(r.gebied, r.gebied)}",
                    "minimum": r.minimum,
                    "maximum": r.maximum,
                    "vraag": r.vraag,
                    "oordeel": r.oordeel,
                }
                for r in per_gebied
            ],
            "Dekking per gebied (alle expertises)",
        )
    return render(
        request,
        "verwerving/dekking.html",
        {
            "a": a,
            "verzegeld": verzegeld,
            "per_gebied": per_gebied,
            "per_expertise": per_expertise,
            "namen": namen,
            "grafiek": grafiek,
            "bron": beeld.bron if beeld else "inschrijvingen",
            "ramingen": a.vraagramingen.order_by("expertise", "gebied"),
            "ramingform": f.VraagramingForm(),
            "monitorform": f.MonitorperiodeForm(),
            "gebieden": a.regio.gebieden.order_by("volgorde", "code"),
            "tekorten": sum(1 for r in per_expertise + per_gebied if r.oordeel == "tekort"),
        },
    )


def _dekking_post(request: HttpRequest, a: Aanbesteding) -> str:
    p = request.POST
    actie = p.get("actie", "")
    if actie == "raming":
        d = f.geldig(f.VraagramingForm(p))
        gebieden = set(a.regio.gebieden.values_list("code", flat=True))
        if d["gebied"] not in gebieden:
            raise ValidationError(
                f"Gebied '{d['gebied']}' is geen gebied van de regio "
                f"({', '.join(sorted(gebieden))})."
            )
        v = s.vraagraming_zet(
            aanbesteding=a, expertise=d["expertise"], gebied=d["gebied"], aantal=d["aantal"]
        )
        return f"Verwachte vraag {v.expertise} in {v.gebied}: {v.aantal}."
    if actie == "monitor":
        d = f.geldig(f.MonitorperiodeForm(p))
        n = s.vraagramingen_neem_over(aanbesteding=a, van=d["van"], tot=d["tot"])
        return f"Verwachte vraag van {n} gebieden uit de monitor overgenomen."
    if actie == "verwijder":
        v = get_object_or_404(Vraagraming, aanbesteding=a, pk=nummer(p.get("raming")))
        s.vraagraming_verwijder(vraagraming=v)
        return f"Raming {v.expertise} in {v.gebied} verwijderd."
    raise ValidationError(f"Onbekende actie '{actie}'.")
