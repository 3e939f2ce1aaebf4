# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Reads of contracts and money: frames for the pure calculations, and what the pages
and the CLI show. Every read that returns rows for a user takes the user's Scope
(core.access) and returns only what it allows: a gemeente its own residents, an
aanbieder its own contracts. There is no default: a caller says whose rows it wants."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Case, Q, Sum, Value, When
from django.db.models.functions import ExtractMonth

from jeugdsturing.berichten.models import Prestatie, PrestatieAfwijzing, Toewijzing, Traject
from jeugdsturing.contracten.models import (
    Begroting,
    Continuiteitsbudget,
    Indexatie,
    Lumpsum,
    LumpsumVaststelling,
    Overeenkomst,
    Plafond,
    Product,
    Tarief,
    Verantwoording,
)
from jeugdsturing.contracten.prognose import Claim, TrajectRegel
from jeugdsturing.contracten.tarieven import TariefRegel, tarief_op
from jeugdsturing.core.access import Scope
from jeugdsturing.core.kolommen import rauwe_rijen
from jeugdsturing.regio.models import Gemeente, Regio


def gemeentecodes(regio: Regio) -> list[str]:
    return list(regio.gemeenten.order_by("code").values_list("code", flat=True))


# --- frames for the calculations -----------------------------------------------------


def claims_frame(regio: Regio, tot_jaar: int, van_jaar: int | None = None) -> list[Claim]:
    """Every claim (JW323 prestatie) of the region's gemeenten for care in the years
    ``van_jaar`` (default: all) to ``tot_jaar``, with the date a JW325 rejected it."""
    codes = gemeentecodes(regio)
    afgewezen = {
        (g, a, ref): d
        for g, a, ref, d in PrestatieAfwijzing.objects.filter(gemeente__in=codes).values_list(
            "gemeente", "aanbieder", "referentie", "dagtekening"
        )
    }
    uit = []
    qs = Prestatie.objects.filter(gemeente__in=codes, begindatum__lt=date(tot_jaar + 1, 1, 1))
    if van_jaar is not None:
        qs = qs.filter(begindatum__gte=date(van_jaar, 1, 1))
    velden = ("aanbieder", "gemeente", "productcode", "begindatum", "bedrag", "tarief",
              "dagtekening", "referentie", "toewijzingnummer")  # fmt: skip
    for a, g, product, begin, bedrag, tarief, ontvangen, ref, nummer in rauwe_rijen(
        qs, velden, datums=("begindatum", "dagtekening")
    ):
        uit.append(
            Claim(
                a,
                g,
                product,
                begin.replace(day=1),
                bedrag,
                tarief,
                ontvangen,
                afgewezen.get((g, a, ref)),
                nummer,
            )
        )
    return uit


def trajecten_frame(regio: Regio) -> list[TrajectRegel]:
    """PxQ trajectories (with an assignment) of the region's gemeenten, with the
    assignment's volume, unit and frequency (fixed per ToewijzingNummer in iJw)."""
    codes = gemeentecodes(regio)
    omvang = {
        (g, n): (v, e, f)
        for g, n, v, e, f in Toewijzing.objects.filter(gemeente__in=codes).values_list(
            "gemeente", "nummer", "volume", "eenheid", "frequentie"
        )
    }
    uit = []
    qs = Traject.objects.filter(gemeente__in=codes, taakgericht=False).exclude(status="verwijderd")
    velden = ("aanbieder", "gemeente", "productcode", "begindatum", "start_gemeld_op",
              "einddatum", "stop_gemeld_op", "toewijzingsdatum", "toewijzingnummer")  # fmt: skip
    datums = ("begindatum", "start_gemeld_op", "einddatum", "stop_gemeld_op", "toewijzingsdatum")
    for a, g, p, begin, sg, eind, eg, tw, nummer in rauwe_rijen(qs, velden, datums=datums):
        v, e, f = omvang.get((g, nummer), (None, "", ""))
        uit.append(TrajectRegel(a, g, p, begin, sg, eind, eg, tw, v, e, f, nummer))
    return uit


