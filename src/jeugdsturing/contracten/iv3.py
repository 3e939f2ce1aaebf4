# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Sanity check: a year's budgeted and realised youth-care spending per gemeente from
CBS Iv3 (begroting vs jaarrekening). Pure: the two CSV texts in, rows out."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

# Iv3 task fields of youth care (jeugdhulp, jeugdbescherming, jeugdreclassering);
# 6.2 wijkteams and 0.7 algemene uitkering are left out.
JEUGD_TAAKVELDEN = ("6.72", "6.73", "6.74", "6.82")


@dataclass(frozen=True)
class Iv3Regel:
    gemeente: str
    begroot_duizend: float
    gerealiseerd_duizend: float

    @property
    def verschil_pct(self) -> float | None:
        if not self.begroot_duizend:
            return None
        return (self.gerealiseerd_duizend - self.begroot_duizend) / self.begroot_duizend * 100


def _lasten(tekst: str, gemeenten: set[str]) -> dict[str, float]:
    uit: dict[str, float] = defaultdict(float)
    for r in csv.DictReader(io.StringIO(tekst), delimiter=";"):
        if r["Gemeenten"] in gemeenten and r["Taakveld"].startswith(JEUGD_TAAKVELDEN):
            uit[r["Gemeenten"]] += float(r["Lasten"] or 0)
    return dict(uit)


def begroting_vs_realisatie(
    begroting_csv: str, jaarrekening_csv: str, gemeenten: Iterable[str]
) -> list[Iv3Regel]:
    namen = set(gemeenten)
    b, j = _lasten(begroting_csv, namen), _lasten(jaarrekening_csv, namen)
    return [Iv3Regel(g, b.get(g, 0.0), j.get(g, 0.0)) for g in sorted(namen)]
