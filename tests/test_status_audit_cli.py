"""`cbkpi status`, `cbkpi audit` and `cbkpi calc` through the CLI runner.

Expected figures are hand arithmetic on the source's numbers, written out in each test."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import RESULTS, TARGETS, Cli


def _status_json(cli: Cli) -> dict[str, Any]:
    result = cli(["status", str(TARGETS), str(RESULTS), "--format", "json"])
    assert result.exit_code == 0, result.output
    doc: dict[str, Any] = json.loads(result.output)
    return doc


def _indicator(doc: dict[str, Any], kind: str, ind_id: str) -> dict[str, Any]:
    term = next(t for t in doc["terms"] if t["kind"] == kind)
    return next(i for i in term["indicators"] if i["id"] == ind_id)


def test_trade_required_rate_and_implied_value(cli: Cli) -> None:
    trade = _indicator(_status_json(cli), "targets", "trade_turnover")
    growth, level = trade["targets"]
    # 3 billion USD (line 77) growing 10 %/yr (line 341) for 5 years: 3 * 1.1**5 = 4.83153
    assert growth["implied_end_value"] == pytest.approx(4.83153, abs=1e-5)
    # from 3 to over 4.5 (line 415) in 5 years: (4.5 / 3) ** 0.2 - 1 = 8.4472 %
    assert level["required_annual_growth_pct"] == pytest.approx(8.4472, abs=1e-4)
    assert trade["required_annual_growth_pct"] == level["required_annual_growth_pct"]
    assert trade["implied_end_value"] == growth["implied_end_value"]
    assert trade["agreements"][0]["verdict"] == "growth_implies_level"


def test_every_indicator_has_the_documented_keys(cli: Cli) -> None:
    doc = _status_json(cli)
    for term in doc["terms"]:
        for ind in term["indicators"]:
            assert {"id", "required_annual_growth_pct", "implied_end_value", "achievement_pct", "targets"} <= ind.keys()
    counts = {t["kind"]: len(t["indicators"]) for t in doc["terms"]}
    assert counts == {"targets": 38, "results": 28}


def test_results_achievement_beside_printed_ratio(cli: Cli) -> None:
    doc = _status_json(cli)
    trade = _indicator(doc, "results", "trade_turnover")["targets"][0]
    assert (trade["achievement_pct"], trade["published_ratio_pct"], trade["met"]) == (pytest.approx(130.0), 130, True)
    gdp_pc = _indicator(doc, "results", "grdp_per_capita")["targets"][0]
    assert gdp_pc["achievement_pct"] == pytest.approx(37.2 / 33.5 * 100)  # 111.04 %, printed 111 %
    schools = _indicator(doc, "results", "national_standard_schools")["targets"][0]
    assert schools["achievement_pct"] == pytest.approx(86 / 65 * 100)  # 132.31 %
    pop = _indicator(doc, "results", "natural_population_growth")["targets"][0]
    assert pop["achievement_pct"] == pytest.approx(100.0)


def test_unknown_baseline_gives_reason_not_number(cli: Cli) -> None:
    beds = _indicator(_status_json(cli), "targets", "hospital_beds_per_10k")
    assert beds["baseline"]["value"] is None
    assert beds["targets"][0]["required_annual_growth_pct"] is None
    assert beds["targets"][0]["required_annual_growth_reason"] == "unknown_input"


@pytest.mark.parametrize(
    ("lang", "texts"),
    [
        # GRDP per capita 37.2 -> 60 million VND in 5 years: (60/37.2)**0.2 - 1 = 10.03 %
        ("vi", ["Mục tiêu 2020-2025", "Kết quả thực hiện 2015-2020", "10,03", "11.140", "4,83", "KINH TẾ"]),
        ("en", ["Targets 2020-2025", "Results 2015-2020", "10.03", "11,140", "4.83", "ECONOMY"]),
    ],
)
def test_table_in_both_languages_at_100_columns(lang: str, texts: list[str], cli: Cli) -> None:
    result = cli(["status", str(TARGETS), str(RESULTS), "--lang", lang, "--width", "100"])
    assert result.exit_code == 0, result.output
    for text in texts:
        assert text in result.output
    assert max(len(line.rstrip()) for line in result.output.splitlines()) <= 100
    # no row is missing: every label of both files appears at the start of a line
    starts = {line.split()[0] for line in result.output.splitlines() if line.strip()}
    assert {"1a", "4", "9d", "18b", "x", "8b", "17b", "16b"} <= starts
    # no figure is cut: the widest computed values appear whole
    assert ("18.771,55" if lang == "vi" else "18,771.55") in result.output  # 11140 * 1.11**5


def test_markdown_pinned(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(
        "source: {title: T, publisher: P, date: 2020-05-28}\n"
        "term: {start: 2020, end: 2025}\nkind: targets\nindicators:\n"
        "  - id: trade_turnover\n    number: '4'\n    name: {vi: Kim ngạch, en: Trade}\n    area: economy\n"
        "    unit: billion_usd\n    baseline: {year: 2020, value: 3, ref: {line: 77}}\n    targets:\n"
        "      - {kind: level, comparator: over, value: 4.5, year: 2025, ref: {line: 415}}\n",
        encoding="utf-8",
    )
    result = cli(["status", str(path), "--format", "markdown", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert result.output == (
        "## Targets 2020-2025\n\n"
        "Source: T (P, 2020-05-28)\n\n"
        "| No. | Indicator | Unit | Baseline | Target | Required a year | Implied end |\n"
        "|---|---|---|---|---|---|---|\n"
        # an amount: compound (4.5/3)**0.2 - 1 = 8.45 %/yr; a level target ends at its level
        "| 4 | Trade | billion USD | 3 (2020) | over 4.5 by 2025 | 8.45% | 4.50 |\n"
    )


def test_csv_has_raw_numbers(cli: Cli) -> None:
    result = cli(["status", str(TARGETS), "--format", "csv-keys"])  # machine keys, for scripts
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.output)))
    trade = [r for r in rows if r["id"] == "trade_turnover"]
    assert [r["target_kind"] for r in trade] == ["growth_rate", "level"]
    assert float(trade[1]["required_annual_growth_pct"]) == pytest.approx(8.4472, abs=1e-4)


def test_status_refuses_invalid_data(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("source: [\n", encoding="utf-8")
    result = cli(["status", str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""  # no table from invalid data
    # The flow sequence opened on line 1 is still open at the end of the file: line 2, column 1.
    errors = result.stderr.splitlines()
    assert errors[0].startswith(f"{path}:2:1: error lỗi cú pháp YAML"), errors
    # status speaks Vietnamese unless --lang (or CBKPI_LANG) says otherwise
    assert errors[-1] == "cbkpi: dữ liệu chưa hợp lệ; chạy 'cbkpi validate' để xem đủ các lỗi"


def _audit(cli: Cli) -> list[dict[str, Any]]:
    result = cli(["audit", str(RESULTS), "--format", "json"])
    assert result.exit_code == 0, result.output
    doc: list[dict[str, Any]] = json.loads(result.output)
    return doc


def test_audit_covers_every_printed_ratio(cli: Cli) -> None:
    items = _audit(cli)
    ratios = [i for i in items if i["check"] == "ratio"]
    # appendix rows with a ratio cell: all 28 rows but 8a (text), 11b, 12b, 16b, 17b (blank cells)
    assert len(ratios) == 23
    assert all({"id", "published", "recomputed", "verdict"} <= i.keys() for i in items)


@pytest.mark.parametrize(
    ("item_id", "check", "verdict", "recomputed"),
    [
        ("trade_turnover", "ratio", "agrees", 130.0),  # 13 / 10
        ("grdp_per_capita", "ratio", "agrees", 37.2 / 33.5 * 100),  # 111.04 -> 111
        # 55 / 53 = 103.77 -> 103.8, printed 103,3; yet 54.5/53.5 = 101.87 .. 55.5/52.5 = 105.71 holds it
        ("forest_cover", "ratio", "within_rounding", 55 / 53 * 100),
        # 57.7 / 50 = 115.4, printed 115,3; 57.65 / 50.5 .. 57.75 / 49.5 holds it
        ("livestock_out_of_stilt_houses", "ratio", "within_rounding", 115.4),
        ("cultural_agencies", "ratio", "within_rounding", 95 / 90 * 100),  # 105.56, printed 105,5
        # +96.5 % in 5 years is 1.965 ** 0.2 - 1 = 14.47 %/yr, printed 13 %
        ("trade_turnover_2015_2020", "claim_average_rate", "disagrees", (1.965**0.2 - 1) * 100),
        # +43 % in 5 years is 1.43 ** 0.2 - 1 = 7.42 %/yr, printed 11 %
        ("budget_revenue_2015_2020", "claim_average_rate", "disagrees", (1.43**0.2 - 1) * 100),
        # +62 % in 5 years is 10.13 %/yr, printed 10 %
        ("social_investment_2015_2020", "claim_average_rate", "agrees", (1.62**0.2 - 1) * 100),
    ],
)
def test_audit_verdicts(item_id: str, check: str, verdict: str, recomputed: float, cli: Cli) -> None:
    item = next(i for i in _audit(cli) if i["id"] == item_id and i["check"] == check)
    assert item["verdict"] == verdict
    assert item["recomputed"] == pytest.approx(recomputed, abs=1e-5)


def test_audit_strict_fails_when_anything_disagrees(cli: Cli) -> None:
    result = cli(["audit", str(RESULTS), "--strict", "--lang", "en"])
    assert result.exit_code == 1
    assert "disagree" in result.output


RESULTS_HEAD = (
    "source: {title: T, publisher: P, date: 2020-05-28}\nterm: {start: 2015, end: 2020}\nkind: results\n"
    "indicators:\n  - id: trade_turnover\n    number: '5'\n    name: {vi: Kim ngạch, en: Trade}\n"
    "    area: economy\n    unit: billion_usd\n    targets:\n"
    "      - kind: growth_rate\n        value: 10\n        start_year: 2015\n        end_year: 2020\n"
    "        ref: {line: 623}\n        result: {value: 13, ref: {line: 625}}\n"
)


def test_audit_strict_passes_when_every_ratio_agrees(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(RESULTS_HEAD + "        published_ratio: {value: 130, ref: {line: 627}}\n", encoding="utf-8")
    result = cli(["audit", str(path), "--strict", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [i["verdict"] for i in json.loads(result.output)] == ["agrees"]  # 13 / 10 = 130 %


def test_audit_strict_fails_on_a_misprinted_ratio(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(RESULTS_HEAD + "        published_ratio: {value: 103, ref: {line: 627}}\n", encoding="utf-8")
    result = cli(["audit", str(path), "--strict", "--format", "json"])
    assert result.exit_code == 1
    assert [i["verdict"] for i in json.loads(result.output)] == ["disagrees"]  # 130 cannot print as 103


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_table_at_80_columns_keeps_every_figure_whole(lang: str, cli: Cli) -> None:
    result = cli(["status", str(TARGETS), str(RESULTS), "--lang", lang, "--width", "80"])
    assert result.exit_code == 0, result.output
    assert max(len(line.rstrip()) for line in result.output.splitlines()) <= 80
    text = result.output
    sep = "," if lang == "vi" else "."
    # printed ratios of the appendix (lines 641, 725, 839, 851) and computed figures stand whole
    for figure in ("103{0}4", "103{0}5", "103{0}3", "115{0}3", "285{0}7", "10{0}03", "4{0}83", "8{0}45"):
        assert figure.format(sep) in text, figure


def test_data_text_is_never_read_as_markup(tmp_path: Path, cli: Cli) -> None:
    text = TARGETS.read_text(encoding="utf-8").replace(
        'en: "Import-export turnover through the province"', 'en: "Trade [/x] and [red]turnover[/red]"'
    )
    path = tmp_path / "t.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli(["status", str(path), "--lang", "en", "--width", "120"])
    assert result.exit_code == 0, result.output
    assert "[red]turnover[/red]" in " ".join(result.output.split())
    shown = cli(["show", "trade_turnover", "--file", str(path), "--lang", "en"])
    assert shown.exit_code == 0, shown.output
    assert "Trade [/x] and [red]turnover[/red]" in shown.output


@pytest.mark.parametrize(
    ("args", "out"),
    [
        (["required", "3", "4.5", "--years", "5"], "8,45 %/năm"),  # (4.5/3)**0.2 - 1
        (["required", "3", "4,5", "--years", "5", "--lang", "en"], "8.45 %/year"),
        (["cagr", "1.5", "3", "--years", "5"], "14,87 %/năm"),  # 2 ** 0.2 - 1 = 14.87 %
        (["achieved", "13", "10"], "130,00 %"),
        (["implied", "3", "10", "--years", "5"], "4,83"),  # 3 * 1.1 ** 5
        (["required", "1.650", "2000", "--notation", "vi"], "3,92 %/năm"),  # (2000/1650)**0.2 - 1
    ],
)
def test_calc(args: list[str], out: str, cli: Cli) -> None:
    result = cli(["calc", *args])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == out


def test_calc_refuses_ambiguous_number(cli: Cli) -> None:
    result = cli(["calc", "required", "1.650", "2000"])
    assert result.exit_code == 2
    assert "ambiguous" in result.output


def test_calc_undefined_exits_1_with_reason(cli: Cli) -> None:
    result = cli(["calc", "cagr", "0", "5", "--lang", "en"])
    assert result.exit_code == 1
    assert "start value ≤ 0" in result.output


def test_version(cli: Cli) -> None:
    from cbkpi import __version__

    result = cli(["--version"])
    assert result.output.strip() == f"cbkpi {__version__}"


@pytest.mark.parametrize("years", ["inf", "nan", "-1"])
def test_calc_refuses_a_non_finite_or_negative_period(years: str, cli: Cli) -> None:
    result = cli(["calc", "required", "1", "2", "--years", years])
    assert result.exit_code == 2
    assert "Invalid value for '--years'" in result.output  # a usage error naming the option
