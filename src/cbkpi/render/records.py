"""One record per target, figure by figure: the rows of the CSV and of the xlsx sheets.

Each figure is a :class:`Cell`: the raw value (numbers as numbers, equal to the JSON output's)
and, for a number, the unit and decimals that choose how a spreadsheet shows it. The column
keys are stable (the CSV's machine header, ``--format csv-keys``); the headers people read are
``t("h_" + key)``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from cbkpi.calc import Figure
from cbkpi.i18n import t
from cbkpi.models import CountPerYearRangeTarget, LevelRangeTarget
from cbkpi.numbers import data_number, json_figure, places
from cbkpi.pace import PaceUnit
from cbkpi.render.status_json import target_json
from cbkpi.render.words import pace_label, target_text
from cbkpi.status import IndicatorStatus, TargetStatus, TermStatus
from cbkpi.tracking import Tracking

Value = str | int | float | bool | None

COMPARATOR_SIGNS = {"over": ">", "at_least": "≥", "at_most": "≤", "under": "<", "exactly": "", "reach": ""}
"""Comparators as signs, the same in every language: ``>`` for "trên", ``≥`` for "ít nhất"."""
BOUND_SIGNS = {"lower_bound": "≥", "result_is_lower_bound": "≥", "upper_bound": "≤"}
"""A computed figure that is only a bound (from a baseline printed as "trên 2.000")."""

COMPUTED_DECIMALS = 2
"""Decimals shown for a computed figure (the cell keeps the full number)."""


PACE_UNIT_KEYS = {"pct_per_year": "percent_per_year", "pp_per_year": "percentage_points_per_year"}
"""A pace unit's key in the unit registry (its spreadsheet format); counts per year take the
indicator's unit."""


def _pace_unit_key(pace_unit: str | None, ind_unit: str) -> str | None:
    return None if pace_unit is None else PACE_UNIT_KEYS.get(pace_unit, ind_unit)


def _pace_words(pace_unit: str | None, ind_unit: str, lang: str, words: bool) -> Value:
    if pace_unit is None or not words:
        return pace_unit
    return pace_label(cast(PaceUnit, pace_unit), ind_unit, lang)


@dataclass(frozen=True)
class Cell:
    value: Value
    unit: str | None = None
    """The unit key of a number (chooses its spreadsheet format); None for text."""
    decimals: int = COMPUTED_DECIMALS


def _data(value: Decimal | None, unit: str | None) -> Cell:
    """A figure from the data, shown with the decimals it was written with."""
    written = places(value) if value is not None else None
    return Cell(data_number(value), unit, min(written or 0, 4))


def _computed(fig: Figure, unit: str | None) -> Cell:
    return Cell(json_figure(fig), unit)


TARGET_KEYS = (
    "term",
    "file",
    "id",
    "label",
    "name",
    "area",
    "unit",
    "direction",
    "baseline_year",
    "baseline_value",
    "target_kind",
    "comparator",
    "target_value",
    "target_unit",
    "target_year",
    "required_annual_growth_pct",
    "required_pace",
    "required_pace_unit",
    "implied_end_value",
    "result_value",
    "result_unit",
    "achievement_pct",
    "published_ratio_pct",
    "met",
    # added with the tracking columns; appended so that positional readers keep working
    "baseline_comparator",
    "required_comparator",
    "implied_end_comparator",
    "result_comparator",
    "target_text",
)
RANGE_KEYS = (
    "target_low",
    "target_high",
    "required_low_pct",
    "required_high_pct",
    "implied_end_low",
    "implied_end_high",
    "range_position",
)
"""Range targets only (``level_range``, ``count_per_year_range``): the ends, the %/year to
reach each end of a level range, the totals at each end of a count range, the result's
position (``below``, ``within``, ``above``)."""
TRACKING_KEYS = (
    "status",
    "latest_year",
    "latest_value",
    "observed_pace",
    "pace_unit",
    "projected_end_value",
    "required_pace_remaining",
    "required_pace_remaining_pct",
    "missing_years",
)


def _ends(ends: dict[str, float | None] | None, unit: str | None) -> tuple[Cell, Cell]:
    low, high = (None, None) if ends is None else (ends["low"], ends["high"])
    return Cell(low, unit), Cell(high, unit)


def range_record(ts: TargetStatus, lang: str, words: bool) -> dict[str, Cell]:
    """The range figures of one target (empty cells for a target that is not a range)."""
    d = target_json(ts)
    level = isinstance(ts.target, LevelRangeTarget)
    ranged = isinstance(ts.target, (LevelRangeTarget, CountPerYearRangeTarget))
    low = getattr(ts.target, "low", None) if ranged else None
    high = getattr(ts.target, "high", None) if ranged else None
    req_low, req_high = _ends(d.get("range_required") if level else None, "percent_per_year")
    end_low, end_high = _ends(d.get("range_implied_end_value"), ts.unit)
    position = d.get("range_position")
    return {
        "target_low": _data(low if isinstance(low, Decimal) else None, ts.unit),
        "target_high": _data(high if isinstance(high, Decimal) else None, ts.unit),
        "required_low_pct": req_low,
        "required_high_pct": req_high,
        "implied_end_low": end_low,
        "implied_end_high": end_high,
        "range_position": Cell(t("range_" + position, lang) if words and position else position),
    }


