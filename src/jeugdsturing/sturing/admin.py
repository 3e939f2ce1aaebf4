# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Goals in the data management, like the regions: the team's regiobeheerder adjusts a
goal or an indicator (a target, a text) between two runs of the goals file, with
history. Packs, meetings and agreements are not here: they change only through their
pages (a sent pack never)."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from jeugdsturing.sturing.models import Doel, Doelindicator


class DoelindicatorInline(admin.StackedInline[Doelindicator, Doel]):
    model = Doelindicator
    extra = 0


@admin.register(Doel)
class DoelAdmin(SimpleHistoryAdmin):
    list_display = ["code", "thema", "horizon", "regio", "voorbeeld"]
    list_filter = ["regio", "thema", "horizon"]
    search_fields = ["code"]
    inlines = [DoelindicatorInline]


@admin.register(Doelindicator)
class DoelindicatorAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "doel", "soort", "streefwaarde", "streefjaar"]
    list_filter = ["soort", "doel__thema"]
    search_fields = ["code", "naam"]
