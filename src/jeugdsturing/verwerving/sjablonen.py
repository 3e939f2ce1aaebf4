# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Standard sets a team starts a tender from: the knock-out requirements of seed 002
sections 5.6.1 and 5.6.2, its award criteria (the vision questions) with a 0-10 scale
with descriptors, and the dialogue topics of seed 000 section 4.2.3 and seed 002. The
demo tender uses them; the setup page copies them into a new tender, after which they
can be changed like any other requirement, criterion or topic."""

from __future__ import annotations

from decimal import Decimal

EISEN = [
    ("BIO", "uitsluiting", "Integriteit (Beleidsregel Integriteit in Overeenkomsten) en "
                           "gedragsverklaring aanbesteden"),
    ("BELAST", "uitsluiting", "Verklaring betalingsgedrag belastingen en sociale premies"),
    ("PERS", "geschiktheid", "Voldoende gekwalificeerd en integer personeel"),
    ("WNT", "geschiktheid", "Wet normering topinkomens"),
    ("GOV", "geschiktheid", "Governancecode zorg en financiële stabiliteit"),
    ("JIJ", "geschiktheid", "Werken volgens het JIJ-kader van de IGJ"),
    ("AVG", "geschiktheid", "Privacyreglement en AVG"),
    ("KWAL", "geschiktheid", "Kwaliteitscertificaat bij start (of certificering binnen "
                             "3 + 6 maanden)"),
    ("VERZ", "geschiktheid", "Beroeps- en bedrijfsaansprakelijkheidsverzekering"),
    ("TECH", "geschiktheid", "Technische bekwaamheid: ervaringsdeskundigheid, taakgericht "
                             "werken, substantieel deel"),
]  # fmt: skip
CRITERIA = [
    ("V1", "Visie op de opdracht en de beweging van de jeugdvisie", 40, Decimal("5.5")),
    ("V2", "Samenwerking en partnerschap met gemeenten en kernpartners", 25, None),
    ("V3", "Gebiedsgericht werken", 20, None),
    ("V4", "Efficiëntie bij schaarste aan middelen en personeel", 15, None),
]
SCHAAL = {
    "0": "ontbreekt",
    "4": "onvoldoende",
    "6": "voldoende",
    "8": "goed",
    "10": "uitstekend",
}
ONDERWERPEN_000 = [
    "Zorgcontinuïteit", "Jeugdhulp aan jongvolwassenen, de overgang naar volwassenheid",
    "Het bieden van jeugdhulp dichtbij de leefwereld", "Samenwerking formele en informele zorg",
    "Bekostiging, (winst)marges en budgetplafond", "Acceptatieplicht", "Zorginnovatie",
    "Samenwerking met verwijzers", "Wachtlijst/wachttijden", "Specifieke doelgroepen",
    "Keuzevrijheid", "Contractuele voorwaarden", "De (verschillen in) de toegang per gemeente",
    "Crisis en beschikbaarheid bedden", "Jeugdhulp gecombineerd met buitenschoolse opvang",
    "Invullen samenwerking", "Kwaliteitsafspraken en afspraken over monitoren en sturen",
    "De samenwerking tussen onderwijs en jeugdhulp",
]  # fmt: skip
ONDERWERPEN_002 = [("DEK", "Dekking"), ("VER", "Verdeling"), ("SAM", "Samenwerking")]
