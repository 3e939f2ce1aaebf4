# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Distribution of the budgets over the partners (the offer), and the expected demand
the coverage check compares the capacity statements with."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from jeugdsturing.contracten.models import Begroting
from jeugdsturing.contracten.verdeling import lumpsums_verdelen
from jeugdsturing.regio.models import Thema
from jeugdsturing.verwerving.models import (
    Aanbesteding,
    AanbestedingStatus,
    Aanbod,
    Vraagraming,
)
from jeugdsturing.verwerving.selectors import verdeelsleutels, vraag_uit_monitor
from jeugdsturing.weergave.templatetags.datums import datum_lang


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
def vraagramingen_neem_over(*, aanbesteding: Aanbesteding, van: date, tot: date) -> int:
    """Take the expected demand per area from the monitor (vraag_uit_monitor: clients in
    care at the same time, averaged over the period's month ends); returns the number of
    areas. Without data nothing changes."""
    if tot < van:
        raise ValidationError(f"De periode {datum_lang(van)} t/m {datum_lang(tot)} is leeg.")
    vraag = vraag_uit_monitor(aanbesteding, van, tot)
    if not vraag:
        raise ValidationError(
            "De monitor heeft voor deze periode geen cliënten in zorg: voer de vraag in."
        )
    for (expertise, gebied), aantal in vraag.items():
        vraagraming_zet(aanbesteding=aanbesteding, expertise=expertise, gebied=gebied,
                        aantal=aantal, bron=f"monitor: gemiddeld tegelijk in zorg op de "
                        f"maandeinden {datum_lang(van)} t/m {datum_lang(tot)}")  # fmt: skip
    return len(vraag)


@transaction.atomic
def vraagraming_verwijder(*, vraagraming: Vraagraming) -> None:
    if vraagraming.aanbesteding.status in (
        AanbestedingStatus.GEGUND, AanbestedingStatus.INGETROKKEN
    ):  # fmt: skip
        raise ValidationError("De ramingen van een afgeronde aanbesteding blijven zoals ze waren.")
    vraagraming._change_reason = "verwijderd door het regioteam"  # type: ignore[attr-defined]
    vraagraming.delete()
