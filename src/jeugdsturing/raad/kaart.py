# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The map of a council report: the CBS 2025 gemeente boundaries (../shared/data/maps,
under OPEN_DATA_DIR) coloured by youths in care per 1,000 youths."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from django.conf import settings

from jeugdsturing.weergave.grafieken import kaart_grafiek

KAART = "maps/gemeente_2025_reconstructed.topojson"
FEATURE = "gemeente_2025"


@cache
def _topo() -> dict[str, Any] | None:
    pad = settings.OPEN_DATA_DIR / KAART
    if not pad.is_file():
        return None
    data: dict[str, Any] = json.loads(pad.read_text(encoding="utf-8"))
    return data


def kaart(inhoud: dict[str, Any]) -> str | None:
    """The SVG map, or None when the boundaries are not available."""
    topo = _topo()
    if topo is None or not inhoud.get("gemeenten"):
        return None
    rijen = [
        {"code": f"GM{g['code']}", "naam": g["naam"], "waarde": g["per_1000"]}
        for g in inhoud["gemeenten"]
    ]
    return kaart_grafiek(
        topo, FEATURE, rijen,
        f"Jeugdigen in zorg per 1.000 jongeren, {inhoud['periode']['naam']}",
        "per 1.000 jongeren",
    )  # fmt: skip
