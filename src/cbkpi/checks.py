"""The checks a careful reviewer makes beyond the schema: ids, years, units, sums.

Each check takes loaded files and yields located :class:`Diagnostic` objects; none raises.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import cast

from pydantic import BaseModel
from typing_extensions import assert_never

from cbkpi.compact import fields_holding_models
from cbkpi.diagnostics import Diagnostic, Level, describe_subject
from cbkpi.i18n import message_lang
from cbkpi.i18n import say as _say
from cbkpi.i18n import t as label
from cbkpi.loader import Loaded, indicator_at
from cbkpi.models import (
    BUILTIN_AREAS,
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
    Ref,
    Result,
    Target,
)
from cbkpi.numbers import half_unit
from cbkpi.units import BUILTIN_UNITS, UnitRegistry
from cbkpi.yamlread import Path_

SHARE_TOTAL = Decimal(100)


def _at(f: Loaded, path: Path_, message: str, code: str, level: str = "error") -> Diagnostic:
    """The message at ``path``, led by the indicator it is about (``chỉ tiêu 14 (forest_cover): …``)."""
    mark = f.positions.find(path)
    line, col = mark if mark else (None, None)
    about = indicator_at(f.model, path)
    ident, number = about if about else (None, None)
    if about:
        message = f"{describe_subject(*about, message_lang())}: {message}"
    kind: Level = "warning" if level == "warning" else "error"
    return Diagnostic(f.file, line, col, message, level=kind, code=code, indicator=ident, number=number)


def check_file(f: Loaded) -> Iterator[Diagnostic]:
    yield from _declarations(f)
    yield from _references(f)
    yield from _unique_ids(f)
    for i, ind in enumerate(f.model.indicators):
        base: Path_ = ("indicators", i)
        yield from _years(f, ind, base)
        yield from _values(f, ind, base)
    yield from _share_groups(f)
    yield from _claims(f)


def check_across(files: Sequence[Loaded]) -> Iterator[Diagnostic]:
    """An id defined twice for the same term and kind, in two files."""
    seen: dict[tuple[int, int, str, str], tuple[Loaded, int]] = {}
    for f in files:
        key_base = (f.model.term.start, f.model.term.end, f.model.kind)
        for i, ind in enumerate(f.model.indicators):
            key = (*key_base, ind.id)
            if key in seen and seen[key][0].file != f.file:
                other, j = seen[key]
                mark = other.positions.find(("indicators", j, "id"))  # looked up only when reported
                yield _at(
                    f,
                    ("indicators", i, "id"),
                    _say("chk_id_elsewhere", id=ind.id, other=other.file, line=mark[0] if mark else 0),
                    "duplicate-id",
                )
            else:
                seen.setdefault(key, (f, i))


def _units(f: Loaded) -> UnitRegistry:
    return f.units if f.units is not None else f.model.unit_registry()


def check_declared_across(files: Sequence[Loaded]) -> Iterator[Diagnostic]:
    """A unit or area declared by two files of a report must be declared alike."""
    first: dict[tuple[str, str], tuple[str, object]] = {}
    for f in files:
        decls: list[tuple[str, int, str, object]] = [("units", i, u.key, u) for i, u in enumerate(f.model.units)]
        decls += [("areas", i, a.key, a) for i, a in enumerate(f.model.areas)]
        for name, i, key, decl in decls:
            seen = first.setdefault((name, key), (f.file, decl))
            if seen[0] != f.file and seen[1] != decl:
                yield _at(
                    f,
                    (name, i, "key"),
                    _say("chk_declared_differently", what=_say("chk_" + name[:-1]), decl=key, other=seen[0]),
                    "declaration",
                )


def _declarations(f: Loaded) -> Iterator[Diagnostic]:
    """Declared units and areas: no key twice, none that is already built in."""
    for name, builtin, keys in (
        ("units", set(BUILTIN_UNITS.units), [u.key for u in f.model.units]),
        ("areas", set(BUILTIN_AREAS), [a.key for a in f.model.areas]),
    ):
        seen: set[str] = set()
        for i, key in enumerate(keys):
            what = _say("chk_" + name[:-1])
            if key in builtin:
                yield _at(
                    f,
                    (name, i, "key"),
                    _say("chk_builtin", what=what, decl=key, name=_say("chk_" + name)),
                    "declaration",
                )
            elif key in seen:
                yield _at(f, (name, i, "key"), _say("chk_declared_twice", what=what, decl=key), "declaration")
            seen.add(key)


def _walk(node: object, path: Path_) -> list[tuple[Path_, BaseModel]]:
    """Every model inside ``node`` (itself included), with its path in the file, in field order.

    Collected into one list by a plain recursion that steps only into the fields that can hold
    models (:func:`cbkpi.compact.fields_holding_models`) and into lists: a nested generator per
    value (text and numbers included) cost 800,000 calls at 10,000 indicators."""
    out: list[tuple[Path_, BaseModel]] = []
    _collect(node, path, out)
    return out


def _collect(node: object, path: Path_, out: list[tuple[Path_, BaseModel]]) -> None:
    fields = fields_holding_models(type(node))
    if fields is not None:
        model = cast(BaseModel, node)  # a model: fields_holding_models said so
        out.append((path, model))
        values = model.__dict__
        for key in fields:
            value = values[key]
            if value is not None:
                _collect(value, (*path, key), out)
    elif type(node) is list:
        for i, item in enumerate(node):
            _collect(item, (*path, i), out)


_DECLARATIONS = (("units",), ("areas",), ("sources",), ("source",))
"""Top-level fields whose models declare units, areas and sources rather than use them."""


def _names_unknown(root: BaseModel, units: UnitRegistry, sources: set[str]) -> bool:
    """Whether a model of the file, outside :data:`_DECLARATIONS`, has a ``unit`` that
    ``units`` lacks or is a :class:`Ref` to a source not in ``sources``: what
    :func:`_references` reports, checked without the paths its messages need (one loop over a
    stack, no call per model)."""
    find, holding = units.find, fields_holding_models
    top = holding(type(root)) or ()
    stack: list[object] = [root.__dict__[k] for k in top if (k,) not in _DECLARATIONS]
    stack.append(root)
    pop, push, extend = stack.pop, stack.append, stack.extend
    while stack:
        node = pop()
        fields = holding(type(node))
        if fields is None:
            if type(node) is list:
                extend(node)
            continue
        values = node.__dict__
        unit = values.get("unit")  # a field only (getattr would try pydantic's __getattr__)
        if isinstance(unit, str) and find(unit) is None:
            return True
        if isinstance(node, Ref) and node.source is not None and node.source not in sources:
            return True
        if node is root:
            continue  # its fields were stacked first, less the declarations
        for key in fields:
            value = values[key]
            if value is not None:
                push(value)
    return False


def _references(f: Loaded) -> Iterator[Diagnostic]:
    """Every unit used is built in or declared, every area too, every ref's source is listed."""
    units = _units(f)
    areas = set(BUILTIN_AREAS) | (f.areas if f.areas is not None else {a.key for a in f.model.areas})
    sources = {s.id for s in f.model.sources}
    seen_ids: set[str] = set()
    for i, s in enumerate(f.model.sources):
        if s.id in seen_ids:
            yield _at(f, ("sources", i, "id"), _say("chk_source_twice", id=s.id), "duplicate-id")
        seen_ids.add(s.id)
    for i, ind in enumerate(f.model.indicators):
        if ind.area not in areas:
            yield _at(
                f,
                ("indicators", i, "area"),
                _say("chk_unknown_area", area=ind.area, expected=", ".join(sorted(areas))),
                "unknown-area",
            )
    if not _names_unknown(f.model, units, sources):
        return  # the usual case: no path is built (80,000 models at 10,000 indicators)
    for path, model in _walk(f.model, ()):
        if path[:1] in _DECLARATIONS:
            continue
        unit = model.__dict__.get("unit")  # a field only (getattr would try pydantic's __getattr__)
        if isinstance(unit, str) and units.find(unit) is None:
            yield _at(
                f,
                (*path, "unit"),
                _say("chk_unknown_unit", unit=unit, expected=", ".join(sorted(units.units))),
                "unknown-unit",
            )
        if isinstance(model, Ref) and model.source is not None and model.source not in sources:
            listed = ", ".join(sorted(sources)) or _say("chk_none_listed")
            yield _at(
                f,
                (*path, "source"),
                _say("chk_unknown_source", source=model.source, listed=listed),
                "unknown-source",
            )


