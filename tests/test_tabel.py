# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Long tables sorted and paged on the server (weergave/tabel.py)."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

from django.test import RequestFactory
from hypothesis import given
from hypothesis import strategies as st

from jeugdsturing.weergave.tabel import Kolom, tabel

KOLOMMEN = [Kolom("naam", "Naam"), Kolom("bedrag", "Bedrag", getal=True)]
RIJEN: list[dict[str, Any]] = [
    {"naam": "b", "bedrag": 5},
    {"naam": "A", "bedrag": None},
    {"naam": "c", "bedrag": 9},
]


def _tabel(query: str, **kw):
    return tabel(RequestFactory().get(f"/x/?{query}"), RIJEN, KOLOMMEN, standaard="naam", **kw)


def test_sorts_on_the_asked_column_with_empty_values_last_in_both_directions():
    assert [r["naam"] for r in _tabel("sorteer=bedrag").pagina] == ["b", "c", "A"]
    assert [r["naam"] for r in _tabel("sorteer=-bedrag").pagina] == ["c", "b", "A"]
    assert [r["naam"] for r in _tabel("").pagina] == ["A", "b", "c"]  # case-insensitive


def test_an_unknown_or_malformed_sort_key_falls_back_to_the_default():
    for q in ("sorteer=geheim", "sorteer=--", "sorteer=%00", "pagina=x", "pagina=-3"):
        t = _tabel(q)
        assert [r["naam"] for r in t.pagina] == ["A", "b", "c"], q


def test_header_links_keep_the_filters_and_toggle_the_direction():
    t = _tabel("gemeente=0363&sorteer=bedrag&pagina=2")
    naam, bedrag = t.koppen
    assert parse_qs(bedrag.link) == {"gemeente": ["0363"], "sorteer": ["-bedrag"]}
    assert bedrag.pijl == "▲"
    assert naam.pijl == ""
    assert parse_qs(naam.link) == {"gemeente": ["0363"], "sorteer": ["naam"]}
    assert t.extra.endswith("&")
    assert "pagina" not in t.extra
    assert "gemeente=0363" in t.extra
    # A number column sorts largest first on the first click.
    assert parse_qs(_tabel("").koppen[1].link)["sorteer"] == ["-bedrag"]


def test_a_prefix_keeps_two_tables_apart():
    t = _tabel("ssorteer=-bedrag&sorteer=naam", voorvoegsel="s")
    assert t.sorteer == "-bedrag"
    assert parse_qs(t.koppen[0].link)["sorteer"] == ["naam"]  # the other table's key stays


@given(st.lists(st.integers(0, 1000) | st.none(), max_size=120), st.integers(1, 30))
def test_paging_shows_every_row_once(bedragen, per_pagina):
    rijen = [{"naam": f"r{i}", "bedrag": b} for i, b in enumerate(bedragen)]
    rf = RequestFactory()
    gezien = []
    pagina = 1
    while True:
        t = tabel(rf.get(f"/x/?sorteer=-bedrag&pagina={pagina}"), rijen, KOLOMMEN,
                  standaard="naam", per_pagina=per_pagina)  # fmt: skip
        gezien += list(t.pagina)
        if not t.pagina.has_next():
            break
        pagina += 1
    assert sorted(r["naam"] for r in gezien) == sorted(r["naam"] for r in rijen)
    waarden = [r["bedrag"] for r in gezien if r["bedrag"] is not None]
    assert waarden == sorted(waarden, reverse=True)


def test_a_column_of_mixed_kinds_sorts_as_text():
    rijen: list[dict[str, Any]] = [
        {"naam": "a", "bedrag": 5},
        {"naam": "b", "bedrag": "x"},
        {"naam": "c", "bedrag": 10},
    ]
    t = tabel(RequestFactory().get("/x/?sorteer=bedrag"), rijen, KOLOMMEN, standaard="naam")
    assert [r["naam"] for r in t.pagina] == ["c", "a", "b"]


def test_file_names_and_message_types_as_a_user_reads_them():
    from jeugdsturing.berichten.templatetags.berichten import berichtnaam, bestandsnaam

    upload = "/tmp/jeugdsturing-upload-x1/003_maart.zip!jw/301.xml"  # noqa: S108
    assert bestandsnaam(upload) == ("maart.zip › jw/301.xml")
    assert bestandsnaam("/data/ijw/003_eigen.xml") == "003_eigen.xml"  # not an upload
    assert berichtnaam("JW301") == "JW301 Toewijzing Jeugdhulp"
    assert berichtnaam("") == "onbekend berichttype"
    assert berichtnaam("XX1") == "XX1"
