# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The `regels` and `signalen` subcommands of `jeugdsturing sturing` (docs/escalatie.md)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from jeugdsturing.core.access import Actie, Sectie, scope_voor_commando
from jeugdsturing.escalatie.bijwerken import regio_bijwerken
from jeugdsturing.escalatie.config import STANDAARD, lees_escalatie
from jeugdsturing.escalatie.evaluatie import regio_evaluatie
from jeugdsturing.escalatie.services import regels_richt_in, regels_van
from jeugdsturing.escalatie.services.signalen import weigerbron
from jeugdsturing.regio.config import ConfigError
from jeugdsturing.regio.models import Regio


def _regio(code: str) -> Regio:
    try:
        return Regio.objects.get(code=code)
    except Regio.DoesNotExist:
        raise CommandError(f"--region {code!r}: onbekende regio") from None


def regels(opts: dict[str, Any]) -> str:
    regio = _regio(opts["region"])
    try:
        tellers = regels_richt_in(regio=regio, config=lees_escalatie(opts["bestand"] or STANDAARD))
    except (ConfigError, ValidationError) as e:
        raise CommandError(str(e) if isinstance(e, ConfigError) else " ".join(e.messages)) from e
    return f"{regio.code}: " + ", ".join(f"{k}: {v}" for k, v in sorted(tellers.items()))


def signalen(opts: dict[str, Any]) -> str:
    door = None
    if opts["user"]:
        acties = [(Actie.BEKIJKEN, "signalen")]
        if opts["vastleggen"]:
            acties.append((Actie.WIJZIGEN, "--vastleggen"))
        scope = scope_voor_commando(opts["user"], Sectie.ESCALATIE, *acties)
        if not scope.exact:
            raise CommandError(
                "signalen: de evaluatie over alle aanbieders is voor het regioteam; "
                "een aanbieder ziet zijn eigen signalen op de website."
            )
        from django.contrib.auth import get_user_model

        door = get_user_model().objects.get(username=opts["user"])
    regio = _regio(opts["region"])
    try:
        peil = date.fromisoformat(opts["as_of"])
    except ValueError:
        raise CommandError(f"--as-of {opts['as_of']!r}: verwacht JJJJ-MM-DD") from None
    try:
        gekozen = regels_van(regio, opts["regel"])
    except ValidationError as e:
        raise CommandError(f"--regel: {' '.join(e.messages)}") from e
    if not gekozen:
        raise CommandError(
            f"{regio.code} heeft geen actieve signaalregels: jeugdsturing sturing regels "
            f"--region {regio.code}"
        )
    if opts["vastleggen"]:
        regio_bijwerken(regio, peil, door=door)
    rijen = [b.rij() for b in regio_evaluatie(regio, gekozen, peil, weigeringen=weigerbron(regio))]
    if opts["format"] == "json":
        return json.dumps(rijen, ensure_ascii=False)
    regels_ = [f"{'regel':22} {'aanbieder':9} {'waarde':>9} {'grenzen':>19} {'niveau':6} sinds"]
    for r in rijen:
        regels_.append(
            f"{r['rule']:22} {r['provider']:9} {r['value']:>9} "
            f"{r['lower']:>9}-{r['upper']:<9} {r['level']:6} {r['since']}"
        )
    return "\n".join(regels_)
