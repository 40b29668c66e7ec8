"""Tracking a term with yearly observations: pace, status, projection, pace still required.

The status follows Eurostat's method for quantified targets (the ratio of the observed pace to
the pace required from the baseline to the target):

- ``met``: the latest value already satisfies the target;
- ``on_track``: ratio ≥ 95 %;
- ``moderate_progress``: 60 % ≤ ratio < 95 %;
- ``insufficient_progress``: 0 ≤ ratio < 60 %;
- ``moving_away``: ratio < 0;
- ``no_longer_reachable``: the target year has passed (or is the latest year) and the target is
  not met, or the unit's own limits make it impossible (a share above 100 %, a rate below 0);
- ``no_data``: no observation up to the year assessed;
- ``not_comparable``: the latest value is the first on a new definition (a series break after
  the baseline): no pace can be computed across it (``reason`` says which break);
- ``not_met``: final verdict, the target year is observed and the target is not satisfied;
- ``target_year_unobserved``: the target year has passed but no value for it is observed;
- ``not_assessable``: observations exist but a needed figure is unknown (e.g. no baseline).

Paces per target kind, in the target's own unit (``pace_unit``; ``docs/methodology.md``,
"Tracking"):

- level targets: from the baseline to the latest observation, in points a year for a share,
  units a year for a count, compound percent a year for other amounts;
- growth-rate targets of level indicators: compound annual growth;
- rate indicators (GRDP growth): the geometric mean of the observed yearly indices, missing
  years skipped (the statistical system's term average);
- percentage-point reductions: points per year from the baseline to the latest observation,
  signed (a fall is negative);
- counts per year: the average yearly count observed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from decimal import Decimal
from operator import attrgetter
from typing import Any

from typing_extensions import assert_never

from cbkpi import calc, pace
from cbkpi.calc import Figure
from cbkpi.models import (
    Baseline,
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
from cbkpi.revisions import SeriesBreak
from cbkpi.units import BUILTIN_UNITS, UnitRegistry

UNKNOWN_FIGURE = Figure(None, calc.UNKNOWN)
NOT_PERCENT = Figure(None, "not_applicable")
ON_TRACK_RATIO = 95.0
MODERATE_RATIO = 60.0


@dataclass(frozen=True, slots=True)  # one per target tracked: 150,000 at 100,000 indicators
class Tracking:
    target: Target
    status: str
    latest_year: int | None = None
    latest_value: float | None = None
    observed_pace: Figure = UNKNOWN_FIGURE
    required_pace: Figure = UNKNOWN_FIGURE
    pace_ratio_pct: float | None = None
    achievement_pct: Figure = UNKNOWN_FIGURE
    projected_end_value: Figure = UNKNOWN_FIGURE
    required_pace_remaining_pct: Figure = UNKNOWN_FIGURE
    """The relative (compound) rate still needed, in percent a year; ``not_applicable`` for
    paces in points or units (see ``required_pace_remaining``)."""
    pace_unit: PaceUnit | None = None
    """The unit of ``observed_pace``, ``required_pace`` and ``required_pace_remaining``."""
    missing_years: list[int] = field(default_factory=list)
    required_pace_remaining: Figure = UNKNOWN_FIGURE
    """The pace still needed over the years left, in ``pace_unit``; at the end of a term with
    years never observed, what those years would have needed (``missing_years``)."""
    reason: str | None = None
    """Why the pace starts later than the baseline, or cannot be computed (a series break)."""
    latest_comparator: str | None = None
    """``over``/``under``… when the latest value is a bound ("vượt 4.000"), not a value."""
    range_required: tuple[Figure, Figure] | None = None
    """Range targets: the pace needed from the baseline to the low and to the high end."""
    position: str | None = None
    """Range targets: the latest value (a count range: the average count) ``below``, ``within``
    or ``above`` the range."""


_FIELDS = tuple(f.name for f in fields(Tracking))
_VALUES = attrgetter(*_FIELDS)
_INDEX = {name: i for i, name in enumerate(_FIELDS)}


def _replaced(tr: Tracking, **changes: Any) -> Tracking:
    """``dataclasses.replace(tr, **changes)``, at half its cost: most targets tracked get a
    final status this way (``replace`` looks up every field's kind and calls by keyword)."""
    values = list(_VALUES(tr))
    for name, value in changes.items():
        values[_INDEX[name]] = value
    return Tracking(*values)


def classify(ratio_pct: float) -> str:
    if ratio_pct >= ON_TRACK_RATIO:
        return "on_track"
    if ratio_pct >= MODERATE_RATIO:
        return "moderate_progress"
    if ratio_pct >= 0:
        return "insufficient_progress"
    return "moving_away"


def _ratio(observed: Figure, required: Figure) -> float | None:
    if observed.value is None or required.value is None or required.value == 0:
        return None
    return observed.value / required.value * 100.0


def _status(met: bool, ratio: float | None, left: int, reachable: bool, required: Figure | None = None) -> str:
    """``left``: years from the year assessed to the target year."""
    if met:
        return "met"
    if left <= 0 or not reachable:
        return "no_longer_reachable"
    if ratio is None:
        # A target equal to the baseline needs no pace: not met means the value moved away.
        return "moving_away" if required is not None and required.value == 0 else "not_assessable"
    return classify(ratio)


def _figure(fig: Figure) -> Figure:
    """A :class:`cbkpi.pace.Pace` as a plain figure (its unit is the tracking's ``pace_unit``)."""
    return Figure(fig.value, fig.reason, fig.note)


def _within_unit(units: UnitRegistry, unit_key: str, value: float) -> bool:
    unit = units.find(unit_key)
    return unit is None or unit.violation(value) is None


def _range_position(value: float, low: float, high: float) -> str:
    return "below" if value < low else "above" if value > high else "within"


def _end_year(t: Target) -> int | None:
    return max((year for _, year in t.year_fields), default=None)


def _final(tr: Tracking, t: Target, seen: dict[int, float], as_of: int) -> Tracking:
    """Once the target year is reached: ``met`` or ``not_met`` when its value is observed,
    ``target_year_unobserved`` when not (a count already past its total stays met)."""
    end = _end_year(t)
    if end is None or as_of < end:
        return tr
    if tr.status == "met" and isinstance(t, CountPerYearTarget | CountPerYearRangeTarget):
        return tr
    if end not in seen:
        return _replaced(tr, status="target_year_unobserved")
    if tr.status in ("met", "not_assessable", "not_comparable", "no_data"):
        return tr
    return _replaced(tr, status="not_met")


def _break_after(ind: Indicator, breaks: Sequence[SeriesBreak], as_of: int) -> SeriesBreak | None:
    """The latest series break after the baseline year and up to ``as_of``."""
    start = ind.baseline.year if ind.baseline is not None else None
    found = [b for b in breaks if b.year <= as_of and (start is None or b.year > start)]
    return found[-1] if found else None


def track(
    ind: Indicator,
    t: Target,
    values: dict[int, float],
    as_of: int,
    breaks: Sequence[SeriesBreak] = (),
    units: UnitRegistry = BUILTIN_UNITS,
) -> Tracking:
    """Assess one target of ``ind`` with the observations ``values`` (year → value) up to
    ``as_of``; a series break in ``breaks`` starts the pace at the break (never across it).
    Paces are in the target's own unit (``pace_unit``), also when none is computed; ``units``: the
    report's units (built-in and declared)."""
    tr = _track_segment(ind, t, values, as_of, breaks, units)
    return tr if tr.pace_unit is not None else _replaced(tr, pace_unit=t.pace_unit(ind.unit, units))


def _track_segment(
    ind: Indicator, t: Target, values: dict[int, float], as_of: int, breaks: Sequence[SeriesBreak], units: UnitRegistry
) -> Tracking:
    seen = {y: v for y, v in values.items() if y <= as_of}
    if not seen:
        return _final(Tracking(target=t, status="no_data"), t, seen, as_of)
    brk = _break_after(ind, breaks, as_of)
    if brk is None:
        return _final(_track(ind, t, seen, as_of, units), t, seen, as_of)
    reason = f"series break {brk.year}: {brk.definition or 'new definition'}"
    seen = {y: v for y, v in seen.items() if y >= brk.year}
    if not seen:  # the break year's own value was left out (say, a unit that does not convert)
        return _final(Tracking(t, "not_comparable", reason=reason), t, seen, as_of)
    if len(seen) == 1:
        latest_year = max(seen)
        return _final(Tracking(t, "not_comparable", latest_year, seen[latest_year], reason=reason), t, seen, as_of)
    # The new series starts at the break; its first usable value is the segment's baseline (the
    # break year's own, unless that value was left out).
    first = min(seen)
    segment = Baseline(year=first, value=Decimal(repr(seen[first])))
    tr = _track(ind.model_copy(update={"baseline": segment}), t, seen, as_of, units)
    return _final(_replaced(tr, reason=reason), t, seen, as_of)


def _track(ind: Indicator, t: Target, seen: dict[int, float], as_of: int, units: UnitRegistry) -> Tracking:
    latest_year = max(seen)
    latest = seen[latest_year]
    base = ind.baseline
    b = None if base is None or base.value is None else float(base.value)
    b_year = base.year if base is not None else None
    unit = units.find(ind.unit)

    if unit is not None and unit.kind == "rate" and isinstance(t, GrowthRateTarget):
        return _track_rate(t, seen, latest_year, latest, as_of)
    if isinstance(t, CountPerYearTarget):
        return _track_count(t, None if t.value is None else float(t.value), seen, latest_year, latest, as_of)
    if isinstance(t, CountPerYearRangeTarget):
        return _track_count_range(t, seen, latest_year, latest, as_of)
    if b is None or b_year is None:
        return Tracking(target=t, status="not_assessable", latest_year=latest_year, latest_value=latest)
    match t:
        case LevelTarget():
            if t.value is None:
                return Tracking(target=t, status="not_assessable", latest_year=latest_year, latest_value=latest)
            return _track_level(ind, t, float(t.value), b, b_year, latest_year, latest, as_of, units, t.comparator)
        case LevelRangeTarget():
            return _track_level_range(ind, t, b, b_year, latest_year, latest, as_of, units)
        case MaintainTarget():
            return _track_maintain(ind, t, b, latest_year, latest)
        case GrowthRateTarget():
            return _track_growth(t, b, b_year, latest_year, latest, as_of)
        case PointsReductionTarget():
            return _track_points(ind, t, b, b_year, latest_year, latest, as_of, units)
        case CountPerYearTarget() | CountPerYearRangeTarget():  # tracked above, with or without a baseline
            raise AssertionError("unreachable")
        case MilestoneTarget() | QualitativeTarget():
            return Tracking(target=t, status="not_assessable", latest_year=latest_year, latest_value=latest)
        case _:
            assert_never(t)


def _track_level(
    ind: Indicator,
    t: LevelTarget | LevelRangeTarget,
    target: float,
    b: float,
    b_year: int,
    latest_year: int,
    latest: float,
    as_of: int,
    units: UnitRegistry,
    comparator: str,
) -> Tracking:
    """``target``: the level's value (a level target without one is not assessable)."""
    elapsed = latest_year - b_year
    years = t.year - b_year
    remaining = t.year - latest_year
    met = calc.meets(latest, target, ind.direction, comparator)
    unit = t.pace_unit(ind.unit, units) or pace.PCT_PER_YEAR
    # In the planner's terms: points a year for a share, units for a count, compound % otherwise.
    observed = pace.observed_figure(b, latest, elapsed, unit)
    required = pace.observed_figure(b, target, years, unit)
    projected = pace.implied_end(latest, observed.value, remaining, unit) if observed.value is not None else observed
    needed = calc.cagr(latest, target, remaining)
    reachable = _within_unit(units, ind.unit, target)
    ratio = _ratio(observed, required)
    return Tracking(
        target=t,
        status=_status(met, ratio, t.year - as_of, reachable, required),
        latest_year=latest_year,
        latest_value=latest,
        observed_pace=observed,
        required_pace=required,
        pace_ratio_pct=ratio,
        achievement_pct=calc.level_achievement(latest, target, ind.direction),
        projected_end_value=projected,
        required_pace_remaining_pct=needed,
        required_pace_remaining=pace.observed_figure(latest, target, remaining, unit),
        pace_unit=unit,
    )


def _track_level_range(
    ind: Indicator,
    t: LevelRangeTarget,
    b: float,
    b_year: int,
    latest_year: int,
    latest: float,
    as_of: int,
    units: UnitRegistry,
) -> Tracking:
    """A level range is tracked as a level target at the end that enters the range (low when
    higher is better): met once the value is in the range or beyond it on the good side. The
    pace to each end and the position of the latest value are added."""
    low, high = float(t.low), float(t.high)
    near, comparator = (low, "at_least") if ind.direction == "higher" else (high, "at_most")
    tr = _track_level(ind, t, near, b, b_year, latest_year, latest, as_of, units, comparator)
    years = t.year - b_year
    return _replaced(
        tr,
        range_required=(calc.cagr(b, low, years), calc.cagr(b, high, years)),
        position=_range_position(latest, low, high),
    )


def _track_maintain(ind: Indicator, t: MaintainTarget, b: float, latest_year: int, latest: float) -> Tracking:
    level = float(t.value) if t.value is not None else b
    met = calc.meets(latest, level, ind.direction, "reach")
    return Tracking(
        target=t,
        status="met" if met else "moving_away",
        latest_year=latest_year,
        latest_value=latest,
        achievement_pct=calc.maintain_achievement(latest, level, ind.direction),
    )


def _track_growth(t: GrowthRateTarget, b: float, b_year: int, latest_year: int, latest: float, as_of: int) -> Tracking:
    elapsed = latest_year - b_year
    rate = float(t.value)
    years = t.end_year - b_year
    remaining = t.end_year - latest_year
    observed = calc.cagr(b, latest, elapsed)
    required = Figure(rate)
    goal = calc.implied_end_value(b, rate, years)
    # Met once the level the rate would reach by the end year is already reached.
    met = goal.value is not None and calc.meets(latest, goal.value, "higher", "at_least")
    projected = calc.implied_end_value(latest, observed.value, remaining) if observed.value is not None else observed
    needed = calc.cagr(latest, goal.value, remaining) if goal.value is not None else goal
    ratio = _ratio(observed, required)
    return Tracking(
        target=t,
        status=_status(met, ratio, t.end_year - as_of, True),
        latest_year=latest_year,
        latest_value=latest,
        observed_pace=observed,
        required_pace=required,
        pace_ratio_pct=ratio,
        achievement_pct=calc.growth_achievement(observed.value, rate),
        projected_end_value=projected,
        required_pace_remaining_pct=needed,
        required_pace_remaining=needed,
        pace_unit=pace.PCT_PER_YEAR,
    )


def _track_points(
    ind: Indicator,
    t: PointsReductionTarget,
    b: float,
    b_year: int,
    latest_year: int,
    latest: float,
    as_of: int,
    units: UnitRegistry,
) -> Tracking:
    elapsed = latest_year - b_year
    per_year = float(t.value)
    years = t.end_year - b_year
    remaining = t.end_year - latest_year
    goal_level = b - per_year * years
    # Signed, in points a year: a fall is negative (22.07 -> 14.07 in 2 years: -4.00).
    observed = _figure(pace.linear_pace(b, latest, elapsed))
    required = Figure(-per_year)
    met = latest <= goal_level
    projected = pace.implied_linear_end(latest, observed.value, remaining) if observed.value is not None else observed
    needed = _figure(pace.linear_pace(latest, goal_level, remaining))
    ratio = _ratio(observed, required)
    reachable = _within_unit(units, ind.unit, goal_level)
    return Tracking(
        target=t,
        status=_status(met, ratio, t.end_year - as_of, reachable),
        latest_year=latest_year,
        latest_value=latest,
        observed_pace=observed,
        required_pace=required,
        pace_ratio_pct=ratio,
        achievement_pct=calc.points_reduction_achievement(
            None if observed.value is None else -observed.value, per_year
        ),
        projected_end_value=projected,
        required_pace_remaining_pct=NOT_PERCENT,
        required_pace_remaining=needed,
        pace_unit=pace.PP_PER_YEAR,
    )


def _settled(status: str, missing: list[int], left: int, met_is_final: bool = False) -> str:
    """A term average or total is not judged final while years of the term are unknown (a
    count already past its total is met whatever the missing years hold)."""
    if left <= 0 and missing and (status == "no_longer_reachable" or (status == "met" and not met_is_final)):
        return "not_assessable"
    return status


def _track_rate(t: GrowthRateTarget, seen: dict[int, float], latest_year: int, latest: float, as_of: int) -> Tracking:
    """A rate indicator (its values are yearly growth rates) against an average-rate target."""
    years = [y for y in range(t.start_year + 1, min(latest_year, t.end_year) + 1)]
    observed_years = [y for y in years if y in seen]
    missing = [y for y in years if y not in seen]
    remaining = t.end_year - latest_year
    rate = float(t.value)
    if not observed_years:
        return Tracking(target=t, status="no_data", latest_year=latest_year, latest_value=latest, missing_years=missing)
    # The term average as the statistics office computes it: the geometric mean of the yearly
    # indices (docs/methodology.md, "Term averages of yearly rates").
    rates = [seen[y] for y in observed_years]
    observed = _figure(pace.geometric_mean_rate(rates))
    average = observed.value if observed.value is not None else float("nan")
    required = Figure(rate)
    ratio = _ratio(observed, required)
    met = remaining <= 0 and calc.meets(average, rate, "higher", t.comparator)
    if remaining > 0:
        # The rate the years left need for the term to average the target; years never observed
        # are left out, i.e. taken as having run at the target rate.
        needed = _figure(pace.remaining_average_rate(rate, len(observed_years) + remaining, rates))
    elif missing:
        # The term is over: what the years never observed would have needed.
        needed = _figure(pace.remaining_average_rate(rate, t.end_year - t.start_year, rates))
    else:
        needed = Figure(None, calc.NO_YEARS)
    reachable = needed.value is None or needed.value > -100
    return Tracking(
        target=t,
        status=_settled(_status(met, ratio, t.end_year - as_of, reachable), missing, t.end_year - as_of),
        latest_year=latest_year,
        latest_value=latest,
        observed_pace=observed,
        required_pace=required,
        pace_ratio_pct=ratio,
        achievement_pct=calc.growth_achievement(observed.value, rate),
        projected_end_value=observed,
        required_pace_remaining_pct=needed,
        required_pace_remaining=needed,
        pace_unit=pace.PCT_PER_YEAR,
        missing_years=missing,
    )


def _track_count(
    t: CountPerYearTarget | CountPerYearRangeTarget,
    per_year_target: float | None,
    seen: dict[int, float],
    latest_year: int,
    latest: float,
    as_of: int,
) -> Tracking:
    """Observations of a count-per-year target are the counts of each year; ``per_year_target``
    the count a year to reach (unknown: not assessable)."""
    years = [y for y in range(t.start_year + 1, min(latest_year, t.end_year) + 1)]
    observed_years = [y for y in years if y in seen]
    missing = [y for y in years if y not in seen]
    if not observed_years:
        return Tracking(target=t, status="no_data", latest_year=latest_year, latest_value=latest, missing_years=missing)
    if per_year_target is None:
        return Tracking(
            target=t, status="not_assessable", latest_year=latest_year, latest_value=latest, missing_years=missing
        )
    per_year = per_year_target
    total = t.end_year - t.start_year
    remaining = t.end_year - latest_year
    done = sum(seen[y] for y in observed_years)
    average = done / len(observed_years)
    observed = Figure(average)
    required = Figure(per_year)
    ratio = _ratio(observed, required)
    met = done >= per_year * total
    if remaining > 0:
        # What the years left need a year; years never observed are left out, i.e. taken as
        # having counted the target's yearly number (as for term averages of rates).
        needed = Figure((per_year * (len(observed_years) + remaining) - done) / remaining)
    elif missing:
        # The term is over: what the years never observed would have needed a year.
        needed = Figure((per_year * total - done) / len(missing))
    else:
        needed = Figure(None, calc.NO_YEARS)
    return Tracking(
        target=t,
        status=_settled(_status(met, ratio, t.end_year - as_of, True), missing, t.end_year - as_of, met_is_final=True),
        latest_year=latest_year,
        latest_value=latest,
        observed_pace=observed,
        required_pace=required,
        pace_ratio_pct=ratio,
        achievement_pct=calc.count_achievement(done, per_year, total),
        projected_end_value=Figure(done + average * remaining),
        required_pace_remaining_pct=NOT_PERCENT,
        required_pace_remaining=needed,
        pace_unit=pace.UNITS_PER_YEAR,
        missing_years=missing,
    )


def _track_count_range(
    t: CountPerYearRangeTarget, seen: dict[int, float], latest_year: int, latest: float, as_of: int
) -> Tracking:
    """A count range is tracked as a count target at its low end (met once the total reaches
    low × years); the average count observed is placed below, within or above the range."""
    low, high = float(t.low), float(t.high)
    tr = _track_count(t, low, seen, latest_year, latest, as_of)
    if tr.observed_pace.value is None:
        return tr
    return _replaced(
        tr,
        range_required=(Figure(low), Figure(high)),
        position=_range_position(tr.observed_pace.value, low, high),
    )


@dataclass(frozen=True, slots=True)
class IndicatorTracking:
    indicator: Indicator
    targets: list[Tracking]
    observations: dict[int, float]


_LOWER_BOUNDS = ("over", "at_least")
_UPPER_BOUNDS = ("under", "at_most")


def _bounded(tr: Tracking, ind: Indicator, comparator: str | None) -> Tracking:
    """A latest value that is a bound decides a verdict only in the bound's favour: "vượt 4.000"
    can prove a target met but not missed; "gần 4.200" (under) can prove it missed, not met."""
    if comparator is None:
        return tr
    tr = _replaced(tr, latest_comparator=comparator)
    better = _LOWER_BOUNDS if ind.direction == "higher" else _UPPER_BOUNDS
    worse = _UPPER_BOUNDS if ind.direction == "higher" else _LOWER_BOUNDS
    if (tr.status == "met" and comparator in worse) or (tr.status == "not_met" and comparator in better):
        return _replaced(tr, status="not_assessable", reason=f"latest value is a bound ({comparator})")
    return tr


def track_indicator(
    ind: Indicator,
    values: dict[int, float],
    as_of: int,
    breaks: Sequence[SeriesBreak] = (),
    bounds: Mapping[int, str] | None = None,
    units: UnitRegistry = BUILTIN_UNITS,
) -> IndicatorTracking:
    """``bounds``: year → comparator of the values that are bounds; ``units``: the report's."""
    quantified = [t for t in ind.targets if t.quantified]
    tracked = [track(ind, t, values, as_of, breaks, units) for t in quantified]
    if bounds:
        tracked = [_bounded(tr, ind, bounds.get(tr.latest_year) if tr.latest_year else None) for tr in tracked]
    return IndicatorTracking(ind, tracked, values)


@dataclass(frozen=True)
class TermTracking:
    as_of: int
    indicators: dict[str, IndicatorTracking]
    """By indicator id, for every indicator of the targets file (``no_data`` where none)."""
    units: UnitRegistry = BUILTIN_UNITS
    """The units of the report (built-in and declared): for the pace units' labels."""


def term_tracking(
    indicators: list[Indicator],
    values: dict[str, dict[int, float]],
    as_of: int,
    breaks: Mapping[str, Sequence[SeriesBreak]] | None = None,
    bounds: Mapping[str, Mapping[int, str]] | None = None,
    units: UnitRegistry = BUILTIN_UNITS,
) -> TermTracking:
    return TermTracking(
        as_of,
        {
            ind.id: track_indicator(
                ind, values.get(ind.id, {}), as_of, (breaks or {}).get(ind.id, ()), (bounds or {}).get(ind.id), units
            )
            for ind in indicators
        },
        units,
    )


def latest_year(values: dict[str, dict[int, float]]) -> int | None:
    """The latest year with any observation: the default year to assess."""
    years = [y for per in values.values() for y in per]
    return max(years) if years else None
