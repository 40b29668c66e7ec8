"""Tests of cbkpi.pace: paces in each indicator's own terms, implied end levels, term averages.

Every expected value is worked out by hand in this file (the arithmetic is in the comment or the
expression) or is a figure printed in the source document / the research notes; none is pasted
from the output of the code under test.
"""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from cbkpi.calc import ALREADY_MET, NO_YEARS, OVERFLOW, UNKNOWN, Figure
from cbkpi.i18n import NumberFormatError
from cbkpi.pace import (
    BELOW_ZERO,
    CUMULATIVE,
    NONPOSITIVE_INDEX,
    PCT_PER_YEAR,
    PP_PER_YEAR,
    TOO_MANY_YEARS,
    UNITS_PER_YEAR,
    Pace,
    arithmetic_mean_rate,
    average_yearly_count,
    geometric_mean_rate,
    implied_count_end,
    implied_end,
    implied_linear_end,
    implied_points_reduction_end,
    linear_pace,
    observed_pace,
    pace_unit,
    parse_signed_number,
    remaining_average_rate,
    required_pace,
    shield_negative_numbers,
    term_average,
)

NOT_KNOWN = [None, float("nan"), float("inf"), -float("inf")]
# GRDP growth of Cao Bằng 2021..2025 as quoted in ../shared/research/cao-bang-2021-2025.md
# (2,24 % and 6,74 % and 7,22 % are quoted there; the brief gives the full series).
GRDP_RATES = [3.33, 5.04, 2.24, 6.74, 7.22]


def value(fig: Figure) -> float:
    assert fig.value is not None, fig
    assert fig.reason is None
    return fig.value


def reason(fig: Figure) -> str | None:
    assert fig.value is None, fig
    return fig.reason


# --------------------------------------------------------------------------- pace units


def test_pace_units_codes() -> None:
    assert (PP_PER_YEAR, UNITS_PER_YEAR, PCT_PER_YEAR) == ("pp_per_year", "units_per_year", "pct_per_year")


def test_pace_unit_by_kind() -> None:
    assert pace_unit("share") == "pp_per_year"  # forest cover: points a year
    assert pace_unit("points") == "pp_per_year"  # a points-per-year indicator is its own pace
    assert pace_unit("rate") == "pct_per_year"  # GRDP growth: its own yearly value
    assert pace_unit("amount") == "pct_per_year"  # money, tonnes: compound rate
    assert pace_unit("amount", "amount") == "pct_per_year"
    assert pace_unit("amount", "count") == "units_per_year"  # communes, schools
    assert pace_unit("none") is None
    assert pace_unit("share", "count") == "pp_per_year"  # measure only matters for amounts


def test_pace_is_a_figure_with_a_unit() -> None:
    p = Pace(1.0, unit=PP_PER_YEAR)
    assert isinstance(p, Figure) and p.defined and p.unit == "pp_per_year"
    with pytest.raises(AttributeError):
        p.unit = "pct_per_year"  # type: ignore[misc]  # frozen


# --------------------------------------------------------------------------- required pace


def test_forest_cover_points_a_year() -> None:
    # 55 -> 60 % in 5 years: (60 - 55) / 5 = 1.00 point a year (not 1.76 %/year compound).
    p = required_pace(55, 60, 5, PP_PER_YEAR)
    assert value(p) == pytest.approx(1.0) and p.unit == "pp_per_year" and p.note is None


def test_agriculture_share_points_a_year() -> None:
    # 21.5 -> 16.4 % of GRDP in 5 years: (16.4 - 21.5) / 5 = -5.1 / 5 = -1.02 points a year.
    p = required_pace(21.5, 16.4, 5, PP_PER_YEAR, "lower")
    assert value(p) == pytest.approx(-1.02) and p.note is None


def test_new_rural_communes_per_year() -> None:
    # 25 -> 50 communes in 5 years: (50 - 25) / 5 = 5 communes a year (not 14.87 %/year).
    p = required_pace(25, 50, 5, UNITS_PER_YEAR)
    assert value(p) == pytest.approx(5.0) and p.unit == "units_per_year"


