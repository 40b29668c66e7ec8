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
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import Field

from cbkpi.diagnostics import Diagnostic
from cbkpi.loader import Loaded
from cbkpi.models import Id, Number, Strict, Year
from cbkpi.units import get_unit
from cbkpi.yamlread import Positions


class Observation(Strict):
    indicator: Id
    year: Year
    value: Number
    source: Annotated[str, Field(min_length=1)]
    estimate: bool = False
    revises: bool = False
    published: dt.date | None = None
    note: str | None = None


class ObservationsFile(Strict):
    observations: list[Observation] = Field(default_factory=list)


@dataclass
class LoadedObservations:
    file: str
    model: ObservationsFile
    positions: Positions


@dataclass(frozen=True)
class Located:
    """An observation with where it was read from, for messages and ordering."""

    obs: Observation
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
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def located(files: Sequence[LoadedObservations]) -> list[Located]:
    return [Located(obs, f.file, i, f.positions) for f in files for i, obs in enumerate(f.model.observations)]


def _diag(item: Located, key: str, message: str, code: str, files: dict[str, Positions]) -> Diagnostic:
    mark = files[item.file].find(("observations", item.index, key))
    line, col = mark if mark else (None, None)
    return Diagnostic(item.file, line, col, message, code=code)


def check_observations(obs_files: Sequence[LoadedObservations], data_files: Sequence[Loaded]) -> Iterator[Diagnostic]:
    """Unknown ids, years outside the term, impossible values, unmarked conflicting values."""
    positions = {f.file: f.positions for f in obs_files}
    terms: dict[str, tuple[int, int, str]] = {}
    unquantified: set[str] = set()
    for f in data_files:
        if f.model.kind != "targets":
            continue
        for ind in f.model.indicators:
            terms.setdefault(ind.id, (f.model.term.start, f.model.term.end, ind.unit))
            if not any(t.quantified for t in ind.targets):
                unquantified.add(ind.id)
    items = located(obs_files)
    for item in items:
        o = item.obs
        if o.indicator not in terms:
            yield _diag(
                item,
                "indicator",
                f"unknown indicator id {o.indicator!r}; {_did_you_mean(o.indicator, list(terms))}",
                "unknown-id",
                positions,
            )
            continue
        if o.indicator in unquantified:
            diag = _diag(
                item,
                "indicator",
                f"{o.indicator!r} has no quantified target: this value is not used",
                "unused",
                positions,
            )
            yield Diagnostic(diag.file, diag.line, diag.column, diag.message, level="warning", code=diag.code)
        start, end, unit_key = terms[o.indicator]
        if not start <= o.year <= end:
            yield _diag(
                item, "year", f"year {o.year} is outside the term {start}-{end} of {o.indicator!r}", "year", positions
            )
        unit = get_unit(unit_key)
        violation = unit.violation(o.value)
        if violation is not None:
            side, bound = violation
            yield _diag(
                item,
                "value",
                f"value {o.value} is {side} {bound} {unit.en}, impossible for {o.indicator!r}",
                "range",
                positions,
            )
    groups: dict[tuple[str, int], list[Located]] = defaultdict(list)
    for item in items:
        groups[(item.obs.indicator, item.obs.year)].append(item)
    for (ind_id, year), group in groups.items():
        values = {g.obs.value for g in group}
        if len(values) > 1 and not any(g.obs.revises for g in group):
            first, *rest = group
            for other in rest:
                if other.obs.value != first.obs.value:
                    yield _diag(
                        other,
                        "value",
                        f"{ind_id} {year}: {other.obs.value} ({other.obs.source}) conflicts with {first.obs.value} "
                        f"({first.obs.source}, {first.file}:{first.line}); mark the newer one 'revises: true'",
                        "conflict",
                        positions,
                    )


def _rank(item: Located) -> tuple[bool, bool, dt.date, str, int]:
    o = item.obs
    return (not o.estimate, o.revises, o.published or dt.date.min, item.file, item.index)


def effective(items: Iterable[Located]) -> dict[str, dict[int, Located]]:
    """For each indicator and year the value that counts: the newest non-estimate.

    Ranking: a non-estimate beats an estimate; then a value marked ``revises``; then the later
    ``published`` date; then the later file (by name) and position in it."""
    out: dict[str, dict[int, Located]] = defaultdict(dict)
    for item in items:
        current = out[item.obs.indicator].get(item.obs.year)
        if current is None or _rank(item) > _rank(current):
            out[item.obs.indicator][item.obs.year] = item
    return out


def values_by_indicator(files: Sequence[LoadedObservations]) -> dict[str, dict[int, float]]:
    """indicator → year → the value that counts (see :func:`effective`), as floats."""
    return {
        ind: {year: float(item.obs.value) for year, item in per.items()}
        for ind, per in effective(located(files)).items()
    }


def _did_you_mean(name: str, ids: Sequence[str]) -> str:
    """``did you mean 'forest_cover'?`` for a mistyped id, else what was expected."""
    from cbkpi.lookup import closest_ids

    close = closest_ids(name, ids)
    if close:
        return "did you mean " + " or ".join(repr(c) for c in close) + "?"
    return "expected an id of a targets file (`cbkpi list` lists them)"
