"""Audit the report's own arithmetic: printed ratios and growth claims, recomputed.

Each audited figure gets a verdict (``docs/methodology.md``, "Audit verdicts"):

- ``agrees``: the recomputed value, rounded half-up to the decimals printed, equals the print;
- ``within_rounding``: it does not, but it would for some inputs within half a unit of their
  last printed digit (``55`` may stand for anything in [54.5, 55.5]);
- ``disagrees``: no such inputs exist;
- ``not_computable``: an input is unknown or the formula is not defined for it.

The data is the document's: the audit reports, it never corrects.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Any

from typing_extensions import assert_never

from cbkpi import calc
from cbkpi.calc import Direction, Figure
from cbkpi.models import (
    CountPerYearRangeTarget,
    CountPerYearTarget,
    DataFile,
    GrowthClaim,
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
from cbkpi.numbers import half_unit
from cbkpi.numbers import printed_places as decimals

AGREES = "agrees"
WITHIN_ROUNDING = "within_rounding"
DISAGREES = "disagrees"
NOT_COMPUTABLE = "not_computable"


@dataclass(frozen=True)
class AuditItem:
    id: str
    """The indicator id (printed ratios) or the claim id (growth claims)."""
    check: str
    """``ratio``, ``claim_average_rate`` or ``claim_multiple``."""
    file: str
    label: str
    name: Names
    published: Decimal
    recomputed: float | None
    verdict: str
    formula: str
    """The recomputation written out with the document's figures."""
    low: float | None = None
    high: float | None = None
    """The range the recomputed value spans when inputs vary within their printed rounding."""
    reason: str | None = None
    line: int | None = None

    @property
    def difference(self) -> float | None:
        return None if self.recomputed is None else self.recomputed - float(self.published)


def _item(**fields: Any) -> AuditItem:
    return AuditItem(**fields)


def round_half_up(value: float, places: int) -> Decimal:
    """``value`` rounded half up to ``places`` decimals, exactly: the context holds every digit
    (the default 28 cannot quantize 1.0e+31 to 26 decimals)."""
    exact = Decimal(repr(value))
    digits = max(exact.adjusted(), 0) + places + 2
    return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP, context=Context(prec=max(28, digits)))


def span(func: Callable[..., Figure], inputs: Sequence[Decimal]) -> tuple[float, float] | None:
    """The least and greatest value of ``func`` over the corners of the inputs' rounding
    intervals. The ratios audited here are monotone in each input, so the corners bound them."""
    values = []
    for corner in itertools.product(*[(x - half_unit(x), x + half_unit(x)) for x in inputs]):
        fig = func(*[float(c) for c in corner])
        if fig.value is None:
            return None
        values.append(fig.value)
    return min(values), max(values)


def verdict(
    published: Decimal, recomputed: float, bounds: tuple[float, float] | None, comparator: str = "exactly"
) -> str:
    places = decimals(published)
    rounded = round_half_up(recomputed, places)
    half = float(half_unit(published))
    p = float(published)
    if comparator in ("over", "at_least"):
        if rounded >= published:
            return AGREES
        return WITHIN_ROUNDING if bounds is not None and bounds[1] >= p - half else DISAGREES
    if rounded == published:
        return AGREES
    if bounds is not None and bounds[0] <= p + half and bounds[1] >= p - half:
        return WITHIN_ROUNDING
    return DISAGREES


def _fmt(x: Decimal) -> str:
    return format(x, "f")


def _ratio_inputs(ind: Indicator, t: Target) -> tuple[Callable[..., Figure], list[Decimal], str] | None:
    """The achievement function, its inputs as printed, and the formula in words."""
    r = t.result
    if r is None or r.value is None:
        return None
    actual = r.value
    match t:
        case LevelTarget() | MaintainTarget():
            target = t.value
            if isinstance(t, LevelTarget) and t.ratio_basis == "equivalent" and t.equivalent is not None:
                target = t.equivalent.value
            if target is None:
                return None
            direction = ind.direction
            formula = (
                f"{_fmt(actual)} / {_fmt(target)} × 100"
                if direction == "higher"
                else f"{_fmt(target)} / {_fmt(actual)} × 100"
            )
            return (lambda a, b: calc.level_achievement(a, b, direction)), [actual, target], formula
        case GrowthRateTarget():
            return calc.growth_achievement, [actual, t.value], f"{_fmt(actual)} / {_fmt(t.value)} × 100"
        case PointsReductionTarget():
            return calc.points_reduction_achievement, [actual, t.value], f"{_fmt(actual)} / {_fmt(t.value)} × 100"
        case CountPerYearTarget():
            if t.value is None:
                return None
            years = t.end_year - t.start_year
            if r.basis == "per_year":
                return (
                    (lambda a, b: calc.level_achievement(a, b)),
                    [actual, t.value],
                    f"{_fmt(actual)} / {_fmt(t.value)} × 100",
                )
            return (
                (lambda a, b: calc.count_achievement(a, b, years)),
                [actual, t.value],
                f"{_fmt(actual)} / ({_fmt(t.value)} × {years}) × 100",
            )
        case LevelRangeTarget() | CountPerYearRangeTarget():
            # A ratio printed for a range is read against the end that enters it (low when higher
            # is better), the same end as the achievement column.
            higher = isinstance(t, CountPerYearRangeTarget) or ind.direction == "higher"
            near = t.low if higher else t.high
            if isinstance(t, CountPerYearRangeTarget) and r.basis == "total":
                span = t.end_year - t.start_year
                return (
                    (lambda a, b: calc.count_achievement(a, b, span)),
                    [actual, near],
                    f"{_fmt(actual)} / ({_fmt(near)} × {span}) × 100",
                )
            way: Direction = "higher" if higher else "lower"
            formula = f"{_fmt(actual)} / {_fmt(near)} × 100" if higher else f"{_fmt(near)} / {_fmt(actual)} × 100"
            return (lambda a, b: calc.level_achievement(a, b, way)), [actual, near], formula
        case MilestoneTarget() | QualitativeTarget():
            return None  # judged in words: no ratio to recompute
        case _:
            assert_never(t)