def test_poverty_lower_is_better_needs_minus_four_points() -> None:
    # 22.07 -> 2.07 % in 5 years: (2.07 - 22.07) / 5 = -20 / 5 = -4.00 points a year.
    lower = required_pace(22.07, 2.07, 5, PP_PER_YEAR, "lower")
    assert value(lower) == pytest.approx(-4.0) and lower.note is None
    # Read as higher-is-better, 22.07 already exceeds 2.07: same arithmetic, noted as met.
    higher = required_pace(22.07, 2.07, 5, PP_PER_YEAR)
    assert value(higher) == pytest.approx(-4.0) and higher.note == ALREADY_MET


def test_compound_pace_grdp_per_capita_official_baseline() -> None:
    # 35.62 -> 60 million VND in 5 years: 60 / 35.62 = 1.684447; ln = 0.521438; / 5 = 0.104288;
    # e^0.104288 = 1.109920 -> 10.99 %/year, more than from the draft's 37.2:
    # 60 / 37.2 = 1.612903; ln = 0.478036; / 5 = 0.095607; e^0.095607 = 1.100327 -> 10.03 %/year.
    official = required_pace(35.62, 60, 5, PCT_PER_YEAR)
    draft = required_pace(37.2, 60, 5, PCT_PER_YEAR)
    assert value(official) == pytest.approx(10.99, abs=0.005)
    assert value(draft) == pytest.approx(10.03, abs=0.005)
    assert value(official) > value(draft)
    assert official.unit == "pct_per_year"


def test_compound_pace_already_met_keeps_calc_note() -> None:
    # Doctors: maintain 15 from 15: (15/15)^(1/5) - 1 = 0 %/year, already met.
    p = required_pace(15, 15, 5, PCT_PER_YEAR)
    assert value(p) == 0.0 and p.note == ALREADY_MET


def test_exactly_comparator_only_equality_is_met() -> None:
    # A share to reach exactly 16.4 from 21.5 is not met, whatever the direction.
    assert required_pace(21.5, 16.4, 5, PP_PER_YEAR, "higher", "exactly").note is None
    assert required_pace(16.4, 16.4, 5, PP_PER_YEAR, "higher", "exactly").note == ALREADY_MET


def test_required_pace_accepts_decimal() -> None:
    # Decimal("22.07") -> Decimal("2.07"), 5 years: -20 / 5 = -4
    assert value(required_pace(Decimal("22.07"), Decimal("2.07"), 5, PP_PER_YEAR, "lower")) == pytest.approx(-4.0)


@pytest.mark.parametrize("bad", NOT_KNOWN)
@pytest.mark.parametrize("unit", [PP_PER_YEAR, UNITS_PER_YEAR, PCT_PER_YEAR])
def test_pace_unknown_inputs(bad: float | None, unit: str) -> None:
    assert reason(required_pace(bad, 1, 5, unit)) == UNKNOWN  # type: ignore[arg-type]
    assert reason(observed_pace(1, bad, 5, unit)) == UNKNOWN  # type: ignore[arg-type]


@pytest.mark.parametrize("years", [0, -1, float("nan")])
def test_linear_pace_no_years(years: float) -> None:
    p = linear_pace(1, 2, years, UNITS_PER_YEAR)
    assert reason(p) == NO_YEARS and p.unit == "units_per_year"


def test_linear_pace_overflow() -> None:
    assert reason(linear_pace(-1e308, 1e308, 0.5)) == OVERFLOW


