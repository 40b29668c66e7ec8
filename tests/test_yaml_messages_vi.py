"""LibYAML's syntax errors in Vietnamese (i18n_messages.LIBYAML_VI), English left as LibYAML wrote it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml._yaml

from cbkpi.i18n_messages import LIBYAML_VI
from tests.conftest import Cli


def test_every_key_is_a_text_of_the_libyaml_in_use() -> None:
    # A key with a typo would never match: each must be one of the texts compiled into the
    # extension PyYAML reads with (LibYAML's C strings, NUL-terminated).
    library = Path(yaml._yaml.__file__).read_bytes()
    missing = [key for key in LIBYAML_VI if b"\0" + key.encode() + b"\0" not in library]
    assert missing == []


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "indicators:\n  - id: a\n   name: x\n",
            "vi",
            "3:4: error lỗi cú pháp YAML: không tìm thấy dấu '-' của mục danh sách cần có "
            "(khi đọc một danh sách hoặc ánh xạ dạng khối bắt đầu ở dòng 2) (syntax)",
        ),
        (
            "indicators:\n  - id: a\n   name: x\n",
            "en",
            "3:4: error YAML syntax error: did not find expected '-' indicator "
            "(while parsing a block collection started at line 2) (syntax)",
        ),
        (
            "indicators:\n  - id: a\n    name: [x\n",
            "vi",
            "4:1: error lỗi cú pháp YAML: không tìm thấy dấu ',' hoặc ']' cần có "
            "(khi đọc một danh sách trong ngoặc vuông [ ] bắt đầu ở dòng 3) (syntax)",
        ),
        (
            'indicators:\n  - id: "a\n',
            "vi",
            "3:1: error lỗi cú pháp YAML: tệp kết thúc quá sớm "
            "(khi đọc một giá trị trong dấu nháy bắt đầu ở dòng 2) (syntax)",
        ),
        (
            "indicators:\n  - id: a: b\n",
            "vi",
            "2:10: error lỗi cú pháp YAML: không được đặt một giá trị ánh xạ (sau ': ') ở vị trí này (syntax)",
        ),
        (
            "a: b\n- c\n",
            "vi",
            "2:1: error lỗi cú pháp YAML: không tìm thấy khóa cần có "
            "(khi đọc một ánh xạ dạng khối bắt đầu ở dòng 1) (syntax)",
        ),
    ],
)
def test_syntax_error_line(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, lang: str, expected: str
) -> None:
    monkeypatch.setenv("CBKPI_LANG", lang)  # validate's messages follow CBKPI_LANG (README)
    path = tmp_path / "t.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli(["validate", str(path)])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == f"{path}:{expected}"


@pytest.mark.parametrize(
    "text",
    [
        "indicators:\n\t- id: a\n",
        "indicators:\n  - {id: a\n",
        "indicators:\n  - id: a\nname\nx: 1\n",
        'a: "\\q"\n',
        "a: @x\n",
        "a:\n    b: 1\n  c: 2\n",
        "a: *\n",
        "a: &\n",
        "a: !<x\n",
        "a: |0\n  x\n",
        "%FOO\n---\na: 1\n",
        "a: |\n\tx\n",
    ],
)
def test_common_mistakes_leave_no_english(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setenv("CBKPI_LANG", "vi")
    path = tmp_path / "t.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli(["validate", str(path)])
    assert result.exit_code == 1
    line = result.output.splitlines()[0]
    message = line.split(" error ", 1)[1].removesuffix(" (syntax)")
    assert message.startswith("lỗi cú pháp YAML: ")
    for english in ("found", "did not", "could not", "while ", "expected", "allowed"):
        assert english not in message, line
