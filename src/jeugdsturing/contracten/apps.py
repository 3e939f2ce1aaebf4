# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from django.apps import AppConfig


class ContractenConfig(AppConfig):
    name = "jeugdsturing.contracten"
    verbose_name = "Contracten en geld"
