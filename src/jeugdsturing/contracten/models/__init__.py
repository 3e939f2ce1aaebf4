"""Providers, contracts and money: combinations and subcontractors, contracts in the three
execution variants, products, tariffs and indexation, budgets with their approval rule,
ceilings, lump sums, provider reports and annual figures. Amounts are integer eurocent."""

from __future__ import annotations

from jeugdsturing.contracten.models.aanbieders import (
    agb_validator,
    kvk_validator,
    Aanbieder,
    Combinatie,
)
from jeugdsturing.contracten.models.overeenkomsten import (
    Uitvoeringsvariant,
    VARIANT_EENHEDEN,
    OvereenkomstStatus,
    OVEREENKOMST_OVERGANGEN,
    Overeenkomst,
    Onderaannemer,
    productcode_validator,
    Product,
    OvereenkomstProduct,
    Tarief,
    Indexatie,
    OVEREENKOMST_LEVENSCYCLUS,
)
from jeugdsturing.contracten.models.geld import (
    Begroting,
    Goedkeuring,
    Begrotingskader,
    Plafond,
    Lumpsum,
    LumpsumVaststelling,
)
from jeugdsturing.contracten.models.verantwoording import (
    Verantwoording,
    VerantwoordingRegel,
    Jaarcijfers,
    Winstnorm,
    Backtestuitslag,
)

__all__ = [
    "Aanbieder",
    "Backtestuitslag",
    "Begroting",
    "Begrotingskader",
    "Combinatie",
    "Goedkeuring",
    "Indexatie",
    "Jaarcijfers",
    "Lumpsum",
    "LumpsumVaststelling",
    "OVEREENKOMST_LEVENSCYCLUS",
    "OVEREENKOMST_OVERGANGEN",
    "Onderaannemer",
    "Overeenkomst",
    "OvereenkomstProduct",
    "OvereenkomstStatus",
    "Plafond",
    "Product",
    "Tarief",
    "Uitvoeringsvariant",
    "VARIANT_EENHEDEN",
    "Verantwoording",
    "VerantwoordingRegel",
    "Winstnorm",
    "agb_validator",
    "kvk_validator",
    "productcode_validator",
]
