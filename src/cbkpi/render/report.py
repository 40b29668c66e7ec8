"""``cbkpi export --format html``: a report worth printing.

One self-contained page (no script, no network): a header naming the province, the term(s),
the year the data reaches and the date the page was made; a summary of how many targets are
met, on track, off track or without data; a chart of every quantified indicator in a grid (two
side by side on a wide screen, one on a narrow one, two per row on A4 paper); then the tables
of ``cbkpi status``. Print styles lay it out on A4.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from html import escape

from cbkpi import __version__
from cbkpi.i18n import t
from cbkpi.models import SourceDoc
from cbkpi.observations import Located, ObservationSource
from cbkpi.render import status as rs
from cbkpi.render import tracking as rt
from cbkpi.render.chart import svg_chart
from cbkpi.render.words import agreement_text
from cbkpi.safe_text import shorten
from cbkpi.series import chart_series
from cbkpi.status import TermStatus
from cbkpi.terms import term_values

SUMMARY_GROUPS = {
    "met": "sum_met",
    "on_track": "sum_on_track",
    "moderate_progress": "sum_off_track",
    "insufficient_progress": "sum_off_track",
    "moving_away": "sum_off_track",
    "no_longer_reachable": "sum_off_track",
    "not_met": "sum_not_met",
    "no_data": "sum_no_data",
    "not_assessable": "sum_no_data",
    "target_year_unobserved": "sum_no_data",
}
"""Tracking statuses grouped for the summary at the top of the report."""
SUMMARY_ORDER = ("sum_met", "sum_on_track", "sum_off_track", "sum_not_met", "sum_no_data")
RESULT_ORDER = ("sum_met", "sum_not_met", "sum_unknown")

CHART_WIDTH, CHART_HEIGHT = 560, 300

CSS = """
* { box-sizing: border-box; }
body { font-family: system-ui, "Segoe UI", sans-serif; margin: 0 auto; padding: 1.5em 2em; color: #222;
       max-width: 1264px; line-height: 1.35; }
