"""One pipeline for every command that reads the data: load and validate the files, gather the
observations, fix the year assessed, compute the records, find an indicator.

Commands map their options to :func:`build_report` (or :func:`load_valid`) and hand the result
to a renderer. Failures are :class:`PipelineError`: the messages to print and the exit code; the
module knows nothing of terminals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from cbkpi import inputs_seen
from cbkpi.declared import report_areas, report_units
from cbkpi.diagnostics import Diagnostic
from cbkpi.i18n import message_lang, t
from cbkpi.loader import discover
from cbkpi.observations import (
    Located,
    ObservationSource,
    discover_observations,
    effective,
    located,
    source_index,
    values_by_indicator,
)
from cbkpi.observations import strict as strict_diagnostics
from cbkpi.validation import Report, validate_files

if TYPE_CHECKING:  # imported where used: `cbkpi validate` needs none of them (start-up time)
    from cbkpi.audit import AuditItem
    from cbkpi.revisions import BaselineChoice, Revision
    from cbkpi.series import Series
    from cbkpi.status import IndicatorStatus, TermStatus
    from cbkpi.tracking import IndicatorTracking


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
        raise PipelineError(["cbkpi: " + t("err_no_data_files", message_lang(), folder=data_dir)], 2)
    return found


def context_files(data_dir: Path) -> list[Path]:
    """The data files observations given alone are checked against."""
    inputs_seen.tree(data_dir)
    return discover([], data_dir) if data_dir.is_dir() else []


def validate(files: Sequence[Path] | None, data_dir: Path, strict: bool = False) -> Report:
    """Validate without judging: the report of ``cbkpi validate``; ``strict`` makes the
    plausibility warnings errors."""
    report = validate_files(input_files(files, data_dir), context_files(data_dir))
    if strict:
        report.diagnostics = strict_diagnostics(report.diagnostics)
    return report


def load_valid(files: Sequence[Path] | None, data_dir: Path, strict: bool = False) -> Report:
    """Load and validate; invalid data or no data file raises :class:`PipelineError`."""
    report = validate(files, data_dir, strict)
    if report.exit_code:
        messages = [d.format() for d in report.diagnostics if d.level == "error"]
        messages.append("cbkpi: " + t("err_data_invalid", message_lang()))
        raise PipelineError(messages, report.exit_code)
    if not report.loaded:
        raise PipelineError(["cbkpi: " + t("err_no_targets_file", message_lang())], 2)
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
    revisions: list[Revision] = field(default_factory=list)
    """Baselines replaced by an observation of the baseline year (empty with ``--baseline published``)."""

    @property
    def warnings(self) -> list[Diagnostic]:
        """The validation's warnings, which ``status`` repeats once below its tables."""
        return [d for d in self.validation.diagnostics if d.level == "warning"]

    @property
    def observations(self) -> list[Located]:
        """Every observation with its place in its file (superseded ones included)."""
        return located(self.validation.observations)

    @property
    def observation_sources(self) -> dict[tuple[str, str], ObservationSource]:
        """The observation files' sources by (file, id), for captions naming them."""
        return source_index(self.validation.observations)

    def audit_items(self) -> list[AuditItem]:
        from cbkpi.audit import audit_file

        return [item for f in self.validation.loaded for item in audit_file(f.file, f.model)]


def _check_as_of(as_of: int, report: Report) -> None:
    """``--as-of`` outside every targets term is refused: nothing could be tracked there."""
    terms = sorted({(f.model.term.start, f.model.term.end) for f in report.loaded if f.model.kind == "targets"})
    if terms and not any(start <= as_of <= end for start, end in terms):
        spans = ", ".join(f"{start}-{end}" for start, end in terms)
        raise PipelineError(["cbkpi: " + t("err_as_of_outside", message_lang(), year=as_of, spans=spans)], 2)


def build_report(
    files: Sequence[Path] | None,
    data_dir: Path,
    as_of: int | None = None,
    *,
    strict: bool = False,
    baseline: BaselineChoice = "observed",
    term: str | None = None,
) -> StatusReport:
    """Load, validate, gather the observations and compute every term's records, sorted by
    start year; ``term`` keeps only that term (:func:`cbkpi.terms.pick_term`; unknown: exit 2).

    A ``from_observations`` baseline takes the observation of its year (:mod:`cbkpi.terms`);
    other observations of a baseline year replace the document's baseline (``baseline="observed"``,
    the default) or not (``"published"``); a series break starts the pace anew. Each term is
    tracked with its own years' observations, as of its own year (:func:`cbkpi.terms.term_as_of`)."""
    from cbkpi.revisions import bounds, revise, series_breaks, units_of
    from cbkpi.status import term_status
    from cbkpi.terms import (
        UnknownTerm,
        resolve_baselines,
        select_terms,
        term_as_of,
        term_name,
        term_order,
        term_values,
    )
    from cbkpi.tracking import latest_year

    report = load_valid(files, data_dir, strict)
    if as_of is not None:
        _check_as_of(as_of, report)
    items = located(report.observations)
    units = units_of(ind for f in report.loaded if f.model.kind == "targets" for ind in f.model.indicators)
    counted = effective(items)
    observed = values_by_indicator(report.observations, units, counted)
    year = as_of if as_of is not None else latest_year(observed)
    models = [f.model for f in report.loaded]
    registry, areas = report_units(models), report_areas(models)
    breaks, bound = series_breaks(counted), bounds(counted)
    terms: list[TermStatus] = []
    revisions: list[Revision] = []
    for f in report.loaded:
        data, origins = resolve_baselines(f.model, counted)
        if data.kind == "targets":
            revised, found = revise(data.indicators, counted, baseline, term_name(data.term))
            data = data.model_copy(update={"indicators": revised})
            revisions += found
        values = term_values(observed, data.term)
        status = term_status(f.file, data, values, term_as_of(values, data.term, as_of), breaks, bound, registry, areas)
        terms.append(replace(status, origins=origins))
    terms.sort(key=term_order)
    if term is not None:
        try:
            terms = select_terms(terms, term)
        except UnknownTerm as exc:
            raise PipelineError([f"cbkpi: {exc}"], 2) from None
        shown = {term_name(ts.data.term) for ts in terms}
        revisions = [r for r in revisions if r.term in shown]
    return StatusReport(report, observed, year, terms, revisions)


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
    from cbkpi.lookup import describe, find
    from cbkpi.terms import series_across, span

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
