# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The transition analysis as pure functions: which trajectories run (or are expected
to run) on the transition date at a provider without a new contract for their theme,
and what remains of them, from the forecast's duration curves (Kaplan-Meier per product)
and the assignment's volume and tariff. No ORM here; selectors.py loads the inputs."""

from __future__ import annotations

import calendar
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from jeugdsturing.contracten.prognose.basis import PER_MAAND, maand_index
from jeugdsturing.contracten.prognose.methoden import kaplan_meier

HORIZON = 60  # months after the transition date that are costed
WACHT_MAANDEN = 6  # an assignment not started in six months most likely never will


@dataclass(frozen=True)
class TrajectFeit:
    """A trajectory with the facts the analysis needs (dates as received)."""

    sleutel: str
    gemeente: str
    aanbieder: str  # AGB code
    client: str
    gebied: str
    taakgericht: bool
    toewijzingnummer: str
    categorie: str
    productcode: str
    status: str
    toewijzingsdatum: date | None
    toewijzing_einddatum: date | None
    begindatum: date | None
    start_gemeld_op: date | None
    einddatum: date | None
    stop_gemeld_op: date | None
    volume: int | None = None
    frequentie: str = ""
    reden_beeindiging: str = ""


@dataclass(frozen=True)
class Contractering:
    """Who is contracted from the transition date: per provider (AGB) the themes of its
    new contracts (a combination's members and subcontractors count with it)."""

    themas: Mapping[str, frozenset[int]]
    # The products a provider's new contracts name; a provider whose contracts name no
    # products (a taakgericht contract for whole themes) is not limited by product.
    producten: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def reden(self, aanbieder: str, thema: int | None, product: str = "") -> str | None:
        """None when the provider is contracted for the theme and product; else why not."""
        if aanbieder not in self.themas:
            return "niet_gecontracteerd"
        if thema is not None and thema not in self.themas[aanbieder]:
            return "thema_verloren"
        if product and self.producten.get(aanbieder) and product not in self.producten[aanbieder]:
            return "product_verloren"
        return None


@dataclass(frozen=True)
class Getroffen:
    """An affected trajectory and what the analysis expects of it."""

    traject: TrajectFeit
    thema: int | None
    reden: str
    kans_lopend: float  # chance the care runs on the transition date
    restduur_maanden: float
    maandbedrag: int  # eurocent, expected per month while running
    maandkosten: tuple[int, ...]  # expected cost per month from the transition date


def _bekend(d: date | None, gemeld: date | None, peil: date) -> date | None:
    return d if d is not None and (gemeld is None or gemeld <= peil) else None


def duur_curves(trajecten: Sequence[TrajectFeit], peil: date) -> dict[str, list[float]]:
    """Survival curves per product (and "*") from the durations known on the peildatum:
    ended trajectories with their length, running ones censored at the peildatum; the
    same Kaplan-Meier estimate the forecast uses (contracten.prognose)."""
    duren: dict[str, list[tuple[int, bool]]] = {}
    for t in trajecten:
        begin = _bekend(t.begindatum, t.start_gemeld_op, peil)
        if begin is None or begin > peil or t.status in {"verwijderd", "alleen_stop"}:
            continue
        eind = _bekend(t.einddatum, t.stop_gemeld_op, peil)
        gestopt = eind is not None and eind <= peil
        tot = eind if gestopt and eind is not None else peil
        duren.setdefault(t.productcode, []).append((maand_index(tot) - maand_index(begin), gestopt))
    curves = {p: kaplan_meier(v, max_maanden=HORIZON) for p, v in duren.items()}
    curves["*"] = kaplan_meier([x for v in duren.values() for x in v], max_maanden=HORIZON)
    return curves


def _s(curve: Sequence[float], a: int) -> float:
    return curve[min(max(a, 0), len(curve) - 1)] if curve else 1.0


def maandbedrag(t: TrajectFeit, tarief: int | None, gemiddeld: Mapping[str, float]) -> int:
    """Expected claim per month: volume x frequency x tariff from the assignment; a total
    volume (frequency 6) spread over the assignment's months; taakgericht care (no
    volume) at the product's average over the assigned trajectories."""
    if tarief is not None and t.volume is not None and t.frequentie in PER_MAAND:
        return round(t.volume * PER_MAAND[t.frequentie] * tarief)
    if tarief is not None and t.volume is not None and t.frequentie == "6":
        if t.toewijzingsdatum and t.toewijzing_einddatum:
            maanden = max(
                1, maand_index(t.toewijzing_einddatum) - maand_index(t.toewijzingsdatum) + 1
            )
        else:
            maanden = 12
        return round(t.volume * tarief / maanden)
    return round(gemiddeld.get(t.productcode, 0.0))


