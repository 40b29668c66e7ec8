"""Text from the data is printed as written: rich markup ("[link=…]…[/link]") and emoji codes
(":smile:") in a name or a source title are not instructions to the terminal renderer."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import Cli

PROVINCE = Path(__file__).resolve().parent / "fixtures" / "province_x"
TITLE = "Nghị quyết [bold]X[/bold] :smile: [link=http://evil.example]y[/link]"
NAME = "Lượt [red]khách[/red] :thumbs_up:"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(PROVINCE, folder)
    targets = folder / "targets.yaml"
    text = targets.read_text(encoding="utf-8")
    edited = text.replace('title: "Nghị quyết Đại hội Đảng bộ tỉnh X (giả định)"', f'title: "{TITLE}"', 1)
    edited = edited.replace('name: {vi: "Lượt khách du lịch"', f'name: {{vi: "{NAME}"', 1)
    assert edited.count("[/bold]") == 1 and edited.count("[/red]") == 1
    targets.write_text(edited, encoding="utf-8")
    return folder


def test_status_table_prints_markup_as_text(cli: Cli, data: Path) -> None:
    out = cli(["status", "--data-dir", str(data), "--width", "200"]).output
    assert TITLE in out
    assert NAME in out
    assert "😄" not in out and "👍" not in out


def test_show_prints_markup_as_text(cli: Cli, data: Path) -> None:
    out = cli(["show", "visitors", "--data-dir", str(data), "--width", "200"]).output
    assert TITLE in out
    assert NAME in out
    assert "😄" not in out
