# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The only write path of the escalation app (docs/principes.md)."""

from __future__ import annotations

from jeugdsturing.escalatie.services.signalen import (
    regels_richt_in,
    regels_van,
    signaal_sluit,
    signalen_werk_bij,
    standaard_inrichten,
)
from jeugdsturing.escalatie.services.toegang import (
    aanmelding_accepteer,
    aanmelding_maak,
    aanmelding_trek_in,
    aanmelding_weiger,
    aanmelding_wijs_toe,
    aanmeldingen_koppel,
)
from jeugdsturing.escalatie.services.verbetertraject import (
    actie_wijzig,
    casusnotitie_maak,
    document_voeg_toe,
    plan_beoordeel,
    plan_dien_in,
    traject_beoordeel,
    traject_gesprek,
    traject_monitoring,
    traject_oordeel,
    traject_open,
)

__all__ = [
    "aanmelding_accepteer", "aanmelding_maak", "aanmelding_trek_in", "aanmelding_weiger",
    "aanmelding_wijs_toe", "aanmeldingen_koppel", "actie_wijzig", "casusnotitie_maak",
    "document_voeg_toe", "plan_beoordeel", "plan_dien_in", "regels_richt_in", "regels_van",
    "signaal_sluit", "signalen_werk_bij", "standaard_inrichten", "traject_beoordeel",
    "traject_gesprek", "traject_monitoring", "traject_oordeel", "traject_open",
]  # fmt: skip
