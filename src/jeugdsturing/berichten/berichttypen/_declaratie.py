"""Prestaties as JW323 declares them and JW325 answers them."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from lxml import etree

from jeugdsturing.berichten.berichttypen._lezen import Lezer, Pseudonimiseer
from jeugdsturing.berichten.feiten import Client, Prestatie, Product
from jeugdsturing.berichten.typen import NS_BASIS
from jeugdsturing.berichten.xml import path_of


def bedrag(lezer: Lezer, parent: etree._Element, name: str, *, totaal: bool = False) -> int:
    """An amount with DebetCredit as signed eurocent (credit negative)."""
    el = lezer.el(parent, name)
    assert el is not None  # noqa: S101  (required by the XSD)
    value = int(lezer.req(el, "TotaalBedrag" if totaal else "Bedrag"))
    return -value if lezer.req(el, "DebetCredit") == "C" else value


def prestaties(
    lezer: Lezer, container: etree._Element, pseudo: Pseudonimiseer
) -> list[tuple[Client, Prestatie]]:
    """A JW323 holds hundreds of prestaties: each is read in one pass over its children
    (a lookup per field cost three times as much, docs/performance.md)."""
    ns = lezer.ns
    tag = {
        naam: f"{{{ns}}}{naam}"
        for naam in (
            "ToewijzingNummer", "ProductCategorie", "ProductCode", "GeleverdVolume",
            "Eenheid", "ProductTarief", "ProductReferentie", "ProductPeriode",
            "IngediendBedrag", "RetourCodes", "RetourCode",
        )
    }  # fmt: skip
    basis = {
        n: f"{{{NS_BASIS}}}{n}"
        for n in ("ReferentieNummer", "Begindatum", "Einddatum", "Bedrag", "DebetCredit")
    }
    result = []
    for client_el in lezer.all(container, "Clienten/Client"):
        client = Client(pseudo(lezer.req(client_el, "Bsn")))
        for p in lezer.all(client_el, "Prestaties/Prestatie"):
            k = {c.tag: c for c in p}
            periode_el, ingediend_el = k[tag["ProductPeriode"]], k[tag["IngediendBedrag"]]
            periode = {c.tag: c for c in periode_el}
            ingediend = {c.tag: c for c in ingediend_el}
            ref = k[tag["ProductReferentie"]]
            bedrag_ = int(_tekst(ingediend, basis["Bedrag"], ingediend_el))
            if _tekst(ingediend, basis["DebetCredit"], ingediend_el) == "C":
                bedrag_ = -bedrag_
            tarief = k.get(tag["ProductTarief"])
            codes = k.get(tag["RetourCodes"])
            result.append(
                (
                    client,
                    Prestatie(
                        referentie=(ref.findtext(basis["ReferentieNummer"]) or "").strip(),
                        toewijzingnummer=_tekst(k, tag["ToewijzingNummer"], p),
                        product=Product(
                            _tekst(k, tag["ProductCategorie"], p), _tekst(k, tag["ProductCode"], p)
                        ),
                        begindatum=date.fromisoformat(
                            _tekst(periode, basis["Begindatum"], periode_el)
                        ),
                        einddatum=date.fromisoformat(
                            _tekst(periode, basis["Einddatum"], periode_el)
                        ),
                        volume=int(_tekst(k, tag["GeleverdVolume"], p)),
                        eenheid=_tekst(k, tag["Eenheid"], p),
                        tarief=int(tarief.text) if tarief is not None and tarief.text else None,
                        bedrag=bedrag_,
                        retourcodes=tuple(
                            (c.text or "").strip() for c in codes if c.tag == tag["RetourCode"]
                        )
                        if codes is not None
                        else (),
                    ),
                )
            )
    return result


def _tekst(kinderen: Mapping[str, etree._Element], tag: str, ouder: etree._Element) -> str:
    el = kinderen.get(tag)
    if el is None:  # the XSD and built-in checks make this unreachable for valid input
        raise ValueError(f"{path_of(ouder)}/{tag.rpartition('}')[2]} ontbreekt")
    return (el.text or "").strip()
