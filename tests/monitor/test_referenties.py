# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The benchmark's hand-written DuckDB and pandas implementations agree exactly with the
engine: on every hand-computed case of the indicator table at once, and on a simulated
region. (So the benchmark compares like with like, and a change to a definition that is
not made in all three fails here.)"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import polars as pl
from benchmarks.indicators import referentie_duckdb, referentie_pandas
from benchmarks.indicators.vergelijk import verschillen

from jeugdsturing.monitor.indicatoren import bereken, perioden
from jeugdsturing.monitor.werkdagen import feestdagen_tussen
from tests.monitor.test_indicatoren import GEVALLEN, frame, traj, verl


def alle_gevallen() -> tuple[pl.DataFrame, pl.DataFrame]:
    """Every case of the table as its own provider, with its own clients."""
    rijen: list[dict[str, Any]] = []
    for n, (_, gevallen, _, _) in enumerate(GEVALLEN):
        for r in gevallen:
            rijen.append({**r, "id": n * 100 + r["id"], "client": f"{n}-{r['client']}",
                          "aanbieder": f"P{n:02d}"})  # fmt: skip
    t = frame(*rijen)
    v = verl((1, date(2027, 4, 1)), (201, date(2027, 8, 1)), (201, date(2028, 1, 2)))
    return t, v


def vergelijk(t: pl.DataFrame, v: pl.DataFrame, van: date, tot: date) -> None:
    pp = perioden(van, tot, "maand")
    feest = feestdagen_tussen(date(van.year - 50, 1, 1), date(tot.year + 50, 12, 31))
    bevolking = pl.DataFrame({"gemeente": ["0362"], "jongeren_0_17": [4000]})
    engine = bereken(t, v, pp, ["aanbieder"], bevolking=bevolking, afronden=False)
    assert engine.height > 0
    for naam, ref in (
        ("duckdb", referentie_duckdb.bereken(t, v, pp, feest, 4000)),
        ("pandas", referentie_pandas.bereken(t, v, pp, feest, 4000)),
    ):
        assert verschillen(engine, ref, naam) == []


def test_references_agree_on_every_case_of_the_table():
    t, v = alle_gevallen()
    vergelijk(t, v, date(2027, 1, 1), date(2027, 12, 31))


def test_references_agree_on_random_trajectories():
    import random

    rng = random.Random(7)
    rijen = []
    basis = date(2025, 1, 1)
    for i in range(1, 600):
        begin = basis + timedelta(days=rng.randrange(900))
        eind = None if rng.random() < 0.3 else begin + timedelta(days=rng.randrange(300))
        verzoek = begin - timedelta(days=rng.randrange(10, 80)) if rng.random() < 0.5 else None
        rijen.append(traj(
            i, client=f"c{rng.randrange(250)}", aanbieder=f"P{rng.randrange(5)}",
            categorie=rng.choice(["43", "44", "45", "46"]), begindatum=begin, einddatum=eind,
            reden=rng.choice(["31", "31", "32", "36", None]) if eind else None,
            verzoekdatum=verzoek,
            toewijzingsdatum=(verzoek + timedelta(days=rng.randrange(12))) if verzoek else begin - timedelta(days=20),
            start_gemeld_op=begin + timedelta(days=rng.randrange(12)),
            stop_gemeld_op=(eind + timedelta(days=rng.randrange(12))) if eind else None,
        ))  # fmt: skip
    v = verl(
        *[(rng.randrange(1, 600), basis + timedelta(days=rng.randrange(900))) for _ in range(80)]
    )
    vergelijk(frame(*rijen), v, date(2026, 1, 1), date(2026, 12, 31))
