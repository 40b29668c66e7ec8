"""``cbkpi audit`` output: aligned text, JSON (one object per audited figure), Markdown."""

from __future__ import annotations

import json
from collections.abc import Sequence

from cbkpi.audit import AGREES, DISAGREES, NOT_COMPUTABLE, WITHIN_ROUNDING, AuditItem, decimals
from cbkpi.i18n import format_decimal, format_number, t


def _recomputed(item: AuditItem, lang: str) -> str:
    if item.recomputed is None:
        return "—"
    return format_number(item.recomputed, lang, decimals(item.published) + 2)


def _difference(item: AuditItem, lang: str) -> str:
    diff = item.difference
    if diff is None:
        return "—"
    return ("+" if diff > 0 else "") + format_number(diff, lang, decimals(item.published) + 2)


def headers(lang: str) -> list[str]:
    return [
        t(k, lang)
        for k in (
            "col_no",
            "col_check",
            "col_published",
            "col_recomputed",
            "col_difference",
            "col_verdict",
            "col_formula",
        )
    ]


def rows(items: Sequence[AuditItem], lang: str) -> list[list[str]]:
    return [
        [
            item.label,
            f"{item.id} ({item.check}, line {item.line})",
            format_decimal(item.published, lang),
            _recomputed(item, lang),
            _difference(item, lang),
            t(item.verdict, lang),
            item.formula,
        ]
        for item in items
    ]


def summary(items: Sequence[AuditItem], lang: str) -> str:
    count = {v: sum(i.verdict == v for i in items) for v in (AGREES, WITHIN_ROUNDING, DISAGREES, NOT_COMPUTABLE)}
    return t(
        "summary_audit",
        lang,
        n=len(items),
        agrees=count[AGREES],
        within=count[WITHIN_ROUNDING],
        disagrees=count[DISAGREES],
        nc=count[NOT_COMPUTABLE],
    )


def as_text(items: Sequence[AuditItem], lang: str) -> str:
    table = [headers(lang), *rows(items, lang)]
    widths = [max(len(r[c]) for r in table) for c in range(len(table[0]) - 1)]
    lines = []
    for r in table:
        cells = [r[c].ljust(widths[c]) if c in (0, 1, 5) else r[c].rjust(widths[c]) for c in range(len(widths))]
        lines.append("  ".join(cells) + "  " + r[-1])
    lines.append("")
    lines.append(summary(items, lang))
    return "\n".join(lines) + "\n"


def as_markdown(items: Sequence[AuditItem], lang: str) -> str:
    from cbkpi.render.tabular import to_markdown

    return to_markdown(headers(lang), rows(items, lang), t("title_audit", lang)) + "\n" + summary(items, lang) + "\n"


def as_json(items: Sequence[AuditItem]) -> str:
    doc = [
        {
            "id": i.id,
            "check": i.check,
            "file": i.file,
            "source_line": i.line,
            "label": i.label,
            "name": i.name.model_dump(),
            "published": float(i.published),
            "published_text": format(i.published, "f"),
            "recomputed": None if i.recomputed is None else round(i.recomputed, 6),
            "difference": None if i.difference is None else round(i.difference, 6),
            "low": None if i.low is None else round(i.low, 6),
            "high": None if i.high is None else round(i.high, 6),
            "verdict": i.verdict,
            "reason": i.reason,
            "formula": i.formula,
        }
        for i in items
    ]
    return json.dumps(doc, ensure_ascii=False, indent=2)
