"""The registry of units an indicator, target or result may be measured in.

Each unit has a stable key (used in the YAML files), Vietnamese and English labels and a
``kind`` that the calculator and the validator use:

- ``share``: a percentage of a whole, bounded to 0..100 (forest cover, poverty rate);
- ``rate``: a change per year in percent (GRDP growth); -100 or more;
- ``points``: a change per year in percentage points (poverty reduction);
- ``amount``: a non-negative quantity (money, tonnes, counts, densities);
- ``none``: no measure (milestones and qualitative targets).

An ``amount`` also has a ``measure``: ``count`` for things counted (communes, schools, party
members), whose pace is stated in units per year, or ``amount`` (money, tonnes, densities), whose
pace is a compound percent per year (:attr:`Unit.pace_unit`, ``docs/methodology.md``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Literal, get_args

if TYPE_CHECKING:
    from cbkpi.pace import PaceUnit

UnitKind = Literal["share", "rate", "points", "amount", "none"]
UNIT_KINDS: tuple[str, ...] = get_args(UnitKind)
Measure = Literal["count", "amount"]


@functools.cache
def _exact(bound: float) -> Decimal:
    """A bound as the Decimal of its text (built once: 80,000 checks at 10,000 indicators)."""
    return Decimal(str(bound))


@dataclass(frozen=True)
class Unit:
    key: str
    vi: str
    en: str
    kind: UnitKind
    measure: Measure = "amount"
    """``count`` for an ``amount`` that counts things (communes, schools)."""

    @functools.cached_property  # asked for every target tracked; the unit is frozen
    def pace_unit(self) -> PaceUnit | None:
        """The unit a pace of a figure in this unit is stated in: ``pp_per_year`` for shares and
        points, ``units_per_year`` for counts, ``pct_per_year`` for other amounts and rates;
        None for ``none`` (:func:`cbkpi.pace.pace_unit`)."""
        from cbkpi.pace import pace_unit

        return pace_unit(self.kind, self.measure)

    def label(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en

    @property
    def lower_bound(self) -> float | None:
        """The smallest value the unit admits, or None when any real number is possible."""
        if self.kind == "rate":
            return -100.0  # a level cannot fall by more than all of it
        return 0.0 if self.kind in ("share", "amount") else None

    @property
    def upper_bound(self) -> float | None:
        """The largest value the unit admits, or None when unbounded."""
        return 100.0 if self.kind == "share" else None

    @functools.cached_property  # every observation and data figure is checked against them
    def _exact_bounds(self) -> tuple[tuple[float, Decimal] | None, tuple[float, Decimal] | None]:
        """(bound, the Decimal of its text) for the lower and the upper bound, or None."""
        lo, hi = self.lower_bound, self.upper_bound
        return (None if lo is None else (lo, _exact(lo))), (None if hi is None else (hi, _exact(hi)))

    def violation(self, value: Decimal | float) -> tuple[str, float] | None:
        """``("below", lower_bound)`` or ``("above", upper_bound)`` when the unit cannot hold
        ``value``; None when it can. The one place the bounds are compared."""
        if isinstance(value, Decimal):  # a figure from the data: compared exactly
            low, high = self._exact_bounds
            if low is not None and value < low[1]:
                return "below", low[0]
            if high is not None and value > high[1]:
                return "above", high[0]
            return None
        lo, hi = self.lower_bound, self.upper_bound
        if lo is not None and not value >= lo:  # a computed float (NaN is outside every bound)
            return "below", lo
        if hi is not None and not value <= hi:
            return "above", hi
        return None


_UNITS: tuple[Unit, ...] = (
    Unit("none", "—", "—", "none"),
    Unit("percent", "%", "%", "share"),
    Unit("percent_per_year", "%/năm", "%/year", "rate"),
    Unit("percentage_points_per_year", "điểm %/năm", "pp/year", "points"),
    Unit("million_vnd", "triệu đồng", "million VND", "amount"),
    Unit("billion_vnd", "tỷ đồng", "billion VND", "amount"),
    Unit("billion_usd", "tỷ USD", "billion USD", "amount"),
    Unit("million_usd", "triệu USD", "million USD", "amount"),
    Unit("usd", "USD", "USD", "amount"),
    Unit("thousand_tonnes", "nghìn tấn", "thousand tonnes", "amount"),
    Unit("million_vnd_per_ha", "triệu đồng/ha", "million VND/ha", "amount"),
    Unit("communes", "xã", "communes", "amount", "count"),
    Unit("schools", "trường", "schools", "amount", "count"),
    Unit("doctors_per_10k", "bác sĩ/1 vạn dân", "doctors per 10,000 people", "amount"),
    Unit("beds_per_10k", "giường bệnh/1 vạn dân", "beds per 10,000 people", "amount"),
    Unit("party_members", "đảng viên", "party members", "amount", "count"),
)

UNITS: dict[str, Unit] = {u.key: u for u in _UNITS}


def get_unit(key: str) -> Unit:
    """Return the unit registered under ``key``; raise KeyError naming the known keys."""
    try:
        return UNITS[key]
    except KeyError:
        raise KeyError(f"unknown unit {key!r}; known units: {', '.join(sorted(UNITS))}") from None


@dataclass(frozen=True)
class UnitRegistry:
    """The units one report may use: the built-in ones and those its data files declare.

    Built per report (:meth:`with_declared`), never mutated: two reports never share a declared
    unit."""

    units: Mapping[str, Unit] = field(default_factory=lambda: dict(UNITS))

    def find(self, key: str) -> Unit | None:
        return self.units.get(key)

    def get(self, key: str) -> Unit:
        """The unit ``key``; KeyError naming the known keys when there is none."""
        unit = self.units.get(key)
        if unit is None:
            raise KeyError(f"unknown unit {key!r}; known units: {', '.join(sorted(self.units))}")
        return unit

    def label(self, key: str, lang: str) -> str:
        return self.get(key).label(lang)

    def with_declared(self, declared: Iterable[Unit]) -> UnitRegistry:
        """This registry plus ``declared`` (a key already known is kept as it is: the
        validator reports the clash)."""
        units = dict(self.units)
        for unit in declared:
            units.setdefault(unit.key, unit)
        return UnitRegistry(units)


BUILTIN_UNITS = UnitRegistry()
"""The units every data file may use without declaring them."""

EXACT_FACTORS: dict[tuple[str, str], Decimal] = {
    ("million_usd", "billion_usd"): Decimal("0.001"),
    ("billion_usd", "million_usd"): Decimal(1000),
    ("million_vnd", "billion_vnd"): Decimal("0.001"),
    ("billion_vnd", "million_vnd"): Decimal(1000),
}
"""Exact factors between units of the same dimension (money in the same currency): the only
conversions cbkpi makes. A pair not listed is never converted (docs/methodology.md)."""


def convert(value: Decimal, from_unit: str, to_unit: str) -> Decimal | None:
    """``value`` in ``from_unit`` expressed in ``to_unit``; None when no exact factor is declared."""
    if from_unit == to_unit:
        return value
    factor = EXACT_FACTORS.get((from_unit, to_unit))
    return None if factor is None else value * factor
