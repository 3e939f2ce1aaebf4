# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""After every import: evaluate the signal rules of each region that has them, at the
date of the latest message, and link accepted aanmeldingen to their trajectories. A
failure here is logged and does not undo the import (it committed already); the team
can evaluate again on the signals page."""

from __future__ import annotations

import logging
from typing import Any

from django.dispatch import receiver

from jeugdsturing.berichten.na_import import import_voltooid

log = logging.getLogger(__name__)


@receiver(import_voltooid)
def na_import(sender: Any, **kwargs: Any) -> None:
    from jeugdsturing.escalatie.bijwerken import regio_bijwerken
    from jeugdsturing.escalatie.models import Signaalregel
    from jeugdsturing.regio.models import Regio

    for regio in Regio.objects.filter(
        pk__in=Signaalregel.objects.values("regio").distinct()
    ).order_by("code"):
        try:
            regio_bijwerken(regio)
        except Exception:
            log.exception("signalen van %s na de import niet bijgewerkt", regio.code)