def test_observed_pace_each_basis() -> None:
    # Forest cover 55 (2020) -> 57 (2023): (57 - 55) / 3 = 0.6667 points a year.
    assert value(observed_pace(55, 57, 3, PP_PER_YEAR)) == pytest.approx(2 / 3)
    # Trade 3 -> 4.2 bn USD in 4 years: (4.2/3)^(1/4) - 1 = 1.4^0.25 - 1; ln 1.4 = 0.336472,
    # / 4 = 0.084118, e^0.084118 = 1.087757 -> 8.78 %/year.
    assert value(observed_pace(3, 4.2, 4, PCT_PER_YEAR)) == pytest.approx(8.78, abs=0.005)
    # A compound pace from zero has no rate (reason from calc.cagr).
    assert reason(observed_pace(0, 4, 4, PCT_PER_YEAR)) == "nonpositive_start"


def test_average_yearly_count() -> None:
    # Schools newly at standard: 12, 15, 20, 19, 20 -> 86 / 5 = 17.2 a year (appendix: 86 in total).
    p = average_yearly_count([12, 15, 20, 19, 20])
    assert value(p) == pytest.approx(17.2) and p.unit == "units_per_year"
    assert reason(average_yearly_count([])) == NO_YEARS
    assert reason(average_yearly_count([1, None])) == UNKNOWN


# --------------------------------------------------------------------------- implied end levels


def test_poverty_points_reduction_end() -> None:
    # 22.07 % down 4 points a year for 5 years: 22.07 - 4 * 5 = 22.07 - 20 = 2.07 %.
    fig = implied_points_reduction_end(22.07, 4, 5)
    assert value(fig) == pytest.approx(2.07) and fig.note is None


def test_points_reduction_below_zero_is_noted() -> None:
    # 10 % down 3 points a year for 5 years: 10 - 15 = -5, which no share can reach.
    fig = implied_points_reduction_end(10, 3, 5)
    assert value(fig) == pytest.approx(-5.0) and fig.note == BELOW_ZERO


def test_schools_stock_end() -> None:
    # 167 schools at the baseline, at least 10 more a year for 5 years: 167 + 10 * 5 = 217.
    fig = implied_count_end(10, 5, stock=167)
    assert value(fig) == pytest.approx(217.0) and fig.note is None


def test_count_without_stock_is_cumulative() -> None:
    # No stock known: 13 a year for 5 years = 65 added over the term (the appendix's 13 * 5).
    fig = implied_count_end(13, 5)
    assert value(fig) == pytest.approx(65.0) and fig.note == CUMULATIVE


def test_implied_linear_end_edges() -> None:
    assert value(implied_linear_end(55, 1, 0)) == 55.0  # no time: the baseline
    assert reason(implied_linear_end(55, 1, -1)) == NO_YEARS
    assert reason(implied_linear_end(None, 1, 5)) == UNKNOWN
    assert reason(implied_points_reduction_end(22.07, None, 5)) == UNKNOWN
    assert reason(implied_count_end(None, 5, stock=167)) == UNKNOWN
    assert reason(implied_count_end(10, -1)) == NO_YEARS
    assert reason(implied_linear_end(1e308, 1e308, 10)) == OVERFLOW


def test_implied_end_dispatch() -> None:
    # Compound: 3 * 1.1^5 = 3 * 1.61051 = 4.83153 (trade, line 341); linear: 55 + 1 * 5 = 60.
    assert value(implied_end(3, 10, 5, PCT_PER_YEAR)) == pytest.approx(4.83153)
    assert value(implied_end(55, 1, 5, PP_PER_YEAR)) == pytest.approx(60.0)
    assert value(implied_end(167, 10, 5, UNITS_PER_YEAR)) == pytest.approx(217.0)


# --------------------------------------------------------------------------- term averages


