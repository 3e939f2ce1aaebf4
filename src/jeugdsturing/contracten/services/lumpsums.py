# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Lump sums: set per year and contract, gemeente and theme, within the theme budgets
(or with an approval), or divided from the budgets exactly to the cent."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from jeugdsturing.contracten.models import (
    Begroting,
    Goedkeuring,
    Lumpsum,
    LumpsumVaststelling,
    Overeenkomst,
)
from jeugdsturing.contracten.services.begroting import GoedkeuringVereist, _dekt, begroting_zet
from jeugdsturing.contracten.verdeling import Gewicht, lumpsums_verdelen, verdeel
from jeugdsturing.regio.models import Gemeente, Regio, Thema


@transaction.atomic
def lumpsums_stel_vast(
    *,
    regio: Regio,
    jaar: int,
    bedragen: Mapping[tuple[int, int, int], int],
    sleutelbron: str,
    reden: str,
    door: User | None = None,
    goedkeuring: Goedkeuring | None = None,
) -> LumpsumVaststelling:
    """Set a year's lump sums: amounts per (overeenkomst, gemeente, thema) ids. The
    contributions for one gemeente and thema may exceed its thema budget only with an
    approval covering the excess. Contributions not in ``bedragen`` are removed (their
    history stays)."""
    if not reden.strip():
        raise ValidationError("Geef een reden voor de vaststelling van de lumpsums.")
    overeenkomsten = {o.pk: o for o in Overeenkomst.objects.filter(regio=regio)}
    per_cel: dict[tuple[int, int], int] = defaultdict(int)
    for (ok_id, gemeente_id, thema_id), bedrag in bedragen.items():
        if ok_id not in overeenkomsten:
            raise ValidationError(f"Overeenkomst {ok_id} hoort niet bij regio {regio.code}.")
        if bedrag < 0:
            raise ValidationError(f"Negatieve lumpsum voor overeenkomst {ok_id}.")
        per_cel[(gemeente_id, thema_id)] += bedrag
    budget = {
        (b.gemeente_id, b.thema_id): b.bedrag_eurocent
        for b in Begroting.objects.filter(regio=regio, jaar=jaar, thema__isnull=False)
    }
    excess = sum(max(0, s - budget.get(cel, 0)) for cel, s in per_cel.items())
    if excess and not _dekt(goedkeuring, regio, excess):
        cel, som = next((c, s) for c, s in per_cel.items() if s > budget.get(c, 0))
        g = Gemeente.objects.get(pk=cel[0])
        t = Thema.objects.get(pk=cel[1])
        raise GoedkeuringVereist(
            f"Lumpsums {g.naam} thema {t.code} {jaar}", budget.get(cel, 0), som
        )
    vaststelling = LumpsumVaststelling.objects.create(
        regio=regio, jaar=jaar, sleutelbron=sleutelbron, reden=reden, goedkeuring=goedkeuring,
        door=door,
    )  # fmt: skip
    bestaand = {
        (x.overeenkomst_id, x.gemeente_id, x.thema_id): x
        for x in Lumpsum.objects.filter(overeenkomst__regio=regio, jaar=jaar)
    }
    for sleutel, bedrag in sorted(bedragen.items()):
        obj = bestaand.pop(sleutel, None)
        if obj is not None and obj.bedrag_eurocent == bedrag:
            continue
        if obj is None:
            obj = Lumpsum(
                overeenkomst_id=sleutel[0], gemeente_id=sleutel[1], thema_id=sleutel[2], jaar=jaar
            )
        obj.bedrag_eurocent, obj.vaststelling = bedrag, vaststelling
        obj._change_reason = reden  # type: ignore[attr-defined]
        obj.save()
    for obj in bestaand.values():
        obj._change_reason = f"vervallen: {reden}"  # type: ignore[attr-defined]
        obj.delete()
    return vaststelling


@transaction.atomic
def lumpsums_verdeel(
    *,
    regio: Regio,
    jaar: int,
    sleutels: Mapping[tuple[int, int], Mapping[int, Gewicht]],
    sleutelbron: str,
    reden: str,
    door: User | None = None,
) -> LumpsumVaststelling:
    """Divide every thema budget of the year over the contracts with the given keys
    (per (gemeente id, thema id): overeenkomst id -> weight), exact to the cent."""
    budgetten: dict[tuple[int, int], int] = {
        (b.gemeente_id, b.thema_id or 0): b.bedrag_eurocent
        for b in Begroting.objects.filter(regio=regio, jaar=jaar, thema__isnull=False).order_by(
            "gemeente__code", "thema__volgorde"
        )
    }
    if not budgetten:
        raise ValidationError(f"Regio {regio.code} heeft voor {jaar} geen themabudgetten.")
    verdeeld = lumpsums_verdelen(budgetten, sleutels)
    bedragen = {(ok, g, t): b for (ok, g, t), b in verdeeld.items()}
    return lumpsums_stel_vast(
        regio=regio, jaar=jaar, bedragen=bedragen, sleutelbron=sleutelbron, reden=reden, door=door
    )


