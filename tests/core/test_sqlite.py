# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Dates through SQLite: the cached converter and adapter give what Django's give."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from django.utils.dateparse import parse_date


def _rondje(value: object) -> object:
    db = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES)
    db.execute("CREATE TABLE t (d date, s text)")
    db.execute("INSERT INTO t VALUES (?, ?)", (value, value))
    return db.execute("SELECT d, s FROM t").fetchone()


def test_dates_are_written_as_iso_text_and_read_as_dates():
    for d in (date(2026, 1, 1), date(2028, 2, 29), date(1, 1, 1)):
        for _ in range(2):  # the second time from the caches
            assert _rondje(d) == (d, d.isoformat())
    assert sqlite3.adapters[(date, sqlite3.PrepareProtocol)].cache_info().hits > 0  # type: ignore[attr-defined]


def test_the_converter_is_djangos_parse_date():
    convert = sqlite3.converters["DATE"]
    assert hasattr(convert, "cache_info")  # registered by jeugdsturing.core
    for raw in (b"2026-06-30", b"2026-6-3"):
        assert convert(raw) == parse_date(raw.decode())
    with pytest.raises(ValueError, match="day is out of range"):
        convert(b"2027-06-31")  # refused every time: exceptions are not cached
    with pytest.raises(ValueError, match="day is out of range"):
        convert(b"2027-06-31")