def test_geometric_mean_of_grdp_growth() -> None:
    # Indices 1.0333, 1.0504, 1.0224, 1.0674, 1.0722; products by hand:
    #   1.0333 * 1.0504 = 1.0333 + 1.0333 * 0.0504 = 1.0333 + 0.05207832 = 1.08537832
    #   * 1.0224 = 1.08537832 + 0.02431247437 = 1.10969079437
    #   * 1.0674 = 1.10969079437 + 0.07479315954 = 1.18448395391
    #   * 1.0722 = 1.18448395391 + 0.08551974147 = 1.27000369538
    # Fifth root: ln 1.27000369538 = ln 1.27 + 0.00000369538 / 1.27
    #   = 0.23901690047 + 0.00000290975 = 0.23901981022; / 5 = 0.04780396204;
    #   e^x = 1 + x + x^2/2 + x^3/6 + x^4/24 = 1 + 0.04780396 + 0.00114261 + 0.00001821 + 0.00000022
    #   = 1.04896500 -> 4.8965 %/year.
    p = geometric_mean_rate(GRDP_RATES)
    assert value(p) == pytest.approx(4.8965, abs=5e-5) and p.unit == "pct_per_year"
    assert value(p) == pytest.approx((1.27000369538 ** (1 / 5) - 1) * 100, abs=1e-8)


def test_arithmetic_mean_differs() -> None:
    # (3.33 + 5.04 + 2.24 + 6.74 + 7.22) / 5 = 24.57 / 5 = 4.914 %/year, above the 4.8965 above.
    arith = value(arithmetic_mean_rate(GRDP_RATES))
    assert arith == pytest.approx(4.914)
    assert arith - value(geometric_mean_rate(GRDP_RATES)) == pytest.approx(4.914 - 4.8965, abs=1e-4)


def test_mean_rate_reasons() -> None:
    assert reason(geometric_mean_rate([])) == NO_YEARS
    assert reason(arithmetic_mean_rate([])) == NO_YEARS
    assert reason(geometric_mean_rate([3.0, None])) == UNKNOWN
    assert reason(arithmetic_mean_rate([3.0, float("nan")])) == UNKNOWN
    assert reason(geometric_mean_rate([3.0, -100.0])) == NONPOSITIVE_INDEX
    assert reason(geometric_mean_rate([-120.0])) == NONPOSITIVE_INDEX


def test_geometric_mean_closed_forms() -> None:
    assert value(geometric_mean_rate([10.0])) == pytest.approx(10.0)
    # 1.21 * 1.0 = 1.21, square root 1.1 -> 10 %; arithmetic mean of 21 and 0 would be 10.5.
    assert value(geometric_mean_rate([21.0, 0.0])) == pytest.approx(10.0)
    # 2 * 0.5 = 1 -> 0 %: +100 % then -50 % is no growth; the arithmetic mean says +25 %.
    assert value(geometric_mean_rate([100.0, -50.0])) == pytest.approx(0.0, abs=1e-12)
    assert value(arithmetic_mean_rate([100.0, -50.0])) == pytest.approx(25.0)


def test_pace_still_needed_in_last_year() -> None:
    # After 3.33, 5.04, 2.24, 6.74 % (product 1.18448395391, above), an average of 8 %/year over
    # 5 years needs 1.08^5 = 1.4693280768 in all; 1.4693280768 / 1.18448395391 = 1.2404795
    # (1.18448395391 * 1.24 = 1.46876010285; remainder 0.00056797395 / 1.18448395 = 0.00047951)
    # -> 24.05 % in the last year.
    p = remaining_average_rate(8, 5, GRDP_RATES[:4])
    assert value(p) == pytest.approx(24.048, abs=5e-4) and p.unit == "pct_per_year"


def test_pace_still_needed_over_two_years() -> None:
    # After 21 % and 0 % (1.21 * 1.0 = 1.21 = 1.1^2), an average of 10 % over 4 years
    # (1.1^4) needs 1.1^4 / 1.1^2 = 1.21 over the 2 years left: sqrt(1.21) - 1 = 10 %/year.
    assert value(remaining_average_rate(10, 4, [21.0, 0.0])) == pytest.approx(10.0)
    # Over 5 years the 3 years left need 1.1^5 / 1.1^2 = 1.1^3: again 10 %/year.
    assert value(remaining_average_rate(10, 5, [21.0, 0.0])) == pytest.approx(10.0)
    # Nothing observed: the target itself.
    assert value(remaining_average_rate(8, 5, [])) == pytest.approx(8.0)


