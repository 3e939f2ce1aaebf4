# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""One module per iJw 3.2 message type; each turns a validated message into facts."""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from jeugdsturing.berichten.berichttypen import (
    jw301,
    jw302,
    jw305,
    jw306,
    jw307,
    jw308,
    jw315,
    jw316,
    jw317,
    jw318,
    jw319,
    jw320,
    jw323,
    jw325,
)  # fmt: skip
from jeugdsturing.berichten.berichttypen._lezen import Pseudonimiseer
from jeugdsturing.berichten.feiten import Inhoud

Lees = Callable[[etree._Element, Pseudonimiseer], Inhoud]

LEZERS: dict[str, Lees] = {
    m.TYPE.code: m.lees
    for m in (
        jw301, jw302, jw305, jw306, jw307, jw308, jw315, jw316, jw317, jw318, jw319, jw320,
        jw323, jw325,
    )
}  # fmt: skip
