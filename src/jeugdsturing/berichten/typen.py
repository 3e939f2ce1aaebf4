# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The 14 message types of iJw 3.2: code, namespace, direction and what they answer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

NS_BASIS = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema"

Richting = Literal["gemeente->aanbieder", "aanbieder->gemeente"]


@dataclass(frozen=True)
class Berichttype:
    code: str  # JW301
    berichtcode: str  # COD002-VEKTIS: 436
    naam: str
    richting: Richting
    # A retour message (JW302, ...) repeats the header of the message it answers
    # (its Afzender, Ontvanger, BerichtIdentificatie) and adds IdentificatieRetour.
    retour_van: str | None = None
    # JW325 is a message of its own that answers a declaration (DeclaratieIdentificatie).
    antwoord_op: str | None = None

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return (berichttype, (self.code,))  # one shared object per type, also after pickling

    @property
    def header_gemeente_is_afzender(self) -> bool:
        """Is the gemeente in the header's Afzender (else in Ontvanger)?"""
        richting = BERICHTTYPEN[self.retour_van].richting if self.retour_van else self.richting
        return richting == "gemeente->aanbieder"

    @property
    def namespace(self) -> str:
        return f"http://www.istandaarden.nl/ijw/3_2/{self.code.lower()}/schema"


_G2A: Richting = "gemeente->aanbieder"
_A2G: Richting = "aanbieder->gemeente"

BERICHTTYPEN: dict[str, Berichttype] = {
    t.code: t
    for t in (
        Berichttype("JW301", "436", "Toewijzing Jeugdhulp", _G2A),
        Berichttype("JW302", "437", "Retour toewijzing", _A2G, "JW301"),
        Berichttype("JW305", "438", "Start Jeugdhulp", _A2G),
        Berichttype("JW306", "439", "Retour start", _G2A, "JW305"),
        Berichttype("JW307", "440", "Stop Jeugdhulp", _A2G),
        Berichttype("JW308", "441", "Retour stop", _G2A, "JW307"),
        Berichttype("JW315", "446", "Verzoek om toewijzing", _A2G),
        Berichttype("JW316", "447", "Retour verzoek om toewijzing", _G2A, "JW315"),
        Berichttype("JW317", "486", "Verzoek om wijziging", _A2G),
        Berichttype("JW318", "487", "Retour verzoek om wijziging", _G2A, "JW317"),
        Berichttype("JW319", "488", "Antwoord op verzoek", _G2A),
        Berichttype("JW320", "489", "Retour antwoord", _A2G, "JW319"),
        Berichttype("JW323", "490", "Declaratie", _A2G),
        Berichttype("JW325", "491", "Declaratie-antwoord", _G2A, antwoord_op="JW323"),
    )
}

BY_NAMESPACE = {t.namespace: t for t in BERICHTTYPEN.values()}


def berichttype(code: str) -> Berichttype:
    return BERICHTTYPEN[code]
