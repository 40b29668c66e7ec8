"""A target's required pace in the planner's terms and the end level it implies.

The pace is stated in the unit the target's kind and the indicator's unit give
(:meth:`~cbkpi.models.LevelTarget.pace_unit`): percentage points a year for a share, units a
year for a count, a compound percent a year for other amounts, the yearly rate itself for a
rate. Signed: a fall is negative (poverty down 4 points a year: −4.00 points a year).

The implied end level exists for every quantified kind; where it has no value the figure
carries a reason code (``docs/methodology.md``, "Implied end levels").
"""

from __future__ import annotations

from typing_extensions import assert_never

from cbkpi import calc, pace
from cbkpi.calc import Figure
from cbkpi.models import (
    CountPerYearRangeTarget,
    CountPerYearTarget,
    GrowthRateTarget,
    Indicator,
    LevelRangeTarget,
    LevelTarget,
    MaintainTarget,
    MilestoneTarget,
    PointsReductionTarget,
    QualitativeTarget,
    Target,
)
from cbkpi.pace import PaceUnit
from cbkpi.units import BUILTIN_UNITS, UnitRegistry

NOT_APPLICABLE = "not_applicable"
RATE_INDICATOR = "rate_indicator"
"""Reason: an average of yearly rates has no end level (the indicator's values are rates)."""
NOT_QUANTIFIED = "not_quantified"
"""Reason: a milestone or a qualitative target has no level."""
NO_PROVINCE_COUNT = "no_province_count"
"""Reason: a count per district without the number of districts (``per_unit`` only)."""


def _baseline(ind: Indicator) -> float | None:
    b = ind.baseline
    return None if b is None or b.value is None else float(b.value)


def _is_rate(unit_key: str, units: UnitRegistry) -> bool:
    unit = units.find(unit_key)
    return unit is not None and unit.kind == "rate"


def required_pace(ind: Indicator, t: Target, units: UnitRegistry = BUILTIN_UNITS) -> tuple[Figure, PaceUnit | None]:
    """The pace the target asks for, from the baseline, and its unit (None: the kind has no
    pace). Level targets: :func:`cbkpi.pace.required_pace` from the baseline; a level of a rate
    indicator and a growth-rate target: the rate itself; a count per year: the count; a points
    reduction: minus the points. ``units``: the report's units (built-in and declared)."""
    unit = t.pace_unit(ind.unit, units)
    if unit is None:
        return Figure(None, NOT_APPLICABLE), None
    match t:
        case LevelTarget():
            if t.value is None:
                return Figure(None, calc.UNKNOWN), unit
            if _is_rate(t.value_unit(ind.unit), units):
                return Figure(float(t.value)), unit
            years = t.years(ind.baseline.year if ind.baseline is not None else None)
            if years is None:
                return Figure(None, calc.UNKNOWN), unit
            return pace.required_figure(_baseline(ind), t.value, years, unit, ind.direction, t.comparator), unit
        case GrowthRateTarget():
            return Figure(float(t.value)), unit
        case CountPerYearTarget():
            if t.value is None:
                return Figure(None, NO_PROVINCE_COUNT if t.per_unit is not None else calc.UNKNOWN), unit
            return Figure(float(t.value)), unit
        case PointsReductionTarget():
            return Figure(-float(t.value)), unit
        case LevelRangeTarget():
            # the end that enters the range (low when higher is better)
            near, comparator = (t.low, "at_least") if ind.direction == "higher" else (t.high, "at_most")
            years = t.years(ind.baseline.year if ind.baseline is not None else None)
            if years is None:
                return Figure(None, calc.UNKNOWN), unit
            return pace.required_figure(_baseline(ind), near, years, unit, ind.direction, comparator), unit
        case CountPerYearRangeTarget():
            return Figure(float(t.low)), unit
        case MaintainTarget() | MilestoneTarget() | QualitativeTarget():
            return Figure(None, NOT_APPLICABLE), unit  # pace_unit is None for them: not reached
        case _:
            assert_never(t)


def implied_end(ind: Indicator, t: Target, units: UnitRegistry = BUILTIN_UNITS) -> Figure:
    """The level the target implies at its end year, with a reason code where there is none.

    Level: the level itself; maintain: the level kept (the baseline where none is written);
    growth rate: baseline × (1 + rate)^years; points reduction: baseline − points × years; count
    per year: the baseline stock + count × years, or without a stock the cumulative count (note
    ``cumulative``)."""
    base = _baseline(ind)
    match t:
        case LevelTarget():
            return Figure(None, calc.UNKNOWN) if t.value is None else Figure(float(t.value))
        case MaintainTarget():
            level = float(t.value) if t.value is not None else base
            return Figure(None, calc.UNKNOWN) if level is None else Figure(level)
        case GrowthRateTarget():
            if _is_rate(ind.unit, units):
                return Figure(None, RATE_INDICATOR)
            return calc.implied_end_value(base, float(t.value), t.end_year - t.start_year)
        case PointsReductionTarget():
            return pace.implied_points_reduction_end(base, t.value, t.end_year - t.start_year)
        case CountPerYearTarget():
            if t.value is None:
                return Figure(None, NO_PROVINCE_COUNT if t.per_unit is not None else calc.UNKNOWN)
            return pace.implied_count_end(t.value, t.end_year - t.start_year, base)
        case LevelRangeTarget():
            return Figure(float(t.low) if ind.direction == "higher" else float(t.high))  # the entering end
        case CountPerYearRangeTarget():
            return pace.implied_count_end(t.low, t.end_year - t.start_year, base)
        case MilestoneTarget() | QualitativeTarget():
            return Figure(None, NOT_QUANTIFIED)
        case _:
            assert_never(t)
