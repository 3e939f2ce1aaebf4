# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Every write of contracts and money: keyword-only functions in one transaction each,
one module per subject. The rules that protect money live here (begroting.py)."""

from __future__ import annotations

from jeugdsturing.contracten.services.begroting import (
    GoedkeuringVereist,
    begroting_zet,
    begrotingen_richt_in,
    begrotingskader_zet,
    continuiteitsbudget_zet,
    goedkeuring_leg_vast,
    plafond_zet,
)
from jeugdsturing.contracten.services.lumpsums import (
    lumpsums_bijstellen,
    lumpsums_meerjarig,
    lumpsums_stel_vast,
    lumpsums_verdeel,
)
from jeugdsturing.contracten.services.overeenkomsten import (
    aanbieder_bewaar,
    combinatie_maak,
    indexatie_zet,
    onderaannemer_voeg_toe,
    overeenkomst_maak,
    overeenkomst_product_voeg_toe,
    overeenkomst_status_wijzig,
    overeenkomst_verleng,
    product_bewaar,
    tarief_voeg_toe,
)
from jeugdsturing.contracten.services.verantwoording import (
    backtestuitslag_bewaar,
    jaarcijfers_lees_in,
    jaarcijfers_zet,
    prognosestand_bewaar,
    verantwoording_lees_in,
    winstnorm_zet,
)

__all__ = [
    "GoedkeuringVereist",
    "aanbieder_bewaar",
    "backtestuitslag_bewaar",
    "begroting_zet",
    "begrotingen_richt_in",
    "begrotingskader_zet",
    "combinatie_maak",
    "continuiteitsbudget_zet",
    "goedkeuring_leg_vast",
    "indexatie_zet",
    "jaarcijfers_lees_in",
    "jaarcijfers_zet",
    "lumpsums_bijstellen",
    "lumpsums_meerjarig",
    "lumpsums_stel_vast",
    "lumpsums_verdeel",
    "onderaannemer_voeg_toe",
    "overeenkomst_maak",
    "overeenkomst_product_voeg_toe",
    "overeenkomst_status_wijzig",
    "overeenkomst_verleng",
    "plafond_zet",
    "product_bewaar",
    "prognosestand_bewaar",
    "tarief_voeg_toe",
    "verantwoording_lees_in",
    "winstnorm_zet",
]
