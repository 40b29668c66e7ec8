"""Yearly observations: their model, loading, checks and which value counts for a year.

Observations live in YAML files under ``data/observations/`` (any number of them)::

    observations:
      - indicator: grdp_growth
        year: 2024
        value: 6.74
        source: "Cục Thống kê Cao Bằng, báo cáo kinh tế - xã hội năm 2024"
        estimate: false

Optional keys: ``note``, ``published`` (a date), ``revises`` (true when this value replaces an
earlier one for the same indicator and year). Several values for one indicator and year are
kept; the one that counts is the newest non-estimate (see :func:`effective`).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Annotated, NamedTuple

from pydantic import Field

from cbkpi import inputs_seen
from cbkpi.compact import not_kept
from cbkpi.diagnostics import Diagnostic
from cbkpi.i18n import say as _say
from cbkpi.loader import Loaded
from cbkpi.models import Comparator, CountPerYearTarget, Id, Indicator, Number, Strict, UnitKey, Year, no_items
from cbkpi.units import BUILTIN_UNITS, Unit, UnitRegistry, convert
from cbkpi.yamlread import Positions


class ObservationSource(Strict):
    """A published source an observations file cites: ``source: <id>`` in its observations."""

    id: Id
    title: Annotated[str, Field(min_length=1)]
    publisher: Annotated[str, Field(min_length=1)]
    url: Annotated[str, Field(pattern=r"^https?://\S+$")]
    date: dt.date | None = None
    """Publication date when the source prints one, else null."""


class Observation(Strict):
    indicator: Id
    year: Year
    value: Number
    source: Annotated[str, Field(min_length=1)]
    """An id of the file's ``sources``; legacy files without ``sources`` give free text."""
    quote: Annotated[str, Field(min_length=1)] | None = None
    """The source's exact words stating the value."""
    estimate: bool = False
    revises: bool = False
    published: dt.date | None = None
    comparator: Comparator | None = None
    """The value is a bound: ``over`` for "vượt 4.000", ``under`` for "gần 4.200" (nearly)."""
    unit: UnitKey | None = None
    """The source's unit when it is not the indicator's; converted only by an exact declared
    factor (:data:`cbkpi.units.EXACT_FACTORS`), otherwise kept out of computations."""
    definition: Annotated[str, Field(min_length=1)] | None = None
    """The definition or standard the value is measured on, when it matters."""
    series_break: bool = False
    """Eurostat flag b: the first value on a new definition; no pace is computed across it."""
    note: str | None = None


not_kept(Observation)  # each becomes an ObservedValue (LoadedObservations)


class ObservationsFile(Strict):
    sources: list[ObservationSource] = Field(default_factory=no_items)
    observations: list[Observation] = Field(default_factory=no_items)


class ObservedValue(NamedTuple):
    """A validated :class:`Observation` kept as a plain record: its fields, in the same order.

    A pydantic instance keeps a dict of its 13 fields (464 bytes) and more; 500,000 observations
    (100,000 indicators) then took over 300 MB. Read-only like the model, and read the same way
    (``obs.value``, ``obs.year``)."""

    indicator: str
    year: int
    value: Decimal
    source: str
    quote: str | None = None
    estimate: bool = False
    revises: bool = False
    published: dt.date | None = None
    comparator: Comparator | None = None
    unit: str | None = None
    definition: str | None = None
    series_break: bool = False
    note: str | None = None


