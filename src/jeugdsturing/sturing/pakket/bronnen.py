# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""What the packs of one steering moment read, loaded once for all of them: the
monitor (per viewer), the timeliness data, the forecast rows, the uitvraag and its
deliveries, names and partners. Every figure is read through the function its page
uses (Monitor.rijen, informatie_rijen, jaarprognose, doelen_stand): one source of
truth; this class only keeps what several packs share."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from typing import Any, TypeVar, cast

from django.db.models import Prefetch

from jeugdsturing.contracten.jaarprognose import jaarprognose
from jeugdsturing.contracten.models import Aanbieder, Overeenkomst, OvereenkomstStatus
from jeugdsturing.core.access import Scope
from jeugdsturing.monitor.indicatoren import Periode
from jeugdsturing.monitor.informatie import InformatieData
from jeugdsturing.monitor.selectors import informatie_data
from jeugdsturing.monitor.service import Filterwaarde, Monitor, regio_monitor
from jeugdsturing.regio.models import Gebied, Regio, Thema
from jeugdsturing.rollen import Rol
from jeugdsturing.sturing.models import Levering, Leveringsbijlage, Pakketsoort, Uitvraag
from jeugdsturing.sturing.pakket.inhoud import pakketperiode

T = TypeVar("T")


@dataclass(frozen=True)
class Onderwerp:
    """What a pack is about: a provider (PD1), a theme, the whole assignment or a
    gebied (PD2)."""

    soort: str
    aanbieder: Aanbieder | None = None
    thema: Thema | None = None
    gebied: Gebied | None = None

    @property
    def sleutel(self) -> str:
        code = (
            self.aanbieder.agb_code
            if self.aanbieder
            else self.thema.code
            if self.thema
            else self.gebied.code
            if self.gebied
            else ""
        )
        return f"{self.soort}:{code}" if code else self.soort

    @property
    def filters(self) -> dict[str, Filterwaarde]:
        """The monitor filters of the subject."""
        if self.aanbieder is not None:
            return {"aanbieder": self.aanbieder.agb_code}
        if self.thema is not None:
            return {"thema": self.thema.code}
        if self.gebied is not None:
            return {"gebied": self.gebied.code}
        return {}

    @property
    def naam(self) -> str:
        if self.aanbieder is not None:
            return self.aanbieder.naam
        if self.thema is not None:
            return f"thema {self.thema.code} {self.thema.naam}"
        if self.gebied is not None:
            return f"gebied {self.gebied.naam}"
        return "de hele opdracht"

    def titel(self, moment: date) -> str:
        maand = MAANDEN[moment.month - 1]
        if self.soort == Pakketsoort.PD1:
            return f"Prestatiedialoog {maand} {moment.year}: {self.naam}"
        return f"Prestatiedialoog 2 {maand} {moment.year}: {self.naam}"


MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


@dataclass(frozen=True)
class Kijker:
    """For whom a copy of a pack is made: the team (exact figures, the whole region as
    reference) or shared (the provider's own data, or published figures for a PD2,
    small numbers protected, the region published)."""

    gedeeld: bool
    scope: Scope  # whose figures: the provider's for a shared PD1

    @property
    def exact(self) -> bool:
        return self.scope.exact


