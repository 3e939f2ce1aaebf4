"""JW319 Antwoord: the gemeente answers a request (JW315/JW317) it does not grant with
a JW301: rejected (with reason) or under investigation."""

from __future__ import annotations

from lxml import etree

from jeugdsturing.berichten.berichttypen._lezen import Lezer, Pseudonimiseer
from jeugdsturing.berichten.feiten import Antwoord, Inhoud
from jeugdsturing.berichten.typen import BERICHTTYPEN

TYPE = BERICHTTYPEN["JW319"]
_ = Lezer(TYPE.namespace)


def lees(root: etree._Element, pseudo: Pseudonimiseer) -> Inhoud:
    antwoord = _.el(root, "Antwoord")
    assert antwoord is not None  # noqa: S101  (required by the XSD)
    woonplaats = _.el(antwoord, "Woonplaatsbeginsel")
    return Inhoud(
        antwoord=Antwoord(
            referentie=_.req(antwoord, "ReferentieAanbieder"),
            antwoord=_.req(antwoord, "VerzoekAntwoord"),
            reden_afwijzing=_.text(antwoord, "RedenAfwijzingVerzoek"),
            woonplaats_gemeente=_.text(woonplaats, "Gemeente") if woonplaats is not None else None,
        )
    )
