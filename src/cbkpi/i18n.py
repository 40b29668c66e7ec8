"""Languages: number formatting, number parsing and every label cbkpi prints.

The one place that knows Vietnamese writes ``1.650`` and ``7,0`` and English ``1,650`` and
``7.0``. Vietnamese is the default language.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Literal

from cbkpi.i18n_files import FILE_LABELS
from cbkpi.numbers import places

Lang = Literal["vi", "en"]

_SEPARATORS: dict[str, tuple[str, str]] = {"vi": (".", ","), "en": (",", ".")}
"""(thousands separator, decimal mark) per language."""


def format_number(value: float | None, lang: str, decimals: int = 2, *, strip: bool = False) -> str:
    """``1650.0`` → ``1.650,00`` (vi) or ``1,650.00`` (en); ``None`` → ``—``.

    With ``strip`` trailing zeros after the decimal mark are dropped (``60,00`` → ``60``)."""
    if value is None:
        return "—"
    text = f"{value:,.{decimals}f}"
    if strip and "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", "-0.0") or re.fullmatch(r"-0\.0+", text):
        text = text[1:]
    thousands, mark = _SEPARATORS.get(lang, _SEPARATORS["en"])
    return text.replace(",", "\x00").replace(".", mark).replace("\x00", thousands)


def format_plain(value: float | None, lang: str) -> str:
    """A figure as the source would print it: up to 2 decimals, trailing zeros dropped."""
    return format_number(value, lang, 2, strip=True)


class NumberFormatError(ValueError):
    """A number typed on the command line could not be read, or could be read two ways."""


_VI = re.compile(r"^[-+]?[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?$|^[-+]?[0-9]+(,[0-9]+)?$")
_EN = re.compile(r"^[-+]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$|^[-+]?[0-9]+(\.[0-9]+)?$")


def parse_number(text: str, lang: str | None = None) -> float:
    """Read a number typed by a person, in Vietnamese (``4,5``, ``1.650``) or English notation.

    With ``lang`` given, that notation is required. Without it, the notation is inferred, and
    text that reads differently in the two (``1.650``: 1650 in Vietnamese, 1.65 in English;
    ``1,650``) is refused with a hint rather than guessed."""
    s = text.strip().replace("\u00a0", "").replace(" ", "")
    if s.endswith("%"):
        s = s[:-1]
    vi = _VI.match(s) is not None
    en = _EN.match(s) is not None
    if lang == "vi" and vi:
        return float(s.replace(".", "").replace(",", "."))
    if lang == "en" and en:
        return float(s.replace(",", ""))
    if lang in ("vi", "en"):
        example = "4,5 or 1.650" if lang == "vi" else "4.5 or 1,650"
        raise NumberFormatError(f"{text!r} is not a number in {lang} notation (e.g. {example})")
    if vi and en:
        as_vi = float(s.replace(".", "").replace(",", "."))
        as_en = float(s.replace(",", ""))
        if as_vi != as_en:
            raise NumberFormatError(
                f"{text!r} is ambiguous: {format_plain(as_vi, 'en')} in Vietnamese notation, "
                f"{format_plain(as_en, 'en')} in English notation; add --notation vi or --notation en"
            )
        return as_en
    if vi:
        return float(s.replace(".", "").replace(",", "."))
    if en:
        return float(s.replace(",", ""))
    raise NumberFormatError(f"{text!r} is not a number (examples: 4,5  1.650  4.5  1650)")


LABELS: dict[str, dict[str, str]] = {
    # areas
    "economy": {"vi": "Kinh tế", "en": "Economy"},
    "culture_society": {"vi": "Văn hóa - xã hội", "en": "Culture and society"},
    "environment": {"vi": "Môi trường", "en": "Environment"},
    "party_building": {"vi": "Xây dựng Đảng", "en": "Party building"},
    # column headers
    "col_no": {"vi": "TT", "en": "No."},
    "col_indicator": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "col_unit": {"vi": "ĐVT", "en": "Unit"},
    "col_baseline": {"vi": "Cơ sở", "en": "Baseline"},
    "col_target": {"vi": "Mục tiêu", "en": "Target"},
    "col_required": {"vi": "Tốc độ cần (%/năm)", "en": "Required rate (%/yr)"},
    "col_implied": {"vi": "Giá trị cuối kỳ", "en": "Implied end"},
    "col_result": {"vi": "Kết quả", "en": "Result"},
    "col_achievement": {"vi": "Đạt (%)", "en": "Achieved (%)"},
    "col_published": {"vi": "Báo cáo ghi (%)", "en": "Printed (%)"},
    "col_met": {"vi": "Đạt?", "en": "Met?"},
    "col_recomputed": {"vi": "Tính lại", "en": "Recomputed"},
    "col_difference": {"vi": "Chênh lệch", "en": "Difference"},
    "col_verdict": {"vi": "Kết luận", "en": "Verdict"},
    "col_formula": {"vi": "Công thức", "en": "Formula"},
    "col_check": {"vi": "Kiểm tra", "en": "Check"},
    "check_ratio": {"vi": "tỉ lệ so với mục tiêu", "en": "ratio to target"},
    "check_claim_average_rate": {"vi": "tốc độ bình quân", "en": "average rate"},
    "check_claim_multiple": {"vi": "số lần", "en": "multiple"},
    "line": {"vi": "dòng", "en": "line"},
    # titles
    "title_targets": {"vi": "Mục tiêu {start}-{end}", "en": "Targets {start}-{end}"},
    "title_results": {"vi": "Kết quả thực hiện {start}-{end}", "en": "Results {start}-{end}"},
    "title_audit": {"vi": "Kiểm tra số liệu in trong báo cáo", "en": "Audit of the report's printed figures"},
    # comparators
    "over": {"vi": "trên", "en": "over"},
    "at_least": {"vi": "ít nhất", "en": "at least"},
    "exactly": {"vi": "", "en": ""},
    "at_most": {"vi": "tối đa", "en": "at most"},
    "under": {"vi": "dưới", "en": "under"},
    "reach": {"vi": "", "en": ""},
    # target kinds
    "kind_growth_rate": {"vi": "tăng bình quân {comp}{value}%/năm", "en": "grow {comp}{value}%/yr on average"},
    "kind_points": {"vi": "giảm {comp}{value} điểm %/năm", "en": "down {comp}{value} pp/yr"},
    "kind_count": {"vi": "{comp}{value} {unit}/năm", "en": "{comp}{value} {unit}/yr"},
    "kind_count_per_unit": {"vi": "{comp}{value} {unit}/{per}/năm", "en": "{comp}{value} per {per} per year ({unit})"},
    "kind_maintain": {"vi": "duy trì {value}", "en": "maintain {value}"},
    "kind_level": {"vi": "{comp}{value} vào năm {year}", "en": "{comp}{value} by {year}"},
    "kind_milestone": {"vi": "hoàn thành năm {year}", "en": "done by {year}"},
    "kind_qualitative": {"vi": "định tính", "en": "qualitative"},
    # status words
    "yes": {"vi": "đạt", "en": "yes"},
    "no": {"vi": "không", "en": "no"},
    "unknown": {"vi": "chưa rõ", "en": "unknown"},
    "estimate": {"vi": "ước", "en": "est."},
    "agrees": {"vi": "khớp", "en": "agrees"},
    "within_rounding": {"vi": "khớp trong sai số làm tròn", "en": "within rounding"},
    "disagrees": {"vi": "không khớp", "en": "disagrees"},
    "not_computable": {"vi": "không tính được", "en": "not computable"},
    "growth_implies_level": {
        "vi": "tăng {rate}%/năm cho {implied} vào năm {year}, vượt mục tiêu {level} (chỉ cần {required}%/năm)",
        "en": "+{rate}%/yr gives {implied} in {year}, above the {level} target (which needs {required}%/yr)",
    },
    "level_needs_more": {
        "vi": "tăng {rate}%/năm chỉ cho {implied} vào năm {year}, chưa tới mục tiêu {level} (cần {required}%/năm)",
        "en": "+{rate}%/yr gives only {implied} in {year}, short of the {level} target (needs {required}%/yr)",
    },
    # tracking (status --as-of)
    "title_tracking": {"vi": "Theo dõi tiến độ đến năm {year}", "en": "Progress up to {year}"},
    "col_latest": {"vi": "Mới nhất", "en": "Latest"},
    "col_pace": {"vi": "Tốc độ thực tế/cần", "en": "Pace obs./req."},
    "col_status": {"vi": "Trạng thái", "en": "Status"},
    "col_projected": {"vi": "Dự báo", "en": "Projected"},
    "col_needed": {"vi": "Cần/năm", "en": "Needed/yr"},
    "met": {"vi": "đã đạt", "en": "met"},
    "on_track": {"vi": "đúng tiến độ", "en": "on track"},
    "moderate_progress": {"vi": "tiến bộ vừa phải", "en": "moderate progress"},
    "insufficient_progress": {"vi": "tiến bộ chưa đủ", "en": "insufficient progress"},
    "moving_away": {"vi": "đi xa mục tiêu", "en": "moving away"},
    "no_longer_reachable": {"vi": "không còn đạt được", "en": "no longer reachable"},
    "no_data": {"vi": "chưa có số liệu", "en": "no data"},
    "not_assessable": {"vi": "chưa đánh giá được", "en": "not assessable"},
    "missing_years": {"vi": "thiếu năm {years}", "en": "missing {years}"},
    # charts and `show`
    "series_baseline": {"vi": "cơ sở", "en": "baseline"},
    "series_observed": {"vi": "thực tế", "en": "observed"},
    "series_required": {"vi": "lộ trình cần", "en": "required path"},
    "series_target": {"vi": "mục tiêu", "en": "target"},
    "show_id": {"vi": "Mã", "en": "Id"},
    "show_area": {"vi": "Lĩnh vực", "en": "Area"},
    "show_direction": {"vi": "Tốt hơn khi", "en": "Better when"},
    "higher": {"vi": "cao hơn", "en": "higher"},
    "lower": {"vi": "thấp hơn", "en": "lower"},
    "show_source": {"vi": "nguồn: dòng {line}", "en": "source: line {line}"},
    "show_targets": {"vi": "Mục tiêu", "en": "Targets"},
    "show_results": {"vi": "Kết quả nhiệm kỳ {start}-{end}", "en": "Results {start}-{end}"},
    "show_observations": {"vi": "Số liệu theo năm", "en": "Yearly observations"},
    "show_superseded": {"vi": "đã được thay thế", "en": "superseded"},
    "show_chart": {"vi": "Biểu đồ", "en": "Chart"},
    "show_no_observations": {"vi": "Chưa có số liệu theo năm.", "en": "No yearly observations."},
    "col_year": {"vi": "Năm", "en": "Year"},
    "col_value": {"vi": "Giá trị", "en": "Value"},
    "col_source": {"vi": "Nguồn", "en": "Source"},
    # reasons a figure is not defined (calc.py)
    "unknown_input": {"vi": "thiếu số liệu", "en": "unknown input"},
    "no_years": {"vi": "số năm bằng 0 (hoặc không hợp lệ)", "en": "no years to grow (or not a valid number of years)"},
    "nonpositive_start": {"vi": "giá trị đầu ≤ 0", "en": "start value ≤ 0"},
    "negative_end": {"vi": "giá trị cuối âm", "en": "negative end value"},
    "zero_target": {"vi": "mục tiêu ≤ 0", "en": "target ≤ 0"},
    "zero_actual": {"vi": "kết quả ≤ 0", "en": "result ≤ 0"},
    "nonpositive_target_rate": {"vi": "tốc độ mục tiêu ≤ 0", "en": "target rate ≤ 0"},
    "no_distance": {"vi": "mục tiêu bằng giá trị cơ sở", "en": "target equals baseline"},
    "overflow": {"vi": "kết quả quá lớn", "en": "result too large"},
    "not_numeric": {"vi": "không phải số", "en": "not numeric"},
    "result_is_lower_bound": {"vi": "kết quả là cận dưới", "en": "result is a lower bound"},
    "agreement": {"vi": "Hai mục tiêu của {id}", "en": "The two targets of {id}"},
    "already_met": {"vi": "đã đạt từ năm cơ sở", "en": "met at baseline"},
    "summary_audit": {
        "vi": "{n} số liệu được kiểm tra: {agrees} khớp, {within} khớp trong sai số làm tròn, {disagrees} không khớp, {nc} không tính được",
        "en": "{n} figures audited: {agrees} agree, {within} within rounding, {disagrees} disagree, {nc} not computable",
    },
}

LABELS.update(FILE_LABELS)


def t(key: str, lang: str, **fields: object) -> str:
    """The label ``key`` in ``lang`` (English when a label lacks the language), filled in."""
    entry = LABELS.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry["en"]
    return text.format(**fields) if fields else text


def format_decimal(value: Decimal | None, lang: str) -> str:
    """A figure from the data with the precision it was written with: ``98.7`` → ``98,7``."""
    if value is None:
        return "—"
    written = places(value)
    return format_number(float(value), lang, 2 if written is None else written)
