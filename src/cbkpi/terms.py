"""Terms side by side: naming and choosing terms, the observations each term owns, baselines
taken from observations, and one indicator's chart across terms.

Rules (README, "Terms"; docs/data-format.md, "Baselines from observations"):

- A term is named ``START-END`` (``2025-2030``) after its file's ``term``. ``--term`` takes that
  name (a hyphen or an en dash) or a bare end year (``2030``: the term that ends that year, as
  people say "targets to 2030"). Several files may share a term (its targets and its results).
- An observation of year Y belongs to every term with ``start <= Y <= end``: 2025 is the last
  year of 2020-2025 and the base year of 2025-2030. Each term is tracked with its own years only.
- The year assessed is chosen per term: ``--as-of`` capped at the term's end (a term that starts
  after it is not tracked); without ``--as-of``, the latest year observed within the term.
- ``baseline: {year: 2025, from_observations: true}``: the baseline is the observation that
  counts for that indicator and year (:func:`cbkpi.observations.effective`: the newest
  non-estimate, else the newest estimate), with its estimate flag; no such observation leaves
  the baseline unknown. Where it came from is kept (:attr:`TermStatus.origins`).
"""

from __future__ import annotations

from collections.abc import Sequence

from typing_extensions import assert_never

from cbkpi.models import (
    CountPerYearRangeTarget,
    CountPerYearTarget,
    DataFile,
    GrowthRateTarget,
    Indicator,
    LevelRangeTarget,
    LevelTarget,
    MaintainTarget,
    MilestoneTarget,
    PointsReductionTarget,
    QualitativeTarget,
    Term,
)
from cbkpi.observations import Located, in_unit
from cbkpi.series import Point, Series, chart_series
from cbkpi.status import IndicatorStatus, TermStatus
from cbkpi.tracking import latest_year
from cbkpi.units import BUILTIN_UNITS, UnitRegistry


def term_name(term: Term) -> str:
    """``2025-2030``."""
    return f"{term.start}-{term.end}"


class UnknownTerm(ValueError):
    """``--term`` names no term of the files read."""


def pick_term(wanted: str, available: Sequence[str]) -> str:
    """The term ``wanted`` names among ``available`` (``START-END`` names): ``2025-2030``,
    ``2025–2030`` or the end year ``2030``. Raises :class:`UnknownTerm` listing the terms."""
    text = wanted.strip().replace("–", "-").replace(" ", "")
    if text in available:
        return text
    if text.isdigit():
        ending = [name for name in available if name.endswith(f"-{text}")]
        if len(ending) == 1:
            return ending[0]
    listed = ", ".join(available) or "none"
    from cbkpi.i18n import message_lang, t

    raise UnknownTerm(t("err_unknown_term", message_lang(), wanted=wanted, listed=listed))


def term_values(observed: dict[str, dict[int, float]], term: Term) -> dict[str, dict[int, float]]:
    """The observations of the years of ``term`` (its first and last year included). An
    indicator observed only within the term keeps its own mapping (not copied: 100,000 of them)."""
    start, end = term.start, term.end
    out: dict[str, dict[int, float]] = {}
    for ind, per in observed.items():
        if not per:
            continue
        if start <= min(per) and max(per) <= end:
            out[ind] = per
            continue
        kept = {y: v for y, v in per.items() if start <= y <= end}
        if kept:
            out[ind] = kept
    return out


def term_as_of(values: dict[str, dict[int, float]], term: Term, as_of: int | None) -> int | None:
    """The year ``term`` is assessed at: ``as_of`` capped at its end (None before it starts),
    else the latest year observed within it (None: no observation, no tracking)."""
    if as_of is not None:
        return None if as_of < term.start else min(as_of, term.end)
    return latest_year(values)


