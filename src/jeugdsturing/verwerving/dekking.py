# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Coverage (dekking): the partners' capacity statements against the expected demand,
per expertise and area. Pure functions (docs/verwerving.md, "Dekking")."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

Cel = tuple[str, str]  # (expertise, gebied)


@dataclass(frozen=True)
class Dekkingsregel:
    expertise: str
    gebied: str
    vraag: int
    minimum: int  # what the partners commit to at least
    maximum: int  # what they can take at most
    partners: int

    @property
    def oordeel(self) -> str:
        """tekort: even all partners at their maximum do not meet demand; overcapaciteit:
        their minimums alone exceed it; anders gedekt."""
        if self.maximum < self.vraag:
            return "tekort"
        if self.minimum > self.vraag:
            return "overcapaciteit"
        return "gedekt"

    @property
    def gat(self) -> int:
        return max(0, self.vraag - self.maximum)


def dekking(
    capaciteiten: Iterable[tuple[int, Mapping[str, Any]]], vraag: Mapping[Cel, int]
) -> list[Dekkingsregel]:
    """capaciteiten: (bid number, capacity line with expertise, gebied, min, max). Every
    cell with demand or capacity gets a row, sorted by expertise and area."""
    som: dict[Cel, list[int]] = {}
    partners: dict[Cel, set[int]] = {}
    for nummer, regel in capaciteiten:
        cel = (str(regel.get("expertise", "")), str(regel.get("gebied", "")))
        mn, mx = int(regel.get("min", 0) or 0), int(regel.get("max", 0) or 0)
        if mn < 0 or mx < mn:
            raise ValueError(
                f"inschrijving {nummer}: capaciteit {cel} min {mn} max {mx} klopt niet"
            )
        s = som.setdefault(cel, [0, 0])
        s[0] += mn
        s[1] += mx
        partners.setdefault(cel, set()).add(nummer)
    cellen = sorted(set(som) | set(vraag))
    return [
        Dekkingsregel(e, g, int(vraag.get((e, g), 0)), som.get((e, g), [0, 0])[0],
                      som.get((e, g), [0, 0])[1], len(partners.get((e, g), ())))
        for e, g in cellen
    ]  # fmt: skip


def alle_expertises(
    capaciteiten: Iterable[tuple[int, Mapping[str, Any]]],
) -> list[tuple[int, dict[str, Any]]]:
    """The capacity lines with the expertise set to "alle": coverage per area only (as
    the monitor gives demand per area, not per expertise)."""
    return [(n, {**dict(r), "expertise": "alle"}) for n, r in capaciteiten]
