"""The arithmetic of targets: growth rates, implied values, achievement and progress.

Pure functions on floats: no I/O, no models, no terminal. Each returns a :class:`Figure`: a
value, or ``None`` with a ``reason`` code saying why no value is defined (``docs/methodology.md``
lists the codes and the formulas, with worked examples from the source). A figure may also carry
a ``note`` code while having a value, e.g. a required growth rate for a target that the baseline
already meets.

Rates are in percent (``10`` means 10 %/year); achievement and progress are in percent.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

Direction = Literal["higher", "lower"]

# Reason codes (why a figure has no value) and note codes (a remark on a figure that has one).
UNKNOWN = "unknown_input"
NO_YEARS = "no_years"
NONPOSITIVE_START = "nonpositive_start"
NEGATIVE_END = "negative_end"
ZERO_TARGET = "zero_target"
ZERO_ACTUAL = "zero_actual"
NONPOSITIVE_TARGET_RATE = "nonpositive_target_rate"
NO_DISTANCE = "no_distance"
ALREADY_MET = "already_met"
NOT_NUMERIC = "not_numeric"
OVERFLOW = "overflow"


@dataclass(frozen=True, slots=True)  # several per target and tracking: no __dict__ each
class Figure:
    """A computed figure, or the reason it is not defined."""

    value: float | None
    reason: str | None = None
    note: str | None = None

    @property
    def defined(self) -> bool:
        return self.value is not None


def _missing(*values: float | None) -> bool:
    for v in values:  # noqa: SIM110 - a loop, not any() over a generator: called for every figure computed
        if v is None or not _isfinite(v):
            return True
    return False


_isfinite = math.isfinite


def cagr(start: float | None, end: float | None, years: float) -> Figure:
    """Compound annual growth rate in percent: ``((end / start) ** (1 / years) - 1) * 100``.

    Not defined for unknown values, ``years <= 0`` (no time to grow), a start at or below zero
    (growth from nothing or from a negative level has no rate), or a negative end."""
    if _missing(start, end):
        return Figure(None, UNKNOWN)
    assert start is not None and end is not None
    if not math.isfinite(years) or years <= 0:
        return Figure(None, NO_YEARS)
    if start <= 0:
        return Figure(None, NONPOSITIVE_START)
    if end < 0:
        return Figure(None, NEGATIVE_END)
    try:  # a result too large for a float is reported, not raised
        value = ((end / start) ** (1.0 / years) - 1.0) * 100.0
    except (OverflowError, ZeroDivisionError):
        return Figure(None, OVERFLOW)
    return Figure(value) if _isfinite(value) else Figure(None, OVERFLOW)


def required_growth(
    baseline: float | None,
    target: float | None,
    years: float,
    direction: Direction = "higher",
    comparator: str = "reach",
) -> Figure:
    """The average annual growth rate that takes ``baseline`` to ``target`` in ``years`` years.

    The same formula as :func:`cagr`; when the baseline already meets the target the rate is
    still given (zero or below for higher-is-better) with the note ``already_met``. For an
    ``exactly`` target (a share of the economy to reach) only equality counts as met."""
    fig = cagr(baseline, target, years)
    if fig.value is None or baseline is None or target is None:
        return fig
    if meets(baseline, target, direction, "reach" if comparator not in ("exactly",) else comparator):
        return Figure(fig.value, note=ALREADY_MET)
    return fig


def implied_end_value(baseline: float | None, rate_pct: float | None, years: float) -> Figure:
    """The value reached by growing ``baseline`` at ``rate_pct`` %/year for ``years`` years:
    ``baseline * (1 + rate / 100) ** years``. With ``years == 0`` it is the baseline itself."""
    if _missing(baseline, rate_pct):
        return Figure(None, UNKNOWN)
    assert baseline is not None and rate_pct is not None
    if not math.isfinite(years) or years < 0:
        return Figure(None, NO_YEARS)
    if rate_pct <= -100:
        return Figure(0.0 if years > 0 else baseline)
    try:
        value = baseline * (1.0 + rate_pct / 100.0) ** years
    except (OverflowError, ZeroDivisionError):
        return Figure(None, OVERFLOW)
    return Figure(value) if _isfinite(value) else Figure(None, OVERFLOW)


def rate_from_multiple(multiple: float | None, years: float) -> Figure:
    """The average annual rate behind "N times the start level in ``years`` years"."""
    return cagr(1.0, multiple, years)


def rate_from_increase(increase_pct: float | None, years: float) -> Figure:
    """The average annual rate behind "up Y % over ``years`` years"."""
    if _missing(increase_pct):
        return Figure(None, UNKNOWN)
    assert increase_pct is not None
    return cagr(1.0, 1.0 + increase_pct / 100.0, years)


def meets(actual: float, target: float, direction: Direction, comparator: str) -> bool:
    """Whether ``actual`` satisfies the target under its comparator.

    ``reach`` means at least for higher-is-better and at most for lower-is-better."""
    if comparator == "reach":
        comparator = "at_least" if direction == "higher" else "at_most"
    if comparator == "over":
        return actual > target
    if comparator == "at_least":
        return actual >= target
    if comparator == "at_most":
        return actual <= target
    if comparator == "under":
        return actual < target
    return math.isclose(actual, target, rel_tol=1e-12, abs_tol=1e-12)


def level_achievement(actual: float | None, target: float | None, direction: Direction = "higher") -> Figure:
    """Achievement of a level target in percent: ``actual / target * 100`` where higher is
    better, ``target / actual * 100`` where lower is better (being below the ceiling counts as
    over-achievement, as the appendix does for natural population growth)."""
    if _missing(actual, target):
        return Figure(None, UNKNOWN)
    assert actual is not None and target is not None
    if direction == "higher":
        if target <= 0:
            return Figure(None, ZERO_TARGET)
        return Figure(actual / target * 100.0)
    if actual <= 0:
        return Figure(None, ZERO_ACTUAL)
    return Figure(target / actual * 100.0)


def growth_achievement(achieved_rate: float | None, target_rate: float | None) -> Figure:
    """Achievement of an average-growth target: ``achieved / target * 100`` (the appendix's
    13 / 10 = 130 % for trade). Not defined for a target rate of zero or below."""
    if _missing(achieved_rate, target_rate):
        return Figure(None, UNKNOWN)
    assert achieved_rate is not None and target_rate is not None
    if target_rate <= 0:
        return Figure(None, NONPOSITIVE_TARGET_RATE)
    return Figure(achieved_rate / target_rate * 100.0)


def count_achievement(cumulative: float | None, per_year: float | None, years: float) -> Figure:
    """Achievement of a count-per-year target: ``cumulative / (per_year * years) * 100``
    (the appendix's schools: 86 / (13 * 5) = 132.3 %)."""
    if _missing(cumulative, per_year):
        return Figure(None, UNKNOWN)
    assert cumulative is not None and per_year is not None
    if not math.isfinite(years) or years <= 0:
        return Figure(None, NO_YEARS)
    if per_year <= 0:
        return Figure(None, ZERO_TARGET)
    return Figure(cumulative / (per_year * years) * 100.0)


def points_reduction_achievement(achieved_pp: float | None, target_pp: float | None) -> Figure:
    """Achievement of a "down N percentage points a year" target: ``achieved / target * 100``
    (the appendix's poverty rate: 4.12 / 2 = 206 %)."""
    return growth_achievement(achieved_pp, target_pp)


def maintain_achievement(actual: float | None, level: float | None, direction: Direction = "higher") -> Figure:
    """Achievement of a "maintain" target, as a level target at the maintained level."""
    return level_achievement(actual, level, direction)


def milestone_achievement(done: bool | None) -> Figure:
    """100 when the milestone is done, 0 when it is not, unknown otherwise."""
    if done is None:
        return Figure(None, UNKNOWN)
    return Figure(100.0 if done else 0.0)
