"""``cbkpi export``: an Excel workbook and a self-contained HTML report.

Both are built from the same records as ``cbkpi status`` (:mod:`cbkpi.status`), so their
numbers are the JSON output's numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cbkpi import __version__
from cbkpi.i18n import t
from cbkpi.numbers import data_number
from cbkpi.observations import Located
from cbkpi.outputs import write_atomically, write_text_atomically
from cbkpi.render import status as rs
from cbkpi.render import tracking as rt
from cbkpi.render.chart import svg_chart
from cbkpi.render.status_json import as_json, target_json
from cbkpi.render.words import agreement_text, pace_label, target_text
from cbkpi.safe_text import is_formula_like
from cbkpi.series import chart_series
from cbkpi.status import TermStatus
from cbkpi.terms import term_values

if TYPE_CHECKING:
    from cbkpi.pipeline import StatusReport

SHEET_TITLE_LIMIT = 31  # Excel's limit on a sheet name
PACE_UNITS = ("pp_per_year", "pct_per_year", "units_per_year")
"""A column per pace unit: a spreadsheet column never mixes points, percent and counts."""


def _pace_headers(key: str, lang: str) -> list[str]:
    """``key`` over each pace unit's column: "Cần mỗi năm (điểm %)", "(%)", "(ĐVT)"."""
    labels = [
        pace_label("pp_per_year", "", lang, False),
        pace_label("pct_per_year", "", lang, False),
        t("col_unit", lang),
    ]
    return [f"{t(key, lang)} ({label})" for label in labels]


def _by_pace_unit(value: Any, unit: str | None) -> list[Any]:
    """``value`` in its pace unit's column (:data:`PACE_UNITS`), the others empty."""
    return [value if unit == u else None for u in PACE_UNITS]


def _sheet_rows(term: TermStatus, lang: str) -> tuple[list[str], list[list[Any]]]:
    """Headers (units in them where a column has one unit) and rows of raw numbers."""
    targets = term.data.kind == "targets"
    headers = [
        t("col_no", lang),
        "id",
        t("col_indicator", lang),
        t("col_unit", lang),
        t("col_target", lang),
    ]
    if targets:
        headers += [
            f"{t('col_baseline', lang)} ({t('col_year', lang)})",
            t("col_baseline", lang),
            *_pace_headers("col_required", lang),
            t("col_required_rate", lang),
            t("col_implied", lang),
        ]
    else:
        headers += [
            t("col_result", lang),
            f"{t('col_unit', lang)} ({t('col_result', lang)})",
            f"{t('col_achievement', lang)}",
            t("col_published", lang),
            t("col_met", lang),
        ]
    ranges = targets and any(ts.range_required is not None for ind in term.indicators for ts in ind.targets)
    if ranges:  # range targets: the figure to reach each end
        headers += [
            f"{t('col_required', lang)} / {t('col_implied', lang)} ({t(end, lang)})"
            for end in ("range_low", "range_high")
        ]
    if term.tracking is not None:
        headers += [t("col_status", lang), t("col_projected", lang), *_pace_headers("col_needed", lang)]
    rows: list[list[Any]] = []
    for ind in term.indicators:
        i = ind.indicator
        tracked = term.tracking.indicators.get(i.id) if term.tracking else None
        for ts in ind.targets:
            d = target_json(ts)
            row: list[Any] = [
                i.label,
                i.id,
                i.name.get(lang),
                term.units.label(ts.unit if not targets else i.unit, lang),
                target_text(ts, i.unit, lang),
            ]
            if targets:
                b = i.baseline
                row += [
                    b.year if b else None,
                    data_number(b.value) if b else None,
                    *_by_pace_unit(d["required_pace"], d["required_pace_unit"]),
                    d["required_annual_growth_pct"],
                    d["implied_end_value"],
                ]
            else:
                r = ts.target.result
                row += [
                    data_number(r.value) if r and r.value is not None else (r.text if r else None),
                    term.units.label(r.unit or ts.unit, lang) if r else None,
                    d["achievement_pct"],
                    d["published_ratio_pct"],
                    None if ts.met is None else t("yes" if ts.met else "no", lang),
                ]
            if ranges:
                # a level range: the pace to each end; a count range: the totals at each end
                key = "range_required" if d["kind"] == "level_range" else "range_implied_end_value"
                ends = d.get(key) or {}
                row += [ends.get("low"), ends.get("high")]
            if term.tracking is not None:
                trs = [tr for tr in tracked.targets if tr.target is ts.target] if tracked else []
                if trs:
                    tr = rt.tracking_json(trs[0])
                    needed = _by_pace_unit(tr["required_pace_remaining"], tr["pace_unit"])
                    row += [t(tr["status"], lang), tr["projected_end_value"], *needed]
                else:
                    row += [None] * (2 + len(PACE_UNITS))
            rows.append(row)
    return headers, rows


def _sheet_title(term: TermStatus, lang: str) -> str:
    return rs.title(term, lang)[:SHEET_TITLE_LIMIT]


