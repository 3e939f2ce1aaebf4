# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The reference data the checks use, from the database (what a region runs with)."""

from __future__ import annotations

from collections import defaultdict

from jeugdsturing.berichten.validatie import Referentie
from jeugdsturing.regio.models import Code, Gemeente


def referentie_laden() -> Referentie:
    codes: dict[str, set[str]] = defaultdict(set)
    for lijst, code in Code.objects.values_list("lijst", "code"):
        codes[lijst].add(code)
    return Referentie(
        gemeenten=frozenset(Gemeente.objects.values_list("code", flat=True)),
        codes={k: frozenset(v) for k, v in codes.items()},
    )
