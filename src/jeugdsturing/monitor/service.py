# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The monitor for one viewer: the engine's rows, protected as the viewer's role
requires, and the trajectories behind a figure. The region's frames are extracted once
per data version and kept in memory (an import changes the version)."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import threading
from collections.abc import Hashable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl
from django.conf import settings
from django.db.models import Count, Max

from jeugdsturing.berichten.models import Bericht, Traject
from jeugdsturing.contracten.models import Product
from jeugdsturing.core.access import Scope
from jeugdsturing.core.models import Installatie
from jeugdsturing.monitor.bescherming import Regels, beschermen, publiek
from jeugdsturing.monitor.indicatoren import (
    DIMENSIES,
    NORMEN,
    Normen,
    Periode,
    achterliggend,
    bereken,
    verrijk,
)
from jeugdsturing.monitor.informatie import (
    INFORMATIE,
    INFORMATIE_AANTALLEN,
    INFORMATIE_NOEMERS,
    INFORMATIE_TELLERS,
    InformatieData,
    informatie,
)
from jeugdsturing.monitor.labels import VERWIJZERS
from jeugdsturing.monitor.selectors import (
    MonitorData,
    aanbieder_namen,
    gebied_namen,
    monitor_data,
    scope_filter,
    thema_namen,
)
from jeugdsturing.regio.models import Regio

Rij = dict[str, Any]
# A filter per dimension: one value, None (the empty value), or a list of values.
Filterwaarde = str | list[str] | None


MAX_RESULTATEN = 2000  # kept rows results per region and data version


class Monitor:
    def __init__(
        self,
        data: MonitorData,
        scope: Scope,
        normen: Normen = NORMEN,
        verrijkt: pl.DataFrame | None = None,
        resultaten: dict[Hashable, list[Rij]] | None = None,
    ) -> None:
        self.data = data
        self.scope = scope
        self.normen = normen
        self.verrijkt = verrijk(data.trajecten, normen) if verrijkt is None else verrijkt
        # Results of rijen() for this data version, shared by every viewer of the process
        # (keyed with the viewer's scope): the second user asking the same figures gets
        # them without a computation. None: not kept (a monitor made for one calculation).
        self.resultaten = resultaten

    def _bevolking(self) -> pl.DataFrame:
        b = self.data.bevolking
        return b.filter(pl.col("gemeente") == self.scope.gemeente) if self.scope.gemeente else b

    def _filter(
        self, regionaal: bool, filters: Mapping[str, Filterwaarde] | None
    ) -> pl.Expr | None:
        delen = [] if regionaal else [f for f in [scope_filter(self.scope)] if f is not None]
        for dim, waarde in (filters or {}).items():
            if dim not in DIMENSIES:
                raise ValueError(f"onbekende dimensie {dim!r}")
            if waarde is None:
                delen.append(pl.col(dim).is_null())
            elif isinstance(waarde, list):
                delen.append(pl.col(dim).is_in(waarde))
            else:
                delen.append(pl.col(dim) == waarde)
        return pl.all_horizontal(delen) if delen else None

    def frame(
        self,
        pp: Sequence[Periode],
        by: Sequence[str],
        *,
        regionaal: bool = False,
        filters: Mapping[str, Filterwaarde] | None = None,
    ) -> pl.DataFrame:
        """Exact result frame; regionaal=True ignores the viewer's scope and the filters
        (the regional reference every viewer may see, in published form)."""
        bevolking = self.data.bevolking
        gemeente = None if regionaal else (filters or {}).get("gemeente") or self.scope.gemeente
        if isinstance(gemeente, list):
            bevolking = bevolking.filter(pl.col("gemeente").is_in(gemeente))
        elif gemeente:
            bevolking = bevolking.filter(pl.col("gemeente") == gemeente)
        return bereken(
            self.verrijkt,
            self.data.verlengingen,
            pp,
            by,
            zicht=self._filter(regionaal, filters),
            bevolking=bevolking,
            normen=self.normen,
            verrijkt=True,
        )

    def rijen(
        self,
        pp: Sequence[Periode],
        by: Sequence[str],
        *,
        exact: bool = False,
        regionaal: bool = False,
        filters: Mapping[str, Filterwaarde] | None = None,
    ) -> list[Rij]:
        """Rows as this viewer may see them: exact only when asked and allowed; the
        regional reference is always published (protected) for a restricted viewer."""
        mag_exact = exact and self.scope.exact and not (regionaal and self.scope.beperkt)
        if not mag_exact:
            for p in pp:
                if not p.vast():
                    raise PeriodeNietVast(p)
        sleutel: Hashable = None
        if self.resultaten is not None:
            filt = tuple(sorted(
                (d, tuple(w) if isinstance(w, list) else w) for d, w in (filters or {}).items()
            ))  # fmt: skip
            # The regional reference is the same for every viewer: not keyed by scope.
            wie = None if regionaal else self.scope
            sleutel = (wie, tuple(pp), tuple(by), mag_exact, regionaal, filt, self.normen)
            bewaard = self.resultaten.get(sleutel)
            if bewaard is not None:
                return [dict(r) for r in bewaard]
        frame = self.frame(pp, by, regionaal=regionaal, filters=filters)
        uit = publiek(frame.to_dicts(), by, mag_exact)
        if self.resultaten is not None:
            if len(self.resultaten) >= MAX_RESULTATEN:
                self.resultaten.clear()
            self.resultaten[sleutel] = [dict(r) for r in uit]
        return uit

    def detail(
        self, periode: Periode, indicator: str, filters: dict[str, str | None]
    ) -> pl.DataFrame:
        if not self.scope.exact:
            raise PermissionError("deze rol mag de trajecten achter een cijfer niet zien")
        return achterliggend(
            self.verrijkt, self.data.verlengingen, periode, indicator, filters,
            zicht=scope_filter(self.scope), normen=self.normen, verrijkt=True,
        )  # fmt: skip


