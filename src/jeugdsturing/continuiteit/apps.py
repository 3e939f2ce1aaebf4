# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from django.apps import AppConfig


class ContinuiteitConfig(AppConfig):
    """Zorgcontinuïteit (docs/zorgcontinuiteit.md): the transition analysis, continuity
    plans with bulk rules, the continuity budget and the follow-up from the messages."""

    name = "jeugdsturing.continuiteit"
    verbose_name = "Zorgcontinuïteit"

    def ready(self) -> None:
        from jeugdsturing.continuiteit import ontvangers  # noqa: F401  (connects the signals)