@dataclass
class LoadedObservations:
    """A validated observations file: ``model`` keeps its sources, ``values`` its observations
    (as records: the model's own list is emptied)."""

    file: str
    model: ObservationsFile
    positions: Positions
    values: list[ObservedValue] = field(init=False, repr=False)
    _located: list[Located] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # A validated model's __dict__ holds its fields in field order (ObservedValue's order:
        # tuple.__new__ is what ObservedValue._make calls, without _make's own call and check).
        # Indicator ids repeat from one file to the next, sources from one observation to the
        # next: one string each (at 500,000 observations, 60 MB of copies).
        new, intern = tuple.__new__, sys.intern
        values = []
        for o in self.model.observations:
            fields = list(o.__dict__.values())
            fields[0], fields[3] = intern(fields[0]), intern(fields[3])
            values.append(new(ObservedValue, fields))
        self.values = values
        self.model = self.model.model_copy(update={"observations": []})

    def located(self) -> list[Located]:
        """Its observations with their places, built once (checks, tracking and rendering
        each ask: 50,000 frozen objects at 10,000 indicators)."""
        if self._located is None:
            self._located = [Located(obs, self.file, i, self.positions) for i, obs in enumerate(self.values)]
        return self._located


@dataclass(frozen=True, slots=True)  # 50,000 of them at 10,000 indicators: no __dict__ each
class Located:
    """An observation with where it was read from, for messages and ordering."""

    obs: ObservedValue
    file: str
    index: int
    positions: Positions

    @property
    def line(self) -> int | None:
        """Its line, looked up only when a message or a listing needs it."""
        mark = self.positions.find(("observations", self.index))
        return mark[0] if mark else None


