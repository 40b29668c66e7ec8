"""Every target kind of the model through every format of every command, on hand-built records
(no files, no CLI): a kind added to ``models.Target`` without a sample here, or without a
renderer path, fails these tests. Also the format registries against the CLI's choices."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import typing
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from cbkpi import __version__, formats
from cbkpi.loader import Loaded
from cbkpi.models import DataFile, Target
from cbkpi.observations import located
from cbkpi.pipeline import StatusReport, find_indicator
from cbkpi.render.show import print_show
from cbkpi.render.words import target_text
from cbkpi.status import term_status
from cbkpi.validation import Report
from cbkpi.yamlread import Positions

REF = {"line": 1}

# One minimal valid target per kind, with the indicator unit and a yearly observation to track.
SAMPLES: dict[str, dict[str, Any]] = {
    "level": {"kind": "level", "value": 60, "year": 2025, "ref": REF},
    "growth_rate": {"kind": "growth_rate", "value": 10, "start_year": 2020, "end_year": 2025, "ref": REF},
    "count_per_year": {
        "kind": "count_per_year",
        "value": 2,
        "start_year": 2020,
        "end_year": 2025,
        "unit": "schools",
        "ref": REF,
    },
    "points_reduction_per_year": {
        "kind": "points_reduction_per_year",
        "value": 2,
        "start_year": 2020,
        "end_year": 2025,
        "ref": REF,
    },
    "maintain": {"kind": "maintain", "value": 15, "year": 2025, "ref": REF},
    "milestone": {"kind": "milestone", "description": {"vi": "Xong", "en": "Done"}, "year": 2025, "ref": REF},
    "qualitative": {"kind": "qualitative", "description": {"vi": "Tốt", "en": "Good"}, "ref": REF},
    "level_range": {"kind": "level_range", "low": 75, "high": 80, "year": 2025, "ref": REF},
    "count_per_year_range": {
        "kind": "count_per_year_range",
        "low": 1500,
        "high": 1600,
        "start_year": 2020,
        "end_year": 2025,
        "unit": "party_members",
        "ref": REF,
    },
}
RESULTS: dict[str, dict[str, Any]] = {
    "milestone": {"text": "Đạt", "ref": REF},
    "qualitative": {"text": "Đạt", "ref": REF},
}


def kinds() -> list[str]:
    """The ``kind`` of every member of the ``Target`` union."""
    union = typing.get_args(Target)[0]
    return [typing.get_args(cls.model_fields["kind"].annotation)[0] for cls in typing.get_args(union)]


def test_every_kind_has_a_sample() -> None:
    assert sorted(kinds()) == sorted(SAMPLES)


def _data(kind: str, file_kind: str) -> DataFile:
    indicators = []
    for n, k in enumerate(kinds(), start=1):
        target = dict(SAMPLES[k])
        if file_kind == "results":
            target["result"] = RESULTS.get(k, {"value": 5, "ref": REF})
            if k not in RESULTS:  # a ratio is printed for figures only
                target["published_ratio"] = {"value": 100, "ref": REF}
        indicators.append(
            {
                "id": f"ind_{k}",
                "number": str(n),
                "name": {"vi": f"Chỉ tiêu {k}", "en": f"Indicator {k}"},
                "area": "economy",
                "unit": "percent",
                "baseline": {"year": 2020, "value": 50},
                "targets": [target],
            }
        )
    start, end = (2020, 2025) if file_kind == "targets" else (2015, 2020)
    return DataFile.model_validate(
        {
            "source": {"title": "t", "publisher": "p", "date": "2020-10-01"},
            "term": {"start": start, "end": end},
            "kind": file_kind,
            "indicators": indicators,
        }
    )


@pytest.fixture(scope="module")
def report() -> StatusReport:
    observed = {f"ind_{k}": {2022: 54.0, 2023: 55.0} for k in kinds()}
    loaded = [Loaded(f"{k}.yaml", _data(k, k), Positions()) for k in ("targets", "results")]
    terms = [term_status(f.file, f.model, observed, 2023) for f in loaded]
    return StatusReport(Report(loaded=loaded), observed, 2023, terms)


@pytest.mark.parametrize("name", formats.STATUS.names)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_status_formats_render_every_kind(report: StatusReport, name: str, lang: str) -> None:
    out = io.StringIO()
    formats.STATUS.get(name)(report, lang, 200, out)
    text = out.getvalue()
    for k in kinds():
        assert f"ind_{k}" in text or f"Indicator {k}" in text or f"Chỉ tiêu {k}" in text


def test_status_json_has_every_kind_with_tracking(report: StatusReport) -> None:
    out = io.StringIO()
    formats.STATUS.get("json")(report, "en", None, out)
    doc = json.loads(out.getvalue())
    by_kind = {t["kind"]: t for term in doc["terms"] for ind in term["indicators"] for t in ind["targets"]}
    assert sorted(by_kind) == sorted(kinds())
    targets = doc["terms"][0]["indicators"]
    tracked = {ind["id"]: ind["tracking"]["targets"] for ind in targets}
    # Level 50 -> 60 % (a share) by 2025 from 2020: (60 - 50) / 5 = 2.00 points a year required,
    # and as a relative rate (60/50)^(1/5) - 1 = 3.714 %/yr.
    assert tracked["ind_level"][0]["required_pace"] == pytest.approx(2.0)
    assert tracked["ind_level"][0]["pace_unit"] == "pp_per_year"
    level = next(t for ind in targets if ind["id"] == "ind_level" for t in ind["targets"])
    assert (level["required_pace"], level["required_pace_unit"]) == (pytest.approx(2.0), "pp_per_year")
    assert level["required_annual_growth_pct"] == pytest.approx(3.713729, abs=1e-6)
    # Words cannot be tracked: milestone and qualitative targets have no tracking rows.
    assert tracked["ind_milestone"] == [] and tracked["ind_qualitative"] == []


@pytest.mark.parametrize("name", formats.AUDIT.names)
def test_audit_formats_render_every_kind(report: StatusReport, name: str) -> None:
    items = report.audit_items()
    # Every quantified kind has a printed ratio to recompute; words have none.
    quantified = {
        "level",
        "growth_rate",
        "count_per_year",
        "points_reduction_per_year",
        "maintain",
        "level_range",
        "count_per_year_range",
    }
    assert {i.id for i in items} == {f"ind_{k}" for k in quantified}
    text = formats.AUDIT.get(name)(items, "en")
    for k in quantified:
        assert f"Indicator {k}" in text or f"ind_{k}" in text


@pytest.mark.parametrize("name", formats.EXPORT.names)
def test_export_formats_render_every_kind(report: StatusReport, name: str, tmp_path: Path) -> None:
    path = tmp_path / f"out.{name}"
    formats.EXPORT.get(name)(path, report, "en")
    assert path.stat().st_size > 0


@pytest.mark.parametrize("kind", kinds())
def test_show_renders_every_kind(report: StatusReport, kind: str) -> None:
    view = find_indicator(report, f"ind_{kind}")
    console = Console(file=io.StringIO(), width=100)
    print_show(console, view, "en")
    assert f"Indicator {kind}" in console.file.getvalue()  # type: ignore[attr-defined]


def test_target_text_per_kind(report: StatusReport) -> None:
    texts = {
        ts.target.kind: target_text(ts, "percent", "en") for ind in report.terms[0].indicators for ts in ind.targets
    }
    # Each target's own figure, written as the sample gives it.
    assert "60" in texts["level"] and "2025" in texts["level"]
    assert "10" in texts["growth_rate"]
    assert "2" in texts["points_reduction_per_year"]
    assert "15" in texts["maintain"]
    assert texts["milestone"].startswith("Done: ")
    assert texts["level_range"] == "75 to 80 by 2025"
    assert texts["count_per_year_range"] == "1,500 to 1,600 party members/yr"


def test_registry_entries_resolve_and_match_cli_choices() -> None:
    from typer.testing import CliRunner

    from cbkpi.cli import app

    for registry in (formats.STATUS, formats.AUDIT, formats.EXPORT, formats.VALIDATE):
        for name in registry.names:
            assert callable(registry.get(name))
        result = CliRunner().invoke(app, [registry.command, "--help"], catch_exceptions=False)
        assert f"--format <{'|'.join(registry.names)}>" in result.output


def test_validate_formats_render_diagnostics() -> None:
    from cbkpi.diagnostics import Diagnostic

    diags = [Diagnostic("a.yaml", 3, 5, "bad value", code="range")]
    for name in formats.VALIDATE.names:
        assert "bad value" in formats.VALIDATE.get(name)(diags, ["a.yaml"])


def test_observations_are_typed(report: StatusReport) -> None:
    assert located(report.validation.observations) == []
    assert report.observed["ind_level"][2023] == 55.0
    assert Decimal("50") == report.terms[0].indicators[0].indicator.baseline.value  # type: ignore[union-attr]


def test_version_fast_path_as_a_real_process() -> None:
    """``cbkpi --version`` answers from entry.py without loading the CLI framework."""
    code = (
        "import sys; sys.argv = ['cbkpi', '--version']; from cbkpi.entry import main; main(); "
        "assert 'typer' not in sys.modules and 'cbkpi.cli' not in sys.modules, 'slow path taken'"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"cbkpi {__version__}\n"
