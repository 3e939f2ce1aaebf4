# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Steering element 3: client numbers and flows, read from the monitor (Monitor.rijen)
for the subject, with the region and (for a provider) its position among its peers."""

from __future__ import annotations

from typing import Any

from jeugdsturing.escalatie.pakketdeel import pakketdeel
from jeugdsturing.sturing.pakket.bronnen import Bronnen, Kijker, Onderwerp
from jeugdsturing.sturing.pakket.elementen.basis import (
    DIMENSIE_NAAM,
    P,
    eerste,
    element,
    maanden_van,
    monitorlink,
    regio_rij,
    tabel,
    team_scope,
)
from jeugdsturing.sturing.pakket.inhoud import (
    Element,
    cijfer,
    getal,
    kleur_vergelijking,
    positie,
)

STROMEN: tuple[tuple[str, str, str, str | None], ...] = (
    ("clienten_in_zorg", "Cliënten in zorg", "aantal", None),
    ("instroom", "Instroom (trajecten)", "aantal", None),
    ("nieuwe_clienten", "Nieuwe cliënten", "aantal", None),
    ("uitstroom", "Uitstroom (trajecten)", "aantal", None),
    ("uitstroom_volgens_plan", "Uitstroom volgens plan", "aantal", None),
    ("uitstroom_voortijdig", "Uitstroom voortijdig", "aantal", None),
    ("doorlooptijd_mediaan_dagen", "Doorlooptijd mediaan", "dagen", None),
    ("wachttijd_mediaan_dagen", "Wachttijd mediaan", "dagen", "omlaag"),
    ("binnen_wachtnorm_pct", "Binnen de wachtnorm", "pct", "omhoog"),
    ("herhaald_gebruik_pct", "Herhaald gebruik", "pct", "omlaag"),
    ("aandeel_verblijf_pct", "Aandeel verblijf", "pct", "omlaag"),
    ("verlengingen", "Verlengingen", "aantal", None),
)
TABELSTROMEN = (
    "clienten_in_zorg",
    "instroom",
    "uitstroom",
    "uitstroom_voortijdig",
    "wachttijd_mediaan_dagen",
    "aandeel_verblijf_pct",
)


def stromen(b: Bronnen, o: Onderwerp, k: Kijker) -> Element:
    m = b.monitor(k.scope)
    f = o.filters
    pp, vpp = [b.periode], [b.vorige]
    eigen = eerste(m.rijen(pp, [], exact=k.exact, filters=f))
    vorige = eerste(m.rijen(vpp, [], exact=k.exact, filters=f))
    regio = b.onthoud(("stromen", "regio", k.gedeeld), lambda: regio_rij(b, k, pp)) if f else {}
    peers = (
        b.onthoud(
            ("stromen", "peers"),
            lambda: b.monitor(team_scope(b)).rijen(pp, ["aanbieder"], exact=True),
        )
        if o.aanbieder
        else []
    )
    cijfers = [
        cijfer(
            key,
            naam,
            eigen.get(key),
            eenheid=eenheid,
            vorige=vorige.get(key),
            vergelijking=regio.get(key) if regio and eenheid != "aantal" else None,
            positie=positie(eigen.get(key), [r[key] for r in peers], richting),
            kleur=kleur_vergelijking(eigen.get(key), regio.get(key), richting)
            if richting and regio
            else None,
            link=monitorlink(b, key, f),
            bron="iJw-berichtenverkeer",
        )
        for key, naam, eenheid, richting in STROMEN
    ]
    dims: tuple[str, ...] = {
        P.PD1: ("thema", "gemeente", "gebied"),
        P.PD2_THEMA: ("gemeente", "gebied"),
        P.PD2_OPDRACHT: ("thema", "gemeente", "gebied"),
        P.PD2_GEBIED: ("thema",),
    }[P(o.soort)]
    if o.soort == P.PD2_THEMA and not k.gedeeld:
        dims = (*dims, "aanbieder")
    namen = {key: naam for key, naam, _, _ in STROMEN}
    eenheden = {key: e for key, _, e, _ in STROMEN}
    tabellen = []
    for dim in dims:
        rijen = m.rijen(pp, [dim], exact=k.exact, filters=f)
        tabellen.append(
            tabel(
                f"per_{dim}",
                f"Per {DIMENSIE_NAAM[dim].lower()}",
                [(DIMENSIE_NAAM[dim], "tekst"), *((namen[x], eenheden[x]) for x in TABELSTROMEN)],
                [
                    [
                        b.namen[dim].get(str(r[dim]), str(r[dim]))
                        if r[dim] is not None
                        else "onbekend",
                        *(r[x] for x in TABELSTROMEN),
                    ]
                    for r in rijen
                ],
                monitorlink(b, "clienten_in_zorg", f, by=dim),
            )
        )
    punten = [
        {"maand": r["periode_van"].strftime("%Y-%m"), "reeks": reeks, "waarde": w}
        for r in m.rijen(maanden_van(b), [], exact=k.exact, filters=f)
        for key, reeks in (("instroom", "instroom"), ("uitstroom", "uitstroom"))
        if (w := getal(r[key])) is not None
    ]
    grafieken: list[dict[str, Any]] = (
        [{"soort": "trend", "titel": "Instroom en uitstroom per maand (trajecten)",
          "as": "trajecten", "punten": punten}] if punten else []
    )  # fmt: skip
    kleuren: list[str] = []
    if o.aanbieder is not None:
        kleuren = _escalatie(b, o, k, tabellen, grafieken)
    return element(
        "3",
        cijfers,
        tabellen=tabellen,
        extra_kleuren=kleuren,
        link=monitorlink(b, "clienten_in_zorg", f),
        toelichting="De cijfers van de monitor voor dezelfde periode en filters; de vorige "
        f"periode is {b.vorige.van:%d-%m-%Y} t/m {b.vorige.tot:%d-%m-%Y}. Oordeel alleen waar "
        "lager of hoger beter is, ten opzichte van de regio (oranje: tot 10% slechter)."
        + (" Positie: de plaats onder alle aanbieders (1 = best)." if o.aanbieder else "")
        + (
            " Signaalregels: de waarde over de twaalf maanden tot de stand, tegen de regio met "
            "de grenzen van een trechterdiagram (docs/escalatie.md); een trechterdiagram staat "
            "erbij waar de aanbieder buiten de 95%-grens ligt."
            if o.aanbieder
            else ""
        ),
        grafieken=grafieken,
    )


def _escalatie(
    b: Bronnen, o: Onderwerp, k: Kijker, tabellen: list[dict[str, Any]],
    grafieken: list[dict[str, Any]],
) -> list[str]:  # fmt: skip
    """A provider's position under the signal rules, its signals and open case (the
    escalation app); the light: red with an open case, orange with a running signal."""
    assert o.aanbieder is not None  # noqa: S101 (PD1 only)
    deel = b.onthoud(
        ("escalatie", o.aanbieder.pk, k.gedeeld),
        lambda: pakketdeel(b.regio, b.monitor(team_scope(b)), o.aanbieder, b.stand,  # type: ignore[arg-type]
                           benoemd=not k.gedeeld),
    )  # fmt: skip
    if deel["posities"]:
        tabellen.append(tabel(
            "signaalregels", "Positie bij de signaalregels",
            [("Signaalregel", "tekst"), ("Waarde", "getal"), ("Regio", "getal"),
             ("Ondergrens 99,8%", "getal"), ("Bovengrens 99,8%", "getal"), ("Oordeel", "tekst")],
            deel["posities"],
        ))  # fmt: skip
    if deel["signalen"]:
        tabellen.append(tabel("signalen", "Lopende signalen",
                              [("Signaalregel", "tekst"), ("Stand", "tekst"), ("Sinds", "tekst")],
                              deel["signalen"]))  # fmt: skip
    if deel["trajecten"]:
        tabellen.append(tabel(
            "verbetertrajecten", "Open verbetertraject",
            [("Verbetertraject", "tekst"), ("Stap", "tekst"), ("Verbeterplan", "tekst"),
             ("Geopend", "tekst")],
            deel["trajecten"],
        ))  # fmt: skip
    grafieken.extend(deel["grafieken"])
    return ["rood"] if deel["trajecten"] else ["oranje"] if deel["signalen"] else []