class PeriodeNietVast(ValueError):
    """Published figures cover only fixed periods; this one is not (Dutch message)."""

    def __init__(self, p: Periode) -> None:
        self.periode = p
        super().__init__(
            f"De periode {p.van.strftime('%d-%m-%Y')} tot en met {p.tot.strftime('%d-%m-%Y')} "
            "is geen vaste periode. Gepubliceerde cijfers gaan over een kalendermaand, "
            "kwartaal, halfjaar of jaar, twaalf hele maanden, of het jaar tot en met een "
            "maand; zo kan niemand door twee perioden van elkaar af te trekken een kind "
            "terugvinden."
        )


def data_versie(regio: Regio) -> str:
    """Changes when a message is imported, a trajectory is added or removed, or a
    product's theme changes."""
    laatste = Bericht.objects.aggregate(m=Max("pk"))["m"] or 0
    producten = Product.history.filter(regio=regio).aggregate(m=Max("history_id"))["m"] or 0
    trajecten = Traject.objects.aggregate(m=Max("pk"), n=Count("pk"))
    return f"b{laatste}-p{producten}-t{trajecten['m'] or 0}-{trajecten['n']}"


_cache: dict[int, tuple[str, MonitorData, pl.DataFrame, dict[Hashable, list[Rij]]]] = {}
_slot = threading.Lock()


def regio_monitor(regio: Regio, scope: Scope) -> Monitor:
    """The monitor of a region for one viewer. The region's frames (and the client
    histories computed over them) are extracted again only when the data changed."""
    versie = data_versie(regio)
    with _slot:
        bewaard = _cache.get(regio.pk)
    if bewaard is None or bewaard[0] != versie:
        data = gedeelde_frames(regio, versie)
        bewaard = (versie, data, verrijk(data.trajecten, NORMEN), {})
        with _slot:
            _cache[regio.pk] = bewaard
    return Monitor(bewaard[1], scope, NORMEN, verrijkt=bewaard[2], resultaten=bewaard[3])


# --- frames shared by the worker processes ------------------------------------------------

FRAMES = ("trajecten", "verlengingen", "bevolking")


def _map(regio: Regio, versie: str) -> Path:
    """The folder of a region's frames at one data version of this database."""
    installatie = Installatie.objects.values_list("sleutel", flat=True).first()
    naam = hashlib.sha256(f"{installatie}|{regio.code}|{versie}".encode()).hexdigest()[:24]
    return Path(settings.AFGELEID_DIR) / f"monitor-{regio.code}-{naam}"


def gedeelde_frames(regio: Regio, versie: str) -> MonitorData:
    """The region's frames at this data version: read from Parquet when another process
    (or an earlier run) extracted them, else extracted from the database and written for
    the others. Keyed by the database's identity (core.Installatie) and the version, so a
    file never serves other data. Without a writable folder: extracted, not shared."""
    map_ = _map(regio, versie)
    if (map_ / "klaar").exists():
        try:
            return MonitorData(*(pl.read_parquet(map_ / f"{f}.parquet") for f in FRAMES))
        except (OSError, pl.exceptions.PolarsError):
            pass  # half-removed by a clean-up: extract again
    data = monitor_data(regio)
    try:
        map_.parent.mkdir(parents=True, exist_ok=True)
        tijdelijk = Path(tempfile.mkdtemp(prefix=f".{map_.name}-", dir=map_.parent))
        for f in FRAMES:
            getattr(data, f).write_parquet(tijdelijk / f"{f}.parquet")
        (tijdelijk / "klaar").touch()
        try:
            tijdelijk.rename(map_)  # atomic: a reader sees all files or none
        except OSError:  # another process was first
            shutil.rmtree(tijdelijk, ignore_errors=True)
        for oud in map_.parent.glob(f"monitor-{regio.code}-*"):
            if oud != map_ and (oud / "klaar").exists():
                shutil.rmtree(oud, ignore_errors=True)
    except OSError:
        pass  # not shared; this process keeps its own copy in memory
    return data


