# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The steering cycle of the demo region, simulated (docs/sturing.md, "De demo"): the
uitvraag of every performance dialogue of 2026 and 2027 with a delivery of every
provider, the June 2027 packs sent, one PD1 dialogue held with agreements, and the
October 2027 packs that show them. Everything goes through the services.

Assumptions of the simulation (written down in docs/sturing.md):
- outcome figures per gemeente rest on the provider's own outflow in the monitor for the
  period (drop-out = the monitor's early endings); satisfaction 70-92%, goals reached
  60-88%;
- complaints about 1 per 40 clients in care, incidents 1 per 25, a calamity now and
  then; staff 1 fte per 7 clients, turnover 8-20%, sickness absence 4-9%;
- about 1 in 10 deliveries late (1-9 days), about 1 in 12 incomplete, one provider
  does not deliver for June 2027;
- providers report the goal indicators they are asked for (percentages 35-90%, a plan
  approved in 3 of 4 cases)."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from jeugdsturing.core.access import Scope
from jeugdsturing.monitor.service import regio_monitor
from jeugdsturing.regio.models import Regio
from jeugdsturing.sturing import services
from jeugdsturing.sturing.models import (
    AfspraakStatus,
    Levering,
    Pakket,
    Pakketsoort,
    Uitvraag,
)
from jeugdsturing.sturing.pakket.inhoud import pakketperiode
from jeugdsturing.sturing.uitvraagbestand import Gegevens, Uitkomst, Wachtende

MOMENTEN = [date(j, m, 1) for j in (2026, 2027) for m in (3, 6, 10)]
JUNI, OKTOBER = date(2027, 6, 1), date(2027, 10, 1)
DIALOOG_AANBIEDER = "Amstelzorg"  # the demo provider user's organisation
NIET_GELEVERD = ("Lijn5 Jeugd", JUNI)


def _om(d: date, uur: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(d, time(uur)))


def _pct(rng: random.Random, laag: float, hoog: float) -> Decimal:
    return Decimal(str(round(rng.uniform(laag, hoog), 1)))


def sturing_demo(*, regio: Regio) -> dict[str, int]:
    """Simulate the cycle once (a second run changes nothing)."""
    tellers: Counter[str] = Counter()
    if Uitvraag.objects.filter(regio=regio, moment__in=MOMENTEN).exists():
        return dict(tellers)
    for moment in MOMENTEN:
        _uitvraag(regio, moment, tellers)
    # June 2027: every pack made and sent on the first of the month.
    for v in services.pakketten_maak(regio=regio, moment=JUNI):
        services.pakket_verzend(versie=v, op=_om(JUNI, 9))
        tellers["pakketten juni 2027 verzonden"] += 1
    _dialoog(regio, tellers)
    # October 2027: the team has made the packs; the demo provider's is sent.
    for v in services.pakketten_maak(regio=regio, moment=OKTOBER):
        tellers["pakketten oktober 2027 gemaakt"] += 1
        if v.pakket.aanbieder and v.pakket.aanbieder.naam == DIALOOG_AANBIEDER:
            services.pakket_verzend(versie=v, op=_om(OKTOBER, 9))
    return dict(tellers)


def _uitvraag(regio: Regio, moment: date, tellers: Counter[str]) -> None:
    periode, stand = pakketperiode(moment)
    deadline = stand - timedelta(days=10)
    u = services.uitvraag_maak(regio=regio, moment=moment, periode_van=periode.van,
                               periode_tot=periode.tot, deadline=deadline)  # fmt: skip
    services.uitvraag_zet_uit(uitvraag=u)
    monitor = regio_monitor(regio, Scope(exact=True))
    uitstroom = {
        (r["aanbieder"], r["gemeente"]): r
        for r in monitor.rijen([periode], ["aanbieder", "gemeente"], exact=True)
    }
    in_zorg = {r["aanbieder"]: r for r in monitor.rijen([periode], ["aanbieder"], exact=True)}
    for lev in Levering.objects.filter(uitvraag=u).select_related("aanbieder"):
        a = lev.aanbieder
        if (a.naam, moment) == NIET_GELEVERD:
            tellers["leveringen niet ingediend"] += 1
            continue
        rng = random.Random(f"uitvraag-{a.agb_code}-{moment:%Y-%m}")  # noqa: S311 (a simulation)
        ctx = services.levering_context(lev)
        clienten = int(in_zorg.get(a.agb_code, {}).get("clienten_in_zorg") or 0)
        uitkomsten = []
        for code in ctx.gemeenten:
            r = uitstroom.get((a.agb_code, code))
            n = int(r["uitstroom"]) if r else 0
            if not n:
                continue
            uitval = Decimal(str(round(100 * int(r["uitstroom_voortijdig"]) / n, 1))) if r else None
            uitkomsten.append(Uitkomst(code, n, uitval, _pct(rng, 70, 92), _pct(rng, 60, 88)))
        onvolledig = rng.random() < 0.08
        kern: dict[str, Decimal | int | None] = {
            "klachten": sum(rng.random() < 1 / 40 for _ in range(clienten)),
            "incidenten": sum(rng.random() < 1 / 25 for _ in range(clienten)),
            "calamiteiten": int(rng.random() < 0.15),
            "fte": Decimal(str(round(max(clienten, 7) / 7 * rng.uniform(0.9, 1.1), 1))),
            "verloop_pct": _pct(rng, 8, 20),
            "verzuim_pct": None if onvolledig else _pct(rng, 4, 9),
        }
        wachtlijst = [Wachtende(t, "", rng.randint(0, 12)) for t in ctx.themas]
        indicatoren = {
            code: (Decimal(1 if rng.random() < 0.75 else 0) if soort == "ja_nee"
                   else _pct(rng, 35, 90))
            for code, (_, soort) in ctx.indicatoren.items()
        }  # fmt: skip
        te_laat = rng.random() < 0.1
        dag = deadline + timedelta(days=rng.randint(1, 9)) if te_laat else (
            deadline - timedelta(days=rng.randint(0, 14)))  # fmt: skip
        services.levering_dien_in(
            levering=lev,
            gegevens=Gegevens(kern, tuple(uitkomsten), tuple(wachtlijst), indicatoren,
                              "gesimuleerde levering (demo)"),
            op=_om(dag),
        )  # fmt: skip
        tellers["leveringen ingediend"] += 1
    if moment < OKTOBER:
        services.uitvraag_sluit(uitvraag=u)
    tellers["uitvragen"] += 1


def _dialoog(regio: Regio, tellers: Counter[str]) -> None:
    """The June 2027 dialogue with the demo provider: its interpretation first, then the
    meeting with minutes per element and three agreements, followed up over the
    summer."""
    pakket = Pakket.objects.get(regio=regio, moment=JUNI, soort=Pakketsoort.PD1,
                                aanbieder__naam=DIALOOG_AANBIEDER)  # fmt: skip
    for element, tekst in (
        ("2", "De stopberichten lopen achter sinds de overstap op een nieuw cliëntsysteem in "
              "februari; de achterstand is in mei ingehaald."),
        ("3", "De instroom stijgt vooral in Amsterdam Nieuw-West, door de sluiting van een "
              "andere aanbieder daar."),
    ):  # fmt: skip
        services.duiding_zet(pakket=pakket, element=element, tekst=tekst)
    versie = pakket.versies.get(status="verzonden")
    overleg = services.overleg_leg_vast(
        versie=versie, datum=date(2027, 6, 15),
        aanwezigen="Regio: contractmanager, beleidsadviseur. Amstelzorg: bestuurder, manager zorg.",
        verslag={
            "algemeen": "Prestatiedialoog over de 4-maandsrapportage en de eerste prognose.",
            "1": "De prognose ligt boven het budget in Amsterdam; de aanbieder verwacht dat de "
                 "instroom na de zomer afvlakt.",
            "2": "De stopberichten kwamen te laat door het nieuwe systeem; toegezegd is dat ze "
                 "weer binnen 5 werkdagen komen.",
            "3": "Stijgende instroom besproken; de regio kijkt naar de verdeling over aanbieders.",
            "5": "Het ziekteverzuim is hoog; de aanbieder maakt een verzuimplan.",
        },
    )  # fmt: skip
    a1 = services.afspraak_maak(
        overleg=overleg, element="2", eigenaar="Amstelzorg", deadline=date(2027, 9, 30),
        op=_om(date(2027, 6, 15), 16),
        omschrijving="Start- en stopberichten weer binnen 5 werkdagen (90% of meer).",
    )  # fmt: skip
    a2 = services.afspraak_maak(
        overleg=overleg, element="5", eigenaar="Amstelzorg", deadline=date(2027, 9, 1),
        op=_om(date(2027, 6, 15), 16),
        omschrijving="Verzuimplan opstellen en delen met de regio.",
    )  # fmt: skip
    services.afspraak_maak(
        overleg=overleg, element="3", eigenaar="Regio (contractmanager)",
        deadline=date(2027, 10, 15), op=_om(date(2027, 6, 15), 16),
        omschrijving="Analyse van de instroom per gebied voor het volgende gesprek.",
    )  # fmt: skip
    services.overleg_stel_vast(overleg=overleg)
    services.afspraak_wijzig(afspraak=a1, naar=AfspraakStatus.IN_UITVOERING,
                             reden="achterstand stopberichten ingehaald; nieuw systeem draait",
                             op=_om(date(2027, 7, 15)))  # fmt: skip
    services.afspraak_wijzig(afspraak=a2, naar=AfspraakStatus.AFGEROND,
                             reden="verzuimplan ontvangen", op=_om(date(2027, 8, 28)))  # fmt: skip
    tellers["overleggen"] += 1
    tellers["afspraken"] += 3