@transaction.atomic
def lumpsums_meerjarig(
    *, regio: Regio, van_jaar: int, tot_jaar: int, reden: str, door: User | None = None
) -> list[LumpsumVaststelling]:
    """The lump sums of every year of the perspective after `van_jaar` up to `tot_jaar`,
    allocated as in the year before: each thema budget of the year divided over the
    contracts in proportion to their contributions in that cell the year before (002
    3.3.1: a multi-year perspective; 3.3.3: adjusted yearly afterwards). Exact to the
    cent: per gemeente the lump sums add up to its thema budgets."""
    vastgesteld = []
    for jaar in range(van_jaar + 1, tot_jaar + 1):
        vorig = Lumpsum.objects.filter(overeenkomst__regio=regio, jaar=jaar - 1)
        if not vorig.exists():
            raise ValidationError(f"Er zijn geen lumpsums voor {jaar - 1} om {jaar} op te baseren.")
        sleutels: dict[tuple[int, int], dict[int, Gewicht]] = defaultdict(dict)
        for x in vorig.order_by("overeenkomst__nummer"):
            if x.overeenkomst.einddatum is None or x.overeenkomst.einddatum.year >= jaar:
                sleutels[(x.gemeente_id, x.thema_id)][x.overeenkomst_id] = x.bedrag_eurocent
        vastgesteld.append(
            lumpsums_verdeel(
                regio=regio, jaar=jaar, sleutels=sleutels, door=door, reden=reden,
                sleutelbron=f"lumpsums {jaar - 1}: de verhoudingen per gemeente en thema",
            )
        )  # fmt: skip
    return vastgesteld


@transaction.atomic
def lumpsums_bijstellen(
    *,
    regio: Regio,
    gemeente: Gemeente,
    jaar: int,
    bedrag_eurocent: int,
    reden: str,
    goedkeuring: Goedkeuring | None = None,
    door: User | None = None,
) -> LumpsumVaststelling:
    """A gemeente's yearly adjustment (002 3.3.3: "de lumpsumafspraken kunnen jaarlijks
    worden bijgesteld ... het is aan de individuele gemeente om hierover te besluiten"):
    its budget for the year becomes `bedrag_eurocent` (above the year's frame only with
    an approval covering the excess), its thema budgets move in proportion, and its
    contributions to every provider's lump sum are divided anew in the same proportions.
    Other gemeenten's contributions stay as they are."""
    if not reden.strip():
        raise ValidationError("Geef een reden voor de bijstelling.")
    rijen = Begroting.objects.filter(
        regio=regio, gemeente=gemeente, jaar=jaar, thema__isnull=False
    ).select_related("thema")
    themabudgetten = {b.thema_id: b for b in rijen.order_by("thema__volgorde", "thema__code")}
    if not themabudgetten:
        raise ValidationError(f"{gemeente.naam} heeft voor {jaar} geen themabudgetten.")
    bijdragen = list(
        Lumpsum.objects.filter(overeenkomst__regio=regio, jaar=jaar, gemeente=gemeente).order_by(
            "overeenkomst__nummer"
        )
    )
    if not bijdragen:
        raise ValidationError(f"{gemeente.naam} heeft voor {jaar} geen lumpsums om bij te stellen.")
    # Lower the thema budgets first when the total goes down, raise the total first when
    # it goes up: the rule "themes never exceed the total" holds at every step.
    nieuw_per_thema = verdeel(
        bedrag_eurocent, {t: b.bedrag_eurocent for t, b in themabudgetten.items()}
    )
    totaal = Begroting.objects.get(regio=regio, gemeente=gemeente, jaar=jaar, thema__isnull=True)
    stappen = (
        ["thema", "totaal"] if bedrag_eurocent < totaal.bedrag_eurocent else ["totaal", "thema"]
    )
    for stap in stappen:
        if stap == "totaal":
            begroting_zet(
                regio=regio, gemeente=gemeente, jaar=jaar, bedrag_eurocent=bedrag_eurocent,
                reden=f"bijstelling lumpsums: {reden}", goedkeuring=goedkeuring,
            )  # fmt: skip
        else:
            for t, b in themabudgetten.items():
                begroting_zet(
                    regio=regio, gemeente=gemeente, jaar=jaar, thema=b.thema,
                    bedrag_eurocent=nieuw_per_thema[t], reden=f"bijstelling lumpsums: {reden}",
                )  # fmt: skip
    bedragen = {
        (x.overeenkomst_id, x.gemeente_id, x.thema_id): x.bedrag_eurocent
        for x in Lumpsum.objects.filter(overeenkomst__regio=regio, jaar=jaar)
    }
    per_cel: dict[int, dict[int, int]] = defaultdict(dict)
    for x in bijdragen:
        per_cel[x.thema_id][x.overeenkomst_id] = x.bedrag_eurocent
    for thema_id, cel in per_cel.items():
        for ok, deel in verdeel(nieuw_per_thema.get(thema_id, 0), cel).items():
            bedragen[(ok, gemeente.pk, thema_id)] = deel
    return lumpsums_stel_vast(
        regio=regio, jaar=jaar, bedragen=bedragen, door=door, goedkeuring=goedkeuring,
        reden=f"bijstelling {gemeente.naam}: {reden}",
        sleutelbron=f"de verhoudingen van de lumpsums {jaar} van {gemeente.naam}",
    )  # fmt: skip
