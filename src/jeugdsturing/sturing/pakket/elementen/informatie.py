# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Steering element 2: timely and complete information, the figures of the monitor's
information page (monitor.service.informatie_rijen) and the uitvraag's delivery."""

from __future__ import annotations

from typing import Any

from jeugdsturing.monitor.informatie import informatielink, stand_na
from jeugdsturing.monitor.service import Filterwaarde, informatie_rijen
from jeugdsturing.sturing.models import Levering, LeveringStatus
from jeugdsturing.sturing.pakket.bronnen import Bronnen, Kijker, Onderwerp
from jeugdsturing.sturing.pakket.elementen.basis import (
    P,
    aanbieders_van,
    eerste,
    element,
    maanden_van,
    team_scope,
)
from jeugdsturing.sturing.pakket.inhoud import (
    Cijfer,
    Element,
    cijfer,
    getal,
    kleur_norm,
    positie,
)

INFORMATIENORMEN: tuple[tuple[str, str, float, float, str], ...] = (
    ("startberichten_tijdig_pct", "Startberichten binnen 5 werkdagen", 90, 75, "omhoog"),
    ("stopberichten_tijdig_pct", "Stopberichten binnen 5 werkdagen", 90, 75, "omhoog"),
    ("zonder_declaratie_pct", "PxQ-trajectmaanden zonder declaratie", 2, 5, "omlaag"),
    ("retour_afgekeurd_pct", "Afgekeurde retourberichten", 2, 5, "omlaag"),
    ("afgewezen_pct", "Afgewezen declaratieregels", 3, 6, "omlaag"),
)


def informatie(b: Bronnen, o: Onderwerp, k: Kijker) -> Element:
    link = informatielink(
        b.periode.van, b.periode.tot, o.aanbieder.agb_code if o.aanbieder else None
    )
    if o.gebied is not None:
        return element(
            "2",
            [],
            link=link,
            toelichting=(
                "De informatievoorziening is per aanbieder en gemeente, niet per gebied: zie de "
                "pakketten van de aanbieders en het pakket over de hele opdracht."
            ),
        )
    aanbieders = aanbieders_van(b, o)
    filters: dict[str, Filterwaarde] = {} if aanbieders is None else {"aanbieder": aanbieders}
    m = b.monitor(k.scope)
    data = b.informatie_van(aanbieders)
    peil = stand_na(b.periode.tot)

    def rijen(pp: Any) -> dict[str, Any]:
        return eerste(
            informatie_rijen(
                m, data, pp, [], peil=stand_na(pp[0].tot), exact=k.exact, filters=filters
            )
        )

    eigen, vorige = rijen([b.periode]), rijen([b.vorige])
    team = b.monitor(team_scope(b))
    if k.gedeeld:
        regio = b.onthoud(
            ("informatie", "regio", "gedeeld"),
            lambda: eerste(
                informatie_rijen(m, b.informatie, [b.periode], [], peil=peil, regionaal=True)
            ),
        )
    else:
        regio = b.onthoud(
            ("informatie", "regio", "team"),
            lambda: eerste(
                informatie_rijen(team, b.informatie, [b.periode], [], peil=peil, exact=True)
            ),
        )
    peers = b.onthoud(
        ("informatie", "peers"),
        lambda: informatie_rijen(
            team, b.informatie, [b.periode], ["aanbieder"], peil=peil, exact=True
        ),
    )
    cijfers = []
    for key, naam, groen, oranje, richting in INFORMATIENORMEN:
        cijfers.append(
            cijfer(
                key,
                naam,
                eigen.get(key),
                eenheid="pct",
                vorige=vorige.get(key),
                vergelijking=regio.get(key) if o.soort != P.PD2_OPDRACHT else None,
                positie=positie(eigen.get(key), [r[key] for r in peers], richting)
                if o.aanbieder
                else None,
                doel=groen,
                kleur=kleur_norm(eigen.get(key), groen, oranje, richting),
                link=link,
                bron="iJw-berichtenverkeer",
            )
        )
    cijfers.append(
        cijfer(
            "toewijzingen_zonder_start",
            "Toewijzingen zonder start na 30 dagen (einde periode)",
            eigen.get("toewijzingen_zonder_start"),
            vorige=vorige.get("toewijzingen_zonder_start"),
            link=link,
            bron="iJw-berichtenverkeer",
        )
    )
    verwacht = eigen.get("rapportages_verwacht") or 0
    if verwacht:
        tijdig, laat = eigen.get("rapportages_tijdig") or 0, eigen.get("rapportages_te_laat") or 0
        tekst = (
            f"{tijdig} van {verwacht} op tijd"
            + (f", {laat} te laat" if laat else "")
            + (f", {verwacht - tijdig - laat} ontbreken" if verwacht - tijdig - laat else "")
        )
        kleur = "groen" if tijdig == verwacht else "rood" if tijdig + laat < verwacht else "oranje"
        cijfers.append(
            cijfer(
                "rapportages",
                "Rapportages (lumpsum) met een deadline in de periode",
                tekst,
                eenheid="tekst",
                kleur=kleur,
                link=link,
            )
        )
    cijfers.append(_uitvraag_cijfer(b, o, aanbieders))
    punten = []
    maanden = maanden_van(b)
    reeksen = [
        (
            "eigen" if o.soort != P.PD2_OPDRACHT else "regio",
            informatie_rijen(m, data, maanden, [], peil=peil, exact=k.exact, filters=filters),
        )
    ]
    if o.soort != P.PD2_OPDRACHT:
        reeksen.append(
            (
                "regio",
                b.onthoud(
                    ("informatie", "maanden", k.gedeeld),
                    lambda: (
                        informatie_rijen(m, b.informatie, maanden, [], peil=peil, regionaal=True)
                        if k.gedeeld
                        else informatie_rijen(
                            team, b.informatie, maanden, [], peil=peil, exact=True
                        )
                    ),
                ),
            )
        )
    for naam, rijen_ in reeksen:
        for rij in rijen_:
            if (w := getal(rij["startberichten_tijdig_pct"])) is not None:
                punten.append(
                    {"maand": rij["periode_van"].strftime("%Y-%m"), "reeks": naam, "waarde": w}
                )
    return element(
        "2",
        cijfers,
        link=link,
        toelichting="Normen: startberichten en stopberichten ten minste 90% binnen 5 werkdagen "
        "(oranje vanaf 75%); ten hoogste 2% trajectmaanden zonder declaratie en 2% afgekeurde "
        "retourberichten (oranje tot 5%); ten hoogste 3% afgewezen declaratieregels (oranje tot "
        "6%).",
        grafieken=[
            {
                "soort": "trend",
                "titel": "Startberichten binnen 5 werkdagen per maand (%)",
                "as": "%",
                "punten": punten,
            }
        ]
        if punten
        else [],
    )


