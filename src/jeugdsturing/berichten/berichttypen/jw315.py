# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""JW315 Verzoek om toewijzing: the provider asks the gemeente for an assignment,
carrying the referrer (a GP, a medical specialist, a certified institution...)."""

from __future__ import annotations

from lxml import etree

from jeugdsturing.berichten.berichttypen._lezen import Lezer, Pseudonimiseer
from jeugdsturing.berichten.feiten import Inhoud, Verzoek
from jeugdsturing.berichten.typen import BERICHTTYPEN

TYPE = BERICHTTYPEN["JW315"]
_ = Lezer(TYPE.namespace)


def lees(root: etree._Element, pseudo: Pseudonimiseer) -> Inhoud:
    klant, regels = _.client_en(root, pseudo, "AangevraagdeProducten/AangevraagdProduct")
    verzoeken: list[Verzoek] = []
    for ap in regels:
        verwijzer = ap.velden("Verwijzer")
        assert verwijzer is not None  # noqa: S101  (required by the XSD)
        verzoeken.append(
            Verzoek(
                referentie=ap.req("ReferentieAanbieder"),
                product=ap.product(),
                toewijzing_ingangsdatum=ap.req_datum("ToewijzingIngangsdatum"),
                toewijzing_einddatum=ap.datum("ToewijzingEinddatum"),
                omvang=ap.omvang(),
                budget=ap.int("Budget"),
                verwijzer_type=verwijzer.req("Type"),
                verwijzer_agb=verwijzer.text("ZorgverlenerCode"),
            )
        )
    return Inhoud(client=klant, verzoeken=verzoeken)
