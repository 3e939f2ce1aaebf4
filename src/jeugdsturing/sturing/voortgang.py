# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Progress on a goal's indicator, as a pure function: a series of values per year, the
baseline, the target and the direction give the value shown (the figure itself or its
% change against the baseline), the trend and a judgement (docs/sturing.md):

- ``behaald``: the target is reached (in the good direction);
- ``op_koers``: better than the baseline, and (with a target year) at least as far as
  a straight line from the baseline to the target would be by now;
- ``achter``: better than the baseline but behind that line;
- ``verkeerde_kant``: no better than the baseline;
- ``geen_gegevens``: no value for the year;
- ``geen_norm``: a value, but neither a baseline nor a target to judge it by.

Without a target the judgement is only the direction: ``op_koers`` when better than the
baseline, ``verkeerde_kant`` when not. Without a baseline (a yes/no plan, say) it is only
the target: ``behaald`` or ``achter``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

OORDELEN = {
    "behaald": "behaald",
    "op_koers": "op koers",
    "achter": "achter op schema",
    "verkeerde_kant": "de verkeerde kant op",
    "geen_gegevens": "geen gegevens",
    "geen_norm": "geen nulmeting of streefwaarde",
}
# Traffic lights for the pack's summary page.
KLEUR = {
    "behaald": "groen",
    "op_koers": "groen",
    "achter": "oranje",
    "verkeerde_kant": "rood",
    "geen_gegevens": "grijs",
    "geen_norm": "grijs",
}


@dataclass(frozen=True)
class Voortgang:
    jaar: int
    waarde: float | None  # as shown: the figure, or its % change against the baseline
    nulmeting: float | None  # the baseline value, as shown (0 for a % change)
    streefwaarde: float | None
    reeks: tuple[tuple[int, float | None], ...]  # per year, as shown: the trend
    oordeel: str

    @property
    def oordeel_tekst(self) -> str:
        return OORDELEN[self.oordeel]

    @property
    def kleur(self) -> str:
        return KLEUR[self.oordeel]


def _beter(a: float, b: float, richting: str) -> bool:
    """Is a better than b?"""
    return a < b if richting == "omlaag" else a > b


def _als_getoond(waarde: float | None, basis: float | None, meting: str) -> float | None:
    if waarde is None:
        return None
    if meting == "verandering_pct":
        if basis is None or basis == 0:
            return None
        return round((waarde - basis) / basis * 100, 1)
    return waarde


def voortgang(
    *,
    waarden: Mapping[int, float | None],
    jaar: int,
    richting: str,
    meting: str = "waarde",
    nulmeting_jaar: int | None = None,
    streefwaarde: Decimal | float | None = None,
    streefjaar: int | None = None,
) -> Voortgang:
    """Progress in `jaar` from the raw values per year (monitor figures or reported
    values). With meting 'verandering_pct' every value is shown as its % change against
    the value of the baseline year, and the target is such a change."""
    if richting not in ("omlaag", "omhoog"):
        raise ValueError(f"richting {richting!r}")
    basis_ruw = waarden.get(nulmeting_jaar) if nulmeting_jaar is not None else None
    reeks = tuple(
        (j, _als_getoond(waarden[j], basis_ruw, meting)) for j in sorted(waarden) if j <= jaar
    )
    nu = dict(reeks).get(jaar)
    if meting == "verandering_pct":
        basis = 0.0 if basis_ruw not in (None, 0) else None
    else:
        basis = basis_ruw
    streef = float(streefwaarde) if streefwaarde is not None else None
    oordeel = _oordeel(
        nu=nu, basis=basis, streef=streef, richting=richting, jaar=jaar,
        nulmeting_jaar=nulmeting_jaar, streefjaar=streefjaar,
    )  # fmt: skip
    return Voortgang(jaar, nu, basis, streef, reeks, oordeel)


def _oordeel(
    *,
    nu: float | None,
    basis: float | None,
    streef: float | None,
    richting: str,
    jaar: int,
    nulmeting_jaar: int | None,
    streefjaar: int | None,
) -> str:
    if nu is None:
        return "geen_gegevens"
    if streef is not None and (nu == streef or _beter(nu, streef, richting)):
        return "behaald"
    if basis is None:  # no baseline: only the target can say something
        return "achter" if streef is not None else "geen_norm"
    if not _beter(nu, basis, richting):
        return "verkeerde_kant"
    if streef is None or streefjaar is None or nulmeting_jaar is None:
        return "op_koers"
    if streefjaar <= nulmeting_jaar or jaar >= streefjaar:
        return "achter"  # the target year has come and the target is not reached
    # Where a straight line from the baseline to the target is in `jaar`.
    lijn = basis + (streef - basis) * (jaar - nulmeting_jaar) / (streefjaar - nulmeting_jaar)
    return "op_koers" if nu == lijn or _beter(nu, lijn, richting) else "achter"
