# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""JW305 Start Jeugdhulp: the provider reports the real start of care."""

from __future__ import annotations

from lxml import etree

from jeugdsturing.berichten.berichttypen._lezen import Lezer, Pseudonimiseer
from jeugdsturing.berichten.feiten import Inhoud, Start
from jeugdsturing.berichten.typen import BERICHTTYPEN

TYPE = BERICHTTYPEN["JW305"]
_ = Lezer(TYPE.namespace)


def lees(root: etree._Element, pseudo: Pseudonimiseer) -> Inhoud:
    klant, regels = _.client_en(root, pseudo, "StartProducten/StartProduct")
    starts = [
        Start(
            toewijzingnummer=sp.nummer("ToewijzingNummer"),
            product=sp.product(),
            toewijzing_ingangsdatum=sp.datum("ToewijzingIngangsdatum"),
            begindatum=sp.req_datum("Begindatum"),
            status=sp.req("StatusAanlevering"),
        )
        for sp in regels
    ]
    return Inhoud(client=klant, starts=starts)
