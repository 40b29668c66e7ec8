"""``cbkpi status`` output: rich tables grouped by area, JSON, CSV and Markdown.

JSON carries raw numbers (no language); the other formats carry numbers formatted for the
chosen language. The JSON structure is documented in ``docs/json-output.md``.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from cbkpi import __version__
from cbkpi.calc import Figure
from cbkpi.i18n import format_decimal, format_number, t
from cbkpi.models import (
    CountPerYearTarget,
    GrowthRateTarget,
    LevelTarget,
    MaintainTarget,
    MilestoneTarget,
    PointsReductionTarget,
    QualitativeTarget,
    Target,
)
from cbkpi.render.tracking import indicator_tracking_json
from cbkpi.status import IndicatorStatus, TargetStatus, TermStatus
from cbkpi.tracking import TermTracking
from cbkpi.units import get_unit

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

AREAS = ("economy", "culture_society", "environment", "party_building")
_MIN_WIDTH = {"col_indicator": 14, "col_target": 12, "col_achievement": 11, "col_implied": 9, "col_published": 6}
_MAX_WIDTH = {
    "col_no": 4,
    "col_unit": 10,
    "col_baseline": 13,
    "col_target": 18,
    "col_result": 12,
    "col_required": 10,
    "col_implied": 10,
    "col_published": 8,
}


# -- words ------------------------------------------------------------------------------------
def unit_label(key: str, lang: str) -> str:
    return get_unit(key).label(lang)


def target_text(ts: TargetStatus, ind_unit: str, lang: str) -> str:
    """A target in words: "trên 4,5 năm 2025", "grow 10%/yr on average", "maintain 15"."""
    tg: Target = ts.target
    comp = t(getattr(tg, "comparator", "reach"), lang)
    comp = f"{comp} " if comp else ""
    if isinstance(tg, LevelTarget):
        value = format_decimal(tg.value, lang)
        if tg.unit is not None and tg.unit != ind_unit:
            value += f" {unit_label(tg.unit, lang)}"
        if tg.equivalent is not None:
            value += f" ({format_decimal(tg.equivalent.value, lang)} {unit_label(tg.equivalent.unit, lang)})"
        return t("kind_level", lang, comp=comp, value=value, year=tg.year)
    if isinstance(tg, GrowthRateTarget):
        return t("kind_growth_rate", lang, comp=comp, value=format_decimal(tg.value, lang))
    if isinstance(tg, PointsReductionTarget):
        return t("kind_points", lang, comp=comp, value=format_decimal(tg.value, lang))
    if isinstance(tg, CountPerYearTarget):
        unit = unit_label(tg.unit, lang)
        if tg.per_unit is not None:
            text = t(
                "kind_count_per_unit",
                lang,
                comp=comp,
                value=format_decimal(tg.per_unit.value, lang),
                unit=unit,
                per=tg.per_unit.label.get(lang),
            )
            if tg.value is not None:
                text += f" (= {format_decimal(tg.value, lang)}/" + ("năm" if lang == "vi" else "yr") + ")"
            return text
        return t("kind_count", lang, comp=comp, value=format_decimal(tg.value, lang), unit=unit)
    if isinstance(tg, MaintainTarget):
        return t("kind_maintain", lang, value=format_decimal(tg.value, lang))
    if isinstance(tg, MilestoneTarget):
        return f"{tg.description.get(lang)}: " + t("kind_milestone", lang, year=tg.year)
    assert isinstance(tg, QualitativeTarget)
    return t("kind_qualitative", lang)


def figure_text(fig: Figure, lang: str, decimals: int = 2) -> str:
    if fig.value is None:
        return "" if fig.reason == "not_applicable" else "—"
    text = format_number(fig.value, lang, decimals)
    if fig.note == "already_met":
        text += " ✓"  # the legend under the table says: met at the baseline
    elif fig.note in ("lower_bound", "result_is_lower_bound"):
        text = "≥ " + text
    elif fig.note == "upper_bound":
        text = "≤ " + text
    return text


def result_text(ts: TargetStatus, lang: str) -> str:
    r = ts.target.result
    if r is None:
        return ""
    if r.value is None:
        if r.text is not None and r.text.strip().lower() == "đạt" and lang != "vi":
            return "achieved (Đạt)"
        return r.text or "—"
    comp = t(r.comparator, lang) if r.comparator else ""
    unit = f" {unit_label(r.unit, lang)}" if r.unit else ""
    return (f"{comp} " if comp else "") + format_decimal(r.value, lang) + unit


def met_text(met: bool | None, lang: str) -> str:
    return t("unknown", lang) if met is None else t("yes" if met else "no", lang)


def agreement_text(ind: IndicatorStatus, lang: str) -> list[str]:
    out = []
    for a in ind.agreements:
        out.append(
            t(
                a.verdict,
                lang,
                rate=format_decimal(a.growth_target.value, lang),
                implied=format_number(a.implied_end_value, lang, 2),
                year=a.level_target.year,
                level=format_decimal(a.level_target.value, lang),
                required=format_number(a.required_rate_pct, lang, 2),
            )
        )
    return out


def baseline_text(ind: IndicatorStatus, lang: str) -> str:
    b = ind.indicator.baseline
    if b is None:
        return ""
    if b.value is None:
        return f"{t('unknown', lang)} ({b.year})"
    est = f" {t('estimate', lang)}" if b.estimate else ""
    comp = f"{t(b.comparator, lang)} " if b.comparator and t(b.comparator, lang) else ""
    return f"{comp}{format_decimal(b.value, lang)} ({b.year}{est})"


# -- rows (shared by table, CSV, Markdown) ------------------------------------------------------
def target_headers(lang: str) -> list[str]:
    return [
        t(k, lang)
        for k in ("col_no", "col_indicator", "col_unit", "col_baseline", "col_target", "col_required", "col_implied")
    ]


def result_headers(lang: str) -> list[str]:
    return [
        t(k, lang)
        for k in (
            "col_no",
            "col_indicator",
            "col_unit",
            "col_target",
            "col_result",
            "col_achievement",
            "col_published",
            "col_met",
        )
    ]


def rows(term: TermStatus, lang: str) -> list[tuple[str, list[str]]]:
    """(area, cells) per target, in the file's order; the area groups the table."""
    out: list[tuple[str, list[str]]] = []
    for ind in term.indicators:
        i = ind.indicator
        for k, ts in enumerate(ind.targets):
            first = k == 0
            unit = i.unit if term.data.kind == "targets" else ts.unit
            head = [
                i.label if first else "",
                i.name.get(lang) if first else "",
                unit_label(unit, lang) if first or term.data.kind == "results" else "",
            ]
            if term.data.kind == "targets":
                cells = [
                    *head,
                    baseline_text(ind, lang) if first else "",
                    target_text(ts, i.unit, lang),
                    figure_text(ts.required_annual_growth_pct, lang),
                    figure_text(ts.implied_end_value, lang),
                ]
            else:
                pr = ts.target.published_ratio
                cells = [
                    *head,
                    target_text(ts, i.unit, lang),
                    result_text(ts, lang),
                    figure_text(ts.achievement_pct, lang, 1),
                    format_decimal(pr.value, lang) if pr else "",
                    met_text(ts.met, lang) if ts.target.result is not None else "",
                ]
            out.append((i.area, cells))
    return out


