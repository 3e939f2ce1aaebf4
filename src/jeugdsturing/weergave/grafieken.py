# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Charts: one Vega-Lite spec (Altair) rendered to SVG on the server, so the same
picture serves a page and a PDF, and no script runs in the browser (CSP)."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any, Literal, TypeVar

import altair as alt
import vl_convert as vlc
from django.conf import settings

NL = {
    "decimal": ",",
    "thousands": ".",
    "grouping": [3],
    "currency": ["€ ", ""],
}
KLEUREN = ["#1f5f8b", "#c05621", "#2f855a", "#6b46c1", "#b7791f", "#718096"]
BUDGETKLEUR = "#9b2c2c"
STREPEN: list[list[int]] = [[1, 0], [5, 4], [2, 2]]  # solid, dashed, dotted

# Months on an axis the Dutch way: 1-12 as "jan".."dec", "2026-01" as "jan 2026".
MAANDEN_KORT = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
_NAMEN = "[" + ", ".join(f"'{m}'" for m in MAANDEN_KORT) + "]"
MAAND_VAN_JAAR = f"{_NAMEN}[datum.value - 1]"
# "2026-01" -> "jan 2026"; a half year "2026-1" -> "jan-jun 2026"; anything else as it is.
JAARMAAND = (
    f"length(datum.value) == 7 ? {_NAMEN}[toNumber(slice(datum.value, 5, 7)) - 1] + ' ' + "
    "slice(datum.value, 0, 4) : length(datum.value) == 6 ? (slice(datum.value, 5) == '1' ? "
    "'jan–jun ' : 'jul–dec ') + slice(datum.value, 0, 4) : datum.value"
)


def svg(chart: alt.TopLevelMixin) -> str:
    """The chart as an SVG string (safe to include: no script, no inline style). Altair
    checks the spec against the Vega-Lite schema only with DEBUG on (a third of the time
    of a chart); the chart functions below keep what they drew (onthouden)."""
    spec: dict[str, Any] = chart.to_dict(validate=bool(settings.DEBUG))
    # Room on both sides: the size is measured with the renderer's font, and a browser's
    # wider font would cut the start of a long axis label or the end of a legend label.
    spec.setdefault("padding", {"left": 40, "top": 5, "right": 40, "bottom": 5})
    # An axis title well clear of the numbers, which a browser's font draws wider.
    config = spec.setdefault("config", {})
    for as_ in ("axisY", "axisX"):
        config.setdefault(as_, {}).setdefault("titlePadding", 12)
    return str(vlc.vegalite_to_svg(spec, format_locale=NL))


F = TypeVar("F", bound=Callable[..., str])


def onthouden(functie: F) -> F:
    """A chart function drawn once per process for the same input (its rows and titles,
    compared as JSON): building the Altair chart costs as much as drawing it."""
    bewaard: dict[str, str] = {}

    @wraps(functie)
    def wrapped(*args: Any, **kwargs: Any) -> str:
        sleutel = json.dumps([args, kwargs], sort_keys=True, default=str)
        svg_ = bewaard.get(sleutel)
        if svg_ is None:
            if len(bewaard) >= 256:
                bewaard.clear()
            svg_ = bewaard[sleutel] = functie(*args, **kwargs)
        return svg_

    return wrapped  # type: ignore[return-value]


