"""Status lifecycles declared as data: one check for every `*_OVERGANGEN` table."""

from __future__ import annotations

from collections.abc import Mapping, Set

from django.core.exceptions import ValidationError


def controleer_overgang(
    overgangen: Mapping[str, Set[str]], van: str, naar: str, onderwerp: str, reden: str
) -> None:
    """Refuse a status change the table does not allow, or one without a reason; the
    message names the subject, both statuses and what is allowed."""
    if naar not in overgangen[van]:
        toegestaan = ", ".join(sorted(overgangen[van])) or "geen"
        raise ValidationError(
            f"{onderwerp}: van '{van}' naar '{naar}' is niet toegestaan (toegestaan: {toegestaan})."
        )
    if not reden.strip():
        raise ValidationError("Geef een reden voor de statuswijziging.")