def test_remaining_rate_reasons() -> None:
    assert reason(remaining_average_rate(8, 5, GRDP_RATES)) == NO_YEARS  # nothing left
    assert reason(remaining_average_rate(8, 0, [])) == NO_YEARS
    assert reason(remaining_average_rate(8, 3, GRDP_RATES)) == TOO_MANY_YEARS
    assert reason(remaining_average_rate(None, 5, [1.0])) == UNKNOWN
    assert reason(remaining_average_rate(8, 5, [None])) == UNKNOWN
    assert reason(remaining_average_rate(8, 5, [-100.0])) == NONPOSITIVE_INDEX
    assert reason(remaining_average_rate(-101, 5, [1.0])) == NONPOSITIVE_INDEX
    assert value(remaining_average_rate(-100, 5, [1.0])) == -100.0  # everything lost
    assert reason(remaining_average_rate(1e300, 5, [1.0])) == OVERFLOW


def test_term_average_with_missing_last_year() -> None:
    # 2021..2025 with 2025 unobserved: the average of the four known years,
    # (1.18448395391)^(1/4) - 1: sqrt 1.18448395391 = 1.08834 (1.08834^2 = 1.18448396), and
    # sqrt 1.08834 = 1.043235 (1.043235^2 = 1.08834) -> 4.3235 %/year; 2025 would have needed
    # 24.05 % (test above).
    t = term_average(8, {2021: 3.33, 2022: 5.04, 2023: 2.24, 2024: 6.74}, 2021, 2025)
    assert t.observed_years == (2021, 2022, 2023, 2024)
    assert t.missing_years == (2025,)
    assert value(t.average) == pytest.approx(4.3235, abs=5e-4)
    assert value(t.needed_in_missing) == pytest.approx(24.048, abs=5e-4)


def test_term_average_gap_in_middle_and_complete() -> None:
    # 2022 unknown (None) and 2024 absent: both missing, in order; 3 years observed.
    t = term_average(10, {2021: 10.0, 2022: None, 2023: 21.0, 2025: 0.0}, 2021, 2025)
    assert t.missing_years == (2022, 2024)
    # 1.1 * 1.21 * 1.0 = 1.331 = 1.1^3 -> average 10 %; the two missing years need
    # (1.1^5 / 1.1^3)^(1/2) - 1 = 10 %.
    assert value(t.average) == pytest.approx(10.0)
    assert value(t.needed_in_missing) == pytest.approx(10.0)
    full = term_average(8, dict(zip(range(2021, 2026), GRDP_RATES, strict=True)), 2021, 2025)
    assert full.missing_years == () and reason(full.needed_in_missing) == NO_YEARS
    assert value(full.average) == pytest.approx(4.8965, abs=5e-5)


# --------------------------------------------------------------------------- command-line numbers


def test_shield_negative_numbers() -> None:
    args = ["calc", "implied", "22,07", "-4,00", "-n", "5", "--years", "5", "-", "--", "-x"]
    assert shield_negative_numbers(args) == [
        "calc",
        "implied",
        "22,07",
        "\u22124,00",
        "-n",
        "5",
        "--years",
        "5",
        "-",
        "--",
        "-x",
    ]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("-4,00", None, -4.0),
        ("\u22124,00", None, -4.0),  # minus sign
        ("\u20134,5", "vi", -4.5),  # en dash
        (" \u22121.650 ", "vi", -1650.0),
        ("-1,02", "vi", -1.02),
        ("4,5", None, 4.5),
    ],
)
def test_parse_signed_number(text: str, lang: str | None, expected: float) -> None:
    assert parse_signed_number(text, lang) == expected


def test_parse_signed_number_still_refuses_ambiguity() -> None:
    with pytest.raises(NumberFormatError):
        parse_signed_number("\u22121.650")  # -1650 (vi) or -1.65 (en)
    with pytest.raises(NumberFormatError):
        parse_signed_number("\u2212")


