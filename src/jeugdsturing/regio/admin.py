# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

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


@admin.register(Jeugdregio)
class JeugdregioAdmin(SimpleHistoryAdmin):
    list_display = ["code", "naam"]
    search_fields = ["code", "naam"]


@admin.register(Gemeente)
class GemeenteAdmin(SimpleHistoryAdmin):
    list_display = ["code", "naam", "provincie", "jeugdregio", "jongeren_0_17"]
    list_filter = ["provincie", "jeugdregio"]
    search_fields = ["code", "naam"]


@admin.register(Code)
class CodeAdmin(SimpleHistoryAdmin):
    list_display = ["lijst", "code", "omschrijving"]
    list_filter = ["lijst"]
    search_fields = ["code", "omschrijving"]


class GebiedPostcodesInline(admin.TabularInline[GebiedPostcodes, Gebied]):
    model = GebiedPostcodes
    extra = 0


@admin.register(Gebied)
class GebiedAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "code", "regio"]
    list_filter = ["regio"]
    filter_horizontal = ["gemeenten"]
    inlines = [GebiedPostcodesInline]


@admin.register(Thema)
class ThemaAdmin(SimpleHistoryAdmin):
    list_display = ["code", "naam", "regio", "budget_aandeel_pct", "clienten_aandeel_pct"]
    list_filter = ["regio"]


@admin.register(Stuurmoment)
class StuurmomentAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "maand", "regio", "bron"]
    list_filter = ["regio"]


@admin.register(Regio)
class RegioAdmin(SimpleHistoryAdmin):
    list_display = ["code", "naam", "is_demo"]
    filter_horizontal = ["gemeenten", "jeugdregios"]