def _unique_ids(f: Loaded) -> Iterator[Diagnostic]:
    first: dict[str, int] = {}
    for i, ind in enumerate(f.model.indicators):
        if ind.id in first:
            mark = f.positions.find(("indicators", first[ind.id], "id"))
            where = _say("chk_first_at", line=mark[0]) if mark else ""
            yield _at(
                f,
                ("indicators", i, "id"),
                _say("chk_duplicate_id", id=ind.id, where=where),
                "duplicate-id",
            )
        else:
            first[ind.id] = i
    claim_first: set[str] = set()
    for i, claim in enumerate(f.model.claims):
        if claim.id in claim_first:
            yield _at(f, ("claims", i, "id"), _say("chk_duplicate_claim", id=claim.id), "duplicate-id")
        claim_first.add(claim.id)


def _target_years(t: Target) -> list[tuple[str, int]]:
    return t.year_fields


def _years(f: Loaded, ind: Indicator, base: Path_) -> Iterator[Diagnostic]:
    term = f.model.term
    if term.start >= term.end:
        yield _at(f, ("term",), _say("chk_term_order", start=term.start, end=term.end), "year")
        return
    if ind.baseline is not None and not term.start - 10 <= ind.baseline.year <= term.end:
        yield _at(
            f,
            (*base, "baseline", "year"),
            _say("chk_baseline_outside", year=ind.baseline.year, start=term.start, end=term.end),
            "year",
        )
    for j, t in enumerate(ind.targets):
        tpath = (*base, "targets", j)
        years = _target_years(t)
        for key, year in years:
            if not term.start <= year <= term.end:
                outside = _say("chk_year_outside", field=key, year=year, start=term.start, end=term.end)
                yield _at(f, (*tpath, key), outside, "year")
            if ind.baseline is not None and ind.baseline.year > year:
                yield _at(
                    f,
                    (*base, "baseline", "year"),
                    _say("chk_baseline_after", year=ind.baseline.year, field=key, target=year),
                    "year",
                )
        if len(years) == 2 and years[0][1] >= years[1][1]:
            order = _say("chk_end_before_start", end=years[1][1], start=years[0][1])
            yield _at(f, (*tpath, "end_year"), order, "year")


