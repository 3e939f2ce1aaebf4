# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Progress on an indicator (sturing/voortgang.py): hand-made cases and properties."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from jeugdsturing.sturing.voortgang import voortgang

RANG = ["verkeerde_kant", "achter", "op_koers", "behaald"]


def test_cases():
    # lower is better, baseline 2026 = 10, target 5 in 2030
    w = {2026: 10.0, 2027: 9.0, 2028: 8.5}
    v = voortgang(waarden=w, jaar=2028, richting="omlaag", nulmeting_jaar=2026,
                  streefwaarde=5, streefjaar=2030)  # fmt: skip
    assert (v.waarde, v.nulmeting, v.oordeel) == (8.5, 10.0, "achter")  # line: 7.5 in 2028
    assert v.reeks == ((2026, 10.0), (2027, 9.0), (2028, 8.5))
    v = voortgang(waarden={**w, 2028: 7.0}, jaar=2028, richting="omlaag", nulmeting_jaar=2026,
                  streefwaarde=5, streefjaar=2030)  # fmt: skip
    assert v.oordeel == "op_koers"
    v = voortgang(waarden={2026: 10.0, 2027: 4.0}, jaar=2027, richting="omlaag",
                  nulmeting_jaar=2026, streefwaarde=5, streefjaar=2030)  # fmt: skip
    assert v.oordeel == "behaald"
    v = voortgang(waarden={2026: 10.0, 2027: 12.0}, jaar=2027, richting="omlaag",
                  nulmeting_jaar=2026)  # fmt: skip
    assert v.oordeel == "verkeerde_kant"
    assert voortgang(waarden={2026: 10.0}, jaar=2027, richting="omlaag",
                     nulmeting_jaar=2026).oordeel == "geen_gegevens"  # fmt: skip


def test_a_change_against_the_baseline():
    v = voortgang(waarden={2026: 200.0, 2027: 150.0}, jaar=2027, richting="omlaag",
                  meting="verandering_pct", nulmeting_jaar=2026, streefwaarde=-30,
                  streefjaar=2034)  # fmt: skip
    assert v.reeks == ((2026, 0.0), (2027, -25.0))
    assert (v.waarde, v.nulmeting, v.oordeel) == (-25.0, 0.0, "op_koers")


def test_yes_no_without_baseline_is_judged_against_its_target_only():
    v = voortgang(waarden={2027: 1.0}, jaar=2027, richting="omhoog", streefwaarde=1)
    assert v.oordeel == "behaald"
    v = voortgang(waarden={2027: 0.0}, jaar=2027, richting="omhoog", streefwaarde=1)
    assert v.oordeel == "achter"
    assert voortgang(waarden={2027: 0.0}, jaar=2027, richting="omhoog").oordeel == "geen_norm"


waarde = st.floats(0, 1000, allow_nan=False)


@given(waarde, waarde, waarde, st.sampled_from(["omlaag", "omhoog"]), st.integers(2027, 2034))
def test_a_better_value_is_never_judged_worse(basis, a, b, richting, jaar):
    """Monotone: of two values in the same year, the better one has a judgement at
    least as good."""
    beter, slechter = (min(a, b), max(a, b)) if richting == "omlaag" else (max(a, b), min(a, b))
    streef = basis * 0.5 if richting == "omlaag" else basis * 1.5

    def oordeel(x: float) -> str:
        return voortgang(waarden={2026: basis, jaar: x}, jaar=jaar, richting=richting,
                         nulmeting_jaar=2026, streefwaarde=streef, streefjaar=2034).oordeel  # fmt: skip

    assert RANG.index(oordeel(beter)) >= RANG.index(oordeel(slechter))


@given(waarde, st.sampled_from(["omlaag", "omhoog"]))
def test_the_baseline_year_itself_is_no_progress(basis, richting):
    v = voortgang(waarden={2026: basis}, jaar=2026, richting=richting, nulmeting_jaar=2026)
    assert v.oordeel in ("verkeerde_kant", "geen_gegevens")
