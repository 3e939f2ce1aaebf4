# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""A calibrated simulator of a region's iJw message traffic (docs/simulator.md).

Deterministic for a seed: one random.Random drives every draw, and everything is
iterated in a fixed order. It writes one .zip per month of XSD-valid XML messages,
named so that name order is the order of their dagtekening."""

from __future__ import annotations

from jeugdsturing.berichten.simulator.model import (
    AANBIEDERS,
    ACHTERNAMEN,
    CBS_VERWIJZER,
    DATA,
    INSTROOM_FRACTIE,
    PRODUCTEN,
    SEIZOEN,
    VERWIJZERS,
    Aanbieder,
    GemeenteSim,
    ProductType,
    aanbieder_agb,
)
from jeugdsturing.berichten.simulator.simulatie import (
    Simulatie,
    simuleer_regio,
)

__all__ = [
    "AANBIEDERS",
    "ACHTERNAMEN",
    "CBS_VERWIJZER",
    "DATA",
    "INSTROOM_FRACTIE",
    "PRODUCTEN",
    "SEIZOEN",
    "VERWIJZERS",
    "Aanbieder",
    "GemeenteSim",
    "ProductType",
    "Simulatie",
    "aanbieder_agb",
    "simuleer_regio",
]
