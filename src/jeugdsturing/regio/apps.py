# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from django.apps import AppConfig


class RegioConfig(AppConfig):
    name = "jeugdsturing.regio"
    verbose_name = "Regio en referentiedata"
