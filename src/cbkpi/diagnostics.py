"""Located problems found in a data file, and the error that carries them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from cbkpi.safe_text import escape_control, shorten

MAX_MESSAGE = 500
"""Characters of a message kept (a message that echoes a huge value is cut, marked ``…``)."""

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

    def __post_init__(self) -> None:
        if len(self.message) > MAX_MESSAGE:
            object.__setattr__(self, "message", shorten(self.message, MAX_MESSAGE))

    def location(self) -> str:
        """``path:line:col`` (or ``path``), control characters of the path escaped."""
        file = escape_control(self.file)
        if self.line is None:
            return file
        return f"{file}:{self.line}:{self.column or 1}"

    def format(self) -> str:
        """``path:line:col: level message``, as yamllint and compilers print it: always one
        line, with control characters from the path or the data written visibly (``\\x1b``)."""
        return f"{self.location()}: {self.level} {escape_control(self.message)} ({self.code})"


class DataError(Exception):
    """A data file could not be used; ``diagnostics`` say why and where.

    ``unreadable`` is True when the file could not be read at all (missing, a directory, no
    permission): the CLI exits 2 for those and 1 for files that were read but are invalid."""

    def __init__(self, diagnostics: list[Diagnostic], *, unreadable: bool = False) -> None:
        super().__init__("; ".join(d.format() for d in diagnostics))
        self.diagnostics = diagnostics
        self.unreadable = unreadable
