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
    indicator: str | None = None
    """The id of the indicator the place belongs to (``indicators.30.…``), when there is one."""
    number: str | None = None
    """That indicator's number as printed (``14``, ``9b``), when it has one."""

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


def subject(entry: object) -> tuple[str, str | None] | None:
    """(id, number as printed) of an indicator, a model or the mapping read from YAML; None
    when it has no usable id (the schema error may be that very id)."""

    def get(key: str) -> object:
        return entry.get(key) if isinstance(entry, dict) else getattr(entry, key, None)

    ident, number, sub = get("id"), get("number"), get("sub")
    if not isinstance(ident, str) or not ident:
        return None
    label = (number if isinstance(number, str) else "") + (sub if isinstance(sub, str) else "")
    return ident, label or None


def describe_subject(ident: str, number: str | None, lang: str) -> str:
    """``chỉ tiêu 14 (forest_cover)`` / ``indicator 14 (forest_cover)``, or with the id alone."""
    from cbkpi.i18n import t

    if number:
        return t("where_indicator", lang, label=number, id=ident)
    return t("where_indicator_id", lang, id=ident)


class DataError(Exception):
    """A data file could not be used; ``diagnostics`` say why and where.

    ``unreadable`` is True when the file could not be read at all (missing, a directory, no
    permission): the CLI exits 2 for those and 1 for files that were read but are invalid."""

    def __init__(self, diagnostics: list[Diagnostic], *, unreadable: bool = False) -> None:
        super().__init__("; ".join(d.format() for d in diagnostics))
        self.diagnostics = diagnostics
        self.unreadable = unreadable