def _bounds(f: Loaded, unit_key: str, value: Decimal | None, path: Path_, what: str) -> Iterator[Diagnostic]:
    if value is None:
        return
    unit = _units(f).find(unit_key)
    if unit is None:
        return  # reported by _references
    violation = unit.violation(value)
    if violation is not None:
        side, bound = violation
        lang = message_lang()
        side_text, unit_text = label("chk_" + side, lang), unit.label(lang)
        said = _say("chk_impossible", what=label(what, lang), value=value, side=side_text, bound=bound, unit=unit_text)
        yield _at(f, path, said, "range")


def _values(f: Loaded, ind: Indicator, base: Path_) -> Iterator[Diagnostic]:
    if ind.baseline is not None:
        yield from _bounds(f, ind.unit, ind.baseline.value, (*base, "baseline", "value"), "chk_what_baseline")
        if ind.baseline.value is not None and ind.baseline.ref is None:
            yield _at(
                f,
                (*base, "baseline"),
                _say("chk_baseline_ref"),
                "traceability",
            )
    for j, t in enumerate(ind.targets):
        tpath = (*base, "targets", j)
        match t:
            case LevelTarget():
                yield from _bounds(f, t.unit or ind.unit, t.value, (*tpath, "value"), "chk_what_target")
                if t.ratio_basis == "equivalent" and t.equivalent is None:
                    yield _at(
                        f,
                        (*tpath, "ratio_basis"),
                        _say("chk_equivalent"),
                        "consistency",
                    )
            case GrowthRateTarget():
                if t.value <= -100:
                    yield _at(
                        f,
                        (*tpath, "value"),
                        _say("chk_growth_floor", value=t.value),
                        "range",
                    )
            case CountPerYearTarget():
                yield from _bounds(f, t.unit, t.value, (*tpath, "value"), "chk_what_count")
            case PointsReductionTarget():
                if t.value <= 0:
                    yield _at(
                        f,
                        (*tpath, "value"),
                        _say("chk_reduction_positive", value=t.value),
                        "range",
                    )
            case MaintainTarget():
                yield from _bounds(f, ind.unit, t.value, (*tpath, "value"), "chk_what_target")
            case LevelRangeTarget():
                yield from _bounds(f, ind.unit, t.low, (*tpath, "low"), "chk_what_low")
                yield from _bounds(f, ind.unit, t.high, (*tpath, "high"), "chk_what_high")
            case CountPerYearRangeTarget():
                yield from _bounds(f, t.unit, t.low, (*tpath, "low"), "chk_what_low")
                yield from _bounds(f, t.unit, t.high, (*tpath, "high"), "chk_what_high")
            case MilestoneTarget() | QualitativeTarget():
                pass  # words and a year: nothing to bound
            case _:
                assert_never(t)
        if f.model.kind == "targets" and (t.result is not None or t.published_ratio is not None):
            yield _at(
                f,
                (*tpath, "result" if t.result else "published_ratio"),
                _say("chk_results_in_targets"),
                "consistency",
            )
        if t.result is not None:
            yield from _result(f, ind, t, t.result, (*tpath, "result"))
        if t.published_ratio is not None and t.published_ratio.value < 0:
            yield _at(f, (*tpath, "published_ratio", "value"), _say("chk_negative_ratio"), "range")


