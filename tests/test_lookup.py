"""Finding an indicator (issue 10, item 2): `cbkpi list`, `show` by id, number or name, and
did-you-mean for a mistyped id in an observations file."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from cbkpi.lookup import fold
from tests.conftest import RESULTS, TARGETS, Cli


def test_fold_drops_case_accents_and_d() -> None:
    assert fold("Tỉ lệ che phủ rừng") == "ti le che phu rung"
    assert fold("Đường bộ cao tốc") == "duong bo cao toc"
    assert fold("FOREST_COVER") == "forest cover"


@pytest.mark.parametrize(
    "query",
    [
        "forest_cover",
        "FOREST_COVER",  # the id in any case
        "14",  # the number as printed in the 2020-2025 table
        "che phu rung",  # a piece of the name without accents
        "Tỉ lệ che phủ rừng",  # the whole name as printed
        "Forest cover",  # the English name
    ],
)
def test_show_finds_forest_cover(query: str, cli: Cli) -> None:
    result = cli(["show", query, "--file", str(TARGETS), "--file", str(RESULTS)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("14. Tỉ lệ che phủ rừng\nMã: forest_cover ")


def test_show_number_with_its_sub_row(cli: Cli) -> None:
    result = cli(["show", "9b", "--file", str(TARGETS)])
    assert result.output.startswith("9b. Bác sĩ/1 vạn dân\n")


def test_show_number_prefers_the_current_term(cli: Cli) -> None:
    # trade turnover is number 4 in the 2020-2025 targets and 5 in the 2015-2020 results;
    # number 4 of the results is budget revenue
    result = cli(["show", "4", "--file", str(TARGETS), "--file", str(RESULTS), "--lang", "en"])
    assert result.output.startswith("4. Import-export turnover")


def test_show_ambiguous_lists_the_candidates(cli: Cli) -> None:
    result = cli(["show", "ty le ho ngheo", "--file", str(TARGETS)])
    assert result.exit_code == 0  # one match: "Tỉ lệ hộ nghèo" (tỉ and tỷ are one word)
    result = cli(["show", "dang", "--file", str(TARGETS), "--lang", "en"])
    assert result.exit_code == 2
    assert "several indicators match 'dang'; give the id or the number of one:" in result.output
    assert "  18b new_party_members (New party members admitted)" in result.output


def test_show_unknown_in_vietnamese(cli: Cli) -> None:
    result = cli(["show", "forest_covr", "--file", str(TARGETS)])
    assert result.exit_code == 2
    assert "không có chỉ tiêu nào ứng với 'forest_covr'; có phải là:\n  14 forest_cover" in result.output


def test_list_formats(cli: Cli) -> None:
    doc = json.loads(cli(["list", str(TARGETS), str(RESULTS), "--format", "json"]).output)
    forest = next(d for d in doc if d["id"] == "forest_cover")
    assert forest["number"] == "14"
    assert forest["name"]["vi"] == "Tỉ lệ che phủ rừng"
    assert [(t["start"], t["kind"]) for t in forest["terms"]] == [(2020, "targets"), (2015, "results")]
    rows = list(csv.reader(io.StringIO(cli(["list", str(TARGETS), "--format", "csv"]).output)))
    assert rows[0] == ["id", "number", "name", "unit", "terms"]
    assert ["forest_cover", "14", "Tỉ lệ che phủ rừng", "%", "2020-2025"] in rows
    table = cli(["list", str(TARGETS), "--width", "100"]).output
    assert "forest_cover" in table
    assert "Tỉ lệ che phủ rừng" in table


def test_observation_with_a_mistyped_id_gets_did_you_mean(tmp_path: Path, cli: Cli) -> None:
    obs = tmp_path / "obs.yaml"
    obs.write_text("observations:\n  - {indicator: forest_covr, year: 2024, value: 56, source: x}\n", "utf-8")
    result = cli(["validate", str(TARGETS), str(obs)])
    assert result.exit_code == 1
    assert "unknown indicator id 'forest_covr'; did you mean 'forest_cover'?" in result.output
