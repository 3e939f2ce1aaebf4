# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Year-end forecasts as pure functions over plain frames (docs/prognose.md).

A forecast is made at month m of year Y, on what is known on the peildatum: the 15th
of month m+1, when the claims (JW323) for care month m are in. Realisation is the
claimed amount for care months 1..m minus the claims rejected (JW325) by then.

Methods:
- ``naief``: year-to-date x 12 / m.
- ``seizoen``: year-to-date scaled by the seasonal weight of the remaining months, with
  a seasonal index of the region's earlier years (ratio to a moving average).
- ``pijplijn`` (PxQ): year-to-date + the expected claims of the trajectories running
  on the peildatum over the remaining months (monthly amount from the assignment's
  volume, frequency and tariff, times the chance the trajectory is still running given
  that it came through month m, from a Kaplan-Meier curve of earlier durations, times
  the month's seasonal index and the share of the planned volume providers claim)
  + the expected claims of new inflow (each start of the past 24 months a template
  with its own product, curve and amount; more in month m+1 when more children wait
  for their start than usual).
``pijplijn_ruis`` gives the variance chance alone causes under that model: the noise
floor the backtest reports.
- ``combinatie``: the mean of ``seizoen`` and ``pijplijn`` (their errors are partly
  independent, so the mean is often better than either).

The interval comes from the method's own errors in earlier years of the region when
there are any (the 10th and 90th percentile of actual / forecast); otherwise from
the spread of the monthly amounts so far (see docs/prognose.md)."""

from __future__ import annotations

from jeugdsturing.contracten.prognose.basis import (
    INSTROOM_MAANDEN,
    METHODE_NAMEN,
    METHODEN,
    MIN_CURVE,
    PER_MAAND,
    WACHT_MAANDEN,
    Z80,
    Claim,
    Prognose,
    TrajectRegel,
    maand_index,
    peildatum,
)
from jeugdsturing.contracten.prognose.methoden import (
    gerealiseerd_per_maand,
    interval,
    kaplan_meier,
    kwantiel,
    maandbedrag,
    naief,
    seizoen,
    seizoensindex,
)
from jeugdsturing.contracten.prognose.pijplijn import (
    PijplijnInvoer,
    pijplijn_rest,
    pijplijn_ruis,
)
from jeugdsturing.contracten.prognose.stand import (
    Stand,
    stand_op,
)
from jeugdsturing.contracten.prognose.voorspelling import (
    alle_voorspellingen,
    bereken,
    mape,
    ruis_per_sleutel,
    sleutels,
    voorspel,
)

__all__ = [
    "INSTROOM_MAANDEN",
    "METHODEN",
    "METHODE_NAMEN",
    "MIN_CURVE",
    "PER_MAAND",
    "WACHT_MAANDEN",
    "Z80",
    "Claim",
    "PijplijnInvoer",
    "Prognose",
    "Stand",
    "TrajectRegel",
    "alle_voorspellingen",
    "bereken",
    "gerealiseerd_per_maand",
    "interval",
    "kaplan_meier",
    "kwantiel",
    "maand_index",
    "maandbedrag",
    "mape",
    "naief",
    "peildatum",
    "pijplijn_rest",
    "pijplijn_ruis",
    "ruis_per_sleutel",
    "seizoen",
    "seizoensindex",
    "sleutels",
    "stand_op",
    "voorspel",
]
