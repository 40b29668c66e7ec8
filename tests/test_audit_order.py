"""``cbkpi audit --format json`` and ``--format markdown`` list the disagreements first, like the
text output (issue 10, item 4)."""

from __future__ import annotations

import json

from tests.conftest import RESULTS, Cli

# The 5 growth claims of the narrative whose average rate does not follow from the stated total
# change (README, "audit"), in the order of data/results_2020.yaml:
DISAGREEING = [
    "tourism_revenue_2015_2020",  # +246.3 % in 5 years: 3.463 ** 0.2 - 1 = 28.20 %/yr, printed 24.5
    "trade_turnover_2015_2020",  # +96.5 %: 1.965 ** 0.2 - 1 = 14.46 %/yr, printed 13
    "industrial_production_value_2015_2020",  # x4.23: 4.23 ** 0.2 - 1 = 33.43 %/yr, printed 30.77
    "budget_revenue_2015_2020",  # +43 %: 1.43 ** 0.2 - 1 = 7.42 %/yr, printed 11
    "enterprise_budget_contribution_2015_2020",  # +136 %: 2.36 ** 0.2 - 1 = 18.74 %/yr, printed 10
]


def test_json_lists_disagreements_first_then_the_document_order(cli: Cli) -> None:
    items = json.loads(cli(["audit", str(RESULTS), "--format", "json"]).output)
    assert [i["id"] for i in items[:5]] == DISAGREEING
    assert all(i["verdict"] == "disagrees" for i in items[:5])
    assert all(i["verdict"] != "disagrees" for i in items[5:])
    # the rest keep the file's order: the appendix's first row, GRDP growth (line 573), comes first
    assert (items[5]["id"], items[5]["source_line"]) == ("grdp_growth", 573)
    rest = [i["source_line"] for i in items[5:] if i["check"] == "ratio"]
    assert rest == sorted(rest)


def test_markdown_summary_then_disagreements_marked(cli: Cli) -> None:
    lines = cli(["audit", str(RESULTS), "--format", "markdown", "--lang", "en"]).output.splitlines()
    assert lines[0] == "## Audit of the report's printed figures"
    # 29 figures: 21 agree, 3 within rounding (forest cover, livestock, cultural agencies), 5 disagree
    assert lines[2] == "**5 of 29 figures disagree (21 agree, 3 within rounding, 0 not computable)**"
    rows = [line for line in lines if line.startswith("| ") and "---" not in line][1:]
    assert len(rows) == 29
    assert all("| ✗ disagrees |" in row for row in rows[:5])
    assert DISAGREEING[0] in rows[0] and DISAGREEING[4] in rows[4]
    assert not any("✗" in row for row in rows[5:])
    assert lines[-1] == "29 figures audited: 21 agree, 3 within rounding, 5 disagree, 0 not computable"


def test_markdown_in_vietnamese(cli: Cli) -> None:
    lines = cli(["audit", str(RESULTS), "--format", "markdown"]).output.splitlines()
    assert lines[0] == "## Kiểm tra số liệu in trong báo cáo"
    assert lines[2] == "**5/29 số liệu không khớp (21 khớp, 3 khớp khi làm tròn, 0 không tính được)**"
    assert "| ✗ không khớp |" in lines[6]
