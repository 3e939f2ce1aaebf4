# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from jeugdsturing.verwerving import models as m


@admin.register(m.Aanbesteding)
class AanbestedingAdmin(SimpleHistoryAdmin):
    # A status changes only through its lifecycle (the tender's steps), never here.
    readonly_fields = ["status"]
    list_display = ["referentie", "naam", "regio", "status", "inschrijven_tot"]


@admin.register(m.Inschrijving)
class InschrijvingAdmin(SimpleHistoryAdmin):
    readonly_fields = ["status"]
    list_display = ["aanbesteding", "nummer", "aanbieder", "status", "totaal", "rang"]
    list_filter = ["aanbesteding", "status"]


OVERIG = (
    m.Perceel, m.Mijlpaal, m.Vraag, m.Eis, m.Eistoets, m.Criterium, m.Beoordelaar, m.Score,
    m.Consensus, m.Loting, m.Bezwaar,
)  # fmt: skip
for model in OVERIG:
    admin.site.register(model)
