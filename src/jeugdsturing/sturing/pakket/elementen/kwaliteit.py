# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Steering element 5: quality of care, from the uitvraag's deliveries (complaints,
incidents, calamities, staff, Outcome in Zicht, waiting list, documents)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from jeugdsturing.sturing.models import Levering, LeveringStatus
from jeugdsturing.sturing.pakket.bronnen import Bronnen, Kijker, Onderwerp
from jeugdsturing.sturing.pakket.elementen.basis import (
    aanbieders_van,
    element,
    tabel,
)
from jeugdsturing.sturing.pakket.inhoud import (
    Element,
    cijfer,
    kleur_vergelijking,
    mediaan,
)

KWALITEIT: tuple[tuple[str, str, str, str | None], ...] = (
    ("klachten", "Klachten", "aantal", None),
    ("incidenten", "Gemelde incidenten", "aantal", None),
    ("calamiteiten", "Gemelde calamiteiten", "aantal", None),
    ("fte", "Personeel (fte)", "getal", None),
    ("verloop_pct", "Verloop van personeel", "pct", "omlaag"),
    ("verzuim_pct", "Ziekteverzuim", "pct", "omlaag"),
    ("uitval_pct", "Uitval (Outcome in Zicht)", "pct", "omlaag"),
    ("tevredenheid_pct", "Tevredenheid over gebruik en effect", "pct", "omhoog"),
    ("doelrealisatie_pct", "Doelen (grotendeels) bereikt", "pct", "omhoog"),
    ("wachtenden", "Wachtenden (peildatum)", "aantal", None),
)


def _n(v: Any) -> float | None:
    return float(v) if isinstance(v, int | float | Decimal) and not isinstance(v, bool) else None


def _kwaliteit(levs: Sequence[Levering], o: Onderwerp) -> dict[str, float | None]:
    """The quality figures of one or more deliveries: counts summed, outcome figures
    weighted by the trajectories they rest on, staff percentages weighted by fte."""
    if not levs:
        return {}
    uit: dict[str, float | None] = {}
    for key in ("klachten", "incidenten", "calamiteiten", "fte"):
        waarden = [_n(getattr(lev, key)) for lev in levs]
        uit[key] = None if None in waarden else sum(w for w in waarden if w is not None)
    for key in ("verloop_pct", "verzuim_pct"):
        paren = [(_n(getattr(lev, key)), _n(lev.fte) or 0.0) for lev in levs]
        gewicht = sum(g for w, g in paren if w is not None)
        uit[key] = (
            round(sum(w * g for w, g in paren if w is not None) / gewicht, 1) if gewicht else None
        )
    uitkomsten = [u for lev in levs for u in lev.uitkomsten.all()]
    for key in ("uitval_pct", "tevredenheid_pct", "doelrealisatie_pct"):
        paren = [(_n(getattr(u, key)), u.clienten) for u in uitkomsten]
        gewicht = sum(g for w, g in paren if w is not None)
        uit[key] = (
            round(sum(w * g for w, g in paren if w is not None) / gewicht, 1) if gewicht else None
        )
    uit["wachtenden"] = float(
        sum(
            w.wachtenden
            for lev in levs
            for w in lev.wachtlijst.all()
            if (o.thema is None or w.thema_id == o.thema.pk)
            and (o.gebied is None or w.gebied_id == o.gebied.pk)
        )
    )
    return uit


