# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""JW308: retour of JW307 (the receiver's technical and content checks)."""

from __future__ import annotations

from jeugdsturing.berichten.berichttypen._retour import lezer_voor
from jeugdsturing.berichten.typen import BERICHTTYPEN

TYPE = BERICHTTYPEN["JW308"]
lees = lezer_voor("JW308")
