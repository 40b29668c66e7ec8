"""The tracking part of ``cbkpi status`` (with observations): rows and JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cbkpi.calc import Figure
from cbkpi.i18n import format_decimal, format_number, t
from cbkpi.numbers import json_figure, json_float
from cbkpi.render.words import count_places, pace_label, pace_text
from cbkpi.revisions import Revision
from cbkpi.tracking import IndicatorTracking, TermTracking, Tracking

if TYPE_CHECKING:
    from cbkpi.pipeline import StatusReport

STATUS_STYLE = {
    "met": "green",
    "on_track": "green",
    "moderate_progress": "yellow",
    "insufficient_progress": "red",
    "moving_away": "red",
    "no_longer_reachable": "red",
    "not_met": "red",
    "target_year_unobserved": "dim",
    "not_comparable": "dim",
    "no_data": "dim",
    "not_assessable": "dim",
}


BOUND_MARKS = {"over": "> ", "at_least": "≥ ", "under": "< ", "at_most": "≤ "}
"""Before a latest value that is a bound: "> 4.000" for "vượt 4.000"."""


def headers(lang: str) -> list[str]:
    keys = ("col_no", "col_indicator", "col_latest", "col_pace", "col_status", "col_projected", "col_needed")
    return [t(k, lang) for k in keys]


def _figure_cell(fig: Figure, lang: str, counts: bool = False) -> str:
    """A figure, or "—"; a whole number of things counted without decimals."""
    return "—" if fig.value is None else format_number(fig.value, lang, count_places(fig, 2, counts))


def counted_unit(it: IndicatorTracking, tr: Tracking) -> str:
    """The unit a ``units_per_year`` pace of ``tr`` counts (communes, schools)."""
    return tr.target.value_unit(it.indicator.unit)


def _pace(it: IndicatorTracking, tr: Tracking, lang: str) -> str:
    if tr.pace_unit is None or (tr.observed_pace.value is None and tr.required_pace.value is None):
        return ""
    unit = pace_label(tr.pace_unit, counted_unit(it, tr), lang, per_year=False)  # the header says "a year"
    counts = tr.pace_unit == "units_per_year"
    observed, required = _figure_cell(tr.observed_pace, lang, counts), _figure_cell(tr.required_pace, lang, counts)
    return f"{observed} / {required}{'' if unit == '%' else ' '}{unit}"


def needed_text(it: IndicatorTracking, tr: Tracking, lang: str, per_year: bool = True) -> str:
    """The pace still needed with its unit ("10,00 xã/năm", or "10,00 xã" under a "mỗi năm"
    header); "—" when none is defined."""
    return pace_text(tr.required_pace_remaining, tr.pace_unit, counted_unit(it, tr), lang, per_year)


def status_text(tr: Tracking, lang: str, it: IndicatorTracking | None = None) -> str:
    """The status, the years never observed and, once the term is over, what they would have
    needed (with ``it``, which gives the unit counted)."""
    text = t(tr.status, lang)
    if tr.missing_years:
        extra = t("missing_years", lang, years=", ".join(map(str, tr.missing_years)))
        fig = tr.required_pace_remaining
        if it is not None and fig.value is not None and _term_over(tr):
            extra += "; " + t("missing_would_need", lang, pace=needed_text(it, tr, lang))
        text += f" ({extra})"
    if tr.position is not None:
        text += f"; {t('range_' + tr.position, lang)}"
    if tr.reason is not None and tr.reason.startswith("series break "):
        year = tr.reason.removeprefix("series break ").split(":")[0]
        text += f" ({t('series_break_from', lang, year=year)})"
    return text


def _term_over(tr: Tracking) -> bool:
    end = tr.target.year_fields[-1][1] if tr.target.year_fields else None
    return end is not None and tr.latest_year is not None and tr.latest_year >= end


def revision_text(r: Revision, lang: str) -> str:
    """``grdp_per_capita 2020: 37,2 → 35,62 (gso_cb_2020_12, ước)``."""
    est = t("revision_estimate", lang) if r.estimate else ""
    old = BOUND_MARKS.get(r.published_comparator or "", "") + format_decimal(r.published, lang)
    new = BOUND_MARKS.get(r.observed_comparator or "", "") + format_decimal(r.observed, lang)
    return t("revision_line", lang, id=r.indicator, year=r.year, old=old, new=new, source=r.source, est=est)


def verdict_count(tracking: TermTracking) -> tuple[int, int] | None:
    """``(met, quantified targets)`` once the term's last year is assessed: the appendix's
    "x of N quantified targets met"; None mid-term."""
    ends = [year for it in tracking.indicators.values() for tr in it.targets for _, year in tr.target.year_fields]
    if not ends or tracking.as_of < max(ends):
        return None
    all_targets = [tr for it in tracking.indicators.values() for tr in it.targets]
    return sum(tr.status == "met" for tr in all_targets), len(all_targets)


def rows(tracking: TermTracking, lang: str) -> list[tuple[IndicatorTracking, Tracking | None, list[str]]]:
    out: list[tuple[IndicatorTracking, Tracking | None, list[str]]] = []
    for it in tracking.indicators.values():
        ind = it.indicator
        if not it.targets:
            continue
        for k, tr in enumerate(it.targets):
            head = [ind.label if k == 0 else "", ind.name.get(lang) if k == 0 else ""]
            if tr.latest_value is None:
                out.append((it, tr, [*head, "", "", t(tr.status, lang), "", ""]))
                continue
            mark = BOUND_MARKS.get(tr.latest_comparator or "", "")
            latest = f"{mark}{format_number(tr.latest_value, lang, 2, strip=True)} ({tr.latest_year})"
            out.append(
                (
                    it,
                    tr,
                    [
                        *head,
                        latest,
                        _pace(it, tr, lang),
                        status_text(tr, lang, it),
                        _figure_cell(tr.projected_end_value, lang, tr.pace_unit == "units_per_year"),
                        needed_text(it, tr, lang, per_year=False),
                    ],
                )
            )
    return out


def tracking_json(tr: Tracking) -> dict[str, Any]:
    return {
        "kind": tr.target.kind,
        "status": tr.status,
        "latest_year": tr.latest_year,
        "latest_value": tr.latest_value,
        "observed_pace": json_figure(tr.observed_pace),
        "required_pace": json_figure(tr.required_pace),
        "pace_unit": tr.pace_unit,
        "pace_ratio_pct": json_float(tr.pace_ratio_pct),
        "achievement_pct": json_figure(tr.achievement_pct),
        "projected_end_value": json_figure(tr.projected_end_value),
        "required_pace_remaining": json_figure(tr.required_pace_remaining),
        "required_pace_remaining_reason": tr.required_pace_remaining.reason,
        "required_pace_remaining_pct": json_figure(tr.required_pace_remaining_pct),
        "missing_years": tr.missing_years,
        "range_required_pace": None
        if tr.range_required is None
        else {"low": json_figure(tr.range_required[0]), "high": json_figure(tr.range_required[1])},
        "range_position": tr.position,
        "reason": tr.reason,
        "latest_comparator": tr.latest_comparator,
    }


def indicator_tracking_json(it: IndicatorTracking | None, as_of: int | None) -> dict[str, Any]:
    """Headline keys (from the first quantified target) and the per-target details."""
    if it is None:
        return {
            "status": None,
            "projected_end_value": None,
            "required_pace_remaining": None,
            "pace_unit": None,
            "required_pace_remaining_pct": None,
            "tracking": None,
        }
    targets = [tracking_json(tr) for tr in it.targets]
    first = targets[0] if targets else None
    return {
        "status": first["status"] if first else None,
        "projected_end_value": first["projected_end_value"] if first else None,
        "required_pace_remaining": first["required_pace_remaining"] if first else None,
        "pace_unit": first["pace_unit"] if first else None,
        "required_pace_remaining_pct": first["required_pace_remaining_pct"] if first else None,
        "tracking": {
            "as_of": as_of,
            "observations": [{"year": y, "value": v} for y, v in sorted(it.observations.items())],
            "targets": targets,
        },
    }


def notes_below(report: StatusReport, lang: str) -> list[str]:
    """Lines below the status tables: the baseline revisions ("grdp_per_capita 2020: 37,2 →
    35,62 (gso_cb_2020_12, ước tính)") and the validation's warnings, once."""
    lines: list[str] = []
    if report.revisions:
        lines.append(t("revisions_title", lang))
        lines += [f"  {revision_text(r, lang)}" for r in report.revisions]
    if report.warnings:
        lines.append(t("warnings_title", lang))
        lines += [f"  {d.format()}" for d in report.warnings]
    return lines
