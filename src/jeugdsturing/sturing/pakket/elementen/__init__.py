# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The five steering elements of a pack (seed 002 3.4.2), each read through the
function its own page uses, for one subject and one viewer (docs/sturing.md)."""

from __future__ import annotations

from jeugdsturing.sturing.pakket.elementen.doelen import doelen
from jeugdsturing.sturing.pakket.elementen.geld import budget
from jeugdsturing.sturing.pakket.elementen.informatie import informatie
from jeugdsturing.sturing.pakket.elementen.kwaliteit import kwaliteit
from jeugdsturing.sturing.pakket.elementen.stromen import stromen

BOUWERS = (budget, informatie, stromen, doelen, kwaliteit)

__all__ = ["BOUWERS", "budget", "doelen", "informatie", "kwaliteit", "stromen"]
