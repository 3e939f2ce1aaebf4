"""Prestaties as JW323 declares them and JW325 answers them."""

from __future__ import annotations

from lxml import etree

from jeugdsturing.berichten.berichttypen._lezen import Lezer, Pseudonimiseer
from jeugdsturing.berichten.feiten import Client, Prestatie, Product, datum
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
    """A JW323 holds hundreds of prestaties. Each is read in one pass over everything in
    it, into a dict by tag: in a Prestatie every element's tag occurs once, except
    RetourCode (a lookup per field, and a dict per level, cost twice as much;
    docs/performance.md)."""
    ns = lezer.ns
    tag_rc = f"{{{ns}}}RetourCode"
    t = {
        naam: f"{{{ns}}}{naam}"
        for naam in (
            "ToewijzingNummer", "ProductCategorie", "ProductCode", "GeleverdVolume", "Eenheid",
            "ProductTarief",
        )
    } | {
        naam: f"{{{NS_BASIS}}}{naam}"
        for naam in ("ReferentieNummer", "Begindatum", "Einddatum", "Bedrag", "DebetCredit")
    }  # fmt: skip
    result = []
    for client_el in lezer.all(container, "Clienten/Client"):
        client = Client(pseudo(lezer.req(client_el, "Bsn")))
        for p in lezer.all(client_el, "Prestaties/Prestatie"):
            v: dict[str, str] = {}
            codes: list[str] = []
            for e in p.iter():
                if e.tag == tag_rc:
                    codes.append((e.text or "").strip())
                else:
                    v[e.tag] = e.text or ""
            try:
                bedrag_ = int(v[t["Bedrag"]])
                if v[t["DebetCredit"]].strip() == "C":
                    bedrag_ = -bedrag_
                tarief = v.get(t["ProductTarief"], "").strip()
                prestatie = Prestatie(
                    referentie=v[t["ReferentieNummer"]].strip(),
                    toewijzingnummer=v[t["ToewijzingNummer"]].strip(),
                    product=Product(v[t["ProductCategorie"]].strip(), v[t["ProductCode"]].strip()),
                    begindatum=datum(v[t["Begindatum"]].strip()),
                    einddatum=datum(v[t["Einddatum"]].strip()),
                    volume=int(v[t["GeleverdVolume"]]),
                    eenheid=v[t["Eenheid"]].strip(),
                    tarief=int(tarief) if tarief else None,
                    bedrag=bedrag_,
                    retourcodes=tuple(codes),
                )
            except KeyError as exc:  # the XSD and built-in checks make this unreachable
                naam = str(exc.args[0]).rpartition("}")[2]
                raise ValueError(f"{path_of(p)}: {naam} ontbreekt") from exc
            result.append((client, prestatie))
    return result