def vergeet(regio: Regio) -> None:
    """Forget a region's frames in this process and on disk (after a change that is not a
    new data version, such as a trajectory changed in place by a test or a repair)."""
    with _slot:
        _cache.pop(regio.pk, None)
    for oud in Path(settings.AFGELEID_DIR).glob(f"monitor-{regio.code}-*"):
        shutil.rmtree(oud, ignore_errors=True)


# --- timely and complete information (steering element 2) ------------------------------

# The message-timeliness indicators of the engine that belong with them.
BERICHTEN_TIJDIG = ("startberichten_tijdig_pct", "stopberichten_tijdig_pct")
INFORMATIE_KOLOMMEN = (*BERICHTEN_TIJDIG, *INFORMATIE)
INFORMATIE_REGELS = Regels(
    INFORMATIE_AANTALLEN,
    {**INFORMATIE_NOEMERS, "startberichten_tijdig_pct": "instroom",
     "stopberichten_tijdig_pct": "uitstroom"},
    {**INFORMATIE_TELLERS, "startberichten_tijdig_pct": "n_start_tijdig",
     "stopberichten_tijdig_pct": "n_stop_tijdig"},
)  # fmt: skip


def _in(waarde: Filterwaarde, code: str) -> bool:
    return code in waarde if isinstance(waarde, list) else code == waarde


def informatie_rijen(
    monitor: Monitor,
    data: InformatieData,
    pp: Sequence[Periode],
    by: Sequence[str],
    *,
    peil: date,
    exact: bool = False,
    regionaal: bool = False,
    filters: Mapping[str, Filterwaarde] | None = None,
) -> list[Rij]:
    """Timeliness and completeness per period (and aanbieder or gemeente) as this viewer
    may see them: the engine's start and stop timeliness beside the figures of
    monitor.informatie, exact only when asked and allowed (like Monitor.rijen)."""
    scope = monitor.scope
    voorwaarden: dict[str, Filterwaarde] = {}
    if not regionaal:
        voorwaarden = {d: w for d, w in (filters or {}).items() if d in ("aanbieder", "gemeente")}
        if scope.aanbieder:
            voorwaarden["aanbieder"] = scope.aanbieder
        if scope.gemeente:
            voorwaarden["gemeente"] = scope.gemeente

    def zichtbaar(rij: object, *, per_gemeente: bool = True) -> bool:
        return all(
            w is not None and _in(w, getattr(rij, d))
            for d, w in voorwaarden.items()
            if per_gemeente or d != "gemeente"
        )

    eigen = InformatieData(
        [t for t in data.trajecten if zichtbaar(t)],
        [c for c in data.claims if zichtbaar(c)],
        [r for r in data.retouren if zichtbaar(r)],
        # A report covers all gemeenten: a gemeente sees its providers' reports.
        [r for r in data.rapportages if zichtbaar(r, per_gemeente=False)],
    )
    rijen = {
        (r["periode_van"], *(r[d] for d in by)): r for r in informatie(eigen, pp, by, peil=peil)
    }
    mf = dict(voorwaarden) if not regionaal else {}
    for r in monitor.frame(pp, by, regionaal=regionaal, filters=mf or None).to_dicts():
        sleutel = (r["periode_van"], *(r[d] for d in by))
        doel = rijen.setdefault(
            sleutel,
            {"periode_van": r["periode_van"], "periode_tot": r["periode_tot"],
             **{d: r[d] for d in by}, **dict.fromkeys(INFORMATIE, 0),
             **dict.fromkeys(INFORMATIE_NOEMERS)},
        )  # fmt: skip
        for k in (*BERICHTEN_TIJDIG, "instroom", "uitstroom", "n_start_tijdig", "n_stop_tijdig"):
            doel[k] = r[k]
    uit = [rijen[k] for k in sorted(rijen, key=lambda k: tuple(str(x) for x in k))]
    for r in uit:
        for k in BERICHTEN_TIJDIG:
            r.setdefault(k, None)
    mag_exact = exact and scope.exact and not (regionaal and scope.beperkt)
    bron = uit if mag_exact else beschermen(uit, by, INFORMATIE_REGELS)
    return [{k: r.get(k) for k in ("periode_van", "periode_tot", *by, *INFORMATIE_KOLOMMEN)}
            for r in bron]  # fmt: skip


def code_namen(regio: Regio, monitor: Monitor) -> dict[str, dict[str, str]]:
    """Per dimension the name of each code (providers present in the data, gemeenten,
    areas, themes, referrers), for pages and for the name columns of an export."""
    gemeenten = dict(monitor.data.bevolking.select("gemeente", "naam").iter_rows())
    alle = aanbieder_namen(regio)
    aanwezig = monitor.data.trajecten["aanbieder"].unique().drop_nulls().to_list()
    return {
        "aanbieder": {agb: alle.get(agb, agb) for agb in aanwezig},
        "gemeente": gemeenten,
        "gebied": gebied_namen(regio),
        "thema": thema_namen(regio),
        "categorie": {},
        "verwijzer": VERWIJZERS,
    }
