"""JW323 Declaratie: the provider's monthly claim of delivered prestaties (PxQ)."""

from __future__ import annotations

from lxml import etree

from jeugdsturing.berichten.berichttypen._declaratie import bedrag, prestaties
from jeugdsturing.berichten.berichttypen._lezen import Lezer, Pseudonimiseer
from jeugdsturing.berichten.feiten import Declaratie, Inhoud
from jeugdsturing.berichten.typen import BERICHTTYPEN

TYPE = BERICHTTYPEN["JW323"]
_ = Lezer(TYPE.namespace)


def lees(root: etree._Element, pseudo: Pseudonimiseer) -> Inhoud:
    d = _.el(root, "Declaratie")
    periode = _.el(d, "DeclaratiePeriode") if d is not None else None
    assert d is not None and periode is not None  # noqa: S101,PT018  (required by the XSD)
    return Inhoud(
        declaratie=Declaratie(
            nummer=_.req(d, "DeclaratieNummer"),
            begindatum=_.req_datum(periode, "Begindatum"),
            einddatum=_.req_datum(periode, "Einddatum"),
            totaal_ingediend=bedrag(_, d, "TotaalIngediendBedrag", totaal=True),
        ),
        prestaties=prestaties(_, d, pseudo),
    )
