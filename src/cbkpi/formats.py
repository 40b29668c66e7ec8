"""The output formats of each command, as registries: format name -> renderer.

A registry names its renderers as ``"module:function"`` and imports one only when it is used,
so that ``cbkpi --help`` does not load the models. The CLI builds its ``--format`` choices from
the registry's keys: a new format is one renderer module and one entry here.

Renderer signatures, one per command:

- status: ``(report: StatusReport, lang: str, width: int | None, out: TextIO) -> None``
- audit: ``(items: Sequence[AuditItem], lang: str, width: int | None) -> str`` (the whole
  output; ``width`` is the terminal's, None when piped: used by ``text``)
- list: ``(entries: Sequence[Entry], lang: str, width: int | None, out: TextIO) -> None``
- export: ``(path: Path, report: StatusReport, lang: str) -> None`` (writes ``path`` atomically)
- validate: ``(diagnostics: Sequence[Diagnostic], files: Sequence[str]) -> str`` (one line less
  than the output: the CLI ends it with a newline)
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Generic, Protocol, TextIO, TypeVar, cast

if TYPE_CHECKING:
    from cbkpi.audit import AuditItem
    from cbkpi.diagnostics import Diagnostic
    from cbkpi.lookup import Entry
    from cbkpi.pipeline import StatusReport


class StatusRenderer(Protocol):
    def __call__(self, report: StatusReport, lang: str, width: int | None, out: TextIO) -> None: ...


class AuditRenderer(Protocol):
    def __call__(self, items: Sequence[AuditItem], lang: str, width: int | None = None) -> str: ...


class ListRenderer(Protocol):
    def __call__(self, entries: Sequence[Entry], lang: str, width: int | None, out: TextIO) -> None: ...


class ExportWriter(Protocol):
    def __call__(self, path: Path, report: StatusReport, lang: str) -> None: ...


class DiagnosticsRenderer(Protocol):
    def __call__(self, diagnostics: Sequence[Diagnostic], files: Sequence[str]) -> str: ...


R = TypeVar("R")


class Registry(Generic[R]):
    """Format names of one command and where their renderers live."""

    def __init__(self, command: str, entries: dict[str, str]) -> None:
        self.command = command
        self.entries = entries

    @property
    def names(self) -> list[str]:
        return list(self.entries)

    def get(self, name: str) -> R:
        """The renderer of format ``name`` (a KeyError for a name not in :attr:`names`)."""
        module, _, function = self.entries[name].partition(":")
        return cast(R, getattr(importlib.import_module(module), function))


STATUS: Registry[StatusRenderer] = Registry(
    "status",
    {
        "table": "cbkpi.render.status_table:write_table",
        "json": "cbkpi.render.status_json:write_json",
        "csv": "cbkpi.render.status:write_csv",
        "csv-keys": "cbkpi.render.status:write_csv_keys",
        "markdown": "cbkpi.render.status:write_markdown",
    },
)

AUDIT: Registry[AuditRenderer] = Registry(
    "audit",
    {
        "text": "cbkpi.render.audit:as_text",
        "json": "cbkpi.render.audit:as_json_document",
        "markdown": "cbkpi.render.audit:as_markdown",
    },
)

LIST: Registry[ListRenderer] = Registry(
    "list",
    {
        "table": "cbkpi.render.indicators:write_table",
        "json": "cbkpi.render.indicators:write_json",
        "csv": "cbkpi.render.indicators:write_csv",
    },
)

EXPORT: Registry[ExportWriter] = Registry(
    "export",
    {
        "xlsx": "cbkpi.render.export:export_xlsx",
        "csv": "cbkpi.render.export:export_csv",
        "csv-keys": "cbkpi.render.export:export_csv_keys",
        "json": "cbkpi.render.export:export_json",
        "markdown": "cbkpi.render.export:export_markdown",
        "html": "cbkpi.render.export:export_html",
    },
)

VALIDATE: Registry[DiagnosticsRenderer] = Registry(
    "validate",
    {
        "text": "cbkpi.render.diagnostics:as_text",
        "json": "cbkpi.render.diagnostics:as_json",
        "github": "cbkpi.render.diagnostics:as_github",
    },
)
