# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Goals from a goal file, and reported values of their indicators. A goal file is
idempotent like a region file: only what differs is written, with the file as the
reason in the audit trail; goals and indicators not in the file are left alone (values
may hang on them)."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser, User
from django.core.exceptions import ValidationError
from django.db import transaction

from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.regio.models import Gebied, Gemeente, Regio
from jeugdsturing.regio.services import sync_row
from jeugdsturing.sturing.doelconfig import DoelenConfig
from jeugdsturing.sturing.models import Doel, Doelindicator, Indicatorwaarde, Waardesoort


@transaction.atomic
def doelen_richt_in(*, regio: Regio, config: DoelenConfig) -> Counter[str]:
    """Write the goals of a checked goal file; returns counts per '<kind> <status>'."""
    if config.regio != regio.code:
        raise ValidationError(
            f"{config.source}: de doelen horen bij {config.regio}, niet bij {regio.code}."
        )
    reden = f"doelen ingericht uit {Path(config.source).name}"
    themas = {t.code: t for t in regio.themas.all()}
    tellers: Counter[str] = Counter()
    for volgorde, d in enumerate(config.doelen):
        gemeente = Gemeente.objects.get(code=d.gemeente) if d.gemeente else None
        gebied = Gebied.objects.get(regio=regio, code=d.gebied) if d.gebied else None
        doel, status = sync_row(
            Doel,
            lookup={"regio": regio, "code": d.code},
            values={
                "thema": themas[d.thema] if d.thema else None, "gemeente": gemeente,
                "gebied": gebied, "horizon": d.horizon, "teksten": list(d.teksten),
                "volgorde": volgorde, "voorbeeld": d.voorbeeld, "bron": d.bron,
            },
            reason=reden,
        )  # fmt: skip
        tellers[f"doelen {status}"] += 1
        for j, x in enumerate(d.indicatoren):
            _, status = sync_row(
                Doelindicator,
                lookup={"doel": doel, "code": x.code},
                values={
                    "naam": x.naam, "soort": x.soort, "volgorde": j,
                    "monitor_indicator": x.monitor_indicator, "filters": dict(x.filters or {}),
                    "meting": x.meting, "nulmeting_jaar": x.nulmeting_jaar,
                    "waardesoort": x.waardesoort, "door_aanbieder": x.door_aanbieder,
                    "richting": x.richting, "streefwaarde": x.streefwaarde,
                    "streefjaar": x.streefjaar, "streefwaarde_bron": x.streefwaarde_bron,
                },
                reason=reden,
            )  # fmt: skip
            tellers[f"indicatoren {status}"] += 1
    return tellers


@transaction.atomic
def indicatorwaarde_zet(
    *,
    indicator: Doelindicator,
    jaar: int,
    waarde: Decimal | None,
    aanbieder: Aanbieder | None = None,
    document: str = "",
    toelichting: str = "",
    door: AbstractBaseUser | None = None,
) -> Indicatorwaarde:
    """Record the reported value of an indicator for a year (per provider when providers
    report it). A yes/no indicator is 1 or 0 and needs its document for a yes."""
    if indicator.soort != "gerapporteerd":
        raise ValidationError(f"{indicator.naam}: komt uit de monitor en wordt niet ingevoerd.")
    if indicator.door_aanbieder and aanbieder is None:
        raise ValidationError(f"{indicator.naam}: de aanbieder rapporteert deze waarde.")
    if not indicator.door_aanbieder and aanbieder is not None:
        raise ValidationError(f"{indicator.naam}: het regioteam rapporteert deze waarde.")
    if waarde is not None:
        if indicator.waardesoort == Waardesoort.JA_NEE and waarde not in (0, 1):
            raise ValidationError(f"{indicator.naam}: ja (1) of nee (0), niet {waarde}.")
        if indicator.waardesoort == Waardesoort.PERCENTAGE and not 0 <= waarde <= 100:
            raise ValidationError(f"{indicator.naam}: {waarde} ligt niet tussen 0 en 100%.")
        if indicator.waardesoort == Waardesoort.JA_NEE and waarde == 1 and not document.strip():
            raise ValidationError(f"{indicator.naam}: noem het document bij een ja.")
    obj = Indicatorwaarde.objects.filter(
        indicator=indicator, jaar=jaar, aanbieder=aanbieder
    ).first()
    obj = obj or Indicatorwaarde(indicator=indicator, jaar=jaar, aanbieder=aanbieder)
    obj.waarde, obj.document, obj.toelichting = waarde, document.strip(), toelichting.strip()
    obj.ingevoerd_door = door if isinstance(door, User) else None
    obj._change_reason = f"waarde {jaar} ingevoerd"  # type: ignore[attr-defined]
    obj.save()
    return obj


@transaction.atomic
def streefwaarde_zet(
    *,
    indicator: Doelindicator,
    streefwaarde: Decimal | None,
    streefjaar: int | None,
    bron: str,
    door: AbstractBaseUser | None = None,
) -> Doelindicator:
    """The regiobeheerder adjusts a goal's target between two configurations of the
    region (the goal file stays the source at the next one); the history keeps who, when,
    before and after, with the source as the reason."""
    if not bron.strip():
        raise ValidationError(f"{indicator.naam}: noem de bron of het besluit van de streefwaarde.")
    if streefwaarde is not None:
        if not streefwaarde.is_finite() or abs(streefwaarde) >= Decimal("1e10"):
            raise ValidationError(f"{indicator.naam}: '{streefwaarde}' is geen streefwaarde.")
        if indicator.waardesoort == Waardesoort.PERCENTAGE and not -100 <= streefwaarde <= 100:
            raise ValidationError(
                f"{indicator.naam}: {streefwaarde} ligt niet tussen -100 en 100%."
            )
    if streefjaar is not None and not 2000 <= streefjaar <= 2100:
        raise ValidationError(
            f"{indicator.naam}: streefjaar {streefjaar} ligt niet tussen 2000 en 2100."
        )
    indicator.streefwaarde = streefwaarde
    indicator.streefjaar = streefjaar
    indicator.streefwaarde_bron = bron.strip()[:300]
    indicator._change_reason = f"streefwaarde aangepast: {bron.strip()[:200]}"  # type: ignore[attr-defined]
    indicator._history_user = door  # type: ignore[attr-defined]
    indicator.save(update_fields=["streefwaarde", "streefjaar", "streefwaarde_bron"])
    return indicator
