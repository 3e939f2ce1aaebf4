# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Every write of the steering app: keyword-only functions in one transaction each."""

from __future__ import annotations

from jeugdsturing.sturing.services.doelen import doelen_richt_in, indicatorwaarde_zet
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
    "doelen_richt_in", "indicatorwaarde_zet", "levering_context", "levering_dien_in",
    "levering_lees_in", "leveringsbijlage_voeg_toe", "uitvraag_maak", "uitvraag_sluit",
    "uitvraag_zet_uit",
]  # fmt: skip
