"""Plain tables as CSV or Markdown, from headers and rows of strings."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from cbkpi.safe_text import escape_control, neutralise_formula


def to_csv(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(headers)
    # Text that a spreadsheet would run as a formula (=HYPERLINK(...)) stays text.
    writer.writerows(
        ["" if v is None else neutralise_formula(v) if isinstance(v, str) else v for v in row] for row in rows
    )
    return buf.getvalue()


def _cell(value: object) -> str:
    """One Markdown table cell: pipes escaped, HTML written as text, control characters
    (a carriage return or new line would end the row) escaped visibly."""
    text = "" if value is None else str(value)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")
    return escape_control(text)


def to_markdown(headers: Sequence[str], rows: Sequence[Sequence[object]], title: str | None = None) -> str:
    out = []
    if title:
        out += [f"## {title}", ""]
    out.append("| " + " | ".join(_cell(h) for h in headers) + " |")
    out.append("|" + "|".join("---" for _ in headers) + "|")
    out += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return "\n".join(out) + "\n"
