"""JW307 Stop Jeugdhulp: the provider reports the end of care and the reason."""

from __future__ import annotations

from lxml import etree

from jeugdsturing.berichten.berichttypen._lezen import Lezer, Pseudonimiseer
from jeugdsturing.berichten.feiten import Inhoud, Stop
from jeugdsturing.berichten.typen import BERICHTTYPEN

TYPE = BERICHTTYPEN["JW307"]
_ = Lezer(TYPE.namespace)


def lees(root: etree._Element, pseudo: Pseudonimiseer) -> Inhoud:
    client = _.velden(root).velden("Client")
    assert client is not None  # noqa: S101  (required by the XSD)
    klant = _.client(client, pseudo)
    stops: list[Stop] = []
    for el in _.all(client.element, "StopProducten/StopProduct"):
        sp = _.velden(el)
        stops.append(
            Stop(
                toewijzingnummer=sp.text("ToewijzingNummer"),
                product=sp.product(),
                toewijzing_ingangsdatum=sp.datum("ToewijzingIngangsdatum"),
                begindatum=sp.req_datum("Begindatum"),
                einddatum=sp.req_datum("Einddatum"),
                reden=sp.req("RedenBeeindiging"),
                status=sp.req("StatusAanlevering"),
            )
        )
    return Inhoud(client=klant, stops=stops)
