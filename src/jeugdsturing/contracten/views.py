# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Pages of contracts and money (Dutch). Thin: read the request, call a selector or a
service, render. Every page narrows what it shows with the user's Scope."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.http import content_disposition_header

from jeugdsturing.contracten import services
from jeugdsturing.contracten.jaarprognose import (
    OORDELEN,
    jaarprognose,
    oordeel,
    per_aanbieder,
    prognose_totaal,
)
from jeugdsturing.contracten.models import (
    Aanbieder,
    Goedkeuring,
    Lumpsum,
    Overeenkomst,
)
from jeugdsturing.contracten.prognose import METHODE_NAMEN
from jeugdsturing.contracten.reeleprijs import VELD_NAMEN, Kostprijsopbouw, bereken, per_uur
from jeugdsturing.contracten.selectors import (
    begroting_matrix,
    continuiteitsbudget,
    geld_geschiedenis,
    lumpsum_perspectief,
    lumpsum_rijen,
    lumpsum_vaststellingen,
    regionale_tarieven,
    zichtbare_overeenkomsten,
)
from jeugdsturing.core.access import Actie, Sectie, eis, ingelogd, mag, requires, scope_van
from jeugdsturing.regio.models import Gemeente, Regio, Thema
from jeugdsturing.regio.selectors import regio_voor
from jeugdsturing.weergave import export
from jeugdsturing.weergave.grafieken import realisatie_grafiek
from jeugdsturing.weergave.invoer import (
    Invoerfout,
    jaar_of,
    lees_bedrag,
    lees_datum,
    lees_getal,
    nummer,
)
from jeugdsturing.weergave.tabel import Kolom, tabel
from jeugdsturing.weergave.templatetags.bedragen import euro


def _regio(request: HttpRequest) -> Regio:
    regio = regio_voor(request.user)
    if regio is None:
        raise PermissionDenied("Er is geen regio ingericht.")
    return regio


def _jaar(request: HttpRequest, standaard: int) -> int:
    return jaar_of(request.GET.get("jaar"), standaard)


def _namen(regio: Regio) -> tuple[dict[str, str], dict[str, str]]:
    gemeenten = dict(regio.gemeenten.values_list("code", "naam"))
    aanbieders = dict(Aanbieder.objects.values_list("agb_code", "naam"))
    return gemeenten, aanbieders


def _lumpsumjaren(regio: Regio) -> list[int]:
    return sorted(
        set(Lumpsum.objects.filter(overeenkomst__regio=regio).values_list("jaar", flat=True))
    )


@requires(Sectie.CONTRACTEN, post=Actie.WIJZIGEN)
def begroting(request: HttpRequest) -> HttpResponse:
    regio = _regio(request)
    jaar = _jaar(request, 2028)
    scope = scope_van(request.user)
    mag_wijzigen = mag(request.user, Sectie.CONTRACTEN, Actie.WIJZIGEN)
    if request.method == "POST" and request.POST.get("actie") == "goedkeuring":
        return _goedkeuring_vastleggen(request, regio, jaar)
    if request.method == "POST":
        try:
            gemeente = get_object_or_404(Gemeente, code=request.POST["gemeente"])
            thema_code = request.POST.get("thema", "")
            thema = get_object_or_404(Thema, regio=regio, code=thema_code) if thema_code else None
            bedrag = lees_bedrag(request.POST.get("bedrag_euro", ""), "Bedrag")
            goedkeuring = _goedkeuring(request, regio)
            services.begroting_zet(
                regio=regio, gemeente=gemeente, jaar=int(request.POST["jaar"]), thema=thema,
                bedrag_eurocent=int(bedrag), reden=request.POST.get("reden", ""),
                goedkeuring=goedkeuring,
            )  # fmt: skip
            messages.success(request, "De begroting is gewijzigd.")
        except (ValidationError, Invoerfout, KeyError, ValueError) as e:
            tekst = (
                "; ".join(e.messages) if isinstance(e, ValidationError)
                else str(e) if isinstance(e, Invoerfout)
                else "vul gemeente, jaar en bedrag in."
            )  # fmt: skip
            messages.error(request, f"Niet gewijzigd: {tekst}")
        return redirect(f"{request.path}?jaar={request.POST.get('jaar', jaar)}")
    themas, rijen = begroting_matrix(regio, jaar, scope=scope)
    continuiteit = continuiteitsbudget(regio, jaar, scope=scope)
    rijen_c = [(*r, continuiteit.get(r[0])) for r in rijen]
    jaren = sorted(set(regio.begrotingen.values_list("jaar", flat=True)))
    return render(
        request,
        "contracten/begroting.html",
        {
            "regio": regio, "jaar": jaar, "jaren": jaren, "themas": themas, "rijen": rijen,
            "totalen": [sum(r[2][i] or 0 for r in rijen) for i in range(len(themas))],
            "totaal": sum(r[3] or 0 for r in rijen),
            "rijen_c": rijen_c, "continuiteit": bool(continuiteit),
            "continuiteit_totaal": sum(continuiteit.values()),
            "kader": regio.begrotingskaders.filter(jaar=jaar).first(),
            "mag_wijzigen": mag_wijzigen,
            "gemeenten": regio.gemeenten.order_by("naam"),
            "goedkeuringen": _goedkeuringen(regio),
            "mag_goedkeuren": mag(request.user, Sectie.CONTRACTEN, Actie.GOEDKEUREN),
            "vandaag": timezone.localdate(),
        },
    )  # fmt: skip


