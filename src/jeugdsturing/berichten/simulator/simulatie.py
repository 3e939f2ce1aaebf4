# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The simulation itself: trajectories from request to end, with the messages each
step sends and the answers it gets, written per month into zip archives."""

from __future__ import annotations

import heapq
import math
import random
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from jeugdsturing.berichten import schrijven as w
from jeugdsturing.berichten.feiten import Omvang
from jeugdsturing.berichten.simulator import declaraties
from jeugdsturing.berichten.simulator.model import (
    AANBIEDERS,
    ACHTERNAMEN,
    CBS_VERWIJZER,
    INSTROOM_FRACTIE,
    PRODUCTEN,
    VERWIJZERS,
    Aanbieder,
    GemeenteSim,
    _bsn,
    _getal,
    _lees_cbs,
    _werkdagen_later,
    aanbieder_agb,
)
from jeugdsturing.regio.models import GebiedPostcodes, Gemeente, Regio


class Simulatie:
    def __init__(self, regio: Regio, van: date, tot: date, seed: int, scale: float) -> None:
        self.rng = random.Random(seed)
        self.van, self.tot, self.scale = van, tot, scale
        self.bsns: set[str] = set()
        self.berichten: list[tuple[date, int, str, bytes]] = []
        self.seq = 0
        self.stats: Counter[str] = Counter()
        self.kosten = 0
        # Claims per (provider, gemeente, care month), written at the end (declaraties).
        self.open_claims: defaultdict[tuple[str, str, date], list[tuple[str, w.PrestatieRegel]]]
        self.open_claims = defaultdict(list)
        cbs = _lees_cbs()
        nl = {"jongeren": 461985.0, "trajecten": 695095.0}
        self.gemeenten: list[GemeenteSim] = []
        ranges: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for p in GebiedPostcodes.objects.filter(gebied__regio=regio).select_related("gemeente"):
            ranges[p.gemeente.code].append((p.van, p.tot))
        for g in Gemeente.objects.filter(regios=regio).order_by("code"):
            row = cbs.get(g.code)
            if row and row["trajecten"]:
                trajecten = _getal(row["trajecten"])
                verw = [_getal(row[CBS_VERWIJZER[v]]) for v in VERWIJZERS]
                verblijf = _getal(row["verblijf_pct"]) / 100 or 0.088
            else:  # no CBS figures (merged after 2022): national rate per youth
                trajecten = nl["trajecten"] / 3_450_000 * (g.jongeren_0_17 or 0)
                verw = [209385, 227295, 19555, 56135, 29330, 2295, 96890]
                verblijf = 0.088
            pcs = [
                f"{pc:04d}"
                for van_, tot_ in sorted(ranges.get(g.code, []))
                for pc in range(van_, tot_ + 1)
            ]
            self.gemeenten.append(
                GemeenteSim(
                    g.code,
                    g.naam,
                    trajecten * INSTROOM_FRACTIE * scale,
                    verw,
                    verblijf,
                    pcs or [f"{1000 + int(g.code) % 9000:04d}"],
                )
            )
        self.aanbieders: list[Aanbieder] = []
        for i, naam in enumerate(AANBIEDERS):
            self.aanbieders.append(
                Aanbieder(
                    naam=naam,
                    agb=aanbieder_agb(regio, i),
                    taakgericht=i % 4 == 3,  # a quarter of the providers work taakgericht
                    slecht=i in (4, 9),  # two providers behave clearly worse
                    gewicht=1.0 / (1 + i * 0.15),  # a few large, a tail of smaller ones
                )
            )

    # --- writing -------------------------------------------------------------------------
    def schrijf(self, dag: date, code: str, data: bytes) -> bool:
        if not self.van <= dag <= self.tot:
            return False
        self.seq += 1
        self.berichten.append((dag, self.seq, code, data))
        self.stats[code] += 1
        return True

    def met_retour(
        self, dag: date, code: str, data: bytes, retour: str, ident: str, terug: date | None = None
    ) -> bool:
        """A message and its retour (code 0200), by default one working day later.
        True when the message itself falls in the period."""
        geschreven = self.schrijf(dag, code, data)
        terug = terug or _werkdagen_later(dag, 1)
        self.schrijf(terug, retour, w.retour(data, retour, identificatie=ident, dagtekening=terug))
        return geschreven

    # --- the model -----------------------------------------------------------------------
    def run(self) -> None:
        """Inflow per gemeente as a Poisson process over the period; repeat use adds a
        later trajectory for the same child. Processed in date order."""
        starts: list[tuple[date, int, GemeenteSim, w.Persoon | None]] = []
        teller = 0
        for g in self.gemeenten:
            dagen = (self.tot - self.van).days + 1
            n = self._poisson(g.instroom_per_jaar * dagen / 365)
            for _ in range(n):
                teller += 1
                dag = self.van + timedelta(days=self.rng.randrange(dagen))
                heapq.heappush(starts, (dag, teller, g, None))
        while starts:
            dag, _, g, client = heapq.heappop(starts)
            if dag > self.tot:
                continue
            vervolg = self.traject(dag, g, client)
            if vervolg is not None:
                teller += 1
                heapq.heappush(starts, (vervolg[0], teller, g, vervolg[1]))

    def _poisson(self, mean: float) -> int:
        if mean > 50:
            return max(0, round(self.rng.gauss(mean, math.sqrt(mean))))
        k, p, limit = 0, 1.0, math.exp(-mean)
        while True:
            p *= self.rng.random()
            if p <= limit:
                return k
            k += 1

    def _persoon(self, g: GemeenteSim, dag: date) -> w.Persoon:
        leeftijd = self.rng.choices([2, 8, 15, 19], weights=[31040, 221980, 191520, 17440])[0]
        leeftijd += self.rng.randrange(-2, 3)
        geboorte = dag - timedelta(days=max(1, leeftijd) * 365 + self.rng.randrange(365))
        pc = self.rng.choice(g.postcodes)
        return w.Persoon(
            bsn=_bsn(self.rng, self.bsns),
            geboortedatum=geboorte,
            geslacht=self.rng.choice("12"),
            achternaam=self.rng.choice(ACHTERNAMEN),
            voorletters=self.rng.choice("ABCDEFGHIJKLMNOPRSTWY"),
            postcode=pc + "".join(self.rng.choice("ABCDEFGHJKLMNPRSTVWXZ") for _ in range(2)),
            huisnummer=self.rng.randrange(1, 300),
            plaats=g.naam,
        )

    def traject(
        self, dag: date, g: GemeenteSim, client: w.Persoon | None
    ) -> tuple[date, w.Persoon] | None:
        rng = self.rng
        persoon = client or self._persoon(g, dag)
        a = rng.choices(self.aanbieders, weights=[x.gewicht for x in self.aanbieders])[0]
        if (
            rng.random() < g.verblijf_fractie * 0.6
        ):  # residential share of youths -> of trajectories
            pt = rng.choice([p for p in PRODUCTEN if p.residentieel])
        else:
            pt = rng.choices(PRODUCTEN, weights=[p.aandeel for p in PRODUCTEN])[0]
        verwijzer = rng.choices(VERWIJZERS, weights=g.verwijzers)[0]
        traag = 2.5 if a.slecht else 1.0
        duur = max(
            1,
            int(
                pt.duur_mediaan * (1.8 if a.slecht else 1.0) * math.exp(rng.gauss(0, pt.duur_sigma))
            ),
        )
        self.stats["trajecten"] += 1

        def vertraging() -> int:  # working days until a message about an event is sent
            late = rng.random() < (0.45 if a.slecht else 0.12)
            return rng.randrange(6, 30) if late else rng.randrange(0, 5)

        omvang = Omvang(pt.volume, pt.eenheid, pt.frequentie)
        if a.taakgericht:
            begindatum = dag
            toewijzingnummer = None
            ingang = None
        else:
            g.toewijzingnummer += 1
            toewijzingnummer = g.toewijzingnummer
            referentie = f"R{a.agb[-4:]}-{a.ident('ref', dag)}"
            if verwijzer == "01":
                toewijzingsdatum = dag
            else:  # the provider asks (JW315), the gemeente answers within the access time
                v_kop = w.Kop(g.code, a.agb, a.ident("JW315", dag), dag)
                v_data = w.jw315(
                    v_kop, persoon,
                    [w.VerzoekRegel(referentie, pt.product, dag, None, omvang, verwijzer,
                                    "01234567" if verwijzer in {"02", "03", "05"} else None)],
                )  # fmt: skip
                self.met_retour(dag, "JW315", v_data, "JW316", g.ident(dag))
                toewijzingsdatum = _werkdagen_later(
                    dag, max(0, int(rng.gammavariate(2.0, 2.2 * traag)))
                )
                if rng.random() < 0.03:  # rejected
                    an = w.jw319(
                        w.Kop(g.code, a.agb, g.ident(toewijzingsdatum), toewijzingsdatum),
                        referentie,
                        "1",
                        rng.choice("1234"),
                    )
                    self.met_retour(
                        toewijzingsdatum, "JW319", an, "JW320", a.ident("JW320", toewijzingsdatum)
                    )
                    return None
            ingang = toewijzingsdatum
            einde = ingang + timedelta(days=pt.toewijzing_maanden * 30)
            regel = w.ToewijzingRegel(
                toewijzingnummer,
                pt.product,
                toewijzingsdatum,
                ingang,
                einde,
                omvang,
                referentie if verwijzer != "01" else None,
            )
            t_data = w.jw301(
                w.Kop(g.code, a.agb, g.ident(toewijzingsdatum), toewijzingsdatum), persoon, [regel]
            )
            self.met_retour(
                toewijzingsdatum, "JW301", t_data, "JW302", a.ident("JW302", toewijzingsdatum)
            )
            begindatum = toewijzingsdatum + timedelta(
                days=int(rng.gammavariate(1.5, pt.wachttijd_gemiddeld / 1.5))
            )
        einddatum = begindatum + timedelta(days=duur - 1)

        start = w.LeveringRegel(toewijzingnummer, pt.product, ingang, begindatum)
        s_dag = _werkdagen_later(begindatum, vertraging())
        s_data = w.jw305(w.Kop(g.code, a.agb, a.ident("JW305", s_dag), s_dag), persoon, [start])
        self.met_retour(s_dag, "JW305", s_data, "JW306", g.ident(s_dag))
        if rng.random() < 0.01:  # a correction: delete the start and send it again
            c_dag = s_dag + timedelta(days=rng.randrange(3, 20))
            nieuw = begindatum + timedelta(days=rng.randrange(1, 5))
            weg = w.LeveringRegel(toewijzingnummer, pt.product, ingang, begindatum, status="3")
            goed = w.LeveringRegel(toewijzingnummer, pt.product, ingang, nieuw)
            self.schrijf(
                c_dag,
                "JW305",
                w.jw305(w.Kop(g.code, a.agb, a.ident("JW305", c_dag), c_dag), persoon, [weg, goed]),
            )
            self.stats["correcties"] += 1
            begindatum = nieuw
            einddatum = max(einddatum, begindatum)

        # Extensions: the assignment runs out before the care ends.
        if not a.taakgericht and ingang is not None and toewijzingnummer is not None:
            einde = ingang + timedelta(days=pt.toewijzing_maanden * 30)
            while einde < einddatum:
                v_dag = einde - timedelta(days=rng.randrange(5, 25))
                nieuw_einde = einde + timedelta(days=pt.toewijzing_maanden * 30)
                if rng.random() < 0.3:  # asked for by the provider (JW317) first
                    ref = f"W{a.agb[-4:]}-{a.ident('ref', v_dag)}"
                    wz = w.jw317(w.Kop(g.code, a.agb, a.ident("JW317", v_dag), v_dag - timedelta(days=7)), persoon, ref, "2",
                                 [w.WijzigRegel(toewijzingnummer, v_dag, nieuw_einde, omvang)])  # fmt: skip
                    self.met_retour(
                        v_dag - timedelta(days=7), "JW317", wz, "JW318", g.ident(v_dag),
                        v_dag - timedelta(days=6),
                    )  # fmt: skip
                    if rng.random() < 0.1:  # under investigation first
                        an = w.jw319(
                            w.Kop(g.code, a.agb, g.ident(v_dag), v_dag - timedelta(days=3)),
                            ref,
                            "2",
                        )
                        self.met_retour(
                            v_dag - timedelta(days=3), "JW319", an, "JW320", a.ident("JW320", v_dag),
                            v_dag - timedelta(days=2),
                        )  # fmt: skip
                regel = w.ToewijzingRegel(
                    toewijzingnummer,
                    pt.product,
                    toewijzingsdatum,
                    ingang,
                    nieuw_einde,
                    omvang,
                    reden_wijziging="04",
                )
                t_data = w.jw301(w.Kop(g.code, a.agb, g.ident(v_dag), v_dag), persoon, [regel])
                if self.met_retour(v_dag, "JW301", t_data, "JW302", a.ident("JW302", v_dag)):
                    self.stats["verlengingen"] += 1
                einde = nieuw_einde

        # Claims, monthly, for PxQ care.
        if not a.taakgericht and toewijzingnummer is not None:
            declaraties.voeg_toe(
                self, a, g, persoon, pt, toewijzingnummer, begindatum, min(einddatum, self.tot)
            )

        if einddatum > self.tot:
            return None
        if a.slecht:
            reden = rng.choices(
                ["31", "32", "33", "34", "35", "38", "39"], weights=[45, 20, 10, 10, 5, 7, 3]
            )[0]
        else:
            reden = rng.choices(
                ["31", "32", "33", "34", "35", "38", "39", "36"], weights=[68, 9, 4, 6, 3, 5, 3, 2]
            )[0]
        stop = w.LeveringRegel(
            toewijzingnummer, pt.product, ingang, begindatum, einddatum=einddatum, reden=reden
        )
        e_dag = _werkdagen_later(einddatum, vertraging())
        e_data = w.jw307(w.Kop(g.code, a.agb, a.ident("JW307", e_dag), e_dag), persoon, [stop])
        self.met_retour(e_dag, "JW307", e_data, "JW308", g.ident(e_dag))
        # Repeat use: after a planned end, the child may need care again within a year.
        if reden == "31" and rng.random() < (0.35 if a.slecht else 0.12):
            return einddatum + timedelta(days=rng.randrange(20, 365)), persoon
        return None

    def bestanden(self, out: Path) -> Iterator[Path]:
        out.mkdir(parents=True, exist_ok=True)
        per_maand: dict[str, list[tuple[date, int, str, bytes]]] = defaultdict(list)
        for item in self.berichten:
            per_maand[item[0].strftime("%Y-%m")].append(item)
        for maand, items in sorted(per_maand.items()):
            path = out / f"ijw-{maand}.zip"
            with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as z:
                for dag, seq, code, data in sorted(items):
                    info = zipfile.ZipInfo(
                        f"{dag.isoformat()}_{seq:08d}_{code}.xml",
                        date_time=(dag.year, dag.month, dag.day, 0, 0, 0),
                    )
                    info.compress_type = zipfile.ZIP_DEFLATED
                    z.writestr(info, data)
            yield path


def simuleer_regio(
    *, regio_code: str, van: str, tot: str, seed: int, scale: float, out: Path
) -> Counter[str]:
    regio = Regio.objects.get(code=regio_code)
    sim = Simulatie(regio, date.fromisoformat(van), date.fromisoformat(tot), seed, scale)
    sim.run()
    declaraties.schrijf(sim)
    files = list(sim.bestanden(out))
    sim.stats["bestanden"] = len(files)
    sim.stats["berichten"] = len(sim.berichten)
    sim.stats["declaraties_eurocent"] = sim.kosten
    return sim.stats
