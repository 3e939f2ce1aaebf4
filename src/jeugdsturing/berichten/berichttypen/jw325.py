# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
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
    retourcodes = _.retourcodes(header)
    d = kinderen.velden("DeclaratieAntwoord")
    if d is None:
        return Inhoud(retourcodes=retourcodes)
    return Inhoud(
        declaratie=Declaratie(
            nummer=d.req("DeclaratieNummer"),
            begindatum=None,
            einddatum=None,
            totaal_ingediend=bedrag(d, "TotaalIngediendBedrag", totaal=True),
            totaal_toegekend=bedrag(d, "TotaalToegekendBedrag", totaal=True),
        ),
        prestaties=prestaties(_, d.element, pseudo),
        retourcodes=retourcodes,
    )
