"""The width contract of the terminal tables (``status``, ``show``, ``audit``).

A table is laid out by :func:`plan_widths`, not by rich's own shrinking (which, when a table is
too wide, narrows columns below their longest word and so cuts numbers: ``17,9`` for ``17,98``).
Every column gets at least its longest word (a number is one word), text wraps between words,
and the room left goes first to the figure columns, then to names and units. When even the
longest words do not fit side by side, the caller prints one record per block instead
(:func:`blocks`), where every line wraps between words and a number is never split.

Output that does not go to a terminal is laid out for :data:`PIPED_WIDTH` columns.
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from rich.cells import cell_len

if TYPE_CHECKING:
    from rich.console import Console

PIPED_WIDTH = 80
"""Columns of output sent to a pipe or a file (unless ``--width`` or ``COLUMNS`` says): the
width ``less``, e-mail and most terminals show without wrapping."""

MIN_TABLE_WIDTH = 60
"""From this width up every table keeps all its columns (tested); below it, blocks."""

GAP = 1
"""Spaces between two columns: the divider of rich's SIMPLE_HEAD box (cells have no padding)."""


FOLD_MIN = 10
"""Narrowest a name or unit column gets (a longer word in it folds: names fold, never figures)."""


def make_console(width: int | None, out: TextIO | None = None) -> Console:
    """A console of ``width`` columns; a pipe gets :data:`PIPED_WIDTH` unless COLUMNS says."""
    from rich.console import Console

    # markup and emoji codes off: a name or a source title from the data ("[link=…]", ":smile:")
    # is text to print as written, never instructions to rich
    console = Console(width=width, file=out, markup=False, emoji=False)
    if width is None and not console.is_terminal and "COLUMNS" not in os.environ:
        console = Console(width=PIPED_WIDTH, file=out, markup=False, emoji=False)
    return console


def terminal_width() -> int | None:
    """The terminal's columns, or None when standard output is not a terminal (nor COLUMNS set)."""
    console = make_console(None)
    return console.width if console.is_terminal or "COLUMNS" in os.environ else None


def longest_word(text: str) -> int:
    """Cells of the longest word of ``text`` (0 for blank text)."""
    return max((cell_len(word) for word in text.split()), default=0)


def longest_line(text: str) -> int:
    return max((cell_len(line) for line in text.splitlines()), default=0)


def plan_widths(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    width: int,
    first: Sequence[int] = (),
    foldable: Sequence[int] = (),
) -> list[int] | None:
    """A width per column so that the table fits in ``width`` with no figure cut, or None.

    Each column gets its longest word (header included), except the ``foldable`` ones (names,
    units: text, never figures), which may fold a long word (``National-standard``) from
    :data:`FOLD_MIN` cells; the columns of ``first`` (figures) then get what keeps their cells
    on one line; the room left is shared among the others (names, units, targets in words) in
    proportion to what they still lack."""
    columns = list(zip(headers, *rows, strict=True)) if rows else [(h,) for h in headers]
    low = [max(longest_word(c) for c in col) for col in columns]
    low = [min(w, FOLD_MIN) if k in foldable else w for k, w in enumerate(low)]
    high = [max(longest_line(c) for c in col) for col in columns]
    room = width - GAP * (len(columns) - 1) - sum(low)
    if room < 0:
        return None
    widths = list(low)
    for k in first:
        extra = min(room, high[k] - widths[k])
        widths[k] += extra
        room -= extra
    rest = [k for k in range(len(columns)) if k not in first]
    lack = {k: high[k] - widths[k] for k in rest}
    total = sum(lack.values())
    if total:
        for k in rest:
            extra = min(lack[k], room * lack[k] // total)
            widths[k] += extra
        left = width - GAP * (len(columns) - 1) - sum(widths)
        for k in sorted(rest, key=lambda k: -lack[k]):  # what the rounding down left over
            extra = min(left, high[k] - widths[k])
            widths[k] += extra
            left -= extra
    return widths


def blocks(title: str, headers: Sequence[str], rows: Sequence[Sequence[str]], width: int) -> list[str]:
    """One record per block, ``header: value`` a line, wrapped between words to ``width``."""

    def wrap(text: str, indent: str) -> list[str]:
        return textwrap.wrap(
            text,
            max(width, 10),
            initial_indent=indent,
            subsequent_indent=indent + "  ",
            break_long_words=False,
            break_on_hyphens=False,
        ) or [indent.rstrip()]

    lines = wrap(title, "") if title else []
    for row in rows:
        lines.append("")
        head = " ".join(part for part in (row[0], row[1]) if part.strip())
        lines += wrap(head, "") if head else []
        for header, cell in zip(headers[2:], row[2:], strict=True):
            if cell.strip():
                lines += wrap(f"{' '.join(header.split())}: {cell}", "  ")
    return lines
