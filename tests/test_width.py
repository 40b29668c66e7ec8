"""The width contract of the terminal tables (issue 10, item 1).

Every figure of ``status --format json`` must appear whole in ``status --format table`` at
every width: formatted as the table formats it (Vietnamese ``17,98``, English ``17.98``) and
found as a whole token, not as the start of a longer number nor cut across two lines."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from cbkpi.cli import app
from cbkpi.i18n import format_number
from tests.conftest import RESULTS, TARGETS, Cli

WIDTHS = [40, 59, 60, 80, 100, 120, 200]

OBSERVATIONS = """\
observations:
  - {indicator: trade_turnover, year: 2024, value: 4.2, source: test}
  - {indicator: poverty_rate, year: 2023, value: 7.43, source: test}
  - {indicator: forest_cover, year: 2024, value: 56.4, source: test}
  - {indicator: grdp_growth, year: 2024, value: 6.74, source: test}
  - {indicator: new_rural_communes, year: 2024, value: 32, source: test}
  - {indicator: doctors_per_10k, year: 2023, value: 17.98, source: test}
"""


@pytest.fixture
def files(tmp_path: Path) -> list[str]:
    obs = tmp_path / "obs.yaml"
    obs.write_text(OBSERVATIONS, encoding="utf-8")
    return [str(TARGETS), str(RESULTS), str(obs)]


def _as_written(value: float, lang: str) -> str:
    """A figure from the data as the table prints it: with the decimals it was written with."""
    text = repr(value)
    decimals = len(text.split(".")[1]) if "." in text and not text.endswith(".0") else 0
    return format_number(value, lang, decimals)


def _expected(doc: dict[str, Any], lang: str) -> list[str]:
    """Every figure of the JSON, formatted as the table shows it."""
    out: list[str] = []

    def add(value: object, decimals: int | None = None, strip: bool = False, counts: bool = False) -> None:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            number = float(value)
            if counts and number == round(number):
                decimals = 0  # a whole number of things counted (communes, schools) is printed whole
            out.append(
                _as_written(number, lang) if decimals is None else format_number(number, lang, decimals, strip=strip)
            )

    for term in doc["terms"]:
        for ind in term["indicators"]:
            if ind["baseline"]:
                add(ind["baseline"]["value"])
            for tg in ind["targets"]:
                add(tg.get("value"))
                if term["kind"] == "targets":  # a results table shows neither
                    counts = tg["required_pace_unit"] == "units_per_year"
                    add(tg["required_pace"], 2, counts=counts)  # the planner's pace, not the relative rate
                    add(tg["implied_end_value"], 2, counts=counts)
                add(tg["achievement_pct"], 1)
                add(tg["published_ratio_pct"])
                if tg["result"]:
                    add(tg["result"]["value"])
            for tr in (ind["tracking"] or {"targets": []})["targets"]:
                if tr["latest_value"] is None:
                    continue
                add(tr["latest_value"], 2, strip=True)
                counts = tr["pace_unit"] == "units_per_year"
                add(tr["observed_pace"], 2, counts=counts)
                add(tr["required_pace"], 2, counts=counts)
                add(tr["projected_end_value"], 2, counts=counts)
                add(tr["required_pace_remaining"], 2, counts=counts)
    return out


def _whole(figure: str, text: str) -> bool:
    """``figure`` appears with no digit, and no separator followed by a digit, on either side."""
    pattern = r"(?<![\d.,])" + re.escape(figure) + r"(?![\d]|[.,]\d)"
    return re.search(pattern, text) is not None


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("width", WIDTHS)
def test_every_figure_whole_at_every_width(files: list[str], lang: str, width: int, cli: Cli) -> None:
    doc = json.loads(cli(["status", *files, "--lang", lang, "--format", "json"]).output)
    result = cli(["status", *files, "--lang", lang, "--width", str(width)])
    assert result.exit_code == 0, result.output
    figures = _expected(doc, lang)
    assert len(figures) > 150  # the test sees the real tables, not an empty output
    missing = [f for f in figures if not _whole(f, result.output)]
    assert missing == []
    assert all(cell_len(line.rstrip()) <= width for line in result.output.splitlines())


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("width", [60, 80, 100, 120, 200])
def test_tables_keep_every_column_from_60(files: list[str], lang: str, width: int, cli: Cli) -> None:
    output = cli(["status", *files, "--lang", lang, "--width", str(width)]).output
    # three tables (targets, results, tracking), each with its rule under the header; in English
    # the tracking table needs 62 columns since paces carry their unit ("18.00 communes": the
    # longest words of its columns, 3 + 10 + 6 + 8 + 12 + 9 + 8, and 6 gaps), so at 60 its
    # records are blocks
    tables = 2 if (width, lang) == (60, "en") else 3
    assert sum(line.startswith("──") for line in output.splitlines()) == tables
    heads = {  # a word of each column's header that no cell holds
        "vi": ["sở", "Tốc", "cuối", "ghi", "Mới", "Trạng", "Dự", "mỗi"],
        "en": ["Baseline", "Implied", "Printed", "Latest", "obs.", "Status", "Projected", "Needed"],
    }
    assert [word for word in heads[lang] if word not in output] == []
    ids = "forest_cover" in output
    assert ids == (width >= 120)  # the id column from 120 columns


def test_below_60_one_record_per_block(files: list[str], cli: Cli) -> None:
    output = cli(["status", *files, "--width", "40"]).output
    assert not any(line.startswith("──") for line in output.splitlines())
    # a record: number and name, then "header: value" lines, indented
    assert "\n14 Tỉ lệ che phủ rừng (%)\n  Cơ sở: 55 (2020 ước)" in output
    assert "  Mới nhất: 56,4 (2024)" in output


def test_piped_output_is_80_columns(files: list[str]) -> None:
    runner = CliRunner(env={"CBKPI_DEBUG": "1", "COLUMNS": None})
    result = runner.invoke(app, ["status", *files], catch_exceptions=False)
    lines = result.output.splitlines()
    assert max(cell_len(line.rstrip()) for line in lines) == 80


@pytest.mark.parametrize("width", [40, 60, 80])
def test_audit_keeps_to_the_width_and_never_splits_words(width: int, cli: Cli) -> None:
    output = cli(["audit", "--width", str(width)]).output
    too_long = [line for line in output.splitlines() if cell_len(line) > width]
    # only a word longer than the width (an id) may pass it, alone on its line
    assert all(len(line.replace("✗", "").split()) == 1 for line in too_long)
    assert "không khớp" in output
    assert "khớ\n" not in output


def test_audit_lists_disagreements_first_with_a_summary(cli: Cli) -> None:
    lines = cli(["audit", "--lang", "en"]).output.splitlines()
    # the data has 5 disagreements (issue 10); the one-line summary comes first
    assert lines[0].startswith("5 of ")
    assert "figures disagree" in lines[0]
    marked = [k for k, line in enumerate(lines) if line.startswith("✗ ")]
    assert len(marked) == 5
    assert marked == [2, *marked[1:]]  # right after the summary and a blank line
    first_agreeing = next(k for k, line in enumerate(lines) if line.endswith(": agrees"))
    assert max(marked) < first_agreeing
    # names, not ids: trade "+96,5 % on 2015, averaging 13 %/year" (line 77) disagrees
    assert "✗ Trade turnover through the province (average rate, line 77): disagrees" in lines


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_audit_summary_is_one_line_at_80_columns(lang: str, cli: Cli) -> None:
    output = cli(["audit", "--lang", lang, "--width", "80"]).output
    assert output.split("\n")[1] == ""  # the summary, then a blank line


@pytest.mark.parametrize("width", [40, 60, 80, 120])
def test_show_keeps_figures_whole(files: list[str], width: int, cli: Cli) -> None:
    args = ["show", "trade_turnover", *[x for f in files for x in ("--file", f)], "--width", str(width)]
    output = cli(args).output
    # +10 %/yr from 3 gives 3 * 1.1**5 = 4.83; over 4.5 needs (4.5/3)**0.2 - 1 = 8.45 %/yr;
    # from 4.2 (2024): 4.83153 / 4.2 - 1 = 15.04 % and 4.5 / 4.2 - 1 = 7.14 % in 2025
    assert [f for f in ("4,83", "8,45", "15,04", "7,14", "130,0") if not _whole(f, output)] == []
    chart = {line for line in output.splitlines() if "┤" in line or "└" in line}
    assert all(cell_len(line.rstrip()) <= width for line in output.splitlines() if line not in chart)
    assert all(cell_len(line.rstrip()) <= max(width, 20 + 12) for line in chart)
