# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
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
    d = _.velden(root).velden("Declaratie")
    periode = d.velden("DeclaratiePeriode") if d is not None else None
    assert d is not None and periode is not None  # noqa: S101,PT018  (required by the XSD)
    return Inhoud(
        declaratie=Declaratie(
            nummer=d.req("DeclaratieNummer"),
            begindatum=periode.req_datum("Begindatum"),
            einddatum=periode.req_datum("Einddatum"),
            totaal_ingediend=bedrag(d, "TotaalIngediendBedrag", totaal=True),
        ),
        prestaties=prestaties(_, d.element, pseudo),
    )
