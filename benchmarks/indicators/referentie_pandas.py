# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Reference (c): a straightforward pandas implementation of the definitions in
docs/indicatoren.md, the way an analyst would write it: a loop over the periods, boolean
masks and groupby per provider. Working days with numpy.busday_count and the same legal
holiday list. Same columns as the engine (unrounded)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
import pandas as pd
import polars as pl

from jeugdsturing.monitor.indicatoren import Normen, Periode

VER = pd.Timestamp("2262-04-01")  # beyond every date; pandas' nanosecond range ends in 2262


def _werkdagen(a: pd.Series, b: pd.Series, feest: np.ndarray) -> pd.Series:
    """Working days after a up to and including b; NaN where either is missing."""
    ok = a.notna() & b.notna()
    uit = pd.Series(np.nan, index=a.index)
    van = a[ok].to_numpy().astype("datetime64[D]") + np.timedelta64(1, "D")
    tot = b[ok].to_numpy().astype("datetime64[D]") + np.timedelta64(1, "D")
    uit[ok] = np.busday_count(van, tot, holidays=feest)
    return uit


def verrijk(df: pd.DataFrame, normen: Normen) -> pd.DataFrame:
    df = df.copy()
    df["eind"] = df["einddatum"].fillna(VER)
    s = df[df["begindatum"].notna()]

    def vorig(sub: pd.DataFrame) -> pd.Series:
        m = sub.groupby(["client", "begindatum"])["eind"].max().sort_index()
        return m.groupby(level=0).cummax().groupby(level=0).shift(1)

    df = df.join(vorig(s).rename("vorig"), on=["client", "begindatum"])
    res = s[s["categorie"].isin(["43", "44"])]
    df = df.join(vorig(res).rename("vorig_res"), on=["client", "begindatum"])
    df["nieuw"] = df["vorig"].isna() | (
        df["vorig"] < df["begindatum"] - pd.Timedelta(days=normen.nieuw_dagen)
    )
    df["nieuwe_plaatsing"] = (
        df["categorie"].isin(["43", "44"])
        & df["begindatum"].notna()
        & (df["vorig_res"].isna() | (df["vorig_res"] < df["begindatum"] - pd.Timedelta(days=1)))
    )
    gepland = s[(s["reden"] == "31") & s["einddatum"].notna()][["id", "client", "einddatum"]]
    paren = gepland.merge(s[["client", "begindatum"]], on="client")
    terug = paren[
        (paren["begindatum"] > paren["einddatum"])
        & (paren["begindatum"] <= paren["einddatum"] + pd.Timedelta(days=normen.recidive_dagen))
    ]
    terugkeer = df["id"].isin(terug["id"]).astype(object)
    df["recidief"] = terugkeer.where(df["id"].isin(gepland["id"]), None)
    return df


