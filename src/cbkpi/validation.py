"""Validate data files: schema, then the reviewer's checks, collected into one report."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from cbkpi.checks import check_across, check_file
from cbkpi.diagnostics import DataError, Diagnostic
from cbkpi.loader import Loaded, load_all


@dataclass
class Report:
    files: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    loaded: list[Loaded] = field(default_factory=list)
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


def validate_files(paths: Iterable[Path]) -> Report:
    report = Report()
    for path, outcome in zip(paths_list := list(paths), load_all(paths_list), strict=True):
        report.files.append(str(path))
        if isinstance(outcome, DataError):
            report.diagnostics.extend(outcome.diagnostics)
            report.unreadable |= outcome.unreadable
            continue
        report.loaded.append(outcome)
        report.diagnostics.extend(check_file(outcome))
    report.diagnostics.extend(check_across(report.loaded))
    return report
