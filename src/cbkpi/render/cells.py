"""Table cells of plain text that rich renders without its word wrapper when they fit.

A status table has about a thousand cells; rich renders each :class:`rich.text.Text` through
its full word wrapper (split, divide, justify, join), the larger part of the time the command
spends laying out its tables. Almost every cell is unstyled text on one line that fits its
column, and for that case the wrapper's result is known: the text padded to the column's width
on the side its justification says. :class:`PlainCell` yields exactly those segments and hands
every other case (a line break, a tab, a word longer than the column, centred or full
justification) to rich's own :class:`~rich.text.Text`, so the output is the same byte for byte.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.cells import cell_len
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
        if (
            justify in ("left", "right")
            and overflow != "ignore"
            and "\n" not in plain
            and "\t" not in plain
            and len(plain) <= width
        ):
            cells = cell_len(plain)
            if cells <= width:
                if justify == "left":  # rich: truncate(width, pad=True)
                    yield Segment(plain + " " * (width - cells))
                else:  # rich: rstrip(), then pad_left to the width
                    stripped = plain.rstrip()
                    yield Segment(" " * (width - cell_len(stripped)) + stripped)
                yield NEWLINE
                return
        yield from Text(plain).__rich_console__(console, options)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Text(self.plain).__rich_measure__(console, options)


def cell(text: Text | str) -> Text | str | PlainCell:
    """``text`` as a cell: a :class:`PlainCell` when it is an unstyled :class:`~rich.text.Text`
    or the empty string; anything else (styles, markup) unchanged."""
    if isinstance(text, str):
        return PlainCell(text) if text == "" else text
    plain = not text.style and not text.spans and text.justify is None and text.overflow is None
    if plain and not text.no_wrap and text.end == "\n" and text.tab_size is None:
        return PlainCell(text.plain)
    return text
