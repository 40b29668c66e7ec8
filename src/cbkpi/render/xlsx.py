"""``cbkpi export --format xlsx``: a workbook an analyst can sort, filter and compute with.

One sheet per file (term), a tracking sheet per targets file when observations exist, and one
sheet of observations. Every figure is a number in its own column (target value, year and
comparator apart), shown with an Excel number format chosen by its unit (``#,##0``,
``#,##0.00" %"``...), never General; comparators (``>`` for "trên", ``≥`` for an end value
implied by a baseline printed as "trên 2.000") have their own columns. Headers are in the chosen
language, frozen, with an autofilter.

Written in openpyxl's write-only mode: rows are streamed to the file, so the time grows
linearly with the number of observations.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cbkpi import __version__
from cbkpi.i18n import t
from cbkpi.numbers import data_number, places
from cbkpi.observations import Located
from cbkpi.render import status as rs
from cbkpi.render.records import Cell, term_records
from cbkpi.safe_text import is_formula_like
from cbkpi.status import TermStatus
from cbkpi.units import BUILTIN_UNITS, UnitRegistry

SHEET_TITLE_LIMIT = 31  # Excel's limit on a sheet name
WIDTH_SAMPLE = 200
"""Rows looked at to size a column (enough for the targets; observations are uniform)."""

TARGET_COLUMNS = (
    "label",
    "id",
    "name",
    "area",
    "unit",
    "direction",
    "baseline_year",
    "baseline_comparator",
    "baseline_value",
    "target_text",
    "comparator",
    "target_value",
    "target_unit",
    "target_year",
    "required_comparator",
    "required_annual_growth_pct",
    "required_pace",
    "required_pace_unit",
    "implied_end_comparator",
    "implied_end_value",
)
RESULT_COLUMNS = (
    "label",
    "id",
    "name",
    "unit",
    "target_text",
    "comparator",
    "target_value",
    "target_unit",
    "target_year",
    "result_comparator",
    "result_value",
    "result_unit",
    "achievement_pct",
    "published_ratio_pct",
    "met",
)
TARGET_RANGE_COLUMNS = (
    "target_low",
    "target_high",
    "required_low_pct",
    "required_high_pct",
    "implied_end_low",
    "implied_end_high",
)
"""Added to a targets sheet that has range targets: the ends and the figures for each end."""
RESULT_RANGE_COLUMNS = ("target_low", "target_high", "range_position")
"""Added to a results sheet that has range targets: the ends and where the result fell."""
TRACKING_COLUMNS = (
    "label",
    "id",
    "name",
    "target_text",
    "status",
    "latest_year",
    "latest_value",
    "unit",
    "observed_pace",
    "required_pace",
    "pace_unit",
    "projected_end_value",
    "required_pace_remaining",
    "required_pace_remaining_pct",
    "missing_years",
)
OBSERVATION_COLUMNS = ("indicator", "year", "value", "source", "estimate", "revises", "file", "line")

PERCENT_KINDS = ("share", "rate", "points")


def number_format(unit: str | None, decimals: int, lang: str, units: UnitRegistry = BUILTIN_UNITS) -> str:
    """The Excel format of a number in ``unit``: ``#,##0`` / ``#,##0.00`` and, for percentages
    and rates, the unit after the number (``#,##0.0" %"``, ``#,##0.00" %/năm"``). Excel shows
    the separators of the reader's locale (``1.650,5`` in Vietnamese). ``units``: the report's
    registry, so that a unit a data file declares is formatted by its kind as a built-in one."""
    fmt = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    found = units.find(unit) if unit is not None else None
    if found is not None and found.kind in PERCENT_KINDS:
        fmt += f'" {found.label(lang)}"'
    return fmt


def _width(texts: Sequence[str]) -> float:
    return min(60, max(8, *(len(s) for s in texts)) + 2)


class _Sheet:
    """A write-only sheet: bold frozen header, autofilter, widths from the first rows."""

    def __init__(
        self,
        wb: Any,
        title: str,
        headers: Sequence[str],
        rows: Sequence[Sequence[Cell]],
        lang: str,
        units: UnitRegistry = BUILTIN_UNITS,
    ):
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        # Any: the write-only sheet has column_dimensions and auto_filter, not in its stubs
        ws: Any = wb.create_sheet(title[:SHEET_TITLE_LIMIT])
        ws.freeze_panes = "A2"
        for col, header in enumerate(headers, start=1):
            sample = [header] + [str(r[col - 1].value) for r in rows[:WIDTH_SAMPLE] if r[col - 1].value is not None]
            ws.column_dimensions[get_column_letter(col)].width = _width(sample)
        bold = Font(bold=True)
        head = []
        for header in headers:
            cell = WriteOnlyCell(ws, value=header)
            cell.font = bold
            head.append(cell)
        ws.append(head)
        formats: dict[tuple[str | None, int], str] = {}
        for row in rows:
            out: list[Any] = []
            for c in row:
                if isinstance(c.value, (int, float)) and not isinstance(c.value, bool) and c.unit is not None:
                    key = (c.unit, c.decimals)
                    if key not in formats:
                        formats[key] = number_format(c.unit, c.decimals, lang, units)
                    cell = WriteOnlyCell(ws, value=c.value)
                    cell.number_format = formats[key]
                    out.append(cell)
                elif is_formula_like(c.value):
                    cell = WriteOnlyCell(ws, value=c.value)
                    cell.data_type = "s"  # "=1+1" from a source stays text, never a formula
                    out.append(cell)
                else:
                    out.append(c.value)
            ws.append(out)
        last = get_column_letter(len(headers))
        ws.auto_filter.ref = f"A1:{last}{len(rows) + 1}"


def _term_sheets(term: TermStatus, lang: str) -> list[tuple[str, list[str], list[list[Cell]]]]:
    records = list(term_records(term, lang, words=True))
    columns: tuple[str, ...] = TARGET_COLUMNS if term.data.kind == "targets" else RESULT_COLUMNS
    if any(rec["target_low"].value is not None for rec, _tracked in records):
        columns += TARGET_RANGE_COLUMNS if term.data.kind == "targets" else RESULT_RANGE_COLUMNS
    sheets = [
        (
            rs.title(term, lang),
            [t("h_" + k, lang) for k in columns],
            [[rec[k] for k in columns] for rec, _tracked in records],
        )
    ]
    if term.tracking is not None and term.data.kind == "targets":
        sheets.append(
            (
                t("sheet_tracking", lang, year=term.tracking.as_of),
                [t("h_" + k, lang) for k in TRACKING_COLUMNS],
                [[rec[k] for k in TRACKING_COLUMNS] for rec, tracked in records if tracked],
            )
        )
    return sheets


def _observation_rows(observations: Sequence[Located]) -> list[list[Cell]]:
    return [
        [
            Cell(o.obs.indicator),
            Cell(o.obs.year),
            Cell(data_number(o.obs.value), "none", min(places(o.obs.value) or 0, 4)),
            Cell(o.obs.source),
            Cell(o.obs.estimate),
            Cell(o.obs.revises),
            Cell(o.file),
            Cell(o.line),
        ]
        for o in observations
    ]


def write_xlsx(path: Path, terms: Sequence[TermStatus], observations: Sequence[Located], lang: str) -> None:
    """Write the workbook to ``path`` (the caller writes atomically)."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    for term in terms:
        for title, headers, rows in _term_sheets(term, lang):
            _Sheet(wb, title, headers, rows, lang, term.units)
    obs_headers = [t("h_" + k, lang) for k in OBSERVATION_COLUMNS]
    _Sheet(wb, t("show_observations", lang), obs_headers, _observation_rows(observations), lang)
    wb.properties.creator = f"cbkpi {__version__}"
    wb.save(path)
