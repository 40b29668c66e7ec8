"""``cbkpi status --format json``: raw numbers, no language; documented in ``docs/json-output.md``."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from typing_extensions import assert_never

from cbkpi import __version__
from cbkpi.calc import Figure
from cbkpi.models import (
    CountPerYearRangeTarget,
    CountPerYearTarget,
    GrowthRateTarget,
    LevelRangeTarget,
    LevelTarget,
    MaintainTarget,
    MilestoneTarget,
    PointsReductionTarget,
    QualitativeTarget,
)
from cbkpi.numbers import data_number, json_figure, json_float
from cbkpi.observations import Located
from cbkpi.render.tracking import indicator_tracking_json, verdict_count
from cbkpi.status import IndicatorStatus, TargetStatus, TermStatus
from cbkpi.terms import term_name

if TYPE_CHECKING:
    from cbkpi.pipeline import StatusReport


_TARGET_KEYS = ("comparator", "value", "year", "start_year", "end_year")


@functools.cache
def _target_keys(cls: type) -> tuple[str, ...]:
    fields = cls.model_fields  # type: ignore[attr-defined]
    return tuple(k for k in _TARGET_KEYS if k in fields)


def _ends(ends: tuple[Figure, Figure] | None) -> dict[str, float | None] | None:
    return None if ends is None else {"low": json_figure(ends[0]), "high": json_figure(ends[1])}


def target_json(ts: TargetStatus) -> dict[str, Any]:
    tg = ts.target
    d: dict[str, Any] = {"kind": tg.kind, "unit": ts.unit}
    attrs = tg.__dict__
    for key in _target_keys(type(tg)):
        d[key] = data_number(attrs[key]) if key == "value" else attrs[key]
    match tg:
        case MilestoneTarget() | QualitativeTarget():
            d["description"] = {"vi": tg.description.vi, "en": tg.description.en}
        case LevelTarget():
            if tg.equivalent is not None:
                d["equivalent"] = {"value": data_number(tg.equivalent.value), "unit": tg.equivalent.unit}
                d["ratio_basis"] = tg.ratio_basis
        case CountPerYearTarget():
            if tg.per_unit is not None:
                label = tg.per_unit.label
                d["per_unit"] = {"value": data_number(tg.per_unit.value), "label": {"vi": label.vi, "en": label.en}}
        case LevelRangeTarget() | CountPerYearRangeTarget():
            d["low"], d["high"] = data_number(tg.low), data_number(tg.high)
        case GrowthRateTarget() | PointsReductionTarget() | MaintainTarget():
            pass  # their keys are the common ones
        case _:
            assert_never(tg)
    d["years"] = ts.years
    req, imp, ach = ts.required_annual_growth_pct, ts.implied_end_value, ts.achievement_pct
    na = "not_applicable"
    d["required_annual_growth_pct"] = json_figure(req)
    d["required_annual_growth_reason"] = (req.reason if req.reason != na else None) or req.note
    d["required_pace"] = json_figure(ts.required_pace)
    d["required_pace_unit"] = ts.pace_unit
    d["required_pace_reason"] = ts.required_pace.reason or ts.required_pace.note
    d["implied_end_value"] = json_figure(imp)
    d["implied_end_value_reason"] = imp.reason or imp.note  # never null without a value
    d["achievement_pct"] = json_figure(ach)
    d["achievement_reason"] = (ach.reason if ach.reason != na else None) or ach.note
    if ts.range_required is not None or ts.range_implied is not None:
        # range targets: the pace to each end, the totals at each end (count ranges), the position
        d["range_required"] = _ends(ts.range_required)
        d["range_implied_end_value"] = _ends(ts.range_implied)
        d["range_position"] = ts.position
    r = tg.result
    d["result"] = (
        None
        if r is None
        else {
            "value": data_number(r.value),
            "text": r.text,
            "comparator": r.comparator,
            "unit": r.unit,
            "basis": r.basis,
            "estimate": r.estimate,
        }
    )
    d["published_ratio_pct"] = data_number(tg.published_ratio.value) if tg.published_ratio else None
    d["met"] = ts.met
    d["source_line"] = tg.ref.line
    return d


def _headline(targets: list[dict[str, Any]], key: str) -> float | None:
    return next((d[key] for d in targets if d[key] is not None), None)


def origin_json(item: Located | None) -> dict[str, Any] | None:
    """The observation a ``from_observations`` baseline was taken from."""
    if item is None:
        return None
    o = item.obs
    return {
        "file": item.file,
        "line": item.line,
        "source": o.source,
        "year": o.year,
        "value": data_number(o.value),
        "estimate": o.estimate,
    }


def indicator_json(ind: IndicatorStatus, origin: Located | None = None) -> dict[str, Any]:
    i = ind.indicator
    targets = [target_json(ts) for ts in ind.targets]
    b = i.baseline
    return {
        "id": i.id,
        "number": i.number,
        "sub": i.sub,
        "label": i.label,
        "name": {"vi": i.name.vi, "en": i.name.en},
        "area": i.area,
        "unit": i.unit,
        "direction": i.direction,
        "baseline": None
        if b is None
        else {
            "year": b.year,
            "value": data_number(b.value),
            "comparator": b.comparator,
            "estimate": b.estimate,
            "source_line": b.ref.line if b.ref else None,
            "from_observations": b.from_observations,
            "observation": origin_json(origin),
        },
        "required_annual_growth_pct": _headline(targets, "required_annual_growth_pct"),
        "implied_end_value": _headline(targets, "implied_end_value"),
        "achievement_pct": _headline(targets, "achievement_pct"),
        "targets": targets,
        "agreements": [
            {
                "growth_target_pct": data_number(a.growth_target.value),
                "level_target": data_number(a.level_target.value),
                "year": a.level_target.year,
                "implied_end_value": json_float(a.implied_end_value),
                "required_rate_pct": json_float(a.required_rate_pct),
                "verdict": a.verdict,
            }
            for a in ind.agreements
        ],
    }


def iter_json(terms: Sequence[TermStatus], extra: dict[str, Any] | None = None) -> Iterator[str]:
    """The JSON document in pieces, an indicator at a time: the whole document is never held
    in memory (on 10,000 indicators it would take more than the data itself)."""

    # json.dumps's encoder, made once (dumps makes one per call: 10,000 calls at 10,000
    # indicators); one line, so the C encoder writes it
    dumps = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode

    yield '{"cbkpi_version": ' + dumps(__version__) + ', "terms": ['
    for n, term in enumerate(terms):
        head = {
            "file": term.file,
            "kind": term.data.kind,
            "term": {"start": term.data.term.start, "end": term.data.term.end, "name": term_name(term.data.term)},
            "source": term.data.source.model_dump(mode="json", exclude_none=True),
            "as_of": term.tracking.as_of if term.tracking else None,
            "verdicts": _verdicts(term),
        }
        yield (", " if n else "") + dumps(head)[:-1] + ', "indicators": ['
        for k, ind in enumerate(term.indicators):
            tracked = term.tracking.indicators.get(ind.indicator.id) if term.tracking else None
            origin = term.origins.get(ind.indicator.id)
            doc = indicator_json(ind, origin) | indicator_tracking_json(
                tracked, term.tracking.as_of if term.tracking else None
            )
            yield (", " if k else "") + dumps(doc)
        yield "]}"
    yield "]" + ("".join(f", {dumps(k)}: {dumps(v)}" for k, v in (extra or {}).items())) + "}\n"


def _verdicts(term: TermStatus) -> dict[str, int] | None:
    """Once the term's last year is assessed: how many quantified targets are met."""
    count = verdict_count(term.tracking) if term.tracking else None
    return None if count is None else {"met": count[0], "quantified": count[1]}


def report_extra(report: StatusReport) -> dict[str, Any]:
    """Top-level keys beside ``terms``: baseline revisions and the data warnings."""
    return {
        "baseline_revisions": [
            {
                "indicator": r.indicator,
                "year": r.year,
                "published": json_float(float(r.published)) if r.published is not None else None,
                "observed": json_float(float(r.observed)),
                "source": r.source,
                "estimate": r.estimate,
                "term": r.term,
                "published_comparator": r.published_comparator,
                "observed_comparator": r.observed_comparator,
            }
            for r in report.revisions
        ],
        "warnings": [d.format() for d in report.warnings],
    }


def as_json(terms: Sequence[TermStatus]) -> str:
    return "".join(iter_json(terms))


def write_json(report: StatusReport, lang: str, width: int | None, out: TextIO) -> None:
    """The status registry's ``json``: streamed, language-free."""
    for chunk in iter_json(report.terms, report_extra(report)):
        out.write(chunk)
