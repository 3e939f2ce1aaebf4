# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Trajectories from their facts: a pure function, recomputed whenever a fact arrives.

A trajectory is one assigned product (gemeente + ToewijzingNummer), or for taakgericht
care (JW305/JW307 without ToewijzingNummer) the key client + provider + product +
begindatum. See docs/berichten.md for the rules."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from jeugdsturing.berichten.models import TrajectStatus


@dataclass(frozen=True)
class ToewijzingStand:
    toewijzingsdatum: date
    ingangsdatum: date
    einddatum: date | None
    verwijderd: bool
    categorie: str
    productcode: str
    aanbieder: str
    client: str
    geboortejaar: int | None
    referentie_aanbieder: str


@dataclass(frozen=True)
class Versie:
    dagtekening: date
    identificatie: str  # the message's: with the Dagtekening, decides the order
    einddatum: date | None
    reden_wijziging: str


@dataclass(frozen=True)
class StartStand:
    begindatum: date
    dagtekening: date
    aanbieder: str
    client: str
    categorie: str
    productcode: str
    geboortejaar: int | None = None


@dataclass(frozen=True)
class StopStand:
    begindatum: date
    einddatum: date
    reden: str
    dagtekening: date
    aanbieder: str
    client: str
    categorie: str
    productcode: str


@dataclass(frozen=True)
class TrajectStand:
    aanbieder: str
    client: str
    geboortejaar: int | None
    categorie: str
    productcode: str
    toewijzingsdatum: date | None
    toewijzing_ingangsdatum: date | None
    toewijzing_einddatum: date | None
    begindatum: date | None
    einddatum: date | None
    reden_beeindiging: str
    start_gemeld_op: date | None
    stop_gemeld_op: date | None
    verlengingen: int
    status: str
    verwijderd_na_start: bool = False


def verlengingen(versies: Sequence[Versie]) -> int:
    """Extensions: versions with RedenWijziging 04, or whose Einddatum lies after the
    Einddatum of the version before (in the order the messages were sent: Dagtekening,
    then Identificatie)."""
    n = 0
    vorige: date | None = None
    eerste = True
    for v in sorted(versies, key=lambda v: (v.dagtekening, v.identificatie)):
        if v.reden_wijziging == "04" or (
            not eerste and vorige is not None and v.einddatum is not None and v.einddatum > vorige
        ):
            n += 1
        eerste = False
        vorige = v.einddatum if v.einddatum is not None else vorige
    return n


def traject_stand(
    toewijzing: ToewijzingStand | None,
    versies: Sequence[Versie],
    starts: Sequence[StartStand],
    stops: Sequence[StopStand],
) -> TrajectStand | None:
    """The state of one trajectory; None when no fact is left (all deleted)."""
    if toewijzing is None and not starts and not stops:
        return None
    # In a fixed order whatever order they were read in (arrival): the result must not
    # depend on it where two facts tie.
    starts = sorted(
        starts, key=lambda s: (s.begindatum, s.dagtekening, s.aanbieder, s.categorie, s.productcode)
    )
    stops = sorted(
        stops,
        key=lambda s: (
            s.begindatum, s.einddatum, s.dagtekening, s.reden, s.aanbieder, s.categorie,
            s.productcode,
        ),
    )  # fmt: skip
    start = min(starts, key=lambda s: s.begindatum) if starts else None
    # The stop that ends the trajectory: the latest one that is not a temporary stop
    # (reden 20), and only when no start began after it.
    laatste_start = max((s.begindatum for s in starts), default=None)
    eind = None
    definitief = [s for s in stops if s.reden != "20"]
    if definitief:
        kandidaat = max(definitief, key=lambda s: (s.einddatum, s.dagtekening, s.begindatum))
        if laatste_start is None or kandidaat.begindatum >= laatste_start:
            eind = kandidaat
    bron = toewijzing or start or stops[0]
    if toewijzing is not None and toewijzing.verwijderd:
        status = TrajectStatus.VERWIJDERD
    elif start is None and stops:
        status = TrajectStatus.ALLEEN_STOP
    elif start is None:
        status = TrajectStatus.TOEGEWEZEN
    elif eind is None:
        status = TrajectStatus.LOPEND
    else:
        status = TrajectStatus.BEEINDIGD
    return TrajectStand(
        aanbieder=bron.aanbieder,
        client=bron.client,
        geboortejaar=(
            toewijzing.geboortejaar if toewijzing else (start.geboortejaar if start else None)
        ),
        categorie=bron.categorie,
        productcode=bron.productcode,
        toewijzingsdatum=toewijzing.toewijzingsdatum if toewijzing else None,
        toewijzing_ingangsdatum=toewijzing.ingangsdatum if toewijzing else None,
        toewijzing_einddatum=toewijzing.einddatum if toewijzing else None,
        begindatum=start.begindatum if start else (stops[0].begindatum if stops else None),
        einddatum=eind.einddatum if eind else None,
        reden_beeindiging=eind.reden if eind else "",
        start_gemeld_op=start.dagtekening if start else None,
        stop_gemeld_op=eind.dagtekening if eind else None,
        verlengingen=verlengingen(versies),
        status=status,
        verwijderd_na_start=status == TrajectStatus.VERWIJDERD and start is not None,
    )
