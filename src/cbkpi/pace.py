"""Pace in each indicator's own terms, implied end levels, and term averages of yearly rates.

A planner reads a target in the terms it is written in, and cbkpi states every pace the same way
(``docs/methodology.md``, "Pace units"):

- a **share** (unit kind ``share``: forest cover, agriculture's share of GRDP) moves in
  percentage points per year: ``(target - baseline) / years`` (``pp_per_year``);
- a **count** (an ``amount`` that counts things: communes, schools, party members) moves in
  units per year: ``(target - baseline) / years`` (``units_per_year``);
- an **amount or level** (money, tonnes, GRDP per capita) grows by a compound rate:
  ``(target / baseline) ** (1 / years) - 1`` in percent (``pct_per_year``);
- a **rate** indicator (GRDP growth) is its own yearly value, in percent (``pct_per_year``);
  its term average is the geometric mean of the yearly indices (:func:`geometric_mean_rate`).

The unit registry does not (yet) say whether an ``amount`` counts things; :func:`pace_unit`
takes that as a parameter, ``measure="count"`` or ``measure="amount"``.

Pure functions: numbers in (``float``, ``int`` or ``Decimal``; ``None``, NaN or infinity mean
unknown), a :class:`Pace` or :class:`~cbkpi.calc.Figure` out, with a reason code when no value
is defined. Rates are in percent, as in :mod:`cbkpi.calc`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from cbkpi.calc import (
    ALREADY_MET,
    NO_YEARS,
    OVERFLOW,
    UNKNOWN,
    Direction,
    Figure,
    cagr,
    implied_end_value,
    meets,
)
from cbkpi.units import UnitKind

PaceUnit = Literal["pp_per_year", "units_per_year", "pct_per_year"]
PP_PER_YEAR: PaceUnit = "pp_per_year"
UNITS_PER_YEAR: PaceUnit = "units_per_year"
PCT_PER_YEAR: PaceUnit = "pct_per_year"

Measure = Literal["count", "amount"]
Number = float | Decimal

# Reason codes (no value) and note codes (a remark on a value), in addition to those of calc.py.
NO_PACE_UNIT = "no_pace_unit"
NONPOSITIVE_INDEX = "nonpositive_index"
TOO_MANY_YEARS = "too_many_years"
CUMULATIVE = "cumulative"
BELOW_ZERO = "below_zero"


@dataclass(frozen=True, kw_only=True, slots=True)
class Pace(Figure):
    """A pace (or the reason it is not defined) with the unit it is stated in."""

    unit: PaceUnit


def pace_unit(kind: UnitKind, measure: Measure = "amount") -> PaceUnit | None:
    """The unit a pace of an indicator of unit ``kind`` is stated in.

    ``share`` and ``points``: percentage points per year; ``rate``: percent per year (its own
    yearly value); ``amount``: units per year when it counts things (``measure="count"``),
    otherwise a compound percent per year; ``none``: no pace (``None``)."""
    if kind in ("share", "points"):
        return PP_PER_YEAR
    if kind == "rate":
        return PCT_PER_YEAR
    if kind == "amount":
        return UNITS_PER_YEAR if measure == "count" else PCT_PER_YEAR
    return None


def _known(value: Number | None) -> float | None:
    """``value`` as a float, or None when it is unknown (None, NaN, infinite)."""
    if value is None:
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _years(years: Number) -> float | None:
    number = float(years)
    return number if math.isfinite(number) else None


def _pace(fig: Figure, unit: PaceUnit) -> Pace:
    return Pace(fig.value, fig.reason, fig.note, unit=unit)


def _checked(value: float, unit: PaceUnit, note: str | None = None) -> Pace:
    if not math.isfinite(value):
        return Pace(None, OVERFLOW, unit=unit)
    return Pace(value, note=note, unit=unit)


# --------------------------------------------------------------------------- paces


def linear_pace(start: Number | None, end: Number | None, years: Number, unit: PaceUnit = PP_PER_YEAR) -> Pace:
    """The constant change per year from ``start`` to ``end``: ``(end - start) / years``.

    Signed: negative for a fall (agriculture's share 21.5 -> 16.4 in 5 years: -1.02 points a
    year). For ``pp_per_year`` and ``units_per_year``; ``years <= 0`` gives ``no_years``."""
    a, b, n = _known(start), _known(end), _years(years)
    if a is None or b is None:
        return Pace(None, UNKNOWN, unit=unit)
    if n is None or n <= 0:
        return Pace(None, NO_YEARS, unit=unit)
    return _checked((b - a) / n, unit)


def observed_pace(start: Number | None, latest: Number | None, years: Number, unit: PaceUnit) -> Pace:
    """The pace observed between two levels ``years`` apart, on the indicator's own basis:
    points or units per year (:func:`linear_pace`) or the compound rate (:func:`cbkpi.calc.cagr`)."""
    if unit == PCT_PER_YEAR:
        return _pace(cagr(_known(start), _known(latest), float(years)), unit)
    return linear_pace(start, latest, years, unit)


def observed_figure(start: Number | None, latest: Number | None, years: Number, unit: PaceUnit) -> Figure:
    """:func:`observed_pace` as a plain :class:`Figure`, for a caller that keeps the unit
    apart (tracking: three paces per level target, each made once rather than as a Pace
    then copied)."""
    if unit == PCT_PER_YEAR:
        return cagr(_known(start), _known(latest), float(years))
    fig = linear_pace(start, latest, years, unit)
    return Figure(fig.value, fig.reason, fig.note)


def required_pace(
    baseline: Number | None,
    target: Number | None,
    years: Number,
    unit: PaceUnit,
    direction: Direction = "higher",
    comparator: str = "reach",
) -> Pace:
    """The pace that takes ``baseline`` to ``target`` in ``years`` years, on the given basis.

    As :func:`observed_pace`; when the baseline already meets the target (under ``direction``
    and ``comparator``, as :func:`cbkpi.calc.required_growth`) the value carries the note
    ``already_met``. Poverty 22.07 -> 2.07 % in 5 years, ``direction="lower"``: -4.00 points a
    year, no note; with ``direction="higher"`` the same value, noted ``already_met``."""
    return _pace(required_figure(baseline, target, years, unit, direction, comparator), unit)


def required_figure(
    baseline: Number | None,
    target: Number | None,
    years: Number,
    unit: PaceUnit,
    direction: Direction = "higher",
    comparator: str = "reach",
) -> Figure:
    """:func:`required_pace` as a plain :class:`Figure` (see :func:`observed_figure`)."""
    fig = observed_figure(baseline, target, years, unit)
    b, t = _known(baseline), _known(target)
    if fig.value is None or b is None or t is None:
        return fig
    if meets(b, t, direction, "exactly" if comparator == "exactly" else "reach"):
        return Figure(fig.value, note=ALREADY_MET)
    return fig


def average_yearly_count(counts: Sequence[Number | None]) -> Pace:
    """The average of yearly counts (flows, e.g. schools newly meeting the standard each year),
    in units per year: ``sum / number of years``. An unknown year gives ``unknown_input`` (leave
    missing years out explicitly, and say so); no year gives ``no_years``."""
    known = [_known(c) for c in counts]
    if not known:
        return Pace(None, NO_YEARS, unit=UNITS_PER_YEAR)
    if any(c is None for c in known):
        return Pace(None, UNKNOWN, unit=UNITS_PER_YEAR)
    return _checked(math.fsum(c for c in known if c is not None) / len(known), UNITS_PER_YEAR)


# --------------------------------------------------------------------------- implied end levels


def implied_linear_end(baseline: Number | None, pace: Number | None, years: Number) -> Figure:
    """The level reached from ``baseline`` changing by ``pace`` a year (signed points or units):
    ``baseline + pace * years``. ``years == 0`` gives the baseline; ``years < 0``, ``no_years``."""
    b, p, n = _known(baseline), _known(pace), _years(years)
    if b is None or p is None:
        return Figure(None, UNKNOWN)
    if n is None or n < 0:
        return Figure(None, NO_YEARS)
    end = b + p * n
    return Figure(end) if math.isfinite(end) else Figure(None, OVERFLOW)


def implied_points_reduction_end(baseline: Number | None, points_per_year: Number | None, years: Number) -> Figure:
    """The level implied by "down ``points_per_year`` percentage points a year":
    ``baseline - points * years`` (poverty 22.07 % down 4 points a year for 5 years: 2.07 %).

    A level below zero, which no share can reach, is returned with the note ``below_zero``."""
    p = _known(points_per_year)
    fig = implied_linear_end(baseline, None if p is None else -p, years)
    if fig.value is not None and fig.value < 0:
        return Figure(fig.value, note=BELOW_ZERO)
    return fig


def implied_count_end(per_year: Number | None, years: Number, stock: Number | None = None) -> Figure:
    """The count implied by "``per_year`` more a year" for ``years`` years.

    With a ``stock`` at the baseline, the stock reached: ``stock + per_year * years`` (schools:
    167 + 10 * 5 = 217). Without one, the cumulative count ``per_year * years``, with the note
    ``cumulative`` (a number added over the term, not a stock)."""
    if stock is None:
        fig = implied_linear_end(0.0, per_year, years)
        return Figure(fig.value, note=CUMULATIVE) if fig.value is not None else fig
    return implied_linear_end(stock, per_year, years)


def implied_end(baseline: Number | None, pace: Number | None, years: Number, unit: PaceUnit) -> Figure:
    """The level reached from ``baseline`` at ``pace`` for ``years`` years, on the pace's basis:
    compound for ``pct_per_year`` (:func:`cbkpi.calc.implied_end_value`), linear otherwise."""
    if unit == PCT_PER_YEAR:
        return implied_end_value(_known(baseline), _known(pace), float(years))
    return implied_linear_end(baseline, pace, years)


# --------------------------------------------------------------------------- term averages


def _log_indices(rates: Sequence[Number | None]) -> list[float] | str:
    """ln(1 + g/100) for each yearly rate, or the reason code that stops the computation."""
    logs: list[float] = []
    for rate in rates:
        g = _known(rate)
        if g is None:
            return UNKNOWN
        if g <= -100:
            return NONPOSITIVE_INDEX
        logs.append(math.log1p(g / 100.0))
    return logs


def geometric_mean_rate(rates: Sequence[Number | None]) -> Pace:
    """The average yearly growth over a period, as the national statistical indicator system
    defines it: the geometric mean of the yearly indices,
    ``((1 + g_1) * ... * (1 + g_n)) ** (1 / n) - 1``, in percent (rates in percent).

    Equal to ``(X_n / X_0) ** (1 / n) - 1`` for the level X whose yearly rates they are. An
    unknown rate gives ``unknown_input`` (leave missing years out explicitly); no rate,
    ``no_years``; a rate at or below -100 % (an index at or below zero), ``nonpositive_index``."""
    if not rates:
        return Pace(None, NO_YEARS, unit=PCT_PER_YEAR)
    logs = _log_indices(rates)
    if isinstance(logs, str):
        return Pace(None, logs, unit=PCT_PER_YEAR)
    return _checked(math.expm1(math.fsum(logs) / len(logs)) * 100.0, PCT_PER_YEAR)


def arithmetic_mean_rate(rates: Sequence[Number | None]) -> Pace:
    """The arithmetic mean of yearly rates, ``sum / n``: NOT the statistical system's average
    (see :func:`geometric_mean_rate`); it is never below the geometric mean. Kept to show the
    difference. Reasons as :func:`geometric_mean_rate`, without ``nonpositive_index``."""
    known = [_known(r) for r in rates]
    if not known:
        return Pace(None, NO_YEARS, unit=PCT_PER_YEAR)
    if any(r is None for r in known):
        return Pace(None, UNKNOWN, unit=PCT_PER_YEAR)
    return _checked(math.fsum(r for r in known if r is not None) / len(known), PCT_PER_YEAR)


def remaining_average_rate(
    target_rate: Number | None, term_years: int, observed_rates: Sequence[Number | None]
) -> Pace:
    """The constant yearly rate that the ``term_years - k`` years without an observed rate need
    so that the term's geometric average reaches ``target_rate``, given the ``k`` observed
    yearly rates:

        ((1 + T) ** N / ((1 + g_1) * ... * (1 + g_k))) ** (1 / (N - k)) - 1

    The years without a rate may be the future (the pace still needed) or past years never
    observed (what they would have needed). Reasons: ``unknown_input``; ``no_years`` when
    ``N <= 0`` or no year is left (``k == N``: judge by :func:`geometric_mean_rate`);
    ``too_many_years`` when ``k > N``; ``nonpositive_index`` for a rate at or below -100 %
    (a target of exactly -100 % gives -100 %)."""
    t = _known(target_rate)
    if t is None:
        return Pace(None, UNKNOWN, unit=PCT_PER_YEAR)
    k = len(observed_rates)
    if term_years <= 0 or k == term_years:
        return Pace(None, NO_YEARS, unit=PCT_PER_YEAR)
    if k > term_years:
        return Pace(None, TOO_MANY_YEARS, unit=PCT_PER_YEAR)
    logs = _log_indices(observed_rates)
    if isinstance(logs, str):
        return Pace(None, logs, unit=PCT_PER_YEAR)
    if t < -100:
        return Pace(None, NONPOSITIVE_INDEX, unit=PCT_PER_YEAR)
    if t == -100:
        return Pace(-100.0, unit=PCT_PER_YEAR)
    exponent = (term_years * math.log1p(t / 100.0) - math.fsum(logs)) / (term_years - k)
    try:
        value = math.expm1(exponent) * 100.0
    except OverflowError:
        return Pace(None, OVERFLOW, unit=PCT_PER_YEAR)
    return _checked(value, PCT_PER_YEAR)


@dataclass(frozen=True)
class TermAverage:
    """A term's yearly rates judged against an average-growth target."""

    average: Pace  # geometric mean over the years observed
    observed_years: tuple[int, ...]
    missing_years: tuple[int, ...]  # term years without a known rate, in order
    needed_in_missing: Pace  # the rate those years need (or would have needed); no_years if none


