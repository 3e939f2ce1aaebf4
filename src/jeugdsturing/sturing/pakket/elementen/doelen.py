# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Steering element 4: progress on the goals (sturing.selectors.doelen_stand) of the
subject's themes, measured over the 12 months up to the end of the period."""

from __future__ import annotations

from typing import Any

from jeugdsturing.core.access import Scope
from jeugdsturing.sturing.pakket.bronnen import Bronnen, Kijker, Onderwerp
from jeugdsturing.sturing.pakket.elementen.basis import (
    element,
    team_scope,
)
from jeugdsturing.sturing.pakket.inhoud import (
    Element,
    cijfer,
)
from jeugdsturing.sturing.selectors import doelen_stand


def doelen(b: Bronnen, o: Onderwerp, k: Kijker) -> Element:
    m = b.monitor(k.scope)
    kw: dict[str, Any] = {"regio": b.regio, "jaar": b.jaar, "tot": b.periode.tot}
    if o.aanbieder is not None:
        kw |= {"themas": b.themas_van(o.aanbieder.agb_code), "aanbieder": o.aanbieder}
    elif o.thema is not None:
        kw |= {"thema": o.thema}
    standen = doelen_stand(scope=k.scope, monitor=m, filters=o.filters or None, **kw)
    if o.gebied is not None:
        standen = [s for s in standen if s.doel.gebied_id == o.gebied.pk]
    regio_scope = Scope(regio_id=b.regio.pk) if k.gedeeld else team_scope(b)
    vergelijk: dict[int, Any] = {}
    if o.filters and standen:
        rkw = {x: v for x, v in kw.items() if x != "aanbieder"}
        sleutel = (
            "doelen",
            regio_scope,
            tuple(t.pk for t in rkw.get("themas", [])),
            rkw["thema"].pk if "thema" in rkw else None,
        )
        for s in b.onthoud(
            sleutel, lambda: doelen_stand(scope=regio_scope, monitor=b.monitor(regio_scope), **rkw)
        ):
            for i in s.indicatoren:
                if i.eenheid == "%":  # counts of a part and of the region do not compare
                    vergelijk[i.indicator.pk] = i.voortgang.waarde
    cijfers = []
    for s in standen:
        for i in s.indicatoren:
            v = i.voortgang
            reeks = dict(v.reeks)
            cijfers.append(
                cijfer(
                    f"{s.doel.code}/{i.indicator.code}",
                    i.indicator.naam,
                    v.waarde,
                    eenheid="pct"
                    if i.eenheid == "%"
                    else "janee"
                    if i.eenheid == "ja/nee"
                    else "getal",
                    vorige=reeks.get(v.jaar - 1),
                    vergelijking=vergelijk.get(i.indicator.pk),
                    doel=v.streefwaarde,
                    kleur=v.kleur,
                    link=i.link,
                    bron=i.bron,
                )
                | {
                    "groep": f"{s.doel.get_horizon_display()} ({s.doel.code})",
                    "oordeel": v.oordeel_tekst,
                }
            )
    toelichting = (
        f"Voortgang in {b.jaar}: gemeten indicatoren over de 12 maanden tot en met "
        f"{b.periode.tot:%d-%m-%Y} tegen de nulmeting en de streefwaarde: op koers als de "
        "waarde minstens zo ver is als een rechte lijn van nulmeting naar streefwaarde; "
        "gerapporteerde waarden uit de uitvraag of van het regioteam."
    )
    if not cijfers:
        toelichting = "Er zijn geen doelen voor dit onderwerp ingericht."
    return element(
        "4",
        cijfers,
        toelichting=toelichting,
        link=f"/sturing/doelen/{o.thema.code}/" if o.thema else "/sturing/",
    )
