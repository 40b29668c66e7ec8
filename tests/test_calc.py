"""Tests of cbkpi.calc.

Every expected value is either worked out by hand in this file (the arithmetic is written in the
comment or in the expression) or is a figure printed in the source document
(../shared/source/000_8896d01fc09bea7c.txt, line numbers given). None is pasted from the
output of the code under test.
"""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from cbkpi import calc
from cbkpi.calc import (
    ALREADY_MET,
    NEGATIVE_END,
    NO_YEARS,
    NONPOSITIVE_START,
    NONPOSITIVE_TARGET_RATE,
    UNKNOWN,
    ZERO_ACTUAL,
    ZERO_TARGET,
    Figure,
    cagr,
    count_achievement,
    growth_achievement,
    implied_end_value,
    level_achievement,
    maintain_achievement,
    meets,
    milestone_achievement,
    points_reduction_achievement,
    rate_from_increase,
    rate_from_multiple,
    required_growth,
)

TIGHT = 1e-12  # relative tolerance for closed-form arithmetic
NAN = float("nan")
INF = float("inf")
# Values that are not known numbers: each must give UNKNOWN wherever a numeric input is expected.
NOT_KNOWN = [None, NAN, INF, -INF]


def assert_value(fig: Figure, expected: float, rel: float = TIGHT, abs_: float = 1e-12) -> None:
    assert fig.value is not None, fig
    assert fig.defined
    assert fig.reason is None
    assert fig.value == pytest.approx(expected, rel=rel, abs=abs_)


def assert_reason(fig: Figure, reason: str) -> None:
    assert fig.value is None
    assert not fig.defined
    assert fig.reason == reason


# --------------------------------------------------------------------------- codes and Figure


def test_code_constants() -> None:
    # The codes are part of the data contract documented in docs/methodology.md.
    assert calc.UNKNOWN == "unknown_input"
    assert calc.NO_YEARS == "no_years"
    assert calc.NONPOSITIVE_START == "nonpositive_start"
    assert calc.NEGATIVE_END == "negative_end"
    assert calc.ZERO_TARGET == "zero_target"
    assert calc.ZERO_ACTUAL == "zero_actual"
    assert calc.NONPOSITIVE_TARGET_RATE == "nonpositive_target_rate"
    assert calc.NO_DISTANCE == "no_distance"
    assert calc.ALREADY_MET == "already_met"
    assert calc.NOT_NUMERIC == "not_numeric"
    assert calc.OVERFLOW == "overflow"


def test_figure_defined_and_defaults() -> None:
    assert Figure(0.0).defined  # zero is a value, not a missing one
    assert Figure(0.0).reason is None and Figure(0.0).note is None
    assert not Figure(None, UNKNOWN).defined
    f = Figure(1.0, note=ALREADY_MET)
    assert f.defined and f.note == ALREADY_MET and f.reason is None
    with pytest.raises(AttributeError):
        f.value = 2.0  # type: ignore[misc]  # frozen


# --------------------------------------------------------------------------- cagr


def test_cagr_trade_required_rate_line_415() -> None:
    # Trade 3 bn USD in 2020 (line 77) to 4.5 bn in 2025 (line 415): (4.5/3)^(1/5) - 1
    # = 1.5^(0.2) - 1; ln 1.5 = 0.405465, /5 = 0.081093, e^0.081093 = 1.084472 -> 8.4472 %/year.
    assert_value(cagr(3, 4.5, 5), (1.5 ** (1 / 5) - 1) * 100)
    assert cagr(3, 4.5, 5).value == pytest.approx(8.4472, abs=1e-4)


def test_cagr_simple_closed_forms() -> None:
    assert_value(cagr(100, 121, 2), 10.0)  # 1.1^2 = 1.21
    assert_value(cagr(8, 27, 3), 50.0)  # (27/8)^(1/3) = 3/2
    assert_value(cagr(4, 1, 2), -50.0)  # (1/4)^(1/2) = 1/2
    assert_value(cagr(5, 5, 7), 0.0)
    assert_value(cagr(2, 0, 3), -100.0)  # an end at zero is allowed: -100 %
    assert_value(cagr(1, 3, 1), 200.0)  # one year: plain percent change
    assert_value(cagr(16, 81, 4), 50.0)  # (81/16)^(1/4) = 3/2


