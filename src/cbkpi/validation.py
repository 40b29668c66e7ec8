"""Validate data files: schema, then the reviewer's checks, collected into one report.

A file whose top level has ``observations`` (and no ``indicators``) is an observations file;
every other file is a data file (targets or results)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cbkpi.checks import check_across, check_declared_across, check_file
from cbkpi.declared import report_areas, report_units
from cbkpi.diagnostics import DataError, Diagnostic
from cbkpi.loader import Loaded, validate_document
from cbkpi.models import DataFile
from cbkpi.observations import LoadedObservations, ObservationsFile, check_observations
from cbkpi.yamlread import load


@dataclass
class Report:
    files: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    loaded: list[Loaded] = field(default_factory=list)
    observations: list[LoadedObservations] = field(default_factory=list)
    """The observations files, when any were given."""
    unreadable: bool = False

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.level == "error"]

    @property
    def exit_code(self) -> int:
        """0 valid, 1 invalid data, 2 a file could not be read at all."""
        if self.unreadable:
            return 2
        return 1 if self.errors else 0


def share_declarations(files: Sequence[Loaded]) -> None:
    """Give every file the report's units and areas: declared in one file, usable in all."""
    units = report_units(f.model for f in files)
    areas = frozenset(report_areas(f.model for f in files))
    for f in files:
        f.units, f.areas = units, areas


def _is_observations(data: object) -> bool:
    return isinstance(data, dict) and "observations" in data and "indicators" not in data


def validate_files(paths: Iterable[Path], context: Sequence[Path] = ()) -> Report:
    """Validate ``paths``. ``context`` names data files read only to check observations
    against (their ids and terms) when ``paths`` hold observations but no targets file."""
    report = Report()
    observations: list[LoadedObservations | DataError] = []
    for path in paths:
        report.files.append(str(path))
        try:
            loaded = _read(path)
        except DataError as exc:
            report.diagnostics.extend(exc.diagnostics)
            report.unreadable |= exc.unreadable
            continue
        if isinstance(loaded, Loaded):
            report.loaded.append(loaded)
        else:
            observations.append(loaded)
    share_declarations(report.loaded)
    for loaded in report.loaded:
        report.diagnostics.extend(check_file(loaded))
    report.diagnostics.extend(check_declared_across(report.loaded))
    report.diagnostics.extend(check_across(report.loaded))
    if observations:
        _validate_observations(report, observations, context)
    return report


def _read(path: Path) -> Loaded | LoadedObservations | DataError:
    """One file read and validated against its model; its parsed YAML is freed on return, so
    that only one file's raw data is held at a time. An observations file's schema errors are
    returned, to be reported after the data files' checks."""
    doc = load(path)
    if not _is_observations(doc.data):
        return Loaded(doc.file, validate_document(doc, DataFile), doc.positions)
    try:
        return LoadedObservations(doc.file, validate_document(doc, ObservationsFile), doc.positions)
    except DataError as exc:
        return exc


def _validate_observations(report: Report, read: list[LoadedObservations | DataError], context: Sequence[Path]) -> None:
    loaded = []
    for item in read:
        if isinstance(item, DataError):
            report.diagnostics.extend(item.diagnostics)
        else:
            loaded.append(item)
    data_files = list(report.loaded)
    if not any(f.model.kind == "targets" for f in data_files):
        for path in context:
            try:
                doc = load(path)
                data_files.append(Loaded(doc.file, validate_document(doc, DataFile), doc.positions))
            except DataError:
                continue  # reported when that file itself is validated
        share_declarations(data_files)
    report.diagnostics.extend(check_observations(loaded, data_files))
    report.observations.extend(loaded)
