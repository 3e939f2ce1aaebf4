# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The demo tender of the demo region: seed 002 (Aanvullende Jeugdhulp
Amsterdam-Amstelland) up to the announced selection. 24 bids (one combination), three
assessors who score blind, one bid excluded on a requirement, one under the minimum,
a tie at the boundary of the selection decided by a recorded lottery, 20 selected and 2
in the waiting room, the objection period running. Everything goes through the services,
so the demo obeys the same rules as real use."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from django.contrib.auth.models import User
from django.db import transaction

from jeugdsturing.berichten.simulator import AANBIEDERS, aanbieder_agb
from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.gebruikers.services import gebruiker_bewaar
from jeugdsturing.regio.models import Regio
from jeugdsturing.rollen import Rol
from jeugdsturing.verwerving import selectors
from jeugdsturing.verwerving import services as s
from jeugdsturing.verwerving.models import (
    Aanbesteding,
    AanbestedingStatus,
    Beoordelaar,
    Criterium,
    Dialoogonderwerp,
    Dialoogronde,
    Eis,
    Inschrijving,
    InschrijvingStatus,
    Mijlpaal,
    Perceel,
    Toetsuitkomst,
)
from jeugdsturing.verwerving.sjablonen import (
    CRITERIA,
    EISEN,
    ONDERWERPEN_000,
    ONDERWERPEN_002,
    SCHAAL,
)

REFERENTIE = "AJH-2026"
EXTRA = [
    "Jeugdhulp Zuidoost", "Kinderkracht", "Gezinsnet Amstelland", "Buurtzorg Jong Amsterdam",
    "Samen Thuis Jeugd", "Vitaal Jong", "Brug Jeugd en Gezin", "Ouderkracht Aalsmeer",
]  # fmt: skip
MIJLPALEN = [
    ("Fase 1", "Publicatie van de opdracht", date(2026, 6, 1)),
    ("Fase 1", "Einde vragen", date(2026, 8, 14)),
    ("Fase 1", "Einde inschrijving", date(2026, 9, 30)),
    ("Fase 1", "Beoordeling en toelichtingsgesprekken", date(2026, 10, 1)),
    ("Fase 1", "Selectie bekend", date(2026, 11, 16)),
    ("Fase 2", "Dialoogfase", date(2027, 1, 4)),
    ("Fase 2", "Definitieve inschrijving", date(2027, 4, 1)),
    ("Fase 3", "Definitieve gunning", date(2027, 6, 15)),
    ("Fase 3", "Start uitvoering", date(2028, 1, 1)),
]
VOOR = datetime(2026, 8, 1, 10, tzinfo=UTC)
NA_DEADLINE = datetime(2026, 10, 1, 9, tzinfo=UTC)


