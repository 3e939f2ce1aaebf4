# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""What providers deliver: the 4/8/12-month reports, annual accounts for the
excess-profit watch with its norm; and the kept backtest behind a forecast."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from decimal import Decimal

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from jeugdsturing.contracten.jaarcijfers import Jaarregel
from jeugdsturing.contracten.models import (
    Aanbieder,
    Backtestuitslag,
    Jaarcijfers,
    Overeenkomst,
    Prognosestand,
    Verantwoording,
    VerantwoordingRegel,
    Winstnorm,
)
from jeugdsturing.contracten.rapportage import BLAD, Fout, RapportageOngeldig, lees
from jeugdsturing.regio.models import Regio


@transaction.atomic
def backtestuitslag_bewaar(
    *,
    regio: Regio,
    jaar: int,
    maand: int,
    data_versie: str,
    methode: str,
    verhoudingen: list[float],
    tabel: list[dict[str, object]] | None,
) -> Backtestuitslag:
    """Keep the backtest behind a forecast until the data change (the one write a read
    may cause: a derived result, keyed by the data version, that changes nothing a user
    sees; ADR 0009)."""
    uitslag, _ = Backtestuitslag.objects.get_or_create(
        regio=regio, jaar=jaar, maand=maand, data_versie=data_versie,
        defaults={"methode": methode, "verhoudingen": verhoudingen, "tabel": tabel},
    )  # fmt: skip
    return uitslag


def prognosestand_bewaar(
    *,
    regio: Regio,
    jaar: int,
    maand: int,
    data_versie: str,
    rijen: list[dict[str, object]],
    realisatie: dict[str, list[int]],
    tabel: list[dict[str, object]] | None,
) -> Prognosestand:
    """Keep a forecast for one state of the data (a derived result, like the backtest:
    ADR 0009); older states of the same year and month go. Two processes computing the
    same state at once keep one row."""
    try:
        with transaction.atomic():
            stand, _ = Prognosestand.objects.get_or_create(
                regio=regio, jaar=jaar, maand=maand, data_versie=data_versie,
                defaults={"rijen": rijen, "realisatie": realisatie, "tabel": tabel},
            )  # fmt: skip
    except IntegrityError:  # the other process was first
        stand = Prognosestand.objects.get(
            regio=regio, jaar=jaar, maand=maand, data_versie=data_versie
        )
    Prognosestand.objects.filter(regio=regio, jaar=jaar, maand=maand).exclude(
        data_versie=data_versie
    ).delete()
    return stand


@transaction.atomic
def verantwoording_lees_in(
    *,
    regio: Regio,
    data: bytes,
    bestandsnaam: str,
    door: User | None = None,
    alleen_aanbieder: str | None = None,
) -> Verantwoording:
    """Read a filled-in report template, check it against the region and the provider's
    lump-sum contract, and store it; an earlier report for the same period is kept and
    marked replaced. Raises RapportageOngeldig naming sheet, row and column."""
    gemeenten = list(regio.gemeenten.values_list("code", flat=True))
    themas = list(regio.themas.values_list("code", flat=True))
    rapport = lees(data, bestandsnaam, gemeenten=gemeenten, themas=themas)
    if alleen_aanbieder is not None and rapport.agb_code != alleen_aanbieder:
        raise RapportageOngeldig(
            [
                Fout(
                    BLAD,
                    2,
                    "A (agb_code)",
                    rapport.agb_code,
                    "u kunt alleen voor uw eigen organisatie rapporteren",
                )
            ]
        )
    overeenkomst = (
        Overeenkomst.objects.filter(
            regio=regio, aanbieder__agb_code=rapport.agb_code, lumpsums__jaar=rapport.jaar
        )
        .distinct()
        .first()
    )
    if overeenkomst is None:
        raise RapportageOngeldig(
            [
                Fout(
                    BLAD,
                    2,
                    "A (agb_code)",
                    rapport.agb_code,
                    f"deze aanbieder heeft in {regio.code} geen lumpsum voor {rapport.jaar}",
                )
            ]
        )
    Verantwoording.objects.filter(
        overeenkomst=overeenkomst, jaar=rapport.jaar, maanden=rapport.maanden, vervangen=False
    ).update(vervangen=True)
    v = Verantwoording.objects.create(
        overeenkomst=overeenkomst, jaar=rapport.jaar, maanden=rapport.maanden,
        bestandsnaam=bestandsnaam[:300], sha256=hashlib.sha256(data).hexdigest(),
        ingediend_door=door,
    )  # fmt: skip
    gem = {g.code: g for g in regio.gemeenten.all()}
    th = {t.code: t for t in regio.themas.all()}
    VerantwoordingRegel.objects.bulk_create(
        VerantwoordingRegel(
            verantwoording=v,
            gemeente=gem[r.gemeente],
            thema=th[r.thema],
            kosten_eurocent=r.kosten_eurocent,
            clienten=r.clienten,
        )
        for r in rapport.regels
    )
    return v


@transaction.atomic
def jaarcijfers_zet(
    *,
    aanbieder: Aanbieder,
    jaar: int,
    omzet_eurocent: int,
    kosten_eurocent: int,
    bron: str,
    omzet_jeugd_eurocent: int | None = None,
) -> Jaarcijfers:
    """A provider's annual accounts for a year (new, or replacing the earlier figures,
    whose history stays); the result is revenue minus costs."""
    if omzet_eurocent < 0 or kosten_eurocent < 0:
        raise ValidationError("Omzet en kosten zijn niet negatief.")
    obj = Jaarcijfers.objects.filter(aanbieder=aanbieder, jaar=jaar).first() or Jaarcijfers(
        aanbieder=aanbieder, jaar=jaar
    )
    waarden = {
        "omzet_eurocent": omzet_eurocent, "kosten_eurocent": kosten_eurocent,
        "resultaat_eurocent": omzet_eurocent - kosten_eurocent,
        "omzet_jeugd_eurocent": omzet_jeugd_eurocent, "bron": bron,
    }  # fmt: skip
    if obj.pk is not None and all(getattr(obj, k) == v for k, v in waarden.items()):
        return obj  # unchanged: no write, no audit record
    for k, v in waarden.items():
        setattr(obj, k, v)
    obj._change_reason = f"jaarcijfers {jaar}: {bron}"  # type: ignore[attr-defined]
    obj.save()
    return obj


@transaction.atomic
def jaarcijfers_lees_in(
    regels: Sequence[tuple[Aanbieder, Jaarregel]], *, bron: str
) -> list[Jaarcijfers]:
    """An upload of annual accounts, stored whole or not at all."""
    return [
        jaarcijfers_zet(
            aanbieder=a,
            jaar=r.jaar,
            omzet_eurocent=r.omzet_eurocent,
            kosten_eurocent=r.kosten_eurocent,
            omzet_jeugd_eurocent=r.omzet_jeugd_eurocent,
            bron=bron,
        )
        for a, r in regels
    ]


@transaction.atomic
def winstnorm_zet(*, regio: Regio, jaar: int, max_resultaat_pct: Decimal, bron: str) -> Winstnorm:
    if not Decimal(0) <= max_resultaat_pct <= Decimal(100):
        raise ValidationError("Een winstnorm ligt tussen 0 en 100% van de omzet.")
    obj, _ = Winstnorm.objects.update_or_create(
        regio=regio, jaar=jaar, defaults={"max_resultaat_pct": max_resultaat_pct, "bron": bron}
    )
    return obj
