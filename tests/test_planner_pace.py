"""Paces in each indicator's own terms, implied end levels and geometric term averages, wired
through status (JSON, table, CSV, xlsx), show and calc (issue 9, items 1-3).

Expected values are hand arithmetic on figures of data/targets_2025.yaml (line numbers of the
source text in the comments) or on observations written in each test."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cbkpi.calc import Figure
from cbkpi.models import CountPerYearTarget, LevelTarget, PointsReductionTarget, Ref
from cbkpi.render.words import pace_label, pace_text
from cbkpi.units import get_unit
from tests.conftest import TARGETS, Cli


def _status(cli: Cli, *args: str) -> dict[str, Any]:
    result = cli(["status", str(TARGETS), *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    doc: dict[str, Any] = json.loads(result.output)
    return doc


def _ind(doc: dict[str, Any], ind_id: str) -> dict[str, Any]:
    return next(i for i in doc["terms"][0]["indicators"] if i["id"] == ind_id)


def _target(doc: dict[str, Any], ind_id: str, k: int = 0) -> dict[str, Any]:
    target: dict[str, Any] = _ind(doc, ind_id)["targets"][k]
    return target


def _table(cli: Cli, *args: str, lang: str = "vi") -> str:
    result = cli(["status", str(TARGETS), *args, "--lang", lang, "--width", "200"])
    assert result.exit_code == 0, result.output
    return result.output


def _row(table: str, label: str) -> str:
    """The first line of the table row whose number cell is ``label``."""
    return next(line for line in table.splitlines() if line.split()[:1] == [label])


def _obs(tmp_path: Path, *rows: tuple[str, int, float]) -> Path:
    path = tmp_path / "obs.yaml"
    lines = [f"  - {{indicator: {i}, year: {y}, value: {v}, source: hand-made test figure}}" for i, y, v in rows]
    path.write_text("observations:\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


# -- the unit of a pace is a fact of the unit and the target kind -----------------------------------


def test_pace_unit_is_a_fact_of_the_unit_and_the_kind() -> None:
    assert get_unit("percent").pace_unit == "pp_per_year"  # a share
    assert get_unit("communes").pace_unit == "units_per_year"  # things counted
    assert get_unit("schools").pace_unit == "units_per_year"
    assert get_unit("million_vnd").pace_unit == "pct_per_year"  # money grows by a compound rate
    assert get_unit("percent_per_year").pace_unit == "pct_per_year"  # a rate is its own yearly value
    assert get_unit("none").pace_unit is None
    ref = Ref(line=1)
    level = LevelTarget(kind="level", value=Decimal(60), year=2025, ref=ref)
    assert level.pace_unit("percent") == "pp_per_year"
    assert level.pace_unit("communes") == "units_per_year"
    assert level.pace_unit("million_vnd") == "pct_per_year"
    points = PointsReductionTarget(
        kind="points_reduction_per_year", value=Decimal(4), start_year=2020, end_year=2025, ref=ref
    )
    assert points.pace_unit("percent") == "pp_per_year"
    count = CountPerYearTarget(
        kind="count_per_year", value=Decimal(10), start_year=2020, end_year=2025, unit="schools", ref=ref
    )
    assert count.pace_unit("schools") == "units_per_year"


@pytest.mark.parametrize(
    ("fig", "unit", "counted", "lang", "text"),
    [
        (Figure(1.0), "pp_per_year", "percent", "vi", "1,00 điểm %/năm"),
        (Figure(1.0), "pp_per_year", "percent", "en", "1.00 pp/year"),
        (Figure(-1.02), "pp_per_year", "percent", "vi", "-1,02 điểm %/năm"),
        # a whole number of things a year is printed whole; an average keeps two decimals
        (Figure(5.0), "units_per_year", "communes", "vi", "5 xã/năm"),
        (Figure(10.0), "units_per_year", "communes", "en", "10 communes/year"),
        (Figure(10 / 3), "units_per_year", "communes", "vi", "3,33 xã/năm"),
        (Figure(1500.0), "units_per_year", "communes", "vi", "1.500 xã/năm"),
        (Figure(10.03), "pct_per_year", "million_vnd", "vi", "10,03 %/năm"),
        (Figure(None, "unknown_input"), "pp_per_year", "percent", "vi", "—"),
    ],
)
def test_pace_text_carries_its_unit(fig: Figure, unit: Any, counted: str, lang: str, text: str) -> None:
    assert pace_text(fig, unit, counted, lang) == text


def test_short_pace_labels_for_a_per_year_column() -> None:
    assert pace_label("pp_per_year", "percent", "vi", per_year=False) == "điểm %"
    assert pace_label("units_per_year", "schools", "vi", per_year=False) == "trường"
    assert pace_label("units_per_year", "", "en") == "units/year"  # nothing named: generic units


# -- status JSON, table and CSV on the bundled targets --------------------------------------------


def test_forest_cover_one_point_a_year_in_json_and_table(cli: Cli) -> None:
    # forest cover 55 % (2020) -> 60 % by 2025: (60 - 55) / 5 = 1.00 point a year
    forest = _target(_status(cli), "forest_cover")
    assert forest["required_pace"] == pytest.approx(1.0)
    assert forest["required_pace_unit"] == "pp_per_year"
    # the relative rate stays for those who want it: (60/55)**(1/5) - 1 = 1.76 %/yr
    assert forest["required_annual_growth_pct"] == pytest.approx(((60 / 55) ** 0.2 - 1) * 100, abs=1e-6)
    # under "Tốc độ cần mỗi năm" / "Required a year", each figure with its unit
    assert "1,00 điểm %" in _row(_table(cli), "14")
    assert "1.00 pp" in _row(_table(cli, lang="en"), "14")
    assert "1,76" not in _row(_table(cli), "14")  # the table states the planner's pace only


def test_agriculture_share_falls_1_02_points_a_year(cli: Cli) -> None:
    # agriculture's share of GRDP 21.5 % -> 16.4 % by 2025: (16.4 - 21.5) / 5 = -5.1 / 5 = -1.02
    agri = _target(_status(cli), "grdp_share_agriculture")
    assert (agri["required_pace"], agri["required_pace_unit"]) == (pytest.approx(-1.02), "pp_per_year")
    assert "-1,02 điểm %" in _row(_table(cli), "1b")
    shown = cli(["show", "grdp_share_agriculture", "--file", str(TARGETS)])
    assert "-1,02 điểm %/năm" in " ".join(shown.output.split())


def test_new_rural_communes_five_a_year(cli: Cli) -> None:
    # new-rural communes 25 -> 50 by 2025: (50 - 25) / 5 = 5 communes a year
    communes = _target(_status(cli), "new_rural_communes")
    assert (communes["required_pace"], communes["required_pace_unit"]) == (pytest.approx(5.0), "units_per_year")
    assert "5 xã" in _row(_table(cli), "13a")  # a whole number of communes a year


def test_implied_end_levels_of_points_and_counts(cli: Cli) -> None:
    doc = _status(cli)
    # poverty 22.07 % (2020) down 4 points a year for 5 years: 22.07 - 4 * 5 = 2.07 %
    poverty = _target(doc, "poverty_rate")
    assert poverty["implied_end_value"] == pytest.approx(2.07)
    assert (poverty["required_pace"], poverty["required_pace_unit"]) == (pytest.approx(-4.0), "pp_per_year")
    # schools: 167 in 2020, at least 10 more a year for 5 years: 167 + 10 * 5 = 217
    schools = _target(doc, "national_standard_schools")
    assert schools["implied_end_value"] == pytest.approx(217)
    assert (schools["required_pace"], schools["required_pace_unit"]) == (pytest.approx(10.0), "units_per_year")
    table = _table(cli)
    assert "2,07" in _row(table, "11") and " 217 " in _row(table, "8b")


def test_implied_end_value_is_never_null_without_a_reason(cli: Cli) -> None:
    targets = [t for ind in _status(cli)["terms"][0]["indicators"] for t in ind["targets"]]
    assert targets
    for t in targets:
        assert t["implied_end_value"] is not None or t["implied_end_value_reason"], t
    by_kind = {t["kind"]: t for t in targets}
    assert by_kind["milestone"]["implied_end_value_reason"] == "not_quantified"
    growth = _target(_status(cli), "grdp_growth")  # an average of yearly rates has no end level
    assert (growth["implied_end_value"], growth["implied_end_value_reason"]) == (None, "rate_indicator")


def test_csv_has_the_pace_and_its_unit(cli: Cli) -> None:
    result = cli(["status", str(TARGETS), "--format", "csv-keys"])  # machine keys and values
    assert result.exit_code == 0, result.output
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(result.output))}
    # forest cover (60 - 55) / 5 = 1 point a year; poverty down 4 points: -4
    assert float(rows["forest_cover"]["required_pace"]) == pytest.approx(1.0)
    assert rows["forest_cover"]["required_pace_unit"] == "pp_per_year"
    assert float(rows["poverty_rate"]["required_pace"]) == pytest.approx(-4.0)
    assert float(rows["poverty_rate"]["implied_end_value"]) == pytest.approx(2.07)  # 22.07 - 4 * 5


def test_xlsx_header_over_poverty_says_points(cli: Cli, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "report.xlsx"
    result = cli(["export", str(TARGETS), "--output", str(out), "--lang", "vi"])
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(out)["Mục tiêu 2020-2025"]
    header = [c.value for c in sheet[1]]
    poverty = next(r for r in sheet.iter_rows(min_row=2) if r[1].value == "poverty_rate")
    cells = dict(zip(header, poverty, strict=True))
    # the pace with its unit beside it, and a number format that says points: never a bare -4
    # that could be read as percent (f10b: one pace column, its unit column and format)
    assert cells["Tốc độ cần"].value == -4
    assert "điểm %" in cells["Đơn vị tốc độ cần"].value
    assert "điểm %" in cells["Tốc độ cần"].number_format


# -- tracking ---------------------------------------------------------------------------------------


def test_show_new_rural_communes_needs_communes_a_year(cli: Cli, tmp_path: Path) -> None:
    obs = _obs(tmp_path, ("new_rural_communes", 2024, 40))
    result = cli(["show", "new_rural_communes", "--file", str(TARGETS), "--file", str(obs), "--as-of", "2024"])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    # 40 communes in 2024, 50 by 2025: (50 - 40) / 1 = 10 communes in the one year left
    assert "Cần mỗi năm 10 xã/năm" in text
    # observed (40 - 25) / 4 = 3.75 communes a year against the (50 - 25) / 5 = 5 needed
    doc = _status(cli, str(obs), "--as-of", "2024")
    tracked = _ind(doc, "new_rural_communes")["tracking"]["targets"][0]
    assert tracked["observed_pace"] == pytest.approx(3.75)
    assert tracked["required_pace"] == pytest.approx(5.0)
    assert tracked["pace_unit"] == "units_per_year"
    assert tracked["required_pace_remaining"] == pytest.approx(10.0)
    assert tracked["projected_end_value"] == pytest.approx(43.75)  # 40 + 3.75 * 1
    assert tracked["pace_ratio_pct"] == pytest.approx(75.0)  # 3.75 / 5


def test_forest_cover_tracked_in_points(cli: Cli, tmp_path: Path) -> None:
    obs = _obs(tmp_path, ("forest_cover", 2022, 56))
    tracked = _ind(_status(cli, str(obs), "--as-of", "2022"), "forest_cover")["tracking"]["targets"][0]
    # 55 (2020) -> 56 (2022): (56 - 55) / 2 = 0.5 point a year against 1.00: ratio 50 %
    assert (tracked["observed_pace"], tracked["pace_unit"]) == (pytest.approx(0.5), "pp_per_year")
    assert tracked["status"] == "insufficient_progress"
    # (60 - 56) / 3 = 1.333 points a year still needed; projected 56 + 0.5 * 3 = 57.5
    assert tracked["required_pace_remaining"] == pytest.approx(4 / 3)
    assert tracked["projected_end_value"] == pytest.approx(57.5)
    # the relative rate still needed stays: (60/56)**(1/3) - 1
    assert tracked["required_pace_remaining_pct"] == pytest.approx(((60 / 56) ** (1 / 3) - 1) * 100, abs=1e-6)


def test_term_average_is_the_geometric_mean(cli: Cli, tmp_path: Path) -> None:
    obs = _obs(tmp_path, ("grdp_growth", 2021, 6), ("grdp_growth", 2022, 10))
    tracked = _ind(_status(cli, str(obs), "--as-of", "2022"), "grdp_growth")["tracking"]["targets"][0]
    # sqrt(1.06 * 1.10) - 1 = sqrt(1.166) - 1 = 0.079815: 7.98 %/yr, not the arithmetic 8.00
    assert tracked["observed_pace"] == pytest.approx(((1.06 * 1.10) ** 0.5 - 1) * 100, abs=1e-6)
    assert tracked["observed_pace"] == pytest.approx(7.9815, abs=1e-4)
    # to average 8 % over 2021-2025: (1.08**5 / (1.06 * 1.10)) ** (1/3) - 1
    # = (1.469328 / 1.166) ** (1/3) - 1 = 1.260144 ** (1/3) - 1; ln 1.260144 = 0.231226, / 3 =
    # 0.077075, e^0.077075 = 1.080123: 8.01 % a year in 2023-2025
    assert tracked["required_pace_remaining"] == pytest.approx(((1.08**5 / 1.166) ** (1 / 3) - 1) * 100, abs=1e-6)
    assert tracked["required_pace_remaining"] == pytest.approx(8.0123, abs=1e-4)


def test_end_of_term_says_what_missing_years_would_have_needed(cli: Cli, tmp_path: Path) -> None:
    obs = _obs(tmp_path, ("grdp_growth", 2021, 6), ("grdp_growth", 2025, 8), ("national_standard_schools", 2021, 12))
    doc = _status(cli, str(obs), "--as-of", "2025")
    growth = _ind(doc, "grdp_growth")["tracking"]["targets"][0]
    assert growth["status"] == "not_assessable"
    assert growth["missing_years"] == [2022, 2023, 2024]
    # 2022-2024 would have needed (1.08**5 / (1.06 * 1.08)) ** (1/3) - 1 = (1.469328 / 1.1448)
    # ** (1/3) - 1 = 1.283480 ** (1/3) - 1 = 8.68 % a year for the term to average 8 %
    assert growth["required_pace_remaining"] == pytest.approx(((1.08**5 / 1.1448) ** (1 / 3) - 1) * 100, abs=1e-6)
    for lang, words in [("vi", "các năm thiếu cần 8,68 %/năm"), ("en", "those years needed 8.68 %/year")]:
        markdown = _table(cli, str(obs), "--as-of", "2025", "--format", "markdown", lang=lang)
        assert words in markdown


def test_end_of_term_count_with_missing_years(cli: Cli, tmp_path: Path) -> None:
    obs = _obs(tmp_path, ("national_standard_schools", 2021, 12), ("national_standard_schools", 2025, 8))
    tracked = _ind(_status(cli, str(obs), "--as-of", "2025"), "national_standard_schools")["tracking"]["targets"][0]
    # 10 a year for 5 years = 50; 12 + 8 = 20 counted; the 3 missing years would have needed
    # (50 - 20) / 3 = 10 schools a year
    assert tracked["missing_years"] == [2022, 2023, 2024]
    assert (tracked["required_pace_remaining"], tracked["pace_unit"]) == (pytest.approx(10.0), "units_per_year")


# -- calc ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "out"),
    [
        # poverty 22.07 -> 2.07 % in 5 years, lower is better: (2.07 - 22.07) / 5 = -4.00 points
        (["required", "22,07", "2,07", "--years", "5", "--direction", "lower", "--pace", "points"], "-4,00 điểm %/năm"),
        # forest cover 55 -> 60: (60 - 55) / 5 = 1 point a year
        (["required", "55", "60", "--pace", "points", "--lang", "en"], "1.00 pp/year"),
        # new-rural communes 25 -> 50: (50 - 25) / 5 = 5 a year
        (["required", "25", "50", "--pace", "units"], "5,00 đơn vị/năm"),
        # 22.07 - 4 * 5 = 2.07: a negative pace typed as a number, not an option
        (["implied", "22,07", "-4", "--years", "5", "--pace", "points"], "2,07"),
        (["implied", "22,07", "-4,00", "--pace", "points"], "2,07"),
        # schools 167 + 10 * 5 = 217
        (["implied", "167", "10", "--pace", "units"], "217,00"),
        # a compound rate stays the default: (4.5 / 3) ** 0.2 - 1 = 8.45 %
        (["required", "3", "4,5"], "8,45 %/năm"),
    ],
)
def test_calc_paces(args: list[str], out: str, cli: Cli) -> None:
    result = cli(["calc", *args])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == out


def test_calc_pace_json_names_its_unit(cli: Cli) -> None:
    result = cli(["calc", "required", "22,07", "2,07", "--direction", "lower", "--pace", "points", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert (doc["value"], doc["unit"], doc["note"]) == (pytest.approx(-4.0), "pp_per_year", None)


def test_tracking_rows_on_a_hand_built_record() -> None:
    from cbkpi.models import Indicator
    from cbkpi.render import tracking as rt
    from cbkpi.tracking import IndicatorTracking, TermTracking, Tracking

    ind = Indicator.model_validate(
        {
            "id": "communes",
            "number": "13",
            "name": {"vi": "Số xã", "en": "Communes"},
            "area": "culture_society",
            "unit": "communes",
            "baseline": {"year": 2020, "value": 25},
            "targets": [{"kind": "level", "value": 50, "year": 2025, "ref": {"line": 1}}],
        }
    )
    # 40 in 2024: (40 - 25) / 4 = 3.75 a year observed, 5 required, (50 - 40) / 1 = 10 still needed
    tr = Tracking(
        target=ind.targets[0],
        status="moderate_progress",
        latest_year=2024,
        latest_value=40,
        observed_pace=Figure(3.75),
        required_pace=Figure(5.0),
        pace_unit="units_per_year",
        projected_end_value=Figure(43.75),
        required_pace_remaining=Figure(10.0),
    )
    term = TermTracking(2024, {"communes": IndicatorTracking(ind, [tr], {2024: 40.0})})
    ((_it, _tr, cells),) = rt.rows(term, "vi")
    assert cells[3] == "3,75 / 5 xã"  # under "Tốc độ mỗi năm thực tế / cần"
    assert cells[6] == "10 xã"  # under "Cần mỗi năm"  (a whole number of communes)
    ((_it, _tr, cells),) = rt.rows(term, "en")
    assert cells[6] == "10 communes"
    doc = rt.tracking_json(tr)
    assert (doc["required_pace_remaining"], doc["pace_unit"]) == (10.0, "units_per_year")
