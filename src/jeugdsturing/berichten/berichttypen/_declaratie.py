"""Prestaties as JW323 declares them and JW325 answers them."""

from __future__ import annotations

from lxml import etree

from jeugdsturing.berichten.berichttypen._lezen import Lezer, Pseudonimiseer
from jeugdsturing.berichten.feiten import Client, Prestatie, Product
from jeugdsturing.berichten.typen import NS_BASIS


def bedrag(lezer: Lezer, parent: etree._Element, name: str, *, totaal: bool = False) -> int:
    """An amount with DebetCredit as signed eurocent (credit negative)."""
    el = lezer.el(parent, name)
    assert el is not None  # noqa: S101  (required by the XSD)
    value = int(lezer.req(el, "TotaalBedrag" if totaal else "Bedrag"))
    return -value if lezer.req(el, "DebetCredit") == "C" else value


def prestaties(
    lezer: Lezer, container: etree._Element, pseudo: Pseudonimiseer
) -> list[tuple[Client, Prestatie]]:
    result = []
    for client_el in lezer.all(container, "Clienten/Client"):
        client = Client(pseudo(lezer.req(client_el, "Bsn")))
        for p in lezer.all(client_el, "Prestaties/Prestatie"):
            ref = lezer.el(p, "ProductReferentie")
            periode = lezer.el(p, "ProductPeriode")
            assert ref is not None and periode is not None  # noqa: S101,PT018
            codes = lezer.all(p, "RetourCodes/RetourCode")
            result.append(
                (
                    client,
                    Prestatie(
                        referentie=(ref.findtext(f"{{{NS_BASIS}}}ReferentieNummer") or "").strip(),
                        toewijzingnummer=lezer.req(p, "ToewijzingNummer"),
                        product=Product(
                            lezer.req(p, "ProductCategorie"), lezer.req(p, "ProductCode")
                        ),
                        begindatum=lezer.req_datum(periode, "Begindatum"),
                        einddatum=lezer.req_datum(periode, "Einddatum"),
                        volume=int(lezer.req(p, "GeleverdVolume")),
                        eenheid=lezer.req(p, "Eenheid"),
                        tarief=lezer.int(p, "ProductTarief"),
                        bedrag=bedrag(lezer, p, "IngediendBedrag"),
                        retourcodes=tuple((c.text or "").strip() for c in codes),
                    ),
                )
            )
    return result
