"""Terms side by side (issue 11, item 5): --term, observations per term, baselines taken from
observations, one indicator across terms with one chart.

The fixture tests/fixtures/terms/ is a made-up province with three terms: 2015-2020 results,
2020-2025 targets, 2025-2030 targets whose baselines are the 2025 observations. Its observations
of "output" for 2025: 98 (estimate, published 2025-12-01) and 100 (not an estimate, revises,
published 2026-03-01): the one that counts is 100.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cbkpi.pipeline import build_report, find_indicator
from cbkpi.render.chart import svg_chart, text_chart
from cbkpi.terms import UnknownTerm, pick_term
from tests.conftest import Cli

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "terms"
TERMS = ["2015-2020", "2020-2025", "2025-2030"]


def _json(cli: Cli, *args: str) -> dict[str, Any]:
    result = cli(["status", "--data-dir", str(FIXTURE), "--format", "json", *args])
    assert result.exit_code == 0, result.output
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


def _indicator(term: dict[str, Any], ind_id: str) -> dict[str, Any]:
    return next(i for i in term["indicators"] if i["id"] == ind_id)


# -- naming and choosing terms ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("wanted", "expected"),
    [("2025-2030", "2025-2030"), ("2025–2030", "2025-2030"), (" 2025 - 2030 ", "2025-2030"), ("2030", "2025-2030")],
)
def test_pick_term_by_name_or_end_year(wanted: str, expected: str) -> None:
    assert pick_term(wanted, TERMS) == expected


def test_a_bare_year_is_the_term_ending_then() -> None:
    # 2020 ends 2015-2020 (and starts 2020-2025): the end year decides
    assert pick_term("2020", TERMS) == "2015-2020"


@pytest.mark.parametrize("wanted", ["2019", "2030-2035", "next", ""])
def test_pick_term_refuses_an_unknown_term_listing_the_terms(wanted: str) -> None:
    with pytest.raises(UnknownTerm, match="2015-2020, 2020-2025, 2025-2030"):
        pick_term(wanted, TERMS)


def test_status_reports_terms_in_start_order_with_their_source(cli: Cli) -> None:
    doc = _json(cli)
    assert [t["term"]["name"] for t in doc["terms"]] == TERMS
    assert [t["kind"] for t in doc["terms"]] == ["results", "targets", "targets"]
    assert doc["terms"][2]["source"] == {
        "title": "Nghị quyết 2025-2030 (mẫu)",
        "publisher": "Tỉnh mẫu",
        "date": "2025-10-01",
    }


@pytest.mark.parametrize("term", ["2025-2030", "2030", "2025–2030"])
def test_status_term_selects_one_term(cli: Cli, term: str) -> None:
    doc = _json(cli, "--term", term)
    assert [(t["term"]["start"], t["term"]["end"]) for t in doc["terms"]] == [(2025, 2030)]


def test_status_table_is_headed_with_the_term_and_its_source(cli: Cli) -> None:
    result = cli(["status", "--data-dir", str(FIXTURE), "--term", "2025-2030", "--lang", "en", "--width", "120"])
    assert result.exit_code == 0, result.output
    assert "Targets 2025-2030" in result.output
    assert "Source: Nghị quyết 2025-2030 (mẫu) (Tỉnh mẫu, 2025-10-01)" in result.output
    assert "2020-2025" not in result.output


def test_status_unknown_term_is_a_usage_error_naming_the_terms(cli: Cli) -> None:
    result = cli(["status", "--data-dir", str(FIXTURE), "--term", "2031", "--lang", "en"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "no term '2031'" in result.stderr
    assert "2015-2020, 2020-2025, 2025-2030" in result.stderr


# -- baselines from observations ----------------------------------------------------------------
def test_baseline_from_the_observation_that_counts(cli: Cli) -> None:
    doc = _json(cli, "--term", "2030")
    base = _indicator(doc["terms"][0], "output")["baseline"]
    # 2025: 98 is an estimate, 100 is not: the non-estimate counts
    assert base["value"] == 100
    assert base["estimate"] is False
    assert base["from_observations"] is True
    assert base["observation"]["source"] == "mẫu C"
    assert base["observation"]["file"].endswith("observations/obs.yaml")
    assert base["observation"]["line"] == 6


def test_a_2030_target_is_computed_from_the_2025_observation(cli: Cli) -> None:
    doc = _json(cli, "--term", "2030")
    growth, level = _indicator(doc["terms"][0], "output")["targets"]
    # baseline 100 (2025 observation), +10 %/yr for 5 years: 100 * 1.1**5 = 100 * 1.61051 = 161.051
    assert growth["implied_end_value"] == pytest.approx(161.051)
    # 100 -> 161.051 in 5 years: (161.051 / 100) ** (1/5) - 1 = 1.61051 ** 0.2 - 1 = 1.1 - 1 = 10 %/yr
    assert level["required_annual_growth_pct"] == pytest.approx(10.0)


def test_baseline_written_in_the_file_keeps_its_keys(cli: Cli) -> None:
    doc = _json(cli, "--term", "2020-2025")
    base = _indicator(doc["terms"][0], "output")["baseline"]
    assert (base["value"], base["from_observations"], base["observation"]) == (95, False, None)


# -- observations belong to the terms whose years hold them -------------------------------------
def test_each_term_is_tracked_with_its_own_years(cli: Cli) -> None:
    doc = _json(cli)
    old, new = doc["terms"][1], doc["terms"][2]
    # latest observation 2026: the 2020-2025 term stops at its end year, 2025
    assert (old["as_of"], new["as_of"]) == (2025, 2026)
    old_output = _indicator(old, "output")["tracking"]["targets"][0]
    # 2025 counts for 2020-2025 (its last year): 100 < 120 in the target year itself: not met
    assert (old_output["latest_year"], old_output["latest_value"]) == (2025, 100)
    assert old_output["status"] == "not_met"
    new_growth = _indicator(new, "output")["tracking"]["targets"][0]
    # 100 (2025) -> 110 (2026): (110 / 100) ** (1/1) - 1 = 10 %/yr, the 10 %/yr required
    assert new_growth["observed_pace"] == pytest.approx(10.0)
    assert new_growth["status"] == "on_track"
    # still needed: 161.051 / 110 = 1.4641 = 1.1 ** 4 over 4 years: 10 %/yr
    assert new_growth["required_pace_remaining_pct"] == pytest.approx(10.0)


def test_rate_average_of_a_term_uses_its_own_years(cli: Cli) -> None:
    doc = _json(cli)
    old = _indicator(doc["terms"][1], "growth")["tracking"]["targets"][0]
    # 2021-2025, geometric average, the 2026 value (9) not counted:
    # 1.06 * 1.07 * 1.08 * 1.09 * 1.10 = 1.468698264; 1.468698264 ** (1/5) = 1.0799074 -> 7.99074 %/yr
    assert old["observed_pace"] == pytest.approx(7.99074, abs=1e-5)
    new = _indicator(doc["terms"][2], "growth")["tracking"]["targets"][0]
    # 2026 only: 9; 2025 is the base year of 2025-2030, not one of its growth years
    assert new["observed_pace"] == pytest.approx(9.0)
    # the remaining four years must compound to 1.1 ** 5 = 1.61051 with 1.09 done:
    # (1.61051 / 1.09) ** (1/4) = 1.4775321 ** 0.25 = 1.1025143 -> 10.2514 %/yr
    assert new["required_pace_remaining_pct"] == pytest.approx(10.2514, abs=1e-4)


def test_as_of_is_capped_per_term(cli: Cli) -> None:
    doc = _json(cli, "--as-of", "2027")
    assert [t["as_of"] for t in doc["terms"]] == [None, 2025, 2027]
    doc = _json(cli, "--as-of", "2023")
    # 2025-2030 has not started in 2023: not tracked
    assert [t["as_of"] for t in doc["terms"]] == [None, 2023, None]


# -- one indicator across terms -----------------------------------------------------------------
def test_show_links_the_terms_by_id(cli: Cli) -> None:
    result = cli(["show", "output", "--data-dir", str(FIXTURE), "--lang", "en"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Terms: 2015-2020, 2020-2025, 2025-2030" in out
    positions = [out.index(h) for h in ("Results 2015-2020", "Targets 2020-2025", "Targets 2025-2030", "Chart")]
    assert positions == sorted(positions)
    assert "from the 2025 observation: mẫu C" in out
    assert "[baseline of 2025-2030]" in out
    # 2025 is listed under both terms; 2026 only under 2025-2030
    assert out.count("2025: 100 ") == 2
    assert out.count("2026: 110 ") == 1


def test_the_chart_spans_every_term_and_marks_each_target() -> None:
    view = find_indicator(build_report(None, FIXTURE), "output")
    assert view.span == (2015, 2030)
    targets = {s.term: s.points for s in view.series if s.key == "target"}
    assert targets == {"2015-2020": [(2020, 90.0)], "2020-2025": [(2025, 120.0)], "2025-2030": [(2030, 161.051)]}
    results = [s.points for s in view.series if s.key == "result"]
    assert results == [[(2020, 95.0)]]
    baselines = {s.term: s.points for s in view.series if s.key == "baseline"}
    assert baselines == {"2020-2025": [(2020, 95.0)], "2025-2030": [(2025, 100.0)]}
    lines = text_chart(view.series, "en", span=view.span)
    axis = lines[-3]
    assert axis.split()[0] == "2015" and axis.split()[-1] == "2030"
    assert lines[-1].strip() == "◆ 2015-2020: 90 · 2020-2025: 120 · 2025-2030: 161.05"
    svg = svg_chart(view.series, "en", "Output", span=view.span)
    assert ">2015</text>" in svg and ">2030</text>" in svg
    assert svg.count("<polygon") == 3  # one target diamond per term


def test_show_writes_the_chart_as_svg(cli: Cli, tmp_path: Path) -> None:
    svg = tmp_path / "output.svg"
    result = cli(["show", "output", "--data-dir", str(FIXTURE), "--svg", str(svg)])
    assert result.exit_code == 0, result.output
    text = svg.read_text(encoding="utf-8")
    assert text.startswith("<svg") and ">2015</text>" in text and ">2030</text>" in text


def test_show_writes_the_chart_as_png(cli: Cli, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    png = tmp_path / "output.png"
    result = cli(["show", "output", "--data-dir", str(FIXTURE), "--png", str(png)])
    assert result.exit_code == 0, result.output
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# -- validation ---------------------------------------------------------------------------------
def _copy_fixture(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    (data / "observations").mkdir(parents=True)
    for path in FIXTURE.rglob("*.yaml"):
        target = data / path.relative_to(FIXTURE)
        target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return data


@pytest.mark.parametrize(
    ("baseline", "message"),
    [
        ("{year: 2025, value: 100, from_observations: true}", "give either 'value' or 'from_observations: true'"),
        ("{year: 2025}", "'value' is required (null when unknown), or 'from_observations: true'"),
    ],
)
def test_baseline_needs_a_value_or_observations_not_both(tmp_path: Path, cli: Cli, baseline: str, message: str) -> None:
    data = _copy_fixture(tmp_path)
    path = data / "targets_2030.yaml"
    text = path.read_text(encoding="utf-8").replace("{year: 2025, from_observations: true}", baseline, 1)
    path.write_text(text, encoding="utf-8")
    result = cli(["validate", "--data-dir", str(data)])
    assert result.exit_code == 1
    line = text.splitlines().index(f"    baseline: {baseline}") + 1
    assert f"targets_2030.yaml:{line}:" in result.output
    assert message in result.output


def test_baseline_without_its_observation_is_a_warning(tmp_path: Path, cli: Cli) -> None:
    data = _copy_fixture(tmp_path)
    obs = data / "observations" / "obs.yaml"
    kept = [line for line in obs.read_text(encoding="utf-8").splitlines() if "growth, year: 2025" not in line]
    obs.write_text("\n".join(kept) + "\n", encoding="utf-8")
    result = cli(["validate", "--data-dir", str(data)])
    assert result.exit_code == 0, result.output
    assert "'growth': no observation for 2025" in result.output
    doc = json.loads(cli(["status", "--data-dir", str(data), "--format", "json", "--term", "2030"]).stdout)
    base = _indicator(doc["terms"][0], "growth")["baseline"]
    assert (base["value"], base["observation"]) == (None, None)


def test_an_observation_may_fall_in_any_term_of_its_indicator(tmp_path: Path, cli: Cli) -> None:
    data = _copy_fixture(tmp_path)
    obs = data / "observations" / "obs.yaml"
    with obs.open("a", encoding="utf-8") as f:
        f.write('  - {indicator: output, year: 2031, value: 170, source: "mẫu E"}\n')
    result = cli(["validate", "--data-dir", str(data)])
    assert result.exit_code == 1
    assert "year 2031 is outside the terms 2020-2025, 2025-2030 of 'output'" in result.output
    # 2026 (only in 2025-2030) was already valid: the fixture validates without the 2031 line
    assert cli(["validate", "--data-dir", str(FIXTURE)]).exit_code == 0


def test_html_report_heads_each_term_with_its_source_and_charts_its_own_years(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = cli(["export", "--data-dir", str(FIXTURE), "--format", "html", "-o", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "<p>Source: Nghị quyết 2025-2030 (mẫu) (Tỉnh mẫu, 2025-10-01)</p>" in html
    # each term's charts under their own heading (f10b's report: charts first, then the tables)
    old = html[html.index("<h2>Chart: Targets 2020-2025</h2>") : html.index("<h2>Chart: Targets 2025-2030</h2>")]
    new = html[html.index("<h2>Chart: Targets 2025-2030</h2>") :]
    old_chart = old[old.index('<figure class="chart" id="chart-output">') :]
    new_chart = new[new.index('<figure class="chart" id="chart-output">') :]
    # 2026 (110) is a year of 2025-2030 only; 2025 is in both
    assert ">2025</text>" in old_chart and ">2026</text>" not in old_chart.split("</figure>")[0]
    assert ">2026</text>" in new_chart.split("</figure>")[0]


def test_a_bound_observation_gives_a_bound_baseline_and_no_revision(tmp_path: Path, cli: Cli) -> None:
    data = _copy_fixture(tmp_path)
    obs = data / "observations" / "obs.yaml"
    text = obs.read_text(encoding="utf-8").replace(
        'source: "mẫu C", revises: true', 'source: "mẫu C", revises: true, comparator: over'
    )
    obs.write_text(text, encoding="utf-8")
    doc = json.loads(cli(["status", "--data-dir", str(data), "--format", "json", "--term", "2030"]).stdout)
    output = _indicator(doc["terms"][0], "output")
    # "over 100" in 2025: the baseline is a lower bound (161.051 needs at most 10 %/yr)
    assert (output["baseline"]["value"], output["baseline"]["comparator"]) == (100, "over")
    assert output["targets"][1]["required_annual_growth_pct"] == pytest.approx(10.0)
    # the file took its baseline from the observations: not reported as a revision of the file
    assert [r["indicator"] for r in doc["baseline_revisions"]] == []


def test_svg_is_another_name_for_chart_and_takes_its_size(cli: Cli, tmp_path: Path) -> None:
    svg = tmp_path / "output.svg"
    result = cli(["show", "output", "--data-dir", str(FIXTURE), "--svg", str(svg), "--chart-size", "1000x500"])
    assert result.exit_code == 0, result.output
    text = svg.read_text(encoding="utf-8")
    assert 'width="1000" height="500"' in text
    # each term's target diamond is marked with its term
    assert ">2015-2020</text>" in text and ">2020-2025</text>" in text and ">2025-2030</text>" in text


def test_a_long_axis_labels_every_second_year_and_ends_on_the_last() -> None:
    from cbkpi.render.chart import year_labels

    # 16 years x 36 px = 576 px > 462 px of room: a label every ceil(576 / 462) = 2 years from
    # 2015 (2015, 2017, ..., 2029); 2029 is one year from 2030, so 2030 replaces it
    assert year_labels(2015, 2030, 462) == [2015, 2017, 2019, 2021, 2023, 2025, 2027, 2030]
    # 6 years x 36 = 216 px fit in 462: every year
    assert year_labels(2020, 2025, 462) == [2020, 2021, 2022, 2023, 2024, 2025]