@transaction.atomic
def verwerving_demo(*, regio: Regio) -> dict[str, int]:
    """Create the demo tender once (a second run keeps it); returns counts."""
    bestaand = Aanbesteding.objects.filter(referentie=REFERENTIE).first()
    if bestaand is not None:
        return _tellers(bestaand)
    a = Aanbesteding.objects.create(
        regio=regio, referentie=REFERENTIE, naam="Aanvullende Jeugdhulp Amsterdam-Amstelland",
        omschrijving="Kernpartners aanvullende jeugdhulp, taakgericht, 2028-2033 met opties "
        "tot 2037 (richtlijn inkoop AJH 2028-2038).",
        max_partners=20, wachtkamer=2, minimum_totaal=Decimal("5.50"),
        vragen_tot=datetime(2026, 8, 14, 12, tzinfo=UTC),
        inschrijven_tot=datetime(2026, 9, 30, 12, tzinfo=UTC),
        geraamde_waarde_eurocent=296_015_000_00,
    )  # fmt: skip
    percelen = [
        Perceel.objects.create(aanbesteding=a, code=t.code, naam=t.naam, thema=t)
        for t in regio.themas.order_by("volgorde")
    ]
    for fase, naam, dag in MIJLPALEN:
        Mijlpaal.objects.create(aanbesteding=a, fase=fase, naam=naam, datum=dag)
    eisen = {
        code: Eis.objects.create(aanbesteding=a, code=code, omschrijving=oms, soort=soort)
        for code, soort, oms in EISEN
    }
    criteria = [
        Criterium.objects.create(
            aanbesteding=a,
            code=code,
            naam=naam,
            weging=w,
            minimum=mini,
            beschrijving_schaal=dict(SCHAAL),
        )
        for code, naam, w, mini in CRITERIA
    ]
    s.aanbesteding_status_wijzig(aanbesteding=a, naar=AanbestedingStatus.AANGEKONDIGD,
                                 reden="publicatie op TenderNed", op=VOOR)  # fmt: skip
    a.refresh_from_db()

    aanbieders = [
        Aanbieder.objects.get_or_create(agb_code=aanbieder_agb(regio, i), defaults={"naam": naam})[
            0
        ]
        for i, naam in enumerate([*AANBIEDERS, *EXTRA])
    ]
    # Questions and the first Nota van Inlichtingen.
    vragen = [
        (0, "Mag een combinatie inschrijven op alle thema's?", "Ja, met één penvoerder."),
        (3, "Hoe wordt 'substantieel deel van de opdracht' getoetst?",
         "Aan de capaciteitsverklaring: ten minste twee gebieden of 5% van de opdracht."),
        (7, "Telt een ISO 9001-certificaat als vergelijkbaar?", "Ja (voetnoot 3 van 5.6.1)."),
    ]  # fmt: skip
    for vrager, tekst, antwoord in vragen:
        v = s.vraag_stel(aanbesteding=a, aanbieder=aanbieders[vrager], tekst=tekst, op=VOOR)
        s.vraag_beantwoord(vraag=v, antwoord=antwoord, op=VOOR)
    s.nota_publiceer(aanbesteding=a)

    # 24 bids: providers 0-21 alone, provider 22 as penvoerder of a combination with
    # provider 23 as member, and one more provider alone.
    rng = random.Random(2026)
    capaciteit_rng = random.Random(2028)  # its own stream: scores and ranking stay as they are
    gebieden = list(regio.gebieden.order_by("volgorde", "code").values_list("code", flat=True))
    inschrijvingen = []
    for n, aanbieder in enumerate(aanbieders[:23]):
        leden = [aanbieders[23]] if n == 22 else []
        inschrijvingen.append(
            s.inschrijving_dien_in(
                aanbesteding=a, aanbieder=aanbieder, leden=leden,
                onderaannemers=["Ervaringsdeskundigen Collectief"] if n % 5 == 0 else [],
                percelen=rng.sample(percelen, k=rng.randint(1, len(percelen))),
                visie=f"Visiedocument van {aanbieder.naam}.",
                antwoorden={c.code: f"Antwoord op {c.code}" for c in criteria},
                capaciteit=_capaciteit(capaciteit_rng, gebieden),
                uea={"uitsluitingsgronden": "geen", "eigen_verklaring": True}, op=VOOR,
            )
        )  # fmt: skip
    # The combinant confirms its part, as it must before the combination counts.
    for combinant in inschrijvingen[22].combinanten.all():
        s.combinant_beantwoord(combinant=combinant, akkoord=True, door=None, op=VOOR)
    extra = Aanbieder.objects.get_or_create(
        agb_code=aanbieder_agb(regio, 24), defaults={"naam": "Jeugd en Opvoedhulp Diemen"}
    )[0]
    inschrijvingen.append(
        s.inschrijving_dien_in(
            aanbesteding=a, aanbieder=extra, percelen=percelen[:1], visie="Visie.",
            antwoorden={}, capaciteit=[], uea={"uitsluitingsgronden": "geen"}, op=VOOR,
        )
    )  # fmt: skip

    s.aanbesteding_status_wijzig(aanbesteding=a, naar=AanbestedingStatus.BEOORDELING,
                                 reden="inschrijftermijn verstreken", op=NA_DEADLINE)  # fmt: skip
    a.refresh_from_db()
    # Knock-out checks: all met, except the quality certificate of one bid.
    for n, bod in enumerate(inschrijvingen):
        for code, eis in eisen.items():
            niet = n == 17 and code == "KWAL"
            s.eis_toets(
                inschrijving=bod, eis=eis,
                uitkomst=Toetsuitkomst.NIET_VOLDAAN if niet else Toetsuitkomst.VOLDAAN,
                motivering="geen certificaat en geen aanvraag aangetoond" if niet
                else "aangetoond met de gevraagde verklaring",
            )  # fmt: skip

    # Three assessors, blind scores around a level per bid; two bids get the same
    # consensus so that the lottery decides place 20 and 21.
    beoordelaars = []
    for k in (1, 2, 3):
        gebruiker = User.objects.filter(
            username="beoordelaar" if k == 1 else f"beoordelaar-{k}"
        ).first()
        if gebruiker is None:
            gebruiker = gebruiker_bewaar(
                username=f"beoordelaar-{k}", password=None, rol=Rol.BEOORDELAAR, regio=regio,
                naam=f"Lid beoordelingscommissie {k}",
            )  # fmt: skip
        b = Beoordelaar.objects.create(aanbesteding=a, gebruiker=gebruiker)
        s.beoordelaar_verklaar(beoordelaar=b, belangen="geen")
        beoordelaars.append(b)
    geldig = [bod for n, bod in enumerate(inschrijvingen) if n != 17]
    niveaus = {bod.pk: Decimal("8.5") - Decimal(n) * Decimal("0.1") for n, bod in enumerate(geldig)}
    niveaus[geldig[-1].pk] = Decimal(4)  # under the minimum on V1
    # places 20 and 21 identical: decided by lottery
    niveaus[geldig[20].pk] = niveaus[geldig[19].pk]
    for bod in geldig:
        for b in beoordelaars:
            b.inschrijvingen.add(bod)
            for c in criteria:
                eigen = niveaus[bod.pk] + Decimal(rng.choice([-1, -0.5, 0, 0.5, 1]))
                eigen = min(Decimal(10), max(Decimal(0), eigen))
                s.score_geef(beoordelaar=b, inschrijving=bod, criterium=c, waarde=eigen,
                             motivering="zie beoordelingsformulier")  # fmt: skip
            s.scores_dien_in(beoordelaar=b, inschrijving=bod, op=NA_DEADLINE)
        for c in criteria:
            # consensus: the bid's level (the committee's judgement of the spread scores)
            s.consensus_stel_vast(inschrijving=bod, criterium=c, waarde=niveaus[bod.pk],
                                  motivering="consensus na bespreking in de commissie")  # fmt: skip
    # One adjustment after the oral explanation: it ties bid 3's total with bid 1's,
    # and the announced rule (the higher score on V1) decides.
    eerste = geldig[2].consensus.get(criterium=criteria[0])
    s.consensus_pas_aan(consensus=eerste, waarde=eerste.waarde + Decimal("0.5"),
                        reden="toelichtingsgesprek: uitvoering aantoonbaar voorbereid")  # fmt: skip
    selectie = s.rangschikking_stel_vast(
        aanbesteding=a, zaad="demo-2026-11-12-notaris",
        getuigen=["notaris mr. De Vries", "secretaris commissie"],
        op=datetime(2026, 11, 12, 10, tzinfo=UTC),
    )  # fmt: skip
    s.selectie_maak_bekend(aanbesteding=a, op=date(2026, 11, 16))
    assert len(selectie.geselecteerd) == a.max_partners  # noqa: S101 (the demo's shape)
    a.refresh_from_db()
    _vraagramingen(a)
    _dialoog_en_gunning(a, geldig)
    return _tellers(a)


