# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from django.apps import AppConfig


class BerichtenConfig(AppConfig):
    name = "jeugdsturing.berichten"
    verbose_name = "iJw-berichtenverkeer"