def audit_ratio(file: str, ind: Indicator, t: Target) -> AuditItem | None:
    pr = t.published_ratio
    if pr is None:
        return None
    base = {
        "id": ind.id,
        "check": "ratio",
        "file": file,
        "label": ind.label,
        "name": ind.name,
        "published": pr.value,
        "line": pr.ref.line,
    }
    spec = _ratio_inputs(ind, t)
    if spec is None:
        return _item(**base, recomputed=None, verdict=NOT_COMPUTABLE, formula="", reason=calc.UNKNOWN)
    func, inputs, formula = spec
    fig = func(*[float(x) for x in inputs])
    if fig.value is None:
        return _item(**base, recomputed=None, verdict=NOT_COMPUTABLE, formula=formula, reason=fig.reason)
    bounds = span(func, inputs)
    return _item(
        **base,
        recomputed=fig.value,
        verdict=verdict(pr.value, fig.value, bounds),
        formula=formula,
        low=bounds[0] if bounds else None,
        high=bounds[1] if bounds else None,
    )


def audit_claim(file: str, c: GrowthClaim) -> list[AuditItem]:
    """A growth claim's arithmetic: the average rate its increase (or multiple) implies over its
    years, and its increase against its multiple when it states both."""
    base = {"id": c.id, "file": file, "label": "", "name": c.subject, "line": c.ref.line}
    items: list[AuditItem] = []
    source = _claim_source(c)
    if c.average_annual_pct is not None and source is not None:
        items.append(_average_rate_item(base, c.average_annual_pct, c.average_comparator, *source))
    if c.increase_pct is not None and c.multiple is not None:
        items.append(_multiple_item(base, c.increase_pct, c.multiple))
    return items


ClaimSource = tuple[Callable[[float], Figure], Decimal, str]
"""How a claim's average rate is recomputed: the function of the given figure, that figure, the
formula as printed."""


def _claim_source(c: GrowthClaim) -> ClaimSource | None:
    """The figure a claim's average rate follows from: its increase in %, else its multiple."""
    years = c.end_year - c.start_year
    if c.increase_pct is not None:
        return (
            lambda inc: calc.rate_from_increase(inc, years),
            c.increase_pct,
            f"((1 + {_fmt(c.increase_pct)}/100)^(1/{years}) − 1) × 100",
        )
    if c.multiple is not None:
        return (
            lambda m: calc.rate_from_multiple(m, years),
            c.multiple,
            f"({_fmt(c.multiple)}^(1/{years}) − 1) × 100",
        )
    return None


def _average_rate_item(
    base: dict[str, Any],
    published: Decimal,
    comparator: str,
    func: Callable[[float], Figure],
    given: Decimal,
    formula: str,
) -> AuditItem:
    fig = func(float(given))
    if fig.value is None:
        return _item(
            **base,
            check="claim_average_rate",
            published=published,
            recomputed=None,
            verdict=NOT_COMPUTABLE,
            formula=formula,
            reason=fig.reason,
        )
    bounds = span(func, [given])
    return _item(
        **base,
        check="claim_average_rate",
        published=published,
        recomputed=fig.value,
        verdict=verdict(published, fig.value, bounds, comparator),
        formula=formula,
        low=bounds[0] if bounds else None,
        high=bounds[1] if bounds else None,
    )


def _multiple_item(base: dict[str, Any], increase_pct: Decimal, multiple: Decimal) -> AuditItem:
    """The multiple a claim states against 1 + its increase / 100."""

    def as_multiple(inc: float) -> Figure:
        return Figure(1.0 + inc / 100.0)

    # In decimal: 1 + 96.5/100 is 1.965 exactly, where binary floats give 1.9649999999999999,
    # which rounds to 1.96 and would call a published 1.97 a rounding difference.
    value = float(1 + increase_pct / 100)
    bounds = span(as_multiple, [increase_pct])
    return _item(
        **base,
        check="claim_multiple",
        published=multiple,
        recomputed=value,
        verdict=verdict(multiple, value, bounds),
        formula=f"1 + {_fmt(increase_pct)}/100",
        low=bounds[0] if bounds else None,
        high=bounds[1] if bounds else None,
    )


def audit_file(file: str, data: DataFile) -> list[AuditItem]:
    items: list[AuditItem] = []
    for ind in data.indicators:
        for t in ind.targets:
            item = audit_ratio(file, ind, t)
            if item is not None:
                items.append(item)
    for claim in data.claims:
        items.extend(audit_claim(file, claim))
    return items
