"""``cbkpi cache info`` and ``cbkpi cache clear`` (in-process; the conftest gives each test an
empty XDG_CACHE_HOME of its own)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cbkpi import cache
from tests.conftest import Cli


def _fill(n: int) -> Path:
    folder = Path(os.environ["XDG_CACHE_HOME"]) / "cbkpi"
    for i in range(n):
        digest = f"{i:064x}"
        cache.store(str(folder), digest, {"key": digest, "inputs": [], "events": [[1, f"{i}\n"]], "exit": 0})
    return folder


def test_info_counts_the_entries_and_their_bytes(cli: Cli) -> None:
    folder = _fill(3)
    size = sum(p.stat().st_size for p in folder.glob("*.json"))
    result = cli(["cache", "info"])
    assert result.exit_code == 0
    assert result.output == f"path: {folder}\nentries: 3\nbytes: {size}\nused: yes\n"


def test_clear_removes_every_entry(cli: Cli) -> None:
    folder = _fill(2)
    result = cli(["cache", "clear"])
    assert (result.exit_code, result.output) == (0, "removed: 2\n")
    assert list(folder.iterdir()) == []
    assert "entries: 0\n" in cli(["cache", "info"]).output


def test_a_folder_others_may_write_is_neither_used_nor_cleared(cli: Cli) -> None:
    folder = _fill(1)
    folder.chmod(0o777)
    assert "used: no (not a private folder" in cli(["cache", "info"]).output
    result = cli(["cache", "clear"])
    assert result.exit_code == 2
    assert "not a private folder of this user; nothing removed" in result.output
    assert len(list(folder.glob("*.json"))) == 1


def test_info_says_when_the_switch_is_off(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CBKPI_NO_CACHE", "1")
    assert "used: no (CBKPI_NO_CACHE is set)" in cli(["cache", "info"]).output


def test_the_file_hash_limit_is_the_readers_limit() -> None:
    """inputs_seen cannot import the YAML reader (the fast path stays light): one figure, twice."""
    from cbkpi import inputs_seen, yamlread

    assert inputs_seen.HASH_LIMIT == yamlread.MAX_FILE_BYTES
