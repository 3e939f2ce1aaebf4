# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The six retour messages (JW302, JW306, JW308, JW316, JW318, JW320) share one shape:
the original message with RetourCodes at each level. Kept: the codes and where. The
client is not read: the codes say nothing of the client that the original message did
not (and a pseudonym that nothing stores would be work for nothing)."""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from jeugdsturing.berichten.berichttypen._lezen import Lezer, Pseudonimiseer
from jeugdsturing.berichten.feiten import Inhoud
from jeugdsturing.berichten.typen import BERICHTTYPEN


def lezer_voor(code: str) -> Callable[[etree._Element, Pseudonimiseer], Inhoud]:
    lezer = Lezer(BERICHTTYPEN[code].namespace)

    def lees(root: etree._Element, pseudo: Pseudonimiseer) -> Inhoud:
        return Inhoud(retourcodes=lezer.retourcodes(root))

    lees.__doc__ = f"{code}: retour codes per element."
    return lees
