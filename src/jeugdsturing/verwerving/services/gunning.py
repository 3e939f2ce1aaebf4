# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Final bids, the provisional award with its standstill, and the definitive award
that creates the contracts and lump sums."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from jeugdsturing.contracten import services as cs
from jeugdsturing.core.levenscyclus import status_wijzig
from jeugdsturing.verwerving.models import (
    IS,
    Aanbesteding,
    AanbestedingStatus,
    Bezwaar,
    Eindbod,
    Inschrijving,
)
from jeugdsturing.verwerving.moment import vandaag as _vandaag
from jeugdsturing.verwerving.selectors import contractnummer, einde_bezwaartermijn_gunning
from jeugdsturing.verwerving.services.dekking import verdeling_maak
from jeugdsturing.verwerving.services.fase import aanbesteding_status_wijzig
from jeugdsturing.weergave.templatetags.datums import datum_lang


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


@transaction.atomic
def gunning_maak_voorlopig(
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
def gunning_maak_definitief(
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
            f"De bezwaartermijn van de voorlopige gunning loopt tot en met {datum_lang(einde)}."
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
        leden = i.bevestigde_leden()  # a combinant that did not confirm is not part of it
        combinatie = (
            cs.combinatie_maak(
                naam=f"Combinatie {i.aanbieder.naam}", penvoerder=i.aanbieder, leden=leden
            )
            if leden
            else None
        )
        themas = [p.thema for p in i.percelen.all() if p.thema is not None]
        ok = cs.overeenkomst_maak(
            regio=a.regio, nummer=contractnummer(a, i.nummer), aanbieder=i.aanbieder,
            ingangsdatum=ingangsdatum, einddatum=einddatum, themas=themas, combinatie=combinatie,
            verlengingsopties=verlengingsopties, verlengingsduur_jaren=verlengingsduur_jaren,
            herkomst=f"gegund in aanbesteding {a.referentie} ({a.naam}), inschrijving {i.nummer}",
            door=door,
        )  # fmt: skip
        ids.append(ok.pk)
        for bod in i.aanbod.all():
            per_jaar.setdefault(bod.jaar, {})[(ok.pk, bod.gemeente_id, bod.thema_id)] = (
                bod.bedrag_eurocent
            )
        status_wijzig(i, naar=IS.GEGUND, reden=f"gegund: overeenkomst {ok.nummer}", door=door)
    for jaar, bedragen in sorted(per_jaar.items()):
        cs.lumpsums_stel_vast(
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
