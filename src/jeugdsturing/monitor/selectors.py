"""Extracts for the monitor: the trajectory tables as Polars frames, and who may see
what. The calculations themselves (indicatoren.py) never touch the ORM."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from jeugdsturing.berichten.models import ToewijzingVersie, Traject, TrajectStatus
from jeugdsturing.contracten.models import Aanbieder, Product
from jeugdsturing.core.access import TEAM_ROLLEN, rol_van
from jeugdsturing.monitor.indicatoren import (
    TRAJECT_SCHEMA,
    VERLENGING_SCHEMA,
    verlengingsmomenten,
)
from jeugdsturing.regio.models import Gebied, Regio, Thema
from jeugdsturing.rollen import Rol

TRAJECT_VELDEN = (
    "pk", "client", "aanbieder", "gemeente", "gebied", "productcode", "categorie",
    "verwijzer_type", "taakgericht", "toewijzingnummer", "verzoekdatum", "toewijzingsdatum",
    "begindatum", "einddatum", "reden_beeindiging", "start_gemeld_op", "stop_gemeld_op",
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
    rijen = (
        Traject.objects.filter(gemeente__in=codes)
        .exclude(status=TrajectStatus.VERWIJDERD)
        .order_by("pk")
        .values_list(*TRAJECT_VELDEN)
    )
    for (
        pk, client, aanbieder, gemeente, gebied, product, categorie, verwijzer, taakgericht,
        nummer, verzoek, toewijzing, begin, eind, reden, start_gemeld, stop_gemeld,
    ) in rijen.iterator(chunk_size=20_000):  # fmt: skip
        for k, v in (
            ("id", pk), ("client", client), ("provider", aanbieder), ("gemeente", gemeente),
            ("gebied", _leeg(gebied)), ("theme", themas.get(product)),
            ("category", _leeg(categorie)), ("referrer", _leeg(verwijzer)),
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
                "gemeente", "nummer", "dagtekening", "bericht_id", "einddatum", "reden_wijziging"
            )
        ),
        schema={
            "gemeente": pl.String,
            "nummer": pl.String,
            "dagtekening": pl.Date,
            "volgorde": pl.Int64,
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


# --- who sees what ----------------------------------------------------------------------


@dataclass(frozen=True)
class MonitorZicht:
    """A viewer's scope: a gemeente user counts only the gemeente's own residents, a
    provider user only its own trajectories (plus the protected regional totals as a
    reference). `exact` and `trajecten` are the rights to unprotected figures and to the
    pseudonymised trajectories behind a figure."""

    gemeente: str | None = None
    aanbieder: str | None = None
    exact: bool = False
    trajecten: bool = False

    def filter(self) -> pl.Expr | None:
        voorwaarden = []
        if self.gemeente is not None:
            voorwaarden.append(pl.col("gemeente") == self.gemeente)
        if self.aanbieder is not None:
            voorwaarden.append(pl.col("provider") == self.aanbieder)
        return pl.all_horizontal(voorwaarden) if voorwaarden else None

    @property
    def beperkt(self) -> bool:
        return self.gemeente is not None or self.aanbieder is not None


# Roles that may see exact figures and the trajectories behind them: the region's own
# team. Gemeente, provider and council users get published (protected) figures.
EXACT_ROLLEN = TEAM_ROLLEN
PUBLIEK = MonitorZicht()


def monitor_zicht(user: AbstractBaseUser | AnonymousUser) -> MonitorZicht:
    rol = rol_van(user)
    if rol is None:
        superuser = bool(getattr(user, "is_superuser", False))
        return MonitorZicht(exact=superuser, trajecten=superuser)
    profiel = getattr(user, "profiel", None)
    if rol == Rol.GEMEENTE:
        code = profiel.gemeente.code if profiel and profiel.gemeente else "----"
        return MonitorZicht(gemeente=code)
    if rol == Rol.AANBIEDER:
        agb = profiel.aanbieder.agb_code if profiel and profiel.aanbieder else "--------"
        return MonitorZicht(aanbieder=agb)
    team = rol in EXACT_ROLLEN
    return MonitorZicht(exact=team, trajecten=team)


def aanbieder_namen(regio: Regio) -> dict[str, str]:
    return dict(Aanbieder.objects.values_list("agb_code", "naam"))


def gebied_namen(regio: Regio) -> dict[str, str]:
    return dict(Gebied.objects.filter(regio=regio).values_list("code", "naam"))


def thema_namen(regio: Regio) -> dict[str, str]:
    return dict(Thema.objects.filter(regio=regio).values_list("code", "naam"))
