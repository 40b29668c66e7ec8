"""Start-up guards: what ``status`` and ``validate`` must not import, and the fast table cells.

A command pays at every start for each module it imports. These tests run the real console
entry in a fresh interpreter (no result cache) and list the modules it loaded: a change that
pulls the xlsx writer, the charts, the schema generator or :mod:`importlib.metadata` into the
everyday commands fails here instead of showing up weeks later as a slower benchmark.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.table import Table
from rich.text import Text

from cbkpi.render.cells import PlainCell, StyledCell, cell, wrapped
from tests.conftest import DATA, ROOT

NEVER = {
    "yaml",  # PyYAML: the bundled files take the fast path (cbkpi.yamlfast), marks included
    "openpyxl",  # the xlsx export
    "matplotlib",  # PNG charts
    "importlib.metadata",  # pydantic's plugin lookup (cbkpi.startup) and email, zipfile, csv with it
    "email",
    "zipfile",
    "cbkpi.render.xlsx",
    "cbkpi.render.report",  # the HTML report
    "cbkpi.render.chart",
    "cbkpi.schema",  # JSON Schema generation
    "cbkpi.outputs",  # writing files
    "cbkpi.cli_files",
}
"""Modules neither ``status`` nor ``validate`` needs."""

NOT_FOR_VALIDATE = {
    "rich",  # validate's text, JSON and annotations are plain strings
    "cbkpi.audit",
    "cbkpi.status",
    "cbkpi.tracking",
    "cbkpi.terms",
    "cbkpi.revisions",
    "cbkpi.series",
}
"""What only the reading commands compute."""

_LIST_MODULES = """
import sys
from cbkpi.entry import main
sys.argv = ["cbkpi", *sys.argv[1:]]
try:
    main()
except SystemExit as exc:
    code = exc.code
else:
    code = 0
print("exit", code, *sorted(sys.modules), file=sys.stderr)
"""


def imported(args: list[str], tmp_path: Path) -> tuple[int, set[str]]:
    """The exit code of ``cbkpi ARGS`` run as a fresh process without cache, and every module
    it had imported by the end."""
    env = {**os.environ, "CBKPI_NO_CACHE": "1", "XDG_CACHE_HOME": str(tmp_path), "CBKPI_DEBUG": "1"}
    proc = subprocess.run(
        [sys.executable, "-c", _LIST_MODULES, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    last = proc.stderr.strip().splitlines()[-1].split()
    assert last[0] == "exit", proc.stderr  # anything else: a traceback
    return int(last[1]), set(last[2:])


def _loaded(modules: set[str], names: set[str]) -> list[str]:
    """The modules of ``names`` (or any of their submodules) found in ``modules``."""
    return sorted(m for m in modules if m in names or m.split(".")[0] in names or m.rpartition(".")[0] in names)


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_status_imports_nothing_it_does_not_need(tmp_path: Path, fmt: str) -> None:
    code, modules = imported(["status", "--format", fmt, "--data-dir", str(DATA)], tmp_path)
    assert code == 0
    assert "cbkpi.pipeline" in modules  # it did run the command
    assert _loaded(modules, NEVER) == []


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_validate_imports_nothing_it_does_not_need(tmp_path: Path, fmt: str) -> None:
    code, modules = imported(["validate", "--format", fmt, "--data-dir", str(DATA)], tmp_path)
    assert code == 0
    assert "cbkpi.validation" in modules
    assert _loaded(modules, NEVER | NOT_FOR_VALIDATE) == []


def test_the_library_keeps_pydantic_plugins() -> None:
    """Only the command line skips pydantic's plugin lookup: importing the models alone leaves
    pydantic's own loader in place."""
    code = "import sys, cbkpi.models; print(type(sys.modules['pydantic.plugin._loader'].__spec__).__name__)"
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "ModuleSpec"  # the real module, found on disk (the stub has none)


def test_the_empty_loader_hands_anything_else_to_pydantic() -> None:
    """Should a later pydantic ask its plugin loader for more than ``get_plugins``, the real
    loader answers (no AttributeError in every command)."""
    code = (
        "import sys\n"
        "from cbkpi import startup\n"
        "startup.skip_pydantic_plugins()\n"
        "from pydantic.plugin import _loader\n"
        "print(list(_loader.get_plugins()), _loader.PYDANTIC_ENTRY_POINT_GROUP, 'importlib.metadata' in sys.modules)"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert proc.stdout.split() == ["[]", "pydantic", "True"]


# ------------------------------------------------------------------- PlainCell is rich's Text
def _render(
    cells: list[Text | PlainCell | StyledCell | str],
    widths: list[int],
    colour: bool,
    overflow: Literal["fold", "crop"] = "fold",
) -> str:
    console = Console(width=200, file=None, force_terminal=colour, color_system="standard" if colour else None)
    table = Table(show_edge=False, pad_edge=False, padding=(0, 0), title="t")
    for k, w in enumerate(widths):
        table.add_column(f"h{k}", justify="right" if k % 2 else "left", overflow=overflow, width=w)
    table.add_row(*cells)
    with console.capture() as captured:
        console.print(table)
    return captured.get()


_TEXTS = st.text(alphabet=st.sampled_from([*"ab  1,5%\nđạtẰ\t", "中"]), max_size=14)


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(_TEXTS, min_size=1, max_size=4), widths=st.lists(st.integers(1, 12), min_size=4, max_size=4))
def test_plain_cells_render_as_rich_text(texts: list[str], widths: list[int]) -> None:
    """Whatever the text (fitting or not, line breaks, tabs, wide characters, trailing blanks),
    a table of PlainCells prints exactly what the same table of rich Texts prints."""
    widths = widths[: len(texts)]
    for colour in (False, True):
        fast = _render([PlainCell(t) for t in texts], widths, colour)
        assert fast == _render([Text(t) for t in texts], widths, colour)


