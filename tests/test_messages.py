"""Messages in Vietnamese and English, without library jargon (issue 10, item 3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cbkpi.i18n import LABELS
from tests.conftest import TARGETS, Cli

JARGON = ("Input should", "Value error", "valid integer", "valid boolean")


def _edited(tmp_path: Path, old: str, new: str) -> Path:
    text = TARGETS.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "in.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


# forest cover's baseline (data/targets_2025.yaml): "value: 55" under "year: 2020"
FOREST_BASELINE = "      year: 2020\n      value: 55\n      estimate: true\n      ref: {line: 67,"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "'55,1' is text, not a number: YAML writes decimals with a point, write 55.1"),
        ("vi", "'55,1' là chữ, không phải số: trong YAML số thập phân viết bằng dấu chấm, hãy viết 55.1"),
    ],
)
def test_comma_decimal_says_the_fix(
    lang: str, expected: str, tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CBKPI_LANG", lang)
    path = _edited(tmp_path, FOREST_BASELINE, FOREST_BASELINE.replace("value: 55", 'value: "55,1"'))
    result = cli(["validate", str(path)])
    assert result.exit_code == 1
    assert expected in result.output
    assert not any(word in result.output for word in JARGON)


def test_thousands_in_vietnamese_notation(tmp_path: Path, cli: Cli) -> None:
    # "1.650,5" is 1650.5 in Vietnamese notation: YAML needs 1650.5
    path = _edited(tmp_path, FOREST_BASELINE, FOREST_BASELINE.replace("value: 55", 'value: "1.650,5"'))
    assert "write 1650.5" in cli(["validate", str(path)]).output


def test_quoted_number(tmp_path: Path, cli: Cli) -> None:
    path = _edited(tmp_path, FOREST_BASELINE, FOREST_BASELINE.replace("value: 55", 'value: "55.1"'))
    assert "'55.1' is text, not a number: remove the quotes, write 55.1" in cli(["validate", str(path)]).output


@pytest.mark.parametrize(
    ("old", "new", "en", "vi"),
    [
        (
            "      year: 2020\n      value: 55\n",
            "      year: 1800\n      value: 55\n",
            "1800 is too small: expected at least 1900",
            "1800 quá nhỏ: phải từ 1900 trở lên",
        ),
        (
            "      estimate: true\n",
            "      estimate: maybe\n",
            "expected true or false, got 'maybe'",
            "cần true hoặc false",
        ),
        (
            '    number: "14"\n',
            '    numbr: "14"\n',
            "unknown key 'numbr'; did you mean 'number'?",
            "khóa 'numbr' không dùng được ở đây; có phải là 'number'?",
        ),
        # (`number` became optional with the press-quoted 2025-2030 file: `unit` is still required)
        ("    unit: percent\n", "", "missing required key 'unit'", "thiếu khóa bắt buộc 'unit'"),
    ],
)
def test_common_errors_in_both_languages(
    old: str, new: str, en: str, vi: str, tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = TARGETS.read_text(encoding="utf-8")
    start = text.index("  - id: forest_cover")  # the edit lands in forest cover's entry
    path = tmp_path / "in.yaml"
    path.write_text(text[:start] + text[start:].replace(old, new, 1), encoding="utf-8")
    english = cli(["validate", str(path)]).output  # CBKPI_LANG unset: English
    assert en in english
    monkeypatch.setenv("CBKPI_LANG", "vi")
    vietnamese = cli(["validate", str(path)]).output
    assert vi in vietnamese
    assert not any(word in english + vietnamese for word in JARGON)


def test_lang_option_chooses_the_language_of_data_errors(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CBKPI_LANG", "vi")
    path = _edited(tmp_path, FOREST_BASELINE, FOREST_BASELINE.replace("value: 55", 'value: "55,1"'))
    assert "write 55.1" in cli(["status", str(path), "--lang", "en"]).output
    assert "hãy viết 55.1" in cli(["status", str(path)]).output  # --lang from CBKPI_LANG
    assert "hãy viết 55.1" in cli(["validate", str(path)]).output


def test_every_label_has_both_languages() -> None:
    assert [key for key, entry in LABELS.items() if set(entry) != {"vi", "en"}] == []


def test_agreement_note_names_the_indicator(cli: Cli) -> None:
    output = cli(["status", str(TARGETS), "--width", "200"]).output
    assert "• Hai mục tiêu về Tổng kim ngạch xuất, nhập khẩu qua địa bàn: tăng bình quân 10%/năm thì năm 2025" in output


def test_help_in_vietnamese_with_cbkpi_lang(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    english = cli(["status", "--help"]).output
    assert "Where every indicator stands." in english
    monkeypatch.setenv("CBKPI_LANG", "vi")
    vietnamese = cli(["status", "--help"]).output
    assert "Tình hình của từng chỉ tiêu." in vietnamese
    assert "Độ rộng tính bằng cột" in vietnamese  # an option's help too
    assert "Tốc độ tăng bình quân năm từ START tới END" in cli(["calc", "cagr", "--help"]).output
    monkeypatch.delenv("CBKPI_LANG")
    assert "Where every indicator stands." in cli(["status", "--help"]).output  # built afresh


def test_every_command_has_vietnamese_help() -> None:
    from typer.main import get_command

    from cbkpi.cli import app
    from cbkpi.i18n import HELP_VI

    root = get_command(app)
    names = [name for name in getattr(root, "commands", {})]
    names += [f"calc {name}" for name in getattr(getattr(root, "commands", {})["calc"], "commands", {})]
    assert [name for name in names if name not in HELP_VI] == []
