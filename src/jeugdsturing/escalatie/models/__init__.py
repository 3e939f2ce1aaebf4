# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Escalation and referral steering: signal rules and signals (signalen), the
escalation case (verbetertraject), and the intake point with the referral policy
(toegang)."""

from __future__ import annotations

from jeugdsturing.escalatie.models.signalen import (
    SIGNAAL_LOPEND,
    Ernst,
    Groepering,
    Signaal,
    Signaalniveau,
    Signaalregel,
    SignaalStatus,
    Vergelijking,
)
from jeugdsturing.escalatie.models.toegang import (
    AANMELDING_OPEN,
    Aanmelding,
    AanmeldingStatus,
    Prioriteit,
    Toewijzingspoging,
    Uitkomst,
    Urgentie,
    Verwijsbeleid,
)
from jeugdsturing.escalatie.models.verbetertraject import (
    ActieStatus,
    Casusnotitie,
    Oordeel,
    PlanStatus,
    Trajectdocument,
    TrajectStatus,
    Verbeteractie,
    Verbetertraject,
)

__all__ = [
    "AANMELDING_OPEN",
    "SIGNAAL_LOPEND",
    "Aanmelding",
    "AanmeldingStatus",
    "ActieStatus",
    "Casusnotitie",
    "Ernst",
    "Groepering",
    "Oordeel",
    "PlanStatus",
    "Prioriteit",
    "Signaal",
    "SignaalStatus",
    "Signaalniveau",
    "Signaalregel",
    "Toewijzingspoging",
    "TrajectStatus",
    "Trajectdocument",
    "Uitkomst",
    "Urgentie",
    "Verbeteractie",
    "Verbetertraject",
    "Vergelijking",
    "Verwijsbeleid",
]  # fmt: skip