def write_xlsx(path: Path, terms: Sequence[TermStatus], observations: Sequence[Located], lang: str) -> None:
    """One sheet per file (term), one for observations; numbers stored as numbers, frozen
    header row, column widths set, labels in ``lang``."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    if wb.active is not None:
        wb.remove(wb.active)  # the default empty sheet
    sheets: list[tuple[str, list[str], list[list[Any]]]] = []
    for term in terms:
        headers, rows = _sheet_rows(term, lang)
        sheets.append((_sheet_title(term, lang), headers, rows))
    obs_headers = [
        "id",
        t("col_year", lang),
        t("col_value", lang),
        t("col_source", lang),
        t("estimate", lang),
        "revises",
        "file",
        "line",
    ]
    obs_rows: list[list[Any]] = [
        [
            o.obs.indicator,
            o.obs.year,
            data_number(o.obs.value),
            o.obs.source,
            o.obs.estimate,
            o.obs.revises,
            o.file,
            o.line,
        ]
        for o in observations
    ]
    sheets.append((t("show_observations", lang)[:SHEET_TITLE_LIMIT], obs_headers, obs_rows))
    for title, headers, rows in sheets:
        ws = wb.create_sheet(title)
        ws.append(headers)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in rows:
            ws.append(row)
            for cell in ws[ws.max_row]:
                # Text from the data stays text: "=1+1" in a source must not become a formula.
                if is_formula_like(cell.value):
                    cell.data_type = "s"
        ws.freeze_panes = "A2"
        for col, header in enumerate(headers, start=1):
            values = [header] + [str(r[col - 1]) for r in rows if r[col - 1] is not None]
            ws.column_dimensions[get_column_letter(col)].width = min(60, max(8, *(len(v) for v in values)) + 2)
    wb.properties.creator = f"cbkpi {__version__}"
    wb.save(path)


_CSS = """
body { font-family: system-ui, sans-serif; margin: 2em; color: #222; max-width: 1200px; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; font-size: 0.9em; margin: 0.5em 0; }
th, td { border: 1px solid #ddd; padding: 0.25em 0.5em; vertical-align: top; }
th { background: #f3f3f3; text-align: left; } td.num { text-align: right; white-space: nowrap; }
tr.area td { background: #eef5fb; font-weight: bold; }
.met { color: #2a7d2a; } .not { color: #b22; }
.charts { display: flex; flex-wrap: wrap; gap: 1em; }
footer { margin-top: 3em; font-size: 0.8em; color: #666; }
"""


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], numeric: set[int], area_rows: dict[int, str]) -> str:
    out = ["<table>", "<tr>" + "".join(f"<th>{escape(h)}</th>" for h in headers) + "</tr>"]
    for n, row in enumerate(rows):
        if n in area_rows:
            out.append(f'<tr class="area"><td colspan="{len(headers)}">{escape(area_rows[n])}</td></tr>')
        cells = "".join(
            f'<td class="num">{escape(c)}</td>' if k in numeric else f"<td>{escape(c)}</td>" for k, c in enumerate(row)
        )
        out.append(f"<tr>{cells}</tr>")
    out.append("</table>")
    return "\n".join(out)


def html_report(terms: Sequence[TermStatus], every_observed: dict[str, dict[int, float]], lang: str) -> str:
    """A single self-contained HTML page: tables and SVG charts, no script, no network; each
    term's charts show the observations of its own years."""
    body = [f"<h1>cbkpi — {escape(terms[0].data.source.title) if terms else ''}</h1>"]
    for term in terms:
        body.append(f"<h2>{escape(rs.title(term, lang))}</h2>")
        body.append(f"<p>{escape(rs.source_line(term, lang))}</p>")
        rows = rs.rows(term, lang)
        area_rows: dict[int, str] = {}
        last = None
        for n, (area, _cells) in enumerate(rows):
            if area != last:
                area_rows[n] = term.area_label(area, lang)
                last = area
        numeric = {5, 6}  # the computed-figure columns of both tables
        body.append(_table(rs.headers(term, lang), [c for _a, c in rows], numeric, area_rows))
        notes = [
            f"{t('agreement', lang, id=ind.indicator.id)}: {n}"
            for ind in term.indicators
            for n in agreement_text(ind, lang)
        ]
        body += [f"<p>• {escape(n)}</p>" for n in notes]
        if term.tracking is not None:
            body.append(f"<h2>{escape(t('title_tracking', lang, year=term.tracking.as_of))}</h2>")
            trows = [c for _i, _t, c in rt.rows(term.tracking, lang)]
            body.append(_table(rt.headers(lang), trows, {5, 6}, {}))
        if term.data.kind == "targets":
            charts = []
            observed = term_values(every_observed, term.data.term)  # the term's own years only
            with_obs = [ind.indicator for ind in term.indicators if observed.get(ind.indicator.id)]
            chosen = with_obs or [
                ind.indicator
                for ind in term.indicators
                if ind.indicator.baseline and ind.indicator.baseline.value is not None
            ]
            for ind in chosen:
                series = chart_series(ind, observed.get(ind.id, {}), term.units)
                svg = svg_chart(series, lang, ind.title(lang))
                if svg:
                    charts.append(f'<figure id="chart-{escape(ind.id)}">{svg}</figure>')
            if charts:
                body.append(f"<h2>{escape(t('show_chart', lang))}</h2>")
                body.append('<div class="charts">' + "\n".join(charts) + "</div>")
    body.append(f"<footer>cbkpi {__version__}</footer>")
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>cbkpi</title>\n<style>{_CSS}</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )


# -- the export registry's writers (cbkpi.formats.EXPORT) -----------------------------------------
def export_xlsx(path: Path, report: StatusReport, lang: str) -> None:
    write_atomically(path, lambda tmp: write_xlsx(tmp, report.terms, report.observations, lang))


def export_html(path: Path, report: StatusReport, lang: str) -> None:
    write_text_atomically(path, html_report(report.terms, report.observed, lang))


def export_json(path: Path, report: StatusReport, lang: str) -> None:
    write_text_atomically(path, as_json(report.terms))


def export_csv(path: Path, report: StatusReport, lang: str) -> None:
    write_text_atomically(path, rs.as_csv(report.terms, lang))


def export_markdown(path: Path, report: StatusReport, lang: str) -> None:
    write_text_atomically(path, rs.as_markdown(report.terms, lang))