_WORDS = st.lists(
    st.text(alphabet=st.sampled_from([*"abcđạtẰ1,5%- \n", "中", "\u00a0", "\u0301"]), min_size=1, max_size=16),
    max_size=12,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(
    texts=st.lists(_WORDS, min_size=1, max_size=3),
    widths=st.lists(st.integers(1, 14), min_size=3, max_size=3),
    overflow=st.sampled_from(["fold", "crop"]),
)
def test_wrapped_plain_cells_render_as_rich_text(
    texts: list[str], widths: list[int], overflow: Literal["fold", "crop"]
) -> None:
    """Long cells that wrap over several lines (words longer than the column, wide
    characters, runs of blanks at a break), left and right justified, folded or cropped: the
    same lines as rich's Text."""
    widths = widths[: len(texts)]
    for colour in (False, True):
        fast = _render([PlainCell(t) for t in texts], widths, colour, overflow)
        assert fast == _render([Text(t) for t in texts], widths, colour, overflow)


def test_a_long_name_wraps_between_words() -> None:
    """The wrapped lines themselves, written out: 'Tỷ lệ che phủ rừng' in 8 cells breaks
    after 'lệ' (8 cells: 'Tỷ lệ ch' would cut a word) and pads each line to 8 cells."""
    assert wrapped("Tỷ lệ che phủ rừng", 8, left=True, fold=True) == ["Tỷ lệ   ", "che phủ ", "rừng    "]
    assert wrapped("Tỷ lệ che phủ rừng", 8, left=False, fold=True) == ["   Tỷ lệ", " che phủ", "    rừng"]
    # a word longer than the column: folded at the width, or cropped to it
    assert wrapped("abcdefghij xy", 4, left=True, fold=True) == ["abcd", "efgh", "ij  ", "xy  "]
    assert wrapped("abcdefghij xy", 4, left=True, fold=False) == ["abcd", "xy  "]


def _one_style(text: str, style: str, whole: bool) -> Text:
    """``Text(text, style=style)`` (whole) or ``Text(text)`` stylized from start to end."""
    if whole:
        return Text(text, style=style)
    stylized = Text(text)
    stylized.stylize(style)
    return stylized


@settings(max_examples=300, deadline=None)
@given(
    texts=st.lists(st.one_of(_TEXTS, _WORDS), min_size=1, max_size=3),
    widths=st.lists(st.integers(1, 12), min_size=3, max_size=3),
    styles=st.lists(st.sampled_from(["green", "bold cyan", "red", "dim"]), min_size=3, max_size=3),
    whole=st.lists(st.booleans(), min_size=3, max_size=3),
)
def test_styled_cells_render_as_rich_text(
    texts: list[str], widths: list[int], styles: list[str], whole: list[bool]
) -> None:
    """A Text of one style (a status in its colour, an area's name in bold cyan), fitting its
    column or wrapped over several lines, left and right justified, in colour and without:
    cell() prints exactly what the Text prints (the padding styled with a base style, unstyled
    with a span)."""
    widths = widths[: len(texts)]
    for colour in (False, True):
        fast = [cell(_one_style(t, s, w)) for t, s, w in zip(texts, styles, whole, strict=False)]
        slow = [_one_style(t, s, w) for t, s, w in zip(texts, styles, whole, strict=False)]
        assert _render(list(fast), widths, colour) == _render(list(slow), widths, colour)


def test_styled_padding_written_out() -> None:
    """In colour, a status stylized in green pads after the colour is reset; an area's name in
    bold cyan (its base style) keeps the style over the padding (the table's lines are the
    title 't', the header, its rule, then the cell)."""
    status = _render([cell(_one_style("ok", "green", whole=False))], [4], colour=True).splitlines()[-1]
    assert status == "\x1b[32mok\x1b[0m  "
    area = _render([cell(_one_style("ok", "bold cyan", whole=True))], [4], colour=True).splitlines()[-1]
    assert area == "\x1b[1;36mok  \x1b[0m"


def test_cell_keeps_styled_text_and_markup() -> None:
    styled = Text("130,0", style="green")
    assert isinstance(cell(styled), StyledCell)
    several = Text.assemble(("130,0", "green"), " ", ("███", "green"))
    assert cell(several) is several  # several styles: rich renders it
    assert cell("[bold]x[/bold]") == "[bold]x[/bold]"  # a string with markup stays rich's to render
    assert isinstance(cell(Text("55 → 60")), PlainCell)
    assert isinstance(cell(""), PlainCell)