def test_cagr_fractional_years() -> None:
    # Half a year: (1.21)^(1/0.5) = 1.21^2 = 1.4641 -> 46.41 %
    assert_value(cagr(1, 1.21, 0.5), 46.41)


@pytest.mark.parametrize("bad", NOT_KNOWN)
def test_cagr_unknown(bad: float | None) -> None:
    assert_reason(cagr(bad, 2, 5), UNKNOWN)
    assert_reason(cagr(1, bad, 5), UNKNOWN)


@pytest.mark.parametrize("years", [0, -1, -0.5])
def test_cagr_no_years(years: float) -> None:
    assert_reason(cagr(1, 2, years), NO_YEARS)


@pytest.mark.parametrize("start", [0, -1, -1e-9])
def test_cagr_nonpositive_start(start: float) -> None:
    assert_reason(cagr(start, 2, 5), NONPOSITIVE_START)


def test_cagr_negative_end() -> None:
    assert_reason(cagr(1, -0.01, 5), NEGATIVE_END)


def test_cagr_reason_precedence() -> None:
    # unknown before years, years before start, start before end
    assert_reason(cagr(None, -1, 0), UNKNOWN)
    assert_reason(cagr(0, -1, 0), NO_YEARS)
    assert_reason(cagr(0, -1, 5), NONPOSITIVE_START)


# --------------------------------------------------------------------------- required_growth


def test_required_growth_trade() -> None:
    fig = required_growth(3, 4.5, 5)
    assert_value(fig, (1.5**0.2 - 1) * 100)
    assert fig.note is None


def test_required_growth_lower_is_better_not_met() -> None:
    # A falling target, e.g. 4 -> 1 in 2 years: (1/4)^(1/2) - 1 = -50 %/year, not yet met.
    fig = required_growth(4, 1, 2, "lower")
    assert_value(fig, -50.0)
    assert fig.note is None


def test_required_growth_already_met_higher() -> None:
    # Baseline 55 already above a target of 53: rate (53/55)^(1/5) - 1 < 0, note already_met.
    fig = required_growth(55, 53, 5)
    assert_value(fig, ((53 / 55) ** 0.2 - 1) * 100)
    assert fig.value is not None and fig.value < 0
    assert fig.note == ALREADY_MET


def test_required_growth_already_met_at_equality() -> None:
    # "maintain 15 doctors per 10,000" (line 353): 15 -> 15 is met, rate 0.
    fig = required_growth(15, 15, 5)
    assert_value(fig, 0.0)
    assert fig.note == ALREADY_MET
    fig = required_growth(15, 15, 5, "lower")
    assert_value(fig, 0.0)
    assert fig.note == ALREADY_MET


def test_required_growth_already_met_lower() -> None:
    # Lower is better, baseline 2 already under a ceiling of 3: (3/2)^(1/5) - 1 > 0, already met.
    fig = required_growth(2, 3, 5, "lower")
    assert_value(fig, (1.5**0.2 - 1) * 100)
    assert fig.note == ALREADY_MET
    # The same numbers with higher-is-better are not met.
    assert required_growth(2, 3, 5, "higher").note is None


def test_required_growth_passes_reasons_through() -> None:
    assert_reason(required_growth(None, 3, 5), UNKNOWN)
    assert_reason(required_growth(1, NAN, 5), UNKNOWN)
    assert_reason(required_growth(1, 3, 0), NO_YEARS)
    assert_reason(required_growth(0, 3, 5), NONPOSITIVE_START)
    assert_reason(required_growth(1, -3, 5), NEGATIVE_END)
    # No note on an undefined figure
    assert required_growth(0, 3, 5).note is None


# --------------------------------------------------------------------------- implied_end_value


