"""`cbkpi validate` through the CLI runner: a corpus of broken files, formats, exit codes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import RESULTS, TARGETS, Cli

HEAD = """\
source: {title: T, publisher: P, date: 2020-05-28}
term: {start: 2020, end: 2025}
kind: targets
indicators:
"""
IND = """\
  - id: forest_cover
    number: "14"
    name: {vi: Tỉ lệ che phủ rừng, en: Forest cover}
    area: environment
    unit: percent
    baseline: {year: 2020, value: 55, ref: {line: 67}}
    targets:
      - {kind: level, comparator: reach, value: 60, year: 2025, ref: {line: 365}}
"""
SHARES = """\
  - id: share_a
    number: "1"
    sub: a
    name: {vi: A, en: A}
    area: economy
    unit: percent
    share_group: structure
    targets:
      - {kind: level, comparator: exactly, value: 16.4, year: 2025, ref: {line: 335}}
  - id: share_b
    number: "1"
    sub: b
    name: {vi: B, en: B}
    area: economy
    unit: percent
    share_group: structure
    targets:
      - {kind: level, comparator: exactly, value: 80.6, year: 2025, ref: {line: 335}}
"""

# name: (content, exit code, line the first error must name, words the message must contain)
CORPUS: dict[str, tuple[str | bytes, int, int | None, str]] = {
    "valid": (HEAD + IND, 0, None, "ok"),
    "syntax_error": (HEAD + IND.replace("name: {vi: Tỉ", "name: {vi: [Tỉ"), 1, 7, "syntax"),
    "wrong_type": (HEAD + IND.replace("value: 55", "value: fifty-five"), 1, 10, "number"),
    "missing_unit": (HEAD + IND.replace("    unit: percent\n", ""), 1, 5, "missing required key 'unit'"),
    "unknown_unit": (HEAD + IND.replace("unit: percent", "unit: hectares"), 1, 9, "unknown unit 'hectares'"),
    "duplicate_id": (HEAD + IND + IND, 1, 13, "duplicate indicator id 'forest_cover'"),
    "duplicate_key": (
        HEAD + IND.replace("    area: environment\n", "    area: environment\n    area: economy\n"),
        1,
        9,
        "duplicate key 'area'",
    ),
    "baseline_after_target": (
        HEAD + IND.replace("year: 2020, value: 55", "year: 2026, value: 55"),
        1,
        10,
        "is after the target's year 2025",
    ),
    "shares_not_100": (HEAD + SHARES, 1, 11, "sum to 97.0"),
    "empty_file": ("", 1, 1, "empty"),
    "not_yaml_binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", 1, 3, "binary"),
    "not_yaml_prose": ("Báo cáo chính trị, not a data file\njust words\n", 1, 1, "expected a mapping"),
    "top_level_list": ("- a\n- b\n", 1, 1, "the top level is a list"),
    "baseline_after_growth_start": (
        HEAD
        + IND.replace("year: 2020, value: 55", "year: 2022, value: 55").replace(
            "{kind: level, comparator: reach, value: 60, year: 2025, ref: {line: 365}}",
            "{kind: growth_rate, value: 2, start_year: 2020, end_year: 2025, ref: {line: 365}}",
        ),
        1,
        10,
        "after the target's start_year 2020",
    ),
    "share_over_100": (HEAD + IND.replace("value: 60", "value: 160"), 1, 12, "above 100"),
    "unknown_key": (HEAD + IND.replace("    area:", "    aera: x\n    area:"), 1, 8, "unknown key 'aera'"),
    "python_tag": (
        HEAD + IND.replace("value: 55", "value: !!python/object/apply:os.system ['true']"),
        1,
        10,
        "not allowed",
    ),
}


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_corpus(name: str, tmp_path: Path, cli: Cli) -> None:
    content, code, line, words = CORPUS[name]
    path = tmp_path / f"{name}.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    result = cli(["validate", str(path)])
    assert result.exit_code == code, result.output
    assert words in result.output
    last = result.output.splitlines()[-1]
    if code == 0:
        assert last == "ok: 1 file(s) valid"
    else:
        assert re.fullmatch(r"[1-9][0-9]* error\(s\), [0-9]+ warning\(s\) in 1 file\(s\)", last), last
    if line is not None:
        first = result.output.splitlines()[0]
        assert first.startswith(f"{path}:{line}:"), first


def test_missing_file_exits_2(tmp_path: Path, cli: Cli) -> None:
    result = cli(["validate", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    assert "no such file" in result.output


def test_directory_given_as_file_exits_2(tmp_path: Path, cli: Cli) -> None:
    result = cli(["validate", str(tmp_path)])
    assert result.exit_code == 2
    assert "is a directory" in result.output


def test_bad_option_exits_2(cli: Cli) -> None:
    result = cli(["validate", "--format", "xml"])
    assert result.exit_code == 2


def test_bundled_data_is_valid_by_default(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(TARGETS.parent.parent)
    result = cli(["validate"])
    assert result.exit_code == 0, result.output
    # three data files, the six yearly observation files 2020-2025 and the observations example
    assert "ok: 10 file(s) valid" in result.output


def test_json_format(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "dup.yaml"
    path.write_text(HEAD + IND + IND, encoding="utf-8")
    result = cli(["validate", "--format", "json", str(path)])
    assert result.exit_code == 1
    doc = json.loads(result.output)
    assert doc["valid"] is False
    assert doc["files"] == [str(path)]
    assert [(d["line"], d["code"]) for d in doc["diagnostics"] if d["level"] == "error"] == [(13, "duplicate-id")]


def test_github_format(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "dup.yaml"
    path.write_text(HEAD + IND + IND, encoding="utf-8")
    result = cli(["validate", "--format", "github", str(path)])
    assert result.exit_code == 1
    assert result.output.startswith(f"::error file={path},line=13,col=9,title=cbkpi duplicate-id::")


def test_duplicate_id_across_files_of_one_term(tmp_path: Path, cli: Cli) -> None:
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text(HEAD + IND, encoding="utf-8")
    b.write_text(HEAD + IND, encoding="utf-8")
    result = cli(["validate", str(a), str(b)])
    assert result.exit_code == 1
    # the message names the indicator it is about: number 14, id forest_cover (IND)
    assert f"{b}:5:9: error indicator 14 (forest_cover): id 'forest_cover' is also defined in {a}:5" in result.output


def test_same_id_in_targets_and_results_is_fine(cli: Cli) -> None:
    result = cli(["validate", str(TARGETS), str(RESULTS)])
    assert result.exit_code == 0, result.output


def test_schema_is_committed_and_current(cli: Cli) -> None:
    committed = (TARGETS.parent.parent / "schema" / "cbkpi-data.schema.json").read_text(encoding="utf-8")
    result = cli(["schema"])
    assert result.exit_code == 0
    assert result.output == committed, "schema drifted: run `cbkpi schema > schema/cbkpi-data.schema.json`"
    assert json.loads(committed)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_data_files_point_editors_at_the_schema() -> None:
    for path in (TARGETS, RESULTS):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/cbkpi-data.schema.json"
