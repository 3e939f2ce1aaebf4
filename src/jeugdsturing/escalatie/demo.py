# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The demo's escalation and referral steering (docs/escalatie.md): the default rules,
signals at the end of June 2027 (the simulator's two weaker providers), one escalation
case opened in July with an approved improvement plan, intake traffic for 2027 taken
from the children the message traffic shows (with one refusal), and the signals
brought up to the latest data. A second run changes nothing."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, datetime, time, timedelta

import polars as pl
from django.utils import timezone

from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.core.access import Scope
from jeugdsturing.escalatie import services
from jeugdsturing.escalatie.bijwerken import regio_bijwerken
from jeugdsturing.escalatie.models import Aanmelding, Signaal, SignaalStatus, Urgentie
from jeugdsturing.escalatie.services.toegang import wachtlijst
from jeugdsturing.monitor.service import regio_monitor
from jeugdsturing.regio.models import Gebied, Regio, Thema

JUNI = date(2027, 6, 30)
ZWAKKE_AANBIEDER = "0005"  # the AGB code ends with it (docs/simulator.md)
AANMELDINGEN = 60
SEED = 2027


def _om(d: date, uur: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(d, time(uur)))


def escalatie_demo(*, regio: Regio) -> dict[str, int]:
    tellers: Counter[str] = Counter()
    if Aanmelding.objects.filter(regio=regio).exists():
        return dict(tellers)
    tellers.update(services.standaard_inrichten(regio))
    tellers.update({f"{k} (juni 2027)": v for k, v in regio_bijwerken(regio, JUNI).items()})
    _traject(regio, tellers)
    _aanmeldingen(regio, tellers)
    tellers.update({f"{k} (laatste stand)": v for k, v in regio_bijwerken(regio).items()})
    return dict(tellers)


def _traject(regio: Regio, tellers: Counter[str]) -> None:
    signalen = list(
        Signaal.objects.filter(
            regio=regio, status=SignaalStatus.OPEN,
            aanbieder__agb_code__endswith=ZWAKKE_AANBIEDER,
            regel__code__in=["lage-uitstroom", "lange-doorlooptijd"],
        ).order_by("regel__code")
    )  # fmt: skip
    if not signalen:
        return
    aanbieder = signalen[0].aanbieder
    t = services.traject_open(
        regio=regio, aanbieder=aanbieder, signalen=signalen, op=date(2027, 7, 5),
        titel=f"Verbetertraject {aanbieder.naam}: uitstroom en doorlooptijd",
        aanleiding="De regionale gegevens laten sinds eind 2025 weinig uitstroom volgens plan "
        "en lange doorlooptijden zien, ver buiten de grenzen van het trechterdiagram.",
    )  # fmt: skip
    services.traject_gesprek(
        traject=t, datum=date(2027, 7, 12), op=date(2027, 7, 12),
        verslag="Besproken: de cijfers, de duiding van de aanbieder (complexe instroom, "
        "personeelsverloop) en wat er anders moet. De aanbieder levert binnen twee weken een "
        "verbeterplan met acties, eigenaren en termijnen.",
    )  # fmt: skip
    waarde = signalen[0].waarde if signalen[0].maatstaf == "uitstroom_volgens_plan" else None
    services.plan_dien_in(
        traject=t,
        tekst="Elke casus langer dan een jaar wordt besproken in een multidisciplinair "
        "overleg met de toegang; afschalen en afsluiten worden vanaf de start gepland.",
        acties=[
            {"wie": "Teamleider behandeling", "wat": "Casusreview van alle trajecten > 12 maanden",
             "hoe": "Multidisciplinair overleg met de gebiedsteams, elke twee weken",
             "wanneer": date(2027, 9, 30)},
            {"wie": "Zorginhoudelijk manager", "wat": "Afschaalplan bij de start van elk traject",
             "hoe": "Vast onderdeel van het behandelplan, met de datum van evaluatie",
             "wanneer": date(2027, 10, 31)},
            {"wie": "Directie", "wat": "Verloop van behandelaren terugdringen",
             "hoe": "Vaste behandelaar per gezin; inwerkprogramma voor nieuwe collega's",
             "wanneer": date(2027, 12, 31)},
        ],
        streefwaarde=round(100 * (waarde or 0.5) + 15, 0), streefdatum=date(2028, 6, 30),
        op=date(2027, 7, 26),
    )  # fmt: skip
    services.plan_beoordeel(traject=t, goedkeuren=True, op=date(2027, 8, 2),
                            toelichting="Concreet en toetsbaar; maandelijks volgen.")  # fmt: skip
    actie = t.acties.order_by("wanneer").first()
    if actie is not None:
        services.actie_wijzig(actie=actie, naar="in_uitvoering", op=date(2027, 9, 6),
                              bewijs="Eerste twee casusreviews gehouden (verslagen bij de "
                              "toegang).")  # fmt: skip
    tellers["verbetertrajecten"] += 1


def _aanmeldingen(regio: Regio, tellers: Counter[str]) -> None:
    """Children who started care in 2027 at a provider with a contract, as the intake
    point would have registered them a few days before their assignment."""
    rng = random.Random(SEED)  # noqa: S311 (demo data, not a secret)
    monitor = regio_monitor(regio, Scope.beheer())
    t = monitor.verrijkt.filter(
        pl.col("toewijzingsdatum").is_between(date(2027, 1, 15), date(2027, 11, 30))
        & pl.col("nieuw") & pl.col("thema").is_not_null() & pl.col("gebied").is_not_null()
        & ~pl.col("taakgericht")
    ).sort("toewijzingsdatum", "id")  # fmt: skip
    if t.is_empty():
        return
    rijen = t.sample(n=min(AANMELDINGEN, t.height), seed=SEED).sort("toewijzingsdatum", "id")
    themas = {x.code: x for x in Thema.objects.filter(regio=regio)}
    gebieden = {x.code: x for x in Gebied.objects.filter(regio=regio)}
    aanbieders = {a.agb_code: a for a in Aanbieder.objects.all()}
    geweigerd = False
    for r in rijen.to_dicts():
        dag = r["toewijzingsdatum"] - timedelta(days=rng.randint(1, 6))
        urgentie = rng.choices([Urgentie.SPOED, Urgentie.HOOG, Urgentie.NORMAAL], [1, 3, 12])[0]
        a = services.aanmelding_maak(
            regio=regio, gebied=gebieden[r["gebied"]], thema=themas[r["thema"]],
            client=r["client"], urgentie=urgentie, ontvangen_op=_om(dag, 9),
            expertise="",
        )  # fmt: skip
        tellers["aanmeldingen"] += 1
        # Earlier registrations of the same theme and gebied still waiting go first.
        for eerder in wachtlijst(regio, a.thema, a.gebied):
            if eerder.pk == a.pk:
                break
            services.aanmelding_trek_in(aanmelding=eerder, reden="demo: elders geholpen")
        doel = aanbieders[r["aanbieder"]]
        if not geweigerd and not r["aanbieder"].endswith(ZWAKKE_AANBIEDER):
            andere = next(x for agb, x in sorted(aanbieders.items())
                          if agb.endswith(ZWAKKE_AANBIEDER))  # fmt: skip
            services.aanmelding_wijs_toe(aanmelding=a, aanbieder=andere, op=_om(dag, 11))
            services.aanmelding_weiger(
                aanmelding=a, op=_om(dag + timedelta(days=1), 10),
                reden="Geen plek in de groep; wachtlijst van zes weken.",
            )  # fmt: skip
            tellers["weigeringen"] += 1
            geweigerd = True
        services.aanmelding_wijs_toe(
            aanmelding=a, aanbieder=doel, op=_om(dag + timedelta(days=1), 14)
        )
        services.aanmelding_accepteer(aanmelding=a, op=_om(dag + timedelta(days=2), 10))
    # Three children registered in December, still waiting for a place.
    for i, (thema, gebied) in enumerate(
        list(zip(themas.values(), gebieden.values(), strict=False))[:3]
    ):
        services.aanmelding_maak(
            regio=regio, gebied=gebied, thema=thema, bsn=_bsn(rng),
            urgentie=[Urgentie.HOOG, Urgentie.NORMAAL, Urgentie.NORMAAL][i],
            ontvangen_op=_om(date(2027, 12, 14 + i), 9), expertise="traumabehandeling",
        )  # fmt: skip
        tellers["aanmeldingen"] += 1


def _bsn(rng: random.Random) -> str:
    """A demo BSN that passes the elfproef."""
    while True:
        cijfers = [rng.randint(0, 9) for _ in range(8)]
        som = sum((9 - i) * c for i, c in enumerate(cijfers))
        laatste = som % 11
        if laatste < 10 and cijfers[0] != 0:
            return "".join(map(str, cijfers)) + str(laatste)
