"""Observations and `cbkpi status --as-of`: validation, which value counts, pace and status.

Expected values are hand arithmetic on the observation figures written in each test."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cbkpi.tracking import classify
from tests.conftest import TARGETS, Cli

MINIMAL = """\
observations:
  - indicator: grdp_growth
    year: 2024
    value: 6.74
    source: "Cục Thống kê Cao Bằng, báo cáo kinh tế - xã hội năm 2024"
    estimate: false
"""


def _write(tmp_path: Path, text: str, name: str = "obs.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _obs(ind: str, year: int, value: float, source: str = "test", extra: str = "") -> str:
    return f"  - {{indicator: {ind}, year: {year}, value: {value}, source: {source}{extra}}}\n"


def _status(cli: Cli, *args: str) -> dict[str, Any]:
    result = cli(["status", str(TARGETS), *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    doc: dict[str, Any] = json.loads(result.output)
    return doc


def _ind(doc: dict[str, Any], ind_id: str) -> dict[str, Any]:
    return next(i for i in doc["terms"][0]["indicators"] if i["id"] == ind_id)


def test_minimal_form_works_as_written(tmp_path: Path, cli: Cli) -> None:
    path = _write(tmp_path, MINIMAL)
    assert cli(["validate", str(TARGETS), str(path)]).exit_code == 0
    doc = _status(cli, str(path), "--as-of", "2024")
    growth = _ind(doc, "grdp_growth")
    # one observed year, 6.74 % against a target of over 8 %/yr: 6.74 / 8 = 84.25 % of the pace
    assert growth["status"] == "moderate_progress"
    assert growth["tracking"]["targets"][0]["pace_ratio_pct"] == pytest.approx(84.25)
    # 2021-2023 are missing and said so
    assert growth["tracking"]["targets"][0]["missing_years"] == [2021, 2022, 2023]
    # to average 8 % (geometric mean of the yearly indices) over the observed year and 2025:
    # 1.08**2 = 1.1664; 1.1664 / 1.0674 = 1.092749..., so 9.27 % in 2025 (the arithmetic mean's
    # 2 * 8 - 6.74 = 9.26 understates it)
    assert growth["required_pace_remaining"] == pytest.approx((1.08**2 / 1.0674 - 1) * 100)
    assert growth["required_pace_remaining"] == pytest.approx(9.2749, abs=1e-4)
    assert growth["pace_unit"] == "pct_per_year"
    assert _ind(doc, "forest_cover")["status"] == "no_data"


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("vi", ["Theo dõi tiến độ đến năm 2024", "chậm hơn tiến độ", "chưa có số liệu"]),
        ("en", ["Progress up to 2024", "moderate progress", "no data"]),
    ],
)
def test_table_in_both_languages(lang: str, words: list[str], tmp_path: Path, cli: Cli) -> None:
    path = _write(tmp_path, MINIMAL)
    # 200 columns: a status of two words stays on one line next to the paces with their units
    result = cli(["status", str(TARGETS), str(path), "--as-of", "2024", "--lang", lang, "--width", "200"])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())  # cells may wrap
    # the pace needed in 2025, (1.08**2 / 1.0674 - 1) * 100 = 9.27, with its unit: not cut off
    assert ("9,27%" if lang == "vi" else "9.27%") in text
    for w in words:
        assert w in text


def test_level_target_pace_projection_and_need(tmp_path: Path, cli: Cli) -> None:
    path = _write(tmp_path, "observations:\n" + _obs("trade_turnover", 2024, 4.2))
    trade = _ind(_status(cli, str(path)), "trade_turnover")  # --as-of defaults to 2024
    growth, level = trade["tracking"]["targets"]
    cagr = (4.2 / 3) ** (1 / 4) - 1  # 3 (2020) -> 4.2 (2024): 8.776 %/yr
    assert growth["observed_pace"] == pytest.approx(cagr * 100, abs=1e-5)
    assert growth["status"] == "moderate_progress"  # 8.776 / 10 = 87.8 %
    assert growth["projected_end_value"] == pytest.approx(4.2 * (1 + cagr), abs=1e-5)
    # +10 %/yr from 3 means 3 * 1.1**5 = 4.83153 in 2025; from 4.2 that needs +15.04 % in 2025
    assert growth["required_pace_remaining_pct"] == pytest.approx((3 * 1.1**5 / 4.2 - 1) * 100, abs=1e-5)
    # over 4.5 by 2025 needs (4.5/3)**0.2 - 1 = 8.447 %/yr; 8.776 / 8.447 = 103.9 %: on track
    assert level["status"] == "on_track"
    assert level["required_pace_remaining_pct"] == pytest.approx((4.5 / 4.2 - 1) * 100, abs=1e-5)


def test_points_reduction(tmp_path: Path, cli: Cli) -> None:
    path = _write(tmp_path, "observations:\n" + _obs("poverty_rate", 2022, 14.07))
    poverty = _ind(_status(cli, str(path)), "poverty_rate")["tracking"]["targets"][0]
    # 22.07 % (2020) -> 14.07 % (2022): (14.07 - 22.07) / 2 = -4 points a year, the target's
    # "down over 4": ratio -4 / -4 = 100 %
    assert poverty["observed_pace"] == pytest.approx(-4.0)
    assert (poverty["required_pace"], poverty["pace_unit"]) == (pytest.approx(-4.0), "pp_per_year")
    assert poverty["status"] == "on_track"
    # goal 22.07 - 5 * 4 = 2.07 % in 2025; from 14.07 that is (2.07 - 14.07) / 3 = -4 points a year
    assert poverty["required_pace_remaining"] == pytest.approx(-4.0)
    assert poverty["required_pace_remaining_pct"] is None  # points are not a relative rate
    assert poverty["projected_end_value"] == pytest.approx(2.07)


def test_target_met_and_moving_away(tmp_path: Path, cli: Cli) -> None:
    path = _write(tmp_path, "observations:\n" + _obs("forest_cover", 2024, 61) + _obs("new_rural_communes", 2024, 20))
    doc = _status(cli, str(path))
    assert _ind(doc, "forest_cover")["status"] == "met"  # 61 >= 60
    assert _ind(doc, "new_rural_communes")["status"] == "moving_away"  # 25 (2020) -> 20: away from 50


def test_not_met_when_the_target_year_is_observed_short(tmp_path: Path, cli: Cli) -> None:
    # 58 < 60 observed in 2025, the target year: a final verdict, not "no longer reachable"
    path = _write(tmp_path, "observations:\n" + _obs("forest_cover", 2025, 58))
    assert _ind(_status(cli, str(path)), "forest_cover")["status"] == "not_met"


def test_as_of_ignores_later_years(tmp_path: Path, cli: Cli) -> None:
    path = _write(tmp_path, "observations:\n" + _obs("forest_cover", 2022, 56) + _obs("forest_cover", 2024, 61))
    fc = _ind(_status(cli, str(path), "--as-of", "2022"), "forest_cover")["tracking"]["targets"][0]
    assert (fc["latest_year"], fc["latest_value"]) == (2022, 56)


def test_newest_non_estimate_wins(tmp_path: Path, cli: Cli) -> None:
    # GRDP per capita 2020: 37.2 in the draft (an estimate), 35.62 in the final figure
    text = (
        "observations:\n"
        + _obs("grdp_per_capita", 2020, 37.2, "draft", ", estimate: true")
        + _obs("grdp_per_capita", 2020, 35.62, "statistics office", ", revises: true")
    )
    path = _write(tmp_path, text)
    assert cli(["validate", str(TARGETS), str(path)]).exit_code == 0
    gpc = _ind(_status(cli, str(path), "--as-of", "2020"), "grdp_per_capita")
    assert gpc["tracking"]["observations"] == [{"year": 2020, "value": 35.62}]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (_obs("no_such_indicator", 2024, 1), 2, "unknown indicator id 'no_such_indicator'"),
        (_obs("forest_cover", 2031, 60), 2, "outside the term 2020-2025"),
        (_obs("forest_cover", 2024, 101), 2, "above 100"),
        (_obs("forest_cover", 2024, 58, "A") + _obs("forest_cover", 2024, 59, "B"), 3, "conflicts with 58"),
        (_obs("grdp_growth", 2024, -150), 2, "below -100.0"),  # a level cannot fall by more than all of it
    ],
)
def test_bad_observations(text: str, line: int, words: str, tmp_path: Path, cli: Cli) -> None:
    path = _write(tmp_path, "observations:\n" + text)
    result = cli(["validate", str(TARGETS), str(path)])
    assert result.exit_code == 1
    assert words in result.output
    assert f"{path}:{line}:" in result.output


def test_observations_alone_are_checked_against_the_data_dir(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(TARGETS.parent.parent)
    path = _write(tmp_path, "observations:\n" + _obs("no_such_indicator", 2024, 1))
    result = cli(["validate", str(path)])
    assert result.exit_code == 1
    assert "unknown indicator id" in result.output


@pytest.mark.parametrize(
    ("ratio", "status"),
    [
        (95, "on_track"),
        (94.9, "moderate_progress"),
        (60, "moderate_progress"),
        (59.9, "insufficient_progress"),
        (0, "insufficient_progress"),
        (-0.1, "moving_away"),
    ],
)
def test_eurostat_thresholds(ratio: float, status: str) -> None:
    assert classify(ratio) == status


def test_bundled_example_is_empty_and_valid(cli: Cli) -> None:
    example = TARGETS.parent / "observations" / "example.yaml"
    result = cli(["validate", str(TARGETS), str(example)])
    assert result.exit_code == 0, result.output


def test_falling_from_a_target_equal_to_the_baseline_is_moving_away(tmp_path: Path, cli: Cli) -> None:
    # cultural families: 85 % in 2020 (line 115), target 85 % by 2025 (line 355); 80 in 2022
    path = _write(tmp_path, "observations:\n" + _obs("cultural_families", 2022, 80))
    assert _ind(_status(cli, str(path)), "cultural_families")["status"] == "moving_away"


def test_as_of_after_the_target_year_settles_the_target(tmp_path: Path, cli: Cli) -> None:
    path = _write(tmp_path, "observations:\n" + _obs("trade_turnover", 2024, 4.2))
    trade = _ind(_status(cli, str(path), "--as-of", "2025"), "trade_turnover")
    # the 2025 targets are past and 2025 was never observed: said exactly so
    assert [t["status"] for t in trade["tracking"]["targets"]] == ["target_year_unobserved", "target_year_unobserved"]


def test_a_term_average_with_missing_years_is_not_settled(tmp_path: Path, cli: Cli) -> None:
    path = _write(tmp_path, "observations:\n" + _obs("grdp_growth", 2021, 6) + _obs("grdp_growth", 2025, 8))
    growth = _ind(_status(cli, str(path)), "grdp_growth")["tracking"]["targets"][0]
    assert growth["status"] == "not_assessable"
    assert growth["missing_years"] == [2022, 2023, 2024]


def test_observation_of_an_unquantified_target_is_flagged_unused(tmp_path: Path, cli: Cli) -> None:
    path = _write(tmp_path, "observations:\n" + _obs("expressway_phase1", 2024, 50))
    result = cli(["validate", str(TARGETS), str(path)])
    assert result.exit_code == 0  # a warning, not an error
    assert f"{path}:2:" in result.output and "no quantified target" in result.output
