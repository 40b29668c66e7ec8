"""Where every indicator stands: the computed figures behind ``cbkpi status``.

Turns loaded models into plain records (no terminal, no language): required growth for level
targets, implied end values for growth targets, agreement between an indicator's targets, and for
a finished term the achievement of each target next to the ratio the report printed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from typing_extensions import assert_never

from cbkpi import calc
from cbkpi.calc import Figure
from cbkpi.models import (
    CountPerYearRangeTarget,
    CountPerYearTarget,
    DataFile,
    Direction,
    GrowthRateTarget,
    Indicator,
    LevelRangeTarget,
    LevelTarget,
    MaintainTarget,
    MilestoneTarget,
    Names,
    PointsReductionTarget,
    QualitativeTarget,
    Target,
)
from cbkpi.observations import Located
from cbkpi.pace import PaceUnit
from cbkpi.revisions import SeriesBreak
from cbkpi.target_pace import implied_end, required_pace
from cbkpi.tracking import TermTracking, term_tracking
from cbkpi.units import BUILTIN_UNITS, UnitRegistry

NOT_APPLICABLE = Figure(None, "not_applicable")


def as_float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


@dataclass(frozen=True, slots=True)  # one per target: 150,000 at 100,000 indicators
class TargetStatus:
    target: Target
    unit: str
    """The unit of the target's value (``percent_per_year`` for growth rates)."""
    years: int | None
    """Years from the baseline (or the start year) to the target year."""
    required_annual_growth_pct: Figure = NOT_APPLICABLE
    """The relative (compound) rate a level target needs, in percent a year."""
    implied_end_value: Figure = NOT_APPLICABLE
    """The level the target implies at its end year (:func:`cbkpi.target_pace.implied_end`)."""
    required_pace: Figure = NOT_APPLICABLE
    """The pace the target needs in the planner's terms, in ``pace_unit``."""
    pace_unit: PaceUnit | None = None
    """``pp_per_year``, ``units_per_year`` (of ``unit``) or ``pct_per_year``; None: no pace."""
    achievement_pct: Figure = NOT_APPLICABLE
    met: bool | None = None
    """Whether the result satisfies the target (None: no result, or not decidable). For a range:
    the result is not short of it (within, or beyond on the good side)."""
    units: UnitRegistry = BUILTIN_UNITS
    """The units of the report (built-in and declared): for labels."""
    range_required: tuple[Figure, Figure] | None = None
    """Range targets: the pace needed to reach the low and the high end (compound growth for a
    level range, the count per year for a count range)."""
    range_implied: tuple[Figure, Figure] | None = None
    """Count ranges: the totals over the term at the low and the high count per year."""
    position: str | None = None
    """Range targets with a result: ``below``, ``within`` or ``above`` the range."""


@dataclass(frozen=True, slots=True)
class Agreement:
    """How a growth-rate target and a level target of the same indicator relate."""

    growth_target: GrowthRateTarget
    level_target: LevelTarget
    implied_end_value: float
    required_rate_pct: float
    verdict: str
    """``growth_implies_level``: meeting the rate meets the level (the level is less demanding);
    ``level_needs_more``: the level needs a faster rate than the rate target."""


@dataclass(frozen=True, slots=True)
class IndicatorStatus:
    indicator: Indicator
    targets: list[TargetStatus]
    agreements: list[Agreement] = field(default_factory=list)


@dataclass(frozen=True)
class TermStatus:
    file: str
    data: DataFile
    indicators: list[IndicatorStatus]
    tracking: TermTracking | None = None
    """Progress with yearly observations (targets files, when observations are given)."""
    units: UnitRegistry = BUILTIN_UNITS
    """The units of the report: the built-in ones and those its files declare."""
    areas: Mapping[str, Names] = field(default_factory=dict)
    """The areas the report's files declare, by key."""
    origins: dict[str, Located] = field(default_factory=dict)
    """By indicator id: the observation a ``from_observations`` baseline was taken from."""

    def area_label(self, key: str, lang: str) -> str:
        """An area's name: declared in the file, else the built-in translation."""
        from cbkpi.i18n import t

        declared = self.areas.get(key)
        return declared.get(lang) if declared is not None else t(key, lang)


def target_unit(ind: Indicator, t: Target) -> str:
    return t.value_unit(ind.unit)


def _is_rate(units: UnitRegistry, key: str) -> bool:
    unit = units.find(key)
    return unit is not None and unit.kind == "rate"


def range_position(actual: float, low: float, high: float) -> str:
    """``below``, ``within`` or ``above`` the range [low, high] (ends included)."""
    return "below" if actual < low else "above" if actual > high else "within"


def range_ends(t: LevelRangeTarget | CountPerYearRangeTarget, direction: Direction) -> tuple[float, float]:
    """(near, far): the end that enters the range (low when higher is better) and the other."""
    low, high = float(t.low), float(t.high)
    return (low, high) if direction == "higher" else (high, low)


