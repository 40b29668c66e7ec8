"""Table cells of plain text that rich renders without its word wrapper when they fit.

A status table has about a thousand cells; rich renders each :class:`rich.text.Text` through
its full word wrapper (split, divide, justify, join), the larger part of the time the command
spends laying out its tables. Almost every cell is unstyled text on one line that fits its
column, and for that case the wrapper's result is known: the text padded to the column's width
on the side its justification says. A cell that does not fit (a long name) is wrapped with
rich's own line breaker (:func:`rich._wrap.divide_line`), each line then stripped, cropped and
padded as :meth:`rich.text.Text.wrap` does, without a Text for every line (a third of the cells
of the status tables wrap), and text of several lines (the stacked column headers) a line at
a time. :class:`PlainCell` yields exactly those segments and hands every other case (a tab,
centred or full justification, an ellipsis) to rich's own :class:`~rich.text.Text`, so the
output is the same byte for byte.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich._wrap import divide_line
from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions
    from rich.measure import Measurement

NEWLINE = Segment("\n")


class PlainCell:
    """Unstyled text for a table cell: rendered as ``Text(plain)`` would be."""

    __slots__ = ("plain",)

    def __init__(self, plain: str) -> None:
        self.plain = plain

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterable[Segment]:
        plain = self.plain
        width = options.max_width
        justify = options.justify or "default"
        overflow = options.overflow or "fold"
        if justify in ("left", "right") and overflow in ("fold", "crop") and "\t" not in plain:
            left = justify == "left"
            if "\n" not in plain:  # the usual cell: one line
                line = fitted(plain, width, left)
                if line is not None:
                    yield Segment(line)
                    yield NEWLINE
                    return
            if not options.no_wrap and width > 0:  # rich's Text.wrap, a paragraph at a time
                lines: list[str] = []
                for paragraph in plain.split("\n"):  # Text.split("\n", allow_blank=True)
                    line = fitted(paragraph, width, left)
                    lines += [line] if line is not None else wrapped(paragraph, width, left, overflow == "fold")
                yield Segment("\n".join(lines))
                yield NEWLINE
                return
        yield from Text(plain).__rich_console__(console, options)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Text(self.plain).__rich_measure__(console, options)


def fitted(line: str, width: int, left: bool) -> str | None:
    """One line of text that fits ``width`` cells, padded as rich's Text pads it (left:
    ``truncate(width, pad=True)``; right: ``rstrip()``, then ``pad_left``); None when it does
    not fit, or has more characters than ``width`` (combining marks: rich then strips trailing
    blanks by characters, Text.rstrip_end, as :func:`wrapped` does)."""
    if len(line) > width:
        return None
    cells = cell_len(line)
    if cells > width:
        return None
    if left:
        return line + " " * (width - cells)
    stripped = line.rstrip()
    return " " * (width - cell_len(stripped)) + stripped


_TRAILING_BLANKS = re.compile(r"\s+$")
"""What :meth:`rich.text.Text.rstrip_end` removes (rich's own expression)."""


def wrapped(plain: str, width: int, left: bool, fold: bool) -> list[str]:
    """The lines of one paragraph of unstyled text wrapped to ``width`` cells, as
    :meth:`rich.text.Text.wrap` makes them with left or right justification: rich's breaks,
    then per line the trailing blanks beyond the width removed, the line cropped (a word longer
    than the width is folded by the breaks, or cropped) and padded on the justified side."""
    offsets = [0, *divide_line(plain, width, fold=fold), len(plain)]
    lines = []
    for start, end in itertools.pairwise(offsets):
        line = plain[start:end]
        if len(line) > width:  # Text.rstrip_end(width)
            blanks = _TRAILING_BLANKS.search(line)
            if blanks is not None:
                line = line[: len(line) - min(len(blanks.group(0)), len(line) - width)]
        if left:  # Lines.justify: truncate(width, pad=True)
            cells = cell_len(line)
            if cells > width:
                line = set_cell_size(line, width)
            elif cells < width:
                line += " " * (width - cells)
        else:  # Lines.justify: rstrip(), truncate(width), pad_left to the width
            line = line.rstrip()
            if cell_len(line) > width:
                line = set_cell_size(line, width)
            line = " " * (width - cell_len(line)) + line
        if cell_len(line) > width:  # Text.wrap: truncate(width)
            line = set_cell_size(line, width)
        lines.append(line)
    return lines


def cell(text: Text | str | PlainCell) -> Text | str | PlainCell:
    """``text`` as a cell: a :class:`PlainCell` when it is an unstyled :class:`~rich.text.Text`
    or the empty string; anything else (styles, markup, a PlainCell already) unchanged."""
    if isinstance(text, PlainCell):
        return text
    if isinstance(text, str):
        return PlainCell(text) if text == "" else text
    plain = not text.style and not text.spans and text.justify is None and text.overflow is None
    if plain and not text.no_wrap and text.end == "\n" and text.tab_size is None:
        return PlainCell(text.plain)
    return text
