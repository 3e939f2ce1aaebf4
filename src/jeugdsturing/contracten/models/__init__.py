# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Providers, contracts and money: combinations and subcontractors, contracts in the three
execution variants, products, tariffs and indexation, budgets with their approval rule,
ceilings, lump sums, provider reports and annual figures. Amounts are integer eurocent."""

from __future__ import annotations

from jeugdsturing.contracten.models.aanbieders import (
    Aanbieder,
    Combinatie,
    agb_validator,
    kvk_validator,
)
from jeugdsturing.contracten.models.geld import (
    Begroting,
    Begrotingskader,
    Continuiteitsbudget,
    Goedkeuring,
    Lumpsum,
    LumpsumVaststelling,
    Plafond,
)
from jeugdsturing.contracten.models.overeenkomsten import (
    OVEREENKOMST_LEVENSCYCLUS,
    OVEREENKOMST_OVERGANGEN,
    VARIANT_EENHEDEN,
    Indexatie,
    Onderaannemer,
    Overeenkomst,
    OvereenkomstProduct,
    OvereenkomstStatus,
    Product,
    Tarief,
    Uitvoeringsvariant,
    productcode_validator,
)
from jeugdsturing.contracten.models.verantwoording import (
    Backtestuitslag,
    Jaarcijfers,
    Prognosestand,
    Verantwoording,
    VerantwoordingRegel,
    Winstnorm,
)

__all__ = [
    "OVEREENKOMST_LEVENSCYCLUS",
    "OVEREENKOMST_OVERGANGEN",
    "VARIANT_EENHEDEN",
    "Aanbieder",
    "Backtestuitslag",
    "Begroting",
    "Begrotingskader",
    "Combinatie",
    "Continuiteitsbudget",
    "Goedkeuring",
    "Indexatie",
    "Jaarcijfers",
    "Lumpsum",
    "LumpsumVaststelling",
    "Onderaannemer",
    "Overeenkomst",
    "OvereenkomstProduct",
    "OvereenkomstStatus",
    "Plafond",
    "Product",
    "Prognosestand",
    "Tarief",
    "Uitvoeringsvariant",
    "Verantwoording",
    "VerantwoordingRegel",
    "Winstnorm",
    "agb_validator",
    "kvk_validator",
    "productcode_validator",
]
