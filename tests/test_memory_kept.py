"""Issue 12, scale (100,000 indicators under 1 GB): what a validated file keeps in memory.

A file's parsed YAML is freed once its models are built (the marks' second read builds its own
data, only when a message needs a line); validated models share one fields-set per combination
of fields, which changes no answer pydantic gives about them."""

from __future__ import annotations

import datetime as dt
import gc
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from cbkpi.compact import share_fields_sets
from cbkpi.loader import load_data_file
from cbkpi.models import DataFile, Indicator, LevelTarget
from cbkpi.observations import LoadedObservations, Observation, ObservationsFile, ObservedValue
from cbkpi.yamlread import load

TARGETS = """\
source: {title: "Báo cáo", publisher: "UBND", date: 2020-05-28}
term: {start: 2020, end: 2025}
kind: targets
indicators:
  - id: grdp_growth
    name: {vi: "Tăng trưởng GRDP", en: "GRDP growth"}
    area: economy
    unit: percent
    baseline: {year: 2020, value: 5.5, ref: {line: 3}}
    targets:
      - {kind: level, comparator: at_least, value: 7.0, year: 2025, ref: {line: 4}}
  - id: forest_cover
    name: {vi: "Tỷ lệ che phủ rừng", en: "Forest cover"}
    area: environment
    unit: percent
    baseline: {year: 2020, value: 55, estimate: true, ref: {line: 5}}
    targets:
      - {kind: level, value: 60, year: 2025, ref: {line: 6}}
"""


