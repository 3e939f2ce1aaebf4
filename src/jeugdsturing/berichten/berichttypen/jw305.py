"""JW305 Start Jeugdhulp: the provider reports the real start of care."""

from __future__ import annotations

from lxml import etree

from jeugdsturing.berichten.berichttypen._lezen import Lezer, Pseudonimiseer
from jeugdsturing.berichten.feiten import Inhoud, Start
from jeugdsturing.berichten.typen import BERICHTTYPEN

TYPE = BERICHTTYPEN["JW305"]
_ = Lezer(TYPE.namespace)


def lees(root: etree._Element, pseudo: Pseudonimiseer) -> Inhoud:
    client_el = _.el(root, "Client")
    assert client_el is not None  # noqa: S101  (required by the XSD)
    inhoud = Inhoud(client=_.client(client_el, pseudo))
    for sp in _.all(client_el, "StartProducten/StartProduct"):
        inhoud.starts.append(
            Start(
                toewijzingnummer=_.text(sp, "ToewijzingNummer"),
                product=_.product(sp),
                toewijzing_ingangsdatum=_.datum(sp, "ToewijzingIngangsdatum"),
                begindatum=_.req_datum(sp, "Begindatum"),
                status=_.req(sp, "StatusAanlevering"),
            )
        )
    return inhoud
