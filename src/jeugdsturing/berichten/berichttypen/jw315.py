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
    client_el = _.el(root, "Client")
    assert client_el is not None  # noqa: S101  (required by the XSD)
    inhoud = Inhoud(client=_.client(client_el, pseudo))
    for ap in _.all(client_el, "AangevraagdeProducten/AangevraagdProduct"):
        verwijzer = _.el(ap, "Verwijzer")
        assert verwijzer is not None  # noqa: S101  (required by the XSD)
        inhoud.verzoeken.append(
            Verzoek(
                referentie=_.req(ap, "ReferentieAanbieder"),
                product=_.product(ap),
                toewijzing_ingangsdatum=_.req_datum(ap, "ToewijzingIngangsdatum"),
                toewijzing_einddatum=_.datum(ap, "ToewijzingEinddatum"),
                omvang=_.omvang(ap),
                budget=_.int(ap, "Budget"),
                verwijzer_type=_.req(verwijzer, "Type"),
                verwijzer_agb=_.text(verwijzer, "ZorgverlenerCode"),
            )
        )
    return inhoud
