"""Languages: number formatting, number parsing and every label cbkpi prints.

The one place that knows Vietnamese writes ``1.650`` and ``7,0`` and English ``1,650`` and
``7.0``. Vietnamese is the default language.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Literal

from cbkpi.i18n_files import FILE_LABELS
from cbkpi.i18n_messages import ERROR_MESSAGES, LIBYAML_VI
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
    return _localise(text, lang)


def _localise(text: str, lang: str) -> str:
    """``1,650.00`` (Python's notation) in ``lang``'s: ``1.650,00`` in Vietnamese."""
    if text in ("-0", "-0.0") or re.fullmatch(r"-0\.0+", text):
        text = text[1:]
    thousands, mark = _SEPARATORS.get(lang, _SEPARATORS["en"])
    return text.replace(",", "\x00").replace(".", mark).replace("\x00", thousands)


AXIS_LIMIT = 1e12
"""From this size on, a chart's axis label is written in scientific notation."""


def format_axis(value: float, lang: str) -> str:
    """A chart's axis label: ``1.650,00`` as :func:`format_number`, but ``9,09e+300`` for a
    number of :data:`AXIS_LIMIT` or more (a growth target of 1.0e+100 %/year would otherwise
    print a label of three hundred digits)."""
    if abs(value) < AXIS_LIMIT:
        return format_number(value, lang, 2)
    mantissa, _e, exponent = f"{value:.2e}".partition("e")
    return format_number(float(mantissa), lang, 2) + "e" + exponent


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
    said = message_lang()
    if lang in ("vi", "en"):
        example = f" {t('or', said)} ".join(("4,5", "1.650") if lang == "vi" else ("4.5", "1,650"))
        raise NumberFormatError(t("num_not_in_notation", said, text=text, notation=lang, example=example))
    if vi and en:
        as_vi = float(s.replace(".", "").replace(",", "."))
        as_en = float(s.replace(",", ""))
        if as_vi != as_en:
            shown = (format_plain(as_vi, said), format_plain(as_en, said))
            raise NumberFormatError(t("num_ambiguous", said, text=text, as_vi=shown[0], as_en=shown[1]))
        return as_en
    if vi:
        return float(s.replace(".", "").replace(",", "."))
    if en:
        return float(s.replace(",", ""))
    raise NumberFormatError(t("num_not_a_number", said, text=text))


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
    "col_required": {"vi": "Tốc độ cần mỗi năm", "en": "Required a year"},
    "col_required_rate": {"vi": "Tăng trưởng cần (%/năm)", "en": "Required growth (%/yr)"},
    "col_pace_unit": {"vi": "ĐVT tốc độ", "en": "Pace unit"},
    "pace_pp": {"vi": "điểm %", "en": "pp"},
    "units_generic": {"vi": "đơn vị", "en": "units"},
    "per_year": {"vi": "{unit}/năm", "en": "{unit}/year"},
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
    "kind_points": {"vi": "giảm {comp}{value} điểm phần trăm mỗi năm", "en": "down {comp}{value} pp/yr"},
    "kind_count": {"vi": "{comp}{value} {unit} mỗi năm", "en": "{comp}{value} {unit}/yr"},
    "kind_count_per_unit": {"vi": "{comp}{value} {unit}/{per}/năm", "en": "{comp}{value} per {per} per year ({unit})"},
    "kind_maintain": {"vi": "duy trì {value}", "en": "maintain {value}"},
    "kind_level": {"vi": "năm {year} đạt {comp}{value}", "en": "{comp}{value} by {year}"},
    "kind_milestone": {"vi": "hoàn thành trong năm {year}", "en": "done by {year}"},
    "kind_qualitative": {"vi": "định tính", "en": "qualitative"},
    "kind_level_range": {"vi": "từ {low} đến {high} vào năm {year}", "en": "{low} to {high} by {year}"},
    "kind_count_range": {"vi": "từ {low} đến {high} {unit}/năm", "en": "{low} to {high} {unit}/yr"},
    "range_below": {"vi": "dưới khoảng", "en": "below the range"},
    "range_low": {"vi": "mức thấp", "en": "low end"},
    "range_high": {"vi": "mức cao", "en": "high end"},
    "range_within": {"vi": "trong khoảng", "en": "within the range"},
    "range_above": {"vi": "trên khoảng", "en": "above the range"},
    # status words
    "yes": {"vi": "đạt", "en": "yes"},
    "no": {"vi": "không đạt", "en": "no"},
    "unknown": {"vi": "chưa rõ", "en": "unknown"},
    "estimate": {"vi": "ước", "en": "est."},
    "agrees": {"vi": "khớp", "en": "agrees"},
    "within_rounding": {"vi": "khớp trong phạm vi làm tròn", "en": "within rounding"},
    "disagrees": {"vi": "không khớp", "en": "disagrees"},
    "not_computable": {"vi": "không tính được", "en": "not computable"},
    "growth_implies_level": {
        "vi": "tăng bình quân {rate}%/năm thì năm {year} đạt {implied}, vượt mục tiêu {level} (mục tiêu này chỉ cần tăng {required}%/năm)",
        "en": "+{rate}%/yr gives {implied} in {year}, above the {level} target (which needs {required}%/yr)",
    },
    "level_needs_more": {
        "vi": "tăng bình quân {rate}%/năm thì năm {year} chỉ đạt {implied}, chưa tới mục tiêu {level} (cần tăng {required}%/năm)",
        "en": "+{rate}%/yr gives only {implied} in {year}, short of the {level} target (needs {required}%/yr)",
    },
    # tracking (status --as-of)
    "title_tracking": {"vi": "Theo dõi tiến độ đến năm {year}", "en": "Progress up to {year}"},
    "col_latest": {"vi": "Mới nhất", "en": "Latest"},
    "col_pace": {"vi": "Tốc độ mỗi năm thực tế / cần", "en": "Pace a year obs. / req."},
    "col_status": {"vi": "Trạng thái", "en": "Status"},
    "col_projected": {"vi": "Dự báo", "en": "Projected"},
    "col_needed": {"vi": "Cần mỗi năm", "en": "Needed a year"},
    "met": {"vi": "đã đạt", "en": "met"},
    "on_track": {"vi": "đúng tiến độ", "en": "on track"},
    "moderate_progress": {"vi": "chậm hơn tiến độ", "en": "moderate progress"},
    "insufficient_progress": {"vi": "chậm xa tiến độ", "en": "insufficient progress"},
    "moving_away": {"vi": "đi ngược mục tiêu", "en": "moving away"},
    "no_longer_reachable": {"vi": "không còn khả năng đạt", "en": "no longer reachable"},
    "no_data": {"vi": "chưa có số liệu", "en": "no data"},
    "not_assessable": {"vi": "chưa đánh giá được", "en": "not assessable"},
    "missing_years": {"vi": "thiếu số liệu năm {years}", "en": "missing {years}"},
    "missing_would_need": {"vi": "các năm thiếu cần {pace}", "en": "those years needed {pace}"},
    "not_met": {"vi": "không đạt", "en": "not met"},
    "target_year_unobserved": {"vi": "chưa có số liệu năm mục tiêu", "en": "target year unobserved"},
    "not_comparable": {"vi": "không so sánh được", "en": "not comparable"},
    "series_break_from": {"vi": "đứt chuỗi {year}, tính từ {year}", "en": "series break {year}, pace from {year}"},
    "verdict_count": {
        "vi": "{met} trên {total} chỉ tiêu định lượng đã đạt (năm {year})",
        "en": "{met} of {total} quantified targets met (as of {year})",
    },
    "revisions_title": {
        "vi": "Số liệu cơ sở được điều chỉnh theo số liệu quan sát (--baseline published giữ số của văn kiện):",
        "en": "Baselines revised by observations (--baseline published keeps the document's figures):",
    },
    "revision_line": {
        "vi": "{id} {year}: {old} → {new} ({source}{est})",
        "en": "{id} {year}: {old} → {new} ({source}{est})",
    },
    "revision_estimate": {"vi": ", ước tính", "en": ", estimate"},
    "warnings_title": {"vi": "Cảnh báo khi kiểm tra số liệu:", "en": "Data warnings:"},
    # charts and `show`
    "series_baseline": {"vi": "cơ sở", "en": "baseline"},
    "series_observed": {"vi": "thực tế", "en": "observed"},
    "series_required": {"vi": "lộ trình cần đạt", "en": "required path"},
    "series_target": {"vi": "mục tiêu", "en": "target"},
    "series_result": {"vi": "kết quả", "en": "result"},
    "title_source": {"vi": "Nguồn: {source}", "en": "Source: {source}"},
    "show_terms": {"vi": "Nhiệm kỳ", "en": "Terms"},
    "show_baseline_from": {
        "vi": "lấy từ số liệu năm {year}: {source} ({place})",
        "en": "from the {year} observation: {source} ({place})",
    },
    "show_baseline_unobserved": {
        "vi": "lấy từ số liệu năm {year}: chưa có số liệu",
        "en": "from the {year} observation: none yet",
    },
    "show_baseline_of": {"vi": "cơ sở nhiệm kỳ {term}", "en": "baseline of {term}"},
    "show_targets_by_term": {"vi": "Mục tiêu theo nhiệm kỳ", "en": "Targets by term"},
    "show_id": {"vi": "Mã", "en": "Id"},
    "show_area": {"vi": "Lĩnh vực", "en": "Area"},
    "show_direction": {"vi": "Tốt hơn khi", "en": "Better when"},
    "higher": {"vi": "cao hơn", "en": "higher"},
    "lower": {"vi": "thấp hơn", "en": "lower"},
    "better_higher": {"vi": "càng cao càng tốt", "en": "higher is better"},
    "better_lower": {"vi": "càng thấp càng tốt", "en": "lower is better"},
    "show_source": {"vi": "nguồn: dòng {line}", "en": "source: line {line}"},
    "show_quote": {"vi": "nguồn: {quote}", "en": "source: {quote}"},
    "show_targets": {"vi": "Mục tiêu", "en": "Targets"},
    "show_results": {"vi": "Kết quả nhiệm kỳ {start}-{end}", "en": "Results {start}-{end}"},
    "show_observations": {"vi": "Số liệu theo năm", "en": "Yearly observations"},
    "show_superseded": {"vi": "đã có số liệu thay thế", "en": "superseded"},
    "show_revised": {"vi": "điều chỉnh theo số liệu quan sát", "en": "revised by an observation"},
    "show_series_break": {"vi": "đứt chuỗi", "en": "series break"},
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
    "agreement_named": {"vi": "Hai mục tiêu về {name}", "en": "The two targets for {name}"},
    "already_met": {"vi": "đã đạt từ năm cơ sở", "en": "met at baseline"},
    "audit_headline": {
        "vi": "{disagrees}/{n} số liệu không khớp ({agrees} khớp, {within} khớp khi làm tròn, {nc} không tính được)",
        "en": "{disagrees} of {n} figures disagree ({agrees} agree, {within} within rounding, {nc} not computable)",
    },
    "lookup_none": {"vi": "không có chỉ tiêu nào ứng với {query!r}", "en": "no indicator matches {query!r}"},
    "lookup_ambiguous": {
        "vi": "có nhiều chỉ tiêu ứng với {query!r}; hãy ghi mã hoặc số thứ tự của một chỉ tiêu:",
        "en": "several indicators match {query!r}; give the id or the number of one:",
    },
    "did_you_mean": {"vi": "có phải là:", "en": "did you mean:"},
    "lookup_hint": {
        "vi": "`cbkpi list` liệt kê mọi chỉ tiêu với mã và số thứ tự.",
        "en": "`cbkpi list` lists every indicator with its id and number.",
    },
    "col_id": {"vi": "Mã", "en": "Id"},
    "col_term": {"vi": "Nhiệm kỳ", "en": "Term"},
    "summary_audit": {
        "vi": "Đã kiểm tra {n} số liệu: {agrees} khớp, {within} khớp trong phạm vi làm tròn, {disagrees} không khớp, {nc} không tính được",
        "en": "{n} figures audited: {agrees} agree, {within} within rounding, {disagrees} disagree, {nc} not computable",
    },
}

