"""``cbkpi status --format table``: rich tables grouped by area, with colour and bars."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO

from cbkpi.calc import Figure
from cbkpi.i18n import t
from cbkpi.render import tracking as rt
from cbkpi.render.cells import PlainCell, cell
from cbkpi.render.fit import blocks, make_console, plan_widths
from cbkpi.render.status import AREAS, rows, source_line, title
from cbkpi.render.words import agreement_text
from cbkpi.safe_text import escape_control
from cbkpi.status import TermStatus
from cbkpi.tracking import TermTracking

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from cbkpi.pipeline import StatusReport

NARROW = 100
"""Below this many columns the unit column is folded into the indicator's name."""


def print_tables(terms: Sequence[TermStatus], lang: str, width: int | None = None, out: TextIO | None = None) -> None:
    """Rich tables grouped by area, with colour and a bar for achievement, laid out by
    :mod:`cbkpi.render.fit`: figures never wrap or get cut; below 100 columns the unit joins
    the indicator's name; from :data:`ID_WIDTH` columns the ids ``cbkpi show`` takes are a
    column; when the table cannot fit, one record per block."""
    from rich.text import Text

    console = make_console(width, out)
    narrow = console.width < NARROW
    for term in terms:
        keys = (
            ["col_no", "col_indicator", "col_unit", "col_baseline", "col_target", "col_required", "col_implied"]
            if term.data.kind == "targets"
            else ["col_no", "col_indicator", "col_unit", "col_target", "col_result", "col_achievement", "col_published"]
        )
        statuses = [ts for ind in term.indicators for ts in ind.targets]
        ids = [ind.indicator.id if k == 0 else "" for ind in term.indicators for k in range(len(ind.targets))]
        body: list[tuple[str, list[Text | PlainCell]]] = []
        for (area, cells), ts, ind_id in zip(rows(term, lang), statuses, ids, strict=True):
            # text, never markup: PlainCell is Text(plain) without a Text per cell
            rendered: list[Text | PlainCell] = [PlainCell(escape_control(c)) for c in cells[: len(keys)]]
            if term.data.kind == "results":
                rendered[5] = _bar(ts.achievement_pct, cells[5], ts.met)
            if narrow:
                if cells[2] and cells[1]:
                    rendered[1] = PlainCell(escape_control(f"{cells[1]} ({cells[2]})"))
                del rendered[2]
            body.append((area, [*rendered, PlainCell(ind_id)]))
        shown = [k for k in keys if not (narrow and k == "col_unit")]
        heading = f"{title(term, lang)}\n{escape_control(source_line(term, lang))}"
        _print_grouped(console, heading, [*shown, "col_id"], body, lang, term.area_label)
        if any(ts.required_pace.note == "already_met" for ts in statuses):
            console.print(Text(f"✓ {t('already_met', lang)}"))
        for ind in term.indicators:
            for note in agreement_text(ind, lang):
                name = escape_control(ind.indicator.name.get(lang))
                console.print(Text(f"• {t('agreement_named', lang, name=name)}: {note}"))
        console.print()
        if term.tracking is not None:
            _print_tracking(console, term.tracking, lang)


ID_WIDTH = 120
"""From this many columns the status tables show each indicator's id (what ``cbkpi show`` and
observation files name it by) in a last column; ``cbkpi list`` shows them at any width."""

_NUMERIC = {"col_required", "col_implied", "col_achievement", "col_published", "col_projected", "col_needed"}
_FIRST = _NUMERIC | {"col_no", "col_id", "col_latest"}
"""Columns kept on one line first; the others (names, units, targets in words, pace, status)
share the room left."""


