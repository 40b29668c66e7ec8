"""The console entry ends the process without the interpreter's teardown (``entry._leave``):
everything written must still arrive whole, and the exit codes must be those of ``sys.exit``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, TARGETS, Cli


def _console(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "CBKPI_NO_CACHE": "1", "CBKPI_LANG": "en"}
    return subprocess.run([sys.executable, "-m", "cbkpi", *args], cwd=cwd, env=env, capture_output=True, check=False)


def test_a_long_output_arrives_whole(cli: Cli) -> None:
    # the JSON of the bundled data is far larger than any stream buffer (8 KiB)
    proc = _console("status", "--format", "json", "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    assert len(proc.stdout) > 8192
    assert proc.stdout.decode("utf-8") == cli(["status", "--format", "json", "--lang", "en"]).stdout


def test_exit_codes_are_kept(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(TARGETS.read_text(encoding="utf-8").replace("kind: targets", "kind: target", 1), encoding="utf-8")
    proc = _console("validate", str(bad))
    assert proc.returncode == 1  # invalid data
    assert b"bad.yaml:" in proc.stdout + proc.stderr
    assert _console("status", "--widht", "80").returncode == 2  # a usage error
    assert _console("--version").returncode == 0


def test_no_exit_handler_is_left_to_run() -> None:
    # _leave skips atexit handlers: no cbkpi module may rely on one
    uses = ("import atexit", "atexit.register", "weakref.finalize", "def __del__")
    hits = [p for p in (ROOT / "src" / "cbkpi").rglob("*.py") if any(u in p.read_text(encoding="utf-8") for u in uses)]
    assert hits == []
