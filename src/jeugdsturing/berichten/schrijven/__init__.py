# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Writing iJw 3.2 messages (the simulator and tests use this). Every document it makes
is valid against the official XSD; tests check that against ../shared/ijw/xsd.

A retour message (JW302 ...) is the original message in the retour namespace with
IdentificatieRetour/DagtekeningRetour in the header and RetourCodes at the levels the
retour schema requires (RETOUR_NIVEAUS)."""

from __future__ import annotations

from jeugdsturing.berichten.schrijven.basis import (
    RETOUR_NIVEAUS,
    XSD_VERSIE,
    Kop,
    Persoon,
)
from jeugdsturing.berichten.schrijven.declaratie import (
    PrestatieRegel,
    jw323,
    jw325,
)
from jeugdsturing.berichten.schrijven.retour import (
    retour,
)
from jeugdsturing.berichten.schrijven.zorg import (
    LeveringRegel,
    ToewijzingRegel,
    VerzoekRegel,
    WijzigRegel,
    jw301,
    jw305,
    jw307,
    jw315,
    jw317,
    jw319,
)

__all__ = [
    "RETOUR_NIVEAUS",
    "XSD_VERSIE",
    "Kop",
    "LeveringRegel",
    "Persoon",
    "PrestatieRegel",
    "ToewijzingRegel",
    "VerzoekRegel",
    "WijzigRegel",
    "jw301",
    "jw305",
    "jw307",
    "jw315",
    "jw317",
    "jw319",
    "jw323",
    "jw325",
    "retour",
]