def target_record(term: TermStatus, ind: IndicatorStatus, ts: TargetStatus, lang: str, words: bool) -> dict[str, Cell]:
    """The figures of one target. ``words``: area, unit, direction and yes/no in ``lang``
    (for people); otherwise their machine keys (for scripts)."""
    i = ind.indicator
    d = target_json(ts)
    b = i.baseline
    r = ts.target.result
    unit = i.unit if term.data.kind == "targets" else ts.unit
    target_value = getattr(ts.target, "value", None)
    year = d.get("year") or d.get("end_year")
    result_unit = (r.unit or ts.unit) if r is not None else None

    def word(key: str | None, unit_key: bool = False) -> Value:
        if key is None or not words:
            return key
        return term.units.label(key, lang) if unit_key else t(key, lang)

    def sign(comparator: str | None) -> Value:
        """``>`` for "over" (people), the key itself (scripts); nothing for none."""
        if not words:
            return comparator
        return COMPARATOR_SIGNS.get(comparator or "", "")

    def bound(fig: Figure) -> Value:
        """``≥``/``≤`` (people) or ``lower_bound``/``upper_bound`` (scripts) for a bound."""
        if fig.value is None or fig.note not in BOUND_SIGNS:
            return None
        return BOUND_SIGNS[fig.note] if words else fig.note

    met: Value = d["met"] if not words or d["met"] is None else t("yes" if d["met"] else "no", lang)
    result_value: Cell
    if r is not None and r.value is None:
        result_value = Cell(r.text)
    else:
        result_value = _data(r.value if r is not None else None, result_unit)
    return {
        "term": Cell(f"{term.data.term.start}-{term.data.term.end}"),
        "file": Cell(term.file),
        "id": Cell(i.id),
        "label": Cell(i.label),
        "name": Cell(i.name.get(lang)),
        "area": Cell(term.area_label(i.area, lang) if words else i.area),
        "unit": Cell(word(unit, unit_key=True)),
        "direction": Cell(word(i.direction)),
        "baseline_year": Cell(b.year if b is not None else None),
        "baseline_comparator": Cell(sign(b.comparator if b is not None else None)),
        "baseline_value": _data(b.value if b is not None else None, i.unit),
        "target_kind": Cell(d["kind"]),
        "target_text": Cell(target_text(ts, i.unit, lang)),
        "comparator": Cell(sign(getattr(ts.target, "comparator", None))),
        "target_value": _data(target_value if isinstance(target_value, Decimal) else None, ts.unit),
        "target_unit": Cell(word(ts.unit, unit_key=True)),
        "target_year": Cell(year),
        "required_comparator": Cell(bound(ts.required_annual_growth_pct)),
        "required_annual_growth_pct": _computed(ts.required_annual_growth_pct, "percent_per_year"),
        "required_pace": Cell(d["required_pace"], _pace_unit_key(d["required_pace_unit"], i.unit)),
        "required_pace_unit": Cell(_pace_words(d["required_pace_unit"], i.unit, lang, words)),
        "implied_end_comparator": Cell(bound(ts.implied_end_value)),
        "implied_end_value": _computed(ts.implied_end_value, i.unit),
        "result_comparator": Cell(sign(r.comparator if r is not None else None)),
        "result_value": result_value,
        "result_unit": Cell(word(result_unit, unit_key=True)),
        "achievement_pct": Cell(d["achievement_pct"], "percent", 1),
        "published_ratio_pct": Cell(d["published_ratio_pct"], "percent", 1),
        "met": Cell(met),
    } | range_record(ts, lang, words)


def tracking_record(tr: Tracking | None, ind_unit: str, lang: str, words: bool) -> dict[str, Cell]:
    """The tracking figures of one target (empty cells when it is not tracked); the latest and
    projected values are in the indicator's unit ``ind_unit``."""
    if tr is None:
        return {key: Cell(None) for key in TRACKING_KEYS}
    pace_key = _pace_unit_key(tr.pace_unit, ind_unit)
    return {
        "status": Cell(t(tr.status, lang) if words else tr.status),
        "latest_year": Cell(tr.latest_year),
        "latest_value": Cell(tr.latest_value, ind_unit),
        "observed_pace": _computed(tr.observed_pace, pace_key),
        "pace_unit": Cell(_pace_words(tr.pace_unit, ind_unit, lang, words)),
        "projected_end_value": _computed(tr.projected_end_value, ind_unit),
        "required_pace_remaining": _computed(tr.required_pace_remaining, pace_key),
        "required_pace_remaining_pct": _computed(tr.required_pace_remaining_pct, "percent_per_year"),
        "missing_years": Cell(", ".join(map(str, tr.missing_years)) or None),
    }


def term_records(term: TermStatus, lang: str, words: bool) -> Iterator[tuple[dict[str, Cell], bool]]:
    """Every target of the term: its record (target and tracking keys) and whether it is tracked."""
    for ind in term.indicators:
        tracked = term.tracking.indicators.get(ind.indicator.id) if term.tracking is not None else None
        for ts in ind.targets:
            trs = [tr for tr in tracked.targets if tr.target is ts.target] if tracked is not None else []
            tr = trs[0] if trs else None
            record = target_record(term, ind, ts, lang, words) | tracking_record(tr, ind.indicator.unit, lang, words)
            yield record, tr is not None


def headers(keys: Sequence[str], lang: str | None) -> list[str]:
    """Column headers: the machine keys (``lang`` None) or the labels in ``lang``."""
    return list(keys) if lang is None else [t("h_" + key, lang) for key in keys]


def values(record: dict[str, Cell], keys: Sequence[str]) -> list[Any]:
    return [record[key].value for key in keys]
