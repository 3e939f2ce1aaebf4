# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Status lifecycles, one mechanism for all: each status field declares its transition
table (:func:`levenscyclus`), a status changes only through :func:`status_wijzig`, and
every change is appended to one history (core.Statuswijziging: from, to, who, when,
why) that is never rewritten.

A test introspects the models: a field named ``status`` without a declared lifecycle
fails it, as does an assignment to ``.status`` outside this module. Fields that hold a
computed state (a projection of other data, recomputed on every import, like a
trajectory's status from its messages) are declared with :func:`afgeleid` and a reason
instead."""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from jeugdsturing.core.access import ingelogd
from jeugdsturing.core.models import Statuswijziging

M = TypeVar("M", bound=models.Model)


@dataclass(frozen=True)
class Levenscyclus:
    """The lifecycle of one status field: where an object may start and, from each
    status, where it may go."""

    model: type[models.Model]
    veld: str
    overgangen: Mapping[str, frozenset[str]]
    begin: frozenset[str]

    @property
    def sleutel(self) -> str:
        return f"{self.model._meta.label}.{self.veld}"

    def label(self, status: str) -> str:
        """A status as users read it: the label of its choice."""
        keuzes = dict(_keuzes(self.model, self.veld))
        return str(keuzes.get(status, status)) if status else "–"

    def volgende(self, status: str) -> list[tuple[str, str]]:
        """Where an object in `status` may go: (code, label), in a stable order."""
        return [(s, self.label(s)) for s in sorted(self.overgangen.get(status, ()))]


def _keuzes(model: type[models.Model], veld: str) -> list[tuple[Any, Any]]:
    field = model._meta.get_field(veld)
    return list(getattr(field, "choices", None) or [])


REGISTER: dict[str, Levenscyclus] = {}
AFGELEID: dict[str, str] = {}


def levenscyclus(
    model: type[models.Model],
    overgangen: Mapping[str, Set[str]],
    *,
    begin: Set[str],
    veld: str = "status",
) -> Levenscyclus:
    """Declare the lifecycle of `model.veld`. Every status of the field's choices must
    appear in the table (a final status with no way out maps to the empty set)."""
    keuzes = {str(c) for c, _ in _keuzes(model, veld)}
    ontbreekt = keuzes - set(overgangen)
    onbekend = (set(overgangen) | {s for v in overgangen.values() for s in v} | set(begin)) - keuzes
    if ontbreekt or onbekend:
        raise ValueError(
            f"{model._meta.label}.{veld}: overgangen ontbreken voor {sorted(ontbreekt)}, "
            f"onbekende statussen {sorted(onbekend)}"
        )
    lc = Levenscyclus(
        model, veld, {str(k): frozenset(map(str, v)) for k, v in overgangen.items()},
        frozenset(map(str, begin)),
    )  # fmt: skip
    REGISTER[lc.sleutel] = lc
    return lc


def afgeleid(model: type[models.Model], reden: str, *, veld: str = "status") -> None:
    """Declare a status field that is computed, not a workflow (no transitions)."""
    AFGELEID[f"{model._meta.label}.{veld}"] = reden


def levenscyclus_van(obj: models.Model, veld: str = "status") -> Levenscyclus:
    sleutel = f"{obj._meta.label}.{veld}"
    if sleutel not in REGISTER:
        raise LookupError(f"{sleutel} heeft geen levenscyclus")
    return REGISTER[sleutel]


def controleer_overgang(
    lc: Levenscyclus, huidig: str, naar: str, onderwerp: str, reden: str
) -> None:
    """Refuse a change the table does not allow, or one without a reason; the message
    names the subject, both statuses (as users read them) and what is allowed."""
    if naar not in lc.overgangen.get(huidig, ()):
        toegestaan = ", ".join(label for _, label in lc.volgende(huidig)) or "geen"
        raise ValidationError(
            f"{onderwerp}: van '{lc.label(huidig)}' naar '{lc.label(naar)}' is niet "
            f"toegestaan (toegestaan: {toegestaan})."
        )
    if not reden.strip():
        raise ValidationError("Geef een reden voor de statuswijziging.")


def controleer(
    obj: models.Model, *, naar: str, reden: str, onderwerp: str | None = None, veld: str = "status"
) -> None:
    """Check a change before other rules run (the same check status_wijzig makes)."""
    lc = levenscyclus_van(obj, veld)
    huidig = str(getattr(obj, veld))
    controleer_overgang(lc, huidig, str(naar), onderwerp or _onderwerp(obj), reden)


def _onderwerp(obj: models.Model) -> str:
    return f"{str(obj._meta.verbose_name).capitalize()} {obj}"


def _vastleggen(
    obj: models.Model,
    *,
    veld: str,
    van: str,
    naar: str,
    door: AbstractBaseUser | None,
    reden: str,
    op: datetime | None,
) -> None:
    """Append one row to the status history (the only place that writes it)."""
    Statuswijziging.objects.create(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, veld=veld,
        van=van, naar=naar, door=ingelogd(door),
        reden=reden, op=op or timezone.now(),
    )  # fmt: skip


@transaction.atomic
def status_begin(
    obj: models.Model,
    *,
    reden: str = "aangemaakt",
    door: AbstractBaseUser | None = None,
    veld: str = "status",
    op: datetime | None = None,
) -> None:
    """Record the first status of a new (saved) object: the history starts with it."""
    lc = levenscyclus_van(obj, veld)
    status = str(getattr(obj, veld))
    if status not in lc.begin:
        raise ValidationError(
            f"{_onderwerp(obj)} kan niet beginnen als '{lc.label(status)}' "
            f"(begin: {', '.join(lc.label(s) for s in sorted(lc.begin))})."
        )
    _vastleggen(obj, veld=veld, van="", naar=status, door=door, reden=reden, op=op)


@transaction.atomic
def status_wijzig(
    obj: M,
    *,
    naar: str,
    reden: str,
    door: AbstractBaseUser | None = None,
    veld: str = "status",
    velden: Mapping[str, Any] | None = None,
    onderwerp: str | None = None,
    op: datetime | None = None,
) -> M:
    """The one way to change a status: check the transition against the table, set it
    (with `velden`, other fields that change with it), save, and append the history
    row. Raises ValidationError naming what is not allowed."""
    lc = levenscyclus_van(obj, veld)
    huidig = str(getattr(obj, veld))
    controleer_overgang(lc, huidig, str(naar), onderwerp or _onderwerp(obj), reden)
    setattr(obj, veld, naar)
    for k, v in (velden or {}).items():
        setattr(obj, k, v)
    obj._change_reason = reden  # type: ignore[attr-defined]
    obj.save()
    _vastleggen(obj, veld=veld, van=huidig, naar=str(naar), door=door, reden=reden, op=op)
    return obj


@transaction.atomic
def status_vermeld(
    obj: models.Model,
    *,
    reden: str,
    door: AbstractBaseUser | None = None,
    veld: str = "status",
    op: datetime | None = None,
) -> None:
    """An event in the history that does not change the status (a contract extended,
    deadlines moved): from and to are the current status."""
    levenscyclus_van(obj, veld)
    if not reden.strip():
        raise ValidationError("Geef een omschrijving van de gebeurtenis.")
    status = str(getattr(obj, veld))
    _vastleggen(obj, veld=veld, van=status, naar=status, door=door, reden=reden, op=op)
