# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Which gebied a client belongs to: whole gemeenten, or Amsterdam stadsdelen by postcode."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jeugdsturing.regio.models import Regio
from jeugdsturing.regio.selectors import GebiedIndex, gebied_index


@pytest.fixture
def index(db) -> GebiedIndex:
    return gebied_index(regio=Regio.objects.get(code="JZ13"))


@pytest.mark.parametrize(
    ("gemeente", "postcode", "gebied"),
    [
        ("0363", "1012AB", "AMS-CZ"),  # Dam
        ("0363", "1077", "AMS-CZ"),  # Zuid
        ("0363", "1013 KL", "AMS-W"),  # Spaarndammerbuurt
        ("0363", "1064", "AMS-NW"),  # Slotermeer
        ("0363", "1032", "AMS-N"),
        ("0363", "1019", "AMS-O"),  # Oostelijk Havengebied
        ("0363", "1087", "AMS-O"),  # IJburg
        ("0363", "1102", "AMS-ZOW"),  # Bijlmer
        ("0363", "1382", "AMS-ZOW"),  # Weesp
        ("0384", "1111", "DUO"),  # Diemen
        ("0437", None, "DUO"),  # Ouder-Amstel: whole gemeente, no postcode needed
        ("0358", "1431", "AA"),  # Aalsmeer
        ("0363", "1005", None),  # PO boxes: no gebied
        ("0363", None, None),  # Amsterdam without a postcode: unknown
        ("0363", "ABCD", None),
        ("0392", "2011", None),  # Haarlem: not in the region
    ],
)
def test_locate(index, gemeente, postcode, gebied):
    assert index.locate(gemeente, postcode) == gebied


@given(st.integers(min_value=1011, max_value=1109))
def test_every_amsterdam_residential_postcode_has_one_gebied(pc):
    # Built without the database so hypothesis can run many examples cheaply.
    idx = GebiedIndex(
        whole={},
        ranges={"0363": sorted(RANGES)},
    )
    matches = [g for van, tot, g in RANGES if van <= pc <= tot]
    assert len(matches) == 1
    assert idx.locate("0363", f"{pc}") == matches[0]


RANGES = [
    (1011, 1012, "AMS-CZ"), (1015, 1018, "AMS-CZ"), (1059, 1059, "AMS-CZ"), (1070, 1083, "AMS-CZ"),
    (1060, 1069, "AMS-NW"), (1013, 1014, "AMS-W"), (1040, 1058, "AMS-W"), (1020, 1039, "AMS-N"),
    (1019, 1019, "AMS-O"), (1084, 1099, "AMS-O"), (1100, 1109, "AMS-ZOW"), (1380, 1384, "AMS-ZOW"),
]  # fmt: skip


def test_ranges_in_test_match_configuration(index):
    assert sorted(index.ranges["0363"]) == sorted(RANGES)
