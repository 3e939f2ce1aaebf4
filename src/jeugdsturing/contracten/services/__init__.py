"""Every write of contracts and money: keyword-only functions in one transaction each,
one module per subject. The rules that protect money live here (begroting.py)."""

from __future__ import annotations

from jeugdsturing.contracten.services.begroting import (
    GoedkeuringVereist,
    begroting_set,
    begrotingen_uit_inrichting,
    begrotingskader_set,
    goedkeuring_vastleggen,
    plafond_set,
)
from jeugdsturing.contracten.services.lumpsums import (
    lumpsums_uit_begroting,
    lumpsums_vaststellen,
)
from jeugdsturing.contracten.services.overeenkomsten import (
    aanbieder_create_or_update,
    combinatie_create,
    indexatie_set,
    onderaannemer_add,
    overeenkomst_create,
    overeenkomst_product_add,
    overeenkomst_status_wijzig,
    overeenkomst_verleng,
    product_create_or_update,
    tarief_add,
)
from jeugdsturing.contracten.services.verantwoording import (
    backtestuitslag_bewaar,
    jaarcijfers_set,
    verantwoording_upload,
    winstnorm_set,
)

__all__ = [
    "GoedkeuringVereist",
    "aanbieder_create_or_update",
    "backtestuitslag_bewaar",
    "begroting_set",
    "begrotingen_uit_inrichting",
    "begrotingskader_set",
    "combinatie_create",
    "goedkeuring_vastleggen",
    "indexatie_set",
    "jaarcijfers_set",
    "lumpsums_uit_begroting",
    "lumpsums_vaststellen",
    "onderaannemer_add",
    "overeenkomst_create",
    "overeenkomst_product_add",
    "overeenkomst_status_wijzig",
    "overeenkomst_verleng",
    "plafond_set",
    "product_create_or_update",
    "tarief_add",
    "verantwoording_upload",
    "winstnorm_set",
]
