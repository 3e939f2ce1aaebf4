"""JW325 Declaratie-antwoord: the gemeente's answer to a claim. Prestaties listed here
carry retour codes; a prestatie not listed is approved as claimed."""

from __future__ import annotations

from lxml import etree

from jeugdsturing.berichten.berichttypen._declaratie import bedrag, prestaties
from jeugdsturing.berichten.berichttypen._lezen import Lezer, Pseudonimiseer
from jeugdsturing.berichten.feiten import Declaratie, Inhoud
from jeugdsturing.berichten.typen import BERICHTTYPEN

TYPE = BERICHTTYPEN["JW325"]
_ = Lezer(TYPE.namespace)


def lees(root: etree._Element, pseudo: Pseudonimiseer) -> Inhoud:
    header = _.el(root, "Header")
    assert header is not None  # noqa: S101
    inhoud = Inhoud(retourcodes=_.retourcodes(header))
    d = _.el(root, "DeclaratieAntwoord")
    if d is not None:
        inhoud.declaratie = Declaratie(
            nummer=_.req(d, "DeclaratieNummer"),
            begindatum=None,
            einddatum=None,
            totaal_ingediend=bedrag(_, d, "TotaalIngediendBedrag", totaal=True),
            totaal_toegekend=bedrag(_, d, "TotaalToegekendBedrag", totaal=True),
        )
        inhoud.prestaties = prestaties(_, d, pseudo)
    return inhoud