def test_implied_end_value_trade() -> None:
    # +10 %/year from 3 bn USD (lines 77, 341): 3 * 1.1^5 = 3 * 1.61051 = 4.83153 bn > 4.5 bn.
    assert_value(implied_end_value(3, 10, 5), 4.83153)
    assert implied_end_value(3, 10, 5).value > 4.5  # type: ignore[operator]


def test_implied_end_value_closed_forms() -> None:
    assert_value(implied_end_value(100, 50, 2), 225.0)  # 100 * 1.5^2
    assert_value(implied_end_value(80, -50, 3), 10.0)  # 80 * 0.5^3
    assert_value(implied_end_value(7, 0, 10), 7.0)
    assert_value(implied_end_value(4, 125, 0.5), 6.0)  # 4 * 2.25^0.5 = 4 * 1.5


def test_implied_end_value_zero_years_is_baseline() -> None:
    assert_value(implied_end_value(42, 10, 0), 42.0)
    assert_value(implied_end_value(42, -100, 0), 42.0)
    assert_value(implied_end_value(42, -250, 0), 42.0)


@pytest.mark.parametrize("rate", [-100, -100.5, -300])
def test_implied_end_value_total_loss(rate: float) -> None:
    # A fall of 100 % or more leaves nothing after any positive time.
    assert_value(implied_end_value(42, rate, 1), 0.0)
    assert_value(implied_end_value(42, rate, 2.5), 0.0)


@pytest.mark.parametrize("bad", NOT_KNOWN)
def test_implied_end_value_unknown(bad: float | None) -> None:
    assert_reason(implied_end_value(bad, 10, 5), UNKNOWN)
    assert_reason(implied_end_value(3, bad, 5), UNKNOWN)


@pytest.mark.parametrize("years", [-1, -0.001])
def test_implied_end_value_negative_years(years: float) -> None:
    assert_reason(implied_end_value(3, 10, years), NO_YEARS)


# --------------------------------------------------------------------------- rate_from_*


def test_rate_from_increase_and_multiple_simple() -> None:
    assert_value(rate_from_increase(21, 2), 10.0)  # 1.21^(1/2) = 1.1
    assert_value(rate_from_increase(0, 5), 0.0)
    assert_value(rate_from_increase(-100, 5), -100.0)  # down 100 %: end at zero
    assert_value(rate_from_multiple(4, 2), 100.0)  # 4^(1/2) = 2
    assert_value(rate_from_multiple(1, 5), 0.0)
    assert_value(rate_from_multiple(0, 5), -100.0)


def test_rate_from_increase_source_claims() -> None:
    # Line 77, trade "up 96.5 % on 2015": 1.965^(1/5) - 1; ln 1.965 = 0.675492, /5 = 0.135098,
    # e^0.135098 = 1.144649 -> 14.4649 %/year (printed: 13 %/year).
    assert_value(rate_from_increase(96.5, 5), (1.965**0.2 - 1) * 100)
    assert rate_from_increase(96.5, 5).value == pytest.approx(14.4649, abs=1e-4)
    # Line 97, budget "up 43 %": ln 1.43 = 0.357674, /5 = 0.071535, e^.. = 1.074156 -> 7.4156 %.
    assert rate_from_increase(43, 5).value == pytest.approx(7.4156, abs=1e-4)
    # Line 99, investment "up 62 %": ln 1.62 = 0.482426, /5 = 0.096485, e^.. = 1.101293 -> 10.1293 %.
    assert rate_from_increase(62, 5).value == pytest.approx(10.1293, abs=1e-4)


def test_rate_from_multiple_industry_line_81() -> None:
    # "4.23 times 2015": ln 4.23 = 1.442202, /5 = 0.288440, e^0.288440 = 1.334345 -> 33.4345 %.
    assert_value(rate_from_multiple(4.23, 5), (4.23**0.2 - 1) * 100)
    assert rate_from_multiple(4.23, 5).value == pytest.approx(33.4345, abs=1e-4)