def tarief_regels(regio: Regio) -> tuple[list[TariefRegel], dict[int, Decimal]]:
    regels = [
        TariefRegel(code, bedrag, van, tot, ok)
        for code, bedrag, van, tot, ok in Tarief.objects.filter(product__regio=regio).values_list(
            "product__code", "bedrag_eurocent", "geldig_van", "geldig_tot", "overeenkomst_id"
        )
    ]
    indexaties = dict(Indexatie.objects.filter(regio=regio).values_list("jaar", "percentage"))
    return regels, indexaties


def regionale_tarieven(regio: Regio, dag: date) -> dict[str, int]:
    """The regional tariff of every product on a day (indexed)."""
    regels, indexaties = tarief_regels(regio)
    uit = {}
    for code in {r.productcode for r in regels}:
        t = tarief_op(regels, code, dag, indexaties)
        if t is not None:
            uit[code] = t
    return uit


# --- budgets, ceilings and lump sums -------------------------------------------------


def lumpsum_rijen(regio: Regio, jaar: int, *, scope: Scope) -> list[dict[str, object]]:
    """Rows {provider, gemeente, theme, bedrag_eurocent}, ordered."""
    qs = Lumpsum.objects.filter(overeenkomst__regio=regio, jaar=jaar).select_related(
        "overeenkomst__aanbieder", "gemeente", "thema"
    )
    if scope.gemeente:
        qs = qs.filter(gemeente__code=scope.gemeente)
    if scope.aanbieder:
        qs = qs.filter(overeenkomst__aanbieder__agb_code=scope.aanbieder)
    rows = [
        {
            "aanbieder": x.overeenkomst.aanbieder.agb_code,
            "aanbieder_naam": x.overeenkomst.aanbieder.naam,
            "gemeente": x.gemeente.code,
            "gemeente_naam": x.gemeente.naam,
            "thema": x.thema.code,
            "bedrag_eurocent": x.bedrag_eurocent,
        }
        for x in qs
    ]
    rows.sort(key=lambda r: (str(r["aanbieder"]), str(r["gemeente"]), str(r["thema"])))
    return rows


def budgetten_per_aanbieder_gemeente(regio: Regio, jaar: int) -> dict[tuple[str, str], int]:
    """What a provider may spend on a gemeente's residents in a year: its lump-sum
    contributions plus its PxQ ceilings."""
    uit: dict[tuple[str, str], int] = defaultdict(int)
    for a, g, b in Lumpsum.objects.filter(overeenkomst__regio=regio, jaar=jaar).values_list(
        "overeenkomst__aanbieder__agb_code", "gemeente__code", "bedrag_eurocent"
    ):
        uit[(a, g)] += b
    for a, g, b in Plafond.objects.filter(overeenkomst__regio=regio, jaar=jaar).values_list(
        "overeenkomst__aanbieder__agb_code", "gemeente__code", "bedrag_eurocent"
    ):
        uit[(a, g)] += b
    return dict(uit)


def begroting_matrix(
    regio: Regio, jaar: int, *, scope: Scope
) -> tuple[list[str], list[tuple[str, str, list[int | None], int | None]]]:
    """Budget per gemeente per theme for one year: (theme codes, rows of gemeente code,
    name, amounts per theme, total)."""
    themas = list(regio.themas.order_by("volgorde", "code").values_list("code", flat=True))
    per: dict[tuple[str, str], dict[str | None, int]] = defaultdict(dict)
    qs = Begroting.objects.filter(regio=regio, jaar=jaar).select_related("gemeente", "thema")
    if scope.gemeente:
        qs = qs.filter(gemeente__code=scope.gemeente)
    if scope.aanbieder:  # the gemeenten's budgets are not a provider's own (docs/rollen.md)
        qs = qs.none()
    for b in qs:
        per[(b.gemeente.code, b.gemeente.naam)][b.thema.code if b.thema else None] = (
            b.bedrag_eurocent
        )
    rijen = [
        (code, naam, [v.get(t) for t in themas], v.get(None))
        for (code, naam), v in sorted(per.items(), key=lambda kv: kv[0][1])
    ]
    return themas, rijen