@onthouden
def realisatie_grafiek(maanden: list[dict[str, Any]], titel: str, budget_euro: float | None) -> str:
    """Cumulative realisation per month, the forecast with its 80% band to December,
    and the budget as a horizontal line. Rows: maand (1-12), soort, euro, onder, boven."""
    data = alt.Data(values=maanden)  # type: ignore[no-untyped-call]
    basis = alt.Chart(data).encode(
        x=alt.X("maand:O", title=None, axis=alt.Axis(labelAngle=0, labelExpr=MAAND_VAN_JAAR)),
    )
    band = (
        basis.transform_filter("datum.soort == 'prognose'")
        .mark_area(opacity=0.2, color=KLEUREN[1])
        .encode(y=alt.Y("onder:Q"), y2="boven:Q")
    )
    # One legend for the three lines: realised, forecast and budget.
    soorten = ["gerealiseerd", "prognose (band: 80%)", "budget"]
    kleur = alt.Scale(domain=soorten, range=[*KLEUREN[:2], BUDGETKLEUR])
    streep = alt.Scale(domain=soorten, range=[[1, 0], [5, 4], [1, 0]])
    lijn = (
        basis.transform_calculate(
            reeks="datum.soort == 'prognose' ? 'prognose (band: 80%)' : datum.soort"
        )
        .mark_line(point=True)
        .encode(
            y=alt.Y("euro:Q", title="cumulatief in euro", axis=alt.Axis(format=",.0f")),
            color=alt.Color("reeks:N", title=None, scale=kleur, legend=alt.Legend(labelLimit=300)),
            strokeDash=alt.StrokeDash("reeks:N", scale=streep, title=None),
        )
    )
    lagen: list[Any] = [band, lijn]
    if budget_euro is not None:
        lagen.append(
            alt.Chart(alt.Data(values=[{"budget": budget_euro, "reeks": "budget"}]))  # type: ignore[no-untyped-call]
            .mark_rule(strokeWidth=2)
            .encode(
                y="budget:Q",
                color=alt.Color("reeks:N", scale=kleur, title=None),
                strokeDash=alt.StrokeDash("reeks:N", scale=streep, title=None),
            )
        )
    chart = alt.layer(*lagen).properties(width=560, height=260, title=titel)
    return svg(chart)


@onthouden
def trend_grafiek(
    punten: list[dict[str, Any]], titel: str, as_titel: str, *, tweede_as: bool = False
) -> str:
    """One line per series (scope, and the region as reference) over the months.
    Rows: maand (YYYY-MM), reeks, waarde; hidden (protected) values are left out. With
    ``tweede_as`` (counts, where a gemeente is a fraction of the region) and two series,
    the second series gets its own axis on the right, so the first is not flattened."""
    x = alt.X("maand:O", title=None, axis=alt.Axis(labelAngle=-45, labelExpr=JAARMAAND))
    reeksen = list(dict.fromkeys(str(p["reeks"]) for p in punten))
    if not (tweede_as and len(reeksen) == 2):
        return svg(_lijnen(punten, x, as_titel).properties(width=560, height=240, title=titel))
    lagen = []
    kanten: list[Literal["left", "right"]] = ["left", "right"]
    for i, reeks in enumerate(reeksen):
        orient = kanten[i]
        deel = [p for p in punten if p["reeks"] == reeks]
        lagen.append(
            _lijnen(
                deel, x, f"{as_titel}: {reeks}", kleuren=(KLEUREN[i],), strepen=(STREPEN[i],)
            ).encode(
                y=alt.Y(
                    "waarde:Q",
                    title=f"{as_titel}: {reeks}",
                    axis=alt.Axis(orient=orient, titleColor=KLEUREN[i]),
                )
            )
        )
    chart = alt.layer(*lagen).resolve_scale(
        y="independent", color="independent", strokeDash="independent"
    )
    return svg(chart.properties(width=520, height=240, title=f"{titel} (twee assen)"))


def _lijnen(
    rijen: list[dict[str, Any]],
    x: alt.X,
    as_titel: str,
    *,
    kleuren: tuple[str, ...] = tuple(KLEUREN),
    strepen: tuple[list[int], ...] = tuple(STREPEN),
) -> alt.Chart:
    """One line per series (rows: the x field, reeks, waarde), each with its own colour
    and dash, named in the legend."""
    reeksen = list(dict.fromkeys(str(p["reeks"]) for p in rijen))
    data = alt.Data(values=rijen)  # type: ignore[no-untyped-call]
    chart: alt.Chart = (
        alt.Chart(data)
        .mark_line(point=True)
        .encode(
            x=x,
            y=alt.Y("waarde:Q", title=as_titel),
            color=alt.Color(
                "reeks:N",
                title=None,
                legend=alt.Legend(labelLimit=400),
                scale=alt.Scale(domain=reeksen, range=list(kleuren[: len(reeksen)])),
            ),
            strokeDash=alt.StrokeDash(
                "reeks:N",
                scale=alt.Scale(domain=reeksen, range=list(strepen[: len(reeksen)])),
                title=None,
            ),
        )
    )
    return chart


