"""Diagnostics as text (``path:line:col: level message``), JSON or GitHub annotations."""

from __future__ import annotations

import json
from collections.abc import Sequence

from cbkpi.diagnostics import Diagnostic
from cbkpi.safe_text import github_data, github_property


def as_text(diags: Sequence[Diagnostic], files: Sequence[str]) -> str:
    lines = [d.format() for d in diags]
    errors = sum(d.level == "error" for d in diags)
    warnings = len(diags) - errors
    if errors:
        lines.append(f"{errors} error(s), {warnings} warning(s) in {len(files)} file(s)")
    else:
        lines.append(f"ok: {len(files)} file(s) valid" + (f", {warnings} warning(s)" if warnings else ""))
    return "\n".join(lines)


def as_json(diags: Sequence[Diagnostic], files: Sequence[str]) -> str:
    doc = {
        "valid": not any(d.level == "error" for d in diags),
        "files": list(files),
        "diagnostics": [
            {
                "file": d.file,
                "line": d.line,
                "column": d.column,
                "level": d.level,
                "code": d.code,
                "message": d.message,
            }
            for d in diags
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False)


def as_github(diags: Sequence[Diagnostic], files: Sequence[str]) -> str:
    """GitHub Actions workflow commands: each diagnostic becomes an annotation on its line.

    Properties and message are escaped as GitHub requires (``%25``, ``%0D``, ``%0A``; ``%3A`` and
    ``%2C`` in properties), other control characters written visibly: a file name or a value
    can never end the command early or start another one."""
    out = []
    for d in diags:
        props = f"file={github_property(d.file)}"
        if d.line is not None:
            props += f",line={d.line},col={d.column or 1}"
        out.append(f"::{d.level} {props},title={github_property('cbkpi ' + d.code)}::{github_data(d.message)}")
    out.append(
        as_text([], files)
        if not any(d.level == "error" for d in diags)
        else f"{sum(d.level == 'error' for d in diags)} error(s)"
    )
    return "\n".join(out)


FORMATS = {"text": as_text, "json": as_json, "github": as_github}
