"""JW317 Verzoek om wijziging: the provider asks to change, end or add products."""

from __future__ import annotations

from lxml import etree

from jeugdsturing.berichten.berichttypen._lezen import Lezer, Pseudonimiseer
from jeugdsturing.berichten.feiten import Inhoud, Wijziging, Wijzigingsverzoek
from jeugdsturing.berichten.typen import BERICHTTYPEN

TYPE = BERICHTTYPEN["JW317"]
_ = Lezer(TYPE.namespace)


def lees(root: etree._Element, pseudo: Pseudonimiseer) -> Inhoud:
    client_el = _.el(root, "Client")
    assert client_el is not None  # noqa: S101  (required by the XSD)
    verzoek = _.el(client_el, "Verzoek")
    assert verzoek is not None  # noqa: S101
    regels: list[Wijziging] = []
    for p in _.all(verzoek, "OngewijzigdeProducten/OngewijzigdProduct"):
        regels.append(
            Wijziging("ongewijzigd", _.req(p, "ToewijzingNummer"), None, None, None, None)
        )
    for p in _.all(verzoek, "TeWijzigenProducten/TeWijzigenProduct"):
        regels.append(
            Wijziging(
                "te_wijzigen",
                _.req(p, "ToewijzingNummer"),
                None,
                _.req_datum(p, "GewensteIngangsdatum"),
                _.datum(p, "Einddatum"),
                _.omvang(p),
            )
        )
    for p in _.all(verzoek, "NieuweProducten/NieuwProduct"):
        regels.append(
            Wijziging(
                "nieuw",
                None,
                _.product(p),
                _.req_datum(p, "GewensteIngangsdatum"),
                _.datum(p, "Einddatum"),
                _.omvang(p),
            )
        )
    return Inhoud(
        client=_.client(client_el, pseudo),
        wijzigingsverzoek=Wijzigingsverzoek(
            _.req(verzoek, "ReferentieAanbieder"), _.req(verzoek, "RedenVerzoek"), tuple(regels)
        ),
    )
