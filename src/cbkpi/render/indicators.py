"""``cbkpi list``: every indicator with its id, number, name, unit and terms."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TextIO

from cbkpi.i18n import t
from cbkpi.lookup import Entry
from cbkpi.render.tabular import to_csv
from cbkpi.render.words import unit_label
from cbkpi.safe_text import escape_control


def _terms(entry: Entry) -> str:
    return ", ".join(f"{start}-{end}" for start, end, _kind in entry.terms)


def headers(lang: str) -> list[str]:
    return [t(k, lang) for k in ("col_id", "col_no", "col_indicator", "col_unit", "col_term")]


def rows(found: Sequence[Entry], lang: str) -> list[list[str]]:
    return [
        [
            e.indicator.id,
            e.indicator.label,
            e.indicator.name.get(lang),
            unit_label(e.indicator.unit, lang, e.units),
            _terms(e),
        ]
        for e in found
    ]


def write_table(found: Sequence[Entry], lang: str, width: int | None, out: TextIO) -> None:
    """An aligned table laid out by :mod:`cbkpi.render.fit` (names and units wrap between
    words), or one indicator per block when it cannot fit."""
    from rich.text import Text

    from cbkpi.render.fit import blocks, make_console, plan_widths
    from cbkpi.render.status_table import _table

    console = make_console(width, out)
    head = headers(lang)
    body = [[escape_control(c) for c in row] for row in rows(found, lang)]
    widths = plan_widths(head, body, console.width, [0, 1, 4], [2, 3])
    if widths is None:
        for line in blocks("", [head[1], head[0], *head[2:]], [[r[1], r[0], *r[2:]] for r in body], console.width):
            console.print(Text(line), no_wrap=True, crop=False)
        return
    table = _table("")
    for header, w in zip(head, widths, strict=True):
        table.add_column(header, overflow="fold", width=w)
    for row in body:
        table.add_row(*[Text(c) for c in row])
    console.print(table)


def write_json(found: Sequence[Entry], lang: str, width: int | None, out: TextIO) -> None:
    doc = [
        {
            "id": e.indicator.id,
            "number": e.indicator.label,
            "name": e.indicator.name.model_dump(),
            "unit": e.indicator.unit,
            "area": e.indicator.area,
            "terms": [{"start": s, "end": end, "kind": kind} for s, end, kind in e.terms],
        }
        for e in found
    ]
    out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")


def write_csv(found: Sequence[Entry], lang: str, width: int | None, out: TextIO) -> None:
    out.write(to_csv(["id", "number", "name", "unit", "terms"], rows(found, lang)))
