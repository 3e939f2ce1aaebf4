# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
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
    antwoord = _.velden(root).velden("Antwoord")
    assert antwoord is not None  # noqa: S101  (required by the XSD)
    woonplaats = antwoord.velden("Woonplaatsbeginsel")
    return Inhoud(
        antwoord=Antwoord(
            referentie=antwoord.req("ReferentieAanbieder"),
            antwoord=antwoord.req("VerzoekAntwoord"),
            reden_afwijzing=antwoord.text("RedenAfwijzingVerzoek"),
            woonplaats_gemeente=woonplaats.text("Gemeente") if woonplaats is not None else None,
        )
    )
