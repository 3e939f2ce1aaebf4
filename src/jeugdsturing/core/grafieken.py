"""Charts: one Vega-Lite spec (Altair) rendered to SVG on the server, so the same
picture serves a page and a PDF, and no script runs in the browser (CSP)."""

from __future__ import annotations

from typing import Any

import altair as alt
import vl_convert as vlc

NL = {
    "decimal": ",",
    "thousands": ".",
    "grouping": [3],
    "currency": ["€ ", ""],
}
KLEUREN = ["#1f5f8b", "#c05621", "#2f855a", "#6b46c1", "#b7791f", "#718096"]


def svg(chart: alt.TopLevelMixin) -> str:
    """The chart as an SVG string (safe to include: no script, no inline style)."""
    spec: dict[str, Any] = chart.to_dict()
    return str(vlc.vegalite_to_svg(spec, format_locale=NL))


def realisatie_grafiek(maanden: list[dict[str, Any]], titel: str, budget_euro: float | None) -> str:
    """Cumulative realisation per month, the forecast with its 80% band to December,
    and the budget as a horizontal line. Rows: maand (1-12), soort, euro, onder, boven."""
    data = alt.Data(values=maanden)  # type: ignore[no-untyped-call]
    basis = alt.Chart(data).encode(
        x=alt.X("maand:O", title="maand", axis=alt.Axis(labelAngle=0)),
    )
    band = (
        basis.transform_filter("datum.soort == 'prognose'")
        .mark_area(opacity=0.2, color=KLEUREN[1])
        .encode(y=alt.Y("onder:Q"), y2="boven:Q")
    )
    lijn = basis.mark_line(point=True).encode(
        y=alt.Y("euro:Q", title="cumulatief (euro)", axis=alt.Axis(format=",.0f")),
        color=alt.Color(
            "soort:N",
            title=None,
            scale=alt.Scale(domain=["gerealiseerd", "prognose"], range=KLEUREN[:2]),
        ),
        strokeDash=alt.StrokeDash(
            "soort:N",
            scale=alt.Scale(domain=["gerealiseerd", "prognose"], range=[[1, 0], [5, 4]]),
            legend=None,
        ),
    )
    lagen: list[Any] = [band, lijn]
    if budget_euro is not None:
        lagen.append(
            alt.Chart(alt.Data(values=[{"budget": budget_euro}]))  # type: ignore[no-untyped-call]
            .mark_rule(color="#9b2c2c", strokeWidth=2)
            .encode(y="budget:Q")
        )
    chart = alt.layer(*lagen).properties(width=560, height=260, title=titel)
    return svg(chart)
