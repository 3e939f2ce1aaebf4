# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The tender (aanbesteding) under the SAS light regime with a dialogue phase: planning,
questions and answers, sealed bids, knock-out requirements, committee scoring with
consensus, ranking with a recorded lottery, selection with a waiting room, objections.
Every score, decision and status change is kept (simple_history and the one status
history); see docs/verwerving.md."""

from __future__ import annotations

from jeugdsturing.verwerving.models.aanbesteding import (
    AANBESTEDING_LEVENSCYCLUS,
    AANBESTEDING_OVERGANGEN,
    Aanbesteding,
    AanbestedingStatus,
    Criterium,
    Eis,
    Mijlpaal,
    Perceel,
    S,
    Vraag,
)
from jeugdsturing.verwerving.models.beoordeling import (
    Beoordelaar,
    Consensus,
    Loting,
    Score,
)
from jeugdsturing.verwerving.models.dialoog import (
    AFSPRAAK_LEVENSCYCLUS,
    AFSPRAAK_OVERGANGEN,
    Afspraak,
    AfspraakStatus,
    Dialoogonderwerp,
    Dialoogronde,
    Dialoogsessie,
)
from jeugdsturing.verwerving.models.inschrijving import (
    DEELNAME_LEVENSCYCLUS,
    DEELNAME_OVERGANGEN,
    INSCHRIJVING_LEVENSCYCLUS,
    INSCHRIJVING_OVERGANGEN,
    IS,
    PERCEELPLAATS_LEVENSCYCLUS,
    PERCEELPLAATS_OVERGANGEN,
    Bewijsstuk,
    Bezwaar,
    Combinant,
    Deelname,
    Eistoets,
    Inschrijving,
    InschrijvingStatus,
    Perceelplaats,
    Toetsuitkomst,
)
from jeugdsturing.verwerving.models.verdeling import (
    Aanbod,
    Eindbod,
    Vraagraming,
)

__all__ = [
    "AANBESTEDING_LEVENSCYCLUS",
    "AANBESTEDING_OVERGANGEN",
    "AFSPRAAK_LEVENSCYCLUS",
    "AFSPRAAK_OVERGANGEN",
    "DEELNAME_LEVENSCYCLUS",
    "DEELNAME_OVERGANGEN",
    "INSCHRIJVING_LEVENSCYCLUS",
    "INSCHRIJVING_OVERGANGEN",
    "IS",
    "PERCEELPLAATS_LEVENSCYCLUS",
    "PERCEELPLAATS_OVERGANGEN",
    "Aanbesteding",
    "AanbestedingStatus",
    "Aanbod",
    "Afspraak",
    "AfspraakStatus",
    "Beoordelaar",
    "Bewijsstuk",
    "Bezwaar",
    "Combinant",
    "Consensus",
    "Criterium",
    "Deelname",
    "Dialoogonderwerp",
    "Dialoogronde",
    "Dialoogsessie",
    "Eindbod",
    "Eis",
    "Eistoets",
    "Inschrijving",
    "InschrijvingStatus",
    "Loting",
    "Mijlpaal",
    "Perceel",
    "Perceelplaats",
    "S",
    "Score",
    "Toetsuitkomst",
    "Vraag",
    "Vraagraming",
]
