# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Contracts and money of the demo region, consistent with its simulated traffic
(docs/contracten.md, "Demo"). Everything goes through the services, so the demo obeys
the same rules (ceilings and lump sums within the budget, exact allocation)."""

from __future__ import annotations

import io
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from openpyxl import load_workbook

from jeugdsturing.berichten.models import Prestatie, Traject
from jeugdsturing.berichten.simulator import AANBIEDERS, PRODUCTEN, aanbieder_agb
from jeugdsturing.contracten import services as s
from jeugdsturing.contracten.models import (
    Aanbieder,
    Begroting,
    Jaarcijfers,
    Overeenkomst,
    OvereenkomstStatus,
    Uitvoeringsvariant,
    Verantwoording,
)
from jeugdsturing.contracten.prognose import PER_MAAND
from jeugdsturing.contracten.rapportage import sjabloon
from jeugdsturing.contracten.verdeling import lumpsums_verdelen, sleutels_uit_startfoto, verdeel
from jeugdsturing.regio.models import Regio

# Products of the simulation under the four themes of seed 002 (a demo assumption:
# the seed assigns tasks, not products, to themes).
PRODUCT_THEMA = {
    "45A01": "C", "45A02": "B", "54G01": "C", "41D01": "A",
    "46C01": "B", "50M01": "D", "43V01": "B", "44V01": "B",
}  # fmt: skip
# Demo split of each gemeente's budget over the themes (seed 002 leaves it to the dialogue).
THEMA_AANDEEL = {"A": 10, "B": 45, "C": 35, "D": 10}
HUIDIG = (2024, 2027)  # the current contracts: the years of the simulated traffic
NIEUW = (2028, 2033)  # the AJH contracts of seed 002
STARTFOTO = 2025
WINSTNORM_PCT = Decimal(5)
RESULTAAT_PCT = (3.1, 4.4, 2.0, 7.9, 1.2, 5.6, 0.8, 2.9, 4.9, -1.5, 3.3, 6.4, 2.2, 1.0, 3.8, 2.6)


def _taakgericht(i: int) -> bool:
    return i % 4 == 3  # as in the simulator


def taakgerichte_kosten(
    regio: Regio, jaar: int, tot_maand: int
) -> dict[tuple[str, str, str], tuple[int, int]]:
    """Cost (eurocent) and clients per (aanbieder, gemeente, thema) of taakgericht
    trajectories from 1 January to the end of ``tot_maand``: days in care x the
    product's daily volume x its tariff. This is what the demo providers report."""
    pt = {p.product.code: p for p in PRODUCTEN}
    van = date(jaar, 1, 1)
    tot = date(jaar + tot_maand // 12, tot_maand % 12 + 1, 1) - timedelta(days=1)
    kosten: dict[tuple[str, str, str], float] = defaultdict(float)
    clienten: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    codes = list(regio.gemeenten.values_list("code", flat=True))
    for a, g, p, client, begin, eind in Traject.objects.filter(
        gemeente__in=codes, taakgericht=True, begindatum__lte=tot
    ).values_list("aanbieder", "gemeente", "productcode", "client", "begindatum", "einddatum"):
        if begin is None or (eind is not None and eind < van) or p not in pt:
            continue
        dagen = (min(eind or tot, tot) - max(begin, van)).days + 1
        t = pt[p]
        per_dag = t.volume * PER_MAAND.get(t.frequentie, 0) * 12 / 365.25 * t.tarief
        if t.frequentie == "6":
            per_dag = 0
            if begin >= van:
                kosten[(a, g, PRODUCT_THEMA[p])] += t.volume * t.tarief
        kosten[(a, g, PRODUCT_THEMA[p])] += dagen * per_dag
        clienten[(a, g, PRODUCT_THEMA[p])].add(client)
    return {k: (round(v), len(clienten[k])) for k, v in kosten.items()}


def _startfoto(regio: Regio, jaar: int) -> list[tuple[str, str, str, int]]:
    """Realisation per (aanbieder, gemeente, thema) in a year: PxQ claims plus the
    costs of taakgericht care."""
    codes = list(regio.gemeenten.values_list("code", flat=True))
    rows = [
        (a, g, PRODUCT_THEMA.get(p, "C"), int(b or 0))
        for a, g, p, b in Prestatie.objects.filter(
            gemeente__in=codes, begindatum__year=jaar, afgewezen=False
        )
        .values_list("aanbieder", "gemeente", "productcode")
        .annotate(b=Sum("bedrag"))
    ]
    rows += [(a, g, t, k) for (a, g, t), (k, _) in taakgerichte_kosten(regio, jaar, 12).items()]
    return rows


@transaction.atomic
def contracten_demo(*, regio: Regio, schaal: float) -> dict[str, int]:
    tellers: dict[str, int] = defaultdict(int)
    themas = {t.code: t for t in regio.themas.all()}
    gemeenten = {g.code: g for g in regio.gemeenten.all()}
    # Providers of the simulation.
    aanbieders: dict[str, Aanbieder] = {}
    index = {aanbieder_agb(regio, i): i for i in range(len(AANBIEDERS))}
    for i, naam in enumerate(AANBIEDERS):
        agb = aanbieder_agb(regio, i)
        aanbieders[agb] = s.aanbieder_bewaar(
            agb_code=agb, naam=naam, kvk_nummer=f"{90000000 + i * 7919:08d}"
        )
    # Products and regional tariffs (the simulation's, 2025 price level, 0% until 2027).
    producten = {}
    for pt in PRODUCTEN:
        code = pt.product.code
        producten[code] = s.product_bewaar(
            regio=regio, code=code, naam=pt.naam, categorie=pt.product.categorie,
            eenheid=pt.eenheid, frequentie=pt.frequentie, thema=themas[PRODUCT_THEMA[code]],
        )  # fmt: skip
        if not producten[code].tarieven.exists():
            s.tarief_voeg_toe(
                product=producten[code], bedrag_eurocent=pt.tarief,
                geldig_van=date(HUIDIG[0], 1, 1), reden="demo: tarief van de simulatie",
            )  # fmt: skip
    for jaar, pct in ((2025, "0"), (2026, "0"), (2027, "0"), (2028, "3.2")):
        s.indexatie_zet(
            regio=regio, jaar=jaar, percentage=Decimal(pct),
            bron="demo-aanname (in de simulatie blijven de tarieven tot en met 2027 gelijk)",
        )  # fmt: skip
    if Overeenkomst.objects.filter(regio=regio).exists():
        tellers["al aanwezig"] += 1
        return dict(tellers)

    # Budgets 2024-2027 of the current contracts: the seed's 2028 amounts x the scale of
    # the simulated traffic, split over the themes.
    seed2028 = {
        b.gemeente.code: b.bedrag_eurocent
        for b in Begroting.objects.filter(regio=regio, jaar=2028, thema__isnull=True)
    }
    factor = f"{schaal:g}".replace(".", ",")
    bron_huidig = (
        f"demo: begroting 2028 (richtlijn inkoop AJH) maal {factor}, de schaal van de simulatie"
    )
    for jaar in range(HUIDIG[0], HUIDIG[1] + 1):
        totaal = 0
        for code, bedrag in seed2028.items():
            b = round(bedrag * schaal)
            totaal += b
            s.begroting_zet(regio=regio, gemeente=gemeenten[code], jaar=jaar, bedrag_eurocent=b,
                            reden="demo", bron=bron_huidig)  # fmt: skip
        s.begrotingskader_zet(regio=regio, jaar=jaar, totaal_eurocent=totaal, bron=bron_huidig)
    for jaar in range(HUIDIG[0], NIEUW[1] + 1):
        for code in gemeenten:
            totaal_b = Begroting.objects.get(
                regio=regio, gemeente__code=code, jaar=jaar, thema__isnull=True
            )
            for t, b in verdeel(totaal_b.bedrag_eurocent, THEMA_AANDEEL).items():
                s.begroting_zet(
                    regio=regio, gemeente=gemeenten[code], jaar=jaar, thema=themas[t],
                    bedrag_eurocent=b, reden="demo-verdeling over de thema's",
                    bron=f"demo-aanname: thema-aandelen {THEMA_AANDEEL}",
                )  # fmt: skip
    for jaar in range(NIEUW[0], NIEUW[1] + 1):
        s.begrotingskader_zet(
            regio=regio, jaar=jaar,
            totaal_eurocent=sum(
                Begroting.objects.filter(regio=regio, jaar=jaar, thema__isnull=True)
                .values_list("bedrag_eurocent", flat=True)
            ),
            bron="richtlijn inkoop AJH 2028-2038, 3.3.1 (totaalregel)",
        )  # fmt: skip

    # Current contracts (2024-2027): PxQ with ceilings, or taakgericht with lump sums.
    huidig: dict[str, Overeenkomst] = {}
    for agb, a in aanbieders.items():
        i = index[agb]
        ok = s.overeenkomst_maak(
            regio=regio, nummer=f"{regio.code}-{HUIDIG[0]}-{i + 1:02d}", aanbieder=a,
            ingangsdatum=date(HUIDIG[0], 1, 1), einddatum=date(HUIDIG[1], 12, 31),
            themas=list(themas.values()),
            herkomst="demo: de lopende overeenkomst 2024-2027 (PxQ of taakgericht)",
        )  # fmt: skip
        for code, product in producten.items():
            pt = next(p for p in PRODUCTEN if p.product.code == code)
            variant = (
                Uitvoeringsvariant.TAAKGERICHT if _taakgericht(i)
                else Uitvoeringsvariant.OUTPUTGERICHT if pt.eenheid == "82"
                else Uitvoeringsvariant.INSPANNINGSGERICHT
            )  # fmt: skip
            s.overeenkomst_product_voeg_toe(overeenkomst=ok, product=product, variant=variant)
        s.overeenkomst_status_wijzig(overeenkomst=ok, naar=OvereenkomstStatus.ACTIEF,
                                     reden="demo: gegund en getekend")  # fmt: skip
        huidig[agb] = ok
    tellers["overeenkomsten"] += len(huidig)

    cellen = [(g, t) for g in sorted(gemeenten) for t in sorted(themas)]
    foto = _startfoto(regio, STARTFOTO)
    if not foto:  # no traffic loaded: the simulation's provider weights
        foto = [
            (aanbieder_agb(regio, i), g, t, round(1_000_000 / (1 + i * 0.15)))
            for i in range(len(AANBIEDERS)) for g, t in cellen
        ]  # fmt: skip
    sleutels, _ = sleutels_uit_startfoto(foto, cellen)
    bron = f"startfoto {STARTFOTO}: gerealiseerde kosten per aanbieder, gemeente en thema"
    for jaar in range(HUIDIG[0], HUIDIG[1] + 1):
        budget = {
            (b.gemeente.code, b.thema.code): b.bedrag_eurocent
            for b in Begroting.objects.filter(regio=regio, jaar=jaar, thema__isnull=False)
            .select_related("gemeente", "thema")
        if b.thema is not None
        }  # fmt: skip
        deel = lumpsums_verdelen(budget, sleutels)
        lumps: dict[tuple[int, int, int], int] = {}
        plafonds: dict[tuple[str, str], int] = defaultdict(int)
        for (agb, g, t), b in deel.items():
            if _taakgericht(index[agb]):
                lumps[(huidig[agb].pk, gemeenten[g].pk, themas[t].pk)] = b
            else:
                plafonds[(agb, g)] += b
        s.lumpsums_stel_vast(regio=regio, jaar=jaar, bedragen=lumps, sleutelbron=bron,
                               reden="demo: vaststelling lumpsums")  # fmt: skip
        for (agb, g), b in sorted(plafonds.items()):
            s.plafond_zet(overeenkomst=huidig[agb], gemeente=gemeenten[g], jaar=jaar,
                          bedrag_eurocent=b, reden=f"demo: plafond uit {bron}")  # fmt: skip
        tellers["lumpsumbijdragen"] += len(lumps)
        tellers["plafonds"] += len(plafonds)

    # The AJH contracts of seed 002 (from 2028, six years plus 2 x 2), lump sums 2028
    # from a startfoto of 2027.
    nieuw: dict[str, Overeenkomst] = {}
    for agb, a in aanbieders.items():
        i = index[agb]
        ok = s.overeenkomst_maak(
            regio=regio, nummer=f"{regio.code}-AJH-{i + 1:02d}", aanbieder=a,
            ingangsdatum=date(NIEUW[0], 1, 1), einddatum=date(NIEUW[1], 12, 31),
            themas=list(themas.values()), verlengingsopties=2, verlengingsduur_jaren=2,
            herkomst="demo: de AJH-overeenkomsten 2028-2033 uit de inkoopstrategie, als basis "
            "voor het meerjarig perspectief; de demo-aanbesteding gunt er daarnaast een eigen set",
        )  # fmt: skip
        for product in producten.values():
            s.overeenkomst_product_voeg_toe(
                overeenkomst=ok, product=product, variant=Uitvoeringsvariant.TAAKGERICHT
            )
        nieuw[agb] = ok
    foto = _startfoto(regio, HUIDIG[1]) or foto
    sleutels, _ = sleutels_uit_startfoto(foto, cellen)
    ids = {agb: ok.pk for agb, ok in nieuw.items()}
    s.lumpsums_verdeel(
        regio=regio, jaar=NIEUW[0],
        sleutels={
            (gemeenten[g].pk, themas[t].pk): {ids[a]: w for a, w in cel.items()}
            for (g, t), cel in sleutels.items()
        },
        sleutelbron=f"startfoto {HUIDIG[1]}: gerealiseerde kosten per aanbieder, gemeente en thema",
        reden="demo: eerste vaststelling AJH-lumpsums (richtlijn inkoop AJH, 3.3.3)",
    )  # fmt: skip
    # The multi-year perspective (002 3.3.1): every year up to 2033 allocated as 2028.
    s.lumpsums_meerjarig(
        regio=regio, van_jaar=NIEUW[0], tot_jaar=NIEUW[1],
        reden="demo: meerjarig perspectief AJH (richtlijn inkoop AJH, 3.3.1), verdeeld als 2028",
    )  # fmt: skip
    tellers["overeenkomsten"] += len(nieuw)

    # Reports of the taakgericht providers, uploaded through the template.
    for jaar in range(HUIDIG[0], HUIDIG[1] + 1):
        for maanden in (4, 8, 12):
            per_aanbieder: dict[str, list[tuple[str, str, int, int]]] = defaultdict(list)
            for (agb_r, g, t), (k, n) in taakgerichte_kosten(regio, jaar, maanden).items():
                per_aanbieder[agb_r].append((g, t, k, n))
            for code_a, regels in sorted(per_aanbieder.items()):
                if code_a not in huidig or not _taakgericht(index[code_a]):
                    continue
                _upload_rapport(regio, aanbieders[code_a], jaar, maanden, regels)
                tellers["rapportages"] += 1

    # Annual figures 2026 and the excess-profit norm (fictitious, for the demo).
    s.winstnorm_zet(regio=regio, jaar=2026, max_resultaat_pct=WINSTNORM_PCT,
                    bron="demo-norm: 5% van de omzet")  # fmt: skip
    for agb, a in aanbieders.items():
        i = index[agb]
        omzet = 250_000_000 + round(4_000_000_000 / (1 + i * 0.15))
        resultaat = round(omzet * RESULTAAT_PCT[i] / 100)
        if not Jaarcijfers.objects.filter(aanbieder=a, jaar=2026).exists():
            s.jaarcijfers_zet(aanbieder=a, jaar=2026, omzet_eurocent=omzet,
                              kosten_eurocent=omzet - resultaat,
                              bron="demo: fictieve jaarrekening")  # fmt: skip
    return dict(tellers)


def _upload_rapport(
    regio: Regio, aanbieder: Aanbieder, jaar: int, maanden: int,
    regels: list[tuple[str, str, int, int]],
) -> Verantwoording:  # fmt: skip
    data = sjabloon(
        agb_code=aanbieder.agb_code, aanbieder=aanbieder.naam, jaar=jaar, maanden=maanden,
        cellen=[(g, g, t) for g, t, _, _ in sorted(regels)],
    )  # fmt: skip
    wb = load_workbook(io.BytesIO(data))
    ws = wb["Rapportage"]
    for rij, (_, _, k, n) in enumerate(sorted(regels), start=2):
        ws.cell(rij, 7, k / 100)
        ws.cell(rij, 8, n)
    buf = io.BytesIO()
    wb.save(buf)
    return s.verantwoording_lees_in(
        regio=regio, data=buf.getvalue(),
        bestandsnaam=f"rapportage-{aanbieder.agb_code}-{jaar}-{maanden}.xlsx",
    )  # fmt: skip
