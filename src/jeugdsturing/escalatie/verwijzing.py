# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The referral advice of a region for a theme and gebied: the contracted providers'
profiles (advies.py) from the monitor's frames and the intake point, ranked by the
region's policy. Reads only."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from statistics import median

from django.utils import timezone

from jeugdsturing.contracten.models import Overeenkomst, OvereenkomstStatus
from jeugdsturing.core.access import Scope
from jeugdsturing.escalatie.advies import (
    WACHTNORM,
    Gewichten,
    Profiel,
    getoond,
    profielen,
    rangschik,
)
from jeugdsturing.escalatie.bijwerken import laatste_bericht
from jeugdsturing.escalatie.models import (
    Aanmelding,
    AanmeldingStatus,
    Toewijzingspoging,
    TrajectStatus,
    Uitkomst,
    Verbetertraject,
)
from jeugdsturing.escalatie.services.toegang import beleid_van
from jeugdsturing.monitor.bescherming import KLEIN, MIN_AANTAL, MIN_NOEMER
from jeugdsturing.monitor.selectors import aanbieder_namen
from jeugdsturing.monitor.service import regio_monitor
from jeugdsturing.regio.models import Gebied, Regio, Thema


@dataclass(frozen=True)
class Advies:
    peil: date | None
    rijen: list[tuple[Profiel, float, dict[str, float]]]
    regio: Profiel | None
    gewichten: Gewichten
    namen: dict[str, str]


def gecontracteerd(regio: Regio, thema: Thema) -> list[str]:
    """AGB codes of the providers with an active contract for the theme."""
    return sorted(
        set(
            Overeenkomst.objects.filter(
                regio=regio, status=OvereenkomstStatus.ACTIEF, themas=thema
            ).values_list("aanbieder__agb_code", flat=True)
        )
        - {None}
    )


def toewijzingen(regio: Regio, thema: Thema | None = None) -> dict[str, tuple[int, int]]:
    """Per AGB code: (assignments answered or open, refusals) at the intake point."""
    qs = Toewijzingspoging.objects.filter(aanmelding__regio=regio)
    if thema is not None:
        qs = qs.filter(aanmelding__thema=thema)
    alle = Counter(qs.values_list("aanbieder__agb_code", flat=True))
    weg = Counter(
        qs.filter(uitkomst=Uitkomst.GEWEIGERD).values_list("aanbieder__agb_code", flat=True)
    )
    return {a: (n, weg.get(a, 0)) for a, n in alle.items()}


def advies(regio: Regio, thema: Thema, gebied: Gebied | None) -> Advies:
    beleid = beleid_van(regio)
    w = Gewichten(beleid.gewicht_uitstroom, beleid.gewicht_herhaald, beleid.gewicht_wachttijd,
                  beleid.gewicht_acceptatie, beleid.aftrek_escalatie)  # fmt: skip
    namen = aanbieder_namen(regio)
    monitor = regio_monitor(regio, Scope.beheer())
    peil = laatste_bericht(monitor)
    if peil is None:  # no message traffic yet: every contracted provider, none ahead
        lijst = [Profiel(a) for a in gecontracteerd(regio, thema)]
        return Advies(None, rangschik(lijst, Profiel("regio"), w, namen), None, w, namen)
    escalaties = set(
        Verbetertraject.objects.filter(regio=regio)
        .exclude(status=TrajectStatus.OORDEEL)
        .values_list("aanbieder__agb_code", flat=True)
    )
    lijst, referentie = profielen(
        monitor.verrijkt, monitor.data.verlengingen, peil, thema.code,
        gebied.code if gebied else None, gecontracteerd(regio, thema),
        toewijzingen(regio, thema), escalaties, monitor.normen,
    )  # fmt: skip
    return Advies(peil, rangschik(lijst, referentie, w, namen), referentie, w, namen)


def aanmelding_tot_start(regio: Regio, exact: bool) -> list[dict[str, object]]:
    """Per theme: the aanmeldingen linked to their trajectory, the median days from
    aanmelding to start and the share started within the waiting norm (42 days); for a
    role without exact figures a count of 1-4 is "<5" and the median needs 10."""
    per_thema: dict[str, list[int]] = {}
    for a in Aanmelding.objects.filter(
        regio=regio, status=AanmeldingStatus.GESTART, gestart_op__isnull=False
    ).select_related("thema"):
        dagen = (a.gestart_op - timezone.localtime(a.ontvangen_op).date()).days  # type: ignore[operator]
        per_thema.setdefault(a.thema.naam, []).append(max(0, dagen))
    uit: list[dict[str, object]] = []
    for thema, dagen in sorted(per_thema.items()):
        n = len(dagen)
        binnen = sum(d <= WACHTNORM for d in dagen)
        toon = exact or n >= MIN_NOEMER
        uit.append({
            "thema": thema, "n": n if exact or n >= MIN_AANTAL else KLEIN,
            "mediaan": median(dagen) if toon else None,
            "binnen_pct": round(100 * binnen / n, 1) if exact or getoond(binnen, n) else None,
        })  # fmt: skip
    return uit


def advies_gevolgd(regio: Regio) -> tuple[int, int]:
    """(assignments to the first of the advice, assignments with a place in the advice)."""
    qs = Toewijzingspoging.objects.filter(aanmelding__regio=regio, advies_rang__isnull=False)
    return qs.filter(advies_rang=1).count(), qs.count()
