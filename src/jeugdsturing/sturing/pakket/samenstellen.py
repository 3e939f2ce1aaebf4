# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""A whole pack for one subject and viewer: the five elements, the agreements that run
under them, and the summary of traffic lights (docs/sturing.md, "Het pakket")."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from jeugdsturing.sturing.models import AFSPRAAK_LOPEND, Pakket, Stuurafspraak
from jeugdsturing.sturing.pakket.bronnen import Bronnen, Kijker, Onderwerp
from jeugdsturing.sturing.pakket.elementen import BOUWERS
from jeugdsturing.sturing.pakket.inhoud import KLEURTEKST, Inhoud

SOORTNAMEN = {
    "pd1": "Prestatiedialoog 1 (aanbieder)",
    "pd2_thema": "Prestatiedialoog 2 (thema)",
    "pd2_opdracht": "Prestatiedialoog 2 (hele opdracht)",
    "pd2_gebied": "Prestatiedialoog 2 (gebied)",
}


def afspraken_voor(b: Bronnen, sleutel: str) -> dict[str, list[dict[str, Any]]]:
    """Per element: the agreements of earlier dialogues on the same subject that still
    run, and the closed ones once more in the first pack after they closed (made at the
    previous moment, or closed after that moment's pack was sent), with their history."""
    vorige = (
        Pakket.objects.filter(regio=b.regio, sleutel=sleutel, moment__lt=b.moment)
        .order_by("-moment")
        .first()
    )
    verzonden = (
        vorige.versies.filter(verzonden_op__isnull=False).order_by("verzonden_op").first()
        if vorige
        else None
    )
    qs = (
        Stuurafspraak.objects.filter(
            regio=b.regio, sleutel=sleutel, overleg__pakket__moment__lt=b.moment
        )
        .select_related("overleg__pakket")
        .prefetch_related("statuswijzigingen")
        .order_by("deadline", "pk")
    )
    uit: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for a in qs:
        geschiedenis = sorted(a.statuswijzigingen.all(), key=lambda w: (w.op, w.pk))
        gesloten_op = geschiedenis[-1].op if geschiedenis else None
        nieuw = vorige is not None and a.overleg.pakket_id == vorige.pk
        na_verzending = (
            verzonden is not None
            and verzonden.verzonden_op is not None
            and gesloten_op is not None
            and gesloten_op > verzonden.verzonden_op
        )
        if a.status not in AFSPRAAK_LOPEND and not (nieuw or na_verzending):
            continue
        uit[a.element].append(
            {
                "id": a.pk,
                "omschrijving": a.omschrijving,
                "eigenaar": a.eigenaar,
                "deadline": a.deadline.isoformat(),
                "status": a.get_status_display(),
                "loopt": a.status in AFSPRAAK_LOPEND,
                "verlopen": a.status in AFSPRAAK_LOPEND and a.deadline < b.moment,
                "gemaakt": a.overleg.datum.isoformat(),
                "moment": a.overleg.pakket.moment.isoformat(),
                "geschiedenis": [
                    {"op": w.op.date().isoformat(), "van": w.van, "naar": w.naar, "reden": w.reden}
                    for w in geschiedenis
                ],
            }
        )
    return dict(uit)


def pakket_inhoud(
    b: Bronnen, o: Onderwerp, k: Kijker, afspraken: dict[str, list[dict[str, Any]]]
) -> Inhoud:
    elementen = []
    for bouw in BOUWERS:
        el = bouw(b, o, k)
        el["afspraken"] = afspraken.get(el["code"], [])
        elementen.append(el)
    return {
        "soort": o.soort,
        "soortnaam": SOORTNAMEN[o.soort],
        "titel": o.titel(b.moment),
        "onderwerp": o.naam,
        "regio": b.regio.naam,
        "moment": b.moment.isoformat(),
        "periode": {"van": b.periode.van.isoformat(), "tot": b.periode.tot.isoformat()},
        "vorige_periode": {"van": b.vorige.van.isoformat(), "tot": b.vorige.tot.isoformat()},
        "stand": b.stand.isoformat(),
        "gedeeld": k.gedeeld,
        "samenvatting": [
            {
                "code": el["code"],
                "titel": el["titel"],
                "kleur": el["kleur"],
                "oordeel": KLEURTEKST[el["kleur"]],
                "afspraken": sum(1 for a in el["afspraken"] if a["loopt"]),
            }
            for el in elementen
        ],
        "elementen": elementen,
    }


def als_datum(tekst: str) -> date:
    return date.fromisoformat(tekst)