def _goedkeuring_vastleggen(request: HttpRequest, regio: Regio, jaar: int) -> HttpResponse:
    """Record an approval (bestuurlijk or contractueel besluit) that allows a total to be
    exceeded; only the roles that may approve (docs/rollen.md)."""
    eis(request.user, Sectie.CONTRACTEN, Actie.GOEDKEUREN)
    try:
        try:
            datum = parse_date(request.POST.get("datum", "") or "")
        except ValueError:
            datum = None
        if datum is None:
            raise Invoerfout("Datum besluit: vul een datum in (jjjj-mm-dd).")
        bedrag = lees_bedrag(request.POST.get("bedrag_euro", ""), "Bedrag van de overschrijding")
        bestand = request.FILES.get("document")
        if bestand is None:
            raise Invoerfout("Besluit: voeg het document van het besluit toe (PDF of Word).")
        g = services.goedkeuring_leg_vast(
            regio=regio, onderwerp=request.POST.get("onderwerp", "").strip(),
            besluit=request.POST.get("besluit", ""), goedgekeurd_door=request.POST.get("wie", ""),
            datum=datum, bedrag_eurocent=bedrag, door=ingelogd(request.user),
            document=(bestand.name or "besluit", bestand.read()),
        )  # fmt: skip
        messages.success(
            request, f"Goedkeuring '{g.besluit}' vastgelegd; kies haar bij de wijziging."
        )
    except (ValidationError, Invoerfout) as e:
        tekst = "; ".join(e.messages) if isinstance(e, ValidationError) else str(e)
        messages.error(request, f"Niet vastgelegd: {tekst}")
    return redirect(f"{request.path}?jaar={jaar}")


@requires(Sectie.CONTRACTEN)
def goedkeuring_document(request: HttpRequest, pk: int) -> HttpResponse:
    """The decision behind an approval, for the roles that change or approve budgets of
    the region."""
    if not mag(request.user, Sectie.CONTRACTEN, Actie.GOEDKEUREN):
        eis(request.user, Sectie.CONTRACTEN, Actie.WIJZIGEN)
    g = get_object_or_404(Goedkeuring, pk=pk, regio=_regio(request))
    if not g.document:
        raise Http404("Bij deze goedkeuring is geen document vastgelegd.")
    antwoord = HttpResponse(bytes(g.document), content_type=g.document_type)
    antwoord["Content-Disposition"] = (
        content_disposition_header(True, g.document_naam) or "attachment"
    )
    antwoord["Cache-Control"] = "no-store"
    return antwoord


@requires(Sectie.CONTRACTEN)
def overeenkomsten(request: HttpRequest) -> HttpResponse:
    regio = _regio(request)
    lijst = zichtbare_overeenkomsten(regio, scope=scope_van(request.user))
    return render(request, "contracten/overeenkomsten.html", {"regio": regio, "lijst": lijst})


