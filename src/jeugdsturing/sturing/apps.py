# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from django.apps import AppConfig


class SturingConfig(AppConfig):
    """Steering: transformation goals, the providers' information delivery and the
    performance dialogue (docs/sturing.md)."""

    name = "jeugdsturing.sturing"
    verbose_name = "Sturing"

    def ready(self) -> None:
        from jeugdsturing.escalatie.evaluatie import registreer_doelwaarden
        from jeugdsturing.sturing.doelwaarden import doelwaarde

        registreer_doelwaarden(doelwaarde)
