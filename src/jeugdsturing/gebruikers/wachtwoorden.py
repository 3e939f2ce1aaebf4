# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Django's minimum-length validator with its message in Dutch: Django 5.2 changed the
message and its Dutch catalogue has not caught up, so users would read English."""

from __future__ import annotations

from django.contrib.auth.password_validation import MinimumLengthValidator


class MinimaleLengte(MinimumLengthValidator):
    def get_error_message(self) -> str:
        return f"Dit wachtwoord is te kort: gebruik minstens {self.min_length} tekens."

    def get_help_text(self) -> str:
        return f"Uw wachtwoord heeft minstens {self.min_length} tekens."
