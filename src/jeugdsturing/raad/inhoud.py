# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The figures of a council report (docs/raadsrapportage.md), read through the same
selectors as the pages and always as *published* figures: the monitor with the public
Scope (or a gemeente's own), so small numbers are protected and rounded exactly as for
any non-team viewer, for a fixed period (the half-year). The result is plain JSON: it is
frozen in the report when it is adopted, and every figure names its source."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from jeugdsturing.contracten.jaarprognose import jaarprognose
from jeugdsturing.contracten.models import Begroting
from jeugdsturing.core.access import Scope
from jeugdsturing.escalatie.models import SIGNAAL_LOPEND, Signaal, TrajectStatus, Verbetertraject
from jeugdsturing.monitor.indicatoren import Periode
from jeugdsturing.monitor.service import regio_monitor
from jeugdsturing.regio.models import Gemeente, Regio
from jeugdsturing.sturing.models import AfspraakStatus, Overleg, Stuurafspraak
from jeugdsturing.sturing.selectors import doelen_stand

KERNCIJFERS: dict[str, str] = {
    "clienten_in_zorg": "Jeugdigen in zorg",
    "nieuwe_clienten": "Nieuwe jeugdigen",
    "instroom": "Gestarte trajecten",
    "uitstroom": "Beëindigde trajecten",
    "uitstroom_volgens_plan": "Beëindigd volgens plan",
    "doorlooptijd_mediaan_dagen": "Duur van een traject, mediaan (dagen)",
    "wachttijd_mediaan_dagen": "Wachttijd, mediaan (dagen)",
    "binnen_wachtnorm_pct": "Binnen de wachtnorm (%)",
    "aandeel_verblijf_pct": "Aandeel met verblijf (%)",
    "herhaald_gebruik_pct": "Opnieuw in zorg binnen een jaar (%)",
}
BRON_MONITOR = (
    "iJw-berichtenverkeer (monitor), gepubliceerde cijfers: aantallen afgerond op vijftallen, "
    "1 tot 4 als <5"
)


def periode_van(jaar: int, helft: int) -> Periode:
    return (
        Periode(date(jaar, 1, 1), date(jaar, 6, 30))
        if helft == 1
        else Periode(date(jaar, 7, 1), date(jaar, 12, 31))
    )


def periode_naam(jaar: int, helft: int) -> str:
    return f"{'eerste' if helft == 1 else 'tweede'} halfjaar {jaar}"


def _scope(gemeente: Gemeente | None) -> Scope:
    """Published figures: for the region, or for one gemeente's residents."""
    return Scope(gemeente=gemeente.code) if gemeente is not None else Scope.publiek()


def _kerncijfers(
    regio: Regio, gemeente: Gemeente | None, p: Periode, vorig: Periode
) -> list[dict[str, Any]]:
    monitor = regio_monitor(regio, _scope(gemeente))
    nu = monitor.rijen([p], [])
    toen = monitor.rijen([vorig], [])
    uit = []
    for code, naam in KERNCIJFERS.items():
        uit.append(
            {
                "code": code,
                "naam": naam,
                "waarde": nu[0].get(code) if nu else None,
                "vorig": toen[0].get(code) if toen else None,
                "bron": BRON_MONITOR,
            }
        )
    return uit


def _per_gemeente(regio: Regio, gemeente: Gemeente | None, p: Periode) -> list[dict[str, Any]]:
    """Youths in care per gemeente and per 1,000 youths 0-17: the map. A gemeente
    report has only its own."""
    monitor = regio_monitor(regio, _scope(gemeente))
    rijen = {str(r["gemeente"]): r for r in monitor.rijen([p], ["gemeente"])}
    uit = []
    gemeenten = [gemeente] if gemeente is not None else list(regio.gemeenten.order_by("naam"))
    for g in gemeenten:
        waarde = rijen.get(g.code, {}).get("clienten_in_zorg")
        per_1000 = None
        if isinstance(waarde, int) and g.jongeren_0_17:
            per_1000 = round(waarde / g.jongeren_0_17 * 1000, 1)
        uit.append(
            {"code": g.code, "naam": g.naam, "clienten_in_zorg": waarde,
             "jongeren": g.jongeren_0_17, "per_1000": per_1000}
        )  # fmt: skip
    return uit


def _doelen(regio: Regio, gemeente: Gemeente | None, jaar: int) -> list[dict[str, Any]]:
    uit = []
    for stand in doelen_stand(regio=regio, scope=_scope(gemeente), jaar=jaar):
        for ind in stand.indicatoren:
            v = ind.voortgang
            uit.append(
                {
                    "doel": "; ".join(stand.doel.teksten)
                    if stand.doel.teksten
                    else str(stand.doel),
                    "thema": stand.doel.thema.naam if stand.doel.thema else "",
                    "indicator": ind.indicator.naam,
                    "nulmeting": v.nulmeting,
                    "streefwaarde": v.streefwaarde,
                    "waarde": v.waarde,
                    "eenheid": ind.eenheid,
                    "oordeel": v.oordeel_tekst,
                    "bron": ind.bron,
                }
            )
    return uit


def _geld(regio: Regio, gemeente: Gemeente | None, jaar: int, maand: int) -> dict[str, Any]:
    """Budget, realisation so far and the year-end forecast per gemeente (eurocent)."""
    gemeenten = [gemeente] if gemeente is not None else list(regio.gemeenten.order_by("naam"))
    begroot = {
        b.gemeente_id: b.bedrag_eurocent
        for b in Begroting.objects.filter(regio=regio, jaar=jaar, thema__isnull=True)
    }
    per: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    try:
        rijen = jaarprognose(regio, jaar, maand, scope=_scope(gemeente)).rijen
    except (ValueError, LookupError):
        rijen = []
    for r in rijen:
        g = str(r["gemeente"])
        for k in ("gerealiseerd_eurocent", "prognose_eurocent"):
            per[g][k] += int(r[k] or 0)  # type: ignore[call-overload]
    uit = [
        {
            "code": g.code,
            "naam": g.naam,
            "begroot": begroot.get(g.pk),
            "gerealiseerd": per[g.code]["gerealiseerd_eurocent"] if g.code in per else None,
            "prognose": per[g.code]["prognose_eurocent"] if g.code in per else None,
        }
        for g in gemeenten
    ]
    return {
        "jaar": jaar,
        "maand": maand,
        "rijen": uit,
        "bron": f"begroting {jaar}; declaraties en lumpsumrapportages tot en met maand {maand}; "
        "jaarprognose van de pagina Realisatie en prognose",
    }


def _dialoog(regio: Regio, p: Periode) -> dict[str, Any]:
    overleggen = Overleg.objects.filter(pakket__regio=regio, datum__range=(p.van, p.tot))
    afspraken = Stuurafspraak.objects.filter(regio=regio, overleg__datum__range=(p.van, p.tot))
    per_status = {s.label: afspraken.filter(status=s.value).count() for s in AfspraakStatus}
    trajecten = Verbetertraject.objects.filter(regio=regio)
    return {
        "gesprekken": overleggen.count(),
        "afspraken": per_status,
        "verbetertrajecten_geopend": trajecten.filter(geopend_op__range=(p.van, p.tot)).count(),
        "verbetertrajecten_lopend": trajecten.exclude(status=TrajectStatus.OORDEEL)
        .filter(geopend_op__lte=p.tot)
        .count(),
        "signalen_lopend": Signaal.objects.filter(regio=regio, status__in=SIGNAAL_LOPEND).count(),
        "bron": "prestatiedialogen, afspraken, signalen en verbetertrajecten (zonder namen van "
        "aanbieders of jeugdigen)",
    }


def samenstellen(regio: Regio, gemeente: Gemeente | None, jaar: int, helft: int) -> dict[str, Any]:
    """All figures of the report for the region (gemeente None) or one gemeente."""
    p = periode_van(jaar, helft)
    vorig = periode_van(jaar - 1, helft)
    return {
        "periode": {
            "van": p.van.isoformat(),
            "tot": p.tot.isoformat(),
            "naam": periode_naam(jaar, helft),
        },
        "vorig": {
            "van": vorig.van.isoformat(),
            "tot": vorig.tot.isoformat(),
            "naam": periode_naam(jaar - 1, helft),
        },
        "wie": {
            "regio": regio.code,
            "regio_naam": regio.naam,
            "gemeente": gemeente.code if gemeente else None,
            "naam": gemeente.naam if gemeente else regio.naam,
        },
        "kerncijfers": _kerncijfers(regio, gemeente, p, vorig),
        "gemeenten": _per_gemeente(regio, gemeente, p),
        "doelen": _doelen(regio, gemeente, jaar),
        "geld": _geld(regio, gemeente, jaar, 6 if helft == 1 else 12),
        "dialoog": _dialoog(regio, p),
    }