@dataclass
class Bronnen:
    regio: Regio
    moment: date
    periode: Periode = field(init=False)
    stand: date = field(init=False)
    _monitors: dict[Scope, Monitor] = field(default_factory=dict, init=False)
    _prognoses: dict[int, list[dict[str, object]]] = field(default_factory=dict, init=False)
    _onthouden: dict[Hashable, Any] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self.moment = self.moment.replace(day=1)
        self.periode, self.stand = pakketperiode(self.moment)

    @property
    def vorige(self) -> Periode:
        """The same months a year earlier: January-April 2027 against January-April 2026
        (a fixed publication period, and the same season)."""
        van, tot = self.periode.van, self.periode.tot
        einde = date(tot.year - 1, tot.month, 1) + timedelta(days=32)
        return Periode(date(van.year - 1, van.month, 1), einde.replace(day=1) - timedelta(days=1))

    @property
    def jaar(self) -> int:
        return self.periode.tot.year

    @property
    def maand(self) -> int:
        return self.periode.tot.month

    # --- viewers -------------------------------------------------------------------------

    def team(self) -> Kijker:
        return Kijker(False, Scope(rol=Rol.REGIOBEHEERDER, regio_id=self.regio.pk, exact=True))

    def gedeeld(self, onderwerp: Onderwerp) -> Kijker:
        a = onderwerp.aanbieder
        if a is not None:
            return Kijker(
                True,
                Scope(
                    rol=Rol.AANBIEDER,
                    regio_id=self.regio.pk,
                    aanbieder=a.agb_code,
                    aanbieder_id=a.pk,
                ),
            )
        return Kijker(True, Scope(regio_id=self.regio.pk))

    def monitor(self, scope: Scope) -> Monitor:
        if scope not in self._monitors:
            self._monitors[scope] = regio_monitor(self.regio, scope)
        return self._monitors[scope]

    # --- shared data ---------------------------------------------------------------------

    def onthoud(self, sleutel: Hashable, maak: Callable[[], T]) -> T:
        """The result of `maak`, computed once per batch: a figure every pack of the moment
        shows alike (the region, the peers)."""
        if sleutel not in self._onthouden:
            self._onthouden[sleutel] = maak()
        return cast(T, self._onthouden[sleutel])

    @cached_property
    def informatie(self) -> InformatieData:
        return informatie_data(self.regio, self.jaar)

    @cached_property
    def _informatie_per_aanbieder(self) -> dict[str, InformatieData]:
        groepen: dict[str, tuple[list[Any], ...]] = defaultdict(lambda: ([], [], [], []))
        d = self.informatie
        rijen: tuple[Sequence[Any], ...] = (d.trajecten, d.claims, d.retouren, d.rapportages)
        for i, soort in enumerate(rijen):
            for r in soort:
                groepen[r.aanbieder][i].append(r)
        return {a: InformatieData(*g) for a, g in groepen.items()}

    def informatie_van(self, aanbieders: list[str] | None) -> InformatieData:
        """The timeliness data of some providers only (all when None): the same rows
        informatie_rijen would keep with these providers as its filter, found faster."""
        if aanbieders is None:
            return self.informatie
        delen = [self._informatie_per_aanbieder.get(a) for a in aanbieders]
        return InformatieData(
            *(
                [r for d in delen if d is not None for r in getattr(d, veld)]
                for veld in ("trajecten", "claims", "retouren", "rapportages")
            )
        )

    def prognose(self, jaar: int) -> list[dict[str, object]]:
        """The forecast rows of the whole region as the realisation page computes them
        (filtered per provider or gemeente by the caller, as Scope.toont does)."""
        if jaar not in self._prognoses:
            self._prognoses[jaar] = jaarprognose(
                self.regio, jaar, self.maand, scope=Scope(exact=True)
            ).rijen
        return self._prognoses[jaar]

    @cached_property
    def uitvraag(self) -> Uitvraag | None:
        return Uitvraag.objects.filter(regio=self.regio, moment=self.moment).first()

    @cached_property
    def vorige_uitvraag(self) -> Uitvraag | None:
        return (
            Uitvraag.objects.filter(regio=self.regio, moment__lt=self.moment)
            .order_by("-moment")
            .first()
        )

    def leveringen(self, uitvraag: Uitvraag | None) -> dict[str, Levering]:
        """The deliveries of an uitvraag by AGB code, with their figures."""
        if uitvraag is None:
            return {}
        pk = uitvraag.pk
        return self.onthoud(("leveringen", pk), lambda: _leveringen(pk))

    @cached_property
    def namen(self) -> dict[str, dict[str, str]]:
        return {
            "aanbieder": dict(Aanbieder.objects.values_list("agb_code", "naam")),
            "gemeente": dict(self.regio.gemeenten.values_list("code", "naam")),
            "thema": dict(Thema.objects.filter(regio=self.regio).values_list("code", "naam")),
            "gebied": dict(Gebied.objects.filter(regio=self.regio).values_list("code", "naam")),
        }

    @cached_property
    def partners(self) -> dict[str, set[str]]:
        """The providers with a contract on the moment, per theme code ('' for all)."""
        uit: dict[str, set[str]] = defaultdict(set)
        contracten = (
            Overeenkomst.objects.filter(
                regio=self.regio, ingangsdatum__lte=self.moment, einddatum__gte=self.moment
            )
            .exclude(status__in=[OvereenkomstStatus.BEEINDIGD, OvereenkomstStatus.INGETROKKEN])
            .select_related("aanbieder")
            .prefetch_related("themas")
        )
        alle = list(Thema.objects.filter(regio=self.regio).values_list("code", flat=True))
        for o in contracten:
            uit[""].add(o.aanbieder.agb_code)
            for code in [t.code for t in o.themas.all()] or alle:
                uit[code].add(o.aanbieder.agb_code)
        return dict(uit)

    def themas_van(self, agb: str) -> list[Thema]:
        codes = sorted(c for c, leden in self.partners.items() if c and agb in leden)
        return list(Thema.objects.filter(regio=self.regio, code__in=codes).order_by("volgorde"))


def _leveringen(uitvraag_id: int) -> dict[str, Levering]:
    qs = (
        Levering.objects.filter(uitvraag_id=uitvraag_id)
        .select_related("aanbieder", "uitvraag")
        .prefetch_related(
            "uitkomsten__gemeente",
            "wachtlijst__thema",
            "wachtlijst__gebied",
            Prefetch("bijlagen", queryset=Leveringsbijlage.objects.defer("inhoud")),
        )
    )
    return {lev.aanbieder.agb_code: lev for lev in qs}
