"""``cbkpi show ID``: one indicator in full across its terms, with one chart in the terminal."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rich.console import Console

from cbkpi.i18n import format_decimal, format_number, t
from cbkpi.observations import Located
from cbkpi.render.chart import text_chart
from cbkpi.render.status import source_line
from cbkpi.render.tracking import needed_text, revision_text, status_text
from cbkpi.render.words import (
    achievement_text,
    baseline_text,
    count_places,
    implied_text,
    pace_text,
    ref_text,
    required_text,
    result_text,
    target_text,
    unit_label,
)
from cbkpi.revisions import Revision
from cbkpi.safe_text import escape_control, shorten
from cbkpi.status import IndicatorStatus, TermStatus
from cbkpi.terms import term_name

if TYPE_CHECKING:
    from cbkpi.pipeline import IndicatorView
    from cbkpi.units import UnitRegistry

Say = Callable[..., None]


def baseline_origin_text(term: TermStatus, record: IndicatorStatus, lang: str) -> str:
    """Where a ``from_observations`` baseline came from ("" for a baseline written in the file)."""
    b = record.indicator.baseline
    if b is None or not b.from_observations:
        return ""
    item = term.origins.get(record.indicator.id)
    if item is None:
        return t("show_baseline_unobserved", lang, year=b.year)
    return t("show_baseline_from", lang, year=b.year, source=item.obs.source, place=f"{item.file}:{item.line}")


def view_units(view: IndicatorView) -> UnitRegistry:
    """The report's units (built-in and declared), as every term carries them."""
    return view.found[-1][0].units


def print_show(console: Console, view: IndicatorView, lang: str, revisions: Sequence[Revision] = ()) -> None:
    def say(text: str = "", bold: bool = False) -> None:
        # Names, sources and notes come from data files: printed as text, never as markup, with
        # their control characters (escape sequences, line breaks) written visibly.
        console.print(escape_control(text), style="bold" if bold else None, markup=False, highlight=False)

    ind = view.main.indicator
    first = next(term for term, record in view.found if record is view.main)
    say(ind.title(lang), bold=True)
    say(
        f"{t('show_id', lang)}: {ind.id}   {t('col_unit', lang)}: {unit_label(ind.unit, lang, first.units)}   "
        f"{t('show_area', lang)}: {first.area_label(ind.area, lang)}   {t('better_' + ind.direction, lang)}"
    )
    names = dict.fromkeys(term_name(term.data.term) for term, _ in view.found)
    say(f"{t('show_terms', lang)}: {', '.join(names)}")
    for term, status in view.found:
        say()
        if term.data.kind == "targets":
            _print_targets(say, console, term, status, view, lang, revisions)
        else:
            _print_results(say, term, status, lang)
    if not any(term.data.kind == "targets" for term, _ in view.found):
        say()
        say(f"{t('show_observations', lang)}", bold=True)
        _print_observations(say, console, view.observations, view, None, lang)
    lines = text_chart(view.series, lang, width=max(16, min(56, console.width - 12)), span=view.span)
    if lines:
        say()
        say(f"{t('show_chart', lang)}", bold=True)
        legends = next(k for k, line in enumerate(lines) if "└" in line) + 2  # after the x axis and its years
        for line in lines[:legends]:  # a chart row is never wrapped: its spaces are positions
            console.print(line, markup=False, highlight=False, no_wrap=True, crop=False, overflow="ignore")
        for line in lines[legends:]:
            say(line)  # the legends wrap between words


def _print_results(say: Say, term: TermStatus, status: IndicatorStatus, lang: str) -> None:
    say(f"{t('show_results', lang, start=term.data.term.start, end=term.data.term.end)} ({term.file})", bold=True)
    say(f"  {source_line(term, lang)}")
    for ts in status.targets:
        pr = ts.target.published_ratio
        printed = f"; {t('col_published', lang)}: {format_decimal(pr.value, lang)}" if pr else ""
        say(
            f"  • {target_text(ts, status.indicator.unit, lang)} → {result_text(ts, lang)}; "
            f"{t('col_achievement', lang)} {achievement_text(ts, lang)}{printed}"
        )


