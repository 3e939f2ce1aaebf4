# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Signal rules from a file, and recording an evaluation: a new signal for a unit newly
outside its limit, the latest value for one still outside, and expiry for an open one
back inside (one in a case stays until the case resolves it)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import cast

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.core.levenscyclus import status_begin, status_wijzig
from jeugdsturing.escalatie.config import STANDAARD, EscalatieConfig, lees_escalatie
from jeugdsturing.escalatie.evaluatie import (
    DREMPEL,
    Bevinding,
    Regel,
    Weigerbron,
    doelwaarde,
    regio_evaluatie,
)
from jeugdsturing.escalatie.models import (
    SIGNAAL_LOPEND,
    Signaal,
    Signaalregel,
    SignaalStatus,
    Toewijzingspoging,
    Uitkomst,
    Verwijsbeleid,
)
from jeugdsturing.monitor.indicatoren import Periode
from jeugdsturing.monitor.vergelijking import Groepering, Punt, venster
from jeugdsturing.regio.models import Gebied, Regio, Thema
from jeugdsturing.regio.services import sync_row

Sleutel = tuple[str, str | None, str | None, str | None]


@transaction.atomic
def regels_richt_in(*, regio: Regio, config: EscalatieConfig) -> Counter[str]:
    """Write the rules and the referral policy of a checked file; only what differs is
    written, with the file as the reason in the history. Rules not in the file stay."""
    reden = f"signaalregels ingericht uit {Path(config.source).name}"
    tellers: Counter[str] = Counter()
    for r in config.regels:
        _, status = sync_row(
            Signaalregel, lookup={"regio": regio, "code": r.code},
            values={"naam": r.naam, "maatstaf": r.maatstaf, "groepering": r.groepering,
                    "vergelijking": r.vergelijking, "doelindicator": r.doelindicator,
                    "minimum_volume": r.minimum_volume, "niveau": r.niveau, "ernst": r.ernst,
                    "periode_maanden": r.periode_maanden, "toelichting": r.toelichting},
            reason=reden,
        )  # fmt: skip
        tellers[f"regels {status}"] += 1
    _, status = sync_row(
        Verwijsbeleid, lookup={"regio": regio}, values=dict(config.verwijsbeleid), reason=reden
    )
    tellers[f"verwijsbeleid {status}"] += 1
    return tellers


def standaard_inrichten(regio: Regio) -> Counter[str]:
    """The default rules and policy for a region that has none (idempotent)."""
    if Signaalregel.objects.filter(regio=regio).exists() and hasattr(regio, "verwijsbeleid"):
        return Counter()
    return regels_richt_in(regio=regio, config=lees_escalatie(STANDAARD))


def regels_van(regio: Regio, codes: list[str] | None = None) -> list[Regel]:
    """The region's active rules as evaluation reads them (a goal's target looked up)."""
    qs = Signaalregel.objects.filter(regio=regio, actief=True).order_by("code")
    if codes:
        onbekend = sorted(set(codes) - set(qs.values_list("code", flat=True)))
        if onbekend:
            raise ValidationError(f"Onbekende signaalregel: {', '.join(onbekend)}.")
        qs = qs.filter(code__in=codes)
    return [
        Regel(
            r.code,
            r.naam,
            r.maatstaf,
            cast(Groepering, r.groepering),
            r.vergelijking,
            r.minimum_volume,
            r.niveau,
            r.periode_maanden,
            doelwaarde(regio, r.doelindicator) if r.vergelijking == "doel" else None,
        )
        for r in qs
    ]


def weigerbron(regio: Regio) -> Weigerbron:
    """Assignments and refusals at the region's intake point in a period, per AGB code
    (by the day of the assignment)."""

    def bron(periode: Periode) -> dict[str, tuple[int, int]]:
        qs = Toewijzingspoging.objects.filter(
            aanmelding__regio=regio, toegewezen_op__date__gte=periode.van,
            toegewezen_op__date__lte=periode.tot,
        )  # fmt: skip
        toe = Counter(qs.values_list("aanbieder__agb_code", flat=True))
        weg = Counter(
            qs.filter(uitkomst=Uitkomst.GEWEIGERD).values_list("aanbieder__agb_code", flat=True)
        )
        return {a: (n, weg.get(a, 0)) for a, n in toe.items()}

    return bron


