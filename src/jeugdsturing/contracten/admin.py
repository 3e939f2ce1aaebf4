# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from jeugdsturing.contracten.models import Aanbieder, Begroting


@admin.register(Aanbieder)
class AanbiederAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "agb_code", "kvk_nummer"]
    search_fields = ["naam", "agb_code"]


@admin.register(Begroting)
class BegrotingAdmin(SimpleHistoryAdmin):
    list_display = ["regio", "gemeente", "jaar", "thema", "bedrag_eurocent"]
    list_filter = ["regio", "jaar", "thema"]
