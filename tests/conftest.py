"""Shared paths and helpers for the tests."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from cbkpi.cli import app

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
TARGETS = DATA / "targets_2025.yaml"
RESULTS = DATA / "results_2020.yaml"
SOURCE = ROOT.parent / "shared" / "source" / "000_8896d01fc09bea7c.txt"

Cli = Callable[..., Result]
"""``cli(["status", "--lang", "en"])``: the type of the ``cli`` fixture (:func:`run_cli`)."""

# CBKPI_DEBUG=1: the console entry (entry.py) turns an escaping exception into one line and exit 3
# unless it is set. The tests call the typer app below that handler; the variable keeps any
# handler that ends up closer to the commands from hiding a bug from the tests too.
_RUNNER = CliRunner(env={"CBKPI_DEBUG": "1"})


def run_cli(args: Sequence[str], *, input: str | bytes | None = None) -> Result:
    """``cbkpi ARGS`` in-process, letting every exception through.

    typer's CliRunner catches exceptions by default: a crash becomes ``result.exception`` and exit
    code 1, the code for "invalid data", so ``exit_code == 1`` passes on a bug and a traceback is
    never in the output. With ``catch_exceptions=False`` an exception fails the test with its
    traceback; only ``SystemExit`` (``typer.Exit``, usage errors) becomes ``result.exit_code``.
    (As check-jsonschema's acceptance tests do with their ``run_line`` fixture.)
    """
    return _RUNNER.invoke(app, list(args), input=input, catch_exceptions=False)


@pytest.fixture(autouse=True)
def _private_result_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets an empty result cache of its own (cbkpi.cache), inherited by the processes
    it starts: no test reads or fills the developer's ~/.cache/cbkpi, and no test sees
    another's entries."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
    monkeypatch.delenv("CBKPI_NO_CACHE", raising=False)


@pytest.fixture
def cli() -> Cli:
    return run_cli


@pytest.fixture(scope="session")
def source_lines() -> list[str]:
    if not SOURCE.exists():
        pytest.skip(f"source text not found at {SOURCE}")
    return SOURCE.read_text(encoding="utf-8").splitlines()
