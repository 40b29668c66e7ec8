"""Shared paths and helpers for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
TARGETS = DATA / "targets_2025.yaml"
RESULTS = DATA / "results_2020.yaml"
SOURCE = ROOT.parent / "shared" / "source" / "000_8896d01fc09bea7c.txt"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def source_lines() -> list[str]:
    if not SOURCE.exists():
        pytest.skip(f"source text not found at {SOURCE}")
    return SOURCE.read_text(encoding="utf-8").splitlines()
