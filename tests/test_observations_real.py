"""Issue 9, observations side: the shipped real data, baseline revisions, series breaks, final
verdicts, plausibility warnings, unit conversion. Expected values are hand arithmetic."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DATA, ROOT, TARGETS, Cli

OBS_FILES = sorted(str(p) for p in (DATA / "observations").glob("*.yaml"))
SOURCES = 'sources:\n  - {id: src, title: "T", publisher: "P", url: "https://example.org/x", date: null}\n'


def _write(tmp_path: Path, body: str, sources: str = SOURCES) -> Path:
    path = tmp_path / "obs.yaml"
    path.write_text(sources + "observations:\n" + body, encoding="utf-8")
    return path


def _obs(ind: str, year: int, value: str, extra: str = "") -> str:
    return f"  - {{indicator: {ind}, year: {year}, value: {value}, source: src, quote: 'q'{extra}}}\n"


def _json(cli: Cli, *args: str) -> dict[str, Any]:
    result = cli(["status", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    doc: dict[str, Any] = json.loads(result.output)
    return doc


def _ind(doc: dict[str, Any], ind_id: str) -> dict[str, Any]:
    return next(i for i in doc["terms"][0]["indicators"] if i["id"] == ind_id)


def _tracked(doc: dict[str, Any], ind_id: str) -> list[dict[str, Any]]:
    targets: list[dict[str, Any]] = _ind(doc, ind_id)["tracking"]["targets"]
    return targets


def test_bundled_data_validates(cli: Cli) -> None:
    result = cli(["validate", str(TARGETS), *OBS_FILES])
    assert result.exit_code == 0, result.output


def test_official_baseline_reaches_the_required_pace(cli: Cli) -> None:
    doc = _json(cli, str(TARGETS), *OBS_FILES, "--as-of", "2024")
    (per_capita,) = _tracked(doc, "grdp_per_capita")
    # 35,62 (statistics office, 2020) -> 60 in 5 years: (60/35.62)**(1/5) - 1 = 10.99 %/yr
    assert per_capita["required_pace"] == pytest.approx(((60 / 35.62) ** 0.2 - 1) * 100, abs=1e-4)
    assert per_capita["required_pace"] == pytest.approx(10.99, abs=0.005)
    # observed: 35,62 -> 45,13 (2024) in 4 years: (45.13/35.62)**(1/4) - 1 = 6.09 %/yr
    assert per_capita["observed_pace"] == pytest.approx(((45.13 / 35.62) ** 0.25 - 1) * 100, abs=1e-4)
    # the level target's required growth in the status table uses the same baseline
    assert _ind(doc, "grdp_per_capita")["targets"][0]["required_annual_growth_pct"] == pytest.approx(10.99, abs=0.005)
    assert {
        k: v
        for k, v in next(r for r in doc["baseline_revisions"] if r["indicator"] == "grdp_per_capita").items()
        if k in ("indicator", "year", "published", "observed")
    } == {"indicator": "grdp_per_capita", "year": 2020, "published": 37.2, "observed": 35.62}


def test_published_baseline_keeps_the_documents_figure(cli: Cli) -> None:
    doc = _json(cli, str(TARGETS), *OBS_FILES, "--as-of", "2024", "--baseline", "published")
    (per_capita,) = _tracked(doc, "grdp_per_capita")
    # 37,2 -> 60 in 5 years: (60/37.2)**(1/5) - 1 = 10.03 %/yr, less than the 10.99 above
    assert per_capita["required_pace"] == pytest.approx(10.03, abs=0.005)
    assert doc["baseline_revisions"] == []


@pytest.mark.parametrize(("lang", "line"), [("vi", "37,2 → 35,62"), ("en", "37.2 → 35.62")])
def test_table_says_the_baseline_was_revised(lang: str, line: str, cli: Cli) -> None:
    result = cli(["status", str(TARGETS), *OBS_FILES, "--as-of", "2024", "--lang", lang, "--width", "100"])
    assert result.exit_code == 0, result.output
    assert f"grdp_per_capita 2020: {line} (gso_cb_2020_12" in result.output


def test_series_break_is_not_compared_across(cli: Cli) -> None:
    # new-rural communes 2022: 17 on the 2016-2020 criteria, 0 on the 2021-2025 ones (the break)
    doc = _json(cli, str(TARGETS), *OBS_FILES, "--as-of", "2024")
    (communes,) = _tracked(doc, "new_rural_communes")
    assert communes["status"] == "not_comparable"
    assert communes["latest_value"] == 0
    assert communes["reason"].startswith("series break 2022")


def test_pace_starts_at_the_break(tmp_path: Path, cli: Cli) -> None:
    path = _write(
        tmp_path,
        _obs("new_rural_communes", 2022, "10", ", series_break: true, definition: 'new criteria'")
        + _obs("new_rural_communes", 2024, "20"),
    )
    (communes,) = _tracked(_json(cli, str(TARGETS), str(path), "--as-of", "2024"), "new_rural_communes")
    # from the break, in communes a year: 10 (2022) -> 20 (2024): (20 - 10) / 2 = 5, not from 25 (2020)
    assert (communes["observed_pace"], communes["pace_unit"]) == (pytest.approx(5.0), "units_per_year")
    # 10 (2022) -> 50 (2025) needs (50 - 10) / 3 = 13.33 communes a year
    assert communes["required_pace"] == pytest.approx(40 / 3)


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (_obs("forest_cover", 2025, "61"), "met"),  # 61 >= 60 in 2025
        (_obs("forest_cover", 2025, "58"), "not_met"),  # 58 < 60 in 2025: final, not "no longer reachable"
        (_obs("forest_cover", 2024, "61"), "target_year_unobserved"),  # 2025 never observed
    ],
)
def test_final_verdicts(body: str, status: str, tmp_path: Path, cli: Cli) -> None:
    path = _write(tmp_path, body)
    (forest,) = _tracked(_json(cli, str(TARGETS), str(path), "--as-of", "2025"), "forest_cover")
    assert forest["status"] == status


def test_verdict_count_at_the_end_of_the_term(cli: Cli) -> None:
    doc = _json(cli, str(TARGETS), *OBS_FILES, "--as-of", "2025")
    # met in 2025: trained workers 51,2 >= 50; vocational 40 >= 40; unemployment 3 <= 3;
    # budget "vượt 4.000" >= 2.000 * 1.12**5 = 3.524,68 (the over-12 %/yr target's level)
    met = sorted(i["id"] for i in doc["terms"][0]["indicators"] if i["tracking"] and i["status"] == "met")
    assert met == ["budget_revenue", "trained_labour", "urban_unemployment", "vocational_trained_labour"]
    assert doc["terms"][0]["verdicts"]["met"] == 4
    result = cli(["status", str(TARGETS), *OBS_FILES, "--as-of", "2025", "--lang", "en", "--width", "100"])
    assert f"4 of {doc['terms'][0]['verdicts']['quantified']} quantified targets met (as of 2025)" in result.output
    assert _json(cli, str(TARGETS), *OBS_FILES, "--as-of", "2024")["terms"][0]["verdicts"] is None


@pytest.mark.parametrize("year", ["2019", "2026", "2030"])
def test_as_of_outside_the_term_is_refused(year: str, cli: Cli) -> None:
    result = cli(["status", str(TARGETS), *OBS_FILES, "--as-of", year, "--lang", "en"])
    assert result.exit_code == 2
    assert f"--as-of {year} is outside the term (2020-2025)" in result.output


def test_million_usd_is_converted_by_its_exact_factor(cli: Cli) -> None:
    doc = _json(cli, str(TARGETS), *OBS_FILES, "--as-of", "2023")
    growth, _level = _tracked(doc, "trade_turnover")
    # 661 million USD * 0.001 = 0.661 billion USD
    assert growth["latest_value"] == pytest.approx(0.661)


def test_unit_without_a_factor_is_kept_out_with_a_warning(tmp_path: Path, cli: Cli) -> None:
    path = _write(tmp_path, _obs("trade_turnover", 2024, "661", ", unit: million_vnd"))
    result = cli(["validate", str(TARGETS), str(path)])
    assert result.exit_code == 0
    assert f"{path}:4:" in result.output and "no exact factor converts million_vnd to billion_usd" in result.output
    assert cli(["validate", str(TARGETS), str(path), "--strict"]).exit_code == 1
    assert _ind(_json(cli, str(TARGETS), str(path), "--as-of", "2024"), "trade_turnover")["status"] == "no_data"


def test_thousands_grouping_is_a_located_warning(tmp_path: Path, cli: Cli) -> None:
    # budget revenue 3.450 (meant 3.450 tỷ = 3450): 3450 is within 5x of the 2.000 baseline
    path = _write(tmp_path, _obs("budget_revenue", 2022, "3.450"))
    result = cli(["validate", str(TARGETS), str(path)])
    assert result.exit_code == 0
    assert f"{path}:4:" in result.output and "means 3450" in result.output and "(thousands)" in result.output
    strict = cli(["validate", str(TARGETS), str(path), "--strict"])
    assert strict.exit_code == 1 and "error" in strict.output
    assert cli(["status", str(TARGETS), str(path), "--strict"]).exit_code == 1
    table = cli(["status", str(TARGETS), str(path), "--width", "100"])
    assert table.output.count("(thousands)") == 1  # repeated once, below the tables


def test_jump_beyond_five_times_is_a_warning(tmp_path: Path, cli: Cli) -> None:
    # 20000 > 5 * 2000 (baseline); 2023: 300 < 20000 / 5 = 4000 (previous year)
    path = _write(tmp_path, _obs("budget_revenue", 2022, "20000") + _obs("budget_revenue", 2023, "300"))
    result = cli(["validate", str(TARGETS), str(path)])
    assert result.exit_code == 0
    assert result.output.count("(jump)") == 2
    assert "baseline 2020: 2000" in result.output and "2022: 20000" in result.output


def test_source_must_be_an_id_of_the_files_sources(tmp_path: Path, cli: Cli) -> None:
    path = _write(tmp_path, _obs("forest_cover", 2024, "61").replace("source: src", "source: nowhere"))
    result = cli(["validate", str(TARGETS), str(path)])
    assert result.exit_code == 1
    assert f"{path}:4:" in result.output and "source 'nowhere' is not an id of this file's sources" in result.output


def test_values_on_different_definitions_do_not_conflict(tmp_path: Path, cli: Cli) -> None:
    same = _write(tmp_path, _obs("forest_cover", 2024, "61") + _obs("forest_cover", 2024, "57"))
    assert cli(["validate", str(TARGETS), str(same)]).exit_code == 1  # conflict
    other = _write(
        tmp_path,
        _obs("forest_cover", 2024, "61") + _obs("forest_cover", 2024, "57", ", definition: d2, series_break: true"),
    )
    assert cli(["validate", str(TARGETS), str(other)]).exit_code == 0


def test_observations_schema_is_committed_and_current(cli: Cli) -> None:
    committed = (ROOT / "schema" / "cbkpi-observations.schema.json").read_text(encoding="utf-8")
    result = cli(["schema", "observations"])
    assert result.exit_code == 0
    assert result.output == committed, "run `cbkpi schema observations > schema/cbkpi-observations.schema.json`"
    keys = json.loads(committed)["$defs"]["Observation"]["properties"]
    assert {"quote", "comparator", "unit", "definition", "series_break"} <= set(keys)


def test_observation_files_point_editors_at_their_schema() -> None:
    for path in OBS_FILES:
        first = Path(path).read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../schema/cbkpi-observations.schema.json"


def test_an_upper_bound_cannot_prove_a_higher_target_met(tmp_path: Path, cli: Cli) -> None:
    # "gần 61" (nearly 61, comparator under) in 2025: below 61, maybe below 60 — undecided
    path = _write(tmp_path, _obs("forest_cover", 2025, "61", ", comparator: under"))
    (forest,) = _tracked(_json(cli, str(TARGETS), str(path), "--as-of", "2025"), "forest_cover")
    assert (forest["status"], forest["latest_comparator"]) == ("not_assessable", "under")
    assert forest["reason"] == "latest value is a bound (under)"
    # "vượt 61" (over 61): over 61 is over 60 — met
    path = _write(tmp_path, _obs("forest_cover", 2025, "61", ", comparator: over"))
    (forest,) = _tracked(_json(cli, str(TARGETS), str(path), "--as-of", "2025"), "forest_cover")
    assert forest["status"] == "met"


def test_show_lists_every_value_side_by_side(cli: Cli) -> None:
    result = cli(["show", "budget_revenue", "--data-dir", str(DATA), "--lang", "en"])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    # 2023: the People's Council's 2.009,8 estimate, superseded by the Treasury's 2.086
    assert "2023: 2,009.8 [est., superseded] — hdnd_cb_2023_yearend" in text
    assert "2023: 2,086 — cafef_2024_01_budget" in text
    assert "2025: over 4,000 [est.] — sggp_2025_12_21" in text
    assert "“Năm 2024, GRDP tỉnh Cao Bằng đạt mức cao nhất" in text


def test_end_of_term_without_the_target_year_says_so(cli: Cli) -> None:
    doc = _json(cli, str(TARGETS), *OBS_FILES, "--as-of", "2025")
    # forest cover: nothing observed at all; new-rural communes: only the 2022 break value
    assert _tracked(doc, "forest_cover")[0]["status"] == "target_year_unobserved"
    assert _tracked(doc, "new_rural_communes")[0]["status"] == "target_year_unobserved"
    assert _tracked(_json(cli, str(TARGETS), *OBS_FILES, "--as-of", "2024"), "forest_cover")[0]["status"] == "no_data"
