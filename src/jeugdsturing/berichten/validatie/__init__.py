# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Validation in layers, before anything is stored:

1. well-formed XML of a known message type and namespace (:func:`bepaal_type`);
2. the official XSD, when a schema directory is configured (:func:`xsd_controle`);
3. built-in checks that always apply (:func:`eigen_controles`): BerichtCode matches the
   type, real dates, codes in the code lists, known gemeente, 8-digit AGB code,
   Einddatum not before Ingangsdatum/Begindatum, amounts as whole eurocent.

Every function here is pure: the reference data comes in as :class:`Referentie`."""

from __future__ import annotations

from jeugdsturing.berichten.validatie.controles import (
    _BEDRAG,
    _BERICHTCODE,
    _CATEGORIE,
    _CODE,
    _DATUM,
    _EINDE,
    _PARTIJ,
    _SOORTEN,
    _VERWIJZER,
    DATUMS,
    GECONTROLEERD,
    _eisen,
    _snel,
    _tags,
    eigen_controles,
    valideer,
)
from jeugdsturing.berichten.validatie.kop import (
    BEDRAGEN,
    CODELIJST_VAN,
    PERIODES,
    Gevalideerd,
    Header,
    Referentie,
    bepaal_type,
    lees_header,
    xsd_controle,
)

__all__ = [
    "BEDRAGEN",
    "CODELIJST_VAN",
    "DATUMS",
    "GECONTROLEERD",
    "PERIODES",
    "_BEDRAG",
    "_BERICHTCODE",
    "_CATEGORIE",
    "_CODE",
    "_DATUM",
    "_EINDE",
    "_PARTIJ",
    "_SOORTEN",
    "_VERWIJZER",
    "Gevalideerd",
    "Header",
    "Referentie",
    "_eisen",
    "_snel",
    "_tags",
    "bepaal_type",
    "eigen_controles",
    "lees_header",
    "valideer",
    "xsd_controle",
]
