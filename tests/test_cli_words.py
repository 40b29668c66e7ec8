"""click's own words (usage, section headings, the help option, defaults, usage errors) in
Vietnamese with ``CBKPI_LANG=vi`` or ``--lang vi``, and without pydantic's jargon in English.

cbkpi.cli_words reaches them through typer's private ``typer._click``: these tests fail when
typer changes the words or the hooks (an English word left in the Vietnamese output)."""

from __future__ import annotations

import inspect

import pytest

from tests.conftest import Cli

ENGLISH_WORDS = (
    "Usage:",
    "[OPTIONS]",
    "COMMAND",
    "[ARGS]",
    "Options:",
    "Commands:",
    "Arguments:",
    "Show this message",
    "[default:",
    "Try '",
    "Error:",
)


def test_help_words_in_vietnamese(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CBKPI_LANG", "vi")
    root = cli(["--help"]).output
    assert root.startswith("Cách dùng: cbkpi [TÙY_CHỌN] LỆNH [ĐỐI_SỐ]...\n")
    assert "\nTùy chọn:\n" in root and "\nLệnh:\n" in root
    assert "  --help     In phần trợ giúp này rồi thoát.\n" in root
    status = cli(["status", "--help"]).output
    assert "\nĐối số:\n" in status
    assert "[biến môi trường:" in status and "CBKPI_LANG; mặc định: vi]" in status
    assert "Định dạng đầu ra.  [mặc định: table]" in status
    assert not any(word in root + status for word in ENGLISH_WORDS)


def test_lang_on_the_command_line_chooses_the_help(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CBKPI_LANG", "vi")
    assert cli(["status", "--lang", "en", "--help"]).output.startswith("Usage: cbkpi status [OPTIONS]")
    monkeypatch.delenv("CBKPI_LANG")
    assert cli(["status", "--lang=vi", "--help"]).output.startswith("Cách dùng: cbkpi status [TÙY_CHỌN]")


def test_english_help_is_unchanged(cli: Cli) -> None:
    root = cli(["--help"]).output
    assert root.startswith("Usage: cbkpi [OPTIONS] COMMAND [ARGS]...\n")
    assert "\nOptions:\n" in root and "\nCommands:\n" in root and "Show this message and exit." in root


@pytest.mark.parametrize(
    ("args", "vi", "en"),
    [
        (
            ["status", "--widht", "3"],
            "Lỗi: không có tùy chọn --widht (có phải là: --width)",
            "Error: No such option: --widht (Possible options: --width)",
        ),
        (["show"], "Lỗi: thiếu đối số 'INDICATOR'.", "Error: Missing argument 'INDICATOR'."),
        (
            ["status", "--width", "abc"],
            "Lỗi: giá trị không hợp lệ cho '--width': cần một số nguyên, nhưng đây là 'abc'",
            "Error: Invalid value for '--width': expected a whole number, got 'abc'",
        ),
        (
            ["status", "--as-of", "2200"],
            "Lỗi: giá trị không hợp lệ cho '--as-of': 2200 quá lớn: tối đa là 2100",
            "Error: Invalid value for '--as-of': 2200 is too large: expected at most 2100",
        ),
        (
            ["audit", "--format", "xlsx"],
            "Lỗi: giá trị không hợp lệ cho '--format' / '-f': không dùng được 'xlsx' ở đây; "
            "chỉ nhận: 'text', 'json', 'markdown'",
            "Error: Invalid value for '--format' / '-f': 'xlsx' is not allowed here; "
            "expected one of: 'text', 'json', 'markdown'",
        ),
        (
            ["statu"],
            "Lỗi: không có lệnh 'statu'. Có phải là: 'status'?",
            "Error: No such command 'statu'. Did you mean 'status'?",
        ),
        (
            ["status", "--width"],
            "Lỗi: tùy chọn '--width' cần một giá trị.",
            "Error: Option '--width' requires an argument.",
        ),
    ],
)
def test_usage_errors_in_both_languages(
    args: list[str], vi: str, en: str, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    english = cli(args)
    assert english.exit_code == 2
    assert english.stderr.splitlines()[-1] == en
    assert "Input should" not in english.stderr and "Value error" not in english.stderr
    monkeypatch.setenv("CBKPI_LANG", "vi")
    vietnamese = cli(args)
    assert vietnamese.exit_code == 2
    assert vietnamese.stderr.splitlines()[-1] == vi
    assert not any(word in vietnamese.stderr for word in ENGLISH_WORDS)


def test_usage_and_hint_in_vietnamese(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CBKPI_LANG", "vi")
    lines = cli(["calc", "required", "1"]).stderr.splitlines()
    assert lines == [
        "Cách dùng: cbkpi calc required [TÙY_CHỌN] {baseline} {target}",
        "Xem 'cbkpi calc required --help' để biết cách dùng.",
        "",
        "Lỗi: thiếu đối số 'target'.",
    ]
    english = cli(["calc", "required", "1", "--lang", "en"]).stderr.splitlines()  # --lang wins
    assert english[1] == "Try 'cbkpi calc required --help' for help."


def test_the_hooks_typer_offers_are_still_there() -> None:
    """What cbkpi.cli_words relies on in typer's vendored click."""
    from typer._click import exceptions
    from typer._click.core import Command, Context
    from typer._click.formatting import HelpFormatter

    assert Context.formatter_class is HelpFormatter
    assert "context_class" in vars(Command)
    assert "prefix" in inspect.signature(HelpFormatter.write_usage).parameters
    for name in ("NoSuchOption", "BadParameter", "MissingParameter", "UsageError", "NoArgsIsHelpError"):
        assert hasattr(exceptions, name)
