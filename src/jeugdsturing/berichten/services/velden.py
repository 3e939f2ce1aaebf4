# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""What the import's writes share: keys of trajectories, the import lock, and the column
lists of the bulk writes (berichten/sql.py) in the order of the rows the import builds."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date
from typing import Any

from django.db import connection

from jeugdsturing.berichten import models as m
from jeugdsturing.berichten.feiten import Product

GebiedVoor = Callable[[str, str | None], str]  # (gemeente, postcode) -> gebied code or ""
ACCEPTATIE = "0200"  # WJ001: no remark on this class
IMPORT_LOCK = 7_417_001  # PostgreSQL advisory lock: one import applies at a time


def sleutel_toewijzing(gemeente: str, nummer: str) -> str:
    return f"T|{gemeente}|{nummer}"


def sleutel_taakgericht(
    gemeente: str, aanbieder: str, client: str, product: Product | None, begindatum: date
) -> str:
    cat, code = (product.categorie, product.code) if product else ("", "")
    return f"K|{gemeente}|{aanbieder}|{client}|{cat}|{code}|{begindatum.isoformat()}"


def per_gemeente(per_paar: dict[tuple[str, str], set[str]]) -> dict[str, set[str]]:
    """{(gemeente, aanbieder): refs} -> {gemeente: refs}: one query per gemeente instead of
    one per gemeente-provider pair; the rows are matched to their pair afterwards."""
    result: dict[str, set[str]] = defaultdict(set)
    for (g, _), refs in per_paar.items():
        result[g] |= refs
    return result


def importslot() -> None:
    """PostgreSQL: one import writes at a time (held until the transaction ends). SQLite
    has a single writer of its own."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK])


def velden_van(model: type[Any], skip: tuple[str, ...] = ("id",)) -> list[str]:
    """Concrete field names, with FK fields by their attname (bericht_id)."""
    return [f.attname for f in model._meta.concrete_fields if f.attname not in set(skip)]


BERICHT_VELDEN = (
    "berichttype", "identificatie", "dagtekening", "afzender", "ontvanger", "gemeente",
    "aanbieder", "referentie", "sha256", "bestand", "regels", "import_run_id", "ontvangen_op",
    "retourcodes",
)  # fmt: skip


LEVERING_SLEUTEL = (
    "gemeente",
    "aanbieder",
    "client",
    "toewijzingnummer",
    "categorie",
    "productcode",
    "begindatum",
)
PRESTATIE_VELDEN = (
    "gemeente", "aanbieder", "bericht_id", "dagtekening", "client", "declaratienummer",
    "referentie", "toewijzingnummer", "categorie", "productcode", "begindatum", "einddatum",
    "volume", "eenheid", "tarief", "bedrag", "afgewezen", "retourcodes",
)  # fmt: skip
AFGEWEZEN, RETOURCODES = (
    PRESTATIE_VELDEN.index("afgewezen"),
    PRESTATIE_VELDEN.index("retourcodes"),
)


TOEWIJZING_VELDEN = tuple(velden_van(m.Toewijzing))
VERSIE_VELDEN = (
    "gemeente", "aanbieder", "bericht_id", "dagtekening", "identificatie", "nummer",
    "ingangsdatum", "einddatum",
    "reden_wijziging", "volume", "eenheid", "frequentie",
)  # fmt: skip
WIJZIGING_VELDEN = (
    "gemeente", "aanbieder", "bericht_id", "dagtekening", "client", "referentie", "reden", "soort",
    "toewijzingnummer", "categorie", "productcode", "gewenste_ingangsdatum", "einddatum",
)  # fmt: skip
ANTWOORD_VELDEN = (
    "gemeente",
    "aanbieder",
    "bericht_id",
    "dagtekening",
    "referentie",
    "antwoord",
    "reden_afwijzing",
)
DECLARATIEANTWOORD_VELDEN = (
    "gemeente", "aanbieder", "bericht_id", "dagtekening", "declaratie_identificatie",
    "declaratienummer", "totaal_ingediend", "totaal_toegekend",
)  # fmt: skip
AFWIJZING_VELDEN = (
    "gemeente",
    "aanbieder",
    "bericht_id",
    "dagtekening",
    "referentie",
    "retourcodes",
)

TRAJECT_VELDEN = (
    "sleutel", "gemeente", "aanbieder", "client", "geboortejaar", "gebied", "taakgericht",
    "toewijzingnummer", "categorie", "productcode", "verzoekdatum", "verwijzer_type",
    "toewijzingsdatum", "toewijzing_ingangsdatum", "toewijzing_einddatum", "begindatum",
    "einddatum", "reden_beeindiging", "start_gemeld_op", "stop_gemeld_op", "verlengingen", "status",
    "verwijderd_na_start",
)  # fmt: skip
