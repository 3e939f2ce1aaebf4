# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Extracts for the monitor: the trajectory tables as Polars frames, and who may see
what. The calculations themselves (indicatoren.py) never touch the ORM."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import polars as pl
from django.utils import timezone

from jeugdsturing.berichten.models import (
    Bericht,
    Toewijzing,
    ToewijzingVersie,
    Traject,
    TrajectStatus,
)
from jeugdsturing.contracten.models import Aanbieder, Lumpsum, Product, Verantwoording
from jeugdsturing.contracten.selectors import claims_frame
from jeugdsturing.core.access import Scope
from jeugdsturing.core.kolommen import rauwe_rijen
from jeugdsturing.monitor.indicatoren import (
    TRAJECT_SCHEMA,
    VERLENGING_SCHEMA,
    verlengingsmomenten,
)
from jeugdsturing.monitor.informatie import (
    RETOURTYPEN,
    InformatieData,
    Rapportage,
    Retour,
    Toewijzingsregel,
    is_afgekeurd,
    rapportage_deadline,
)
from jeugdsturing.regio.models import Gebied, Regio, Thema

TRAJECT_VELDEN = (
    "pk", "client", "aanbieder", "gemeente", "gebied", "productcode", "categorie",
    "verwijzer_type", "taakgericht", "toewijzingnummer", "verzoekdatum", "toewijzingsdatum",
    "begindatum", "einddatum", "reden_beeindiging", "start_gemeld_op", "stop_gemeld_op",
)  # fmt: skip
TRAJECT_DATUMS = (
    "verzoekdatum", "toewijzingsdatum", "begindatum", "einddatum", "start_gemeld_op",
    "stop_gemeld_op",
)  # fmt: skip


@dataclass(frozen=True)
class MonitorData:
    """Everything the engine needs for one region."""

    trajecten: pl.DataFrame
    verlengingen: pl.DataFrame
    bevolking: pl.DataFrame  # gemeente, naam, jongeren_0_17


def _leeg(v: str | None) -> str | None:
    return v or None


def monitor_data(regio: Regio) -> MonitorData:
    """The region's trajectories (deleted ones left out; empty codes as null), the
    extension events and the population aged 0-17 of its gemeenten."""
    gemeenten = list(regio.gemeenten.order_by("code").values_list("code", "naam", "jongeren_0_17"))
    codes = [g[0] for g in gemeenten]
    themas = dict(
        Product.objects.filter(regio=regio, thema__isnull=False).values_list("code", "thema__code")
    )
    kolommen: dict[str, list[object]] = {k: [] for k in TRAJECT_SCHEMA}
    qs = (
        Traject.objects.filter(gemeente__in=codes)
        .exclude(status=TrajectStatus.VERWIJDERD)
        .order_by("pk")
    )
    rijen = rauwe_rijen(qs, TRAJECT_VELDEN, datums=TRAJECT_DATUMS, booleans=("taakgericht",))
    for (
        pk, client, aanbieder, gemeente, gebied, product, categorie, verwijzer, taakgericht,
        nummer, verzoek, toewijzing, begin, eind, reden, start_gemeld, stop_gemeld,
    ) in rijen:  # fmt: skip
        for k, v in (
            ("id", pk), ("client", client), ("aanbieder", aanbieder), ("gemeente", gemeente),
            ("gebied", _leeg(gebied)), ("thema", themas.get(product)),
            ("categorie", _leeg(categorie)), ("verwijzer", _leeg(verwijzer)),
            ("productcode", product), ("taakgericht", taakgericht),
            ("toewijzingnummer", _leeg(nummer)), ("verzoekdatum", verzoek),
            ("toewijzingsdatum", toewijzing), ("begindatum", begin), ("einddatum", eind),
            ("reden", _leeg(reden)), ("start_gemeld_op", start_gemeld),
            ("stop_gemeld_op", stop_gemeld),
        ):  # fmt: skip
            kolommen[k].append(v)
    # Clients as integers as well: distinct counts over integers are several times
    # faster than over 64-character pseudonyms (docs/performance.md).
    nummers: dict[object, int] = {}
    client_nr = [nummers.setdefault(c, len(nummers)) for c in kolommen["client"]]
    trajecten = pl.DataFrame(kolommen, schema=TRAJECT_SCHEMA).with_columns(
        pl.Series("client_nr", client_nr, dtype=pl.Int64)
    )
    versies = pl.DataFrame(
        list(
            ToewijzingVersie.objects.filter(gemeente__in=codes).values_list(
                "gemeente", "nummer", "dagtekening", "identificatie", "einddatum", "reden_wijziging"
            )
        ),
        schema={
            "gemeente": pl.String,
            "nummer": pl.String,
            "dagtekening": pl.Date,
            "volgorde": pl.String,  # the message's Identificatie, as in the trajectories
            "einddatum": pl.Date,
            "reden_wijziging": pl.String,
        },
        orient="row",
    )
    verlengingen = (
        verlengingsmomenten(versies)
        .join(
            trajecten.select("id", "gemeente", pl.col("toewijzingnummer").alias("nummer")),
            on=["gemeente", "nummer"],
        )
        .select("id", "datum")
        .cast(VERLENGING_SCHEMA)  # type: ignore[arg-type]
    )
    bevolking = pl.DataFrame(
        gemeenten,
        schema={"gemeente": pl.String, "naam": pl.String, "jongeren_0_17": pl.Int64},
        orient="row",
    )
    return MonitorData(trajecten, verlengingen, bevolking)