def _eenheid(regio: Regio, b: Bevinding) -> dict[str, object]:
    groep = b.punt.groep
    return {
        "aanbieder": Aanbieder.objects.get(agb_code=groep["aanbieder"]),
        "thema": Thema.objects.get(regio=regio, code=groep["thema"])
        if groep.get("thema")
        else None,
        "gebied": (
            Gebied.objects.get(regio=regio, code=groep["gebied"]) if groep.get("gebied") else None
        ),
    }


@transaction.atomic
def signalen_werk_bij(
    *, regio: Regio, peil: date, door: AbstractBaseUser | None = None
) -> Counter[str]:
    """Evaluate the region's rules at `peil` and record the result. Returns counts:
    signalen nieuw, bijgewerkt, verlopen."""
    regelrijen = {r.code: r for r in Signaalregel.objects.filter(regio=regio, actief=True)}
    lopend: dict[Sleutel, Signaal] = {
        (s.regel.code, s.aanbieder.agb_code, s.thema.code if s.thema else None,
         s.gebied.code if s.gebied else None): s
        for s in Signaal.objects.filter(regio=regio, status__in=SIGNAAL_LOPEND)
        .select_related("regel", "aanbieder", "thema", "gebied")
    }  # fmt: skip

    def sleutel(regel: Regel, groep: dict[str, str | None]) -> Sleutel:
        return (regel.code, groep["aanbieder"], groep.get("thema"), groep.get("gebied"))

    def bekend(regel: Regel, p: Punt) -> date | None:
        s = lopend.get(sleutel(regel, p.groep))
        return s.sinds if s is not None else None

    bevindingen = regio_evaluatie(
        regio, regels_van(regio), peil, met_trajecten=True, sinds_bekend=bekend,
        weigeringen=weigerbron(regio),
    )  # fmt: skip
    tellers: Counter[str] = Counter()
    gezien: set[Sleutel] = set()
    for b in bevindingen:
        k = sleutel(b.regel, b.punt.groep)
        gezien.add(k)
        onder, boven = b.grens
        per = b.punt
        waarden = {
            "waarde": per.waarde, "doelwaarde": per.grenzen.doel, "onder": onder, "boven": boven,
            "volume": per.volume, "laatst_gezien": peil,
            "niveau": DREMPEL if b.regel.vergelijking == DREMPEL else per.niveau.value,
            "trajecten": list(b.trajecten),
        }  # fmt: skip
        v = venster(peil, b.regel.periode_maanden)
        if k in lopend:
            s = lopend[k]
            for veld, waarde in {**waarden, "periode_van": v.van, "periode_tot": v.tot}.items():
                setattr(s, veld, waarde)
            s._change_reason = f"evaluatie op {peil:%d-%m-%Y}"  # type: ignore[attr-defined]
            s.save()
            tellers["signalen bijgewerkt"] += 1
            continue
        s = Signaal.objects.create(
            regio=regio, regel=regelrijen[b.regel.code], maatstaf=b.regel.maatstaf,
            periode_van=v.van, periode_tot=v.tot, sinds=b.sinds, **_eenheid(regio, b),
            **waarden,
        )  # fmt: skip
        status_begin(s, reden=f"signaal bij de evaluatie op {peil:%d-%m-%Y}", door=door)
        tellers["signalen nieuw"] += 1
    for k, s in lopend.items():
        if k not in gezien and s.status == SignaalStatus.OPEN and s.regel.actief:
            status_wijzig(
                s, naar=SignaalStatus.VERLOPEN, door=door,
                reden=f"bij de evaluatie op {peil:%d-%m-%Y} weer binnen de grenzen",
            )  # fmt: skip
            tellers["signalen verlopen"] += 1
    return tellers


@transaction.atomic
def signaal_sluit(*, signaal: Signaal, reden: str, door: AbstractBaseUser | None = None) -> Signaal:
    """The team resolves a signal (explained, or dealt with outside a case)."""
    return status_wijzig(signaal, naar=SignaalStatus.OPGELOST, reden=reden, door=door)