@requires(Sectie.CONTRACTEN, post=Actie.WIJZIGEN)
def overeenkomst(request: HttpRequest, pk: int) -> HttpResponse:
    regio = _regio(request)
    scope = scope_van(request.user)
    ok = get_object_or_404(Overeenkomst, pk=pk, regio=regio)
    if scope.aanbieder and ok.aanbieder.agb_code != scope.aanbieder:
        raise PermissionDenied("U ziet alleen de overeenkomsten van uw eigen organisatie.")
    if scope.gemeente and ok not in zichtbare_overeenkomsten(regio, scope=scope):
        raise PermissionDenied(
            "U ziet alleen de overeenkomsten met een plafond of lumpsum voor uw gemeente."
        )
    if request.method == "POST":
        _overeenkomst_wijzig(request, regio, ok)
        return redirect("contracten:overeenkomst", pk=ok.pk)
    mag_wijzigen = mag(request.user, Sectie.CONTRACTEN, Actie.WIJZIGEN)
    plafonds = ok.plafonds.select_related("gemeente").order_by("jaar", "gemeente__naam")
    lumpsums = Lumpsum.objects.filter(overeenkomst=ok).select_related("gemeente", "thema")
    if scope.gemeente:
        plafonds = plafonds.filter(gemeente__code=scope.gemeente)
        lumpsums = lumpsums.filter(gemeente__code=scope.gemeente)
    return render(
        request,
        "contracten/overeenkomst.html",
        {
            "regio": regio, "ok": ok, "plafonds": plafonds,
            "lumpsums": lumpsums.order_by("jaar", "gemeente__naam", "thema__code"),
            "producten": ok.producten.select_related("product", "product__thema"),
            "tarieven": [
                t for r in ok.producten.select_related("product") for t in r.product.tarieven.all()
            ],
            # the status history is the team's and the provider's, not a gemeente's
            "statussen": []
            if scope.gemeente
            else ok.statuswijzigingen.select_related("door", "content_type"),
            "mag_wijzigen": mag_wijzigen,
            "gemeenten": regio.gemeenten.order_by("naam"),
            "goedkeuringen": _goedkeuringen(regio) if mag_wijzigen else [],
            "indexaties": regio.indexaties.order_by("jaar"),
            "geschiedenis": geld_geschiedenis(ok) if mag_wijzigen else [],
        },
    )  # fmt: skip


def _overeenkomst_wijzig(request: HttpRequest, regio: Regio, ok: Overeenkomst) -> None:
    """Tariffs (with validity), ceilings and the year's indexation: each through its
    service, so each change has its reason and history."""
    p = request.POST
    actie = p.get("actie", "")
    try:
        if actie == "tarief":
            regel = (
                ok.producten.select_related("product")
                .filter(product__code=p.get("product", ""))
                .first()
            )
            if regel is None:
                raise Invoerfout("Product: kies een product van deze overeenkomst.")
            van = lees_datum(p.get("geldig_van", ""), "Geldig van")
            tot_tekst = p.get("geldig_tot", "")
            tot = lees_datum(tot_tekst, "Geldig tot") if tot_tekst.strip() else None
            bedrag = lees_bedrag(p.get("bedrag_euro", ""), "Tarief")
            services.tarief_voeg_toe(
                product=regel.product, bedrag_eurocent=bedrag,
                geldig_van=van, geldig_tot=tot,
                overeenkomst=ok if p.get("alleen_deze") == "1" else None,
                reden=p.get("reden", "").strip() or "tarief gewijzigd",
            )  # fmt: skip
            messages.success(request, f"Nieuw tarief voor {regel.product.code} vastgelegd.")
        elif actie == "plafond":
            gemeente = regio.gemeenten.filter(code=p.get("gemeente", "")).first()
            if gemeente is None:
                raise Invoerfout("Gemeente: kies een gemeente van de regio.")
            jaar = p.get("jaar", "")
            if not jaar.isdigit():
                raise Invoerfout(f"Jaar: '{jaar}' is geen jaar.")
            if not p.get("reden", "").strip():
                raise Invoerfout("Geef een reden voor het plafond.")
            services.plafond_zet(
                overeenkomst=ok, gemeente=gemeente, jaar=int(jaar),
                bedrag_eurocent=lees_bedrag(p.get("bedrag_euro", ""), "Plafond"),
                reden=p.get("reden", ""), goedkeuring=_goedkeuring(request, regio),
            )  # fmt: skip
            messages.success(request, f"Plafond {jaar} voor {gemeente.naam} vastgelegd.")
        elif actie == "indexatie":
            jaar = p.get("jaar", "")
            if not jaar.isdigit():
                raise Invoerfout(f"Jaar: '{jaar}' is geen jaar.")
            services.indexatie_zet(
                regio=regio, jaar=int(jaar),
                percentage=lees_getal(p.get("percentage", ""), "Indexatie"),
                bron=p.get("bron", "").strip(),
            )  # fmt: skip
            messages.success(request, f"Indexatie {jaar} vastgelegd.")
        else:
            messages.error(request, "Onbekende actie.")
    except (ValidationError, Invoerfout) as e:
        tekst = "; ".join(e.messages) if isinstance(e, ValidationError) else str(e)
        messages.error(request, f"Niet vastgelegd: {tekst}")


