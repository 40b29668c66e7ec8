"""Diagnostics as text (``path:line:col: level message``), JSON or GitHub annotations."""

from __future__ import annotations

import json
from collections.abc import Sequence

from cbkpi.diagnostics import Diagnostic
from cbkpi.i18n import message_lang, t
from cbkpi.safe_text import github_data, github_property


def as_text(diags: Sequence[Diagnostic], files: Sequence[str]) -> str:
    """One line per diagnostic, then the summary in the message language."""
    lang = message_lang()
    lines = [d.format() for d in diags]
    errors = sum(d.level == "error" for d in diags)
    warnings = len(diags) - errors
    if errors:
        lines.append(t("validate_failed", lang, errors=errors, warnings=warnings, files=len(files)))
    elif warnings:
        lines.append(t("validate_ok_warnings", lang, files=len(files), warnings=warnings))
    else:
        lines.append(t("validate_ok", lang, files=len(files)))
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
                "indicator": d.indicator,
                "indicator_number": d.number,
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
        else t("validate_errors", message_lang(), errors=sum(d.level == "error" for d in diags))
    )
    return "\n".join(out)


FORMATS = {"text": as_text, "json": as_json, "github": as_github}
