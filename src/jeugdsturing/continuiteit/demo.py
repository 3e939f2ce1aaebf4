# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The transition of the demo region to the contracts of the demo tender (1 January 2028):
the analysis with the data of 1 October 2027, a plan by bulk rules with one case decided
by hand and one plan withdrawn, the continuity budget, and a simulated first quarter of
2028 (the old providers' stops, the partners' starts, one gap in care, claims for
continued care) imported as real iJw messages, followed up from them. Everything goes
through the services and the import."""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path

from jeugdsturing.berichten import schrijven as w
from jeugdsturing.berichten.feiten import Product
from jeugdsturing.berichten.importeren import berichten_importeer
from jeugdsturing.berichten.models import Toewijzing, Traject
from jeugdsturing.berichten.privacy import pseudoniem
from jeugdsturing.continuiteit import services
from jeugdsturing.continuiteit.models import Besluit, GevalStatus, Transitie
from jeugdsturing.contracten.selectors import regionale_tarieven
from jeugdsturing.regio.models import Regio
from jeugdsturing.verwerving.models import Aanbesteding, AanbestedingStatus

NAAM = "Overgang naar de kernpartners AJH 2028"
OVERGANG = date(2028, 1, 1)
PEIL = date(2027, 10, 1)
KWARTAAL_EINDE = date(2028, 3, 31)
OVERDRACHTEN = 40  # transfers carried out in the first quarter
GAT_DAGEN = 25  # the one transfer with a gap in care


def continuiteit_demo(*, regio: Regio, berichten: Path) -> dict[str, int]:
    """Run the demo transition once (a second run keeps it); returns counts. Needs the
    simulated traffic (``berichten``: its directory of monthly zips) and the awarded
    demo tender."""
    tellers: Counter[str] = Counter()
    if Transitie.objects.filter(regio=regio, naam=NAAM).exists():
        return dict(tellers)
    aanbesteding = Aanbesteding.objects.filter(
        regio=regio, status=AanbestedingStatus.GEGUND
    ).first()
    if aanbesteding is None or not Traject.objects.exists():
        return dict(tellers)
    t = services.transitie_analyseer(
        regio=regio, naam=NAAM, overgangsdatum=OVERGANG, peildatum=PEIL,
        aanbesteding=aanbesteding, norm_onderbreking_dagen=14,
    )  # fmt: skip
    tellers["getroffen trajecten"] = t.gevallen.count()
    for kwargs in (
        {"naam": "Verblijf loopt door tot het einde van de toewijzing",
         "besluit": Besluit.DOORLOPEN, "categorieen": ["43", "44"], "tot_einde_toewijzing": True,
         "toelichting": "geen overplaatsing van kinderen in verblijf (inkoopstrategie 3.2.4)"},
        {"naam": "Crisisinterventie rondt af", "besluit": Besluit.BEEINDIGEN,
         "categorieen": ["46"], "maanden": 3,
         "toelichting": "korte interventie: afronden bij de huidige aanbieder"},
        {"naam": "Ambulant en overig: warme overdracht binnen 6 maanden",
         "besluit": Besluit.OVERDRAGEN, "maanden": 6,
         "toelichting": "warme overdracht aan een kernpartner van het thema"},
    ):  # fmt: skip
        services.bulkregel_maak(transitie=t, **kwargs)  # type: ignore[arg-type]
    tellers["gepland met bulkregels"] = services.regels_pas_toe(transitie=t)["gepland"]
    gevallen = list(t.gevallen.filter(besluit=Besluit.OVERDRAGEN).order_by("traject"))
    if len(gevallen) > 2:
        services.plan_zet(
            geval=gevallen[0], besluit=Besluit.DOORLOPEN, plan_datum=date(2028, 7, 31),
            toelichting="examenjaar: de behandeling rondt af bij de huidige hulpverlener",
        )  # fmt: skip
    # Just before the transition: the analysis again with the data of the end of 2027
    # (care that ended lapses, new care is added) and the rules once more.
    bijgewerkt = services.transitie_werk_bij(transitie=t, peildatum=date(2027, 12, 31))
    tellers["nieuw op 31 december 2027"] = bijgewerkt["nieuw"]
    tellers["vervallen op 31 december 2027"] = bijgewerkt["vervallen"]
    tellers["daarna gepland"] = services.regels_pas_toe(transitie=t)["gepland"]
    gevallen = list(t.gevallen.filter(besluit=Besluit.OVERDRAGEN).order_by("traject"))
    if gevallen:
        services.plan_trek_in(
            geval=gevallen[-1], toelichting="eerst een gesprek met het gezin over de overstap"
        )
    tellers["continuïteitsbudgetten gereserveerd (gemeente en jaar)"] = services.budget_reserveer(
        transitie=t
    )
    map_ = berichten.parent / f"{berichten.name}-overgang-2028"
    tellers.update(_eerste_kwartaal(regio, t, berichten, map_))
    tellers["signalen onderbroken zorg"] = t.gevallen.exclude(signaal_sinds=None).count()
    return dict(tellers)


_VELD = {
    "bsn": r"Bsn>(\d{9})<", "geboortedatum": r"Geboortedatum>\s*<[^>]*Datum>([\d-]+)<",
    "geslacht": r"Geslacht>(\d)<", "achternaam": r"Achternaam>([^<]+)<",
    "voorletters": r"Voorletters>([^<]+)<", "postcode": r"Postcode>([^<]+)<",
    "huisnummer": r"Huisnummer>(\d+)<", "straat": r"Straatnaam>([^<]+)<",
    "plaats": r"Plaatsnaam>([^<]+)<",
}  # fmt: skip


def _eerste(patroon: str, tekst: str) -> str | None:
    m = re.search(patroon, tekst)
    return m.group(1) if m else None


def personen(zips: Iterable[Path], pseudoniemen: set[str]) -> dict[str, w.Persoon]:
    """The children of the given pseudonyms as the simulated source systems know them,
    read from the demo's own messages (the providers and gemeenten know their clients;
    jeugdsturing stores only the pseudonym). An address from a JW301 wins over none."""
    uit: dict[str, w.Persoon] = {}
    for pad in sorted(zips):
        with zipfile.ZipFile(pad) as z:
            for naam in z.namelist():
                if not naam.endswith(("JW301.xml", "JW305.xml")):
                    continue
                tekst = z.read(naam).decode("utf-8")
                bsn = re.search(_VELD["bsn"], tekst)
                if bsn is None:
                    continue
                p = pseudoniem(bsn.group(1))
                if p not in pseudoniemen or (p in uit and uit[p].postcode != "1000AA"):
                    continue
                v = {
                    k: (m.group(1) if (m := re.search(r, tekst)) else None)
                    for k, r in _VELD.items()
                }
                uit[p] = w.Persoon(
                    bsn=bsn.group(1),
                    geboortedatum=date.fromisoformat(v["geboortedatum"] or "2015-01-01"),
                    geslacht=v["geslacht"] or "0", achternaam=v["achternaam"] or "Onbekend",
                    voorletters=v["voorletters"] or "X", postcode=v["postcode"] or "1000AA",
                    straat=v["straat"] or "Dorpsstraat", huisnummer=int(v["huisnummer"] or 1),
                    plaats=v["plaats"] or "Amsterdam",
                )  # fmt: skip
    return uit


def _eerste_kwartaal(regio: Regio, t: Transitie, berichten: Path, map_: Path) -> Counter[str]:
    """Write the first quarter of 2028 for the planned cases and import it."""
    tellers: Counter[str] = Counter()
    gevallen = list(
        t.gevallen.filter(status=GevalStatus.GEPLAND).select_related("aanbieder", "partner")
        .order_by("traject")
    )  # fmt: skip
    trajecten = {
        tr.sleutel: tr for tr in Traject.objects.filter(sleutel__in=[g.traject for g in gevallen])
    }
    # Only care that still runs at the end of the simulated traffic gets 2028 messages.
    gevallen = [
        g for g in gevallen
        if (tr := trajecten.get(g.traject)) is not None and tr.einddatum is None
        and tr.begindatum is not None
    ]  # fmt: skip
    mensen = personen(berichten.glob("*.zip"), {g.client for g in gevallen})
    omvang = {
        (tw.gemeente, tw.nummer): tw
        for tw in Toewijzing.objects.filter(gemeente__in={g.gemeente for g in gevallen})
    }
    tarieven = regionale_tarieven(regio, OVERGANG)
    map_.mkdir(parents=True, exist_ok=True)
    berichten_2028: list[tuple[date, str, bytes]] = []
    volgnummer = Counter[str]()

    def kop(gemeente: str, aanbieder: str, dag: date) -> w.Kop:
        volgnummer[aanbieder] += 1
        return w.Kop(gemeente, aanbieder, f"C{dag:%y%m%d}{volgnummer[aanbieder]}", dag)

    overdrachten = [g for g in gevallen if g.besluit == Besluit.OVERDRAGEN and g.client in mensen]
    einde_zorg: dict[int, date] = {}  # the last day of care at the current provider
    gat = min(7, len(overdrachten[:OVERDRACHTEN]) - 1)  # the one with a gap in care
    for i, g in enumerate(overdrachten[:OVERDRACHTEN]):
        tr = trajecten[g.traject]
        persoon = mensen[g.client]
        product = Product(g.categorie, g.productcode)
        stop = OVERGANG + timedelta(days=14 + (i * 61) % 70)  # mid-January to late March
        start = stop + timedelta(days=1)  # seamless,
        if i % 5 == 4:
            start = stop - timedelta(days=2)  # or three days together,
        if i == gat:
            start = stop + timedelta(days=GAT_DAGEN + 1)  # and once 25 days without care
        nummer = int(g.toewijzingnummer) if g.toewijzingnummer.isdigit() else None
        ingang = tr.toewijzing_ingangsdatum if nummer is not None else None
        assert tr.begindatum is not None  # noqa: S101 (filtered above)
        stopregel = w.LeveringRegel(nummer, product, ingang, tr.begindatum, "1", stop, "38")
        einde_zorg[g.pk] = stop
        dag = stop + timedelta(days=2)
        berichten_2028.append((dag, "JW307", w.jw307(kop(g.gemeente, g.aanbieder.agb_code, dag),
                                                      persoon, [stopregel])))  # fmt: skip
        if start <= KWARTAAL_EINDE - timedelta(days=3) and g.partner is not None:
            # the partners work taakgericht (AJH lump sums): a start without assignment
            regel = w.LeveringRegel(None, product, None, start)
            dag = max(start, stop) + timedelta(days=1)
            berichten_2028.append((dag, "JW305", w.jw305(kop(g.gemeente, g.partner.agb_code, dag),
                                                          persoon, [regel])))  # fmt: skip
        tellers["overdrachten (gesimuleerd)"] += 1
    # PxQ care at the current provider is claimed per month until it stops (transfers) or
    # until the quarter ends; continued care whose date falls in the quarter stops then.
    for g in gevallen:
        if g.client not in mensen or not g.toewijzingnummer:
            continue
        tw = omvang.get((g.gemeente, g.toewijzingnummer))
        tarief = tarieven.get(g.productcode)
        tr = trajecten[g.traject]
        if tw is None or tarief is None or not g.toewijzingnummer.isdigit():
            continue
        persoon, product = mensen[g.client], Product(g.categorie, g.productcode)
        einde = min(einde_zorg.get(g.pk, g.plan_datum or KWARTAAL_EINDE), KWARTAAL_EINDE)
        for maand in (1, 2, 3):
            van = date(2028, maand, 1)
            if van > einde:
                break
            tot = min(date(2028, maand + 1, 1) - timedelta(days=1), einde)
            volume = max(1, round(g.maandbedrag_eurocent * (tot.day - van.day + 1) / 31 / tarief))
            prestatie = w.PrestatieRegel(f"ZC{g.pk}-{maand}", int(g.toewijzingnummer), product, van,
                                     tot, volume, tw.eenheid, tarief, volume * tarief)  # fmt: skip
            dag = tot + timedelta(days=10)
            declaratie = f"ZC{g.pk}M{maand}"
            berichten_2028.append((dag, "JW323", w.jw323(
                kop(g.gemeente, g.aanbieder.agb_code, dag), declaratie, (van, tot),
                [(persoon.bsn, [prestatie])],
            )))  # fmt: skip
            tellers["declaraties (gesimuleerd)"] += 1
        if (
            g.besluit != Besluit.OVERDRAGEN
            and g.plan_datum is not None
            and g.plan_datum <= KWARTAAL_EINDE - timedelta(days=5)
            and tr.begindatum is not None
        ):
            stopregel = w.LeveringRegel(int(g.toewijzingnummer), product,
                                        tr.toewijzing_ingangsdatum, tr.begindatum, "1",
                                        g.plan_datum, "31")  # fmt: skip
            dag = g.plan_datum + timedelta(days=2)
            berichten_2028.append((dag, "JW307", w.jw307(kop(g.gemeente, g.aanbieder.agb_code, dag),
                                                          persoon, [stopregel])))  # fmt: skip
            tellers["doorlopende zorg beëindigd (gesimuleerd)"] += 1
    pad = map_ / "ijw-2028-kwartaal-1.zip"
    with zipfile.ZipFile(pad, "w", zipfile.ZIP_DEFLATED) as z:
        for n, (dag, soort, data) in enumerate(sorted(berichten_2028, key=lambda b: (b[0], b[1]))):
            z.writestr(f"{dag:%Y-%m-%d}_{n:08d}_{soort}.xml", data)
    uit = berichten_importeer(
        [pad], bron="demo", omschrijving="demo: eerste kwartaal 2028 (overgang)",
        vandaag=date(2028, 4, 15),  # the March claims arrive in April
    )  # fmt: skip
    tellers["berichten 2028 ingelezen"] = uit.accepted
    tellers["berichten 2028 afgekeurd"] = len(uit.rejected)
    return tellers
