"""The files an analyst works with (issue 10, items 3-6): the xlsx read back with openpyxl, the
CSV for Excel and for scripts, file names that decide the format, the HTML report and charts.

Expected figures are the source's (data/targets_2025.yaml cites the lines) or hand arithmetic
written out here."""

from __future__ import annotations

import csv
import io
import json
import math
import os
import pty
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from cbkpi.i18n import t
from cbkpi.render.chart import nice_ticks
from tests.conftest import RESULTS, TARGETS, Cli

OBS = """\
observations:
  - {indicator: trade_turnover, year: 2024, value: 4.2, source: "hand-made test figure"}
  - {indicator: grdp_growth, year: 2024, value: 6.74, source: "Cục Thống kê Cao Bằng, báo cáo năm 2024"}
"""


@pytest.fixture
def obs(tmp_path: Path) -> Path:
    path = tmp_path / "obs.yaml"
    path.write_text(OBS, encoding="utf-8")
    return path


def _targets_in_file() -> int:
    """Targets in data/targets_2025.yaml, counted from the YAML itself."""
    data = yaml.safe_load(TARGETS.read_text(encoding="utf-8"))
    return sum(len(ind["targets"]) for ind in data["indicators"])


def _sheet(wb: Any, title: str) -> tuple[list[str], list[list[Any]]]:
    """Headers and cells (openpyxl cells, for their values and formats) of one sheet."""
    rows = list(wb[title].iter_rows())
    return [c.value for c in rows[0]], rows[1:]


def _row(headers: list[str], rows: list[list[Any]], indicator_id: str, n: int = 0) -> dict[str, Any]:
    id_col = headers.index("Mã") if "Mã" in headers else headers.index("Id")
    matches = [r for r in rows if r[id_col].value == indicator_id]
    return {h: c for h, c in zip(headers, matches[n], strict=True)}


# -- xlsx ------------------------------------------------------------------------------------
def test_xlsx_has_numeric_target_columns_formats_and_bounds(tmp_path: Path, cli: Cli) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "r.xlsx"
    assert cli(["export", str(TARGETS), "-o", str(out)]).exit_code == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Mục tiêu 2020-2025", "Số liệu theo năm"]  # no observations: no tracking sheet
    headers, rows = _sheet(wb, "Mục tiêu 2020-2025")
    ws = wb["Mục tiêu 2020-2025"]
    assert ws.freeze_panes == "A2"
    assert len(rows) == _targets_in_file()
    last = openpyxl.utils.get_column_letter(len(headers))
    assert ws.auto_filter.ref == f"A1:{last}{_targets_in_file() + 1}"

    # State budget revenue, line 97: "Năm 2020, thu ngân sách nhà nước đạt trên 2.000 tỷ đồng";
    # line 343: "tăng bình quân trên 12%/năm". From a lower bound, the end value is a lower bound:
    # 2000 * 1.12**5 = 2000 * 1.7623416832 = 3524.68 (at least).
    budget = _row(headers, rows, "budget_revenue")
    assert budget["So sánh cơ sở"].value == ">"
    assert budget["Giá trị cơ sở"].value == 2000
    assert budget["Giá trị cơ sở"].number_format == "#,##0"
    assert budget["So sánh mục tiêu"].value == ">"
    assert budget["Giá trị mục tiêu"].value == 12
    assert budget["Giá trị mục tiêu"].number_format == '#,##0" %/năm"'
    assert budget["Năm mục tiêu"].value == 2025
    assert budget["So sánh giá trị cuối kỳ"].value == "≥"
    assert budget["Giá trị cuối kỳ suy ra"].value == pytest.approx(3524.683366, abs=1e-5)
    assert budget["Giá trị cuối kỳ suy ra"].number_format == "#,##0.00"
    assert budget["Đơn vị tính"].value == "tỷ đồng"

    # Import-export turnover: 3 billion USD in 2020 (line 77), over 4,5 by 2025 (line 341):
    # (4.5 / 3) ** (1/5) - 1 = 1.5 ** 0.2 - 1 = 0.08447 -> 8.45 %/yr.
    trade_level = _row(headers, rows, "trade_turnover", 1)
    assert trade_level["Giá trị mục tiêu"].value == 4.5
    assert trade_level["Giá trị mục tiêu"].number_format == "#,##0.0"
    assert trade_level["Tốc độ tăng cần (%/năm)"].value == pytest.approx(8.447, abs=1e-3)
    assert trade_level["Tốc độ tăng cần (%/năm)"].number_format == '#,##0.00" %/năm"'

    # No number is left in the General format except the years and line numbers.
    general = [
        (ws_.title, c.coordinate)
        for ws_ in wb
        for row in list(ws_.iter_rows(min_row=2))
        for c in row
        if isinstance(c.value, float) and c.number_format == "General"
    ]
    assert general == []


