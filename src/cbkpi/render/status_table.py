"""``cbkpi status --format table``: rich tables grouped by area, with colour and bars."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from cbkpi.calc import Figure
from cbkpi.i18n import t
from cbkpi.render.status import AREAS, rows, source_line, title
from cbkpi.render.words import agreement_text
from cbkpi.status import TargetStatus, TermStatus
from cbkpi.tracking import TermTracking

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from cbkpi.pipeline import StatusReport

_MIN_WIDTH = {"col_indicator": 14, "col_target": 12, "col_achievement": 11, "col_implied": 9, "col_published": 6}
_MAX_WIDTH = {
    "col_no": 4,
    "col_unit": 10,
    "col_baseline": 13,
    "col_target": 18,
    "col_result": 12,
    "col_required": 10,
    "col_implied": 10,
    "col_published": 8,
}


NARROW = 100
"""Below this many columns the unit column is folded into the indicator's name."""


def make_console(width: int | None, out: TextIO | None = None) -> Console:
    """A console of ``width`` columns; a pipe gets 100 (not rich's 80) unless COLUMNS says."""
    import os

    from rich.console import Console

    console = Console(width=width, file=out) if width else Console(file=out)
    if width is None and not console.is_terminal and "COLUMNS" not in os.environ:
        console = Console(width=NARROW, file=out)
    return console


def print_tables(terms: Sequence[TermStatus], lang: str, width: int | None = None, out: TextIO | None = None) -> None:
    """Rich tables grouped by area, with colour and a bar for achievement. Figures never wrap
    or get cut; below 100 columns the unit joins the indicator's name to make room."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    console = make_console(width, out)
    narrow = console.width < NARROW
    for term in terms:
        table = Table(
            title=f"{title(term, lang)}\n{source_line(term, lang)}",
            box=box.SIMPLE_HEAD,
            show_edge=False,
            pad_edge=False,
            expand=False,
            title_justify="left",
            title_style="bold",
            collapse_padding=True,
        )
        keys = (
            ["col_no", "col_indicator", "col_unit", "col_baseline", "col_target", "col_required", "col_implied"]
            if term.data.kind == "targets"
            else ["col_no", "col_indicator", "col_unit", "col_target", "col_result", "col_achievement", "col_published"]
        )
        shown = [k for k in keys if not (narrow and k == "col_unit")]
        _add_columns(table, shown, lang)
        grouped: dict[str, list[tuple[list[str], TargetStatus]]] = {a: [] for a in AREAS}
        statuses = [ts for ind in term.indicators for ts in ind.targets]
        for (area, cells), ts in zip(rows(term, lang), statuses, strict=True):
            grouped.setdefault(area, []).append((cells, ts))
        for area, items in grouped.items():
            if not items:
                continue
            table.add_row("", Text(t(area, lang).upper(), style="bold cyan"), *[""] * (len(shown) - 2))
            for cells, ts in items:
                rendered: list[Text] = [Text(c) for c in cells[: len(keys)]]  # data is text, never markup
                if term.data.kind == "results":
                    rendered[5] = _bar(ts.achievement_pct, cells[5], ts.met)
                if narrow:
                    if cells[2] and cells[1]:
                        rendered[1] = Text(f"{cells[1]} ({cells[2]})")
                    del rendered[2]
                table.add_row(*rendered)
            table.add_section()
        console.print(table)
        if any(ts.required_annual_growth_pct.note == "already_met" for ind in term.indicators for ts in ind.targets):
            console.print(Text(f"✓ {t('already_met', lang)}"))
        for ind in term.indicators:
            for note in agreement_text(ind, lang):
                console.print(Text(f"• {t('agreement', lang, id=ind.indicator.id)}: {note}"))
        console.print()
        if term.tracking is not None:
            _print_tracking(console, term.tracking, lang)


_NUMERIC = {"col_required", "col_implied", "col_achievement", "col_published"}


def _add_columns(table: Table, keys: Sequence[str], lang: str) -> None:
    """Figure columns right-aligned, never wrapped, with their header on two lines."""
    for key in keys:
        table.add_column(
            _stacked(t(key, lang)) if key in _NUMERIC else t(key, lang),
            justify="right" if key in _NUMERIC else "left",
            overflow="fold",
            no_wrap=key in _NUMERIC or key == "col_no",
            min_width=_MIN_WIDTH.get(key),
            max_width=None if key in _NUMERIC else _MAX_WIDTH.get(key),
        )


def _print_tracking(console: Console, tracking: TermTracking, lang: str) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from cbkpi.render import tracking as rt

    table = Table(
        title=t("title_tracking", lang, year=tracking.as_of),
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        title_justify="left",
        title_style="bold",
        collapse_padding=True,
    )
    for k, header in enumerate(rt.headers(lang)):
        table.add_column(
            header,
            justify="right" if k in (5, 6) else "left",
            overflow="fold",
            no_wrap=k in (0, 5, 6),
            min_width={1: 14, 4: 12}.get(k),
            max_width={2: 12, 3: 16}.get(k),
        )
    for _it, tr, cells in rt.rows(tracking, lang):
        style = rt.STATUS_STYLE.get(tr.status if tr else "", "")
        table.add_row(*[Text(c) for c in cells[:4]], Text(cells[4], style=style), *[Text(c) for c in cells[5:]])
    console.print(table)
    console.print()


def _stacked(header: str) -> str:
    """A figure column's header on two lines ("Tốc độ cần\n(%/năm)"): its cells never wrap,
    so a long one-line header would widen the column."""
    head, sep, tail = header.partition(" (")
    if sep:
        return f"{head}\n({tail}"
    words = header.split(" ")
    half = (len(words) + 1) // 2
    return " ".join(words[:half]) + ("\n" + " ".join(words[half:]) if len(words) > 1 else "")


def _bar(fig: Figure, text: str, met: bool | None) -> Text:
    """Achievement with a five-block bar (a block per 20 %, full at 100 %) and ✓/✗ for met."""
    from rich.text import Text

    mark = " " if met is None else "✓" if met else "✗"
    if fig.value is None:
        return Text.assemble(text, " ", mark)
    value = fig.value
    style = "green" if met or value >= 100 else "yellow" if value >= 80 else "red"
    blocks = max(0, min(5, round(value / 20)))
    return Text.assemble((text, style), " ", ("█" * blocks + "·" * (5 - blocks), style), " ", (mark, style))


def write_table(report: StatusReport, lang: str, width: int | None, out: TextIO) -> None:
    """The status registry's ``table``."""
    print_tables(report.terms, lang, width, out)
