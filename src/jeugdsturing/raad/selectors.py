# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Which council reports a viewer sees: the team all of its region; a gemeente the
published ones of its region and of itself; the council only the published ones of its
region."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from jeugdsturing.core.access import Actie, Gebruiker, Scope, Sectie, mag
from jeugdsturing.raad.models import Raadsrapportage, RapportStatus
from jeugdsturing.regio.models import Regio


def rapportages_voor(user: Gebruiker, regio: Regio, scope: Scope) -> QuerySet[Raadsrapportage]:
    qs = Raadsrapportage.objects.filter(regio=regio).select_related("gemeente")
    if mag(user, Sectie.RAPPORTAGES, Actie.WIJZIGEN):
        return qs
    qs = qs.filter(status=RapportStatus.GEPUBLICEERD)
    if scope.gemeente is not None:
        qs = qs.filter(Q(gemeente__isnull=True) | Q(gemeente__code=scope.gemeente))
    return qs
