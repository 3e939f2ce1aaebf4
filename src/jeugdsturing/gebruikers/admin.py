# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from jeugdsturing.gebruikers.models import Profiel


@admin.register(Profiel)
class ProfielAdmin(SimpleHistoryAdmin):
    list_display = ["user", "rol", "regio", "gemeente", "aanbieder"]
    list_filter = ["rol", "regio"]