LABELS.update(FILE_LABELS)


MESSAGES: dict[str, dict[str, str]] = {
    # data errors (cbkpi.schema_messages): plain words, no library jargon
    "msg_missing": {"vi": "thiếu khóa bắt buộc {name!r}", "en": "missing required key {name!r}"},
    "msg_unknown_key": {"vi": "khóa {name!r} không dùng được ở đây", "en": "unknown key {name!r}"},
    "msg_did_you_mean": {"vi": "có phải là {close!r}?", "en": "did you mean {close!r}?"},
    "msg_keys_doc": {
        "vi": "xem các khóa được phép trong docs/data-format.md",
        "en": "see docs/data-format.md for the keys allowed here",
    },
    "msg_comma_decimal": {
        "vi": "{got!r} là chữ, không phải số: trong YAML số thập phân viết bằng dấu chấm, hãy viết {fixed}",
        "en": "{got!r} is text, not a number: YAML writes decimals with a point, write {fixed}",
    },
    "msg_quoted_number": {
        "vi": "{got!r} là chữ, không phải số: hãy bỏ dấu ngoặc kép, viết {fixed}",
        "en": "{got!r} is text, not a number: remove the quotes, write {fixed}",
    },
    "msg_not_number": {"vi": "cần một số, nhưng đây là {got}", "en": "expected a number, got {got}"},
    "msg_not_whole": {"vi": "cần một số nguyên, nhưng đây là {got}", "en": "expected a whole number, got {got}"},
    "msg_not_bool": {"vi": "cần true hoặc false, nhưng đây là {got}", "en": "expected true or false, got {got}"},
    "msg_not_text": {"vi": "cần một đoạn chữ, nhưng đây là {got}", "en": "expected text, got {got}"},
    "msg_not_list": {
        "vi": "cần một danh sách (các dòng '- ...'), nhưng đây là {got}",
        "en": "expected a list ('- ...' lines), got {got}",
    },
    "msg_not_mapping": {
        "vi": "cần các cặp 'khóa: giá trị', nhưng đây là {got}",
        "en": "expected 'key: value' pairs, got {got}",
    },
    "msg_choice": {
        "vi": "không dùng được {got!r} ở đây; chỉ nhận: {expected}",
        "en": "{got!r} is not allowed here; expected one of: {expected}",
    },
    "msg_kind": {
        "vi": "không có loại mục tiêu {got!r}; chỉ nhận: {expected}",
        "en": "unknown target kind {got!r}; expected one of: {expected}",
    },
    "msg_too_small": {
        "vi": "{got} quá nhỏ: phải từ {bound} trở lên",
        "en": "{got} is too small: expected at least {bound}",
    },
    "msg_too_large": {"vi": "{got} quá lớn: tối đa là {bound}", "en": "{got} is too large: expected at most {bound}"},
    "msg_not_above": {
        "vi": "{got} quá nhỏ: phải lớn hơn {bound}",
        "en": "{got} is too small: expected more than {bound}",
    },
    "msg_not_below": {
        "vi": "{got} quá lớn: phải nhỏ hơn {bound}",
        "en": "{got} is too large: expected less than {bound}",
    },
    "msg_too_short": {"vi": "quá ngắn: cần ít nhất {bound} mục", "en": "too short: expected at least {bound} item(s)"},
    "msg_too_long": {"vi": "quá dài: tối đa {bound} mục", "en": "too long: expected at most {bound} item(s)"},
    "or": {"vi": "hoặc", "en": "or"},
    "msg_empty_text": {"vi": "không được để trống", "en": "must not be empty"},
}
LABELS.update(MESSAGES)
LABELS.update(ERROR_MESSAGES)

