"""Table cells of plain (or one-style) text that rich renders without building a Text per line.

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
output is the same byte for byte. :class:`StyledCell` does the same for a Text of one style
(a status in its colour), with the styles where rich's Text puts them.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich._wrap import divide_line
from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
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
    return ["".join(parts) for parts in wrapped_parts(plain, width, left, fold)]


def wrapped_parts(plain: str, width: int, left: bool, fold: bool) -> list[tuple[str, str, str]]:
    """:func:`wrapped`'s lines as (padding before, text, padding after): the text is what
    rich keeps of the line (a style spanning the whole text spans it), the padding what its
    justification adds."""
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
            lines.append(("", line, " " * (width - cells) if cells < width else ""))
        else:  # Lines.justify: rstrip(), truncate(width), pad_left to the width
            line = line.rstrip()
            if cell_len(line) > width:
                line = set_cell_size(line, width)
            lines.append((" " * (width - cell_len(line)), line, ""))
        # Text.wrap's last truncate(width) never cuts: each line is at most the width by now
    return lines


class StyledCell:
    """A :class:`~rich.text.Text` of one style on one line, rendered as the Text itself would be
    when it fits its column: ``Text(plain, style=s)`` styles the padding too (rich turns the
    base style into a span over the padded line), a Text stylized whole (``Text(plain)`` then
    ``stylize(s)``) leaves the padding unstyled. Anything else is the Text's own rendering."""

    __slots__ = ("text", "whole")

    def __init__(self, text: Text, whole: bool) -> None:
        self.text = text
        self.whole = whole

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterable[Segment]:
        plain = self.text.plain
        width = options.max_width
        justify = options.justify or "default"
        overflow = options.overflow or "fold"
        if justify in ("left", "right") and overflow in ("fold", "crop") and "\n" not in plain and "\t" not in plain:
            left = justify == "left"
            line = fitted(plain, width, left)
            if line:
                text = plain if left else plain.rstrip()
                pad = line[len(text) :] if left else line[: len(line) - len(text)]
                lines = [("", text, pad) if left else (pad, text, "")]
            elif not options.no_wrap and width > 0:
                lines = wrapped_parts(plain, width, left, overflow == "fold")
            else:
                lines = []
            if lines:
                yield from self._segments(console, lines)
                yield NEWLINE
                return
        yield from self.text.__rich_console__(console, options)

    def _segments(self, console: Console, lines: list[tuple[str, str, str]]) -> Iterable[Segment]:
        """Text.render of the wrapped lines joined by line breaks: a base style spans each
        padded line, a span only each line's text; the padding and the breaks unstyled."""
        none = Style.null()
        style = console.get_style(self.text.style if self.whole else self.text.spans[0].style, default=none)
        for k, (before, text, after) in enumerate(lines):
            if k:
                yield Segment("\n", none)
            if self.whole:
                yield Segment(before + text + after, style)
                continue
            if before:
                yield Segment(before, none)
            if text:
                yield Segment(text, style)
            if after:
                yield Segment(after, none)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return self.text.__rich_measure__(console, options)


def cell(text: Text | str | PlainCell) -> Text | str | PlainCell | StyledCell:
    """``text`` as a cell: a :class:`PlainCell` when it is an unstyled :class:`~rich.text.Text`
    or the empty string, a :class:`StyledCell` when it is a Text of one style; anything else
    (several styles, markup, a PlainCell already) unchanged."""
    if isinstance(text, PlainCell):
        return text
    if isinstance(text, str):
        return PlainCell(text) if text == "" else text
    if text.justify is not None or text.overflow is not None or text.no_wrap or text.end != "\n":
        return text
    if text.tab_size is not None:
        return text
    spans = text.spans
    if not text.style and not spans:
        return PlainCell(text.plain)
    if text.style and not spans:
        return StyledCell(text, whole=True)
    if not text.style and len(spans) == 1 and spans[0].start == 0 and spans[0].end == len(text.plain):
        return StyledCell(text, whole=False)
    return text