def _result(f: Loaded, ind: Indicator, t: Target, r: Result, path: Path_) -> Iterator[Diagnostic]:
    if r.value is None and r.text is None:
        yield _at(
            f,
            path,
            _say("chk_result_empty"),
            "consistency",
            "warning",
        )
    if isinstance(t, LevelTarget):
        yield from _bounds(f, r.unit or t.unit or ind.unit, r.value, (*path, "value"), "chk_what_result")


def _share_groups(f: Loaded) -> Iterator[Diagnostic]:
    groups: dict[tuple[str, int], list[tuple[int, Decimal | None]]] = defaultdict(list)
    for i, ind in enumerate(f.model.indicators):
        if ind.share_group is None:
            continue
        unit = _units(f).find(ind.unit)
        if unit is not None and unit.kind != "share":
            yield _at(
                f,
                ("indicators", i, "unit"),
                _say("chk_share_unit", group=ind.share_group, unit=ind.unit),
                "share-group",
            )
        for t in ind.targets:
            if isinstance(t, LevelTarget):
                groups[(ind.share_group, t.year)].append((i, t.value))
    for (group, year), members in groups.items():
        values = [v for _, v in members]
        if any(v is None for v in values):
            continue
        total = sum((v for v in values if v is not None), Decimal(0))
        # Each share is printed rounded to its last digit: allow half a unit of it per share.
        tolerance = sum((half_unit(v) for v in values if v is not None), Decimal(0))
        if abs(total - SHARE_TOTAL) > tolerance:
            first = members[0][0]
            yield _at(
                f,
                ("indicators", first, "share_group"),
                _say("chk_share_sum", group=group, year=year, total=total, tolerance=tolerance),
                "share-sum",
            )


def _claims(f: Loaded) -> Iterator[Diagnostic]:
    ids = {ind.id for ind in f.model.indicators}
    for i, c in enumerate(f.model.claims):
        path: Path_ = ("claims", i)
        if c.indicator is not None and c.indicator not in ids:
            yield _at(f, (*path, "indicator"), _say("chk_claim_unknown", id=c.indicator), "unknown-id")
        if c.start_year >= c.end_year:
            order = _say("chk_end_before_start", end=c.end_year, start=c.start_year)
            yield _at(f, (*path, "end_year"), order, "year")
        given = sum(x is not None for x in (c.increase_pct, c.multiple, c.average_annual_pct))
        if given < 2:
            yield _at(
                f,
                path,
                _say("chk_claim_unauditable"),
                "claim",
                "warning",
            )
