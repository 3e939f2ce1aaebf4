# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The roles of jeugdsturing: who a user is for the access policy (core/access.py).

Dependency-free on purpose: every layer may import it, it imports nothing of the
project."""

from __future__ import annotations

from django.db import models


class Rol(models.TextChoices):
    REGIOBEHEERDER = "regiobeheerder", "Regiobeheerder"
    CONTRACTMANAGER = "contractmanager", "Contractmanager"
    BELEID = "beleid", "Beleidsadviseur"
    DATA_ANALIST = "data-analist", "Data-analist"
    FINANCIEN = "financien", "Financiën"
    AANBIEDER = "aanbieder", "Aanbieder"
    BEOORDELAAR = "beoordelaar", "Beoordelaar"
    GEMEENTE = "gemeente", "Gemeente"
    TOEGANG = "toegang", "Toegangsmedewerker"
    RAAD = "raad", "Gemeenteraad"
