# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Message types and file names as a user reads them."""

from __future__ import annotations

import re
from pathlib import PurePath

from django import template

from jeugdsturing.berichten.typen import BERICHTTYPEN

register = template.Library()


@register.filter
def berichtnaam(code: object) -> str:
    """A message type with its Dutch name: "JW301" -> "JW301 Toewijzing Jeugdhulp"."""
    if not code:
        return "onbekend berichttype"
    t = BERICHTTYPEN.get(str(code))
    return f"{code} {t.naam}" if t is not None else str(code)


@register.filter
def bestandsnaam(pad: object) -> str:
    """The name a user gave a file, not where the server kept it: a web upload's temporary
    directory and numbering are left out, a zip member is shown inside its archive
    ("berichten.zip › maart/jw301.xml")."""
    buiten, _, lid = str(pad or "").partition("!")
    naam = PurePath(buiten).name
    if "jeugdsturing-upload-" in buiten:
        naam = re.sub(r"^\d{3}_", "", naam)
    return f"{naam} › {lid}" if lid else naam
