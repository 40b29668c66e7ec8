"""Located problems found in a data file, and the error that carries them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["error", "warning"]


@dataclass(frozen=True)
class Diagnostic:
    """One problem: where it is (file, 1-based line and column) and what is wrong."""

    file: str
    line: int | None
    column: int | None
    message: str
    level: Level = "error"
    code: str = "invalid"

    def location(self) -> str:
        if self.line is None:
            return self.file
        return f"{self.file}:{self.line}:{self.column or 1}"

    def format(self) -> str:
        """``path:line:col: level message``, as yamllint and compilers print it."""
        return f"{self.location()}: {self.level} {self.message} ({self.code})"


class DataError(Exception):
    """A data file could not be used; ``diagnostics`` say why and where.

    ``unreadable`` is True when the file could not be read at all (missing, a directory, no
    permission): the CLI exits 2 for those and 1 for files that were read but are invalid."""

    def __init__(self, diagnostics: list[Diagnostic], *, unreadable: bool = False) -> None:
        super().__init__("; ".join(d.format() for d in diagnostics))
        self.diagnostics = diagnostics
        self.unreadable = unreadable
