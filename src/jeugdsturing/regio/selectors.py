# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Reads of reference data and region structure."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied

from jeugdsturing.regio.models import Gebied, GebiedPostcodes, Regio, Stuurmoment


@dataclass(frozen=True)
class GebiedIndex:
    """Where a client lives -> which gebied. Built once per region, then pure lookups."""

    whole: dict[str, str]  # gemeente code -> gebied code
    ranges: dict[str, list[tuple[int, int, str]]]  # gemeente -> sorted (van, tot, gebied)

    def locate(self, gemeente: str, postcode: str | None) -> str | None:
        """The gebied code for a gemeente and a Dutch postcode ('1012AB' or '1012');
        None when the region has no gebied for it."""
        if gemeente in self.whole:
            return self.whole[gemeente]
        rows = self.ranges.get(gemeente)
        if not rows or not postcode:
            return None
        digits = postcode.strip()[:4]
        if not digits.isdigit() or len(digits) != 4:
            return None
        pc = int(digits)
        i = bisect_right([r[0] for r in rows], pc) - 1
        if i >= 0 and rows[i][0] <= pc <= rows[i][1]:
            return rows[i][2]
        return None


def gebied_index(*, regio: Regio) -> GebiedIndex:
    whole: dict[str, str] = {}
    for gebied in Gebied.objects.filter(regio=regio).prefetch_related("gemeenten"):
        for g in gebied.gemeenten.all():
            whole[g.code] = gebied.code
    ranges: dict[str, list[tuple[int, int, str]]] = {}
    for p in GebiedPostcodes.objects.filter(gebied__regio=regio).select_related(
        "gemeente", "gebied"
    ):
        ranges.setdefault(p.gemeente.code, []).append((p.van, p.tot, p.gebied.code))
    for rows in ranges.values():
        rows.sort()
    return GebiedIndex(whole, ranges)


def regio_voor(user: AbstractBaseUser | AnonymousUser) -> Regio | None:
    profiel = getattr(user, "profiel", None)
    if profiel is not None:
        return profiel.regio  # type: ignore[no-any-return]
    return Regio.objects.filter(is_demo=True).first() or Regio.objects.first()


def ingerichte_regio(user: AbstractBaseUser | AnonymousUser) -> Regio:
    """The user's region for a page that cannot do without one: PermissionDenied with
    the reason when no region has been set up yet."""
    regio = regio_voor(user)
    if regio is None:
        raise PermissionDenied("Er is nog geen regio ingericht.")
    return regio


MAANDEN = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
]  # fmt: skip


def komende_stuurmomenten(*, regio: Regio | None, vandaag: date) -> list[dict[str, object]]:
    """The region's steering moments from this month on, a year ahead."""
    momenten = list(Stuurmoment.objects.filter(regio=regio))
    momenten.sort(key=lambda m: (m.maand - vandaag.month) % 12)
    return [
        {
            "moment": m,
            "maand": MAANDEN[m.maand - 1],
            "jaar": vandaag.year + (m.maand < vandaag.month),
        }
        for m in momenten
    ]