def getroffen(
    trajecten: Sequence[TrajectFeit],
    *,
    overgang: date,
    peil: date,
    contractering: Contractering,
    product_thema: Mapping[str, int],
    tarieven: Mapping[str, int],
    curves: Mapping[str, Sequence[float]] | None = None,
) -> list[Getroffen]:
    """Every trajectory that runs, or is expected to run, on ``overgang`` at a provider
    without a new contract for the product's theme, as known on ``peil``:

    - started and not stopped (as known): affected, with the chance it still runs on the
      transition date from its product's curve;
    - stopped with a last day on or after the transition date: affected until that day;
    - assigned and not started (within six months of the assignment): expected to start,
      affected with the chance it then runs on the transition date;
    - ended before the transition date, deleted, or only a stop: not affected."""
    curves = curves if curves is not None else duur_curves(trajecten, peil)
    gemiddeld: dict[str, list[int]] = {}
    for t in trajecten:
        if t.volume is not None:
            b = maandbedrag(t, tarieven.get(t.productcode), {})
            if b:
                gemiddeld.setdefault(t.productcode, []).append(b)
    gem = {p: sum(v) / len(v) for p, v in gemiddeld.items()}
    m_o = maand_index(overgang)
    uit = []
    for t in trajecten:
        if t.status in {"verwijderd", "alleen_stop", "aangevraagd"}:
            continue
        thema = product_thema.get(t.productcode)
        reden = contractering.reden(t.aanbieder, thema, t.productcode)
        if reden is None:
            continue
        begin = _bekend(t.begindatum, t.start_gemeld_op, peil)
        eind = _bekend(t.einddatum, t.stop_gemeld_op, peil)
        if begin is not None and begin > peil:
            begin = None  # a start reported ahead of its day: not started yet on the peildatum
        if eind is not None and eind < overgang:
            continue
        curve = curves.get(t.productcode) or curves.get("*") or []
        if begin is not None:
            a_p = maand_index(peil) - maand_index(begin)
            a_o = m_o - maand_index(begin)
        else:
            tw = t.toewijzingsdatum
            if tw is None or tw > peil or maand_index(peil) - maand_index(tw) >= WACHT_MAANDEN:
                continue
            if t.toewijzing_einddatum is not None and t.toewijzing_einddatum < overgang:
                continue
            a_p, a_o = 0, max(0, m_o - maand_index(peil))
        if eind is not None:  # the last day is known: runs until then
            kansen = [
                1.0 if m_o + k < maand_index(eind)
                else eind.day / calendar.monthrange(eind.year, eind.month)[1]
                if m_o + k == maand_index(eind) else 0.0
                for k in range(HORIZON)
            ]  # fmt: skip
        else:
            s_p = _s(curve, a_p)
            kansen = [
                min(1.0, _s(curve, a_o + k) / s_p) if s_p > 0 else 0.0 for k in range(HORIZON)
            ]
        if kansen[0] <= 0:
            continue
        bedrag = maandbedrag(t, tarieven.get(t.productcode), gem)
        uit.append(
            Getroffen(
                traject=t, thema=thema, reden=reden, kans_lopend=round(kansen[0], 4),
                restduur_maanden=round(sum(kansen), 2), maandbedrag=bedrag,
                maandkosten=tuple(round(bedrag * k) for k in kansen),
            )
        )  # fmt: skip
    uit.sort(key=lambda g: (g.traject.gemeente, g.traject.aanbieder, g.traject.sleutel))
    return uit


def maand_op(overgang: date, k: int) -> tuple[int, int]:
    """(year, month) of month k after the transition month."""
    mi = maand_index(overgang) + k
    return mi // 12, mi % 12 + 1


def kosten_per_jaar(maandkosten: Sequence[int], overgang: date, tot: date | None) -> dict[int, int]:
    """Expected cost per year from the transition date up to and including ``tot``
    (None: the whole horizon): whole months before tot's month, and the share of days
    in tot's month. Integer eurocent, so sums over cases are exact."""
    uit: dict[int, int] = {}
    if tot is not None and tot < overgang:
        return uit
    laatste = maand_index(tot) - maand_index(overgang) if tot is not None else len(maandkosten) - 1
    for k, bedrag in enumerate(maandkosten):
        if k > laatste:
            break
        jaar, maand = maand_op(overgang, k)
        if tot is not None and k == laatste:
            bedrag = round(bedrag * tot.day / calendar.monthrange(jaar, maand)[1])
        uit[jaar] = uit.get(jaar, 0) + bedrag
    return uit


def plus_maanden(d: date, n: int) -> date:
    """The day before the same day n months later: "within n months" of d."""
    mi = maand_index(d) + n
    jaar, maand = mi // 12, mi % 12 + 1
    dag = min(d.day, calendar.monthrange(jaar, maand)[1])
    return date(jaar, maand, dag) - timedelta(days=1)
