"""``cbkpi status`` rows shared by the table, CSV and Markdown formats, and those two formats.

The other formats: :mod:`cbkpi.render.status_table`, :mod:`cbkpi.render.status_json`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from cbkpi.i18n import format_decimal, t
from cbkpi.render.records import RANGE_KEYS, TARGET_KEYS, TRACKING_KEYS, term_records, values
from cbkpi.render.records import headers as records_headers
from cbkpi.render.words import (
    achievement_text,
    agreement_text,
    baseline_text,
    implied_text,
    met_text,
    pace_text,
    required_text,
    result_text,
    target_text,
    unit_label,
)
from cbkpi.status import TermStatus

if TYPE_CHECKING:
    from cbkpi.pipeline import StatusReport

AREAS = ("economy", "culture_society", "environment", "party_building")


# -- rows (shared by table, CSV, Markdown) ------------------------------------------------------
def target_headers(lang: str) -> list[str]:
    return [
        t(k, lang)
        for k in ("col_no", "col_indicator", "col_unit", "col_baseline", "col_target", "col_required", "col_implied")
    ]


def result_headers(lang: str) -> list[str]:
    return [
        t(k, lang)
        for k in (
            "col_no",
            "col_indicator",
            "col_unit",
            "col_target",
            "col_result",
            "col_achievement",
            "col_published",
            "col_met",
        )
    ]


def rows(term: TermStatus, lang: str) -> list[tuple[str, list[str]]]:
    """(area, cells) per target, in the file's order; the area groups the table."""
    out: list[tuple[str, list[str]]] = []
    for ind in term.indicators:
        i = ind.indicator
        for k, ts in enumerate(ind.targets):
            first = k == 0
            unit = i.unit if term.data.kind == "targets" else ts.unit
            head = [
                i.label if first else "",
                i.name.get(lang) if first else "",
                unit_label(unit, lang, term.units) if first or term.data.kind == "results" else "",
            ]
            if term.data.kind == "targets":
                cells = [
                    *head,
                    baseline_text(ind, lang) if first else "",
                    target_text(ts, i.unit, lang),
                    required_text(ts, lang)
                    if ts.range_required is not None
                    else pace_text(ts.required_pace, ts.pace_unit, ts.unit, lang, per_year=False),
                    implied_text(ts, lang),
                ]
            else:
                pr = ts.target.published_ratio
                cells = [
                    *head,
                    target_text(ts, i.unit, lang),
                    result_text(ts, lang),
                    achievement_text(ts, lang),
                    format_decimal(pr.value, lang) if pr else "",
                    met_text(ts.met, lang) if ts.target.result is not None else "",
                ]
            out.append((i.area, cells))
    return out


def title(term: TermStatus, lang: str) -> str:
    key = "title_targets" if term.data.kind == "targets" else "title_results"
    return t(key, lang, start=term.data.term.start, end=term.data.term.end)


def source_line(term: TermStatus, lang: str) -> str:
    """The line under a term's title: its source document (title, publisher, date and URL where given)."""
    src = term.data.source
    details = ", ".join(x for x in (src.publisher, src.date.isoformat() if src.date else None, src.url) if x)
    return t("title_source", lang, source=f"{src.title} ({details})")


def headers(term: TermStatus, lang: str) -> list[str]:
    return target_headers(lang) if term.data.kind == "targets" else result_headers(lang)


# -- formats ----------------------------------------------------------------------------------
def as_markdown(terms: Sequence[TermStatus], lang: str) -> str:
    from cbkpi.render.tabular import to_markdown

    parts = []
    for term in terms:
        body = [cells for _area, cells in rows(term, lang)]
        parts.append(f"## {title(term, lang)}\n\n{source_line(term, lang)}\n")
        parts.append(to_markdown(headers(term, lang), body))
        notes = [line for ind in term.indicators for line in agreement_text(ind, lang)]
        if notes:
            parts.append("\n".join(f"- {n}" for n in notes) + "\n")
        if term.tracking is not None:
            from cbkpi.render import tracking as rt

            tracked = [cells for _it, _tr, cells in rt.rows(term.tracking, lang)]
            parts.append(to_markdown(rt.headers(lang), tracked, t("title_tracking", lang, year=term.tracking.as_of)))
            count = rt.verdict_count(term.tracking)
            if count is not None:
                parts.append(t("verdict_count", lang, met=count[0], total=count[1], year=term.tracking.as_of) + "\n")
    return "\n".join(parts)


CSV_HEADER = TARGET_KEYS + TRACKING_KEYS + RANGE_KEYS
"""The machine keys of the CSV's columns (``--format csv-keys``): raw numbers, one column per figure."""

BOM = "\ufeff"
"""The byte-order mark that makes Excel on Windows read the CSV as UTF-8."""


def as_csv(terms: Sequence[TermStatus], lang: str, *, keys: bool = False) -> str:
    """One CSV with a row per target of every term; raw numbers (``.`` decimal point), one
    column per figure, the tracking columns empty without observations.

    For people (the default): headers, areas, units, statuses and comparators (``>``, ``≥``) in
    ``lang``, after a byte-order mark so that Excel reads the diacritics. With ``keys``: the
    stable machine keys of :data:`CSV_HEADER` and machine values, no byte-order mark."""
    from cbkpi.render.tabular import to_csv

    body = [values(rec, CSV_HEADER) for term in terms for rec, _tracked in term_records(term, lang, not keys)]
    if keys:
        return to_csv(CSV_HEADER, body)
    return BOM + to_csv(records_headers(CSV_HEADER, lang), body)


def write_csv(report: StatusReport, lang: str, width: int | None, out: TextIO) -> None:
    out.write(as_csv(report.terms, lang))


def write_csv_keys(report: StatusReport, lang: str, width: int | None, out: TextIO) -> None:
    out.write(as_csv(report.terms, lang, keys=True))


def write_markdown(report: StatusReport, lang: str, width: int | None, out: TextIO) -> None:
    from cbkpi.render.tracking import notes_below

    out.write(as_markdown(report.terms, lang))
    notes = notes_below(report, lang)
    if notes:
        out.write("".join(f"- {line.strip()}\n" if line.startswith("  ") else f"\n{line}\n\n" for line in notes))
