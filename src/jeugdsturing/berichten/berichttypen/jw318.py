# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""JW318: retour of JW317 (the receiver's technical and content checks)."""

from __future__ import annotations

from jeugdsturing.berichten.berichttypen._retour import lezer_voor
from jeugdsturing.berichten.typen import BERICHTTYPEN

TYPE = BERICHTTYPEN["JW318"]
lees = lezer_voor("JW318")
