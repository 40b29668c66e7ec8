"""The lines of an indicator's chart: baseline, observations, the required path, the target.

Plain data for the renderers (terminal, SVG, PNG); nothing here draws.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from typing_extensions import assert_never

from cbkpi import calc
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
from cbkpi.units import BUILTIN_UNITS, UnitRegistry

Point = tuple[int, float]


@dataclass(frozen=True)
class Series:
    key: str
    """``baseline``, ``observed``, ``required``, ``target``, ``result``: also the i18n label key."""
    points: list[Point]
    term: str | None = None
    """The term (``2025-2030``) on a chart across terms (:func:`cbkpi.terms.series_across`)."""


def chart_series(ind: Indicator, observed: dict[int, float], units: UnitRegistry = BUILTIN_UNITS) -> list[Series]:
    """Baseline, observations, the path from the baseline that meets the first quantified target
    exactly (in the target's pace unit: linear for shares, counts and point reductions, compound
    for other levels and growth, flat for rates and maintained levels) and the level targets themselves. Empty series are left out.

    Count-per-year targets plot the yearly counts only: the baseline of such an indicator is a
    stock (schools so far), on another scale than the counts of a year."""
    out: list[Series] = []
    base = ind.baseline
    b = None if base is None or base.value is None else float(base.value)
    unit = units.find(ind.unit)
    rate_indicator = unit is not None and unit.kind == "rate"
    counts = any(isinstance(t, CountPerYearTarget | CountPerYearRangeTarget) for t in ind.targets)
    if b is not None and base is not None and not rate_indicator and not counts:
        out.append(Series("baseline", [(base.year, b)]))
    if observed:
        out.append(Series("observed", sorted(observed.items())))
    targets: list[Point] = []
    path: list[Point] = []
    for t in ind.targets:
        candidate, target = _path(ind, t, b, base.year if base else None, rate_indicator, units)
        if not path and candidate:
            path = candidate
        if isinstance(t, LevelTarget) and t.value is not None:
            targets.append((t.year, float(t.value)))
        elif (target is not None and not targets and not isinstance(t, GrowthRateTarget)) or (
            target is not None and isinstance(t, GrowthRateTarget) and rate_indicator
        ):
            targets.append(target)
    if path:
        out.append(Series("required", path))
    if targets:
        out.append(Series("target", targets))
    return out


def _path(
    ind: Indicator, t: Target, b: float | None, b_year: int | None, rate_indicator: bool, units: UnitRegistry
) -> tuple[list[Point], Point | None]:
    """The required path from the baseline for target ``t``, and the target's own point."""
    if isinstance(t, GrowthRateTarget) and rate_indicator:
        flat = [(y, float(t.value)) for y in range(t.start_year + 1, t.end_year + 1)]
        return flat, (t.end_year, float(t.value))
    if b is None or b_year is None:
        if isinstance(t, LevelTarget) and t.value is not None:
            return [], (t.year, float(t.value))
        if isinstance(t, CountPerYearTarget) and t.value is not None:
            # a yearly count needs no baseline (the report charts every quantified indicator)
            return [(y, float(t.value)) for y in range(t.start_year + 1, t.end_year + 1)], None
        return [], None
    match t:
        case LevelTarget():
            if t.value is None:
                return [], None
            if t.pace_unit(ind.unit, units) in ("pp_per_year", "units_per_year"):
                # A share or a count moves by points or units a year: a straight line.
                step = (float(t.value) - b) / (t.year - b_year) if t.year > b_year else 0.0
                return [(y, b + step * (y - b_year)) for y in range(b_year, t.year + 1)], (t.year, float(t.value))
            rate = calc.cagr(b, float(t.value), t.year - b_year).value
            if rate is None:
                return [], (t.year, float(t.value))
            return _compound(b, b_year, rate, t.year), (t.year, float(t.value))
        case GrowthRateTarget():
            path = _compound(b, b_year, float(t.value), t.end_year)
            return path, path[-1] if path and path[-1][0] == t.end_year else None
        case PointsReductionTarget():
            path = [(y, b - float(t.value) * (y - b_year)) for y in range(b_year, t.end_year + 1)]
            return path, path[-1]
        case MaintainTarget():
            level = float(t.value) if t.value is not None else b
            return [(y, level) for y in range(b_year, t.year + 1)], (t.year, level)
        case CountPerYearTarget():
            if t.value is None:
                return [], None
            return [(y, float(t.value)) for y in range(t.start_year + 1, t.end_year + 1)], None
        case LevelRangeTarget():
            # the path to the end that enters the range (low when higher is better)
            near = float(t.low) if ind.direction == "higher" else float(t.high)
            rate = calc.cagr(b, near, t.year - b_year).value
            if rate is None:
                return [], (t.year, near)
            return _compound(b, b_year, rate, t.year), (t.year, near)
        case CountPerYearRangeTarget():
            return [(y, float(t.low)) for y in range(t.start_year + 1, t.end_year + 1)], None
        case MilestoneTarget() | QualitativeTarget():
            return [], None
        case _:
            assert_never(t)


def _compound(b: float, start: int, rate: float, end: int) -> list[Point]:
    """The path of ``b`` growing at ``rate`` %/year, up to the last year a float can hold (a
    growth of 1.0e+100 %/year overflows in its fourth year: the chart stops there)."""
    path: list[Point] = []
    for y in range(start, end + 1):
        try:
            value = b * (1 + rate / 100) ** (y - start)
        except OverflowError:
            break
        if not math.isfinite(value):
            break
        path.append((y, value))
    return path