def _print_targets(
    say: Say,
    console: Console,
    term: TermStatus,
    status: IndicatorStatus,
    view: IndicatorView,
    lang: str,
    revisions: Sequence[Revision],
) -> None:
    i = status.indicator
    say(f"{t('show_targets', lang)} {term_name(term.data.term)} ({term.file})", bold=True)
    say(f"  {source_line(term, lang)}")
    if i.baseline is not None:
        origin = baseline_origin_text(term, status, lang) or (ref_text(i.baseline.ref, lang) if i.baseline.ref else "")
        ref = f" — {origin}" if origin else ""
        say(f"  {t('col_baseline', lang)}: {baseline_text(status, lang)}{ref}")
        for r in revisions:
            if r.indicator == i.id and r.year == i.baseline.year:
                say(f"    {t('show_revised', lang)}: {revision_text(r, lang)}")
    for ts in status.targets:
        figures = []
        if ts.pace_unit is not None:
            pace = pace_text(ts.required_pace, ts.pace_unit, ts.unit, lang)
            figures.append(f"{t('col_required', lang)}: {pace}")
        if ts.required_annual_growth_pct.reason != "not_applicable" and ts.pace_unit != "pct_per_year":
            rate = pace_text(ts.required_annual_growth_pct, "pct_per_year", ts.unit, lang)
            figures.append(f"{t('col_required_rate', lang).partition(' (')[0]}: {rate}")
        if ts.range_required is not None:
            figures.append(f"{t('col_required', lang)}: {required_text(ts, lang)}")
        if ts.implied_end_value.value is not None:
            figures.append(f"{t('col_implied', lang)}: {implied_text(ts, lang)}")
        extra = f"; {'; '.join(figures)}" if figures else ""
        say(f"  • {target_text(ts, i.unit, lang)}{extra} — {ref_text(ts.target.ref, lang)}")
    span = term.data.term
    items = [o for o in view.observations if span.start <= o.obs.year <= span.end]
    say(f"  {t('show_observations', lang)} {term_name(span)}")
    _print_observations(say, console, items, view, term, lang)
    tracking = term.tracking.indicators.get(i.id) if term.tracking else None
    if tracking is not None and term.tracking is not None:
        for tr in tracking.targets:
            if tr.latest_value is None:
                continue
            say(
                f"  → {t('title_tracking', lang, year=term.tracking.as_of)}: {status_text(tr, lang, tracking)}; "
                f"{t('col_projected', lang)} {format_number(tr.projected_end_value.value, lang, count_places(tr.projected_end_value, 2, tr.pace_unit == 'units_per_year'))}; "
                f"{t('col_needed', lang)} {needed_text(tracking, tr, lang)}"
            )


def _print_observations(
    say: Say, console: Console, items: list[Located], view: IndicatorView, term: TermStatus | None, lang: str
) -> None:
    """Observations in year order, estimates and superseded values flagged, the one a term's
    baseline was taken from marked."""
    if not items:
        say(f"    {t('show_no_observations', lang)}")
    base_item = term.origins.get(view.main.indicator.id) if term is not None else None
    lines = []
    for item in sorted(items, key=lambda o: (o.obs.year, o.file, o.index)):
        o = item.obs
        flags = [t("estimate", lang)] if o.estimate else []
        if view.effective.get(o.year) is not item:
            flags.append(t("show_superseded", lang))
        if o.series_break:
            flags.append(t("show_series_break", lang))
        if o.definition:
            flags.append(o.definition)
        if term is not None and base_item is not None and (item.file, item.index) == (base_item.file, base_item.index):
            flags.append(t("show_baseline_of", lang, term=term_name(term.data.term)))
        flag = f" [{', '.join(flags)}]" if flags else ""
        comp = f"{t(o.comparator, lang)} " if o.comparator and t(o.comparator, lang) else ""
        unit = f" {unit_label(o.unit, lang, view_units(view))}" if o.unit else ""
        lines.append(
            f"    {o.year}: {comp}{format_decimal(o.value, lang)}{unit}{flag} — {o.source} ({item.file}:{item.line})"
        )
        if o.quote:
            lines.append(f"        “{shorten(o.quote, 160)}”")
    _write_plain(console, [escape_control(line) for line in lines], say)


def _write_plain(console: Console, lines: Sequence[str], say: Callable[[str], None]) -> None:
    """Plain lines (one per observation) written straight to the console's stream, wrapped to
    its width by :mod:`textwrap`: rich lays out each printed text again (a rich print per line
    made 100,000 observations take tens of seconds). A line with wide or zero-width characters,
    whose width ``textwrap`` cannot count, still goes through rich."""
    import textwrap

    from rich.cells import cell_len

    width = max(console.width, 20)
    out: list[str] = []
    for line in lines:
        cells = cell_len(line)
        if cells <= width:
            out.append(line)
        elif cells == len(line):
            indent = " " * min(len(line) - len(line.lstrip(" ")) + 4, width // 2)
            out += textwrap.wrap(line, width, subsequent_indent=indent, break_on_hyphens=False, drop_whitespace=True)
        else:
            if out:
                console.file.write("\n".join(out) + "\n")
                out = []
            say(line)
    if out:
        console.file.write("\n".join(out) + "\n")