HELP_VI: dict[str, str] = {
    # --help in Vietnamese (CBKPI_LANG=vi; cbkpi.cli_help): "command" or "command:parameter",
    # "*:parameter" for a parameter of any command
    "cbkpi": (
        "Chỉ tiêu và mục tiêu trong Báo cáo chính trị tỉnh Cao Bằng 2020-2025: kiểm tra dữ liệu, "
        "tính tốc độ tăng và mức đạt, kiểm tra các tỉ lệ in trong báo cáo.\n\n"
        "Mã thoát: 0 thành công, 1 dữ liệu sai (hoặc có phát hiện với --strict), 2 gọi lệnh sai hoặc "
        "không đọc được tệp, 3 lỗi nội bộ."
    ),
    "validate": (
        "Kiểm tra tệp dữ liệu theo lược đồ và các quy tắc rà soát.\n\n"
        "Kiểm tra: cú pháp YAML, khóa trùng, lược đồ (kiểu, khóa bắt buộc, đơn vị và loại mục tiêu), "
        "mã không trùng, năm trong nhiệm kỳ, năm cơ sở trước năm mục tiêu, giá trị hợp với đơn vị, "
        "các tỉ trọng cộng lại bằng 100 %. Mã thoát 0 hợp lệ, 1 không hợp lệ, 2 không đọc được tệp.\n\n"
        "Ví dụ: cbkpi validate data/targets_2025.yaml --format github"
    ),
    "schema": "In lược đồ JSON (draft 2020-12) của các tệp dữ liệu.",
    "units": "Liệt kê các đơn vị có sẵn, với tên gọi (tệp dữ liệu có thể khai báo thêm trong `units`).",
    "init": (
        "Ghi một tệp mục tiêu mẫu (hợp lệ ngay) cho nhiệm kỳ hoặc tỉnh mới.\n\n"
        "Tệp có dòng lược đồ cho trình soạn thảo, một chỉ tiêu để điền và ví dụ (dạng chú thích) cho "
        "mọi loại mục tiêu, cho khai báo đơn vị và lĩnh vực. Không bao giờ ghi đè tệp đã có (mã thoát 2).\n\n"
        "Ví dụ: cbkpi init data/targets_2030.yaml --start 2025 --end 2030"
    ),
    "init:path": "Tệp sẽ ghi; tệp này phải chưa có.",
    "init:start": "Năm đầu nhiệm kỳ.",
    "init:end": "Năm cuối nhiệm kỳ.",
    "status": (
        "Tình hình của từng chỉ tiêu.\n\n"
        "Tệp mục tiêu: giá trị cơ sở, mục tiêu, tốc độ tăng hằng năm cần đạt, giá trị cuối kỳ mà mục "
        "tiêu tăng trưởng dẫn tới, và hai mục tiêu của một chỉ tiêu có khớp nhau không. Tệp kết quả: "
        "mục tiêu, kết quả, mức đạt và tỉ lệ báo cáo ghi.\n\n"
        "Có số liệu theo năm (data/observations/*.yaml) thì theo dõi tiến độ đến --as-of: số liệu mới "
        "nhất, tốc độ thực tế và cần đạt, trạng thái, dự báo cuối kỳ, tốc độ còn cần mỗi năm. Mỗi "
        "nhiệm kỳ chỉ dùng số liệu các năm của nó (2025 thuộc cả 2020-2025 và 2025-2030), đến --as-of "
        "nhưng không quá năm cuối nhiệm kỳ.\n\n"
        "Các nhiệm kỳ xếp theo năm bắt đầu, mỗi nhiệm kỳ ghi rõ nguồn; --term chọn một nhiệm kỳ.\n\n"
        "Ví dụ: cbkpi status --lang en --format json"
    ),
    "list": (
        "Mọi chỉ tiêu: mã, số thứ tự, tên, đơn vị và các nhiệm kỳ có chỉ tiêu đó.\n\n"
        "`cbkpi show` nhận mã, số thứ tự (14, 9b) hoặc một phần tên, có dấu hay không dấu "
        '("che phu rung"). Ví dụ: cbkpi list --format csv'
    ),
    "audit": (
        "Tính lại mọi tỉ lệ và tốc độ tăng in trong báo cáo và cho biết số in có đúng không.\n\n"
        "Kết luận: khớp, khớp trong phạm vi làm tròn, không khớp, không tính được. Dữ liệu không bị "
        "thay đổi.\n\nVí dụ: cbkpi audit --strict --format json"
    ),
    "show": (
        "Toàn bộ về một chỉ tiêu qua các nhiệm kỳ (nối bằng mã): mục tiêu hoặc kết quả của từng nhiệm "
        "kỳ với nguồn, từng số liệu theo năm với nguồn, mọi số đã tính và một biểu đồ qua các nhiệm kỳ "
        "với mục tiêu của từng nhiệm kỳ.\n\n"
        'Ví dụ: cbkpi show "che phu rung" --chart rung.svg --chart-size 1200x600'
    ),
    "export": (
        "Ghi tình hình mọi chỉ tiêu ra tệp để đọc bằng Excel hoặc trình duyệt. Định dạng theo đuôi "
        "tệp -o (.xlsx .csv .json .md .html); --format trái với đuôi tệp bị từ chối. Tệp được ghi an "
        "toàn (thay cả tệp một lần); thư mục dữ liệu và các tệp đầu vào không bao giờ bị ghi đè; "
        "-o - ghi ra đầu ra chuẩn.\n\n"
        "Ví dụ: cbkpi export -o baocao.html"
    ),
    "calc": "Các công thức của docs/methodology.md trên số gõ vào dòng lệnh (4,5 hoặc 4.5).",
    "calc required": "Tốc độ tăng hằng năm cần để đi từ BASELINE tới TARGET trong --years năm.",
    "calc cagr": "Tốc độ tăng bình quân năm từ START tới END trong --years năm.",
    "calc implied": "Giá trị cuối khi BASELINE tăng RATE %/năm trong --years năm.",
    "calc achieved": "Mức đạt (%): ACTUAL / TARGET × 100 (TARGET / ACTUAL với --direction lower).",
    "*:lang": "Ngôn ngữ của nhãn, số (vi: 1.650,5; en: 1,650.5) và thông báo.",
    "*:width": (
        "Độ rộng tính bằng cột (mặc định: của cửa sổ dòng lệnh; 80 khi chuyển qua ống). Bảng giữ "
        "nguyên mọi con số; dưới 60 cột mỗi dòng dữ liệu in thành một khối."
    ),
    "*:data_dir": "Thư mục tìm tệp dữ liệu khi không nêu tệp nào.",
    "*:files": "Các tệp YAML: tệp dữ liệu và tệp số liệu theo năm. Mặc định: mọi *.yaml trong ./data.",
    "status:baseline": (
        "observed: số liệu quan sát của năm cơ sở thay cho số của văn kiện; published: giữ nguyên số của văn kiện."
    ),
    "*:as_of": "Theo dõi tiến độ đến năm này (mặc định: năm mới nhất có số liệu).",
    "*:output_format": "Định dạng đầu ra.",
    "*:strict": "Thoát với mã 1 khi có số không khớp (dùng cho CI).",
    "*:indicator_id": "Mã (trade_turnover), số thứ tự như in (14, 9b) hoặc một phần tên, có dấu hay không.",
    "*:file": "Tệp dữ liệu hoặc tệp số liệu theo năm (lặp lại được). Mặc định: ./data.",
    "*:png": "Ghi thêm biểu đồ ra tệp PNG này (cần cbkpi[charts]).",
    "*:chart": "Ghi thêm biểu đồ ra tệp này: PNG (.png, cần cbkpi[charts]) hoặc SVG (.svg), theo đuôi tệp.",
    "*:chart_size": "Kích thước tệp biểu đồ tính bằng điểm ảnh, RỘNGxCAO.",
    "*:term": "Chỉ nhiệm kỳ này: BẮT_ĐẦU-KẾT_THÚC (2025-2030) hoặc năm kết thúc (2030). Mặc định: mọi nhiệm kỳ.",
    "*:output": "Tệp cần ghi (ghi an toàn, thay cả tệp một lần); - là đầu ra chuẩn.",
    "*:version": "In phiên bản rồi thoát.",
    "*:no_cache": (
        "Không phát lại kết quả đã lưu của lệnh này và không lưu kết quả lần chạy này (cũng như CBKPI_NO_CACHE=1)."
    ),
    "cache": "Bộ nhớ đệm kết quả của status, validate, audit, list và show (README, 'The result cache').",
    "cache info": "In thư mục bộ nhớ đệm, số mục, tổng số byte và bộ nhớ đệm có được dùng không.",
    "cache clear": "Xóa mọi mục của bộ nhớ đệm (luôn an toàn: kết quả sẽ được tính lại).",
    "*:years": "Số năm (hữu hạn, ≥ 0).",
    "*:notation": "Cách viết số: vi (4,5) hoặc en (4.5). Mặc định: tự nhận biết.",
    "*:json_out": "In {value, reason, note} dạng JSON.",
    "*:direction": "lower: càng thấp càng tốt (mục tiêu/kết quả).",
    "*:start": "Giá trị đầu.",
    "*:end": "Giá trị cuối.",
    "*:baseline": "Giá trị đầu.",
    "*:target": "Mục tiêu (một mức, hoặc tốc độ mục tiêu).",
    "*:rate": "Tốc độ tăng, % mỗi năm.",
    "*:actual": "Kết quả (một mức, hoặc tốc độ đạt được).",
}