def discover_observations(data_dir: Path) -> list[Path]:
    folder = data_dir / "observations"
    inputs_seen.tree(folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def source_index(files: Sequence[LoadedObservations]) -> dict[tuple[str, str], ObservationSource]:
    """Each file's sources by (file, id): what an observation's ``source`` names."""
    return {(f.file, s.id): s for f in files for s in f.model.sources}


def located(files: Sequence[LoadedObservations]) -> list[Located]:
    return [item for f in files for item in f.located()]


def _diag(item: Located, key: str, message: str, code: str, files: dict[str, Positions]) -> Diagnostic:
    mark = files[item.file].find(("observations", item.index, key))
    line, col = mark if mark else (None, None)
    return Diagnostic(item.file, line, col, message, code=code)


PLAUSIBILITY_CODES = frozenset({"thousands", "jump", "unit"})
"""Codes of the plausibility warnings; ``--strict`` makes them errors (docs/methodology.md)."""
JUMP_FACTOR = Decimal(5)
"""An observation more than 5 times, or less than a fifth of, its reference value is implausible."""


def _warning(diag: Diagnostic) -> Diagnostic:
    return Diagnostic(diag.file, diag.line, diag.column, diag.message, level="warning", code=diag.code)


def strict(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """``--strict``: plausibility warnings become errors."""
    return [
        Diagnostic(d.file, d.line, d.column, d.message, level="error", code=d.code)
        if d.code in PLAUSIBILITY_CODES
        else d
        for d in diagnostics
    ]


def in_unit(obs: ObservedValue, indicator_unit: str) -> Decimal | None:
    """The value in the indicator's unit: converted by an exact declared factor, or None when
    the observation's unit cannot be converted (the value is then kept out of computations)."""
    return obs.value if obs.unit is None else convert(obs.value, obs.unit, indicator_unit)


def _targets(data_files: Sequence[Loaded]) -> dict[str, tuple[Indicator, int, int]]:
    out: dict[str, tuple[Indicator, int, int]] = {}
    for f in data_files:
        if f.model.kind == "targets":
            for ind in f.model.indicators:
                out.setdefault(ind.id, (ind, f.model.term.start, f.model.term.end))
    return out


def _report_units(data_files: Sequence[Loaded]) -> UnitRegistry:
    """The report's units (built-in and declared in its data files)."""
    for f in data_files:
        if f.units is not None:
            return f.units
    return BUILTIN_UNITS.with_declared(u.unit() for f in data_files for u in f.model.units)


def _spans(data_files: Sequence[Loaded]) -> dict[str, list[tuple[int, int]]]:
    """indicator → the terms of the targets files that have it."""
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for f in data_files:
        if f.model.kind == "targets":
            for ind in f.model.indicators:
                out[ind.id].append((f.model.term.start, f.model.term.end))
    return out


def check_observations(obs_files: Sequence[LoadedObservations], data_files: Sequence[Loaded]) -> Iterator[Diagnostic]:
    """Unknown ids and sources, years outside the term, impossible values, units that cannot be
    converted, unmarked conflicting values, and the plausibility warnings."""
    positions = {f.file: f.positions for f in obs_files}
    indicators = _targets(data_files)
    units = _report_units(data_files)
    spans = _spans(data_files)
    source_ids = {f.file: {s.id for s in f.model.sources} for f in obs_files if f.model.sources}
    items = located(obs_files)
    # indicator -> (it, whether it has a quantified target, its terms, its unit), found once:
    # 50,000 observations name 10,000 indicators
    facts: dict[str, tuple[Indicator, bool, list[tuple[int, int]], Unit | None]] = {}
    for item in items:
        o = item.obs
        ids = source_ids.get(item.file)
        if ids is not None and o.source not in ids:
            yield _diag(
                item,
                "source",
                _say("obs_source_not_listed", source=o.source, expected=", ".join(sorted(ids))),
                "unknown-source",
                positions,
            )
        fact = facts.get(o.indicator)
        if fact is None:
            if o.indicator not in indicators:
                yield _diag(
                    item,
                    "indicator",
                    _say("obs_unknown_indicator", id=o.indicator, hint=_did_you_mean(o.indicator, list(indicators))),
                    "unknown-id",
                    positions,
                )
                continue
            ind = indicators[o.indicator][0]
            used = any(t.quantified for t in ind.targets)
            fact = facts[o.indicator] = (ind, used, spans[o.indicator], units.find(ind.unit))
        ind, used, terms, unit = fact
        if not used:
            yield _warning(
                _diag(
                    item,
                    "indicator",
                    _say("obs_unused", id=o.indicator),
                    "unused",
                    positions,
                )
            )
        # An observation belongs to every term whose years hold it (cbkpi.terms).
        year = o.year
        for start, end in terms:
            if start <= year <= end:
                break
        else:
            names = ", ".join(f"{start}-{end}" for start, end in terms)
            key = "obs_year_outside_term" if len(terms) == 1 else "obs_year_outside_terms"
            yield _diag(item, "year", _say(key, year=o.year, names=names, id=o.indicator), "year", positions)
        if o.unit is not None and units.find(o.unit) is None:
            yield _diag(
                item,
                "unit",
                _say("obs_unknown_unit", unit=o.unit, expected=", ".join(sorted(units.units))),
                "unknown-unit",
                positions,
            )
            continue
        value = o.value if o.unit is None else convert(o.value, o.unit, ind.unit)  # in_unit
        if value is None:
            yield _warning(
                _diag(
                    item,
                    "unit",
                    _say("obs_no_factor", unit=o.unit, target=ind.unit, id=o.indicator),
                    "unit",
                    positions,
                )
            )
            continue
        violation = None if unit is None else unit.violation(value)
        if unit is not None and violation is not None:
            side, bound = violation
            from cbkpi.i18n import message_lang

            lang = message_lang()
            side_text, unit_text = _say("chk_" + side), unit.label(lang)
            yield _diag(
                item,
                "value",
                _say("obs_impossible", value=value, side=side_text, bound=bound, unit=unit_text, id=o.indicator),
                "range",
                positions,
            )
    yield from _unobserved_baselines(data_files, {(i.obs.indicator, i.obs.year) for i in items})
    yield from _conflicts(items, positions)
    yield from _plausibility(items, indicators, positions, units)


def _conflicts(items: Sequence[Located], positions: dict[str, Positions]) -> Iterator[Diagnostic]:
    """Different values for one indicator, year and definition, none marked ``revises``."""
    groups: dict[tuple[str, int, str | None], list[Located]] = defaultdict(list)
    for item in items:
        groups[(item.obs.indicator, item.obs.year, item.obs.definition)].append(item)
    for (ind_id, year, _), group in groups.items():
        if len(group) < 2:
            continue  # most: one value per indicator and year (no set of values made for them)
        values = {g.obs.value for g in group}
        if len(values) > 1 and not any(g.obs.revises for g in group):
            first, *rest = group
            for other in rest:
                if other.obs.value != first.obs.value:
                    yield _diag(
                        other,
                        "value",
                        _say(
                            "obs_conflict",
                            id=ind_id,
                            year=year,
                            value=other.obs.value,
                            source=other.obs.source,
                            first=first.obs.value,
                            first_source=first.obs.source,
                            place=f"{first.file}:{first.line}",
                        ),
                        "conflict",
                        positions,
                    )


def _reference(
    ind: Indicator, item: Located, counts: dict[int, Located], per_year: bool
) -> tuple[Decimal, int, bool] | None:
    """The value an observation is compared with: the latest earlier year's value that counts,
    else the baseline (not for yearly counts, whose baseline is a stock); with its year and
    whether it is the baseline (:func:`_reference_label` words it, only for a warning)."""
    year = item.obs.year
    earlier = None  # the latest year before `year`
    for y in counts:
        if y < year and (earlier is None or y > earlier):
            earlier = y
    if earlier is not None:
        value = in_unit(counts[earlier].obs, ind.unit)
        if value is not None:
            return value, earlier, False
    base = ind.baseline
    if per_year or base is None or base.value is None:
        return None
    return base.value, base.year, True


def _reference_label(ref: tuple[Decimal, int, bool]) -> str:
    value, year, baseline = ref
    return _say("obs_baseline_ref", year=year, value=value) if baseline else f"{year}: {value}"


def _plausibility(
    items: Sequence[Located],
    indicators: dict[str, tuple[Indicator, int, int]],
    positions: dict[str, Positions],
    units: UnitRegistry | None = None,
) -> Iterator[Diagnostic]:
    """Thousands grouping misread as decimals, and jumps beyond a factor of 5 (warnings)."""
    counted = effective(items)
    registry = BUILTIN_UNITS if units is None else units
    # indicator -> (it, its unit's kind, counted per year, its values that count), found once;
    # None: not one of the report's indicators
    facts: dict[str, tuple[Indicator, str, bool, dict[int, Located]] | None] = {}
    for item in items:
        o = item.obs
        if o.series_break:
            continue
        try:
            fact = facts[o.indicator]
        except KeyError:
            fact = facts[o.indicator] = _plausibility_facts(o.indicator, indicators, registry, counted)
        if fact is None:
            continue
        ind, kind, per_year, counts = fact
        if kind != "amount" and kind != "share":
            continue
        value = o.value if o.unit is None else convert(o.value, o.unit, ind.unit)  # in_unit
        if value is None:
            continue
        ref = _reference(ind, item, counts, per_year)
        grouped = kind == "amount" and _three_decimals(o.value)
        if grouped and (ref is None or _within(value * 1000, ref[0])):
            thousands = int(f"{o.value:f}".replace(".", ""))
            against = "" if ref is None else _say("obs_compare", ref=_reference_label(ref))
            yield _warning(
                _diag(
                    item,
                    "value",
                    _say("obs_thousands", value=f"{o.value:f}", thousands=thousands, against=against),
                    "thousands",
                    positions,
                )
            )
        elif ref is not None and ref[0] > 0 and not _within(value, ref[0]):
            yield _warning(
                _diag(
                    item,
                    "value",
                    _say(
                        "obs_jump",
                        id=o.indicator,
                        year=o.year,
                        value=value,
                        factor=JUMP_FACTOR,
                        ref=_reference_label(ref),
                    ),
                    "jump",
                    positions,
                )
            )


def _plausibility_facts(
    indicator: str,
    indicators: dict[str, tuple[Indicator, int, int]],
    registry: UnitRegistry,
    counted: dict[str, dict[int, Located]],
) -> tuple[Indicator, str, bool, dict[int, Located]] | None:
    if indicator not in indicators:
        return None
    ind = indicators[indicator][0]
    found = registry.find(ind.unit)
    per_year = any(isinstance(t, CountPerYearTarget) for t in ind.targets)
    return ind, (found.kind if found is not None else "none"), per_year, counted.get(indicator, {})


_MILLI = Decimal("0.001")


def _three_decimals(value: Decimal) -> bool:
    """Written with exactly three decimals (``1.650``): the exponent of ``0.001``, compared
    without building the digits' tuple (a finite value; NaN and infinity are never alike)."""
    return value.same_quantum(_MILLI)


def _within(value: Decimal, ref: Decimal) -> bool:
    """``ref / 5 <= value <= ref * 5`` (a positive reference)."""
    return ref / JUMP_FACTOR <= value <= ref * JUMP_FACTOR


def _unobserved_baselines(data_files: Sequence[Loaded], observed: set[tuple[str, int]]) -> Iterator[Diagnostic]:
    """A baseline to take from observations that no observation gives stays unknown: a warning."""
    for f in data_files:
        for i, ind in enumerate(f.model.indicators):
            base = ind.baseline
            if base is None or not base.from_observations or (ind.id, base.year) in observed:
                continue
            mark = f.positions.find(("indicators", i, "baseline", "from_observations"))
            line, col = mark if mark else (None, None)
            message = _say("obs_baseline_unobserved", id=ind.id, year=base.year)
            yield Diagnostic(f.file, line, col, message, level="warning", code="baseline-unobserved")


def _rank(item: Located) -> tuple[bool, bool, dt.date, str, int]:
    o = item.obs
    return (not o.estimate, o.revises, o.published or dt.date.min, item.file, item.index)


def effective(items: Iterable[Located]) -> dict[str, dict[int, Located]]:
    """For each indicator and year the value that counts: the newest non-estimate.

    Ranking: a non-estimate beats an estimate; then a value marked ``revises``; then the later
    ``published`` date; then the later file (by name) and position in it."""
    out: dict[str, dict[int, Located]] = defaultdict(dict)
    for item in items:
        o = item.obs
        per = out[o.indicator]
        current = per.get(o.year)
        if current is None or _rank(item) > _rank(current):
            per[o.year] = item
    return out


def values_by_indicator(
    files: Sequence[LoadedObservations],
    units: Mapping[str, str] | None = None,
    counted: dict[str, dict[int, Located]] | None = None,
) -> dict[str, dict[int, float]]:
    """indicator → year → the value that counts (see :func:`effective`), as floats, in the
    indicator's unit (``units``: indicator id → unit). Values whose unit cannot be converted
    are left out (``check_observations`` warns about them). ``counted``: :func:`effective` of
    all the files' observations when the caller has it, used when every value is usable."""
    items = located(files)
    usable = [
        item
        for item in items
        if item.obs.unit is None
        or (
            units is not None
            and item.obs.indicator in units
            and in_unit(item.obs, units[item.obs.indicator]) is not None
        )
    ]
    out: dict[str, dict[int, float]] = {}
    if counted is None or len(usable) != len(items):
        counted = effective(usable)
    for ind, per in counted.items():
        row: dict[int, float] = {}
        for year, item in per.items():
            value = item.obs.value if units is None or ind not in units else in_unit(item.obs, units[ind])
            if value is not None:
                row[year] = float(value)
        out[ind] = row
    return out


def _did_you_mean(name: str, ids: Sequence[str]) -> str:
    """``did you mean 'forest_cover'?`` for a mistyped id, else what was expected."""
    from cbkpi.lookup import closest_ids

    close = closest_ids(name, ids)
    if close:
        from cbkpi.i18n import message_lang, t

        return _say("obs_did_you_mean", names=f" {t('or', message_lang())} ".join(repr(c) for c in close))
    return _say("obs_expected_id")