def title(term: TermStatus, lang: str) -> str:
    key = "title_targets" if term.data.kind == "targets" else "title_results"
    return t(key, lang, start=term.data.term.start, end=term.data.term.end)


def headers(term: TermStatus, lang: str) -> list[str]:
    return target_headers(lang) if term.data.kind == "targets" else result_headers(lang)


# -- formats ----------------------------------------------------------------------------------
def as_markdown(terms: Sequence[TermStatus], lang: str) -> str:
    from cbkpi.render.tabular import to_markdown

    parts = []
    for term in terms:
        body = [cells for _area, cells in rows(term, lang)]
        parts.append(to_markdown(headers(term, lang), body, title(term, lang)))
        notes = [line for ind in term.indicators for line in agreement_text(ind, lang)]
        if notes:
            parts.append("\n".join(f"- {n}" for n in notes) + "\n")
        if term.tracking is not None:
            from cbkpi.render import tracking as rt

            tracked = [cells for _it, _tr, cells in rt.rows(term.tracking, lang)]
            parts.append(to_markdown(rt.headers(lang), tracked, t("title_tracking", lang, year=term.tracking.as_of)))
    return "\n".join(parts)


def as_csv(terms: Sequence[TermStatus], lang: str) -> str:
    """One CSV with a row per target of every term; raw numbers, one column per figure."""
    from cbkpi.render.tabular import to_csv

    header = [
        "term",
        "file",
        "id",
        "label",
        "name",
        "area",
        "unit",
        "direction",
        "baseline_year",
        "baseline_value",
        "target_kind",
        "comparator",
        "target_value",
        "target_unit",
        "target_year",
        "required_annual_growth_pct",
        "implied_end_value",
        "result_value",
        "result_unit",
        "achievement_pct",
        "published_ratio_pct",
        "met",
    ]
    body: list[list[object]] = []
    for term in terms:
        for ind in term.indicators:
            i = ind.indicator
            for ts in ind.targets:
                d = target_json(ts)
                body.append(
                    [
                        f"{term.data.term.start}-{term.data.term.end}",
                        term.file,
                        i.id,
                        i.label,
                        i.name.get(lang),
                        i.area,
                        i.unit,
                        i.direction,
                        i.baseline.year if i.baseline else None,
                        _num(i.baseline.value) if i.baseline else None,
                        d["kind"],
                        d.get("comparator"),
                        d.get("value"),
                        ts.unit,
                        d.get("year") or d.get("end_year"),
                        d["required_annual_growth_pct"],
                        d["implied_end_value"],
                        (d["result"] or {}).get("value"),
                        (ts.target.result.unit or ts.unit) if ts.target.result else None,
                        d["achievement_pct"],
                        d["published_ratio_pct"],
                        d["met"],
                    ]
                )
    return to_csv(header, body)


