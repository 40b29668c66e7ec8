"""Text that an explicit tag cannot hold (``!!int ""``, ``!!bool maybe``): one located error in
words of cbkpi's, exit 1. PyYAML's constructors fail on them with Python's own errors (an
IndexError for ``!!int ""`` ended the run with exit 3, found by review; a ValueError put
"invalid literal for int() with base 10" into a Vietnamese line)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Cli


@pytest.mark.parametrize(
    ("yaml_text", "lang", "expected"),
    [
        ('x: !!int ""\n', "en", "1:4: error invalid number '': not an integer (value)"),
        ('x: !!int ""\n', "vi", "1:4: error số không hợp lệ '': không phải số nguyên (value)"),
        ('- !!int "-"\n', "en", "1:3: error invalid number '-': not an integer (value)"),
        ('{a: !!float ""}\n', "en", "1:5: error invalid number '': not a number (value)"),
        ('x: !!float "_"\n', "vi", "1:4: error số không hợp lệ '_': không phải số (value)"),
        ("x: !!int abc\n", "en", "1:4: error invalid number 'abc': not an integer (value)"),
        (
            "x: !!bool maybe\n",
            "vi",
            "1:4: error bool không hợp lệ 'maybe': không phải giá trị đúng/sai (true/false, yes/no, on/off) (value)",
        ),
        (
            "x: !!timestamp x\n",
            "vi",
            "1:4: error timestamp không hợp lệ 'x': không phải ngày tháng (YYYY-MM-DD, hoặc ngày và giờ) (value)",
        ),
    ],
)
def test_refused_with_its_line(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, yaml_text: str, lang: str, expected: str
) -> None:
    monkeypatch.setenv("CBKPI_LANG", lang)
    path = tmp_path / "t.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    result = cli(["validate", str(path)])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == f"{path}:{expected}"