@pytest.mark.parametrize("bad", NOT_KNOWN)
def test_rate_from_unknown(bad: float | None) -> None:
    assert_reason(rate_from_increase(bad, 5), UNKNOWN)
    assert_reason(rate_from_multiple(bad, 5), UNKNOWN)


def test_rate_from_reasons() -> None:
    assert_reason(rate_from_increase(10, 0), NO_YEARS)
    assert_reason(rate_from_multiple(2, -1), NO_YEARS)
    assert_reason(rate_from_increase(-101, 5), NEGATIVE_END)  # below -100 %: negative end
    assert_reason(rate_from_multiple(-0.5, 5), NEGATIVE_END)


# --------------------------------------------------------------------------- meets


@pytest.mark.parametrize(
    ("actual", "target", "direction", "comparator", "expected"),
    [
        (5, 5, "higher", "over", False),
        (5.1, 5, "higher", "over", True),
        (5, 5, "higher", "at_least", True),
        (4.9, 5, "higher", "at_least", False),
        (5, 5, "higher", "at_most", True),
        (5.1, 5, "higher", "at_most", False),
        (5, 5, "higher", "under", False),
        (4.9, 5, "higher", "under", True),
        # reach = at_least where higher is better ...
        (5, 5, "higher", "reach", True),
        (6, 5, "higher", "reach", True),
        (4, 5, "higher", "reach", False),
        # ... and at_most where lower is better (line 743: natural growth 0.88 vs 0.88)
        (0.88, 0.88, "lower", "reach", True),
        (0.8, 0.88, "lower", "reach", True),
        (0.9, 0.88, "lower", "reach", False),
        # direction does not change the explicit comparators
        (6, 5, "lower", "over", True),
        (6, 5, "lower", "at_least", True),
        # any other comparator: equality within 1e-12
        (15, 15, "higher", "equal", True),
        (0.1 + 0.2, 0.3, "higher", "equal", True),
        (15, 15.01, "higher", "equal", False),
        (0, 0, "lower", "about", True),
    ],
)
def test_meets(actual: float, target: float, direction: calc.Direction, comparator: str, expected: bool) -> None:
    assert meets(actual, target, direction, comparator) is expected


# --------------------------------------------------------------------------- level_achievement


def test_level_achievement_appendix_rows() -> None:
    # Line 581-591: GRDP per capita target 33.5 million VND, result 37.2: 37.2/33.5 = 1.110448
    # -> 111.04 %, printed 111 %.
    fig = level_achievement(37.2, 33.5)
    assert_value(fig, 37.2 / 33.5 * 100)
    assert round(fig.value) == 111  # type: ignore[arg-type]
    # Line 637-641: grain 274/265 = 1.033962 -> 103.4 % printed.
    assert round(level_achievement(274, 265).value, 1) == 103.4  # type: ignore[arg-type]
    # Line 835-839: forest cover 55/53 = 1.037736 -> 103.77 % (printed 103,3 %).
    assert level_achievement(55, 53).value == pytest.approx(103.7736, abs=1e-4)
    # Line 847-851: livestock 57.7/50 = 1.154 -> 115.4 % (printed 115,3 %).
    assert_value(level_achievement(57.7, 50), 115.4)
    # Line 777-781: cultural agencies 95/90 = 1.05556 -> 105.56 % (printed 105,5 %).
    assert level_achievement(95, 90).value == pytest.approx(105.5556, abs=1e-4)


def test_level_achievement_lower_is_better_population_growth() -> None:
    # Line 743-747: natural population growth, target 0.88, result 0.88, lower is better: 100 %.
    assert_value(level_achievement(0.88, 0.88, "lower"), 100.0)
    # Below the ceiling is over-achievement: 0.88 / 0.8 = 1.1 -> 110 %.
    assert_value(level_achievement(0.8, 0.88, "lower"), 110.0)
    # Above the ceiling is under-achievement: 0.88 / 1.1 = 0.8 -> 80 %.
    assert_value(level_achievement(1.1, 0.88, "lower"), 80.0)
    # A ceiling of zero with a positive result: 0 %.
    assert_value(level_achievement(2, 0, "lower"), 0.0)


