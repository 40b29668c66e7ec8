"""One pipeline for every command that reads the data: load and validate the files, gather the
observations, fix the year assessed, compute the records, find an indicator.

Commands map their options to :func:`build_report` (or :func:`load_valid`) and hand the result
to a renderer. Failures are :class:`PipelineError`: the messages to print and the exit code; the
module knows nothing of terminals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cbkpi.audit import AuditItem, audit_file
from cbkpi.loader import discover
from cbkpi.observations import Located, discover_observations, effective, located, values_by_indicator
from cbkpi.series import Series
from cbkpi.status import IndicatorStatus, TermStatus
from cbkpi.terms import UnknownTerm, select_terms, series_across, span, term_order, term_report
from cbkpi.tracking import IndicatorTracking, latest_year
from cbkpi.validation import Report, validate_files


class PipelineError(Exception):
    """The data cannot be used: ``messages`` for stderr, ``exit_code`` 1 (invalid) or 2."""

    def __init__(self, messages: Sequence[str], exit_code: int) -> None:
        super().__init__("\n".join(messages))
        self.messages = list(messages)
        self.exit_code = exit_code


def input_files(files: Sequence[Path] | None, data_dir: Path) -> list[Path]:
    """The files given, or every data and observations file under ``data_dir``."""
    found = discover(files or [], data_dir)
    if not files:
        found += discover_observations(data_dir)
    if not found:
        raise PipelineError([f"cbkpi: no data files given and none found under {data_dir}/"], 2)
    return found


def context_files(data_dir: Path) -> list[Path]:
    """The data files observations given alone are checked against."""
    return discover([], data_dir) if data_dir.is_dir() else []


def validate(files: Sequence[Path] | None, data_dir: Path) -> Report:
    """Validate without judging: the report of ``cbkpi validate``."""
    return validate_files(input_files(files, data_dir), context_files(data_dir))


def load_valid(files: Sequence[Path] | None, data_dir: Path) -> Report:
    """Load and validate; invalid data or no data file raises :class:`PipelineError`."""
    report = validate(files, data_dir)
    if report.exit_code:
        messages = [d.format() for d in report.diagnostics if d.level == "error"]
        messages.append("cbkpi: the data is not valid; run 'cbkpi validate' for the full report")
        raise PipelineError(messages, report.exit_code)
    if not report.loaded:
        raise PipelineError(["cbkpi: no targets or results file among the files given (observations need one)"], 2)
    return report


@dataclass(frozen=True)
class StatusReport:
    """Everything the reading commands render."""

    validation: Report
    observed: dict[str, dict[int, float]]
    """Effective value per indicator and year."""
    as_of: int | None
    """The year assessed: ``--as-of``, else the latest year observed, else None (no tracking)."""
    terms: list[TermStatus]

    @property
    def observations(self) -> list[Located]:
        """Every observation with its place in its file (superseded ones included)."""
        return located(self.validation.observations)

    def audit_items(self) -> list[AuditItem]:
        return [item for f in self.validation.loaded for item in audit_file(f.file, f.model)]


def build_report(
    files: Sequence[Path] | None, data_dir: Path, as_of: int | None = None, term: str | None = None
) -> StatusReport:
    """Load, validate, gather the observations and compute every term's records, sorted by
    start year; ``term`` keeps only that term (:func:`cbkpi.terms.pick_term`; unknown: exit 2).
    Each term is tracked with its own years' observations, as of its own year (:mod:`cbkpi.terms`)."""
    report = load_valid(files, data_dir)
    observed = values_by_indicator(report.observations)
    year = as_of if as_of is not None else latest_year(observed)
    counted = effective(located(report.observations))
    terms = sorted((term_report(f, observed, counted, as_of) for f in report.loaded), key=term_order)
    if term is not None:
        try:
            terms = select_terms(terms, term)
        except UnknownTerm as exc:
            raise PipelineError([f"cbkpi: {exc}"], 2) from None
    return StatusReport(report, observed, year, terms)


@dataclass(frozen=True)
class IndicatorView:
    """One indicator across every term: what ``cbkpi show`` prints."""

    found: list[tuple[TermStatus, IndicatorStatus]]
    """The indicator's records in each file that has it, in term order (the oldest first)."""
    observations: list[Located]
    effective: dict[int, Located]
    """The observation that counts, per year."""
    tracking: IndicatorTracking | None
    """The tracking of the main record's term."""
    main: IndicatorStatus
    """The record of the latest targets file (else the latest file): the chart's and title's."""
    series: list[Series]
    """One chart across the terms (:func:`cbkpi.terms.series_across`)."""
    span: tuple[int, int] | None = None
    """The years the terms cover: the chart's x axis."""


def find_indicator(report: StatusReport, query: str, lang: str = "en") -> IndicatorView:
    """The indicator ``query`` names (its id, its number as printed or a piece of its name:
    :func:`cbkpi.lookup.find`) in every term that has it, linked by its id. None or several raise :class:`PipelineError` (exit 2) with the
    closest indicators or the candidates, in ``lang``."""
    from cbkpi.i18n import t
    from cbkpi.lookup import describe, find

    looked = find(query, report.validation.loaded)
    if len(looked.found) != 1:
        if looked.found:
            head = t("lookup_ambiguous", lang, query=query)
            listed = looked.found
        else:
            head = t("lookup_none", lang, query=query)
            listed = looked.close
        lines = [f"cbkpi: {head}" + (f"; {t('did_you_mean', lang)}" if listed and not looked.found else "")]
        lines += [f"  {describe(e, lang)}" for e in listed]
        lines.append(t("lookup_hint", lang))
        raise PipelineError(lines, 2)
    indicator_id = looked.found[0].indicator.id
    found = [(term, ind) for term in report.terms for ind in term.indicators if ind.indicator.id == indicator_id]
    items = [o for o in report.observations if o.obs.indicator == indicator_id]
    main_term, main = next(((t, s) for t, s in reversed(found) if t.data.kind == "targets"), found[-1])
    tracking = main_term.tracking.indicators.get(indicator_id) if main_term.tracking else None
    return IndicatorView(
        found=found,
        observations=items,
        effective=effective(items).get(indicator_id, {}),
        tracking=tracking,
        main=main,
        series=series_across(found, report.observed.get(indicator_id, {})),
        span=span(found),
    )
