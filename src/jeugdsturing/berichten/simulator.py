"""A calibrated simulator of a region's iJw message traffic (docs/simulator.md).

Deterministic for a seed: one random.Random drives every draw, and everything is
iterated in a fixed order. It writes one .zip per month of XSD-valid XML messages,
named so that name order is the order of their dagtekening."""

from __future__ import annotations

import csv
import heapq
import math
import random
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from jeugdsturing.berichten import schrijven as w
from jeugdsturing.berichten.feiten import Omvang, Product
from jeugdsturing.regio.models import GebiedPostcodes, Gemeente, Regio

DATA = Path(__file__).resolve().parent / "data" / "cbs_jeugdhulp_2022.csv"

# Share of new trajectories among the trajectories in care during a year: with a mean
# duration of ~250 days, in-care-in-a-year = starts x (1 + 250/365), so starts = 0.6 x.
INSTROOM_FRACTIE = 0.6


@dataclass(frozen=True)
class ProductType:
    product: Product
    naam: str
    eenheid: str  # WJ756
    frequentie: str  # WMO757
    volume: int  # per frequency period
    tarief: int  # eurocent per unit
    aandeel: float  # share of non-residential inflow (residential share comes from CBS)
    duur_mediaan: int  # days
    duur_sigma: float  # lognormal shape: larger is a longer tail
    toewijzing_maanden: int  # initial assignment period
    wachttijd_gemiddeld: int  # days from assignment to start
    residentieel: bool = False


# Regional product catalogue of the simulation: tariffs at 2025 price level, in the
# range of Dutch regional youth-care tariffs (docs/simulator.md).
PRODUCTEN: tuple[ProductType, ...] = (
    ProductType(Product("45", "45A01"), "Ambulant individueel", "04", "2", 2, 11500, 0.42, 180, 0.7, 12, 21),
    ProductType(Product("45", "45A02"), "Ambulant gezinsgericht", "04", "2", 3, 11000, 0.16, 210, 0.7, 12, 24),
    ProductType(Product("54", "54G01"), "Jeugd-ggz behandeling", "04", "2", 1, 13000, 0.22, 240, 0.8, 12, 35),
    ProductType(Product("41", "41D01"), "Dagbehandeling", "16", "2", 4, 9500, 0.08, 250, 0.6, 12, 30),
    ProductType(Product("46", "46C01"), "Crisisinterventie", "04", "2", 6, 14000, 0.04, 30, 0.6, 3, 1),
    ProductType(Product("50", "50M01"), "Maatwerkarrangement", "82", "6", 1, 450000, 0.08, 200, 0.7, 12, 28),
    ProductType(Product("43", "43V01"), "Verblijf met behandeling", "14", "2", 7, 32000, 0.0, 300, 0.9, 12, 42, residentieel=True),
    ProductType(Product("44", "44V01"), "Verblijf zonder behandeling (pleegzorg, gezinshuis)", "14", "2", 7, 11000, 0.0, 420, 1.0, 12, 35, residentieel=True),
)  # fmt: skip

# Delivered hours and day parts per month relative to the assignment: fewer in the
# school holidays (July, August, Christmas, May), a little more after the summer. An
# assumption of the model, not a measured series (docs/simulator.md).
SEIZOEN = (1.0, 1.0, 1.05, 1.0, 0.92, 1.0, 0.8, 0.7, 1.08, 1.05, 1.05, 0.85)

VERWIJZERS = ("01", "02", "03", "04", "05", "08", "06")
CBS_VERWIJZER = {
    "01": "v01_gemeente", "02": "v02_huisarts", "03": "v03_jeugdarts", "04": "v04_gi",
    "05": "v05_specialist", "08": "v08_rechter", "06": "v06_geen",
}  # fmt: skip
ACHTERNAMEN = (
    "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser",
    "Smit", "Meijer", "de Boer", "Mulder", "Bos", "Vos", "Peters", "Hendriks", "Yilmaz",
    "El Amrani", "Kaya", "Bouzid", "Pinas", "Martina", "Nguyen", "Kok", "Dekker",
)  # fmt: skip
AANBIEDERS = (
    "Amstelzorg", "Jeugdhulp Noord", "Kinderpraktijk West", "GGZ Jong", "Gezinshuis Amstel",
    "Ouder en Kind Centraal", "Horizon Jeugd", "De Waarden", "Levvel Amstel", "Spirit Jong",
    "Altra Onderwijs", "Triade Jeugd", "Pluryn Amstel", "Lijn5 Jeugd", "Arkin Jong", "OCK Het Spalier",
)  # fmt: skip


def aanbieder_agb(regio: Regio, i: int) -> str:
    """The AGB code the simulation gives provider i of AANBIEDERS in a region."""
    return f"98{regio.pk % 100:02d}{i + 1:04d}"


@dataclass
class Aanbieder:
    naam: str
    agb: str
    taakgericht: bool
    slecht: bool  # behaves clearly worse: long durations, repeat use, late messages
    gewicht: float
    volgnummer: Counter[tuple[str, date]] = field(default_factory=Counter)

    def ident(self, soort: str, dag: date) -> str:
        """A number for a message (or reference) sent on `dag`: the date first, then a
        sequence number of that day, like the numbering of a sending system. Numbered
        when the simulator plans a trajectory, a plain counter would give a month's
        messages numbers from all over the range (docs/simulator.md)."""
        self.volgnummer[(soort, dag)] += 1
        return f"{soort[0]}{dag:%y%m%d}{self.volgnummer[(soort, dag)]}"


