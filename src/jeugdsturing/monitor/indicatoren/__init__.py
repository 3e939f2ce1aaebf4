# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The indicator engine: pure functions over Polars frames (docs/indicatoren.md).

Input is a frame of trajectories (TRAJECT_SCHEMA, built by `monitor.selectors`), a frame
of extension events (VERLENGING_SCHEMA) and the population aged 0-17 per gemeente. No
ORM in here: frames in, frames out, so every definition can be tested with a small table.

Each indicator family is one *event frame*: the trajectories that count for it, each
with the index of the period its event falls in (`k`) and the values it contributes.
The aggregates group these frames; the drill-down (`achterliggend`) filters the very
same frames, so a figure and the list behind it can never disagree.
"""

from __future__ import annotations

from jeugdsturing.monitor.indicatoren.berekenen import (
    bereken,
)
from jeugdsturing.monitor.indicatoren.detail import (
    ACHTER,
    DETAIL_KOLOMMEN,
    WAARDE_KOLOM,
    achterliggend,
    in_zorg_op,
    verlengingsmomenten,
)
from jeugdsturing.monitor.indicatoren.gebeurtenissen import (
    Familie,
    gebeurtenissen,
)
from jeugdsturing.monitor.indicatoren.schema import (
    AANTALLEN,
    BLOK,
    DAG_OFFSET,
    DIMENSIES,
    ENGINE,
    GEPLAND,
    HULPKOLOMMEN,
    INDICATOREN,
    KALENDER_JAREN,
    MAANDEN_PER,
    NOEMERS,
    NORMEN,
    ONBEGONNEN,
    OPTELBAAR,
    TELLERS,
    TRAJECT_SCHEMA,
    UITVAL,
    VER,
    VERBLIJF,
    VERLENGING_SCHEMA,
    Indeling,
    Normen,
    Periode,
    lege_trajecten,
    lege_verlengingen,
    perioden,
)
from jeugdsturing.monitor.indicatoren.verrijken import (
    verrijk,
)

__all__ = [
    "AANTALLEN",
    "ACHTER",
    "BLOK",
    "DAG_OFFSET",
    "DETAIL_KOLOMMEN",
    "DIMENSIES",
    "ENGINE",
    "GEPLAND",
    "HULPKOLOMMEN",
    "INDICATOREN",
    "KALENDER_JAREN",
    "MAANDEN_PER",
    "NOEMERS",
    "NORMEN",
    "ONBEGONNEN",
    "OPTELBAAR",
    "TELLERS",
    "TRAJECT_SCHEMA",
    "UITVAL",
    "VER",
    "VERBLIJF",
    "VERLENGING_SCHEMA",
    "WAARDE_KOLOM",
    "Familie",
    "Indeling",
    "Normen",
    "Periode",
    "achterliggend",
    "bereken",
    "gebeurtenissen",
    "in_zorg_op",
    "lege_trajecten",
    "lege_verlengingen",
    "perioden",
    "verlengingsmomenten",
    "verrijk",
]
