"""Issue 12, extremes: helpers that keep huge or non-finite figures printable and JSON strict."""

from __future__ import annotations

import math
from decimal import Decimal

from cbkpi.audit import round_half_up
from cbkpi.i18n import format_axis, format_decimal
from cbkpi.numbers import data_number, json_float


def test_json_float_never_returns_a_non_finite_number() -> None:
    assert json_float(math.inf) is None
    assert json_float(-math.inf) is None
    assert json_float(math.nan) is None
    assert json_float(1.23456789) == 1.234568  # rounded to 6 decimals


def test_data_number_keeps_json_strict() -> None:
    assert data_number(Decimal("7.50")) == 7.5
    assert data_number(Decimal("111")) == 111


def test_format_decimal_prints_the_digits_written() -> None:
    # A float would print 1.12345678901234569124767404 (its binary approximation).
    assert format_decimal(Decimal("1.12345678901234567890123456"), "vi") == "1,12345678901234567890123456"
    # 1.0e+100 is 1 followed by 100 zeros: 34 groups of three after the leading "10".
    assert format_decimal(Decimal("1.0e+100"), "en") == "10" + ",000" * 33


def test_format_axis_switches_to_scientific_notation_from_1e12() -> None:
    assert format_axis(1650.0, "vi") == "1.650,00"
    assert format_axis(9.09e295, "vi") == "9,09e+295"
    assert format_axis(1.0e12, "en") == "1.00e+12"


def test_round_half_up_holds_every_digit() -> None:
    # 1.0e+31 to 26 decimals needs 32 + 26 digits: more than the default context's 28.
    assert round_half_up(1.0e31, 26) == Decimal("1" + "0" * 31 + "." + "0" * 26)
    assert round_half_up(2.345, 2) == Decimal("2.35")  # repr 2.345, half up