def test_level_achievement_higher_edge_values() -> None:
    assert_value(level_achievement(0, 50), 0.0)
    assert_value(level_achievement(-5, 50), -10.0)


@pytest.mark.parametrize("bad", NOT_KNOWN)
@pytest.mark.parametrize("direction", ["higher", "lower"])
def test_level_achievement_unknown(bad: float | None, direction: calc.Direction) -> None:
    assert_reason(level_achievement(bad, 5, direction), UNKNOWN)
    assert_reason(level_achievement(5, bad, direction), UNKNOWN)


@pytest.mark.parametrize("target", [0, -1])
def test_level_achievement_zero_target(target: float) -> None:
    assert_reason(level_achievement(5, target), ZERO_TARGET)


@pytest.mark.parametrize("actual", [0, -0.1])
def test_level_achievement_zero_actual_lower(actual: float) -> None:
    assert_reason(level_achievement(actual, 0.88, "lower"), ZERO_ACTUAL)


def test_level_achievement_direction_specific_reasons() -> None:
    # A zero target only matters where higher is better; a zero actual only where lower is.
    assert_reason(level_achievement(0, 0, "higher"), ZERO_TARGET)
    assert_reason(level_achievement(0, 0, "lower"), ZERO_ACTUAL)
    assert_value(level_achievement(0, 5, "higher"), 0.0)


# --------------------------------------------------------------------------- growth / points


def test_growth_achievement_appendix() -> None:
    # Line 623-627: trade, target 10 %/year, result 13 %/year: 13/10 = 130 %, printed 130%.
    assert_value(growth_achievement(13, 10), 130.0)
    # Line 611-615: budget 11/10 = 110 %, printed 110%.
    assert_value(growth_achievement(11, 10), 110.0)
    # Line 599-603: investment 10/10 = 100 %.
    assert_value(growth_achievement(10, 10), 100.0)
    # A negative achieved rate gives a negative achievement: -5/10 = -50 %.
    assert_value(growth_achievement(-5, 10), -50.0)


@pytest.mark.parametrize("bad", NOT_KNOWN)
def test_growth_achievement_unknown(bad: float | None) -> None:
    assert_reason(growth_achievement(bad, 10), UNKNOWN)
    assert_reason(growth_achievement(13, bad), UNKNOWN)
    assert_reason(points_reduction_achievement(bad, 2), UNKNOWN)
    assert_reason(points_reduction_achievement(4.12, bad), UNKNOWN)


@pytest.mark.parametrize("target_rate", [0, -1, -0.001])
def test_growth_achievement_nonpositive_target_rate(target_rate: float) -> None:
    assert_reason(growth_achievement(13, target_rate), NONPOSITIVE_TARGET_RATE)
    assert_reason(points_reduction_achievement(4.12, target_rate), NONPOSITIVE_TARGET_RATE)


def test_points_reduction_achievement_poverty() -> None:
    # Line 819-827: poverty rate down 4.12 points/year against > 2: 4.12/2 = 2.06 -> 206 %.
    assert_value(points_reduction_achievement(4.12, 2), 206.0)


# --------------------------------------------------------------------------- count_achievement


def test_count_achievement_schools() -> None:
    # Lines 681-689: at least 1 national-standard school per district per year, 13 districts
    # -> 13 per year; 86 over 5 years: 86 / (13 * 5) = 86/65 = 1.323077 -> 132.3 %, printed 132,3%.
    fig = count_achievement(86, 13, 5)
    assert_value(fig, 86 / 65 * 100)
    assert fig.value == pytest.approx(132.3077, abs=1e-4)
    assert_value(count_achievement(65, 13, 5), 100.0)
    assert_value(count_achievement(0, 13, 5), 0.0)


