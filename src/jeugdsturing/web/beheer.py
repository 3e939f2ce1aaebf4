# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The data management (Django admin) under the same access policy as every page."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from jeugdsturing.core.access import Actie, Sectie, Toegang


class Gegevensbeheer(admin.AdminSite):
    """Django's admin site, for a superuser of the installation only: it can set any
    field, so it is no way round the access policy for a role. The regiobeheerder
    manages its region's users on its own page (web.views_gebruikers)."""

    site_header = "jeugdsturing beheer"
    site_title = "jeugdsturing"
    index_title = "Gegevensbeheer"
    toegang = Toegang(Sectie.BEHEER, Actie.WIJZIGEN, Actie.WIJZIGEN)

    def has_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.is_active and request.user.is_superuser)