def continuiteitsbudget(regio: Regio, jaar: int, *, scope: Scope) -> dict[str, int]:
    """The part of each gemeente's budget reserved for care continuity in one year
    (gemeente code -> eurocent), for the gemeenten whose budgets the user sees."""
    if scope.aanbieder:
        return {}
    qs = Continuiteitsbudget.objects.filter(regio=regio, jaar=jaar)
    if scope.gemeente:
        qs = qs.filter(gemeente__code=scope.gemeente)
    return dict(qs.values_list("gemeente__code", "bedrag_eurocent"))


def verantwoordingen(regio: Regio, jaar: int) -> dict[tuple[str, str], dict[int, int]]:
    """Reported cumulative realisation per (aanbieder, gemeente) per report (4/8/12)."""
    uit: dict[tuple[str, str], dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for v in (
        Verantwoording.objects.filter(overeenkomst__regio=regio, jaar=jaar, vervangen=False)
        .select_related("overeenkomst__aanbieder")
        .prefetch_related("regels__gemeente")
    ):
        for r in v.regels.all():
            uit[(v.overeenkomst.aanbieder.agb_code, r.gemeente.code)][v.maanden] += (
                r.kosten_eurocent
            )
    return {k: dict(v) for k, v in uit.items()}


def zichtbare_overeenkomsten(regio: Regio, *, scope: Scope) -> list[Overeenkomst]:
    """The contracts a user may see: a provider its own; a gemeente those with a ceiling
    or a lump sum for it (docs/rollen.md: "eigen gemeente"); the team all."""
    qs = Overeenkomst.objects.filter(regio=regio).select_related("aanbieder", "combinatie")
    if scope.aanbieder:
        qs = qs.filter(aanbieder__agb_code=scope.aanbieder)
    if scope.gemeente:
        qs = qs.filter(
            Q(plafonds__gemeente__code=scope.gemeente) | Q(lumpsums__gemeente__code=scope.gemeente)
        ).distinct()
    return list(qs.prefetch_related("themas", "producten__product").order_by("nummer"))


def realisatie_rijen(regio: Regio, jaar: int, *, scope: Scope) -> list[dict[str, object]]:
    """PxQ realisation per care month, provider, gemeente and product: claimed (JW323),
    rejected (JW325: the claim's `afgewezen`, kept by the import whatever the order of
    arrival) and approved, in eurocent, as known now. Summed by the database, only for
    the year and the part the viewer may see."""
    qs = Prestatie.objects.filter(
        gemeente__in=gemeentecodes(regio),
        begindatum__gte=date(jaar, 1, 1),
        begindatum__lt=date(jaar + 1, 1, 1),
    )
    if scope.gemeente is not None:
        qs = qs.filter(gemeente=scope.gemeente)
    if scope.aanbieder is not None:
        qs = qs.filter(aanbieder=scope.aanbieder)
    sommen = (
        qs.annotate(m=ExtractMonth("begindatum"))
        .values("aanbieder", "gemeente", "productcode", "m")
        .annotate(
            gedeclareerd=Sum("bedrag"),
            afgewezen_=Sum(Case(When(afgewezen=True, then="bedrag"), default=Value(0))),
        )
        .order_by("aanbieder", "gemeente", "productcode", "m")
    )
    return [
        {
            "aanbieder": r["aanbieder"],
            "gemeente": r["gemeente"],
            "product": r["productcode"],
            "maand": f"{jaar}-{r['m']:02d}",
            "gedeclareerd_eurocent": int(r["gedeclareerd"]),
            "afgewezen_eurocent": int(r["afgewezen_"]),
            "goedgekeurd_eurocent": int(r["gedeclareerd"]) - int(r["afgewezen_"]),
        }
        for r in sommen
    ]


@dataclass(frozen=True)
class BegrotingTabel:
    jaren: list[int]
    rijen: list[tuple[str, list[int | None]]]  # gemeente naam, eurocent per jaar
    totalen: list[int]


def begroting_tabel(*, regio: Regio, scope: Scope) -> BegrotingTabel:
    """Budget per gemeente and year for the whole assignment. A gemeente user sees
    its own gemeente's rows; the region total is shown to everyone."""
    rows = Begroting.objects.filter(regio=regio, thema__isnull=True).select_related("gemeente")
    jaren = sorted({b.jaar for b in rows})
    per_gemeente: dict[str, dict[int, int]] = {}
    totalen = dict.fromkeys(jaren, 0)
    for b in rows:
        totalen[b.jaar] += b.bedrag_eurocent
        if scope.gemeente is None or b.gemeente.code == scope.gemeente:
            per_gemeente.setdefault(b.gemeente.naam, {})[b.jaar] = b.bedrag_eurocent
    return BegrotingTabel(
        jaren=jaren,
        rijen=[(naam, [v.get(j) for j in jaren]) for naam, v in sorted(per_gemeente.items())],
        totalen=[totalen[j] for j in jaren],
    )


@dataclass(frozen=True)
class PerspectiefRij:
    """One gemeente's multi-year perspective: per year its budget for the whole
    assignment and the sum of its lump-sum contributions (eurocent)."""

    code: str
    naam: str
    begroot: list[int | None]
    lumpsums: list[int | None]

    @property
    def paren(self) -> list[tuple[int | None, int | None]]:
        return list(zip(self.begroot, self.lumpsums, strict=True))


def lumpsum_perspectief(regio: Regio, *, scope: Scope) -> tuple[list[int], list[PerspectiefRij]]:
    """The years with lump sums and, per gemeente the user may see, budget and lump sums
    per year: the seed's multi-year table next to what is allocated."""
    lumps: dict[tuple[str, int], int] = defaultdict(int)
    for g, j, b in Lumpsum.objects.filter(overeenkomst__regio=regio).values_list(
        "gemeente__code", "jaar", "bedrag_eurocent"
    ):
        lumps[(g, j)] += b
    jaren = sorted({j for _, j in lumps})
    begroot = {
        (g, j): b
        for g, j, b in Begroting.objects.filter(
            regio=regio, thema__isnull=True, jaar__in=jaren
        ).values_list("gemeente__code", "jaar", "bedrag_eurocent")
    }
    rijen = []
    for code, naam in regio.gemeenten.order_by("naam").values_list("code", "naam"):
        if scope.gemeente is not None and code != scope.gemeente:
            continue
        if scope.aanbieder is not None:
            continue  # a provider sees its own lump sums, not the gemeenten's budgets
        rijen.append(
            PerspectiefRij(
                code,
                naam,
                [begroot.get((code, j)) for j in jaren],
                [lumps.get((code, j)) for j in jaren],
            )
        )
    return jaren, rijen


def lumpsum_vaststellingen(regio: Regio) -> list[LumpsumVaststelling]:
    return list(
        LumpsumVaststelling.objects.filter(regio=regio)
        .select_related("goedkeuring", "door")
        .order_by("-op")[:50]
    )


def geld_geschiedenis(ok: Overeenkomst) -> list[dict[str, object]]:
    """Every change to the tariffs of the contract's products and to its ceilings,
    newest first: when, who, what, the amount, and why (from the history tables)."""
    producten = [r.product_id for r in ok.producten.all()]
    codes = dict(Product.objects.filter(pk__in=producten).values_list("pk", "code"))
    namen = dict(Gemeente.objects.values_list("pk", "naam"))
    rijen: list[dict[str, object]] = []
    soorten = {"+": "nieuw", "~": "gewijzigd", "-": "verwijderd"}
    for h in Tarief.history.filter(product_id__in=producten).select_related("history_user"):
        geldig = f"geldig vanaf {h.geldig_van:%d-%m-%Y}" + (
            f" tot en met {h.geldig_tot:%d-%m-%Y}" if h.geldig_tot else ""
        )
        rijen.append({
            "op": h.history_date, "door": h.history_user, "soort": soorten[h.history_type],
            "wat": f"tarief {codes.get(h.product_id, '')}, {geldig}",
            "bedrag": h.bedrag_eurocent, "reden": h.history_change_reason or "",
        })  # fmt: skip
    for h in Plafond.history.filter(overeenkomst_id=ok.pk).select_related("history_user"):
        rijen.append({
            "op": h.history_date, "door": h.history_user, "soort": soorten[h.history_type],
            "wat": f"plafond {h.jaar} {namen.get(h.gemeente_id, '')}",
            "bedrag": h.bedrag_eurocent, "reden": h.history_change_reason or "",
        })  # fmt: skip
    return sorted(rijen, key=lambda r: r["op"], reverse=True)[:100]  # type: ignore[arg-type,return-value]
