# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""JW317 Verzoek om wijziging: the provider asks to change, end or add products."""

from __future__ import annotations

from lxml import etree

from jeugdsturing.berichten.berichttypen._lezen import Lezer, Pseudonimiseer
from jeugdsturing.berichten.feiten import Inhoud, Wijziging, Wijzigingsverzoek
from jeugdsturing.berichten.typen import BERICHTTYPEN

TYPE = BERICHTTYPEN["JW317"]
_ = Lezer(TYPE.namespace)


def lees(root: etree._Element, pseudo: Pseudonimiseer) -> Inhoud:
    client = _.velden(root).velden("Client")
    assert client is not None  # noqa: S101  (required by the XSD)
    verzoek = client.velden("Verzoek")
    assert verzoek is not None  # noqa: S101
    regels: list[Wijziging] = []
    for el in _.all(verzoek.element, "OngewijzigdeProducten/OngewijzigdProduct"):
        p = _.velden(el)
        regels.append(
            Wijziging("ongewijzigd", p.req_nummer("ToewijzingNummer"), None, None, None, None)
        )
    for el in _.all(verzoek.element, "TeWijzigenProducten/TeWijzigenProduct"):
        p = _.velden(el)
        regels.append(
            Wijziging(
                "te_wijzigen",
                p.req_nummer("ToewijzingNummer"),
                None,
                p.req_datum("GewensteIngangsdatum"),
                p.datum("Einddatum"),
                p.omvang(),
            )
        )
    for el in _.all(verzoek.element, "NieuweProducten/NieuwProduct"):
        p = _.velden(el)
        regels.append(
            Wijziging(
                "nieuw",
                None,
                p.product(),
                p.req_datum("GewensteIngangsdatum"),
                p.datum("Einddatum"),
                p.omvang(),
            )
        )
    return Inhoud(
        client=_.client(client, pseudo),
        wijzigingsverzoek=Wijzigingsverzoek(
            verzoek.req("ReferentieAanbieder"), verzoek.req("RedenVerzoek"), tuple(regels)
        ),
    )
