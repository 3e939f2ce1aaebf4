"""JW301 Toewijzing: the gemeente assigns products to a provider for one client."""

from __future__ import annotations

from lxml import etree

from jeugdsturing.berichten.berichttypen._lezen import Lezer, Pseudonimiseer
from jeugdsturing.berichten.feiten import Inhoud, Toewijzing
from jeugdsturing.berichten.typen import BERICHTTYPEN

TYPE = BERICHTTYPEN["JW301"]
_ = Lezer(TYPE.namespace)


def lees(root: etree._Element, pseudo: Pseudonimiseer) -> Inhoud:
    client_el = _.el(root, "Client")
    assert client_el is not None  # noqa: S101  (required by the XSD)
    inhoud = Inhoud(client=_.client(client_el, pseudo, met_adres=True))
    for tp in _.all(client_el, "ToegewezenProducten/ToegewezenProduct"):
        inhoud.toewijzingen.append(
            Toewijzing(
                nummer=_.req(tp, "ToewijzingNummer"),
                product=_.product(tp),
                toewijzingsdatum=_.req_datum(tp, "Toewijzingsdatum"),
                ingangsdatum=_.req_datum(tp, "Ingangsdatum"),
                einddatum=_.datum(tp, "Einddatum"),
                reden_wijziging=_.text(tp, "RedenWijziging"),
                omvang=_.omvang(tp),
                budget=_.int(tp, "Budget"),
                referentie_aanbieder=_.text(tp, "ReferentieAanbieder"),
            )
        )
    return inhoud
