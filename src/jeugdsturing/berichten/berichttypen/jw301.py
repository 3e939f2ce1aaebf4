# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""JW301 Toewijzing: the gemeente assigns products to a provider for one client."""

from __future__ import annotations

from lxml import etree

from jeugdsturing.berichten.berichttypen._lezen import Lezer, Pseudonimiseer
from jeugdsturing.berichten.feiten import Inhoud, Toewijzing
from jeugdsturing.berichten.typen import BERICHTTYPEN

TYPE = BERICHTTYPEN["JW301"]
_ = Lezer(TYPE.namespace)


def lees(root: etree._Element, pseudo: Pseudonimiseer) -> Inhoud:
    klant, regels = _.client_en(
        root, pseudo, "ToegewezenProducten/ToegewezenProduct", met_adres=True
    )
    toewijzingen = [
        Toewijzing(
            nummer=tp.req_nummer("ToewijzingNummer"),
            product=tp.product(),
            toewijzingsdatum=tp.req_datum("Toewijzingsdatum"),
            ingangsdatum=tp.req_datum("Ingangsdatum"),
            einddatum=tp.datum("Einddatum"),
            reden_wijziging=tp.text("RedenWijziging"),
            omvang=tp.omvang(),
            budget=tp.int("Budget"),
            referentie_aanbieder=tp.text("ReferentieAanbieder"),
        )
        for tp in regels
    ]
    return Inhoud(client=klant, toewijzingen=toewijzingen)