def _range_achievement(
    t: LevelRangeTarget | CountPerYearRangeTarget, actual: float | None, scale: float, direction: Direction
) -> tuple[Figure, bool | None, str | None]:
    """Achievement against the near end (``scale`` × the end: the term's total for a count
    range), whether the range is reached (or passed on the good side), and the position."""
    if actual is None:
        return Figure(None, calc.UNKNOWN), None, None
    near, _far = range_ends(t, direction)
    position = range_position(actual, float(t.low) * scale, float(t.high) * scale)
    fig = calc.level_achievement(actual, near * scale, direction)
    met = position == "within" or position == ("above" if direction == "higher" else "below")
    return fig, met, position


def _years_to(ind: Indicator, t: Target) -> int | None:
    return t.years(ind.baseline.year if ind.baseline is not None else None)


def _ratio_target(t: LevelTarget) -> float | None:
    if t.ratio_basis == "equivalent" and t.equivalent is not None:
        return float(t.equivalent.value)
    return as_float(t.value)


def achievement(ind: Indicator, t: Target) -> tuple[Figure, bool | None]:
    """Achievement of a finished term's target from its recorded result, and whether it is met."""
    r = t.result
    if r is None:
        return Figure(None, calc.UNKNOWN), None
    actual = as_float(r.value)
    direction: Direction = ind.direction
    comparator: str
    match t:
        case QualitativeTarget():
            return Figure(None, calc.NOT_NUMERIC), r.done
        case MilestoneTarget():
            return calc.milestone_achievement(r.done), r.done
        case LevelTarget():
            target = _ratio_target(t)
            fig = calc.level_achievement(actual, target, direction)
            comparator = t.comparator
        case MaintainTarget():
            target = as_float(t.value)
            fig = calc.maintain_achievement(actual, target, direction)
            comparator = "reach"
        case GrowthRateTarget():
            target = as_float(t.value)
            fig = calc.growth_achievement(actual, target)
            direction, comparator = "higher", t.comparator
        case PointsReductionTarget():
            target = as_float(t.value)
            fig = calc.points_reduction_achievement(actual, target)
            direction, comparator = "higher", t.comparator
        case LevelRangeTarget() | CountPerYearRangeTarget():
            fig, met, _position = range_achievement(ind, t)
            return fig, met
        case CountPerYearTarget():
            years = t.end_year - t.start_year
            direction, comparator = "higher", t.comparator
            if r.basis == "per_year":
                target = as_float(t.value)
                fig = calc.level_achievement(actual, target, "higher")
            else:
                per_year = as_float(t.value)
                fig = calc.count_achievement(actual, per_year, years)
                target = None if per_year is None else per_year * years
        case _:
            assert_never(t)
    met = None
    if actual is not None and target is not None:
        met = calc.meets(actual, target, direction, comparator)
        if r.comparator in ("over", "at_least") and not met:
            met = None  # "> 2.000" against "over 2.000": the printed bound cannot decide
        elif r.comparator in ("over", "at_least") and fig.value is not None:
            fig = Figure(fig.value, note="result_is_lower_bound")
    return fig, met


def range_achievement(
    ind: Indicator, t: LevelRangeTarget | CountPerYearRangeTarget
) -> tuple[Figure, bool | None, str | None]:
    """A range target's result: achievement against the end that enters the range, whether it
    is reached, and the position (below, within, above)."""
    r = t.result
    if r is None:
        return Figure(None, calc.UNKNOWN), None, None
    actual = as_float(r.value)
    if isinstance(t, CountPerYearRangeTarget):
        scale = 1.0 if r.basis == "per_year" else float(t.end_year - t.start_year)
        return _range_achievement(t, actual, scale, "higher")
    return _range_achievement(t, actual, 1.0, ind.direction)