def _num(value: Any) -> float | int | None:
    """A data figure for JSON: an int where it was written without decimals (``111``), else a
    float (``111.0`` stays ``111.0``)."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        return int(value) if isinstance(exponent, int) and exponent >= 0 else float(value)
    return value if isinstance(value, int) else float(value)


def _fig(fig: Figure) -> float | None:
    return None if fig.value is None else round(fig.value, 6)


def _reason(fig: Figure) -> str | None:
    return fig.reason if fig.reason != "not_applicable" else None


_TARGET_KEYS = ("comparator", "value", "year", "start_year", "end_year")


@functools.cache
def _target_keys(cls: type) -> tuple[str, ...]:
    fields = cls.model_fields  # type: ignore[attr-defined]
    return tuple(k for k in _TARGET_KEYS if k in fields)


def target_json(ts: TargetStatus) -> dict[str, Any]:
    tg = ts.target
    d: dict[str, Any] = {"kind": tg.kind, "unit": ts.unit}
    attrs = tg.__dict__
    for key in _target_keys(type(tg)):
        d[key] = _num(attrs[key]) if key == "value" else attrs[key]
    if isinstance(tg, (MilestoneTarget, QualitativeTarget)):
        d["description"] = {"vi": tg.description.vi, "en": tg.description.en}
    if isinstance(tg, LevelTarget) and tg.equivalent is not None:
        d["equivalent"] = {"value": _num(tg.equivalent.value), "unit": tg.equivalent.unit}
        d["ratio_basis"] = tg.ratio_basis
    if isinstance(tg, CountPerYearTarget) and tg.per_unit is not None:
        label = tg.per_unit.label
        d["per_unit"] = {"value": _num(tg.per_unit.value), "label": {"vi": label.vi, "en": label.en}}
    d["years"] = ts.years
    req, imp, ach = ts.required_annual_growth_pct, ts.implied_end_value, ts.achievement_pct
    na = "not_applicable"
    d["required_annual_growth_pct"] = None if req.value is None else round(req.value, 6)
    d["required_annual_growth_reason"] = (req.reason if req.reason != na else None) or req.note
    d["implied_end_value"] = None if imp.value is None else round(imp.value, 6)
    d["implied_end_value_reason"] = imp.reason if imp.reason != na else None
    d["achievement_pct"] = None if ach.value is None else round(ach.value, 6)
    d["achievement_reason"] = (ach.reason if ach.reason != na else None) or ach.note
    r = tg.result
    d["result"] = (
        None
        if r is None
        else {
            "value": _num(r.value),
            "text": r.text,
            "comparator": r.comparator,
            "unit": r.unit,
            "basis": r.basis,
            "estimate": r.estimate,
        }
    )
    d["published_ratio_pct"] = _num(tg.published_ratio.value) if tg.published_ratio else None
    d["met"] = ts.met
    d["source_line"] = tg.ref.line
    return d


def _headline(targets: list[dict[str, Any]], key: str) -> float | None:
    return next((d[key] for d in targets if d[key] is not None), None)


def indicator_json(ind: IndicatorStatus) -> dict[str, Any]:
    i = ind.indicator
    targets = [target_json(ts) for ts in ind.targets]
    b = i.baseline
    return {
        "id": i.id,
        "number": i.number,
        "sub": i.sub,
        "label": i.label,
        "name": {"vi": i.name.vi, "en": i.name.en},
        "area": i.area,
        "unit": i.unit,
        "direction": i.direction,
        "baseline": None
        if b is None
        else {
            "year": b.year,
            "value": _num(b.value),
            "comparator": b.comparator,
            "estimate": b.estimate,
            "source_line": b.ref.line if b.ref else None,
        },
        "required_annual_growth_pct": _headline(targets, "required_annual_growth_pct"),
        "implied_end_value": _headline(targets, "implied_end_value"),
        "achievement_pct": _headline(targets, "achievement_pct"),
        "targets": targets,
        "agreements": [
            {
                "growth_target_pct": _num(a.growth_target.value),
                "level_target": _num(a.level_target.value),
                "year": a.level_target.year,
                "implied_end_value": round(a.implied_end_value, 6),
                "required_rate_pct": round(a.required_rate_pct, 6),
                "verdict": a.verdict,
            }
            for a in ind.agreements
        ],
    }


def iter_json(terms: Sequence[TermStatus]) -> Iterator[str]:
    """The JSON document in pieces, an indicator at a time: the whole document is never held
    in memory (on 10,000 indicators it would take more than the data itself)."""

    def dumps(obj: Any) -> str:
        return json.dumps(obj, ensure_ascii=False)  # one line: the C encoder

    yield '{"cbkpi_version": ' + dumps(__version__) + ', "terms": ['
    for n, term in enumerate(terms):
        head = {
            "file": term.file,
            "kind": term.data.kind,
            "term": {"start": term.data.term.start, "end": term.data.term.end},
            "as_of": term.tracking.as_of if term.tracking else None,
        }
        yield (", " if n else "") + dumps(head)[:-1] + ', "indicators": ['
        for k, ind in enumerate(term.indicators):
            tracked = term.tracking.indicators.get(ind.indicator.id) if term.tracking else None
            doc = indicator_json(ind) | indicator_tracking_json(tracked, term.tracking.as_of if term.tracking else None)
            yield (", " if k else "") + dumps(doc)
        yield "]}"
    yield "]}\n"


def as_json(terms: Sequence[TermStatus]) -> str:
    return "".join(iter_json(terms))


NARROW = 100
"""Below this many columns the unit column is folded into the indicator's name."""