@onthouden
def vergelijking_grafiek(
    rijen: list[dict[str, Any]], titel: str, as_titel: str, referentie: float | None
) -> str:
    """Horizontal bars per provider (or other group) with the regional value as a
    reference line. Rows: naam, waarde."""
    data = alt.Data(values=rijen)  # type: ignore[no-untyped-call]
    staven = (
        alt.Chart(data)
        .mark_bar(color=KLEUREN[0])
        .encode(
            y=alt.Y("naam:N", title=None, sort="-x"),
            x=alt.X("waarde:Q", title=as_titel),
        )
    )
    lagen: list[Any] = [staven]
    if referentie is not None:
        lagen.append(
            alt.Chart(alt.Data(values=[{"regio": referentie}]))  # type: ignore[no-untyped-call]
            .mark_rule(color="#9b2c2c", strokeWidth=2, strokeDash=[5, 4])
            .encode(x="regio:Q")
        )
    hoogte = max(80, 18 * len(rijen))
    return svg(alt.layer(*lagen).properties(width=520, height=hoogte, title=titel))


@onthouden
def dekking_grafiek(rijen: list[dict[str, Any]], titel: str) -> str:
    """Coverage per cell: a bar from what the partners commit to at least to what they
    can take at most, and a tick at the expected demand; the bar's colour is the verdict.
    Rows: cel, minimum, maximum, vraag, oordeel."""
    data = alt.Data(values=rijen)  # type: ignore[no-untyped-call]
    oordelen = ["tekort", "gedekt", "overcapaciteit"]
    basis = alt.Chart(data).encode(y=alt.Y("cel:N", title=None, sort=None))
    bereik = basis.mark_bar(height=10).encode(
        x=alt.X("minimum:Q", title="jeugdigen tegelijk (capaciteit min–max, streep = vraag)"),
        x2="maximum:Q",
        color=alt.Color(
            "oordeel:N",
            title=None,
            scale=alt.Scale(domain=oordelen, range=["#9b2c2c", KLEUREN[2], KLEUREN[4]]),
        ),
    )
    vraag = basis.mark_tick(color="#1a202c", thickness=3, size=18).encode(x="vraag:Q")
    hoogte = max(60, 24 * len(rijen))
    return svg(alt.layer(bereik, vraag).properties(width=520, height=hoogte, title=titel))


@onthouden
def voortgang_grafiek(
    punten: list[dict[str, Any]], titel: str, as_titel: str, streefwaarde: float | None
) -> str:
    """A goal's indicator per year (rows: jaar, waarde) with its target as a dashed line
    (legend: waarde, streefwaarde)."""
    rijen = [{**p, "reeks": "waarde"} for p in punten if p.get("waarde") is not None]
    if streefwaarde is not None:
        rijen += [
            {"jaar": p["jaar"], "waarde": streefwaarde, "reeks": "streefwaarde"} for p in punten
        ]
    x = alt.X("jaar:O", title="jaar", axis=alt.Axis(labelAngle=0))
    return svg(_lijnen(rijen, x, as_titel).properties(width=320, height=160, title=titel))


@onthouden
def budget_grafiek(rijen: list[dict[str, Any]], titel: str) -> str:
    """Per gemeente (or provider) the year-end forecast as a bar with its interval as a
    line and the budget as a tick; the legend names all three. Rows: naam, prognose,
    onder, boven, budget (euro)."""
    data = alt.Data(values=rijen)  # type: ignore[no-untyped-call]
    soorten = ["prognose", "interval", "budget"]
    kleur = alt.Scale(domain=soorten, range=[KLEUREN[0], "#1a202c", "#9b2c2c"])
    basis = alt.Chart(data).encode(y=alt.Y("naam:N", title=None, sort=None))
    staaf = (
        basis.mark_bar(height=12)
        .encode(
            x=alt.X("prognose:Q", title="euro", axis=alt.Axis(format=",.0f")),
            color=alt.Color("soort:N", title=None, scale=kleur),
        )
        .transform_calculate(soort="'prognose'")
    )
    interval = (
        basis.mark_rule(strokeWidth=2)
        .encode(x="onder:Q", x2="boven:Q", color=alt.Color("soort:N", scale=kleur))
        .transform_calculate(soort="'interval'")
    )
    budget = (
        basis.transform_filter("datum.budget != null")
        .mark_tick(thickness=3, size=20)
        .encode(x="budget:Q", color=alt.Color("soort:N", scale=kleur))
        .transform_calculate(soort="'budget'")
    )
    hoogte = max(60, 26 * len(rijen))
    return svg(alt.layer(staaf, interval, budget).properties(width=480, height=hoogte, title=titel))


