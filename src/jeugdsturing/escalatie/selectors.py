# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""What each user sees of signals, cases and aanmeldingen (the Scope decides): the
team everything of its region, a provider only its own, the toegang the region's
signals and cases (no money here) and the aanmeldingen."""

from __future__ import annotations

from typing import TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet

from jeugdsturing.core.access import Scope
from jeugdsturing.escalatie.models import Aanmelding, Signaal, Verbetertraject

M = TypeVar("M", bound=Model)


def _regio(scope: Scope, qs: QuerySet) -> QuerySet:  # type: ignore[type-arg]
    return qs.filter(regio_id=scope.regio_id) if scope.regio_id is not None else qs


def signalen_voor(scope: Scope) -> QuerySet[Signaal]:
    qs = _regio(scope, Signaal.objects.select_related("regel", "aanbieder", "thema", "gebied"))
    if scope.aanbieder is not None:
        qs = qs.filter(aanbieder_id=scope.aanbieder_id)
    return qs


def trajecten_voor(scope: Scope) -> QuerySet[Verbetertraject]:
    qs = _regio(scope, Verbetertraject.objects.select_related("aanbieder", "regio"))
    if scope.aanbieder is not None:
        qs = qs.filter(aanbieder_id=scope.aanbieder_id)
    return qs


def aanmeldingen_voor(scope: Scope) -> QuerySet[Aanmelding]:
    qs = _regio(scope, Aanmelding.objects.select_related("gebied", "thema", "aanbieder"))
    if scope.aanbieder is not None:
        qs = qs.filter(pogingen__aanbieder_id=scope.aanbieder_id).distinct()
    return qs


def een(qs: QuerySet[M], pk: int, wat: str) -> M:
    """One object the user may see; a Dutch 403 (not a 404 that leaks) otherwise."""
    obj = qs.filter(pk=pk).first()
    if obj is None:
        raise PermissionDenied(f"Dit {wat} bestaat niet of hoort niet bij uw organisatie.")
    return obj