# --------------------------------------------------------------------------- properties

positive = st.floats(min_value=1e-3, max_value=1e6, allow_nan=False, allow_infinity=False)
finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
year_counts = st.integers(min_value=1, max_value=30)
rates = st.floats(min_value=-50, max_value=50, allow_nan=False, allow_infinity=False)


@given(baseline=positive, target=positive, years=year_counts)
def test_compound_pace_then_implied_end_is_target(baseline: float, target: float, years: int) -> None:
    # The rate is carried in percent, so a tiny ratio loses some digits: relative 1e-6.
    pace = required_pace(baseline, target, years, PCT_PER_YEAR)
    assert value(implied_end(baseline, pace.value, years, PCT_PER_YEAR)) == pytest.approx(target, rel=1e-6)


@given(baseline=finite, target=finite, years=year_counts)
def test_points_pace_times_years_plus_baseline_is_target(baseline: float, target: float, years: int) -> None:
    pace = value(required_pace(baseline, target, years, PP_PER_YEAR))
    assert baseline + pace * years == pytest.approx(target, rel=1e-9, abs=1e-6)
    assert value(implied_linear_end(baseline, pace, years)) == pytest.approx(target, rel=1e-9, abs=1e-6)


@given(observed=st.lists(rates, max_size=9), target=rates, extra=st.integers(min_value=1, max_value=5))
def test_remaining_rate_brings_average_to_target(observed: list[float], target: float, extra: int) -> None:
    term = len(observed) + extra
    needed = remaining_average_rate(target, term, observed)
    assume(needed.value is not None and needed.value > -100)
    assert needed.value is not None
    average = geometric_mean_rate([*observed, *([needed.value] * extra)])
    assert value(average) == pytest.approx(target, rel=1e-7, abs=1e-7)


@given(rate=rates, n=st.integers(min_value=1, max_value=20))
def test_geometric_mean_of_constant_rate_is_the_rate(rate: float, n: int) -> None:
    assert value(geometric_mean_rate([rate] * n)) == pytest.approx(rate, rel=1e-9, abs=1e-9)


@given(values=st.lists(rates, min_size=1, max_size=10))
def test_geometric_mean_never_above_arithmetic(values: list[float]) -> None:
    geo = value(geometric_mean_rate(values))
    assert geo <= value(arithmetic_mean_rate(values)) + 1e-9
    # and it is the compound rate of the chained level: X_n / X_0 = prod(1 + g)
    level = math.prod(1 + g / 100 for g in values)
    assert geo == pytest.approx((level ** (1 / len(values)) - 1) * 100, rel=1e-9, abs=1e-9)


def test_pace_code_constants() -> None:
    # Part of the data contract documented in docs/methodology.md ("Reason and note codes").
    from cbkpi import pace

    assert pace.NO_PACE_UNIT == "no_pace_unit"
    assert pace.NONPOSITIVE_INDEX == "nonpositive_index"
    assert pace.TOO_MANY_YEARS == "too_many_years"
    assert pace.CUMULATIVE == "cumulative"
    assert pace.BELOW_ZERO == "below_zero"


def test_shielded_negative_number_reaches_a_typer_argument() -> None:
    # Without shielding, click reads "-4,00" as an unknown option; shielded, it is an argument
    # that parse_signed_number reads as -4. A throwaway app, as cbkpi calc would wire it.
    import typer
    from typer.testing import CliRunner

    app = typer.Typer()
    seen: list[float] = []

    @app.command()
    def implied(baseline: str, pace: str, years: int = typer.Option(5, "--years", "-n")) -> None:
        seen.extend([parse_signed_number(baseline), parse_signed_number(pace), float(years)])

    runner = CliRunner()
    raw = ["22,07", "-4,00", "--years", "5"]
    assert runner.invoke(app, raw).exit_code == 2  # "No such option: -4"
    result = runner.invoke(app, shield_negative_numbers(raw), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert seen == [22.07, -4.0, 5.0]
