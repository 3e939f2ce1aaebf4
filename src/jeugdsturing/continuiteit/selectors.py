# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Reading for the transition: the inputs of the analysis, the cases a user may see
(always with the user's Scope), counts with small numbers protected, the monthly
dashboard and the continuity budget next to what was claimed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Max, Q, QuerySet

from jeugdsturing.berichten.models import Bericht, Prestatie, Toewijzing, Traject
from jeugdsturing.continuiteit.analyse import Contractering, TrajectFeit, kosten_per_jaar
from jeugdsturing.continuiteit.models import Besluit, Geval, GevalStatus, Transitie, Volgstand
from jeugdsturing.contracten.models import (
    Aanbieder,
    Continuiteitsbudget,
    Onderaannemer,
    Overeenkomst,
    OvereenkomstStatus,
    Product,
)
from jeugdsturing.contracten.prognose.basis import maand_index
from jeugdsturing.contracten.selectors import gemeentecodes, regionale_tarieven
from jeugdsturing.core.access import Scope
from jeugdsturing.core.kolommen import rauwe_rijen
from jeugdsturing.monitor.bescherming import KLEIN, MIN_AANTAL, Regels, afgerond, beschermen
from jeugdsturing.regio.models import Code, Codelijst, Regio
from jeugdsturing.verwerving.models import Aanbesteding, AanbestedingStatus
from jeugdsturing.verwerving.selectors import gegunde_overeenkomst_ids
from jeugdsturing.weergave.templatetags.datums import MAANDEN

GELDIG = (OvereenkomstStatus.CONCEPT, OvereenkomstStatus.ACTIEF, OvereenkomstStatus.OPGESCHORT)


def trajecten(regio: Regio, *, clienten: Iterable[str] | None = None) -> list[TrajectFeit]:
    """The region's trajectories with the assignment's volume and frequency."""
    codes = gemeentecodes(regio)
    qs = Traject.objects.filter(gemeente__in=codes)
    omvang_qs = Toewijzing.objects.filter(gemeente__in=codes)
    if clienten is not None:
        lijst = list(clienten)
        qs, omvang_qs = qs.filter(client__in=lijst), omvang_qs.filter(client__in=lijst)
    omvang = {
        (g, n): (v, f)
        for g, n, v, f in omvang_qs.values_list("gemeente", "nummer", "volume", "frequentie")
    }
    velden = ("sleutel", "gemeente", "aanbieder", "client", "gebied", "taakgericht",
              "toewijzingnummer", "categorie", "productcode", "status", "toewijzingsdatum",
              "toewijzing_einddatum", "begindatum", "start_gemeld_op", "einddatum",
              "stop_gemeld_op", "reden_beeindiging")  # fmt: skip
    datums = ("toewijzingsdatum", "toewijzing_einddatum", "begindatum", "start_gemeld_op",
              "einddatum", "stop_gemeld_op")  # fmt: skip
    uit = []
    for r in rauwe_rijen(qs.order_by("sleutel"), velden, datums=datums):
        v, f = omvang.get((r[1], r[6]), (None, ""))
        uit.append(TrajectFeit(**dict(zip(velden, r, strict=True)), volume=v, frequentie=f))
    return uit


def contractering(
    regio: Regio, overgang: date, aanbesteding: Aanbesteding | None = None
) -> Contractering:
    """Who holds a contract (concept, active or suspended) that runs on the transition
    date, with its themes; a combination's members and subcontractors count with it.
    With a tender: only the contracts its definitive award made."""
    themas: dict[str, set[int]] = defaultdict(set)
    qs = Overeenkomst.objects.filter(
        regio=regio, status__in=GELDIG, ingangsdatum__lte=overgang, einddatum__gte=overgang
    ).prefetch_related("themas", "combinatie__leden")
    if aanbesteding is not None:
        qs = qs.filter(pk__in=gegunde_overeenkomst_ids(aanbesteding))
    onder = defaultdict(list)
    for ok_id, agb in Onderaannemer.objects.filter(overeenkomst__in=qs).values_list(
        "overeenkomst_id", "aanbieder__agb_code"
    ):
        onder[ok_id].append(agb)
    producten: dict[str, set[str]] = defaultdict(set)
    for ok in qs.select_related("aanbieder").prefetch_related("producten__product"):
        ids = {t.pk for t in ok.themas.all()}
        codes = {p.product.code for p in ok.producten.all()}
        leden = [ok.aanbieder.agb_code, *onder[ok.pk]]
        if ok.combinatie is not None:
            leden += [a.agb_code for a in ok.combinatie.leden.all()]
        for agb in leden:
            themas[agb] |= ids
            producten[agb] |= codes
    return Contractering(
        {a: frozenset(t) for a, t in themas.items()},
        {a: frozenset(p) for a, p in producten.items() if p},
    )


def product_thema(regio: Regio) -> dict[str, int]:
    qs = Product.objects.filter(regio=regio, thema__isnull=False)
    return dict(qs.values_list("code", "thema_id"))


def tarieven(regio: Regio, overgang: date) -> dict[str, int]:
    return regionale_tarieven(regio, overgang)


def laatste_bericht(regio: Regio) -> date | None:
    """The Dagtekening of the latest message received for the region: how far the
    traffic is known."""
    d = Bericht.objects.filter(gemeente__in=gemeentecodes(regio)).aggregate(d=Max("dagtekening"))
    laatste: date | None = d["d"]
    return laatste


def zichtbare_gevallen(transitie: Transitie, scope: Scope) -> QuerySet[Geval]:
    """The cases a user sees: the team all; a provider the children it cares for now
    and those planned to transfer to it; a gemeente its own residents."""
    qs = transitie.gevallen.select_related("aanbieder", "partner", "thema")
    if scope.gemeente is not None:
        qs = qs.filter(gemeente=scope.gemeente)
    if scope.aanbieder is not None:
        qs = qs.filter(
            Q(aanbieder__agb_code=scope.aanbieder)
            | Q(partner__agb_code=scope.aanbieder, besluit=Besluit.OVERDRAGEN)
        )
    return qs


TELLINGEN = Regels(aantallen=("trajecten", "kinderen", "zonder_plan"), noemers={}, tellers={},
                   optelbaar=("trajecten", "zonder_plan"))  # fmt: skip


@dataclass(frozen=True)
class Telling:
    dimensie: str
    titel: str
    rijen: list[dict[str, object]]


def tellingen(
    transitie: Transitie, scope: Scope, namen: dict[str, dict[str, str]]
) -> list[Telling]:
    """Affected trajectories, children and cases without a plan, expected remaining
    months and cost, per gemeente, gebied, theme, product category and provider (with
    the reason). Exact for the team; otherwise counts 1-4 are shown as "<5", larger ones
    rounded to 5, with secondary suppression down each column (monitor.bescherming); the
    months and cost are left out where the count is protected."""
    velden = ("gemeente", "gebied", "thema__code", "categorie", "aanbieder__agb_code", "reden",
              "client", "status", "restduur_maanden", "kans_lopend", "maandkosten")  # fmt: skip
    gevallen = [
        dict(zip(velden, r, strict=True))
        for r in zichtbare_gevallen(transitie, scope)
        .exclude(status=GevalStatus.VERVALLEN)
        .values_list(*velden)
    ]
    for g in gevallen:
        g["kosten"] = sum(g["maandkosten"])
    uit = []
    for dim, titel in (("gemeente", "Per gemeente"), ("gebied", "Per gebied"),
                       ("thema", "Per thema"), ("categorie", "Per productcategorie"),
                       ("aanbieder", "Per aanbieder")):  # fmt: skip
        per: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for g in gevallen:
            waarde = {
                "gemeente": g["gemeente"], "gebied": g["gebied"] or "onbekend",
                "thema": g["thema__code"] or "zonder thema", "categorie": g["categorie"],
                "aanbieder": g["aanbieder__agb_code"],
            }[dim]  # fmt: skip
            per[(waarde, g["reden"] if dim == "aanbieder" else "")].append(g)
        rijen: list[dict[str, object]] = []
        for (waarde, reden), lijst in sorted(per.items()):
            rijen.append({
                dim: namen.get(dim, {}).get(waarde, waarde), "reden": reden,
                "trajecten": len(lijst), "kinderen": len({g["client"] for g in lijst}),
                "zonder_plan": sum(g["status"] == GevalStatus.ZONDER_PLAN for g in lijst),
                "restduur": sum(g["restduur_maanden"] * g["kans_lopend"] for g in lijst)
                / len(lijst),
                "kosten": sum(g["kosten"] for g in lijst),
            })  # fmt: skip
        if not scope.exact:
            beschermd = beschermen(rijen, by=[dim], regels=TELLINGEN)
            for b, r in zip(beschermd, rijen, strict=True):
                open_ = isinstance(b["trajecten"], int)
                b["restduur"] = r["restduur"] if open_ and int(r["trajecten"]) >= 10 else None  # type: ignore[call-overload]
                b["kosten"] = r["kosten"] if open_ else None
                b[dim] = r[dim]
                b["reden"] = r["reden"]
            rijen = beschermd
        uit.append(Telling(dim, titel, rijen))
    return uit


@dataclass(frozen=True)
class Maand:
    jaar: int
    maand: int
    gepland: int  # transfers planned by a date in this month
    overgedragen: int  # starts at the new provider in this month
    onderbroken: int  # of which with a gap above the norm
    ontbreekt: int  # stops in this month without a start yet
    beeindigd: int  # continued care ended in this month


def verloop(gevallen: Sequence[Geval], transitie: Transitie, maanden: int = 12) -> list[Maand]:
    """The transition month by month, from two months before the transition date."""
    eerste = maand_index(transitie.overgangsdatum) - 2
    tel: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for g in gevallen:
        if g.besluit == Besluit.OVERDRAGEN and g.plan_datum:
            tel["gepland"][maand_index(g.plan_datum)] += 1
        if g.nieuwe_start and g.volgstand in {
            Volgstand.NAADLOOS,
            Volgstand.ONDERBREKING,
            Volgstand.OVERLAP,
            Volgstand.ANDERE_AANBIEDER,
        }:
            tel["overgedragen"][maand_index(g.nieuwe_start)] += 1
            if g.signaal_sinds:
                tel["onderbroken"][maand_index(g.nieuwe_start)] += 1
        if g.volgstand == Volgstand.START_ONTBREEKT and g.stop_datum:
            tel["ontbreekt"][maand_index(g.stop_datum)] += 1
        if g.volgstand == Volgstand.BEEINDIGD and g.stop_datum:
            tel["beeindigd"][maand_index(g.stop_datum)] += 1
    soorten = ("gepland", "overgedragen", "onderbroken", "ontbreekt", "beeindigd")
    return [
        Maand(mi // 12, mi % 12 + 1, *(tel[k][mi] for k in soorten))
        for mi in range(eerste, eerste + maanden)
    ]


@dataclass(frozen=True)
class Budgetrij:
    gemeente: str
    jaar: int
    gereserveerd: int  # in the budget table
    plan: int  # what the plan now expects
    gerealiseerd: int  # claimed (JW323, not rejected) for care at the current provider
    prognose: int  # claimed + expected for the running cases until their date


def _geclaimd(transitie: Transitie, gevallen: Sequence[Geval]) -> dict[str, dict[int, int]]:
    """Claims per case (traject) per year for care from the transition date."""
    sleutels = {(g.gemeente, g.aanbieder.agb_code, g.toewijzingnummer): g.traject
                for g in gevallen if g.toewijzingnummer}  # fmt: skip
    uit: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    if not sleutels:
        return uit
    qs = Prestatie.objects.filter(
        gemeente__in={k[0] for k in sleutels}, toewijzingnummer__in={k[2] for k in sleutels},
        begindatum__gte=transitie.overgangsdatum, afgewezen=False,
    ).values_list("gemeente", "aanbieder", "toewijzingnummer", "begindatum", "bedrag")  # fmt: skip
    for g, a, n, begin, bedrag in qs:
        traject = sleutels.get((g, a, n))
        if traject is not None:
            uit[traject][begin.year] += bedrag
    return uit


def budget(
    transitie: Transitie, gevallen: Sequence[Geval], peil: date, gemeente: str | None = None
) -> list[Budgetrij]:
    """Per gemeente and year: reserved (the budget table), what the plan now expects,
    what was claimed for continuity care, and the forecast: claimed, plus the expected
    cost of PxQ cases still running at the current provider for the months after
    ``peil`` up to their date, plus the expected cost of taakgericht care (which is not
    claimed) up to its date or its end."""
    o = transitie.overgangsdatum
    plan: dict[tuple[str, int], int] = defaultdict(int)
    prognose: dict[tuple[str, int], int] = defaultdict(int)
    gerealiseerd: dict[tuple[str, int], int] = defaultdict(int)
    geclaimd = _geclaimd(transitie, gevallen)
    for g in gevallen:
        if g.status == GevalStatus.VERVALLEN:
            continue
        for jaar, b in geclaimd.get(g.traject, {}).items():
            gerealiseerd[(g.gemeente, jaar)] += b
            prognose[(g.gemeente, jaar)] += b
        if not g.besluit or g.plan_datum is None:
            continue
        for jaar, b in kosten_per_jaar(g.maandkosten, o, g.plan_datum).items():
            plan[(g.gemeente, jaar)] += b
        # Taakgericht care is not claimed: its expected cost counts for every month.
        # PxQ care still running: the expected cost of the months after the peildatum.
        if g.taakgericht or g.stop_datum is None:
            k0 = 0 if g.taakgericht else max(0, maand_index(peil) - maand_index(o) + 1)
            tot = min(g.plan_datum, g.stop_datum) if g.stop_datum else g.plan_datum
            rest = [0] * k0 + list(g.maandkosten[k0:])
            for jaar, b in kosten_per_jaar(rest, o, tot).items():
                prognose[(g.gemeente, jaar)] += b
    qs = Continuiteitsbudget.objects.filter(regio=transitie.regio)
    if gemeente is not None:  # a gemeente user: its own reservation only
        qs = qs.filter(gemeente__code=gemeente)
    gereserveerd = {
        (c, j): b for c, j, b in qs.values_list("gemeente__code", "jaar", "bedrag_eurocent")
    }
    sleutels = sorted(set(plan) | set(gerealiseerd) | {k for k, v in gereserveerd.items() if v})
    return [
        Budgetrij(g, j, gereserveerd.get((g, j), 0), plan.get((g, j), 0),
                  gerealiseerd.get((g, j), 0), prognose.get((g, j), 0))
        for g, j in sleutels
    ]  # fmt: skip


VERLOOP = Regels(
    aantallen=("gepland", "overgedragen", "onderbroken", "ontbreekt", "beeindigd"),
    noemers={}, tellers={}, optelbaar=("gepland", "overgedragen", "ontbreekt", "beeindigd"),
)  # fmt: skip


def verloop_rijen(maanden: Sequence[Maand], exact: bool) -> list[dict[str, object]]:
    """The months as rows for the page: exact for the team and a provider (its own
    cases); for a gemeente with small numbers protected as in the monitor."""
    rijen: list[dict[str, object]] = [
        {"naam": maandnaam(m.jaar, m.maand), "gepland": m.gepland,
         "overgedragen": m.overgedragen, "onderbroken": m.onderbroken,
         "ontbreekt": m.ontbreekt, "beeindigd": m.beeindigd}
        for m in maanden
    ]  # fmt: skip
    if exact:
        return rijen
    beschermd = beschermen(rijen, by=["naam"], regels=VERLOOP)
    for b, r in zip(beschermd, rijen, strict=True):
        b["naam"] = r["naam"]
    return beschermd


def publiek_aantal(n: int, exact: bool) -> int | str:
    """One count as shown: exact, or "<5" for 1-4 and otherwise rounded to 5."""
    if exact or n == 0:
        return n
    return KLEIN if n < MIN_AANTAL else afgerond(n)


def maandnaam(jaar: int, maand: int) -> str:
    return f"{MAANDEN[maand - 1]} {jaar}"


def namen(regio: Regio) -> dict[str, dict[str, str]]:
    """What codes are called on the pages: gemeenten, gebieden, themes, product
    categories (JZ020) and providers."""
    return {
        "gemeente": dict(regio.gemeenten.values_list("code", "naam")),
        "gebied": dict(regio.gebieden.values_list("code", "naam")),
        "thema": {c: f"{c} {n}" for c, n in regio.themas.values_list("code", "naam")},
        "categorie": {
            c: f"{c} {o}"
            for c, o in Code.objects.filter(lijst=Codelijst.PRODUCTCATEGORIE).values_list(
                "code", "omschrijving"
            )
        },
        "aanbieder": dict(Aanbieder.objects.values_list("agb_code", "naam")),
    }


def partners_per_thema(transitie: Transitie) -> dict[int | None, list[int]]:
    """Per theme the providers (ids, by name) contracted for it from the transition date;
    under None every contracted provider."""
    c = contractering(transitie.regio, transitie.overgangsdatum, transitie.aanbesteding)
    namen = {
        a: (n, pk)
        for a, n, pk in Aanbieder.objects.filter(agb_code__in=c.themas).values_list(
            "agb_code", "naam", "pk"
        )
    }
    uit: dict[int | None, set[int]] = defaultdict(set)
    for agb, themas in c.themas.items():
        if agb in namen:
            for th in (None, *themas):
                uit[th].add(namen[agb][1])
    volgorde = {pk: n for n, pk in namen.values()}
    return {k: sorted(v, key=lambda p: (volgorde[p], p)) for k, v in uit.items()}


def partners(transitie: Transitie) -> list[Aanbieder]:
    """The providers contracted from the transition date, by name."""
    ids = partners_per_thema(transitie).get(None, [])
    return list(Aanbieder.objects.filter(pk__in=ids).order_by("naam"))


def gegunde_aanbestedingen(regio: Regio) -> list[tuple[Aanbesteding, date | None]]:
    """The region's definitively awarded tenders, with the start of their contracts."""
    uit = []
    for a in Aanbesteding.objects.filter(regio=regio, status=AanbestedingStatus.GEGUND):
        ingang = (
            Overeenkomst.objects.filter(pk__in=gegunde_overeenkomst_ids(a))
            .order_by("ingangsdatum")
            .values_list("ingangsdatum", flat=True)
            .first()
        )
        uit.append((a, ingang))
    return uit
