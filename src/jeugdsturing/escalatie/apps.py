# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from django.apps import AppConfig


class EscalatieConfig(AppConfig):
    """Escalation and referral steering (docs/escalatie.md): signals from the data,
    improvement cases, referral advice and the intake point with the acceptance duty."""

    name = "jeugdsturing.escalatie"
    verbose_name = "Escalatie en verwijzing"

    def ready(self) -> None:
        from jeugdsturing.escalatie import ontvangers  # noqa: F401  (connects the signals)