header.report { border-bottom: 3px solid #1f4e79; margin-bottom: 1.2em; padding-bottom: .6em; }
header.report h1 { font-size: 1.6em; margin: 0 0 .3em; color: #1f4e79; }
header.report p { margin: .15em 0; color: #444; }
h2 { font-size: 1.25em; margin-top: 1.8em; border-bottom: 1px solid #ccc; color: #1f4e79; }
.summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: .75em; }
.card { border: 1px solid #ccd; border-radius: 6px; padding: .6em .8em; background: #f7f9fc; }
.card b { display: block; font-size: 1.8em; }
.card.sum_met b, .card.sum_on_track b { color: #2a7d2a; } .card.sum_off_track b, .card.sum_not_met b { color: #b22; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); gap: 16px; }
figure.chart { margin: 0; border: 2px solid #7a9cc6; border-radius: 4px; padding: 6px; background: #fff;
               break-inside: avoid; }
figure.chart svg { display: block; width: 100%; height: auto; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-size: 0.85em; margin: 0.5em 0; }
th, td { border: 1px solid #ddd; padding: 0.25em 0.5em; vertical-align: top; }
th { background: #f3f3f3; text-align: left; } td.num { text-align: right; white-space: nowrap; }
tr.area td { background: #eef5fb; font-weight: bold; }
footer { margin-top: 3em; font-size: 0.8em; color: #666; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  .charts { grid-template-columns: 1fr 1fr; gap: 8px; }
  figure.chart, tr, .card { break-inside: avoid; }
  h2 { break-after: avoid; }
  thead { display: table-header-group; }
  .scroll { overflow: visible; }
  table { font-size: 8pt; }
}
"""


def made_on(date: dt.date | None, lang: str) -> str:
    if date is None:  # an undated (web) source
        return ""
    return f"{date.day:02d}/{date.month:02d}/{date.year}" if lang == "vi" else date.isoformat()


def source_text(source: SourceDoc, lang: str) -> str:
    details = ", ".join(x for x in (source.publisher, made_on(source.date, lang)) if x)
    return f"{source.title} ({details})"


SourceIndex = Mapping[tuple[str, str], ObservationSource]
"""An observation file's sources by (file, id): :attr:`cbkpi.pipeline.StatusReport.observation_sources`."""


def observation_source(o: Located, sources: SourceIndex, lang: str) -> str:
    """The source of an observation as a reader knows it: its title and, when the source prints
    one, its date (``Báo cáo … năm 2024 (31/12/2024)``); a legacy free-text source as written."""
    found = sources.get((o.file, o.obs.source))
    if found is None:
        return shorten(o.obs.source, 60)
    date = made_on(found.date, lang)
    limit = 45  # several sources share one caption line
    title = found.title if len(found.title) <= limit else found.title[:limit].rsplit(" ", 1)[0] + "…"
    return title + (f" ({date})" if date else "")


def chart_caption(
    source: SourceDoc, observations: Sequence[Located], lang: str, sources: SourceIndex | None = None
) -> str:
    """Where a chart's figures come from, two lines: the targets' document; the observations'
    sources by title and date (``sources``; without it, or for a source not listed, as the
    observation names it)."""
    named = list(dict.fromkeys(observation_source(o, sources or {}, lang) for o in observations))
    yearly = (
        t("chart_observations_source", lang, sources="; ".join(named)) if named else t("chart_no_observations", lang)
    )
    details = ", ".join(x for x in (source.publisher, made_on(source.date, lang)) if x)
    target = f"{shorten(source.title, 40)} ({details})"
    return t("chart_source", lang, source=target) + "\n" + yearly


def summary_counts(term: TermStatus) -> dict[str, int]:
    """Targets per summary group: met, on track, off track, without data (targets files), or
    met, not met, undecided (results files)."""
    if term.data.kind == "results":
        counts = dict.fromkeys(RESULT_ORDER, 0)
        for ind in term.indicators:
            for ts in ind.targets:
                counts["sum_unknown" if ts.met is None else "sum_met" if ts.met else "sum_not_met"] += 1
        return counts
    counts = dict.fromkeys(SUMMARY_ORDER, 0)
    for ind in term.indicators:
        tracked = term.tracking.indicators.get(ind.indicator.id) if term.tracking is not None else None
        statuses = {id(tr.target): tr.status for tr in tracked.targets} if tracked is not None else {}
        for ts in ind.targets:
            counts[SUMMARY_GROUPS.get(statuses.get(id(ts.target), "no_data"), "sum_no_data")] += 1
    return counts


def _summary(term: TermStatus, lang: str) -> str:
    counts = summary_counts(term)
    total = sum(counts.values())
    cards = [f'<div class="card total"><b>{total}</b>{escape(t("report_targets_count", lang, n=""))}</div>']
    cards += [f'<div class="card {key}"><b>{n}</b>{escape(t(key, lang))}</div>' for key, n in counts.items()]
    return f'<h3>{escape(rs.title(term, lang))}</h3>\n<div class="summary">' + "".join(cards) + "</div>"


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], numeric: set[int], area_rows: dict[int, str]) -> str:
    out = [
        '<div class="scroll"><table>',
        "<thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in headers) + "</tr></thead><tbody>",
    ]
    for n, row in enumerate(rows):
        if n in area_rows:
            out.append(f'<tr class="area"><td colspan="{len(headers)}">{escape(area_rows[n])}</td></tr>')
        cells = "".join(
            f'<td class="num">{escape(c)}</td>' if k in numeric else f"<td>{escape(c)}</td>" for k, c in enumerate(row)
        )
        out.append(f"<tr>{cells}</tr>")
    out.append("</tbody></table></div>")
    return "\n".join(out)


def _charts(
    term: TermStatus,
    every_observed: dict[str, dict[int, float]],
    observations: Sequence[Located],
    lang: str,
    sources: SourceIndex | None = None,
) -> str:
    """A chart for every indicator of a targets file with something to draw (a baseline, a
    quantified target or observations), observed or not; each shows the observations of the
    term's own years (its caption names their sources)."""
    figures = []
    span = term.data.term
    observed = term_values(every_observed, span)
    for ind in term.indicators:
        i = ind.indicator
        series = chart_series(i, observed.get(i.id, {}), term.units)
        mine = [o for o in observations if o.obs.indicator == i.id and span.start <= o.obs.year <= span.end]
        svg = svg_chart(
            series,
            lang,
            i.title(lang),
            CHART_WIDTH,
            CHART_HEIGHT,
            unit=i.unit,
            caption=chart_caption(term.data.source, mine, lang, sources),
            units=term.units,
        )
        if svg:
            figures.append(f'<figure class="chart" id="chart-{escape(i.id)}">{svg}</figure>')
    if not figures:
        return ""
    return f"<h2>{escape(t('show_chart', lang))}: {escape(rs.title(term, lang))}</h2>\n" + (
        '<div class="charts">\n' + "\n".join(figures) + "\n</div>"
    )


def _tables(term: TermStatus, lang: str) -> list[str]:
    body = [f"<h2>{escape(rs.title(term, lang))}</h2>", f"<p>{escape(rs.source_line(term, lang))}</p>"]
    rows = rs.rows(term, lang)
    area_rows: dict[int, str] = {}
    last = None
    for n, (area, _cells) in enumerate(rows):
        if area != last:
            area_rows[n] = term.area_label(area, lang)
            last = area
    body.append(_table(rs.headers(term, lang), [c for _a, c in rows], {5, 6}, area_rows))
    notes = [
        f"{t('agreement_named', lang, name=ind.indicator.name.get(lang))}: {n}"
        for ind in term.indicators
        for n in agreement_text(ind, lang)
    ]
    body += [f"<p>• {escape(n)}</p>" for n in notes]
    if term.tracking is not None:
        body.append(f"<h2>{escape(t('title_tracking', lang, year=term.tracking.as_of))}</h2>")
        trows = [c for _i, _t, c in rt.rows(term.tracking, lang)]
        body.append(_table(rt.headers(lang), trows, {5, 6}, {}))
    return body


def html_report(
    terms: Sequence[TermStatus],
    observed: dict[str, dict[int, float]],
    lang: str,
    *,
    as_of: int | None = None,
    observations: Sequence[Located] = (),
    made: dt.date | None = None,
    observation_sources: SourceIndex | None = None,
) -> str:
    """The whole page. ``made``: the date printed as the day the report was made (today);
    ``observation_sources``: the observation files' sources, named in the charts' captions."""
    made = made or dt.date.today()
    term_names = ", ".join(f"{tm.data.term.start}-{tm.data.term.end}" for tm in terms)
    heading = t("report_title", lang, province=t("province", lang), terms=term_names)
    as_of_text = t("report_as_of", lang, year=as_of) if as_of is not None else t("report_no_tracking", lang)
    made_text = t("report_made", lang, date=made_on(made, lang), version=__version__)
    sources = list(dict.fromkeys(source_text(tm.data.source, lang) for tm in terms))
    body = [
        '<header class="report">',
        f"<h1>{escape(heading)}</h1>",
        f'<p class="as-of"><b>{escape(as_of_text)}</b> · {escape(made_text)}</p>',
        *(f"<p>{escape(t('chart_source', lang, source=s))}</p>" for s in sources),
        "</header>",
        f"<h2>{escape(t('report_summary', lang))}</h2>",
        *(_summary(term, lang) for term in terms),
    ]
    for term in terms:
        if term.data.kind == "targets":
            charts = _charts(term, observed, observations, lang, observation_sources)
            if charts:
                body.append(charts)
    for term in terms:
        body += _tables(term, lang)
    body.append(f"<footer>{escape(made_text)}</footer>")
    title = f"{heading} — {as_of_text}"
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
