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
from jeugdsturing.contracten.services.begroting import GoedkeuringVereist, _dekt
from jeugdsturing.contracten.verdeling import Gewicht, lumpsums_verdelen
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