@onthouden
def trechter_grafiek(
    lijnen: list[dict[str, Any]],
    punten: list[dict[str, Any]],
    titel: str,
    as_titel: str,
    volume_titel: str,
) -> str:
    """A funnel plot: the target and the 95% and 99.8% limits over the volume, and one
    point per unit coloured by how far out it lies (the legend names the lines and the
    colours). Lines: volume, doel, onder_95, boven_95, onder_998, boven_998; points:
    naam, volume, waarde, niveau."""
    reeksen = {
        "doel": "doelwaarde",
        "onder_95": "95%-grenzen", "boven_95": "95%-grenzen",
        "onder_998": "99,8%-grenzen", "boven_998": "99,8%-grenzen",
    }  # fmt: skip
    rijen = [
        {"volume": r["volume"], "waarde": r[k], "lijn": naam, "kant": k}
        for r in lijnen
        for k, naam in reeksen.items()
    ]
    namen = ["doelwaarde", "95%-grenzen", "99,8%-grenzen"]
    volumes = [float(r["volume"]) for r in lijnen] or [1.0]
    x = alt.X(
        "volume:Q",
        title=volume_titel,
        scale=alt.Scale(type="log", domain=[min(volumes), max(volumes)], nice=False),
    )
    lijn = (
        alt.Chart(alt.Data(values=rijen))  # type: ignore[no-untyped-call]
        .mark_line()
        .encode(
            x=x,
            y=alt.Y("waarde:Q", title=as_titel, scale=alt.Scale(zero=False)),
            detail="kant:N",
            color=alt.Color(
                "lijn:N",
                title=None,
                scale=alt.Scale(domain=namen, range=["#1a202c", KLEUREN[4], "#9b2c2c"]),
            ),
            strokeDash=alt.StrokeDash(
                "lijn:N", scale=alt.Scale(domain=namen, range=[[1, 0], [5, 4], [2, 2]]), legend=None
            ),
        )
    )
    niveaus = ["binnen de grenzen", "buiten de 95%-grens", "buiten de 99,8%-grens"]
    stip = (
        alt.Chart(alt.Data(values=punten))  # type: ignore[no-untyped-call]
        .mark_point(filled=True, size=70)
        .encode(
            x=x,
            y="waarde:Q",
            shape=alt.Shape(
                "niveau:N",
                title=None,
                scale=alt.Scale(domain=niveaus),
                legend=alt.Legend(labelLimit=400),
            ),
            fill=alt.Fill(
                "niveau:N",
                title=None,
                scale=alt.Scale(domain=niveaus, range=[KLEUREN[0], KLEUREN[4], "#9b2c2c"]),
            ),
            tooltip=["naam:N", "waarde:Q", "volume:Q"],
        )
    )
    # Named: the units outside the limits, and the viewer's own point.
    benoemd = [p for p in punten if p["niveau"] != niveaus[0] or p.get("eigen")]
    labels = (
        alt.Chart(alt.Data(values=benoemd))  # type: ignore[no-untyped-call]
        .mark_text(align="left", dx=7, fontSize=10)
        .encode(x=x, y="waarde:Q", text="naam:N")
    )
    chart = (
        alt.layer(lijn, stip, labels)
        .resolve_scale(color="independent")
        .configure_legend(labelLimit=0)
    )
    return svg(chart.properties(width=520, height=260, title=titel))


@onthouden
def groepsstaaf_grafiek(
    rijen: list[dict[str, Any]], titel: str, as_titel: str, *, aantallen: bool = False
) -> str:
    """Horizontal bars per group (a gemeente), one bar per series (a model) in its own
    colour with a legend, and a zero line. Rows: naam, reeks, waarde. ``aantallen``:
    the values are counts, so the axis has whole numbers only."""
    data = alt.Data(values=rijen)  # type: ignore[no-untyped-call]
    reeksen = list(dict.fromkeys(str(r["reeks"]) for r in rijen))
    kleur = alt.Scale(domain=reeksen, range=KLEUREN[: len(reeksen)])
    staven = (
        alt.Chart(data)
        .mark_bar(height=7)
        .encode(
            y=alt.Y("naam:N", title=None, sort=None),
            yOffset=alt.YOffset("reeks:N", sort=reeksen),
            x=alt.X(
                "waarde:Q", title=as_titel,
                axis=alt.Axis(format=",.0f", tickMinStep=1 if aantallen else alt.Undefined),
            ),
            color=alt.Color(
                "reeks:N", title=None, scale=kleur, sort=reeksen,
                legend=alt.Legend(orient="bottom", columns=1, labelLimit=520),
            ),
        )
    )  # fmt: skip
    nul = (
        alt.Chart(alt.Data(values=[{"x": 0}]))  # type: ignore[no-untyped-call]
        .mark_rule(color="#1a202c")
        .encode(x="x:Q")
    )
    groepen = len({r["naam"] for r in rijen})
    hoogte = max(80, 8 * len(reeksen) * groepen + 6 * groepen)
    return svg(alt.layer(staven, nul).properties(width=520, height=hoogte, title=titel))


