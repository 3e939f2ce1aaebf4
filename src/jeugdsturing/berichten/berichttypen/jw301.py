"""JW301 Toewijzing: the gemeente assigns products to a provider for one client."""

from __future__ import annotations

from lxml import etree

from jeugdsturing.berichten.berichttypen._lezen import Lezer, Pseudonimiseer
from jeugdsturing.berichten.feiten import Inhoud, Toewijzing
from jeugdsturing.berichten.typen import BERICHTTYPEN

TYPE = BERICHTTYPEN["JW301"]
_ = Lezer(TYPE.namespace)


def lees(root: etree._Element, pseudo: Pseudonimiseer) -> Inhoud:
    client = _.velden(root).velden("Client")
    assert client is not None  # noqa: S101  (required by the XSD)
    klant = _.client(client, pseudo, met_adres=True)
    toewijzingen: list[Toewijzing] = []
    for el in _.all(client.element, "ToegewezenProducten/ToegewezenProduct"):
        tp = _.velden(el)
        toewijzingen.append(
            Toewijzing(
                nummer=tp.req("ToewijzingNummer"),
                product=tp.product(),
                toewijzingsdatum=tp.req_datum("Toewijzingsdatum"),
                ingangsdatum=tp.req_datum("Ingangsdatum"),
                einddatum=tp.datum("Einddatum"),
                reden_wijziging=tp.text("RedenWijziging"),
                omvang=tp.omvang(),
                budget=tp.int("Budget"),
                referentie_aanbieder=tp.text("ReferentieAanbieder"),
            )
        )
    return Inhoud(client=klant, toewijzingen=toewijzingen)
