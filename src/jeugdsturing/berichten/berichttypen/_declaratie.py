# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Prestaties as JW323 declares them and JW325 answers them."""

from __future__ import annotations

from lxml import etree

from jeugdsturing.berichten.berichttypen._lezen import Lezer, Pseudonimiseer, Velden, geheel
from jeugdsturing.berichten.feiten import Client, Prestatie, Product, datum
from jeugdsturing.berichten.typen import NS_BASIS
from jeugdsturing.berichten.xml import path_of

_nieuw = tuple.__new__


def bedrag(parent: Velden, name: str, *, totaal: bool = False) -> int:
    """An amount with DebetCredit as signed eurocent (credit negative)."""
    el = parent.velden(name)
    assert el is not None  # noqa: S101  (required by the XSD)
    value = int(el.req("TotaalBedrag" if totaal else "Bedrag"))
    return -value if el.req("DebetCredit") == "C" else value


def prestaties(
    lezer: Lezer, container: etree._Element, pseudo: Pseudonimiseer
) -> list[tuple[Client, Prestatie]]:
    """A JW323 holds hundreds of prestaties. Each is read in one pass over everything in
    it, into a dict by tag: in a Prestatie every element's tag occurs once, except
    RetourCode (a lookup per field, and a dict per level, cost twice as much;
    docs/performance.md)."""
    ns, basis = lezer.ns, NS_BASIS
    tag_rc = f"{{{ns}}}RetourCode"
    t_ref, t_begin, t_eind, t_bedrag, t_dc = (
        f"{{{basis}}}{naam}"
        for naam in ("ReferentieNummer", "Begindatum", "Einddatum", "Bedrag", "DebetCredit")
    )
    t_nummer, t_cat, t_code, t_volume, t_eenheid, t_tarief = (
        f"{{{ns}}}{naam}"
        for naam in (
            "ToewijzingNummer", "ProductCategorie", "ProductCode", "GeleverdVolume", "Eenheid",
            "ProductTarief",
        )
    )  # fmt: skip
    # One Product object per distinct product: pickle then sends the others as references.
    producten: dict[tuple[str, str], Product] = {}
    result = []
    for client_el in (
        c for cs in container.iterchildren("{*}Clienten") for c in cs.iterchildren("{*}Client")
    ):
        client = _nieuw(Client, (pseudo(lezer.velden(client_el).req("Bsn")), None, None))
        for p in (
            p
            for ps in client_el.iterchildren("{*}Prestaties")
            for p in ps.iterchildren("{*}Prestatie")
        ):
            v: dict[str, str] = {}
            codes: list[str] = []
            for e in p.iter():
                if e.tag == tag_rc:
                    codes.append((e.text or "").strip())
                else:
                    v[e.tag] = e.text or ""
            try:
                bedrag_ = int(v[t_bedrag])
                if v[t_dc].strip() == "C":
                    bedrag_ = -bedrag_
                tarief = v.get(t_tarief, "").strip()
                sleutel = (v[t_cat].strip(), v[t_code].strip())
                product = producten.get(sleutel)
                if product is None:
                    product = producten[sleutel] = Product(*sleutel)
                # tuple.__new__ in C: a NamedTuple's own __new__ is a Python function
                prestatie = _nieuw(
                    Prestatie,
                    (
                        v[t_ref].strip(), geheel(v[t_nummer].strip()), product,
                        datum(v[t_begin].strip()), datum(v[t_eind].strip()), int(v[t_volume]),
                        v[t_eenheid].strip(), int(tarief) if tarief else None, bedrag_,
                        tuple(codes) if codes else (),
                    ),
                )  # fmt: skip
            except KeyError as exc:  # the XSD and built-in checks make this unreachable
                naam = str(exc.args[0]).rpartition("}")[2]
                raise ValueError(f"{path_of(p)}: {naam} ontbreekt") from exc
            result.append((client, prestatie))
    return result
