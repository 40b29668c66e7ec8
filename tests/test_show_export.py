"""`cbkpi show` and `cbkpi export`: content, xlsx numbers equal to JSON, atomic writes, the
HTML report rendered in a real browser."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import RESULTS, TARGETS, Cli

OBS = """\
observations:
  - {indicator: trade_turnover, year: 2024, value: 4.2, source: "hand-made test figure"}
  - {indicator: grdp_growth, year: 2024, value: 6.74, source: "Cục Thống kê Cao Bằng, báo cáo kinh tế - xã hội năm 2024", estimate: false}
"""


@pytest.fixture
def obs(tmp_path: Path) -> Path:
    path = tmp_path / "obs.yaml"
    path.write_text(OBS, encoding="utf-8")
    return path


def _args(obs: Path) -> list[str]:
    return [str(TARGETS), str(RESULTS), str(obs)]


def test_show_everything_about_one_indicator(obs: Path, cli: Cli) -> None:
    files = [a for p in _args(obs) for a in ("--file", p)]
    result = cli(["show", "trade_turnover", *files, "--lang", "en"])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    for expected in [
        "Import-export turnover",
        "source: line 77",
        "source: line 341",
        "source: line 415",
        "Implied end: 4.83",  # 3 * 1.1**5
        "over 4.5 by 2025; Required a year: 8.45 %/year",  # an amount: (4.5/3)**0.2 - 1 compound
        "Achieved (%) 130.0",  # 13 / 10, the appendix's row 5
        "2024: 4.2 — hand-made test figure",
        "○ baseline",
        "● observed",
        "· required path",
        "◆ target",
    ]:
        assert expected in text


def test_show_unknown_id_suggests(cli: Cli) -> None:
    result = cli(["show", "trade_turnovr", "--file", str(TARGETS), "--lang", "en"])
    assert result.exit_code == 2
    assert "did you mean:\n  4 trade_turnover (Import-export turnover" in result.output


def test_show_png(obs: Path, tmp_path: Path, cli: Cli) -> None:
    pytest.importorskip("matplotlib")
    png = tmp_path / "trade.png"
    result = cli(["show", "trade_turnover", "--file", str(TARGETS), "--file", str(obs), "--png", str(png)])
    assert result.exit_code == 0, result.output
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def _export(cli: Cli, obs: Path, fmt: str, out: Path, *extra: str) -> None:
    result = cli(["export", *_args(obs), "--format", fmt, "-o", str(out), *extra])
    assert result.exit_code == 0, result.output


def test_xlsx_numbers_equal_json(obs: Path, tmp_path: Path, cli: Cli) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    xlsx, js = tmp_path / "r.xlsx", tmp_path / "r.json"
    _export(cli, obs, "xlsx", xlsx, "--lang", "en")
    _export(cli, obs, "json", js)
    doc = json.loads(js.read_text(encoding="utf-8"))
    wb = openpyxl.load_workbook(xlsx)
    # terms sorted by start year, whatever the order of the files given; a term's tracking after it
    assert wb.sheetnames == ["Results 2015-2020", "Targets 2020-2025", "Tracking to 2024", "Yearly observations"]
    targets = wb["Targets 2020-2025"]
    assert targets.freeze_panes == "A2"
    header = [c.value for c in targets[1]]
    col = {name: header.index(name) for name in header}
    assert header[1] == "Id"
    by_id: dict[str, list[tuple]] = {}  # type: ignore[type-arg]
    for row in targets.iter_rows(min_row=2, values_only=True):
        by_id.setdefault(row[1], []).append(row)
    compared = 0
    for ind in next(t for t in doc["terms"] if t["kind"] == "targets")["indicators"]:
        for row, target in zip(by_id[ind["id"]], ind["targets"], strict=True):
            for key, name in [
                ("required_annual_growth_pct", "Required growth (%/yr)"),
                ("implied_end_value", "Implied end value"),
            ]:
                assert row[col[name]] == target[key]
                compared += target[key] is not None
            assert row[col["Baseline value"]] == (ind["baseline"] or {}).get("value")
    assert compared >= 20
    results = wb["Results 2015-2020"]
    header = [c.value for c in results[1]]
    ach = header.index("Achievement (%)")
    trade = next(r for r in results.iter_rows(min_row=2, values_only=True) if r[1] == "trade_turnover")
    assert trade[ach] == pytest.approx(130.0)
    assert isinstance(trade[ach], (int, float))  # a number, not text
    observations = list(wb["Yearly observations"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1], r[2]) for r in observations] == [("trade_turnover", 2024, 4.2), ("grdp_growth", 2024, 6.74)]


def test_export_refuses_the_data_folder_and_inputs(obs: Path, tmp_path: Path, cli: Cli) -> None:
    data = tmp_path / "data"
    shutil.copytree(TARGETS.parent, data)
    before = {p: p.read_bytes() for p in data.rglob("*") if p.is_file()}
    for out in (data / "report.json", data / "targets_2025.yaml", obs):
        result = cli(["export", "--data-dir", str(data), str(obs), "-f", "json", "-o", str(out), "--lang", "en"])
        assert result.exit_code == 2, result.output
        assert "never" in result.output or "does not overwrite" in result.output
    assert {p: p.read_bytes() for p in data.rglob("*") if p.is_file()} == before
    assert obs.read_text(encoding="utf-8") == OBS


def test_interrupted_export_leaves_the_old_file(obs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cbkpi import outputs

    out = tmp_path / "report.html"
    out.write_text("old report", encoding="utf-8")

    def crash(tmp: Path) -> None:
        tmp.write_text("half a rep", encoding="utf-8")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        outputs.write_atomically(out, crash)
    assert out.read_text(encoding="utf-8") == "old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["obs.yaml", "report.html"]  # no temporary left


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


BORDER = (0x7A, 0x9C, 0xC6)
"""The border colour of a chart's figure in the HTML report (render/report.py's CSS)."""


def _chart_columns(img: Any) -> tuple[int, list[int]]:
    """The first pixel row crossing the charts' top borders, and the widths of the runs of
    border colour along it: one run per chart side by side."""
    width, height = img.size
    pixels = img.load()
    for y in range(height):
        row = [pixels[x, y] == BORDER for x in range(width)]
        if sum(row) > 150:
            runs, n = [], 0
            for hit in [*row, False]:
                if hit:
                    n += 1
                elif n:
                    runs.append(n)
                    n = 0
            return y, [r for r in runs if r > 150]
    return -1, []


@pytest.mark.skipif(_chromium() is None, reason="Debian's chromium is not installed (.ci/run installs it)")
@pytest.mark.parametrize(("width", "columns"), [(1280, 2), (800, 1)])
def test_html_report_renders_in_headless_chromium(
    obs: Path, tmp_path: Path, cli: Cli, width: int, columns: int
) -> None:
    """The report in a real browser: two charts side by side at 1280 px, one per row at 800."""
    image = pytest.importorskip("PIL.Image")
    html = tmp_path / "report.html"
    _export(cli, obs, "html", html, "--lang", "en")
    page = html.read_text(encoding="utf-8")
    assert "<script" not in page and "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    shot = tmp_path / "shot.png"
    cmd = [
        _chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--hide-scrollbars",
        f"--window-size={width},2400",
        f"--screenshot={shot}",
        html.as_uri(),
    ]
    subprocess.run(cmd, check=True, capture_output=True, timeout=120)  # type: ignore[arg-type]
    img = image.open(shot).convert("RGB")
    assert img.size == (width, 2400)
    colours = img.getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50  # text, tables and charts, not a blank page
    # the chart's observed-point red (#d62728) is on the page: the SVG was drawn
    assert any(abs(r - 0xD6) < 8 and abs(g - 0x27) < 8 and abs(b - 0x28) < 8 for _n, (r, g, b) in colours)
    top, runs = _chart_columns(img)
    assert top > 0, "no chart border found"
    assert len(runs) == columns, runs
    # each chart fills its column: at 1280 px two of about (1200 - 16) / 2 = 592 px, at 800 px
    # one of 800 - 2 * 32 = 736 px (the page's padding is 2em = 32 px a side)
    expected = 592 if columns == 2 else 736
    assert all(abs(r - expected) <= 12 for r in runs), runs


def test_xlsx_keeps_formula_like_text_as_text(tmp_path: Path, cli: Cli) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    obs = tmp_path / "obs.yaml"
    obs.write_text(
        'observations:\n  - {indicator: forest_cover, year: 2022, value: 56, source: "=HYPERLINK(1)"}\n',
        encoding="utf-8",
    )
    out = tmp_path / "r.xlsx"
    result = cli(["export", str(TARGETS), str(obs), "-o", str(out)])
    assert result.exit_code == 0, result.output
    cell = openpyxl.load_workbook(out).worksheets[-1].cell(2, 4)
    assert (cell.value, cell.data_type) == ("=HYPERLINK(1)", "s")


def test_exports_say_the_unit_of_each_figure(obs: Path, tmp_path: Path, cli: Cli) -> None:
    import csv

    out = tmp_path / "r.csv"
    _export(cli, obs, "csv-keys", out)
    rows = {r["id"]: r for r in csv.DictReader(out.open(encoding="utf-8")) if r["term"] == "2015-2020"}
    # GRDP per capita, appendix row 2: target 1.650 USD (line 581), result 37,2 million VND (line 587)
    gpc = rows["grdp_per_capita"]
    assert (gpc["target_value"], gpc["target_unit"], gpc["result_value"], gpc["result_unit"]) == (
        "1650",
        "usd",
        "37.2",
        "million_vnd",
    )