@onthouden
def jaren_grafiek(rijen: list[dict[str, Any]], titel: str, as_titel: str) -> str:
    """One line per series over the years (rows: jaar, reeks, waarde); a series with one
    year shows as a point. Years without a thousands separator."""
    x = alt.X("jaar:O", title="jaar", axis=alt.Axis(labelAngle=0))
    return svg(_lijnen(rijen, x, as_titel).properties(width=560, height=260, title=titel))


@onthouden
def gestapelde_staaf_grafiek(rijen: list[dict[str, Any]], titel: str, as_titel: str) -> str:
    """Per year a bar stacked from the series (rows: jaar, reeks, waarde; negative values
    stack below zero), each series in its own colour in the legend."""
    reeksen = list(dict.fromkeys(str(r["reeks"]) for r in rijen))
    data = alt.Data(values=rijen)  # type: ignore[no-untyped-call]
    staven = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("jaar:O", title="jaar", axis=alt.Axis(labelAngle=0)),
            y=alt.Y("waarde:Q", title=as_titel, stack="zero"),
            color=alt.Color(
                "reeks:N", title=None, sort=reeksen, legend=alt.Legend(labelLimit=400),
                scale=alt.Scale(domain=reeksen, range=KLEUREN[: len(reeksen)]),
            ),
            order=alt.Order("volgorde:Q"),
        )
    )  # fmt: skip
    nul = (
        alt.Chart(alt.Data(values=[{"y": 0}]))  # type: ignore[no-untyped-call]
        .mark_rule(color="#1a202c")
        .encode(y="y:Q")
    )
    return svg(alt.layer(staven, nul).properties(width=560, height=260, title=titel))


def kaart_grafiek(
    topo: dict[str, Any], feature: str, rijen: list[dict[str, Any]], titel: str, legenda: str
) -> str:
    """A choropleth of gemeenten: the shapes of a TopoJSON object (`feature`, its
    properties.statcode "GM0363") coloured by the rows' waarde (rows: code "GM0363",
    naam, waarde or None). Gemeenten without a value are grey and named in the legend.
    Not memoised: the map data is large and the report renders it once."""
    codes = [str(r["code"]) for r in rijen]
    waarden = alt.Data(values=rijen)  # type: ignore[no-untyped-call]
    vorm = alt.Data(values=topo, format=alt.DataFormat(feature=feature, type="topojson"))  # type: ignore[no-untyped-call]
    basis = (
        alt.Chart(vorm)
        .transform_filter(alt.FieldOneOfPredicate(field="properties.statcode", oneOf=codes))
        .transform_lookup(
            lookup="properties.statcode",
            from_=alt.LookupData(data=waarden, key="code", fields=["waarde", "naam"]),
        )
    )
    gekleurd = basis.transform_filter("datum.waarde != null").mark_geoshape(
        stroke="white", strokeWidth=1
    ).encode(
        color=alt.Color("waarde:Q", title=legenda, scale=alt.Scale(scheme="blues"),
                        legend=alt.Legend(orient="right", format=",.1f")),
        tooltip=[alt.Tooltip("naam:N"), alt.Tooltip("waarde:Q", format=",.1f")],
    )  # fmt: skip
    leeg = (
        basis.transform_filter("datum.waarde == null")
        .transform_calculate(soort="'geen cijfer (afgeschermd)'")
        .mark_geoshape(stroke="white", strokeWidth=1)
        .encode(
            fill=alt.Fill("soort:N", title=None, scale=alt.Scale(range=["#cbd5e0"])),
        )
    )
    # An empty layer would give the projection nothing to fit (an endless picture):
    # only the layers with gemeenten in them.
    lagen = []
    if any(r["waarde"] is not None for r in rijen):
        lagen.append(gekleurd)
    if any(r["waarde"] is None for r in rijen):
        lagen.append(leeg)
    return svg(
        alt.layer(*lagen)
        .resolve_scale(color="independent")
        .properties(width=420, height=360, title=titel)
        .project(type="mercator")
    )
