# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Dutch number and amount input (weergave/invoer.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jeugdsturing.weergave.invoer import Invoerfout, lees_bedrag, lees_getal


@pytest.mark.parametrize(
    ("tekst", "eurocent"),
    [
        ("21.000.000", 2_100_000_000),
        ("21000000", 2_100_000_000),
        ("€ 21.000.000,00", 2_100_000_000),
        ("€\u00a01.234,56", 123_456),
        ("-1.234,5", -123_450),
        ("0,05", 5),
        (" 7 ", 700),
    ],
)
def test_dutch_amounts(tekst, eurocent):
    assert lees_bedrag(tekst) == eurocent


@pytest.mark.parametrize(
    ("tekst", "fout"),
    [
        ("", "vul een getal in"),
        ("1234.56", "niet eenduidig"),
        ("1.23.456", "geen getal"),
        ("21 miljoen", "geen getal"),
        ("1,234", None),  # a valid number, but three decimals are not an amount
    ],
)
def test_refusals_say_what_was_typed(tekst, fout):
    with pytest.raises(Invoerfout) as e:
        lees_bedrag(tekst, "Bedrag")
    assert str(e.value).startswith("Bedrag: ")
    assert fout is None or fout in str(e.value)
    assert "class" not in str(e.value)


def test_numbers_and_percentages():
    assert lees_getal("12,5%") == Decimal("12.5")
    assert lees_getal("1.000,25") == Decimal("1000.25")


@given(st.integers(-(10**12), 10**12))
def test_every_amount_written_the_dutch_way_reads_back(cent):
    euro, rest = divmod(abs(cent), 100)
    tekst = ("-" if cent < 0 else "") + f"{euro:,}".replace(",", ".") + f",{rest:02d}"
    assert lees_bedrag(tekst) == cent
    assert lees_bedrag("€ " + tekst) == cent


def test_amounts_are_shown_one_dutch_way():
    from jeugdsturing.weergave.templatetags.bedragen import euro

    assert euro(123_456_789) == "€\u00a01.234.567,89"
    assert euro(-29_281_915) == "€\u00a0-292.819,15"  # not "-€ 292.819,15"
    assert euro(5) == "€\u00a00,05"
    assert euro(None) == "–"


@given(st.integers(-(10**12), 10**12))
def test_a_shown_amount_reads_back_as_the_same_amount(cent):
    from jeugdsturing.weergave.templatetags.bedragen import euro

    assert lees_bedrag(euro(cent)) == cent


def test_dates_as_a_date_field_sends_them():
    from datetime import date

    from jeugdsturing.weergave.invoer import lees_datum

    assert lees_datum("2028-02-29", "Datum") == date(2028, 2, 29)
    for tekst in ("2028-02-31", "1-1-2027", "", "morgen"):
        with pytest.raises(Invoerfout, match=f"Datum: '{tekst}' is geen datum"):
            lees_datum(tekst, "Datum")
