# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Every write to reference data and region structure. Loads are idempotent: a row is
written only when a value differs, so a re-run adds no audit records."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from django.db import models, transaction

from jeugdsturing.regio.config import RegioConfig
from jeugdsturing.regio.models import (
    Code,
    Gebied,
    GebiedPostcodes,
    Gemeente,
    Jeugdregio,
    Regio,
    Stuurmoment,
    Thema,
)

DATA_DIR = Path(__file__).resolve().parent / "data"

M = TypeVar("M", bound=models.Model)


def sync_row(
    model: type[M], *, lookup: Mapping[str, Any], values: Mapping[str, Any], reason: str
) -> tuple[M, str]:
    """Create or update one row; returns (row, 'nieuw' | 'gewijzigd' | 'ongewijzigd')."""
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        obj._change_reason = reason  # type: ignore[attr-defined]
        obj.full_clean()
        obj.save()
        return obj, "nieuw"
    changed = [k for k, v in values.items() if getattr(obj, k) != v]
    if not changed:
        return obj, "ongewijzigd"
    for k in changed:
        setattr(obj, k, values[k])
    obj._change_reason = reason  # type: ignore[attr-defined]
    obj.full_clean()
    obj.save()
    return obj, "gewijzigd"


def _read_csv(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@transaction.atomic
def referentiedata_laad() -> Counter[str]:
    """Load jeugdzorgregio's, gemeenten and the iJw code lists from the project's data
    files. Returns counts per '<kind> <status>'."""
    reason = "referentiedata geladen (jeugdsturing reference load)"
    counts: Counter[str] = Counter()
    regios = {}
    for row in _read_csv("jeugdregios.csv"):
        obj, status = sync_row(
            Jeugdregio, lookup={"code": row["code"]}, values={"naam": row["naam"]}, reason=reason
        )
        regios[obj.code] = obj
        counts[f"jeugdregio's {status}"] += 1
    for row in _read_csv("gemeenten.csv"):
        _, status = sync_row(
            Gemeente,
            lookup={"code": row["code"]},
            values={
                "naam": row["naam"],
                "provincie": row["provincie"],
                "jeugdregio": regios[row["jeugdregio"]],
                "inwoners": int(row["inwoners"]) if row["inwoners"] else None,
                "jongeren_0_17": int(row["jongeren_0_17"]) if row["jongeren_0_17"] else None,
            },
            reason=reason,
        )
        counts[f"gemeenten {status}"] += 1
    for row in _read_csv("codelijsten.csv"):
        _, status = sync_row(
            Code,
            lookup={"lijst": row["lijst"], "code": row["code"]},
            values={"omschrijving": row["omschrijving"]},
            reason=reason,
        )
        counts[f"codes {status}"] += 1
    return counts


@transaction.atomic
def regio_richt_in(*, config: RegioConfig) -> tuple[Regio, Counter[str]]:
    """Create or update a steering region from a checked configuration. Gebieden,
    thema's and stuurmomenten not in the configuration are left alone (they may carry
    data). The configuration's budget is not written here: budgets follow the rules of
    the budget service (contracten.services.begrotingen_richt_in)."""
    reason = f"regio ingericht uit {Path(config.source).name}"
    counts: Counter[str] = Counter()
    gemeenten = {g.code: g for g in Gemeente.objects.filter(code__in=config.gemeenten)}
    unknown = sorted(set(config.gemeenten) - set(gemeenten))
    if unknown:
        raise ValueError(
            f"{config.source}: gemeenten: onbekende gemeentecode(s) {', '.join(unknown)}; "
            "laad eerst de referentiedata (jeugdsturing reference load)"
        )
    jeugdregios = list(Jeugdregio.objects.filter(code__in=config.jeugdregios))
    if len(jeugdregios) != len(config.jeugdregios):
        raise ValueError(f"{config.source}: jeugdregios: onbekende jeugdregiocode")

    regio, status = sync_row(
        Regio,
        lookup={"code": config.code},
        values={
            "naam": config.naam,
            "bron": config.bron,
            "omschrijving": config.omschrijving,
            "is_demo": config.demo,
            "thema_soort": config.thema_soort,
        },
        reason=reason,
    )
    counts[f"regio {status}"] += 1
    _set_m2m(regio.gemeenten, gemeenten.values())
    _set_m2m(regio.jeugdregios, jeugdregios)

    for i, g in enumerate(config.gebieden):
        gebied, status = sync_row(
            Gebied,
            lookup={"regio": regio, "code": g.code},
            values={"naam": g.naam, "volgorde": i},
            reason=reason,
        )
        counts[f"gebieden {status}"] += 1
        _set_m2m(gebied.gemeenten, [gemeenten[c] for c in g.gemeenten])
        wanted = {(r.gemeente, r.van, r.tot) for r in g.postcodes}
        present = {
            (p.gemeente.code, p.van, p.tot): p for p in gebied.postcodes.select_related("gemeente")
        }
        for key, row in present.items():
            if key not in wanted:
                row._change_reason = reason  # type: ignore[attr-defined]
                row.delete()
        for gem, van, tot in sorted(wanted - set(present)):
            GebiedPostcodes.objects.create(gebied=gebied, gemeente=gemeenten[gem], van=van, tot=tot)

    themas = {}
    for i, t in enumerate(config.themas):
        thema, status = sync_row(
            Thema,
            lookup={"regio": regio, "code": t.code},
            values={
                "naam": t.naam,
                "omschrijving": t.omschrijving,
                "volgorde": i,
                "budget_aandeel_pct": t.budget_aandeel_pct,
                "clienten_aandeel_pct": t.clienten_aandeel_pct,
            },
            reason=reason,
        )
        themas[t.code] = thema
        counts[f"thema's {status}"] += 1

    for s in config.stuurmomenten:
        _, status = sync_row(
            Stuurmoment,
            lookup={"regio": regio, "code": s.code},
            values={
                "naam": s.naam,
                "maand": s.maand,
                "omschrijving": s.omschrijving,
                "bron": s.bron,
            },
            reason=reason,
        )
        counts[f"stuurmomenten {status}"] += 1

    return regio, counts


def _set_m2m(manager: Any, objects: Iterable[models.Model]) -> None:
    wanted = {o.pk for o in objects}
    if set(manager.values_list("pk", flat=True)) != wanted:
        manager.set(wanted)