def resolve_baselines(data: DataFile, counted: dict[str, dict[int, Located]]) -> tuple[DataFile, dict[str, Located]]:
    """``data`` with each ``from_observations`` baseline's value taken from the observation
    that counts for its indicator and year (in the indicator's unit, with its estimate flag and
    its comparator: "vượt 4.000" stays a lower bound), and those observations by indicator id.
    An observation whose unit cannot be converted leaves the baseline unknown."""
    origins: dict[str, Located] = {}
    indicators: list[Indicator] = []
    for ind in data.indicators:
        base = ind.baseline
        item = counted.get(ind.id, {}).get(base.year) if base is not None and base.from_observations else None
        value = None if item is None else in_unit(item.obs, ind.unit)
        if base is None or item is None or value is None:
            indicators.append(ind)
            continue
        origins[ind.id] = item
        # model_copy does not validate again: value and from_observations stand together here only.
        o = item.obs
        resolved = base.model_copy(update={"value": value, "estimate": o.estimate, "comparator": o.comparator})
        indicators.append(ind.model_copy(update={"baseline": resolved}))
    if not origins:
        return data, origins
    return data.model_copy(update={"indicators": indicators}), origins


def term_order(term: TermStatus) -> tuple[int, int, bool]:
    """Sort key: by start year, then end year; a term's results before its targets."""
    return (term.data.term.start, term.data.term.end, term.data.kind == "targets")


def select_terms(terms: Sequence[TermStatus], wanted: str) -> list[TermStatus]:
    """The terms ``wanted`` names (:func:`pick_term`)."""
    names = list(dict.fromkeys(term_name(t.data.term) for t in terms))
    name = pick_term(wanted, names)
    return [t for t in terms if term_name(t.data.term) == name]


# -- one indicator across terms ---------------------------------------------------------------
def result_points(record: IndicatorStatus, units: UnitRegistry = BUILTIN_UNITS) -> list[Point]:
    """A finished term's results on the indicator's own scale (a level, or the rate of a rate
    indicator); results in another unit (a rate of a level indicator, a count) are left out."""
    ind = record.indicator
    unit = units.find(ind.unit)
    rate_indicator = unit is not None and unit.kind == "rate"
    out: list[Point] = []
    for ts in record.targets:
        t = ts.target
        r = t.result
        if r is None or r.value is None or (r.unit is not None and r.unit != ind.unit):
            continue
        match t:
            case LevelTarget():
                if t.unit is None or t.unit == ind.unit:
                    out.append((t.year, float(r.value)))
            case LevelRangeTarget():
                out.append((t.year, float(r.value)))
            case MaintainTarget():
                out.append((t.year, float(r.value)))
            case GrowthRateTarget():
                if rate_indicator:
                    out.append((t.end_year, float(r.value)))
            case (
                CountPerYearTarget()
                | CountPerYearRangeTarget()
                | PointsReductionTarget()
                | MilestoneTarget()
                | QualitativeTarget()
            ):
                pass  # a count, a pace or a text: not a value of the indicator
            case _:
                assert_never(t)
    return out


def series_across(records: Sequence[tuple[TermStatus, IndicatorStatus]], observed: dict[int, float]) -> list[Series]:
    """One chart across terms: each term's baseline, required path, targets (and a finished
    term's results), labelled with the term, and every observation once. Terms whose indicator
    has another unit than the last term's are left out (another scale)."""
    if not records:
        return []
    unit = records[-1][1].indicator.unit
    out: list[Series] = []
    for term, record in records:
        if record.indicator.unit != unit:
            continue
        name = term_name(term.data.term)
        out += [Series(s.key, s.points, name) for s in chart_series(record.indicator, {}, term.units)]
        results = result_points(record, term.units) if term.data.kind == "results" else []
        if results:
            out.append(Series("result", results, name))
    if observed:
        out.append(Series("observed", sorted(observed.items())))
    return out


def span(records: Sequence[tuple[TermStatus, IndicatorStatus]]) -> tuple[int, int] | None:
    """The years the terms cover, from the first start to the last end."""
    if not records:
        return None
    return min(t.data.term.start for t, _ in records), max(t.data.term.end for t, _ in records)
