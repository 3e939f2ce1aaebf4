# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The tender's documents as HTML rendered to PDF (WeasyPrint): the selection or
rejection letter per bidder, the numbered Nota van Inlichtingen and the proces-verbaal
of the procedure (seed 000 4.1 d). One template each; the same HTML is shown on screen."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone

from jeugdsturing.verwerving.models import (
    Aanbesteding,
    Inschrijving,
    InschrijvingStatus,
    Vraag,
)
from jeugdsturing.verwerving.selectors import einde_bezwaartermijn, verzegeld

IS = InschrijvingStatus


def _laagste_geselecteerde(a: Aanbesteding) -> Inschrijving | None:
    """The lowest-ranked bid of the selection (as decided then: rank at most N)."""
    return (
        a.inschrijvingen.filter(rang__lte=a.max_partners)
        .order_by("-rang")
        .prefetch_related("consensus__criterium")
        .first()
    )


def brief_context(inschrijving: Inschrijving) -> dict[str, Any]:
    a = inschrijving.aanbesteding
    if a.selectie_bekendgemaakt_op is None:
        raise ValueError(f"De selectie van {a.referentie} is nog niet bekendgemaakt.")
    laagste = _laagste_geselecteerde(a)
    criteria = list(a.criteria.all())
    eigen = {c.criterium_id: c for c in inschrijving.consensus.all()}
    ander = {c.criterium_id: c for c in laagste.consensus.all()} if laagste else {}
    return {
        "a": a,
        "i": inschrijving,
        "geselecteerd": inschrijving.rang is not None and inschrijving.rang <= a.max_partners,
        "wachtkamer": inschrijving.rang is not None
        and a.max_partners < inschrijving.rang <= a.max_partners + a.wachtkamer,
        "regels": [
            {"c": c, "eigen": eigen.get(c.pk), "laagste": ander.get(c.pk)} for c in criteria
        ],
        "laagste": laagste,
        "datum": a.selectie_bekendgemaakt_op,
        "einde_bezwaar": einde_bezwaartermijn(a),
    }


def brief_html(inschrijving: Inschrijving) -> str:
    return render_to_string("verwerving/documenten/brief.html", brief_context(inschrijving))


def nota_html(aanbesteding: Aanbesteding, nummer: int) -> str:
    vragen = list(
        Vraag.objects.filter(aanbesteding=aanbesteding, nota_nummer=nummer).order_by("volgnummer")
    )
    if not vragen:
        raise ValueError(
            f"Nota van Inlichtingen {nummer} van {aanbesteding.referentie} bestaat niet."
        )
    return render_to_string(
        "verwerving/documenten/nota.html",
        {"a": aanbesteding, "nummer": nummer, "vragen": vragen,
         "datum": max(v.beantwoord_op for v in vragen if v.beantwoord_op).date()},
    )  # fmt: skip


def proces_verbaal_html(aanbesteding: Aanbesteding, *, op: date | None = None) -> str:
    a = aanbesteding
    gesloten = verzegeld(a)  # nothing of the bids before the deadline
    inschrijvingen = (
        []
        if gesloten
        else list(
            a.inschrijvingen.select_related("aanbieder")
            .prefetch_related(
                "combinanten__aanbieder", "consensus__criterium", "toetsen__eis", "bezwaren"
            )
            .order_by("rang", "nummer")
        )
    )
    criteria = list(a.criteria.all())

    def scores(i: Inschrijving) -> list[object]:
        per = {c.criterium_id: c.waarde for c in i.consensus.all()}
        return [per.get(k.pk) for k in criteria]

    nota = a.vragen.filter(nota_nummer__isnull=False).values_list("nota_nummer", flat=True)
    return render_to_string(
        "verwerving/documenten/proces_verbaal.html",
        {
            "a": a,
            "criteria": criteria,
            "inschrijvingen": [{"i": i, "scores": scores(i)} for i in inschrijvingen],
            "lotingen": a.lotingen.all(),
            "verzegeld": gesloten,
            "wijzigingen": a.statuswijzigingen.select_related("content_type"),
            "beoordelaars": a.beoordelaars.select_related("gebruiker"),
            "nota": sorted(set(nota)),
            "einde_bezwaar": einde_bezwaartermijn(a),
            "bezwaren": [b for i in inschrijvingen for b in i.bezwaren.all()],
            "datum": op or timezone.localdate(),
        },
    )
