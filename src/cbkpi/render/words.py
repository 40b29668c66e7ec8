"""Figures and targets in words, in one language: the cells every status format shares."""

from __future__ import annotations

import math

from typing_extensions import assert_never

from cbkpi.calc import Figure
from cbkpi.i18n import format_decimal, format_number, t
from cbkpi.models import (
    CountPerYearRangeTarget,
    CountPerYearTarget,
    GrowthRateTarget,
    LevelRangeTarget,
    LevelTarget,
    MaintainTarget,
    MilestoneTarget,
    PointsReductionTarget,
    QualitativeTarget,
    Ref,
)
from cbkpi.pace import PaceUnit
from cbkpi.status import IndicatorStatus, TargetStatus
from cbkpi.units import BUILTIN_UNITS, UnitRegistry


def unit_label(key: str, lang: str, units: UnitRegistry = BUILTIN_UNITS) -> str:
    """A unit's label; ``units``: the report's units when the file may declare its own. A caller
    without the report's registry (a pace's counted unit) shows a declared key as it is."""
    unit = units.find(key)
    return unit.label(lang) if unit is not None else key


def ref_text(ref: Ref, lang: str) -> str:
    """Where a figure comes from: "nguồn: dòng 335", or the source named and the quote."""
    if ref.line is not None:
        return t("show_source", lang, line=ref.line)
    where = f"{ref.source}: " if ref.source else ""
    return t("show_quote", lang, quote=f"{where}“{ref.quote}”")


def range_text(low: Figure, high: Figure, lang: str, decimals: int = 2, *, counts: bool = False) -> str:
    """Two figures for the ends of a range: "3,14–4,38" (counts: "1.500–1.600")."""
    if low.value is None and high.value is None:
        return figure_text(low, lang, count_places(low, decimals, counts))
    return f"{figure_text(low, lang, count_places(low, decimals, counts))}–{figure_text(high, lang, count_places(high, decimals, counts))}"


def count_places(fig: Figure, decimals: int, counts: bool) -> int:
    """Decimals to print: none for a whole number of things counted (1.500 party members a
    year, 7.500 in the term), else ``decimals`` (3,33 schools a year is an average)."""
    whole = fig.value is not None and math.isfinite(fig.value) and fig.value == round(fig.value)
    return 0 if counts and whole else decimals


def required_text(ts: TargetStatus, lang: str) -> str:
    """The required pace: one figure, or one per end of a range."""
    if ts.range_required is not None:
        return range_text(*ts.range_required, lang, counts=ts.pace_unit == "units_per_year")
    return figure_text(ts.required_annual_growth_pct, lang)


def implied_text(ts: TargetStatus, lang: str) -> str:
    """The implied end value: one figure, or one per end of a range (counts in whole units)."""
    counts = ts.pace_unit == "units_per_year"
    if ts.range_implied is not None:
        return range_text(*ts.range_implied, lang, counts=counts)
    return figure_text(ts.implied_end_value, lang, count_places(ts.implied_end_value, 2, counts))


def achievement_text(ts: TargetStatus, lang: str) -> str:
    """Achievement in percent; for a range also where the result stands (below, within, above)."""
    text = figure_text(ts.achievement_pct, lang, 1)
    if ts.position is not None:
        text += f" ({t('range_' + ts.position, lang)})"
    return text


def pace_label(unit: PaceUnit, counted: str, lang: str, per_year: bool = True) -> str:
    """A pace unit in words: "điểm %/năm", "%/năm", "xã/năm" (``counted``: the unit counted,
    for ``units_per_year``); without ``per_year`` the short form a "/năm" header covers."""
    match unit:
        case "pp_per_year":
            short = t("pace_pp", lang)
        case "pct_per_year":
            short = "%"
        case "units_per_year":
            short = unit_label(counted, lang) if counted not in ("", "none") else t("units_generic", lang)
        case _:
            assert_never(unit)
    return t("per_year", lang, unit=short) if per_year else short


def pace_text(fig: Figure, unit: PaceUnit | None, counted: str, lang: str, per_year: bool = True) -> str:
    """A pace with its unit ("1,00 điểm %/năm", "12 trường/năm"), or the figure's dash or blank;
    a whole number of things a year without decimals."""
    text = figure_text(fig, lang, count_places(fig, 2, unit == "units_per_year"))
    if fig.value is None or unit is None:
        return text
    label = pace_label(unit, counted, lang, per_year)
    return f"{text}{'' if label == '%' else ' '}{label}"


def target_text(ts: TargetStatus, ind_unit: str, lang: str) -> str:
    """A target in words: "trên 4,5 năm 2025", "grow 10%/yr on average", "maintain 15"."""
    tg = ts.target
    units = ts.units

    def unit_label(key: str, lang: str) -> str:
        return units.label(key, lang)

    comp = t(getattr(tg, "comparator", "reach"), lang)
    comp = f"{comp} " if comp else ""
    match tg:
        case LevelTarget():
            value = format_decimal(tg.value, lang)
            if tg.unit is not None and tg.unit != ind_unit:
                value += f" {unit_label(tg.unit, lang)}"
            if tg.equivalent is not None:
                value += f" ({format_decimal(tg.equivalent.value, lang)} {unit_label(tg.equivalent.unit, lang)})"
            return t("kind_level", lang, comp=comp, value=value, year=tg.year)
        case GrowthRateTarget():
            return t("kind_growth_rate", lang, comp=comp, value=format_decimal(tg.value, lang))
        case PointsReductionTarget():
            return t("kind_points", lang, comp=comp, value=format_decimal(tg.value, lang))
        case CountPerYearTarget():
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
        case MaintainTarget():
            return t("kind_maintain", lang, value=format_decimal(tg.value, lang))
        case MilestoneTarget():
            return f"{tg.description.get(lang)}: " + t("kind_milestone", lang, year=tg.year)
        case QualitativeTarget():
            return t("kind_qualitative", lang)
        case LevelRangeTarget():
            low, high = format_decimal(tg.low, lang), format_decimal(tg.high, lang)
            return t("kind_level_range", lang, low=low, high=high, year=tg.year)
        case CountPerYearRangeTarget():
            low, high = format_decimal(tg.low, lang), format_decimal(tg.high, lang)
            return t("kind_count_range", lang, low=low, high=high, unit=unit_label(tg.unit, lang))
        case _:
            assert_never(tg)


BLANK_REASONS = frozenset({"not_applicable", "rate_indicator", "not_quantified"})
"""Reasons a figure does not exist for its kind (a blank cell), not an unknown one (—)."""


def figure_text(fig: Figure, lang: str, decimals: int = 2) -> str:
    if fig.value is None:
        return "" if fig.reason in BLANK_REASONS else "—"
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
        if r.done and lang != "vi" and r.text is not None and r.text.strip().lower() == "đạt":
            return "achieved (Đạt)"
        return r.text or "—"
    comp = t(r.comparator, lang) if r.comparator else ""
    unit = f" {unit_label(r.unit, lang, ts.units)}" if r.unit else ""
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