def test_xlsx_headers_in_the_chosen_language(tmp_path: Path, obs: Path, cli: Cli) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    sheets = {}
    for lang in ("vi", "en"):
        out = tmp_path / f"{lang}.xlsx"
        assert cli(["export", str(TARGETS), str(RESULTS), str(obs), "--lang", lang, "-o", str(out)]).exit_code == 0
        wb = openpyxl.load_workbook(out)
        sheets[lang] = {ws.title: [c.value for c in next(ws.iter_rows(max_row=1))] for ws in wb}
    # terms sorted by start year (f11t), a term's tracking sheet after it
    assert list(sheets["en"]) == ["Results 2015-2020", "Targets 2020-2025", "Tracking to 2024", "Yearly observations"]
    assert list(sheets["vi"]) == [
        "Kết quả thực hiện 2015-2020",
        "Mục tiêu 2020-2025",
        "Theo dõi đến 2024",
        "Số liệu theo năm",
    ]
    vietnamese = re.compile(r"[ăâđêôơưáàảãạếềểễệốồổỗộớờởỡợíìỉĩịúùủũụứừửữựýỳỷỹỵ]", re.IGNORECASE)
    for title, headers in sheets["en"].items():
        assert all(h and not vietnamese.search(h) for h in headers), (title, headers)
    for (vi_title, vi_headers), en_headers in zip(sheets["vi"].items(), sheets["en"].values(), strict=True):
        # every header is translated (the same word in both languages only for short codes)
        same = [v for v, e in zip(vi_headers, en_headers, strict=True) if v == e]
        assert same == [], (vi_title, same)
    assert "Target value" in sheets["en"]["Targets 2020-2025"]
    assert "Latest value" in sheets["en"]["Tracking to 2024"]


def test_xlsx_tracking_sheet_has_latest_value_paces_and_status(tmp_path: Path, obs: Path, cli: Cli) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "r.xlsx"
    assert cli(["export", str(TARGETS), str(obs), "--lang", "en", "-o", str(out)]).exit_code == 0
    headers, rows = _sheet(openpyxl.load_workbook(out), "Tracking to 2024")
    # Trade: 3 (2020) -> 4,2 (2024): (4.2 / 3) ** (1/4) - 1 = 1.4 ** 0.25 - 1 = 0.08776 -> 8.78 %/yr
    # observed against 10 %/yr required: 87.8 % of the pace, 60-95 % = moderate progress.
    growth = _row(headers, rows, "trade_turnover", 0)
    assert growth["Latest year"].value == 2024
    assert growth["Latest value"].value == 4.2
    assert growth["Observed pace"].value == pytest.approx(8.776, abs=1e-3)
    assert growth["Required pace"].value == pytest.approx(10)
    assert growth["Required pace"].number_format == '#,##0.00" %/year"'
    assert growth["Status"].value == "moderate progress"
    # The level target "over 4,5" needs (4.5/3) ** 0.2 - 1 = 8.45 %/yr: 8.78 is >= 95 % of it.
    level = _row(headers, rows, "trade_turnover", 1)
    assert level["Status"].value == "on track"
    assert _targets_in_file() == len(rows) + 2  # every target but the milestone and the qualitative one


# -- CSV -------------------------------------------------------------------------------------
def test_csv_for_excel_has_a_bom_headers_in_the_language_and_tracking(obs: Path, cli: Cli) -> None:
    result = cli(["status", str(TARGETS), str(obs), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark: Excel reads the diacritics
    rows = list(csv.DictReader(io.StringIO(result.stdout.removeprefix("\ufeff"))))
    budget = next(r for r in rows if r["Mã"] == "budget_revenue")
    assert (budget["So sánh cơ sở"], budget["Giá trị cơ sở"], budget["So sánh giá trị cuối kỳ"]) == (">", "2000", "≥")
    assert budget["Trạng thái"] == "chưa có số liệu"
    trade = next(r for r in rows if r["Mã"] == "trade_turnover")
    # trade's 10 %/yr target: 87.8 % of the pace (see the xlsx tracking test): moderate progress
    assert (trade["Năm mới nhất"], trade["Giá trị mới nhất"], trade["Trạng thái"]) == (
        "2024",
        "4.2",
        t("moderate_progress", "vi"),
    )


def test_csv_keys_for_scripts(obs: Path, tmp_path: Path, cli: Cli) -> None:
    out = tmp_path / "r.csv"
    result = cli(["export", str(TARGETS), str(obs), "--format", "csv-keys", "-o", str(out)])
    assert result.exit_code == 0, result.output
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))
    # the keys of docs/json-output.md, the first 24 in their old places
    assert list(rows[0])[:24] == [
        "term",
        "file",
        "id",
        "label",
        "name",
        "area",
        "unit",
        "direction",
        "baseline_year",
        "baseline_value",
        "target_kind",
        "comparator",
        "target_value",
        "target_unit",
        "target_year",
        "required_annual_growth_pct",
        "required_pace",
        "required_pace_unit",
        "implied_end_value",
        "result_value",
        "result_unit",
        "achievement_pct",
        "published_ratio_pct",
        "met",
    ]
    budget = next(r for r in rows if r["id"] == "budget_revenue")
    assert (budget["baseline_comparator"], budget["implied_end_comparator"], budget["status"]) == (
        "over",
        "lower_bound",
        "no_data",
    )
    trade = next(r for r in rows if r["id"] == "trade_turnover")
    assert (trade["status"], trade["pace_unit"], trade["area"]) == ("moderate_progress", "pct_per_year", "economy")


