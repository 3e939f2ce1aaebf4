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
    kinderen = _.velden(root)
    header = kinderen.el("Header")
    assert header is not None  # noqa: S101
    inhoud = Inhoud(retourcodes=_.retourcodes(header))
    d = kinderen.velden("DeclaratieAntwoord")
    if d is not None:
        inhoud.declaratie = Declaratie(
            nummer=d.req("DeclaratieNummer"),
            begindatum=None,
            einddatum=None,
            totaal_ingediend=bedrag(d, "TotaalIngediendBedrag", totaal=True),
            totaal_toegekend=bedrag(d, "TotaalToegekendBedrag", totaal=True),
        )
        inhoud.prestaties = prestaties(_, d.element, pseudo)
    return inhoud
