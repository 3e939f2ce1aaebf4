# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Reads of the audit trail: every change to the audited models, with before and after."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Model
from simple_history.models import registered_models


@dataclass(frozen=True)
class AuditRegel:
    wanneer: datetime
    wie: str
    soort: str
    model: str
    object: str
    reden: str
    wijzigingen: list[tuple[str, Any, Any]]


SOORT = {"+": "aangemaakt", "~": "gewijzigd", "-": "verwijderd"}


def geauditeerde_modellen() -> list[type[Model]]:
    return sorted(
        (m for m in registered_models.values() if hasattr(m, "history")),
        key=lambda m: str(m._meta.verbose_name_plural),
    )


def _waarde(veld: str, w: Any) -> Any:
    """A field value as users read it: an amount stored in eurocent as euros."""
    if veld.endswith("eurocent") and isinstance(w, int) and not isinstance(w, bool):
        teken = "-" if w < 0 else ""
        heel, cent = divmod(abs(w), 100)
        return f"€\u00a0{teken}{heel:,}".replace(",", ".") + f",{cent:02d}"
    return w


def _regel(r: Any) -> AuditRegel:
    changes: list[tuple[str, Any, Any]] = []
    if r.history_type == "~":
        prev = r.prev_record
        if prev is not None:
            delta = r.diff_against(prev, foreign_keys_are_objs=False)
            meta = r.instance_type._meta
            for c in delta.changes:
                veld = meta.get_field(c.field)
                naam = str(veld.verbose_name).replace(" (eurocent)", "")
                keuzes = {str(k): str(v) for k, v in (getattr(veld, "choices", None) or [])}
                oud, nieuw = _waarde(c.field, c.old), _waarde(c.field, c.new)
                if keuzes:  # a status or other choice as users read it, not its code
                    oud, nieuw = keuzes.get(str(oud), oud), keuzes.get(str(nieuw), nieuw)
                changes.append((naam, oud, nieuw))
    return AuditRegel(
        wanneer=r.history_date,
        wie=r.history_user.get_username() if r.history_user else "systeem (commando)",
        soort=SOORT.get(r.history_type, r.history_type),
        model=str(r.instance_type._meta.verbose_name),
        object=str(r.instance),
        reden=r.history_change_reason or "",
        wijzigingen=changes,
    )


def auditregels(
    *,
    model: str | None = None,
    limit: int = 200,
    pagina: int | str = 1,
    per_pagina: int | None = None,
    wie: str | None = None,
    oudste_eerst: bool = False,
) -> tuple[list[AuditRegel], Page[Any]]:
    """The most recent audit records over all audited models (or one; of one user),
    newest first (or oldest first within that window),
    each with the fields it changed (before -> after): one page of `per_pagina` (default:
    all `limit`) of the most recent `limit`. Only the rows of the page are worked out."""
    records: list[Any] = []
    for m in geauditeerde_modellen():
        if model and m._meta.label_lower != model:
            continue
        hist = m.history.model  # type: ignore[attr-defined]
        qs = hist.objects.select_related("history_user")
        if wie:
            qs = qs.filter(history_user__username=wie)
        # A model may hide records that must not show yet (a sealed bid).
        zichtbaar = getattr(m, "audit_zichtbaar", None)
        if zichtbaar is not None:
            qs = zichtbaar(qs)
        records.extend(qs.order_by("-history_date")[:limit])
    records.sort(key=lambda r: r.history_date, reverse=True)
    venster = records[:limit]
    if oudste_eerst:
        venster.reverse()
    paginator = Paginator(venster, per_pagina or limit)
    page = paginator.get_page(pagina)
    return [_regel(r) for r in page.object_list], page
