"""A series break whose own value cannot be used (here: a unit that does not convert to the
indicator's): the break still separates the series, and ``status`` no longer crashes on it
(a KeyError on the break year, exit 3, found by review)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from tests.conftest import ROOT, Cli

HEADER = """sources:
  - {id: s1, title: "T", publisher: "P", url: "https://x.y/1"}
observations:
  - {indicator: health_insurance_coverage, year: 2020, value: 90, source: s1}
  - {indicator: health_insurance_coverage, year: 2021, value: 12.345, source: s1, unit: million_usd, series_break: true}
"""


def tracking(cli: Cli, tmp_path: Path, extra: str, as_of: str) -> dict[str, Any]:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    (data / "observations" / "x.yaml").write_text(HEADER + extra, encoding="utf-8")
    result = cli(["status", "--data-dir", str(data), "--format", "json", "--as-of", as_of, "--term", "2020-2025"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    [ind] = [
        i
        for term in doc["terms"]
        for i in term["indicators"]
        if i["id"] == "health_insurance_coverage" and i["sub"] == "d"
    ]
    [target] = ind["tracking"]["targets"]
    return dict(target)


def test_nothing_usable_after_the_break(cli: Cli, tmp_path: Path) -> None:
    t = tracking(cli, tmp_path, "", "2024")
    assert t["status"] == "not_comparable"
    assert t["reason"] == "series break 2021: new definition"
    assert t["latest_year"] is None


def test_the_first_usable_value_after_the_break_is_the_new_baseline(cli: Cli, tmp_path: Path) -> None:
    extra = (
        "  - {indicator: health_insurance_coverage, year: 2022, value: 92, source: s1}\n"
        "  - {indicator: health_insurance_coverage, year: 2023, value: 94, source: s1}\n"
    )
    t = tracking(cli, tmp_path, extra, "2024")
    # 92 (2022) to 94 (2023): 2 percentage points in one year; 2020's 90 is before the break.
    assert t["latest_year"] == 2023
    assert t["latest_value"] == 94
    assert t["observed_pace"] == 2
    assert t["reason"] == "series break 2021: new definition"