EXPERTISES = [("ambulant", "gezinsgericht"), ("ambulant", "individueel"),
              ("dagbehandeling", "groep"), ("verblijf", "gezinshuis"), ("verblijf", "residentieel")]  # fmt: skip


def _capaciteit(rng: random.Random, gebieden: list[str]) -> list[dict[str, object]]:
    """A bid's capacity statement: two to four areas, one or two expertises, an honest
    minimum and a maximum (jeugdigen tegelijk in zorg)."""
    regels: list[dict[str, object]] = []
    for gebied in rng.sample(gebieden, k=min(len(gebieden), rng.randint(2, 4))):
        for expertise, zorgvorm in rng.sample(EXPERTISES, k=rng.randint(1, 2)):
            mn = rng.randint(2, 15)
            regels.append({"expertise": expertise, "zorgvorm": zorgvorm, "gebied": gebied,
                           "min": mn, "max": mn + rng.randint(5, 45)})  # fmt: skip
    return regels


def _vraagramingen(a: Aanbesteding) -> None:
    """The team's expected demand per expertise and area for the tender: around what the
    partners offer, short of residential places (verblijf) everywhere and with ambulant
    help and day care covered, so that the coverage page and the dialogue have work."""
    rng = random.Random(2029)
    for cel in selectors.dekking_van(a).per_expertise:  # no estimates yet: the cells with capacity
        factor = rng.uniform(1.05, 1.4) if cel.expertise == "verblijf" else rng.uniform(0.3, 0.9)
        s.vraagraming_zet(aanbesteding=a, expertise=cel.expertise, gebied=cel.gebied,
                          aantal=round(cel.maximum * factor),
                          bron="regioteam: realisatie 2025 en wachtlijsten per gebied")  # fmt: skip


