# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""JW307 Stop Jeugdhulp: the provider reports the end of care and the reason."""

from __future__ import annotations

from lxml import etree

from jeugdsturing.berichten.berichttypen._lezen import Lezer, Pseudonimiseer
from jeugdsturing.berichten.feiten import Inhoud, Stop
from jeugdsturing.berichten.typen import BERICHTTYPEN

TYPE = BERICHTTYPEN["JW307"]
_ = Lezer(TYPE.namespace)


def lees(root: etree._Element, pseudo: Pseudonimiseer) -> Inhoud:
    klant, regels = _.client_en(root, pseudo, "StopProducten/StopProduct")
    stops = [
        Stop(
            toewijzingnummer=sp.nummer("ToewijzingNummer"),
            product=sp.product(),
            toewijzing_ingangsdatum=sp.datum("ToewijzingIngangsdatum"),
            begindatum=sp.req_datum("Begindatum"),
            einddatum=sp.req_datum("Einddatum"),
            reden=sp.req("RedenBeeindiging"),
            status=sp.req("StatusAanlevering"),
        )
        for sp in regels
    ]
    return Inhoud(client=klant, stops=stops)