def target_status(ind: Indicator, t: Target, units: UnitRegistry = BUILTIN_UNITS) -> TargetStatus:
    """The computed figures of one target; ``units``: the report's units (built-in and declared)."""
    unit = target_unit(ind, t)
    years = _years_to(ind, t)
    base = as_float(ind.baseline.value) if ind.baseline is not None else None
    required = NOT_APPLICABLE
    implied = implied_end(ind, t, units)
    pace, pace_unit = required_pace(ind, t, units)
    range_required: tuple[Figure, Figure] | None = None
    range_implied: tuple[Figure, Figure] | None = None
    match t:
        case LevelRangeTarget():
            if not _is_rate(units, ind.unit):
                if ind.baseline is None:
                    range_required = (Figure(None, calc.UNKNOWN), Figure(None, calc.UNKNOWN))
                else:
                    comparator = "at_least" if ind.direction == "higher" else "at_most"
                    low, high = (
                        calc.required_growth(base, float(end), years or 0, ind.direction, comparator)
                        for end in (t.low, t.high)
                    )
                    range_required = (low, high)
                required = range_required[0] if ind.direction == "higher" else range_required[1]
            range_implied = (Figure(float(t.low)), Figure(float(t.high)))
        case CountPerYearRangeTarget():
            span = t.end_year - t.start_year
            range_required = (Figure(float(t.low)), Figure(float(t.high)))
            range_implied = (Figure(float(t.low) * span), Figure(float(t.high) * span))
            implied = range_implied[0]
        case LevelTarget():
            if not _is_rate(units, ind.unit) and not _is_rate(units, unit):
                if ind.baseline is None:
                    required = Figure(None, calc.UNKNOWN)
                else:
                    required = calc.required_growth(base, as_float(t.value), years or 0, ind.direction, t.comparator)
        case (
            GrowthRateTarget()
            | CountPerYearTarget()
            | PointsReductionTarget()
            | MaintainTarget()
            | MilestoneTarget()
            | QualitativeTarget()
        ):
            pass  # no level to reach by compound growth
        case _:
            assert_never(t)
    if ind.baseline is not None and ind.baseline.comparator in ("over", "at_least"):
        # From a baseline printed as "over X": an end value grown from it is at least, the pace
        # a level needs from it at most.
        if implied.value is not None and not isinstance(t, (LevelTarget, MaintainTarget)):
            implied = Figure(implied.value, note="lower_bound")
        if required.value is not None:
            required = Figure(required.value, note="upper_bound")
        if range_required is not None and isinstance(t, LevelRangeTarget):
            range_required = (_upper(range_required[0]), _upper(range_required[1]))
        if pace.value is not None and isinstance(t, LevelTarget):
            pace = Figure(pace.value, note="upper_bound")
    fig, met = achievement(ind, t) if t.result is not None else (NOT_APPLICABLE, None)
    position = None
    if t.result is not None and isinstance(t, LevelRangeTarget | CountPerYearRangeTarget):
        position = range_achievement(ind, t)[2]
    return TargetStatus(
        target=t,
        unit=unit,
        years=years,
        required_annual_growth_pct=required,
        implied_end_value=implied,
        required_pace=pace,
        pace_unit=pace_unit,
        achievement_pct=fig,
        met=met,
        units=units,
        range_required=range_required,
        range_implied=range_implied,
        position=position,
    )


def _upper(fig: Figure) -> Figure:
    return Figure(fig.value, note="upper_bound") if fig.value is not None else fig


def agreements(ind: Indicator, targets: list[TargetStatus]) -> list[Agreement]:
    """Compare each growth-rate target with each level target ending the same year."""
    out: list[Agreement] = []
    for g in targets:
        if not isinstance(g.target, GrowthRateTarget) or g.implied_end_value.value is None:
            continue
        for lv in targets:
            t = lv.target
            if not isinstance(t, LevelTarget) or t.year != g.target.end_year or t.value is None:
                continue
            if lv.required_annual_growth_pct.value is None:
                continue
            implied = g.implied_end_value.value
            verdict = (
                "growth_implies_level"
                if calc.meets(
                    implied, float(t.value), ind.direction, "at_least" if ind.direction == "higher" else "at_most"
                )
                else "level_needs_more"
            )
            out.append(Agreement(g.target, t, implied, lv.required_annual_growth_pct.value, verdict))
    return out


def indicator_status(ind: Indicator, units: UnitRegistry = BUILTIN_UNITS) -> IndicatorStatus:
    targets = [target_status(ind, t, units) for t in ind.targets]
    return IndicatorStatus(ind, targets, agreements(ind, targets))


def term_status(
    file: str,
    data: DataFile,
    observed: dict[str, dict[int, float]] | None = None,
    as_of: int | None = None,
    breaks: Mapping[str, Sequence[SeriesBreak]] | None = None,
    bounds: Mapping[str, Mapping[int, str]] | None = None,
    units: UnitRegistry | None = None,
    areas: Mapping[str, Names] | None = None,
) -> TermStatus:
    """Computed figures of one file; with ``observed`` values and a year ``as_of``, a targets
    file is also tracked (:mod:`cbkpi.tracking`), never across a series break in ``breaks``;
    ``bounds`` (indicator → year → comparator) marks the values that are bounds. ``units`` and
    ``areas``: the report's (built-in and declared in any of its files); by default the file's own."""
    if units is None:
        units = data.unit_registry()
    if areas is None:
        areas = data.area_names()
    tracking = None
    if data.kind == "targets" and as_of is not None:
        tracking = term_tracking(data.indicators, observed or {}, as_of, breaks, bounds, units)
    statuses = [indicator_status(ind, units) for ind in data.indicators]
    return TermStatus(file, data, statuses, tracking, units, areas)