def _write(tmp_path: Path, text: str, name: str = "t.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_lazy_read_keeps_no_data_yet_finds_every_mark(tmp_path: Path) -> None:
    doc = load(_write(tmp_path, TARGETS))
    data, positions = doc.data, doc.positions
    del doc
    gc.collect()
    # held by `data` and getrefcount's argument only: the marks do not keep it alive
    assert sys.getrefcount(data) == 2
    # line 18 is `      - {kind: level, value: 60, ...}`: 6 spaces, "- {" (cols 7-9), then
    # "kind: level, " (cols 10-22), "value: " (cols 23-29): the 60 stands at column 30
    assert positions.find(("indicators", 1, "targets", 0, "value")) == (18, 30)
    # the key `name` of the second indicator: line 13, after four spaces
    assert positions.key(("indicators", 1, "name")) == (13, 5)


def test_models_of_one_combination_share_one_fields_set(tmp_path: Path) -> None:
    loaded = load_data_file(_write(tmp_path, TARGETS))
    first, second = loaded.model.indicators
    # both indicators give id, name, area, unit, baseline, targets: one set for both
    assert first.model_fields_set == {"id", "name", "area", "unit", "baseline", "targets"}
    assert first.__pydantic_fields_set__ is second.__pydantic_fields_set__
    # their baselines differ: the second one gives `estimate`, so its set is its own
    assert first.baseline is not None and second.baseline is not None
    assert first.baseline.model_fields_set == {"year", "value", "ref"}
    assert second.baseline.model_fields_set == {"year", "value", "estimate", "ref"}
    # names and refs, nested deeper, are shared too
    assert first.name.__pydantic_fields_set__ is second.name.__pydantic_fields_set__
    t1, t2 = first.targets[0], second.targets[0]
    assert isinstance(t1, LevelTarget) and isinstance(t2, LevelTarget)
    assert t1.ref.__pydantic_fields_set__ is t2.ref.__pydantic_fields_set__


def test_a_copy_with_an_update_leaves_the_shared_set_alone(tmp_path: Path) -> None:
    loaded = load_data_file(_write(tmp_path, TARGETS))
    first, second = loaded.model.indicators
    copied = first.model_copy(update={"note": "sửa"})
    assert copied.model_fields_set == {"id", "name", "area", "unit", "baseline", "targets", "note"}
    assert second.model_fields_set == {"id", "name", "area", "unit", "baseline", "targets"}
    # exclude_unset still leaves out what the file did not give (direction, note, ...)
    assert set(second.model_dump(exclude_unset=True)) == {"id", "name", "area", "unit", "baseline", "targets"}


def test_a_mutable_model_keeps_its_own_set() -> None:
    from pydantic import BaseModel

    class Loose(BaseModel):
        a: int = 0
        b: int = 0

    one, two = Loose(a=1), Loose(a=2)
    share_fields_sets(one)
    share_fields_sets(two)
    assert one.__pydantic_fields_set__ is not two.__pydantic_fields_set__
    one.b = 3
    assert one.model_fields_set == {"a", "b"}
    assert two.model_fields_set == {"a"}


def test_sharing_twice_changes_nothing(tmp_path: Path) -> None:
    model = DataFile.model_validate(
        {
            "source": {"title": "x", "publisher": "y", "date": None},
            "term": {"start": 2020, "end": 2025},
            "kind": "targets",
            "indicators": [
                {
                    "id": "a",
                    "name": {"vi": "A", "en": "A"},
                    "area": "economy",
                    "unit": "percent",
                    "baseline": {"year": 2020, "value": 1, "ref": {"line": 1}},
                    "targets": [{"kind": "level", "value": 2, "year": 2025, "ref": {"line": 2}}],
                }
            ],
        }
    )
    share_fields_sets(model)
    before = model.model_dump()
    share_fields_sets(model)
    assert model.model_dump() == before
    assert isinstance(model.indicators[0], Indicator)


def test_an_observation_with_its_place_has_no_dict(tmp_path: Path) -> None:
    text = 'observations:\n  - {indicator: grdp_growth, year: 2021, value: 6.5, source: "s"}\n'
    doc = load(_write(tmp_path, text, "o.yaml"))
    loaded = LoadedObservations("o.yaml", ObservationsFile.model_validate(doc.data), doc.positions)
    (item,) = loaded.located()
    assert not hasattr(item, "__dict__")
    assert item.line == 2


def test_observations_are_kept_as_records_of_every_field(tmp_path: Path) -> None:
    text = (
        "observations:\n"
        '  - {indicator: grdp_growth, year: 2021, value: 6.50, source: "s", estimate: true}\n'
        '  - {indicator: forest_cover, year: 2024, value: 55.1, source: "t", quote: "đạt 55,1%",\n'
        "     revises: true, published: 2025-01-15, comparator: over, unit: percent,\n"
        '     definition: "FAO", series_break: true, note: "n"}\n'
    )
    doc = load(_write(tmp_path, text, "o.yaml"))
    model = ObservationsFile.model_validate(doc.data)
    loaded = LoadedObservations("o.yaml", model, doc.positions)
    # the record has the model's fields, in the model's order
    assert ObservedValue._fields == tuple(Observation.model_fields)
    first, second = loaded.values
    assert first == ObservedValue("grdp_growth", 2021, Decimal("6.50"), "s", estimate=True)
    assert str(first.value) == "6.50"  # the printed precision kept
    assert second == ObservedValue(
        indicator="forest_cover",
        year=2024,
        value=Decimal("55.1"),
        source="t",
        quote="đạt 55,1%",
        estimate=False,
        revises=True,
        published=dt.date(2025, 1, 15),
        comparator="over",
        unit="percent",
        definition="FAO",
        series_break=True,
        note="n",
    )
    assert [item.obs for item in loaded.located()] == [first, second]
    assert loaded.model.observations == []  # the models are not kept beside the records


def _long_targets(n: int, bad: int | None = None) -> str:
    """``n`` indicators of 27 values each (ids, names, a baseline and a target with their refs):
    from 1,000 of them a file holds more than 20,000 values and is validated a slice at a time.
    Indicator ``bad`` has area 7 (a number where a key is expected). Each indicator takes
    seven lines after the four of the head, so indicator i's `area` is on line 4 + 7*i + 3."""
    rows = []
    for i in range(n):
        area = "7" if i == bad else "economy"
        rows += [
            f"  - id: ind_{i:05d}",
            f'    name: {{vi: "Chỉ tiêu {i}", en: "Indicator {i}"}}',
            f"    area: {area}",
            "    unit: percent",
            '    baseline: {year: 2020, value: 1.5, ref: {line: 1, quote: "đạt 1,5"}}',
            "    targets:",
            '      - {kind: level, value: 2.5, year: 2025, ref: {line: 2, quote: "đạt 2,5"}}',
        ]
    head = 'source: {title: "T", publisher: "P", date: 2020-05-28}\nterm: {start: 2020, end: 2025}\nkind: targets\n'
    return head + "indicators:\n" + "\n".join(rows) + "\n"


def test_a_long_list_gives_up_its_raw_items_once_validated(tmp_path: Path) -> None:
    from cbkpi.loader import validate_document

    doc = load(_write(tmp_path, _long_targets(1200)))
    assert doc.values > 20_000  # sliced: 1,200 indicators x 27 values = 32,400
    model = validate_document(doc, DataFile)
    assert len(model.indicators) == 1200
    assert model.indicators[1199].id == "ind_01199"
    assert doc.data["indicators"] == [None] * 1200  # freed, the length kept


def test_an_error_far_down_a_long_list_is_still_located_and_named(tmp_path: Path) -> None:
    from cbkpi.diagnostics import DataError
    from cbkpi.loader import validate_document

    # indicator 1100 is in the 23rd slice of 50 (1100 // 50 = 22, counted from 0): slices 0-21
    # were validated and freed before it fails
    doc = load(_write(tmp_path, _long_targets(1200, bad=1100)))
    try:
        validate_document(doc, DataFile)
    except DataError as exc:
        diags = exc.diagnostics
    else:
        raise AssertionError("area 7 was accepted")
    first = diags[0]
    # `area: 7` of indicator 1100: line 4 + 7 * 1100 + 3 = 7707, after "    area: " (column 11)
    assert (first.line, first.column) == (7707, 11)
    assert first.indicator == "ind_01100"
    assert first.message.startswith("indicators.1100.area")


def test_a_list_named_twice_by_an_alias_is_left_whole(tmp_path: Path) -> None:
    # `claims` is an alias of the indicators' list: both keys hold one list, which must not be
    # emptied when `indicators` is validated (it is read again as the claims)
    text = _long_targets(1000).replace("indicators:\n", "indicators: &all\n") + "claims: *all\n"
    doc = load(_write(tmp_path, text))
    indicators = doc.data["indicators"]
    from cbkpi.diagnostics import DataError
    from cbkpi.loader import validate_document

    with pytest.raises(DataError):  # indicators are not claims: the claims are refused
        validate_document(doc, DataFile)
    assert indicators[0] is not None and indicators[0]["id"] == "ind_00000"
