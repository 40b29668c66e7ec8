"""Shortcuts taken for 10,000 indicators (issue 12, item 5) answer as the long way does.

Each case says by hand what the answer must be; where a shortcut stands beside the code it
replaces (the references check), both are asked and must agree with that answer.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import math
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cbkpi import calc, checks
from cbkpi.calc import Figure
from cbkpi.loader import Loaded, validate_document
from cbkpi.models import DataFile, LevelTarget, Ref
from cbkpi.observations import (
    LoadedObservations,
    ObservationsFile,
    _three_decimals,
    effective,
    located,
    values_by_indicator,
)
from cbkpi.tracking import Tracking, _replaced
from cbkpi.units import BUILTIN_UNITS
from cbkpi.yamlread import load
from tests.conftest import Cli

BASE: dict[str, Any] = {
    "source": {"title": "t", "publisher": "p", "date": None},
    "sources": [{"id": "nso", "title": "t", "publisher": "p", "date": None}],
    "term": {"start": 2020, "end": 2025},
    "kind": "results",
    "indicators": [
        {
            "id": "forest",
            "name": {"vi": "Rừng", "en": "Forest"},
            "area": "environment",
            "unit": "percent",
            "baseline": {"year": 2020, "value": 55, "ref": {"quote": "q", "source": "nso"}},
            "targets": [
                {
                    "kind": "level",
                    "value": 60,
                    "year": 2025,
                    "unit": "percent",
                    "equivalent": {"value": 1, "unit": "percent", "ref": {"quote": "q"}},
                    "ref": {"quote": "q"},
                    "result": {"value": 61, "unit": "percent", "ref": {"line": 3, "source": "nso"}},
                }
            ],
        }
    ],
}


def _mutated(path: tuple[str | int, ...], value: str) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    node: Any = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return data


def _slow(model: DataFile) -> bool:
    """The path-building walk that reports these (checks._references before the shortcut)."""
    units, sources = model.unit_registry(), {s.id for s in model.sources}
    for path, m in checks._walk(model, ()):
        if path[:1] in checks._DECLARATIONS:
            continue
        unit = m.__dict__.get("unit")
        if isinstance(unit, str) and units.find(unit) is None:
            return True
        if isinstance(m, Ref) and m.source is not None and m.source not in sources:
            return True
    return False


IND = ("indicators", 0)
TGT = (*IND, "targets", 0)
UNKNOWN_NAMES = {
    "indicator unit": (*IND, "unit"),
    "target unit": (*TGT, "unit"),
    "result unit": (*TGT, "result", "unit"),
    "equivalent unit": (*TGT, "equivalent", "unit"),
    "baseline ref source": (*IND, "baseline", "ref", "source"),
    "result ref source": (*TGT, "result", "ref", "source"),
    "equivalent ref source": (*TGT, "equivalent", "ref", "source"),
    "target ref source": (*TGT, "ref", "source"),
}


def test_known_names_pass_both_ways() -> None:
    model = DataFile.model_validate(BASE)
    # every unit is 'percent' (built in) and every ref's source is 'nso' (listed) or none
    assert checks._names_unknown(model, model.unit_registry(), {"nso"}) is False
    assert _slow(model) is False


@pytest.mark.parametrize("where", sorted(UNKNOWN_NAMES))
def test_an_unknown_name_anywhere_is_found_both_ways(where: str) -> None:
    path = UNKNOWN_NAMES[where]
    # 'parsecs' is no built-in unit and 'ghost' no listed source: both unknown wherever they are
    model = DataFile.model_validate(_mutated(path, "parsecs" if path[-1] == "unit" else "ghost"))
    assert checks._names_unknown(model, model.unit_registry(), {"nso"}) is True
    assert _slow(model) is True


def test_declarations_are_not_uses() -> None:
    # A declared unit's key and a listed source's id are declarations, never unknown names.
    data = copy.deepcopy(BASE)
    data["units"] = [{"key": "parsecs", "vi": "pc", "en": "pc", "kind": "amount"}]
    model = DataFile.model_validate(data)
    assert checks._names_unknown(model, model.unit_registry(), {"nso"}) is False


def test_unknown_result_unit_is_reported_at_its_line(tmp_path: Path, cli: Cli) -> None:
    data = _mutated((*TGT, "result", "unit"), "parsecs")
    path = tmp_path / "results.yaml"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")  # JSON is YAML
    doc = load(path)
    loaded = Loaded(doc.file, DataFile.model_validate(doc.data), doc.positions)
    loaded.units = BUILTIN_UNITS
    found = [d for d in checks.check_file(loaded) if d.code == "unknown-unit"]
    assert len(found) == 1
    assert "'parsecs'" in found[0].message  # in the language of the messages, whichever it is
    assert found[0].line == 1  # the whole document is one line of JSON
    result = cli(["validate", str(path)])
    assert result.exit_code == 1
    assert f"{path}:1:" in result.output
    assert "'parsecs'" in result.output


def test_replaced_is_dataclasses_replace() -> None:
    target = LevelTarget.model_validate({"kind": "level", "value": 60, "year": 2025, "ref": {"quote": "q"}})
    tr = Tracking(target, "on_track", 2024, 59.0, Figure(1.0), Figure(1.0), 100.0, missing_years=[2023])
    cases: list[dict[str, Any]] = [
        {"status": "not_met"},
        {"reason": "r", "latest_comparator": "over"},
        {"pace_unit": "pp_per_year"},
    ]
    for changes in cases:
        assert _replaced(tr, **changes) == dataclasses.replace(tr, **changes)
    assert _replaced(tr, status="met").status == "met"
    assert _replaced(tr, status="met").missing_years == [2023]
    assert tr.status == "on_track"  # the original is untouched


def test_growth_figures_without_closures() -> None:
    # 100 -> 121 in 2 years: sqrt(1.21) = 1.1, so 10 %/yr
    assert calc.cagr(100.0, 121.0, 2).value == pytest.approx(10.0)
    # 100 at 10 %/yr for 2 years: 100 * 1.1^2 = 121
    assert calc.implied_end_value(100.0, 10.0, 2).value == pytest.approx(121.0)
    # (1e300 / 1e-300) ** 2 overflows a float: reported, not raised
    assert calc.cagr(1e-300, 1e300, 0.5) == Figure(None, calc.OVERFLOW)
    # 1e300 * 101 ** 200 is far beyond a float
    assert calc.implied_end_value(1e300, 10_000.0, 200) == Figure(None, calc.OVERFLOW)
    assert calc.cagr(math.nan, 1.0, 1) == Figure(None, calc.UNKNOWN)
    assert calc.implied_end_value(1.0, math.inf, 1) == Figure(None, calc.UNKNOWN)


@pytest.mark.parametrize(
    ("key", "pace"),
    [("percent", "pp_per_year"), ("billion_vnd", "pct_per_year"), ("percent_per_year", "pct_per_year"), ("none", None)],
)
def test_a_units_pace_unit_asked_twice(key: str, pace: str | None) -> None:
    # shares are paced in points a year, amounts and rates in percent a year, 'none' not at all
    unit = BUILTIN_UNITS.get(key)
    assert unit.pace_unit == pace
    assert unit.pace_unit == pace  # the second answer comes from the first


@pytest.mark.parametrize(
    ("text", "three"),
    [("1.650", True), ("1650E-3", True), ("-2.000", True), ("1.65", False), ("1.6500", False), ("1650", False)],
)
def test_three_decimals_by_exponent(text: str, three: bool) -> None:
    # '1.650' and '1650E-3' are both 1650 thousandths: the exponent -3 a misread grouping has
    assert _three_decimals(Decimal(text)) is three


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("percent", "100.5", ("above", 100.0)),  # a share holds at most 100
        ("percent", "100", None),
        ("percent", "-0.1", ("below", 0.0)),  # and at least 0
        ("billion_vnd", "-1", ("below", 0.0)),  # an amount is never negative
        ("billion_vnd", "1e30", None),  # nor bounded above
        ("percent_per_year", "-100.5", ("below", -100.0)),  # a level cannot fall by more than all of it
    ],
)
def test_exact_bounds_kept_per_unit(key: str, value: str, expected: tuple[str, float] | None) -> None:
    unit = BUILTIN_UNITS.get(key)
    assert unit.violation(Decimal(value)) == expected
    assert unit.violation(Decimal(value)) == expected  # the bounds kept from the first call


def _observations(tmp_path: Path, rows: str) -> LoadedObservations:
    path = tmp_path / "o.yaml"
    path.write_text("observations:\n" + rows, encoding="utf-8")
    doc = load(path)
    return LoadedObservations("o.yaml", ObservationsFile.model_validate(doc.data), doc.positions)


def test_values_by_indicator_with_the_callers_effective_values(tmp_path: Path) -> None:
    loaded = _observations(
        tmp_path,
        '  - {indicator: trade, year: 2021, value: 1.5, source: "s", estimate: true}\n'
        '  - {indicator: trade, year: 2021, value: 1.6, source: "t"}\n'  # a non-estimate counts
        '  - {indicator: trade, year: 2022, value: 1700, source: "s", unit: million_usd}\n',
    )
    units = {"trade": "billion_usd"}
    counted = effective(located([loaded]))
    # 1,700 million USD = 1.7 billion USD (the exact factor 0.001)
    expected = {"trade": {2021: 1.6, 2022: 1.7}}
    assert values_by_indicator([loaded], units) == expected
    assert values_by_indicator([loaded], units, counted) == expected


def test_values_by_indicator_leaves_out_what_cannot_be_converted(tmp_path: Path) -> None:
    loaded = _observations(
        tmp_path,
        '  - {indicator: trade, year: 2021, value: 1.6, source: "t"}\n'
        '  - {indicator: trade, year: 2021, value: 9, source: "u", unit: percent, revises: true}\n',
    )
    units = {"trade": "billion_usd"}
    # the revision in percent would count (it revises), but percent is no billion USD: it is
    # left out, and the year keeps 1.6, whether or not the caller's effective values are given
    counted = effective(located([loaded]))
    assert counted["trade"][2021].obs.source == "u"
    assert values_by_indicator([loaded], units) == {"trade": {2021: 1.6}}
    assert values_by_indicator([loaded], units, counted) == {"trade": {2021: 1.6}}


def test_observations_fields_sets_are_left_alone(tmp_path: Path) -> None:
    # Observations are dropped for records once read: their sets are not worth sharing, while a
    # kept model's equal sets become one (tests/test_memory_kept.py).
    rows = '  - {indicator: trade, year: 2021, value: 1.5, source: "s"}\n' * 2
    path = tmp_path / "o.yaml"
    path.write_text("observations:\n" + rows, encoding="utf-8")
    model = validate_document(load(path), ObservationsFile)
    first, second = model.observations
    assert first.model_fields_set == second.model_fields_set == {"indicator", "year", "value", "source"}
    assert first.__pydantic_fields_set__ is not second.__pydantic_fields_set__
    loaded = LoadedObservations("o.yaml", model, load(path).positions)
    assert [v.value for v in loaded.values] == [Decimal("1.5"), Decimal("1.5")]
