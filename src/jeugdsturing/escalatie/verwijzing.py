# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The referral advice of a region for a theme and gebied: the contracted providers'
profiles (advies.py) from the monitor's frames and the intake point, ranked by the
region's policy. Reads only."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from jeugdsturing.contracten.models import Overeenkomst, OvereenkomstStatus
from jeugdsturing.core.access import Scope
from jeugdsturing.escalatie.advies import Gewichten, Profiel, profielen, rangschik
from jeugdsturing.escalatie.bijwerken import laatste_bericht
from jeugdsturing.escalatie.models import (
    Toewijzingspoging,
    TrajectStatus,
    Uitkomst,
    Verbetertraject,
)
from jeugdsturing.escalatie.services.toegang import beleid_van
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
    if peil is None:
        return Advies(None, [], None, w, namen)
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
