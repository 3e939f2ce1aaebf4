# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The writes of the scenarios: public figures stored (idempotent)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from jeugdsturing.regio.models import Gemeente
from jeugdsturing.scenario.bronnen import Cijfer
from jeugdsturing.scenario.models import Kengetal


@transaction.atomic
def bronnen_laad(cijfers: Iterable[Cijfer], *, bron: str) -> Counter[str]:
    """Store the public figures; a figure is written only when it is new or differs, so
    loading twice writes nothing. Returns counts 'nieuw', 'gewijzigd', 'ongewijzigd'."""
    reden = f"openbare cijfers geladen uit {bron}"
    gemeenten = {g.code: g for g in Gemeente.objects.all()}
    bestaand = {
        (k.gemeente.code, k.soort, k.jaar): k for k in Kengetal.objects.select_related("gemeente")
    }
    tellers: Counter[str] = Counter()
    nieuw = []
    for c in cijfers:
        oud = bestaand.get((c.gemeente, c.soort, c.jaar))
        if oud is None:
            nieuw.append(
                Kengetal(
                    gemeente=gemeenten[c.gemeente], soort=c.soort, jaar=c.jaar, waarde=c.waarde
                )
            )
            tellers["nieuw"] += 1
        elif oud.waarde != c.waarde:
            oud.waarde = c.waarde
            oud._change_reason = reden  # type: ignore[attr-defined]
            oud.save()
            tellers["gewijzigd"] += 1
        else:
            tellers["ongewijzigd"] += 1
    if nieuw:
        bulk_create_with_history(nieuw, Kengetal, default_change_reason=reden)
    return tellers