_MESSAGE_LANG: list[str] = []
"""The language chosen by ``--lang`` for messages of this run (see :func:`message_lang`)."""


def set_message_lang(lang: str | None) -> None:
    """Messages of this run in ``lang`` (a command with ``--lang`` calls it first)."""
    _MESSAGE_LANG[:] = [lang] if lang else []


_COMMAND_LINE_LANG: list[str] = []
"""The language ``--lang`` names on the command line, else ``CBKPI_LANG``'s, while the command
line runs (:func:`cbkpi.cli_words.run`): the language of usage errors, which come before a
command has read its options."""


def set_command_line_lang(lang: str | None) -> None:
    _COMMAND_LINE_LANG[:] = [lang] if lang else []


def message_lang() -> str:
    """The language of error messages: ``--lang`` where the command has it, else the
    ``CBKPI_LANG`` environment variable (``vi`` or ``en``), else English: diagnostics are read
    by CI logs and editors, and name the data's (English) keys. While the command line is being
    read (a usage error, a number typed for ``calc``), a ``--lang`` given on it counts too."""
    import os

    if _MESSAGE_LANG:
        return _MESSAGE_LANG[0]
    if _COMMAND_LINE_LANG:
        return _COMMAND_LINE_LANG[0]
    env = os.environ.get("CBKPI_LANG", "").strip().lower()
    return env if env in ("vi", "en") else "en"


def say(message_key: str, /, **fields: object) -> str:
    """The message ``message_key`` (:mod:`cbkpi.i18n_messages`) in :func:`message_lang`."""
    return t(message_key, message_lang(), **fields)


def say_libyaml(text: str) -> str:
    """LibYAML's English words for a syntax error (``did not find expected key``, ``while
    parsing a block mapping``) in :func:`message_lang`: Vietnamese where
    :data:`~cbkpi.i18n_messages.LIBYAML_VI` has them, else as LibYAML wrote them."""
    return LIBYAML_VI.get(text, text) if message_lang() == "vi" else text


def say_count(n: int) -> str:
    """A count in a message: ``1,000,000`` in English, ``1.000.000`` in Vietnamese."""
    return format_number(n, message_lang(), 0)


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
    if written is None:
        return format_number(float(value), lang, 2)
    # The Decimal itself, not a float: 1.0e+100 and a ratio printed with 26 decimals keep
    # exactly the digits they were written with.
    return _localise(f"{value:,.{written}f}", lang)