def make_console(width: int | None) -> Console:
    """A console of ``width`` columns; a pipe gets 100 (not rich's 80) unless COLUMNS says."""
    import os

    from rich.console import Console

    console = Console(width=width) if width else Console()
    if width is None and not console.is_terminal and "COLUMNS" not in os.environ:
        console = Console(width=NARROW)
    return console


def print_tables(terms: Sequence[TermStatus], lang: str, width: int | None = None) -> None:
    """Rich tables grouped by area, with colour and a bar for achievement. Figures never wrap
    or get cut; below 100 columns the unit joins the indicator's name to make room."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    console = make_console(width)
    narrow = console.width < NARROW
    for term in terms:
        table = Table(
            title=title(term, lang),
            box=box.SIMPLE_HEAD,
            show_edge=False,
            pad_edge=False,
            expand=False,
            title_justify="left",
            title_style="bold",
            collapse_padding=True,
        )
        numeric = {"col_required", "col_implied", "col_achievement", "col_published"}
        keys = (
            ["col_no", "col_indicator", "col_unit", "col_baseline", "col_target", "col_required", "col_implied"]
            if term.data.kind == "targets"
            else ["col_no", "col_indicator", "col_unit", "col_target", "col_result", "col_achievement", "col_published"]
        )
        shown = [k for k in keys if not (narrow and k == "col_unit")]
        for key in shown:
            table.add_column(
                _stacked(t(key, lang)) if key in numeric else t(key, lang),
                justify="right" if key in numeric else "left",
                overflow="fold",
                no_wrap=key in numeric or key == "col_no",
                min_width=_MIN_WIDTH.get(key),
                max_width=None if key in numeric else _MAX_WIDTH.get(key),
            )
        grouped: dict[str, list[tuple[list[str], TargetStatus]]] = {a: [] for a in AREAS}
        statuses = [ts for ind in term.indicators for ts in ind.targets]
        for (area, cells), ts in zip(rows(term, lang), statuses, strict=True):
            grouped.setdefault(area, []).append((cells, ts))
        for area, items in grouped.items():
            if not items:
                continue
            table.add_row("", Text(t(area, lang).upper(), style="bold cyan"), *[""] * (len(shown) - 2))
            for cells, ts in items:
                rendered: list[Text] = [Text(c) for c in cells[: len(keys)]]  # data is text, never markup
                if term.data.kind == "results":
                    rendered[5] = _bar(ts.achievement_pct, cells[5], ts.met)
                if narrow:
                    if cells[2] and cells[1]:
                        rendered[1] = Text(f"{cells[1]} ({cells[2]})")
                    del rendered[2]
                table.add_row(*rendered)
            table.add_section()
        console.print(table)
        if any(ts.required_annual_growth_pct.note == "already_met" for ind in term.indicators for ts in ind.targets):
            console.print(Text(f"✓ {t('already_met', lang)}"))
        for ind in term.indicators:
            for note in agreement_text(ind, lang):
                console.print(Text(f"• {t('agreement', lang, id=ind.indicator.id)}: {note}"))
        console.print()
        if term.tracking is not None:
            _print_tracking(console, term.tracking, lang)


def _print_tracking(console: Console, tracking: TermTracking, lang: str) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from cbkpi.render import tracking as rt

    table = Table(
        title=t("title_tracking", lang, year=tracking.as_of),
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        title_justify="left",
        title_style="bold",
        collapse_padding=True,
    )
    for k, header in enumerate(rt.headers(lang)):
        table.add_column(
            header,
            justify="right" if k in (5, 6) else "left",
            overflow="fold",
            no_wrap=k in (0, 5, 6),
            min_width={1: 14, 4: 12}.get(k),
            max_width={2: 12, 3: 16}.get(k),
        )
    for _it, tr, cells in rt.rows(tracking, lang):
        style = rt.STATUS_STYLE.get(tr.status if tr else "", "")
        table.add_row(*[Text(c) for c in cells[:4]], Text(cells[4], style=style), *[Text(c) for c in cells[5:]])
    console.print(table)
    console.print()


def _stacked(header: str) -> str:
    """A figure column's header on two lines ("Tốc độ cần\n(%/năm)"): its cells never wrap,
    so a long one-line header would widen the column."""
    head, sep, tail = header.partition(" (")
    if sep:
        return f"{head}\n({tail}"
    words = header.split(" ")
    half = (len(words) + 1) // 2
    return " ".join(words[:half]) + ("\n" + " ".join(words[half:]) if len(words) > 1 else "")


def _bar(fig: Figure, text: str, met: bool | None) -> Text:
    """Achievement with a five-block bar (a block per 20 %, full at 100 %) and ✓/✗ for met."""
    from rich.text import Text

    mark = " " if met is None else "✓" if met else "✗"
    if fig.value is None:
        return Text.assemble(text, " ", mark)
    value = fig.value
    style = "green" if met or value >= 100 else "yellow" if value >= 80 else "red"
    blocks = max(0, min(5, round(value / 20)))
    return Text.assemble((text, style), " ", ("█" * blocks + "·" * (5 - blocks), style), " ", (mark, style))