def bereken(
    trajecten: pl.DataFrame,
    verlengingen: pl.DataFrame,
    pp: Sequence[Periode],
    feestdagen: Sequence[date],
    jongeren: int,
    normen: Normen = Normen(),  # noqa: B008 (frozen dataclass)
) -> pl.DataFrame:
    df = trajecten.to_pandas()
    if "client_nr" in df.columns:  # the extract's integer client numbers, as the engine uses
        df["client"] = df["client_nr"]
    for c in ("verzoekdatum", "toewijzingsdatum", "begindatum", "einddatum",
              "start_gemeld_op", "stop_gemeld_op"):  # fmt: skip
        df[c] = pd.to_datetime(df[c])
    v = verlengingen.to_pandas()
    v["datum"] = pd.to_datetime(v["datum"])
    feest = np.array(feestdagen, dtype="datetime64[D]")
    df = verrijk(df, normen)
    gestart = df[df["begindatum"].notna()]
    wacht = (
        gestart["begindatum"] - gestart["verzoekdatum"].fillna(gestart["toewijzingsdatum"])
    ).dt.days
    gestart = gestart.assign(
        wacht=wacht.clip(lower=0),
        start_wd=_werkdagen(gestart["begindatum"], gestart["start_gemeld_op"], feest),
        stop_wd=_werkdagen(gestart["einddatum"], gestart["stop_gemeld_op"], feest),
        duur=(gestart["einddatum"] - gestart["begindatum"]).dt.days + 1,
    )
    aangevraagd = df[df["verzoekdatum"].notna() & df["toewijzingsdatum"].notna()]
    aangevraagd = aangevraagd.assign(
        toegang=_werkdagen(
            aangevraagd["verzoekdatum"], aangevraagd["toewijzingsdatum"], feest
        ).clip(lower=0)
    )
    v = v.merge(df[["id", "aanbieder"]], on="id")
    rijen = []
    for p in pp:
        p0, p1 = pd.Timestamp(p.van), pd.Timestamp(p.tot)
        delen: dict[str, pd.Series] = {}
        a = gestart[(gestart["begindatum"] <= p1) & (gestart["eind"] >= p0)]
        delen["clienten_in_zorg"] = a.groupby("aanbieder")["client"].nunique()
        delen["n_verblijf"] = (
            a[a["categorie"].isin(["43", "44"])].groupby("aanbieder")["client"].nunique()
        )
        i = gestart[(gestart["begindatum"] >= p0) & (gestart["begindatum"] <= p1)]
        g = i.groupby("aanbieder")
        delen["instroom"] = g.size()
        delen["nieuwe_clienten"] = i[i["nieuw"]].groupby("aanbieder")["client"].nunique()
        delen["n_plaatsingen"] = i[i["nieuwe_plaatsing"]].groupby("aanbieder")["client"].nunique()
        delen["n_wachttijd"] = g["wacht"].count()
        delen["wachttijd_mediaan_dagen"] = g["wacht"].median()
        delen["n_binnen_wachtnorm"] = (
            (i["wacht"] <= normen.wachtnorm_dagen).groupby(i["aanbieder"]).sum()
        )
        delen["n_start_tijdig"] = (
            (i["start_wd"] <= normen.meldtermijn_werkdagen).groupby(i["aanbieder"]).sum()
        )
        u = gestart[(gestart["einddatum"] >= p0) & (gestart["einddatum"] <= p1)]
        g = u.groupby("aanbieder")
        delen["uitstroom"] = g.size()
        delen["uitstroom_volgens_plan"] = (u["reden"] == "31").groupby(u["aanbieder"]).sum()
        delen["uitstroom_voortijdig"] = (
            u["reden"].isin(["32", "33", "34", "35"]).groupby(u["aanbieder"]).sum()
        )
        delen["uitstroom_overig"] = (
            (~u["reden"].isin(["31", "32", "33", "34", "35"])).groupby(u["aanbieder"]).sum()
        )
        delen["n_doorlooptijd"] = g.size()
        delen["doorlooptijd_mediaan_dagen"] = g["duur"].median()
        delen["doorlooptijd_p80_dagen"] = g["duur"].quantile(0.8)
        delen["doorlooptijd_gemiddeld_dagen"] = g["duur"].mean()
        delen["n_stop_tijdig"] = (
            (u["stop_wd"] <= normen.meldtermijn_werkdagen).groupby(u["aanbieder"]).sum()
        )
        t = aangevraagd[
            (aangevraagd["toewijzingsdatum"] >= p0) & (aangevraagd["toewijzingsdatum"] <= p1)
        ]
        delen["n_toegang"] = t.groupby("aanbieder").size()
        delen["toegangstijd_mediaan_werkdagen"] = t.groupby("aanbieder")["toegang"].median()
        e = v[(v["datum"] >= p0) & (v["datum"] <= p1)]
        delen["verlengingen"] = e.groupby("aanbieder").size()
        volg = pd.Timedelta(days=normen.recidive_dagen)
        r = gestart[gestart["recidief"].notna()]
        r = r[(r["einddatum"] + volg >= p0) & (r["einddatum"] + volg <= p1)]
        delen["n_herhaald"] = r.groupby("aanbieder").size()
        delen["n_herhaald_gebruik"] = r["recidief"].astype(bool).groupby(r["aanbieder"]).sum()
        tabel = pd.DataFrame(delen)
        tabel.index.name = "aanbieder"
        tabel = tabel.reset_index()
        tabel["periode_van"] = p.van
        rijen.append(tabel)
    uit = pd.concat(rijen, ignore_index=True)
    tellingen = [c for c in uit.columns if c.startswith("n_") or c in (
        "clienten_in_zorg", "instroom", "nieuwe_clienten", "uitstroom", "uitstroom_volgens_plan",
        "uitstroom_voortijdig", "uitstroom_overig", "verlengingen")]  # fmt: skip
    uit[tellingen] = uit[tellingen].fillna(0).astype("int64")

    def deel(teller: str, noemer: str) -> pd.Series:
        return (100.0 * uit[teller] / uit[noemer]).where(uit[noemer] > 0)

    uit["binnen_wachtnorm_pct"] = deel("n_binnen_wachtnorm", "n_wachttijd")
    uit["herhaald_gebruik_pct"] = deel("n_herhaald_gebruik", "n_herhaald")
    uit["aandeel_verblijf_pct"] = deel("n_verblijf", "clienten_in_zorg")
    uit["startberichten_tijdig_pct"] = deel("n_start_tijdig", "instroom")
    uit["stopberichten_tijdig_pct"] = deel("n_stop_tijdig", "uitstroom")
    uit["plaatsingen_per_1000"] = 1000.0 * uit["n_plaatsingen"] / jongeren
    return pl.from_pandas(uit)