def _dialoog_en_gunning(a: Aanbesteding, geldig: list[Inschrijving]) -> None:
    """The rest of seed 002's planning: an objection against the selection (rejected),
    the dialogue from January 2027 with its topics, sessions and agreements, the
    distribution of the 2028 budgets, final bids (one partner refuses), provisional award
    on 1 June and definitive award on 22 June 2027, creating the contracts and the 2028
    lump sums. These dates lie after today: the demo shows the whole procedure."""
    afgewezen = a.inschrijvingen.get(status=InschrijvingStatus.AFGEWEZEN)
    bezwaar = s.bezwaar_dien_in(inschrijving=afgewezen, tekst="Score V1 te laag beoordeeld.",
                                op=date(2026, 11, 25))  # fmt: skip
    s.bezwaar_handel_af(bezwaar=bezwaar, uitkomst="Ongegrond: de motivering volgt de schaal.",
                        op=date(2026, 12, 4))  # fmt: skip
    s.aanbesteding_status_wijzig(aanbesteding=a, naar=AanbestedingStatus.DIALOOG,
                                 reden="bezwaartermijn verstreken, start dialoog",
                                 op=datetime(2027, 1, 4, 9, tzinfo=UTC))  # fmt: skip
    a.refresh_from_db()
    onderwerpen = [
        Dialoogonderwerp.objects.create(aanbesteding=a, code=f"O{n:02d}", naam=naam, bron="000 4.2.3")
        for n, naam in enumerate(ONDERWERPEN_000, start=1)
    ] + [
        Dialoogonderwerp.objects.create(aanbesteding=a, code=code, naam=naam, bron="002 hfst. 5")
        for code, naam in ONDERWERPEN_002
    ]  # fmt: skip
    partners = list(
        a.inschrijvingen.filter(status=InschrijvingStatus.GESELECTEERD).order_by("rang")
    )
    rondes = [
        Dialoogronde.objects.create(aanbesteding=a, nummer=1, naam="Opdracht en samenwerking",
                                    van=date(2027, 1, 4), tot=date(2027, 2, 12)),
        Dialoogronde.objects.create(aanbesteding=a, nummer=2, naam="Dekking en verdeling",
                                    van=date(2027, 2, 15), tot=date(2027, 3, 31)),
    ]  # fmt: skip
    for n, onderwerp in enumerate(onderwerpen):
        ronde = rondes[0] if n < 18 else rondes[1]
        dag = ronde.van + timedelta(days=2 * (n % 18))
        sessie = s.dialoogsessie_houd(
            ronde=ronde, datum=dag, onderwerpen=[onderwerp], deelnemers=partners,
            verslag=f"Besproken: {onderwerp.naam}. Afspraken vastgelegd in het register.",
        )  # fmt: skip
        afspraak = s.afspraak_leg_vast(
            onderwerp=onderwerp, sessie=sessie, tekst=f"Gezamenlijke uitwerking van {onderwerp.naam.lower()}."
        )  # fmt: skip
        s.afspraak_status_wijzig(afspraak=afspraak, naar="in_uitwerking", reden="werkgroep gestart")
        if n % 3 != 2:
            s.afspraak_status_wijzig(
                afspraak=afspraak, naar="vastgesteld", reden="akkoord in de dialoog"
            )
    s.aanbesteding_status_wijzig(aanbesteding=a, naar=AanbestedingStatus.EINDINSCHRIJVING,
                                 reden="dialoog afgerond", op=datetime(2027, 4, 1, 9, tzinfo=UTC))  # fmt: skip
    a.refresh_from_db()
    s.verdeling_maak(aanbesteding=a, jaar=2028)
    weigeraar = partners[4]
    for p in partners:
        if p.pk == weigeraar.pk:
            s.eindbod_geef(inschrijving=p, aanvaard=False, op=date(2027, 4, 20),
                           toelichting="Het aanbod past niet bij de eigen capaciteit.")  # fmt: skip
    for p in a.inschrijvingen.filter(status=InschrijvingStatus.GESELECTEERD):
        s.eindbod_geef(inschrijving=p, aanvaard=True, op=date(2027, 4, 25))
    a = s.gunning_maak_voorlopig(aanbesteding=a, op=date(2027, 6, 1))
    s.gunning_maak_definitief(aanbesteding=a, ingangsdatum=date(2028, 1, 1), einddatum=date(2033, 12, 31),
                         verlengingsopties=2, verlengingsduur_jaren=2, op=date(2027, 6, 22))  # fmt: skip
    _ = geldig


def _tellers(a: Aanbesteding) -> dict[str, int]:
    return {
        "inschrijvingen": a.inschrijvingen.count(),
        "geselecteerd": a.inschrijvingen.filter(rang__lte=a.max_partners).count(),
        "wachtkamer": a.inschrijvingen.filter(status=InschrijvingStatus.WACHTKAMER).count(),
        "lotingen": a.lotingen.count(),
        "dialoogsessies": sum(r.sessies.count() for r in a.dialoogrondes.all()),
        "gegund": a.inschrijvingen.filter(status=InschrijvingStatus.GEGUND).count(),
    }
