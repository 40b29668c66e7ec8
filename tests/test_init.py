"""`cbkpi init`: a starter file that validates as written, and with every example uncommented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.test_render_kinds import kinds


def _uncomment(text: str) -> str:
    """The starter with every commented example and declaration in use."""
    out = []
    for line in text.splitlines():
        if line.startswith(("# units:", "# areas:", "# sources:", "#   - {")):
            line = line[2:]
        elif line.startswith("#      "):
            line = line[1:]
        out.append(line)
    return "\n".join(out) + "\n"


def test_init_writes_a_file_that_validates(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "targets.yaml"
    out = cli(["init", str(path), "--start", "2030", "--end", "2035"])
    assert out.exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert "term: {start: 2030, end: 2035}" in text
    assert cli(["validate", str(path)]).exit_code == 0


def test_every_example_validates_once_uncommented(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "targets.yaml"
    cli(["init", str(path)])
    full = tmp_path / "full.yaml"
    full.write_text(_uncomment(path.read_text(encoding="utf-8")), encoding="utf-8")
    out = cli(["validate", str(full)])
    assert out.exit_code == 0, out.output
    used = set(re.findall(r"^\s+- \{kind: (\w+)", full.read_text(encoding="utf-8"), re.M))
    assert used | {"level"} == set(kinds())  # one example of every kind of the model
    assert "\nunits:\n" in full.read_text(encoding="utf-8") and "\nareas:\n" in full.read_text(encoding="utf-8")


def test_init_never_overwrites(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("mine\n", encoding="utf-8")
    out = cli(["init", str(path)])
    assert out.exit_code == 2
    assert "already exists" in out.output
    assert path.read_text(encoding="utf-8") == "mine\n"
    link = tmp_path / "link.yaml"
    link.symlink_to(tmp_path / "nowhere.yaml")  # a dangling link is not followed either
    assert cli(["init", str(link)]).exit_code == 2
    assert not (tmp_path / "nowhere.yaml").exists()


@pytest.mark.parametrize(("start", "end"), [("2030", "2025"), ("2030", "2030")])
def test_init_refuses_a_term_that_does_not_run_forward(cli: Cli, tmp_path: Path, start: str, end: str) -> None:
    out = cli(["init", str(tmp_path / "t.yaml"), "--start", start, "--end", end])
    assert out.exit_code == 2
    assert not (tmp_path / "t.yaml").exists()
