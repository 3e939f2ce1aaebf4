# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Signal rules and the referral policy in the data management, with history: the
team's regiobeheerder adjusts a rule (a minimum volume, the level, on or off) or a
weight of the referral advice between two runs of the rule file. Signals, cases and
aanmeldingen are not here: they change only through their pages and lifecycles."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from jeugdsturing.escalatie.models import Signaalregel, Verwijsbeleid


@admin.register(Signaalregel)
class SignaalregelAdmin(SimpleHistoryAdmin):
    list_display = ["naam", "maatstaf", "vergelijking", "groepering", "minimum_volume", "niveau",
                    "ernst", "actief", "regio"]  # fmt: skip
    list_filter = ["regio", "actief", "vergelijking"]
    search_fields = ["code", "naam"]


@admin.register(Verwijsbeleid)
class VerwijsbeleidAdmin(SimpleHistoryAdmin):
    list_display = ["regio", "prioriteit", "acceptatietermijn_werkdagen", "koppelvenster_dagen"]
