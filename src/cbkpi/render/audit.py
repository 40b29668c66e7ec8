"""``cbkpi audit`` output: aligned text, JSON (one object per audited figure), Markdown."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from cbkpi.audit import AGREES, DISAGREES, NOT_COMPUTABLE, WITHIN_ROUNDING, AuditItem
from cbkpi.i18n import format_decimal, format_number, t
from cbkpi.numbers import json_float, printed_places


def _recomputed(item: AuditItem, lang: str) -> str:
    if item.recomputed is None:
        return "—"
    return format_number(item.recomputed, lang, printed_places(item.published) + 2)


def _difference(item: AuditItem, lang: str) -> str:
    diff = item.difference
    if diff is None:
        return "—"
    places = printed_places(item.published) + 2
    text = format_number(diff, lang, places)
    if text.lstrip("-").strip("0,.") == "":
        return format_number(0.0, lang, places)  # float noise (110.00000000000001) is no difference
    return ("+" if diff > 0 else "") + text


DISAGREE_MARK = "✗"
"""Starts the first line of each disagreement in the text output (and :func:`highlight` colours
it), and marks a disagreement's verdict in the Markdown table."""

_NUMBER = re.compile(r"\d+\.\d+")


def formula(item: AuditItem, lang: str) -> str:
    """The recomputation with the document's figures, in the language's notation."""
    if lang != "vi":
        return item.formula
    return _NUMBER.sub(lambda m: m.group(0).replace(".", ","), item.formula)


def check_text(item: AuditItem, lang: str) -> str:
    return f"{item.id} ({t('check_' + item.check, lang)}, {t('line', lang)} {item.line})"


def headers(lang: str) -> list[str]:
    keys = ("col_no", "col_check", "col_published", "col_recomputed", "col_difference", "col_verdict", "col_formula")
    return [t(k, lang) for k in keys]


def rows(items: Sequence[AuditItem], lang: str, *, marked: bool = False) -> list[list[str]]:
    """One row per figure; ``marked``: a disagreement's verdict starts with ✗."""
    return [
        [
            item.label,
            check_text(item, lang),
            format_decimal(item.published, lang),
            _recomputed(item, lang),
            _difference(item, lang),
            (f"{DISAGREE_MARK} " if marked and item.verdict == DISAGREES else "") + t(item.verdict, lang),
            formula(item, lang),
        ]
        for item in items
    ]


def disagreements_first(items: Sequence[AuditItem]) -> list[AuditItem]:
    """The figures with the disagreements first, each group in the document's order: the order
    of every audit output (text, Markdown, JSON)."""
    return sorted(items, key=lambda i: i.verdict != DISAGREES)


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


def headline(items: Sequence[AuditItem], lang: str) -> str:
    """The one-line summary on top of the text output, disagreements first."""
    count = {v: sum(i.verdict == v for i in items) for v in (AGREES, WITHIN_ROUNDING, DISAGREES, NOT_COMPUTABLE)}
    return t(
        "audit_headline",
        lang,
        n=len(items),
        agrees=count[AGREES],
        within=count[WITHIN_ROUNDING],
        disagrees=count[DISAGREES],
        nc=count[NOT_COMPUTABLE],
    )


def as_text(items: Sequence[AuditItem], lang: str, width: int | None = None) -> str:
    """The one-line summary, then each figure, disagreements first and marked ✗: what is
    checked (the indicator's or claim's name; JSON and Markdown give the id) with its verdict, then the printed and recomputed values and the formula, every
    line wrapped between words to ``width`` (default :data:`~cbkpi.render.fit.PIPED_WIDTH`)."""
    import textwrap

    from cbkpi.render.fit import PIPED_WIDTH

    cols = max(width or PIPED_WIDTH, 20)

    def wrap(text: str, indent: str, more: str) -> list[str]:
        return textwrap.wrap(
            text, cols, initial_indent=indent, subsequent_indent=more, break_long_words=False, break_on_hyphens=False
        )

    lines = [*wrap(headline(items, lang), "", "  "), ""]
    for item in disagreements_first(items):
        mark = f"{DISAGREE_MARK} " if item.verdict == DISAGREES else "  "
        label = f"{item.label} " if item.label else ""
        what = f"{item.name.get(lang)} ({t('check_' + item.check, lang)}, {t('line', lang)} {item.line})"
        lines += wrap(f"{label}{what}: {t(item.verdict, lang)}", mark, "    ")
        lines += wrap(
            f"{t('col_published', lang)} {format_decimal(item.published, lang)}  "
            f"{t('col_recomputed', lang)} {_recomputed(item, lang)}  "
            f"{t('col_difference', lang)} {_difference(item, lang)}  = {formula(item, lang)}",
            "    ",
            "      ",
        )
    lines.append("")
    lines += wrap(summary(items, lang), "", "  ")
    return "\n".join(lines) + "\n"


def highlight(text: str) -> str:
    """``as_text`` for a terminal: each disagreement's first line bold red."""
    red = "\x1b[1;31m{}\x1b[0m"
    return "\n".join(red.format(line) if line.startswith(DISAGREE_MARK) else line for line in text.split("\n"))


def as_markdown(items: Sequence[AuditItem], lang: str, width: int | None = None) -> str:
    """The title, the one-line summary in bold, then the table with the disagreements first
    (their verdict marked ✗), then the counts."""
    from cbkpi.render.tabular import to_markdown

    table = to_markdown(headers(lang), rows(disagreements_first(items), lang, marked=True))
    head = f"## {t('title_audit', lang)}\n\n**{headline(items, lang)}**\n\n"
    return head + table + "\n" + summary(items, lang) + "\n"


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
            "recomputed": json_float(i.recomputed),
            "difference": json_float(i.difference),
            "low": json_float(i.low),
            "high": json_float(i.high),
            "verdict": i.verdict,
            "reason": i.reason,
            "formula": i.formula,
        }
        for i in disagreements_first(items)
    ]
    return json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False)


def as_json_document(items: Sequence[AuditItem], lang: str, width: int | None = None) -> str:
    """The audit registry's ``json``: language-free, with its final newline."""
    return as_json(items) + "\n"