def test_csv_neutralises_formula_cells(tmp_path: Path, cli: Cli) -> None:
    data = TARGETS.read_text(encoding="utf-8").replace(
        'name: {vi: "Thu ngân sách trên địa bàn"', 'name: {vi: "=HYPERLINK(\\"x\\")"', 1
    )
    targets = tmp_path / "t.yaml"
    targets.write_text(data, encoding="utf-8")
    result = cli(["status", str(targets), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert '\'=HYPERLINK(""x"")' in result.stdout or '"\'=HYPERLINK(""x"")"' in result.stdout


# -- file names ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "start"),
    [("r.html", b"<!DOCTYPE html>"), ("r.csv", b"\xef\xbb\xbf"), ("r.json", b"{"), ("r.md", b"## "), ("r.xlsx", b"PK")],
)
def test_export_format_follows_the_extension(name: str, start: bytes, tmp_path: Path, cli: Cli) -> None:
    out = tmp_path / name
    result = cli(["export", str(TARGETS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(start)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "html", "-o", "r.xlsx"], "contradicts"),
        (["--format", "csv-keys", "-o", "r.json"], "contradicts"),
        (["-o", "r.txt"], "cannot tell the format"),
        (["-o", "-"], "needs --format"),
    ],
)
def test_export_refuses_names_that_do_not_say_the_format(
    args: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli(["export", str(TARGETS), "--lang", "en", *args])
    assert result.exit_code == 2
    assert message in result.output
    assert list(tmp_path.iterdir()) == []  # nothing written, no file named "-"


def test_export_to_standard_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli(["export", str(TARGETS), "--format", "json", "-o", "-"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["terms"][0]["term"] == {"start": 2020, "end": 2025, "name": "2020-2025"}
    binary = cli(["export", str(TARGETS), "--format", "xlsx", "-o", "-"])  # stdout is not a terminal here
    assert binary.exit_code == 0
    assert binary.stdout_bytes.startswith(b"PK\x03\x04")
    assert list(tmp_path.iterdir()) == []


def test_binary_xlsx_to_a_terminal_is_refused(tmp_path: Path) -> None:
    leader, follower = pty.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "cbkpi", "export", str(TARGETS), "--lang", "en", "-f", "xlsx", "-o", "-"],
            stdout=follower,
            stderr=subprocess.PIPE,
            cwd=tmp_path,
            timeout=120,
            check=False,
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert proc.returncode == 2
    assert b"binary" in proc.stderr


def test_show_chart_svg_by_extension_with_unit_and_caption(obs: Path, tmp_path: Path, cli: Cli) -> None:
    out = tmp_path / "trade.svg"
    args = ["show", "trade_turnover", "--file", str(TARGETS), "--file", str(obs), "--chart", str(out)]
    result = cli([*args, "--chart-size", "900x450"])
    assert result.exit_code == 0, result.output
    svg = out.read_text(encoding="utf-8")
    assert svg.startswith("<svg") and 'width="900" height="450"' in svg
    assert ">tỷ USD</text>" in svg  # the unit of the y axis
    assert "Nguồn:" in svg and "hand-made test figure" in svg  # the caption names the sources
    bad = cli([*args[:-1], str(tmp_path / "trade.gif"), "--lang", "en"])
    assert bad.exit_code == 2 and ".png or .svg" in bad.output
    bad_size = cli([*args, "--chart-size", "big", "--lang", "en"])
    assert bad_size.exit_code == 2 and "WIDTHxHEIGHT" in bad_size.output


def test_show_chart_png_size(obs: Path, tmp_path: Path, cli: Cli) -> None:
    image = pytest.importorskip("PIL.Image")
    pytest.importorskip("matplotlib")
    out = tmp_path / "trade.png"
    result = cli(["show", "trade_turnover", "--file", str(TARGETS), "--chart", str(out), "--chart-size", "1200x600"])
    assert result.exit_code == 0, result.output
    assert image.open(out).size == (1200, 600)


# -- charts and the HTML report --------------------------------------------------------------
@pytest.mark.parametrize(
    ("lo", "hi", "ticks", "decimals"),
    [
        # 2000 -> 3524.68: (3524.68 - 2000) / 4 = 381 -> step 500 (1, 2, 5 x 10^k at least 381)
        (2000, 3524.68, [2000, 2500, 3000, 3500, 4000], 0),
        # 7 -> 8.5: 1.5 / 4 = 0.375 -> step 0.5, one decimal
        (7, 8.5, [7, 7.5, 8, 8.5], 1),
        # 16.4 -> 21.5: 5.1 / 4 = 1.275 -> step 2
        (16.4, 21.5, [16, 18, 20, 22], 0),
        # 35.62 -> 60 reached by a compound path that overshoots by a float's last bit
        # (35.62 * ((60 / 35.62) ** (1 / 5)) ** 5 = 60.00000000000002): 24.38 / 4 = 6.1 -> step 10
        (35.62, 35.62 * ((60 / 35.62) ** (1 / 5)) ** 5, [30, 40, 50, 60], 0),
    ],
)
def test_round_ticks(lo: float, hi: float, ticks: list[float], decimals: int) -> None:
    assert nice_ticks(lo, hi) == (ticks, decimals)


@pytest.mark.parametrize(("lo", "hi"), [(-1e308, 1e308), (1e20, 1e20 + 1), (0, 1e300)])
def test_ticks_of_extreme_ranges_stay_finite(lo: float, hi: float) -> None:
    """Where floats cannot step from lo to hi (1e20 + 0.5 == 1e20) or hi - lo overflows, five
    evenly spaced finite ticks, never a loop that does not end or an infinite label."""
    ticks, decimals = nice_ticks(lo, hi)
    assert len(ticks) == 5 and all(math.isfinite(v) for v in ticks)
    assert (ticks[0], ticks[-1], decimals) == (lo, hi, 2)


def _report(cli: Cli, tmp_path: Path, *files: Path, lang: str = "vi") -> str:
    out = tmp_path / "report.html"
    result = cli(["export", *map(str, files), "--lang", lang, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_report_header_summary_and_a_chart_for_every_quantified_indicator(obs: Path, tmp_path: Path, cli: Cli) -> None:
    page = _report(cli, tmp_path, TARGETS, obs)
    title = re.search(r"<title>(.*)</title>", page)
    assert title is not None
    assert "Cao Bằng" in title[1] and "2020-2025" in title[1] and "2024" in title[1]
    assert re.search(r"Lập ngày \d\d/\d\d/20\d\d", page)
    # Summary, by hand: grdp_growth 6,74 against over 8 %/yr is 84 % of the pace (off track);
    # trade's 10 %/yr target 87.8 % (off track); trade's "over 4,5" needs 8.45 %/yr, 8.78 observed
    # (on track); every other target has no observation.
    cards = dict(re.findall(r'<div class="card (sum_\w+)"><b>(\d+)</b>', page))
    assert cards == {
        "sum_met": "0",
        "sum_on_track": "1",
        "sum_off_track": "2",
        "sum_not_met": "0",  # only once the target year is observed
        "sum_no_data": str(_targets_in_file() - 3),
    }
    data = yaml.safe_load(TARGETS.read_text(encoding="utf-8"))
    quantified = {"level", "growth_rate", "points_reduction_per_year", "count_per_year", "maintain"}
    expected = {i["id"] for i in data["indicators"] if any(t["kind"] in quantified for t in i["targets"])}
    assert set(re.findall(r'<figure class="chart" id="chart-(\w+)">', page)) == expected
    assert "@media print" in page and "size: A4" in page
    assert "<script" not in page


def test_report_ticks_are_round_with_the_unit(tmp_path: Path, cli: Cli) -> None:
    page = _report(cli, tmp_path, TARGETS)
    figure = re.search(r'<figure class="chart" id="chart-budget_revenue">(.*?)</figure>', page, re.S)
    assert figure is not None
    ticks = re.findall(r'text-anchor="end">([^<]*)</text>', figure[1])
    assert ticks == ["2.000", "2.500", "3.000", "3.500", "4.000"]  # see test_round_ticks
    assert ">tỷ đồng</text>" in figure[1]


def test_report_without_observations_says_so(tmp_path: Path, cli: Cli) -> None:
    page = _report(cli, tmp_path, TARGETS, lang="en")
    assert "No yearly observations" in page
    assert "no yearly figures yet" in page
