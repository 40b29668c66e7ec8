"""Baseline revisions are reported for the terms shown only, and an observation that repeats the
document's figure (same value, same bound) is not a revision.

Bundled data: data/targets_2030.yaml takes budget_revenue's 2025 baseline as "trên 4.000" (value
4000, comparator over, VTC/SGGP "lần đầu vượt 4.000 tỷ đồng"); data/observations/2025.yaml records
the same "vượt 4.000" (4000, over). data/targets_2025.yaml's 2020 baselines are revised by the
statistics office's 2020 figures (grdp_per_capita 37,2 → 35,62; grdp_growth — → 4,76).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from tests.conftest import DATA, Cli


def _status(cli: Cli, *args: str) -> dict[str, Any]:
    result = cli(["status", "--format", "json", *args])
    assert result.exit_code == 0, result.output
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


def _revised(doc: dict[str, Any]) -> list[tuple[str, int]]:
    return [(r["indicator"], r["year"]) for r in doc["baseline_revisions"]]


def test_all_terms_list_the_2020_revisions_only(cli: Cli) -> None:
    doc = _status(cli)
    assert _revised(doc) == [("grdp_growth", 2020), ("grdp_per_capita", 2020)]
    assert {r["term"] for r in doc["baseline_revisions"]} == {"2020-2025"}


def test_the_next_term_does_not_list_the_previous_terms_revisions(cli: Cli) -> None:
    assert _revised(_status(cli, "--term", "2025-2030")) == []
    table = cli(["status", "--term", "2025-2030", "--width", "120"]).output
    assert "grdp_per_capita 2020" not in table
    assert "--baseline published" not in table  # the revisions block is absent


def test_the_same_bound_figure_is_not_a_revision(cli: Cli) -> None:
    # 4.000 (over) in the file and 4.000 (over) observed: nothing changed
    assert ("budget_revenue", 2025) not in _revised(_status(cli))
    assert "4.000 → 4.000" not in cli(["status", "--width", "120"]).output


def test_a_changed_bound_is_a_revision_and_says_so(tmp_path: Path, cli: Cli) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    obs = data / "observations" / "2025.yaml"
    text = obs.read_text(encoding="utf-8")
    # the same 4000, stated as a plain figure instead of "vượt 4.000"
    edited = text.replace("    value: 4000\n    comparator: over\n", "    value: 4000\n", 1)
    assert edited != text
    obs.write_text(edited, encoding="utf-8")
    doc = _status(cli, "--data-dir", str(data), "--term", "2025-2030")
    (rev,) = doc["baseline_revisions"]
    assert (rev["indicator"], rev["year"], rev["published"], rev["observed"]) == ("budget_revenue", 2025, 4000, 4000)
    assert (rev["published_comparator"], rev["observed_comparator"], rev["term"]) == ("over", None, "2025-2030")
    for lang, line in (("vi", "budget_revenue 2025: > 4.000 → 4.000"), ("en", "budget_revenue 2025: > 4,000 → 4,000")):
        out = cli(["status", "--data-dir", str(data), "--term", "2030", "--lang", lang, "--width", "120"]).output
        assert line in out