def informatie_data(regio: Regio, tot_jaar: int) -> InformatieData:
    """What the timeliness figures (monitor.informatie) read: the trajectories with
    their assignment, the claims, the replies to the providers' messages and the reports
    the lump-sum providers owed, up to and including `tot_jaar`."""
    codes = list(regio.gemeenten.order_by("code").values_list("code", flat=True))
    frequentie = {
        (g, n): f
        for g, n, f in Toewijzing.objects.filter(gemeente__in=codes).values_list(
            "gemeente", "nummer", "frequentie"
        )
    }
    trajecten = [
        Toewijzingsregel(
            a, g, n, tg, frequentie.get((g, n), ""), tw, ti, te, begin, sg, eind
        )
        for a, g, n, tg, tw, ti, te, begin, sg, eind in Traject.objects.filter(gemeente__in=codes)
        .exclude(status=TrajectStatus.VERWIJDERD)
        .values_list(
            "aanbieder", "gemeente", "toewijzingnummer", "taakgericht", "toewijzingsdatum",
            "toewijzing_ingangsdatum", "toewijzing_einddatum", "begindatum", "start_gemeld_op",
            "einddatum",
        )
        .iterator(chunk_size=20_000)
    ]  # fmt: skip
    retouren = [
        Retour(a, g, d, is_afgekeurd(p.rpartition("=")[2] for p in codes_.split(";") if p))
        for a, g, d, codes_ in Bericht.objects.filter(
            gemeente__in=codes, berichttype__in=RETOURTYPEN
        )
        .values_list("aanbieder", "gemeente", "dagtekening", "retourcodes")
        .iterator(chunk_size=20_000)
    ]
    ingediend: dict[tuple[int, int, int], date] = {}
    for ok, jaar, maanden, op in Verantwoording.objects.filter(
        overeenkomst__regio=regio, vervangen=False
    ).values_list("overeenkomst_id", "jaar", "maanden", "ingediend_op"):
        ingediend[(ok, jaar, maanden)] = timezone.localtime(op).date()
    rapportages = [
        Rapportage(agb, jaar, m, rapportage_deadline(jaar, m), ingediend.get((ok, jaar, m)))
        for ok, agb, jaar in Lumpsum.objects.filter(overeenkomst__regio=regio, jaar__lte=tot_jaar)
        .values_list("overeenkomst_id", "overeenkomst__aanbieder__agb_code", "jaar")
        .distinct()
        for m in (4, 8, 12)
    ]
    return InformatieData(trajecten, claims_frame(regio, tot_jaar), retouren, rapportages)


# --- who sees what ----------------------------------------------------------------------


def scope_filter(scope: Scope) -> pl.Expr | None:
    """The trajectories a viewer may count: a gemeente user its own residents, a
    provider user its own trajectories (core.access.Scope); None: all of the region."""
    voorwaarden = []
    if scope.gemeente is not None:
        voorwaarden.append(pl.col("gemeente") == scope.gemeente)
    if scope.aanbieder is not None:
        voorwaarden.append(pl.col("aanbieder") == scope.aanbieder)
    return pl.all_horizontal(voorwaarden) if voorwaarden else None


def aanbieder_namen(regio: Regio) -> dict[str, str]:
    return dict(Aanbieder.objects.values_list("agb_code", "naam"))


def gebied_namen(regio: Regio) -> dict[str, str]:
    return dict(Gebied.objects.filter(regio=regio).values_list("code", "naam"))


def thema_namen(regio: Regio) -> dict[str, str]:
    return dict(Thema.objects.filter(regio=regio).values_list("code", "naam"))
