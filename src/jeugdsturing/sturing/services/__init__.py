# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Every write of the steering app: keyword-only functions in one transaction each."""

from __future__ import annotations

from jeugdsturing.sturing.services.dialoog import (
    afspraak_maak,
    afspraak_wijzig,
    overleg_leg_vast,
    overleg_stel_vast,
    overleg_werk_bij,
)
from jeugdsturing.sturing.services.doelen import (
    doelen_richt_in,
    indicatorwaarde_zet,
    streefwaarde_zet,
)
from jeugdsturing.sturing.services.pakketten import (
    duiding_zet,
    pakket_maak,
    pakket_verzend,
    pakketten_maak,
)
from jeugdsturing.sturing.services.uitvraag import (
    levering_context,
    levering_dien_in,
    levering_lees_in,
    leveringsbijlage_voeg_toe,
    uitvraag_maak,
    uitvraag_sluit,
    uitvraag_zet_uit,
)

__all__ = [
    "afspraak_maak",
    "afspraak_wijzig",
    "doelen_richt_in",
    "duiding_zet",
    "indicatorwaarde_zet",
    "levering_context",
    "levering_dien_in",
    "levering_lees_in",
    "leveringsbijlage_voeg_toe",
    "overleg_leg_vast",
    "overleg_stel_vast",
    "overleg_werk_bij",
    "pakket_maak",
    "pakket_verzend",
    "pakketten_maak",
    "streefwaarde_zet",
    "uitvraag_maak",
    "uitvraag_sluit",
    "uitvraag_zet_uit",
]  # fmt: skip
