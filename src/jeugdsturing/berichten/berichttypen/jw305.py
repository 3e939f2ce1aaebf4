"""JW305 Start Jeugdhulp: the provider reports the real start of care."""

from __future__ import annotations

from lxml import etree

from jeugdsturing.berichten.berichttypen._lezen import Lezer, Pseudonimiseer
from jeugdsturing.berichten.feiten import Inhoud, Start
from jeugdsturing.berichten.typen import BERICHTTYPEN

TYPE = BERICHTTYPEN["JW305"]
_ = Lezer(TYPE.namespace)


def lees(root: etree._Element, pseudo: Pseudonimiseer) -> Inhoud:
    client = _.velden(root).velden("Client")
    assert client is not None  # noqa: S101  (required by the XSD)
    klant = _.client(client, pseudo)
    starts: list[Start] = []
    for el in _.all(client.element, "StartProducten/StartProduct"):
        sp = _.velden(el)
        starts.append(
            Start(
                toewijzingnummer=sp.text("ToewijzingNummer"),
                product=sp.product(),
                toewijzing_ingangsdatum=sp.datum("ToewijzingIngangsdatum"),
                begindatum=sp.req_datum("Begindatum"),
                status=sp.req("StatusAanlevering"),
            )
        )
    return Inhoud(client=klant, starts=starts)
