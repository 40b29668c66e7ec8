"""``cbkpi show ID``: one indicator in full, with a chart in the terminal."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.console import Console

from cbkpi.i18n import format_decimal, format_number, t
from cbkpi.observations import Located
from cbkpi.render.chart import text_chart
from cbkpi.render.tracking import needed_text, revision_text, status_text
from cbkpi.render.words import baseline_text, figure_text, pace_text, result_text, target_text, unit_label
from cbkpi.revisions import Revision
from cbkpi.safe_text import escape_control, shorten
from cbkpi.series import Series
from cbkpi.status import IndicatorStatus, TermStatus
from cbkpi.tracking import IndicatorTracking


def print_show(
    console: Console,
    found: Sequence[tuple[TermStatus, IndicatorStatus]],
    observations: Sequence[Located],
    effective: dict[int, Located],
    tracking: IndicatorTracking | None,
    series: Sequence[Series],
    lang: str,
    revisions: Sequence[Revision] = (),
) -> None:
    def say(text: str = "", bold: bool = False) -> None:
        # Names, sources and notes come from data files: printed as text, never as markup, with
        # their control characters (escape sequences, line breaks) written visibly.
        console.print(escape_control(text), style="bold" if bold else None, markup=False, highlight=False)

    found = sorted(found, key=lambda pair: pair[0].data.kind != "targets")  # the current term first
    ind = found[0][1].indicator
    say(f"{ind.label}. {ind.name.get(lang)}", bold=True)
    say(
        f"{t('show_id', lang)}: {ind.id}   {t('col_unit', lang)}: {unit_label(ind.unit, lang)}   "
        f"{t('show_area', lang)}: {t(ind.area, lang)}   {t('better_' + ind.direction, lang)}"
    )
    for term, status in found:
        i = status.indicator
        say()
        if term.data.kind == "targets":
            say(f"{t('show_targets', lang)} {term.data.term.start}-{term.data.term.end} ({term.file})", bold=True)
            if i.baseline is not None:
                ref = f" — {t('show_source', lang, line=i.baseline.ref.line)}" if i.baseline.ref else ""
                say(f"  {t('col_baseline', lang)}: {baseline_text(status, lang)}{ref}")
                for r in revisions:
                    if r.indicator == i.id:
                        say(f"    {t('show_revised', lang)}: {revision_text(r, lang)}")
            for ts in status.targets:
                figures = []
                if ts.pace_unit is not None:
                    pace = pace_text(ts.required_pace, ts.pace_unit, ts.unit, lang)
                    figures.append(f"{t('col_required', lang)}: {pace}")
                if ts.required_annual_growth_pct.reason != "not_applicable" and ts.pace_unit != "pct_per_year":
                    rate = pace_text(ts.required_annual_growth_pct, "pct_per_year", ts.unit, lang)
                    figures.append(f"{t('col_required_rate', lang).partition(' (')[0]}: {rate}")
                if ts.implied_end_value.value is not None:
                    figures.append(f"{t('col_implied', lang)}: {figure_text(ts.implied_end_value, lang)}")
                extra = f"; {'; '.join(figures)}" if figures else ""
                say(f"  • {target_text(ts, i.unit, lang)}{extra} — {t('show_source', lang, line=ts.target.ref.line)}")
        else:
            say(
                f"{t('show_results', lang, start=term.data.term.start, end=term.data.term.end)} ({term.file})",
                bold=True,
            )
            for ts in status.targets:
                pr = ts.target.published_ratio
                printed = f"; {t('col_published', lang)}: {format_decimal(pr.value, lang)}" if pr else ""
                say(
                    f"  • {target_text(ts, i.unit, lang)} → {result_text(ts, lang)}; "
                    f"{t('col_achievement', lang)} {figure_text(ts.achievement_pct, lang, 1)}{printed}"
                )
    say()
    say(f"{t('show_observations', lang)}", bold=True)
    if not observations:
        say(f"  {t('show_no_observations', lang)}")
    lines = []
    for item in sorted(observations, key=lambda o: (o.obs.year, o.file, o.index)):
        o = item.obs
        flags = [t("estimate", lang)] if o.estimate else []
        if effective.get(o.year) is not item:
            flags.append(t("show_superseded", lang))
        if o.series_break:
            flags.append(t("show_series_break", lang))
        if o.definition:
            flags.append(o.definition)
        flag = f" [{', '.join(flags)}]" if flags else ""
        comp = f"{t(o.comparator, lang)} " if o.comparator and t(o.comparator, lang) else ""
        unit = f" {unit_label(o.unit, lang)}" if o.unit else ""
        lines.append(
            f"  {o.year}: {comp}{format_decimal(o.value, lang)}{unit}{flag} — {o.source} ({item.file}:{item.line})"
        )
        if o.quote:
            lines.append(f"      “{shorten(o.quote, 160)}”")
    _write_plain(console, [escape_control(line) for line in lines], say)
    if tracking is not None:
        for tr in tracking.targets:
            if tr.latest_value is None:
                continue
            say(
                f"  → {status_text(tr, lang, tracking)}; {t('col_projected', lang)} "
                f"{format_number(tr.projected_end_value.value, lang, 2)}; {t('col_needed', lang)} "
                f"{needed_text(tracking, tr, lang)}"
            )
    lines = text_chart(series, lang, width=max(16, min(56, console.width - 12)))
    if lines:
        say()
        say(f"{t('show_chart', lang)}", bold=True)
        for line in lines[:-1]:  # a chart row is never wrapped: its spaces are positions
            console.print(line, markup=False, highlight=False, no_wrap=True, crop=False, overflow="ignore")
        say(lines[-1])  # the legend wraps between words


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
