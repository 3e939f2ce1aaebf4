# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Every write of the tender, one module per step (docs/verwerving.md): keyword-only
functions, each in one transaction, each checking the rule it is about and saying in Dutch
what is wrong. Reads are in verwerving/selectors.py."""

from __future__ import annotations

from jeugdsturing.verwerving.services.beoordeling import (
    beoordelaar_trek_verklaring_in,
    beoordelaar_verklaar,
    consensus_pas_aan,
    consensus_stel_vast,
    score_geef,
    scores_dien_in,
)
from jeugdsturing.verwerving.services.dekking import (
    verdeling_maak,
    vraagraming_verwijder,
    vraagraming_zet,
    vraagramingen_neem_over,
)
from jeugdsturing.verwerving.services.dialoog import (
    afspraak_leg_vast,
    afspraak_status_wijzig,
    dialoogonderwerp_maak,
    dialoogronde_maak,
    dialoogsessie_houd,
)
from jeugdsturing.verwerving.services.fase import (
    aanbesteding_status_wijzig,
)
from jeugdsturing.verwerving.services.gunning import (
    eindbod_geef,
    gunning_maak_definitief,
    gunning_maak_voorlopig,
)
from jeugdsturing.verwerving.services.inrichting import (
    ONDERDELEN,
    aanbesteding_bewaar,
    beoordelaar_benoem,
    criterium_voeg_toe,
    eis_voeg_toe,
    mijlpaal_voeg_toe,
    onderdeel_verwijder,
    perceel_voeg_toe,
    sjabloon_neem_over,
    termijn_verleng,
)
from jeugdsturing.verwerving.services.inschrijving import (
    bewijsstuk_verwijder,
    bewijsstuk_voeg_toe,
    combinant_beantwoord,
    inschrijving_dien_in,
    inschrijving_wijzig,
)
from jeugdsturing.verwerving.services.selectie import (
    bezwaar_dien_in,
    bezwaar_handel_af,
    nieuw_zaad,
    rangschikking_stel_vast,
    selectie_maak_bekend,
    uitval_verwerk,
)
from jeugdsturing.verwerving.services.toetsing import (
    beoordelaar_wijs_toe,
    eis_toets,
)
from jeugdsturing.verwerving.services.vragen import (
    nota_publiceer,
    vraag_beantwoord,
    vraag_stel,
)

__all__ = [
    "ONDERDELEN",
    "aanbesteding_bewaar",
    "aanbesteding_status_wijzig",
    "afspraak_leg_vast",
    "afspraak_status_wijzig",
    "beoordelaar_benoem",
    "beoordelaar_trek_verklaring_in",
    "beoordelaar_verklaar",
    "beoordelaar_wijs_toe",
    "bewijsstuk_verwijder",
    "bewijsstuk_voeg_toe",
    "bezwaar_dien_in",
    "bezwaar_handel_af",
    "combinant_beantwoord",
    "consensus_pas_aan",
    "consensus_stel_vast",
    "criterium_voeg_toe",
    "dialoogonderwerp_maak",
    "dialoogronde_maak",
    "dialoogsessie_houd",
    "eindbod_geef",
    "eis_toets",
    "eis_voeg_toe",
    "gunning_maak_definitief",
    "gunning_maak_voorlopig",
    "inschrijving_dien_in",
    "inschrijving_wijzig",
    "mijlpaal_voeg_toe",
    "nieuw_zaad",
    "nota_publiceer",
    "onderdeel_verwijder",
    "perceel_voeg_toe",
    "rangschikking_stel_vast",
    "score_geef",
    "scores_dien_in",
    "selectie_maak_bekend",
    "sjabloon_neem_over",
    "termijn_verleng",
    "uitval_verwerk",
    "verdeling_maak",
    "vraag_beantwoord",
    "vraag_stel",
    "vraagraming_verwijder",
    "vraagraming_zet",
    "vraagramingen_neem_over",
]