def _uitvraag_cijfer(b: Bronnen, o: Onderwerp, aanbieders: list[str] | None) -> Cijfer:
    u = b.uitvraag
    naam = "Uitvraag van dit stuurmoment aangeleverd"
    if u is None:
        return cijfer("uitvraag", naam, "er is geen uitvraag voor dit stuurmoment", eenheid="tekst")
    leveringen = b.leveringen(u)
    if o.aanbieder is not None:
        lev = leveringen.get(o.aanbieder.agb_code)
        if lev is None:
            return cijfer("uitvraag", naam, "niet uitgevraagd", eenheid="tekst")
        tekst, kleur = _levering_stand(lev, b)
        return cijfer(
            "uitvraag",
            naam,
            tekst,
            eenheid="tekst",
            kleur=kleur,
            link=f"/sturing/levering/{lev.pk}/",
        )
    groep = [lev for a, lev in leveringen.items() if aanbieders is None or a in aanbieders]
    goed = sum(1 for lev in groep if _levering_stand(lev, b)[1] == "groen")
    kleur = (
        "grijs"
        if not groep
        else "groen"
        if goed == len(groep)
        else ("oranje" if goed >= len(groep) * 0.75 else "rood")
    )
    return cijfer(
        "uitvraag",
        naam + " (op tijd en compleet)",
        f"{goed} van {len(groep)}",
        eenheid="tekst",
        kleur=kleur,
        link=f"/sturing/uitvraag/{u.pk}/",
    )


def _levering_stand(lev: Levering, b: Bronnen) -> tuple[str, str]:
    if lev.status != LeveringStatus.INGEDIEND or lev.ingediend_op is None:
        verlopen = lev.uitvraag.deadline < b.stand
        return (
            "niet ingediend" + (f" (deadline {lev.uitvraag.deadline:%d-%m-%Y})"),
            "rood" if verlopen else "grijs",
        )
    tekst = f"ingediend op {lev.ingediend_op:%d-%m-%Y}"
    if lev.te_laat:
        tekst += ", te laat"
    if not lev.compleet:
        tekst += "; onvolledig: " + ", ".join(lev.ontbreekt[:3])
    return tekst, "groen" if lev.compleet and not lev.te_laat else "oranje"