def _print_grouped(
    console: Console,
    heading: str,
    keys: Sequence[str],
    body: Sequence[tuple[str, Sequence[Text | PlainCell]]],
    lang: str,
    area_label: Callable[[str, str], str] | None = None,
) -> None:
    """A table of ``body`` rows grouped under their area's name (the id column ``col_id``
    last, dropped below :data:`ID_WIDTH` or when it does not fit). ``area_label``: an area's
    name (the report's declared areas); by default the built-in translation."""
    from rich.text import Text

    def name(area: str) -> str:
        return (area_label or t)(area, lang).upper()

    with_ids = console.width >= ID_WIDTH
    headers = [_stacked(t(k, lang)) if k in _NUMERIC else t(k, lang) for k in keys]
    plain = [[c.plain for c in cells] for _area, cells in body]
    areas = {area for area, _cells in body if area}
    plain += [["", name(area), *[""] * (len(keys) - 2)] for area in sorted(areas)]  # area rows
    widths = None
    if with_ids:
        widths = plan_widths(
            headers, plain, console.width, [k for k, key in enumerate(keys) if key in _FIRST], _foldable(keys)
        )
    if widths is None:
        with_ids = False
        keys, headers, plain = keys[:-1], headers[:-1], [p[:-1] for p in plain]
        widths = plan_widths(
            headers, plain, console.width, [k for k, key in enumerate(keys) if key in _FIRST], _foldable(keys)
        )
    if widths is None:
        by_area: dict[str, list[Sequence[str]]] = {a: [] for a in AREAS}
        for (area, _texts), record in zip(body, plain, strict=False):  # plain: the area rows last
            by_area.setdefault(area, []).append(record)
        _print_blocks(console, heading, headers, [(name(a) if a else "", r) for a, r in by_area.items() if r])
        return
    table = _table(heading)
    for key, header, w in zip(keys, headers, widths, strict=True):
        # the header as text, never markup (as the console prints a string header: no markup,
        # no highlighting), in the header style that rich applies to the cell
        table.add_column(PlainCell(header), justify="right" if key in _NUMERIC else "left", overflow="fold", width=w)
    grouped: dict[str, list[Sequence[Text | PlainCell]]] = {a: [] for a in AREAS}
    for area, cells in body:
        grouped.setdefault(area, []).append(cells if with_ids else cells[:-1])
    for area, items in grouped.items():
        if not items:
            continue
        if area:
            table.add_row(cell(""), cell(Text(name(area), style="bold cyan")), *[cell("")] * (len(keys) - 2))
        for cells in items:
            table.add_row(*map(cell, cells))
        table.add_section()
    console.print(table, crop=False)


def _foldable(keys: Sequence[str]) -> list[int]:
    return [k for k, key in enumerate(keys) if key in ("col_indicator", "col_unit")]


def _print_blocks(
    console: Console, heading: str, headers: Sequence[str], groups: Sequence[tuple[str, Sequence[Sequence[str]]]]
) -> None:
    """One record per block, under the table's title and each group's name (an area)."""
    from rich.text import Text

    lines = blocks(heading, [], [], console.width)
    for name, records in groups:
        if name:
            lines += ["", *blocks(name, [], [], console.width)]
        lines += blocks("", headers, records, console.width)
    for line in lines:
        console.print(
            Text(line, style="bold" if line in (heading, *[n for n, _ in groups]) else ""), no_wrap=True, crop=False
        )


def _table(heading: str) -> Table:
    from rich import box
    from rich.table import Table

    return Table(
        title=heading,
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        expand=False,
        title_justify="left",
        title_style="bold",
        padding=(0, 0),
    )


def _print_tracking(console: Console, tracking: TermTracking, lang: str) -> None:
    from rich.text import Text

    keys = ["col_no", "col_indicator", "col_latest", "col_pace", "col_status", "col_projected", "col_needed", "col_id"]
    body: list[tuple[str, list[Text | PlainCell]]] = []
    for it, tr, cells in rt.rows(tracking, lang):
        style = rt.STATUS_STYLE.get(tr.status if tr else "", "")
        texts: list[Text | PlainCell] = [PlainCell(escape_control(c)) for c in cells]
        status = Text(texts[4].plain)
        status.stylize(style)
        texts[4] = status
        body.append(("", [*texts, PlainCell(it.indicator.id if cells[0] or cells[1] else "")]))
    _print_grouped(console, t("title_tracking", lang, year=tracking.as_of), keys, body, lang)
    count = rt.verdict_count(tracking)
    if count is not None:
        console.print(Text(t("verdict_count", lang, met=count[0], total=count[1], year=tracking.as_of), style="bold"))
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
    """Achievement with its bar (:func:`achievement_bar`) and ✓/✗ for met."""
    from rich.text import Text

    mark = " " if met is None else "✓" if met else "✗"
    if fig.value is None:
        return Text.assemble(text, " ", mark)
    value = fig.value
    style = "green" if met or value >= 100 else "yellow" if value >= 80 else "red"
    return Text.assemble((text, style), " ", (achievement_bar(value), style), " ", (mark, style))


def achievement_bar(pct: float) -> str:
    """Five cells for 0-100 % (a full block per whole 20 %, so 99 % is not full), then past
    100 % one ``▸`` per half doubling, on a log scale: ``▸`` up to 141 %, ``▸▸`` up to 200 %,
    ``▸▸▸`` up to 283 %, ``▸▸▸▸`` beyond. 100 %, 130 % and 285 % look different."""
    import math

    full = max(0, min(5, math.floor(pct / 20)))
    over = 0 if pct <= 100 else min(4, math.ceil(2 * math.log2(pct / 100)))
    return "█" * full + "·" * (5 - full) + "▸" * over


def write_table(report: StatusReport, lang: str, width: int | None, out: TextIO) -> None:
    """The status registry's ``table``: the tables, then the baseline revisions and the data
    warnings (once, below the tables)."""
    from rich.text import Text

    print_tables(report.terms, lang, width, out)
    console = make_console(width, out)
    for line in rt.notes_below(report, lang):
        console.print(Text(escape_control(line)), overflow="fold")
