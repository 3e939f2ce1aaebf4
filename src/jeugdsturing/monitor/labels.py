# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""What the monitor's figures and columns are called on pages and in exports."""

from __future__ import annotations

from jeugdsturing.monitor.informatie import ZONDER_START_DAGEN

LABELS: dict[str, str] = {
    "clienten_in_zorg": "Cliënten in zorg",
    "instroom": "Instroom (trajecten)",
    "nieuwe_clienten": "Nieuwe cliënten",
    "uitstroom": "Uitstroom (trajecten)",
    "uitstroom_volgens_plan": "Uitstroom volgens plan",
    "uitstroom_voortijdig": "Uitstroom voortijdig",
    "uitstroom_overig": "Uitstroom overig",
    "doorlooptijd_mediaan_dagen": "Doorlooptijd mediaan (dagen)",
    "doorlooptijd_p80_dagen": "Doorlooptijd p80 (dagen)",
    "doorlooptijd_gemiddeld_dagen": "Doorlooptijd gemiddeld (dagen)",
    "wachttijd_mediaan_dagen": "Wachttijd mediaan (dagen)",
    "binnen_wachtnorm_pct": "Binnen wachtnorm (%)",
    "toegangstijd_mediaan_werkdagen": "Toegangstijd mediaan (werkdagen)",
    "verlengingen": "Verlengingen",
    "herhaald_gebruik_pct": "Herhaald gebruik (%)",
    "aandeel_verblijf_pct": "Aandeel verblijf (%)",
    "plaatsingen_per_1000": "Nieuwe plaatsingen per 1.000 jeugdigen",
    "startberichten_tijdig_pct": "Startberichten tijdig (%)",
    "stopberichten_tijdig_pct": "Stopberichten tijdig (%)",
}
# The columns behind a figure on the trajectories page, as users read them.
KOLOM_LABELS: dict[str, str] = {
    "verblijf": "Met verblijf", "nieuw": "Nieuwe cliënt", "nieuwe_plaatsing": "Nieuwe plaatsing",
    "wachtdagen": "Wachtdagen", "start_tijdig": "Startbericht op tijd",
    "uitstroomsoort": "Soort uitstroom", "duur": "Duur (dagen)",
    "stop_tijdig": "Stopbericht op tijd", "toegangswerkdagen": "Toegangstijd (werkdagen)",
    "datum": "Datum verlenging", "recidief": "Opnieuw in zorg",
}  # fmt: skip
DIMENSIE_LABELS: dict[str, str] = {
    "aanbieder": "Aanbieder", "gemeente": "Gemeente", "gebied": "Gebied", "thema": "Thema",
    "categorie": "Productcategorie", "verwijzer": "Verwijzer",
}  # fmt: skip
VERWIJZERS = {
    "01": "gemeente", "02": "huisarts", "03": "jeugdarts", "04": "gecertificeerde instelling",
    "05": "medisch specialist", "06": "rechter / OvJ", "07": "overig",
}  # fmt: skip
INFORMATIE_LABELS: dict[str, str] = {
    "startberichten_tijdig_pct": "Startberichten binnen 5 werkdagen (%)",
    "stopberichten_tijdig_pct": "Stopberichten binnen 5 werkdagen (%)",
    "toewijzingen_zonder_start": f"Toewijzingen zonder start na {ZONDER_START_DAGEN} dagen",
    "pxq_trajectmaanden": "Maanden met een lopend PxQ-traject",
    "pxq_zonder_declaratie": "Waarvan zonder declaratie",
    "zonder_declaratie_pct": "Trajectmaanden zonder declaratie (%)",
    "retourberichten": "Retourberichten",
    "retour_afgekeurd": "Waarvan afgekeurd",
    "retour_afgekeurd_pct": "Afgekeurde retourberichten (%)",
    "declaratieregels": "Declaratieregels",
    "declaratieregels_afgewezen": "Waarvan afgewezen",
    "afgewezen_pct": "Afgewezen declaratieregels (%)",
    "rapportages_verwacht": "Rapportages verwacht",
    "rapportages_tijdig": "Rapportages op tijd",
    "rapportages_te_laat": "Rapportages te laat",
}
# The other columns of the trajectories behind a figure (monitor.indicatoren.detail).
DETAIL_LABELS: dict[str, str] = {
    "id": "Traject", "client": "Cliënt (pseudoniem)", "productcode": "Productcode",
    "verzoekdatum": "Verzoekdatum", "toewijzingsdatum": "Toewijzingsdatum",
    "begindatum": "Begindatum", "einddatum": "Einddatum", "reden": "Reden einde",
    "start_gemeld_op": "Start gemeld op", "stop_gemeld_op": "Stop gemeld op",
    "periode_van": "Periode van", "periode_tot": "Periode tot en met",
}  # fmt: skip


def kop(veld: str) -> str:
    """The Dutch column header of a field of the monitor's rows."""
    for tabel in (LABELS, INFORMATIE_LABELS, DIMENSIE_LABELS, KOLOM_LABELS, DETAIL_LABELS):
        if veld in tabel:
            return tabel[veld]
    return veld.replace("_", " ").capitalize()
