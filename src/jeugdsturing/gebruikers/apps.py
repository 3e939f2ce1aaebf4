# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from django.apps import AppConfig


class GebruikersConfig(AppConfig):
    name = "jeugdsturing.gebruikers"
    verbose_name = "Gebruikers en rollen"
