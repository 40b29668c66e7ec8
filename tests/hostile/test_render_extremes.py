"""Issue 12, the renderers: text from the data never reaches a terminal raw (status, show), and
extreme numbers give figures or reasons, never exit 3 (audit, show, the HTML export, calc), with
strict JSON throughout.

Each test runs cbkpi as a real subprocess (``run_cbkpi``: python -m cbkpi, memory-limited)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hostile_cases import run_cbkpi

pytestmark = pytest.mark.slow

HEAD = 'source: {title: "T", publisher: "P", date: 2020-05-28}\n'

# A name and an observation's source carrying terminal escape sequences: SGR red (ESC [ 31 m), a
# window-title OSC ending in BEL, a screen clear (ESC [ 2 J) and a carriage return.
EVIL_TARGETS = (
    HEAD
    + """term: {start: 2020, end: 2025}
kind: targets
indicators:
  - id: evil
    number: "1"
    name: {vi: "Tên \\x1b[31mđỏ\\x1b]0;pwned\\x07\\rX", en: "Name \\x1b[31mred"}
    area: economy
    unit: billion_vnd
    baseline: {year: 2020, value: 100, ref: {line: 1, quote: "q"}}
    targets:
      - kind: level
        comparator: reach
        value: 150
        year: 2025
        ref: {line: 2, quote: "q"}
"""
)
EVIL_OBSERVATIONS = """observations:
  - {indicator: evil, year: 2021, value: 110, source: "src \\x1b[2J\\x1b[H", estimate: false}
"""


def _evil(d: Path) -> Path:
    (d / "data" / "observations").mkdir(parents=True)
    (d / "data" / "targets.yaml").write_text(EVIL_TARGETS, encoding="utf-8")
    (d / "data" / "observations" / "2021.yaml").write_text(EVIL_OBSERVATIONS, encoding="utf-8")
    return d / "data"


@pytest.mark.parametrize(
    "args",
    [["status"], ["status", "--lang", "en"], ["show", "evil"]],
    ids=["status-vi", "status-en", "show"],
)
def test_control_characters_from_data_never_reach_the_terminal(args: list[str], tmp_path: Path) -> None:
    data = _evil(tmp_path)
    run = run_cbkpi([*args, "--data-dir", str(data)], tmp_path)
    assert run.code == 0, run.output
    for raw in ("\x1b", "\x07", "\r"):
        assert raw not in run.stdout
    # Escaped visibly, so a reader still sees what the file holds.
    assert "\\x1b[31m" in run.stdout


def test_show_prints_the_escaped_observation_source(tmp_path: Path) -> None:
    run = run_cbkpi(["show", "evil", "--data-dir", str(_evil(tmp_path))], tmp_path)
    assert run.code == 0, run.output
    assert "src \\x1b[2J\\x1b[H" in run.stdout


# -- extreme numbers -----------------------------------------------------------------------
RESULTS_HUGE = (
    HEAD
    + """term: {start: 2015, end: 2020}
kind: results
indicators:
  - id: huge
    number: "1"
    name: {vi: "Lớn", en: "Huge"}
    area: economy
    unit: billion_vnd
    targets:
      - kind: level
        comparator: reach
        value: 10
        year: 2020
        ref: {line: 1, quote: "q"}
        result: {value: 1.0e+30, ref: {line: 2, quote: "q"}}
        published_ratio: {value: 1.12345678901234567890123456, ref: {line: 3, quote: "q"}}
"""
)

GROWTH_HUGE = (
    HEAD
    + """term: {start: 2020, end: 2025}
kind: targets
indicators:
  - id: grow
    number: "1"
    name: {vi: "Tăng", en: "Grow"}
    area: economy
    unit: billion_vnd
    baseline: {year: 2020, value: 100, ref: {line: 1, quote: "q"}}
    targets:
      - kind: growth_rate
        comparator: reach
        value: 1.0e+100
        start_year: 2020
        end_year: 2025
        ref: {line: 2, quote: "q"}
"""
)


def _strict(text: str) -> object:
    def refuse(constant: str) -> object:
        raise ValueError(f"not strict JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


def _folder(d: Path, text: str) -> Path:
    (d / "data").mkdir()
    (d / "data" / "in.yaml").write_text(text, encoding="utf-8")
    return d / "data"


def test_audit_of_a_huge_result_and_a_26_decimal_ratio_is_a_verdict(tmp_path: Path) -> None:
    data = _folder(tmp_path, RESULTS_HUGE)
    run = run_cbkpi(["audit", "--format", "json", "--data-dir", str(data)], tmp_path)
    assert run.code == 0, run.output
    items = _strict(run.stdout)
    assert isinstance(items, list) and len(items) == 1
    item = items[0]
    # 1.0e+30 / 10 × 100 = 1.0e+31 %, nowhere near the printed 1.12…%
    assert item["verdict"] == "disagrees"
    assert item["recomputed"] == pytest.approx(1.0e31)
    assert item["published_text"] == "1.12345678901234567890123456"
    table = run_cbkpi(["audit", "--data-dir", str(data)], tmp_path)
    assert table.code == 0, table.output
    # The printed ratio keeps its 26 decimals (a float would print ...234569124767404).
    assert "1,12345678901234567890123456" in table.stdout


@pytest.mark.parametrize("args", [["show", "grow"], ["show", "grow", "--lang", "en"]])
def test_show_with_a_growth_target_of_1e100(args: list[str], tmp_path: Path) -> None:
    run = run_cbkpi([*args, "--data-dir", str(_folder(tmp_path, GROWTH_HUGE))], tmp_path)
    assert run.code == 0, run.output
    # 100 × (1 + 1e98)^3 ≈ 1e296 still fits a float, the fourth year (1e394) does not: the chart's
    # top label is written in scientific notation, not as three hundred digits.
    assert "e+296" in run.stdout
    assert max(len(line) for line in run.stdout.splitlines()) < 200


def test_html_export_with_a_growth_target_of_1e100(tmp_path: Path) -> None:
    data = _folder(tmp_path, GROWTH_HUGE)
    run = run_cbkpi(["export", "--format", "html", "-o", "out.html", "--data-dir", str(data)], tmp_path)
    assert run.code == 0, run.output
    assert "e+296" in (tmp_path / "out.html").read_text(encoding="utf-8")


def test_status_json_is_strict_with_extreme_figures(tmp_path: Path) -> None:
    data = _folder(tmp_path, GROWTH_HUGE)
    (data / "results.yaml").write_text(RESULTS_HUGE, encoding="utf-8")
    run = run_cbkpi(["status", "--format", "json", "--data-dir", str(data)], tmp_path)
    assert run.code == 0, run.output
    _strict(run.stdout)


def test_calc_explains_a_number_too_large_to_use(tmp_path: Path) -> None:
    digits = "9" * 5000
    run = run_cbkpi(["calc", "required", "1", digits, "--years", "5"], tmp_path)
    assert run.code == 2
    assert "too large" in run.stderr
    assert "5,000 characters" in run.stderr
    assert digits not in run.output  # the echo is capped