@dataclass
class GemeenteSim:
    code: str
    naam: str
    instroom_per_jaar: float
    verwijzers: list[float]
    verblijf_fractie: float
    postcodes: list[str]
    toewijzingnummer: int = 0
    volgnummer: Counter[date] = field(default_factory=Counter)

    def ident(self, dag: date) -> str:
        """As Aanbieder.ident: date first, then the sequence number of that day."""
        self.volgnummer[dag] += 1
        return f"G{dag:%y%m%d}{self.volgnummer[dag]}"


def _werkdagen_later(d: date, n: int) -> date:
    while n > 0:
        d += timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d


def _bsn(rng: random.Random, gebruikt: set[str]) -> str:
    """A random 9-digit number that passes the BSN 11-test."""
    while True:
        digits = [rng.randrange(10) for _ in range(8)]
        if digits[0] == 0:
            continue
        total = sum(d * (9 - i) for i, d in enumerate(digits))
        last = total % 11
        if last == 10:
            continue
        bsn = "".join(map(str, digits)) + str(last)
        if bsn not in gebruikt:
            gebruikt.add(bsn)
            return bsn


def _lees_cbs() -> dict[str, dict[str, str]]:
    with DATA.open(encoding="utf-8") as fh:
        return {r["code"]: r for r in csv.DictReader(fh)}


def _getal(value: str) -> float:
    return float(value) if value else 0.0


class Simulatie:
    def __init__(self, regio: Regio, van: date, tot: date, seed: int, scale: float) -> None:
        self.rng = random.Random(seed)
        self.van, self.tot, self.scale = van, tot, scale
        self.bsns: set[str] = set()
        self.berichten: list[tuple[date, int, str, bytes]] = []
        self.seq = 0
        self.stats: Counter[str] = Counter()
        self.kosten = 0
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
            self._claims(a, g, persoon, pt, toewijzingnummer, begindatum, min(einddatum, self.tot))

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

    def _claims(
        self,
        a: Aanbieder,
        g: GemeenteSim,
        persoon: w.Persoon,
        pt: ProductType,
        nummer: int,
        begin: date,
        eind: date,
    ) -> None:
        maand = date(begin.year, begin.month, 1)
        while maand <= eind:
            volgende = date(maand.year + maand.month // 12, maand.month % 12 + 1, 1)
            p_begin, p_eind = max(begin, maand), min(eind, volgende - timedelta(days=1))
            if pt.eenheid == "82":  # output: one product, claimed in the month care starts
                volume = 1 if maand <= begin < volgende else 0
            elif pt.eenheid == "14":
                volume = (p_eind - p_begin).days + 1
            else:  # hours and day parts follow the school year (docs/simulator.md)
                volume = max(
                    1,
                    round(pt.volume * ((p_eind - p_begin).days + 1) / 7 * SEIZOEN[maand.month - 1]),
                )
            if volume:
                bedrag = volume * pt.tarief
                self.kosten += bedrag
                regel = w.PrestatieRegel(
                    f"P{a.agb[-4:]}-{a.ident('pr', maand)}",
                    nummer,
                    pt.product,
                    p_begin,
                    p_eind,
                    volume,
                    pt.eenheid,
                    pt.tarief,
                    bedrag,
                )
                self._open_claims[(a.agb, g.code, maand)].append((persoon.bsn, regel))
            maand = volgende

    _open_claims: defaultdict[tuple[str, str, date], list[tuple[str, w.PrestatieRegel]]]

    def claims_schrijven(self) -> None:
        """One JW323 per provider per gemeente per month, answered by a JW325."""
        for (agb, gemeente, maand), regels in sorted(self._open_claims.items()):
            a = next(x for x in self.aanbieders if x.agb == agb)
            volgende = date(maand.year + maand.month // 12, maand.month % 12 + 1, 1)
            dag = volgende + timedelta(days=self.rng.randrange(4, 12))
            per_client: dict[str, list[w.PrestatieRegel]] = defaultdict(list)
            for bsn, r in regels:
                per_client[bsn].append(r)
            lijst = sorted(per_client.items())
            ident = a.ident("JW323", dag)
            nummer = f"D{ident[1:]}"[:12]
            data = w.jw323(
                w.Kop(gemeente, agb, ident, dag),
                nummer,
                (maand, volgende - timedelta(days=1)),
                lijst,
            )
            self.schrijf(dag, "JW323", data)
            self.stats["prestaties"] += (
                sum(len(r) for _, r in lijst) if self.van <= dag <= self.tot else 0
            )
            afgewezen = [(bsn, [r]) for bsn, rs in lijst for r in rs if self.rng.random() < 0.02]
            totaal = sum(r.bedrag for _, rs in lijst for r in rs)
            a_dag = dag + timedelta(days=self.rng.randrange(10, 28))
            g = next(x for x in self.gemeenten if x.code == gemeente)
            self.schrijf(
                a_dag,
                "JW325",
                w.jw325(
                    w.Kop(gemeente, agb, g.ident(a_dag), a_dag),
                    ident,
                    dag,
                    nummer,
                    totaal,
                    afgewezen,
                ),
            )

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
    sim._open_claims = defaultdict(list)
    sim.run()
    sim.claims_schrijven()
    files = list(sim.bestanden(out))
    sim.stats["bestanden"] = len(files)
    sim.stats["berichten"] = len(sim.berichten)
    sim.stats["declaraties_eurocent"] = sim.kosten
    return sim.stats
