"""Plain tables as CSV or Markdown, from headers and rows of strings."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence


def to_csv(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows(["" if v is None else v for v in row] for row in rows)
    return buf.getvalue()


def _cell(value: object) -> str:
    return ("" if value is None else str(value)).replace("|", "\\|").replace("\n", " ")


def to_markdown(headers: Sequence[str], rows: Sequence[Sequence[object]], title: str | None = None) -> str:
    out = []
    if title:
        out += [f"## {title}", ""]
    out.append("| " + " | ".join(_cell(h) for h in headers) + " |")
    out.append("|" + "|".join("---" for _ in headers) + "|")
    out += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return "\n".join(out) + "\n"