def term_average(
    target_rate: Number | None, rates_by_year: Mapping[int, Number | None], first_year: int, last_year: int
) -> TermAverage:
    """The geometric average of the rates observed in ``first_year..last_year`` (years with an
    unknown rate, or none, are left out and listed), and the rate the other years need for the
    term to average ``target_rate`` (:func:`remaining_average_rate`)."""
    years = range(first_year, last_year + 1)
    known = {y: _known(rates_by_year.get(y)) for y in years}
    observed = tuple(y for y in years if known[y] is not None)
    missing = tuple(y for y in years if known[y] is None)
    rates = [known[y] for y in observed]
    return TermAverage(
        average=geometric_mean_rate(rates),
        observed_years=observed,
        missing_years=missing,
        needed_in_missing=remaining_average_rate(target_rate, len(years), rates),
    )


# --------------------------------------------------------------------------- command-line numbers

MINUS_SIGNS = "\u2212\u2013"  # the minus sign and the en dash, as Vietnamese documents print them
_NEGATIVE_NUMBER = re.compile(r"^-[0-9]")


def shield_negative_numbers(args: Sequence[str]) -> list[str]:
    """Command-line arguments with each negative number's ``-`` replaced by the minus sign
    U+2212, so that an option parser does not take ``-4,00`` for an option; options (``-n``,
    ``--years``) are left alone. :func:`parse_signed_number` reads the minus sign back."""
    return ["\u2212" + a[1:] if _NEGATIVE_NUMBER.match(a) else a for a in args]


def parse_signed_number(text: str, lang: str | None = None) -> float:
    """:func:`cbkpi.i18n.parse_number`, also accepting a minus sign (U+2212) or an en dash for
    ``-``, as printed in documents or produced by :func:`shield_negative_numbers`.

    Raises :class:`cbkpi.i18n.NumberFormatError` as ``parse_number`` does."""
    from cbkpi.i18n import parse_number

    stripped = text.strip()
    if stripped[:1] and stripped[0] in MINUS_SIGNS:
        stripped = "-" + stripped[1:]
    return parse_number(stripped, lang)