@pytest.mark.parametrize("bad", NOT_KNOWN)
def test_count_achievement_unknown(bad: float | None) -> None:
    assert_reason(count_achievement(bad, 13, 5), UNKNOWN)
    assert_reason(count_achievement(86, bad, 5), UNKNOWN)


@pytest.mark.parametrize("years", [0, -5])
def test_count_achievement_no_years(years: float) -> None:
    assert_reason(count_achievement(86, 13, years), NO_YEARS)


@pytest.mark.parametrize("per_year", [0, -13])
def test_count_achievement_zero_target(per_year: float) -> None:
    assert_reason(count_achievement(86, per_year, 5), ZERO_TARGET)


# --------------------------------------------------------------------------- maintain / milestone


def test_maintain_achievement() -> None:
    # Lines 711-715: doctors per 10,000, maintain 15, result 15: 100 %.
    assert_value(maintain_achievement(15, 15), 100.0)
    assert_value(maintain_achievement(12, 15), 80.0)  # 12/15
    assert_value(maintain_achievement(0.88, 0.88, "lower"), 100.0)
    assert_value(maintain_achievement(1.1, 0.88, "lower"), 80.0)  # 0.88/1.1
    assert_reason(maintain_achievement(None, 15), UNKNOWN)
    assert_reason(maintain_achievement(15, 0), ZERO_TARGET)
    assert_reason(maintain_achievement(0, 0.88, "lower"), ZERO_ACTUAL)


def test_milestone_achievement() -> None:
    assert_value(milestone_achievement(True), 100.0)
    assert_value(milestone_achievement(False), 0.0)
    assert_reason(milestone_achievement(None), UNKNOWN)


# --------------------------------------------------------------------------- properties

positive = st.floats(min_value=1e-3, max_value=1e9, allow_nan=False, allow_infinity=False)
rates = st.floats(min_value=-50, max_value=200, allow_nan=False, allow_infinity=False)
year_counts = st.integers(min_value=1, max_value=50)
directions = st.sampled_from(["higher", "lower"])


@given(baseline=positive, target=positive, years=year_counts)
def test_property_required_growth_reaches_target(baseline: float, target: float, years: int) -> None:
    # Keep the per-year factor away from zero: for a factor f, 1 + (f - 1) loses about eps/f of
    # relative precision, so a factor of 1e-12 (a 1e12-fold fall in one year) would be a false
    # failure of floating point, not of the formula.
    assume((target / baseline) ** (1 / years) >= 1e-2)
    rate = required_growth(baseline, target, years).value
    assert rate is not None
    assert baseline * (1 + rate / 100) ** years == pytest.approx(target, rel=1e-9)


@given(baseline=positive, rate=rates, years=year_counts)
def test_property_implied_end_value_cagr_round_trip(baseline: float, rate: float, years: int) -> None:
    end = implied_end_value(baseline, rate, years).value
    assert end is not None
    back = cagr(baseline, end, years).value
    assert back is not None
    assert back == pytest.approx(rate, rel=1e-9, abs=1e-9)


@given(target=positive)
def test_property_lower_is_better_equality_is_100(target: float) -> None:
    assert level_achievement(target, target, "lower").value == pytest.approx(100.0, rel=1e-12)


@given(target=positive, a=positive, b=positive)
def test_property_lower_is_better_monotone_decreasing(target: float, a: float, b: float) -> None:
    lo, hi = sorted((a, b))
    v_lo = level_achievement(lo, target, "lower").value
    v_hi = level_achievement(hi, target, "lower").value
    assert v_lo is not None and v_hi is not None
    assert v_lo >= v_hi
    if hi > lo * (1 + 1e-9):
        assert v_lo > v_hi


finite = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)


@given(start=positive, end=positive, years=year_counts, direction=directions)
def test_property_required_growth_equals_cagr(start: float, end: float, years: int, direction: str) -> None:
    fig = required_growth(start, end, years, direction)  # type: ignore[arg-type]
    assert fig.value == cagr(start, end, years).value
    met = end <= start if direction == "higher" else end >= start
    assert (fig.note == ALREADY_MET) is met