@requires(Sectie.CONTRACTEN, post=Actie.WIJZIGEN)
def lumpsums(request: HttpRequest) -> HttpResponse:
    regio = _regio(request)
    jaar = _jaar(request, 2028)
    if request.method == "POST":
        return _bijstellen(request, regio)
    rijen = lumpsum_rijen(regio, jaar, scope=scope_van(request.user))
    if request.GET.get("formaat") == "csv":
        eis(request.user, Sectie.CONTRACTEN, Actie.EXPORTEREN)
        kop = ["AGB-code", "Aanbieder", "Gemeentecode", "Gemeente", "Thema", "Bedrag (euro)"]
        data: list[list[export.Cel]] = [
            [str(r["aanbieder"]), str(r["aanbieder_naam"]), str(r["gemeente"]),
             str(r["gemeente_naam"]), str(r["thema"]), export.euro(int(r["bedrag_eurocent"]))]  # type: ignore[call-overload]
            for r in rijen
        ]  # fmt: skip
        response = HttpResponse(export.csv_tekst(kop, data), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="lumpsums-{regio.code}-{jaar}.csv"'
        return response
    gemeenten = sorted(
        {(str(r["gemeente"]), str(r["gemeente_naam"])) for r in rijen}, key=lambda x: x[1]
    )
    themas = sorted({str(r["thema"]) for r in rijen})
    # Per provider: its contributions summed per gemeente and per theme.
    per_gemeente: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    per_thema: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for r in rijen:
        key = (str(r["aanbieder"]), str(r["aanbieder_naam"]))
        per_gemeente[key][str(r["gemeente"])] += int(r["bedrag_eurocent"])  # type: ignore[call-overload]
        per_thema[key][str(r["thema"])] += int(r["bedrag_eurocent"])  # type: ignore[call-overload]
    tabel = [
        {
            "agb": agb, "naam": naam, "totaal": per_gemeente[(agb, naam)].total(),
            "cellen": [per_gemeente[(agb, naam)].get(g) for g, _ in gemeenten],
            "themas": [per_thema[(agb, naam)].get(t) for t in themas],
        }
        for agb, naam in sorted(per_gemeente, key=lambda k: k[1])
    ]  # fmt: skip
    jaren = _lumpsumjaren(regio)
    perspectief_jaren, perspectief = lumpsum_perspectief(regio, scope=scope_van(request.user))
    mag_wijzigen = mag(request.user, Sectie.CONTRACTEN, Actie.WIJZIGEN)
    return render(
        request,
        "contracten/lumpsums.html",
        {
            "regio": regio, "jaar": jaar, "jaren": jaren, "gemeenten": gemeenten,
            "themas": themas, "tabel": tabel,
            "totaal": sum(c.total() for c in per_gemeente.values()),
            "perspectief_jaren": perspectief_jaren, "perspectief": perspectief,
            "mag_wijzigen": mag_wijzigen,
            "alle_gemeenten": regio.gemeenten.order_by("naam") if mag_wijzigen else [],
            "goedkeuringen": _goedkeuringen(regio) if mag_wijzigen else [],
            "vaststellingen": lumpsum_vaststellingen(regio) if mag_wijzigen else [],
        },
    )  # fmt: skip


def _bijstellen(request: HttpRequest, regio: Regio) -> HttpResponse:
    """The yearly adjustment of one gemeente's lump sums (002 3.3.3)."""
    jaar_tekst = request.POST.get("jaar", "")
    try:
        gemeente = regio.gemeenten.filter(code=request.POST.get("gemeente", "")).first()
        if gemeente is None:
            raise Invoerfout("Gemeente: kies een gemeente van de regio.")
        if not jaar_tekst.isdigit():
            raise Invoerfout(f"Jaar: '{jaar_tekst}' is geen jaar.")
        bedrag = lees_bedrag(request.POST.get("bedrag_euro", ""), "Nieuw budget")
        goedkeuring = _goedkeuring(request, regio)
        services.lumpsums_bijstellen(
            regio=regio, gemeente=gemeente, jaar=int(jaar_tekst), bedrag_eurocent=bedrag,
            reden=request.POST.get("reden", ""), goedkeuring=goedkeuring,
            door=ingelogd(request.user),
        )  # fmt: skip
        messages.success(
            request,
            f"De lumpsums {jaar_tekst} van {gemeente.naam} zijn bijgesteld tot {euro(bedrag)}.",
        )
    except (ValidationError, Invoerfout) as e:
        tekst = "; ".join(e.messages) if isinstance(e, ValidationError) else str(e)
        messages.error(request, f"Niet bijgesteld: {tekst}")
    jaar = jaar_tekst if jaar_tekst.isdigit() else "2028"
    return redirect(f"{request.path}?jaar={jaar}")


def _goedkeuringen(regio: Regio) -> list[Goedkeuring]:
    """The region's latest approvals to choose from (without their documents)."""
    return list(Goedkeuring.objects.filter(regio=regio).defer("document")[:20])


def _goedkeuring(request: HttpRequest, regio: Regio) -> Goedkeuring | None:
    """The approval chosen in a form, of this region; Invoerfout for another value."""
    gk_id = request.POST.get("goedkeuring", "")
    if not gk_id:
        return None
    goedkeuring = Goedkeuring.objects.filter(pk=nummer(gk_id), regio=regio).first()
    if goedkeuring is None:
        raise Invoerfout("Goedkeuring: kies een vastgelegde goedkeuring van de regio.")
    return goedkeuring


@requires(Sectie.CONTRACTEN)
def realisatie(request: HttpRequest) -> HttpResponse:
    regio = _regio(request)
    scope = scope_van(request.user)
    jaar = _jaar(request, 2027)
    try:
        maand = min(12, max(1, int(request.GET.get("maand", 4))))
    except ValueError:
        maand = 4
    prognose_ = jaarprognose(regio, jaar, maand, scope=scope)
    rows, backtesttabel, totaal_maand = prognose_.rijen, prognose_.tabel, prognose_.maanden
    gemeenten, aanbieders = _namen(regio)
    # Chart: cumulative realisation to month m, forecast band to December (all rows shown).
    t = prognose_totaal(rows)
    gerealiseerd, prognose, onder, boven, budget = (
        t["gerealiseerd"], t["prognose"], t["onder"], t["boven"], t["budget"],
    )  # fmt: skip
    # PxQ months come from the claims; lump sums only from the 4/8/12-month reports,
    # which are spread evenly over the months they cover.
    lumpsum_deel = (gerealiseerd - sum(totaal_maand[:maand])) / maand
    punten: list[dict[str, object]] = []
    cum = 0.0
    for i in range(maand):
        cum += totaal_maand[i] + lumpsum_deel
        punten.append({"maand": i + 1, "soort": "gerealiseerd", "euro": cum / 100})
    punten.append({"maand": maand, "soort": "prognose", "euro": gerealiseerd / 100,
                   "onder": gerealiseerd / 100, "boven": gerealiseerd / 100})  # fmt: skip
    for i in range(maand + 1, 13):
        f = (i - maand) / (12 - maand) if maand < 12 else 1
        punten.append({
            "maand": i, "soort": "prognose",
            "euro": (gerealiseerd + (prognose - gerealiseerd) * f) / 100,
            "onder": (gerealiseerd + (onder - gerealiseerd) * f) / 100,
            "boven": (gerealiseerd + (boven - gerealiseerd) * f) / 100,
        })  # fmt: skip
    grafiek = realisatie_grafiek(
        punten, f"Realisatie en jaarprognose {jaar} (stand maand {maand})",
        budget / 100 if budget else None,
    )  # fmt: skip
    oordelen = dict(OORDELEN)
    samenvatting = per_aanbieder(rows)
    for i, s in enumerate(samenvatting):
        s["rang"] = i
        s["aanbieder_naam"] = aanbieders.get(str(s["aanbieder"]), str(s["aanbieder"]))
        s["oordeel_tekst"] = oordelen[str(s["oordeel"])]
    for r in rows:
        r["aanbieder_naam"] = aanbieders.get(str(r["aanbieder"]), str(r["aanbieder"]))
        r["gemeente_naam"] = gemeenten.get(str(r["gemeente"]), str(r["gemeente"]))
        b = r["budget_eurocent"]
        r["risico_eurocent"] = int(r["prognose_eurocent"]) - int(b) if b else None  # type: ignore[call-overload]
        r["oordeel"] = oordelen[oordeel(
            int(r["prognose_eurocent"]), int(r["onder_eurocent"]), int(r["boven_eurocent"]),  # type: ignore[call-overload]
            int(b) if b is not None else None,  # type: ignore[call-overload]
        )]  # fmt: skip
        r["methode_naam"] = METHODE_NAMEN.get(str(r["methode"]), str(r["methode"]))
    # Details on demand: the rows per provider and gemeente, filtered, sorted and paged.
    kies_aanbieder, kies_gemeente = (
        request.GET.get("aanbieder", ""),
        request.GET.get("gemeente", ""),
    )
    details = [
        r for r in rows
        if kies_aanbieder in ("", r["aanbieder"]) and kies_gemeente in ("", r["gemeente"])
    ]  # fmt: skip
    bedrag = ("gerealiseerd_eurocent", "prognose_eurocent", "budget_eurocent", "risico_eurocent")
    titels = ("Gerealiseerd", "Prognose", "Budget", "Prognose min budget")
    samen = tabel(
        request, samenvatting,
        [Kolom("aanbieder_naam", "Aanbieder"), Kolom("gemeenten", "Gemeenten", getal=True),
         *(Kolom(k, t, getal=True) for k, t in zip(bedrag, titels, strict=True)),
         Kolom("rang", "Oordeel")],
        standaard="rang", voorvoegsel="s",
    )  # fmt: skip
    detail = tabel(
        request, details,
        [Kolom("aanbieder_naam", "Aanbieder"), Kolom("gemeente_naam", "Gemeente"),
         *(Kolom(k, t, getal=True) for k, t in zip(bedrag, titels, strict=True)),
         Kolom("oordeel", "Oordeel"), Kolom("methode_naam", "Methode")],
        standaard="aanbieder_naam", voorvoegsel="d",
    )  # fmt: skip
    return render(
        request,
        "contracten/realisatie.html",
        {
            "regio": regio, "jaar": jaar, "maand": maand, "grafiek": grafiek,
            "samen": samen, "detail": detail, "aantal_rijen": len(rows),
            "kies_aanbieder": kies_aanbieder, "kies_gemeente": kies_gemeente,
            "aanbieders": sorted({(r["aanbieder"], r["aanbieder_naam"]) for r in rows},
                                 key=lambda x: str(x[1])),
            "gemeenten": sorted({(r["gemeente"], r["gemeente_naam"]) for r in rows},
                                key=lambda x: str(x[1])),
            "totaal": {"gerealiseerd": gerealiseerd, "prognose": prognose, "onder": onder,
                       "boven": boven, "budget": budget},
            "backtest": [{**b, "methode_naam": METHODE_NAMEN.get(str(b["methode"]), b["methode"])}
                         for b in backtesttabel or []],
            "maanden": range(1, 13),
        },
    )  # fmt: skip


@requires(Sectie.CONTRACTEN)
def reele_prijs(request: HttpRequest) -> HttpResponse:
    regio = _regio(request)
    fout = None
    waarden = {}
    for veld in Kostprijsopbouw.velden():
        if veld in request.GET:
            try:
                waarden[veld] = lees_getal(request.GET[veld], VELD_NAMEN[veld])
            except Invoerfout as e:
                fout = str(e)
    opbouw = Kostprijsopbouw().met(**waarden)
    try:
        uitkomst = bereken(opbouw) if not fout else None
    except ValueError as e:
        fout, uitkomst = str(e), None
    # The regional tariffs valid (and indexed) on 1 July of the year, per hour.
    tarieven = regionale_tarieven(regio, date(_jaar(request, 2027), 7, 1))
    vergelijking = []
    for product in regio.producten.order_by("code"):
        tarief = tarieven.get(product.code)
        uur = per_uur(tarief, product.eenheid) if tarief is not None else None
        if uur is None:
            continue
        verschil = (
            (uur - uitkomst.uurtarief_eurocent) / uitkomst.uurtarief_eurocent * 100
            if uitkomst
            else None
        )
        vergelijking.append({"product": product, "uur": uur, "verschil": verschil})
    return render(
        request,
        "contracten/reele_prijs.html",
        {
            "regio": regio, "uitkomst": uitkomst, "fout": fout,
            "velden": [
                (v, VELD_NAMEN[v], getattr(opbouw, v)) for v in Kostprijsopbouw.velden()
            ],
            "vergelijking": vergelijking,
        },
    )  # fmt: skip
