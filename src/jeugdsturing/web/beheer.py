# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The data management (Django admin) under the same access policy as every page."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from jeugdsturing.core.access import Actie, Sectie, Toegang, mag


class Gegevensbeheer(admin.AdminSite):
    """Django's admin site, opened by the access policy (beheer, wijzigen) instead of the
    is_staff flag alone; within it Django's model permissions still apply."""

    site_header = "jeugdsturing beheer"
    site_title = "jeugdsturing"
    index_title = "Gegevensbeheer"
    toegang = Toegang(Sectie.BEHEER, Actie.WIJZIGEN, Actie.WIJZIGEN)

    def has_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.is_active) and mag(request.user, Sectie.BEHEER, Actie.WIJZIGEN)
