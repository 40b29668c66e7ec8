"""Range targets (``level_range``, ``count_per_year_range``): figures computed by hand.

The GRDP-per-capita-like indicator: 50,73 million VND in 2025 (test data), a target of 75-80 by
2030. New party members: 1.500 to 1.600 a year over 2025-2030.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cbkpi.audit import audit_file
from cbkpi.models import DataFile
from cbkpi.status import term_status
from tests.conftest import Cli

BASE = 50.73
# Low end: (75 / 50,73)^(1/5) - 1. 75 / 50,73 = 1,478415; ln 1,478415 = 0,390964; / 5 = 0,078193;
# e^0,078193 = 1,081331: 8,1331 %/yr.
LOW_PACE = ((75 / 50.73) ** (1 / 5) - 1) * 100
# High end: (80 / 50,73)^(1/5) - 1. 80 / 50,73 = 1,576976; ln 1,576976 = 0,455503; / 5 = 0,091101;
# e^0,091101 = 1,095380: 9,5380 %/yr.
HIGH_PACE = ((80 / 50.73) ** (1 / 5) - 1) * 100


def test_hand_arithmetic_of_the_two_paces() -> None:
    assert pytest.approx(8.1331, abs=1e-3) == LOW_PACE
    assert pytest.approx(9.5380, abs=1e-3) == HIGH_PACE


def _file(
    kind: str, targets: list[dict[str, Any]], baseline: float | None = BASE, unit: str = "million_vnd"
) -> DataFile:
    start, end = (2025, 2030) if kind == "targets" else (2020, 2025)
    return DataFile.model_validate(
        {
            "source": {"title": "t", "publisher": "p", "date": None, "url": "https://example.org/a"},
            "term": {"start": start, "end": end},
            "kind": kind,
            "indicators": [
                {
                    "id": "per_capita",
                    "name": {"vi": "Bình quân đầu người", "en": "Per capita"},
                    "area": "economy",
                    "unit": unit,
                    "baseline": {"year": start, "value": baseline, "ref": {"quote": "q"}},
                    "targets": targets,
                }
            ],
        }
    )


LEVEL = {"kind": "level_range", "low": 75, "high": 80, "year": 2030, "ref": {"quote": "từ 75-80"}}
COUNT = {
    "kind": "count_per_year_range",
    "low": 1500,
    "high": 1600,
    "start_year": 2025,
    "end_year": 2030,
    "unit": "party_members",
    "ref": {"quote": "từ 1.500 đến 1.600"},
}


def test_level_range_needs_a_pace_for_each_end() -> None:
    ts = term_status("x", _file("targets", [LEVEL])).indicators[0].targets[0]
    assert ts.range_required is not None
    low, high = ts.range_required
    assert low.value == pytest.approx(LOW_PACE, abs=1e-9)
    assert high.value == pytest.approx(HIGH_PACE, abs=1e-9)
    # the headline figure is the pace that enters the range (the low end: higher is better)
    assert ts.required_annual_growth_pct.value == pytest.approx(LOW_PACE, abs=1e-9)


def test_level_range_without_baseline_is_unknown() -> None:
    ts = term_status("x", _file("targets", [LEVEL], baseline=None)).indicators[0].targets[0]
    assert ts.range_required is not None
    assert ts.range_required[0].value is None and ts.range_required[0].reason == "unknown_input"


def test_count_range_totals_over_the_term() -> None:
    ts = term_status("x", _file("targets", [COUNT])).indicators[0].targets[0]
    # 1.500 × 5 = 7.500 and 1.600 × 5 = 8.000 members over 2025-2030
    assert ts.range_implied is not None
    assert (ts.range_implied[0].value, ts.range_implied[1].value) == (7500.0, 8000.0)
    assert ts.range_required is not None
    assert (ts.range_required[0].value, ts.range_required[1].value) == (1500.0, 1600.0)


@pytest.mark.parametrize(
    ("actual", "position", "met", "achievement"),
    [
        (70, "below", False, 70 / 75 * 100),  # 93,33 % of the low end
        (78, "within", True, 78 / 75 * 100),
        (75, "within", True, 100.0),  # the ends belong to the range
        (85, "above", True, 85 / 75 * 100),
    ],
)
def test_level_range_result_below_within_above(actual: float, position: str, met: bool, achievement: float) -> None:
    target = {**LEVEL, "year": 2025, "result": {"value": actual, "ref": {"line": 1}}}
    ts = term_status("x", _file("results", [target])).indicators[0].targets[0]
    assert (ts.position, ts.met) == (position, met)
    assert ts.achievement_pct.value == pytest.approx(achievement)


def test_count_range_result_in_total_and_per_year() -> None:
    # total 7.800 over 5 years: within 7.500-8.000; 7.800 / 7.500 = 104 %
    total = {**COUNT, "start_year": 2020, "end_year": 2025, "result": {"value": 7800, "ref": {"line": 1}}}
    ts = term_status("x", _file("results", [total])).indicators[0].targets[0]
    assert (ts.position, ts.met) == ("within", True)
    assert ts.achievement_pct.value == pytest.approx(104.0)
    # 1.450 a year: below 1.500; 1.450 / 1.500 = 96,67 %
    yearly = {**total, "result": {"value": 1450, "basis": "per_year", "ref": {"line": 1}}}
    ts = term_status("x", _file("results", [yearly])).indicators[0].targets[0]
    assert (ts.position, ts.met) == ("below", False)
    assert ts.achievement_pct.value == pytest.approx(1450 / 1500 * 100)


def test_audit_recomputes_a_printed_ratio_against_the_low_end() -> None:
    # 78 / 75 × 100 = 104,0: the report printing 104 agrees
    target = {
        **LEVEL,
        "year": 2025,
        "result": {"value": 78, "ref": {"line": 1}},
        "published_ratio": {"value": 104, "ref": {"line": 1}},
    }
    items = audit_file("x", _file("results", [target]))
    assert len(items) == 1
    assert items[0].verdict in ("agrees", "within_rounding")


def test_tracking_a_level_range() -> None:
    data = _file("targets", [LEVEL])
    # 50,73 (2025) -> 60 (2027): (60 / 50,73)^(1/2) - 1 = 8,7537 %/yr; the low end needs 8,1331:
    # 8,7537 / 8,1331 = 107,6 % >= 95 %: on track; 60 is below the range.
    tr = term_status("x", data, {"per_capita": {2027: 60.0}}, 2027).tracking
    assert tr is not None
    track = tr.indicators["per_capita"].targets[0]
    assert track.observed_pace.value == pytest.approx(((60 / 50.73) ** 0.5 - 1) * 100)
    assert track.required_pace.value == pytest.approx(LOW_PACE)
    assert track.status == "on_track"
    assert track.position == "below"
    assert track.range_required is not None
    assert track.range_required[1].value == pytest.approx(HIGH_PACE)
    # 77 in 2029 is within the range: met
    tr = term_status("x", data, {"per_capita": {2029: 77.0}}, 2029).tracking
    assert tr is not None
    assert tr.indicators["per_capita"].targets[0].status == "met"
    assert tr.indicators["per_capita"].targets[0].position == "within"


def test_tracking_a_count_range() -> None:
    data = _file("targets", [COUNT], unit="party_members")
    # 1.550 (2026) and 1.450 (2027): average 1.500 a year, within 1.500-1.600; the low end needs
    # 1.500 a year: ratio 100 %: on track. Left: 7.500 - 3.000 = 4.500 over 3 years = 1.500 a year.
    tr = term_status("x", data, {"per_capita": {2026: 1550.0, 2027: 1450.0}}, 2027).tracking
    assert tr is not None
    track = tr.indicators["per_capita"].targets[0]
    assert track.observed_pace.value == pytest.approx(1500.0)
    assert track.status == "on_track"
    assert track.position == "within"
    assert track.required_pace_remaining.value == pytest.approx(1500.0)  # units a year, not percent
    assert track.range_required is not None
    assert (track.range_required[0].value, track.range_required[1].value) == (1500.0, 1600.0)


HEAD = """\
source: {title: T, publisher: P, date: 2025-09-17, url: "https://example.org/a"}
term: {start: 2025, end: 2030}
kind: targets
indicators:
  - id: per_capita
    name: {vi: A, en: A}
    area: economy
    unit: million_vnd
    baseline: {year: 2025, value: 50.73, ref: {quote: "50,73"}}
    targets:
"""


def _write(tmp_path: Path, targets: str) -> Path:
    path = tmp_path / "t.yaml"
    path.write_text(HEAD + targets, encoding="utf-8")
    return path


def test_cli_renders_ranges_in_every_status_format(cli: Cli, tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "      - {kind: level_range, low: 75, high: 80, year: 2030, ref: {quote: q}}\n",
    )
    out = cli(["status", str(path), "--format", "csv-keys"])
    assert out.exit_code == 0
    row = out.output.splitlines()[1].split(",")
    header = out.output.splitlines()[0].split(",")
    cells = dict(zip(header, row, strict=True))
    assert (cells["target_low"], cells["target_high"]) == ("75", "80")
    assert float(cells["required_low_pct"]) == pytest.approx(LOW_PACE, abs=1e-4)
    assert float(cells["required_high_pct"]) == pytest.approx(HIGH_PACE, abs=1e-4)
    doc = json.loads(cli(["status", str(path), "--format", "json"]).output)
    target = doc["terms"][0]["indicators"][0]["targets"][0]
    assert target["range_required"]["low"] == pytest.approx(LOW_PACE, abs=1e-4)
    md = cli(["status", str(path), "--format", "markdown"]).output
    assert "từ 75 đến 80 vào năm 2030" in md
    assert "8,13–9,54" in md  # the two paces, 2 decimals


@pytest.mark.parametrize(
    ("target", "line", "words"),
    [
        (
            "      - {kind: level_range, low: 80, high: 75, year: 2030, ref: {quote: q}}\n",
            11,
            "low 80 is not below high 75",
        ),
        ("      - {kind: level_range, low: 75, high: 80, year: 2030, ref: {}}\n", 11, "a 'line', a 'quote' or both"),
        (
            "      - {kind: level_range, low: 75, high: 80, year: 2030, ref: {source: nowhere, quote: q}}\n",
            11,
            "unknown source 'nowhere'",
        ),
        (
            "      - {kind: count_per_year_range, low: 1, high: 2, start_year: 2025, end_year: 2030, unit: km, ref: {quote: q}}\n",
            11,
            "unknown unit 'km'",
        ),
    ],
)
def test_bad_ranges_and_refs_are_located(cli: Cli, tmp_path: Path, target: str, line: int, words: str) -> None:
    path = _write(tmp_path, target)
    out = cli(["validate", str(path)])
    assert out.exit_code == 1
    assert f"t.yaml:{line}:" in out.output
    assert words in out.output
