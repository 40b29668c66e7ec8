"""cbkpi's command line against hostile input: every case fails cleanly (exit 1 or 2, never a
traceback, a crash or a hang), says where the problem is, and stays within time and memory.

The cases live in hostile_cases.py; ``python tests/hostile/report.py`` prints them as a table.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from hostile_cases import CASES, DATA, Case, arguments, problems, run_cbkpi

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_input(case: Case, tmp_path: Path) -> None:
    if case.skip is not None and (reason := case.skip()):
        pytest.skip(reason)
    args = arguments(case, tmp_path)
    run = run_cbkpi(args, tmp_path, lang="en")  # the cases expect English messages
    found = problems(case, run, tmp_path)
    assert not found, f"cbkpi {' '.join(args)}: {'; '.join(found)}\n--- output ---\n{run.output[:3000]}"
    assert run.code in (0, 1, 2)


def _snapshot(root: Path) -> dict[str, tuple[int, str]]:
    return {
        str(p.relative_to(root)): (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
        for p in sorted(root.rglob("*"))
        if p.is_file()
    } | {str(p.relative_to(root)) + "/": (p.stat().st_mtime_ns, "") for p in root.rglob("*") if p.is_dir()}


READ_ONLY_COMMANDS = [
    ["validate"],
    ["validate", "--format", "json"],
    ["validate", "--format", "github"],
    ["status", "--format", "json"],
    ["status", "--format", "table"],
    ["status", "--format", "csv"],
    ["status", "--format", "markdown"],
    ["audit"],
    ["audit", "--format", "json"],
    ["audit", "--strict"],
    ["calc", "required", "3", "4,5", "--years", "5"],
    ["calc", "cagr", "1.5", "3"],
    ["calc", "implied", "3", "10"],
    ["calc", "achieved", "13", "10"],
]


def test_no_command_writes_to_the_data_directory(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    work = tmp_path / "work"
    work.mkdir()
    before = _snapshot(data)
    for args in READ_ONLY_COMMANDS:
        extra = ["--data-dir", str(data)] if args[0] != "calc" else []
        run = run_cbkpi([*args, *extra], work)
        assert run.code in (0, 1), f"cbkpi {' '.join(args)}: exit {run.code}\n{run.output[:2000]}"
        assert "Traceback" not in run.output
    # The same commands run from inside the data directory's parent, the default --data-dir.
    for args in READ_ONLY_COMMANDS[:1] + READ_ONLY_COMMANDS[3:4] + READ_ONLY_COMMANDS[7:8]:
        run = run_cbkpi(args, tmp_path)
        assert run.code in (0, 1), f"cbkpi {' '.join(args)}: exit {run.code}\n{run.output[:2000]}"
    assert _snapshot(data) == before
    assert sorted(p.name for p in work.iterdir()) == []