def kwaliteit(b: Bronnen, o: Onderwerp, k: Kijker) -> Element:
    nu, toen = b.leveringen(b.uitvraag), b.leveringen(b.vorige_uitvraag)
    aanbieders = aanbieders_van(b, o)

    def ingediend(levs: dict[str, Levering], wie: Callable[[str], bool]) -> list[Levering]:
        return [lev for a, lev in levs.items() if wie(a) and lev.status == LeveringStatus.INGEDIEND]

    def hoort(a: str) -> bool:
        return aanbieders is None or a in aanbieders

    eigen = _kwaliteit(ingediend(nu, hoort), o)
    vorige = _kwaliteit(ingediend(toen, hoort), o)
    link = f"/sturing/uitvraag/{b.uitvraag.pk}/" if b.uitvraag else "/sturing/uitvraag/"
    peers: list[dict[str, float | None]] = []
    if o.aanbieder is not None:
        lev = nu.get(o.aanbieder.agb_code)
        link = f"/sturing/levering/{lev.pk}/" if lev else link
        peers = [_kwaliteit([x], o) for x in ingediend(nu, lambda a: not hoort(a))]
    if not eigen:
        return element(
            "5",
            [],
            link=link,
            toelichting=(
                "Nog geen ingediende levering voor de uitvraag van dit stuurmoment."
                if b.uitvraag
                else "Er is geen uitvraag voor dit stuurmoment."
            ),
        )
    cijfers = []
    for key, naam, eenheid, richting in KWALITEIT:
        ref = mediaan(p.get(key) for p in peers) if len(peers) >= 3 else None
        kleur = (
            kleur_vergelijking(eigen.get(key), ref, richting, 20.0)
            if richting and ref is not None
            else ("oranje" if (eigen.get(key) or 0) > 0 else "groen")
            if key == "calamiteiten"
            else None
        )
        cijfers.append(
            cijfer(
                key,
                naam,
                eigen.get(key),
                eenheid=eenheid,
                vorige=vorige.get(key),
                vergelijking=ref,
                vergelijking_naam="mediaan andere aanbieders",
                kleur=kleur,
                link=link,
                bron="uitvraag",
            )
        )
    tabellen = []
    levs = ingediend(nu, hoort)
    if o.aanbieder is not None and levs:
        lev = levs[0]
        tabellen.append(
            tabel(
                "uitkomsten",
                "Uitkomsten per gemeente (Outcome in Zicht)",
                [
                    ("Gemeente", "tekst"),
                    ("Beëindigde trajecten", "aantal"),
                    ("Uitval", "pct"),
                    ("Tevredenheid", "pct"),
                    ("Doelrealisatie", "pct"),
                ],
                [
                    [
                        u.gemeente.naam,
                        u.clienten,
                        _n(u.uitval_pct),
                        _n(u.tevredenheid_pct),
                        _n(u.doelrealisatie_pct),
                    ]
                    for u in lev.uitkomsten.all()
                ],
                link,
            )
        )
        bijlagen = [[bl.naam, bl.soort, bl.grootte] for bl in lev.bijlagen.all()]
        if bijlagen:
            tabellen.append(
                tabel(
                    "documenten",
                    "Documenten (inspectierapporten, plannen)",
                    [("Document", "tekst"), ("Soort", "tekst"), ("Bytes", "aantal")],
                    bijlagen,
                    link,
                )
            )
    wacht: dict[tuple[str, str], int] = defaultdict(int)
    for lev in levs:
        for w in lev.wachtlijst.all():
            if (o.thema is None or w.thema_id == o.thema.pk) and (
                o.gebied is None or w.gebied_id == o.gebied.pk
            ):
                wacht[(w.thema.code, w.gebied.naam if w.gebied else "hele regio")] += w.wachtenden
    if wacht:
        tabellen.append(
            tabel(
                "wachtlijst",
                "Wachtlijst per thema en gebied",
                [("Thema", "tekst"), ("Gebied", "tekst"), ("Wachtenden", "aantal")],
                [[t, g, n] for (t, g), n in sorted(wacht.items())],
                link,
            )
        )
    if not k.gedeeld and o.aanbieder is None:
        tabellen.append(
            tabel(
                "per_aanbieder",
                "Per aanbieder (alleen voor het regioteam)",
                [
                    ("Aanbieder", "tekst"),
                    *((naam, e) for key, naam, e, _ in KWALITEIT if key != "wachtenden"),
                ],
                [
                    [
                        lev.aanbieder.naam,
                        *(
                            _kwaliteit([lev], o).get(key)
                            for key, *_ in KWALITEIT
                            if key != "wachtenden"
                        ),
                    ]
                    for lev in levs
                ],
                link,
            )
        )
    toelichting = (
        f"Uit de uitvraag {b.uitvraag.naam if b.uitvraag else ''} (periode "
        f"{b.uitvraag.periode_van:%d-%m-%Y} t/m {b.uitvraag.periode_tot:%d-%m-%Y}); vorige: de "
        "uitvraag daarvoor. Uitkomstcijfers gewogen naar het aantal beëindigde trajecten, "
        "verloop en verzuim naar fte."
        if b.uitvraag
        else ""
    )
    if peers:
        toelichting += (
            " Vergelijking: de mediaan van de andere aanbieders die aanleverden "
            "(oranje: tot 20% slechter); elke calamiteit vraagt aandacht."
        )
    return element("5", cijfers, tabellen=tabellen, link=link, toelichting=toelichting)
