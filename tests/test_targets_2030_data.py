"""Traceability of data/targets_2030.yaml, read with PyYAML alone.

These checks read the YAML directly (the models' checks are in tests/test_data.py): every
target and baseline figure has a quote from a named source, every number of a target is printed in its own quote, and every quote is
found, word for word, in the text of the page it names (the excerpts below were retrieved from
stored copies of those pages on 2026-11-27; see docs/targets-2030-notes.md).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

PATH = Path(__file__).resolve().parent.parent / "data" / "targets_2030.yaml"
MAIN = "main"  # the key under which the file's `source` is checked, for refs without `source:`

# Text of each source page as retrieved (paragraphs that hold the quoted figures). A quote must be
# a substring of its page's text: a typo or a figure changed in the data fails here.
PAGES: dict[str, str] = {
    MAIN: (
        "Theo nội dung nghị quyết, trong nhiệm kỳ 2025-2030, tỉnh Cao Bằng phấn đấu, tốc độ tăng"
        " trưởng GRDP bình quân đạt 10%/năm trở lên; thu ngân sách bình quân tăng 12%/năm; tỷ lệ hộ"
        " nghèo giảm bình quân 3%/năm trở lên.\n\nHằng năm, tỷ lệ tổ chức cơ sở đảng hoàn thành tốt"
        " nhiệm vụ đạt 80% trở lên; kết nạp đảng viên mới đạt từ 1.500 đến 1.600 đảng viên.\n\nĐến"
        " năm 2030, thu nhập bình quân đầu người từ 75-80 triệu đồng/người/"
    ),
    "sggp_2025_12_21": (
        "Chủ tịch UBND tỉnh Cao Bằng Lê Hải Hòa cho biết, năm 2025 kinh tế của tỉnh duy trì đà tăng"
        " trưởng cao nhất giai đoạn 2021-2025 với GRDP ước đạt 7,22%, tổng thu ngân sách Nhà nước lần"
        " đầu vượt 4.000 tỷ đồng. Trong đó, thu từ xuất nhập khẩu đạt khoảng 2.230 tỷ đồng;"
    ),
    "nq68_hdnd_2025": (
        "Điều 1. Thông qua Kế hoạch phát triển kinh tế - xã hội 5 năm 2026 - 2030 tỉnh Cao Bằng với"
        " nội dung chủ yếu sau:\nPhấn đấu đến năm 2030, Cao Bằng trở thành tỉnh phát triển nhanh,"
        " bền vững và hạnh phúc, đạt trình độ phát triển thuộc nhóm khá của vùng trung du và miền núi"
        " phía Bắc;"
    ),
    "vietnamplus_2025_09_21": (
        "Nhiệm kỳ 2025-2030, tỉnh Cao Bằng tiếp tục nâng cao năng lực lãnh đạo và sức chiến đấu của"
        " Đảng bộ; phát huy sức mạnh đại đoàn kết toàn dân tộc; khai thác tối đa lợi thế đặc thù, huy"
        " động mọi nguồn lực đầu tư cho các ngành kinh tế mũi nhọn, nhất là kinh tế cửa khẩu, du lịch,"
        " tạo đột phá trong giai đoạn mới; phấn đấu tốc độ tăng trưởng kinh tế đạt mức khá so với các"
        " tỉnh trong khu vực Trung du và miền núi phía Bắc./."
    ),
}

NUMBER_KEYS = ("value", "low", "high")
YEAR_KEYS = ("year", "start_year", "end_year")


def vi_number(value: int | float) -> str:
    """A YAML number as Vietnamese print shows it: 1500 -> '1.500', 7.22 -> '7,22', 10 -> '10'."""
    text = format(Decimal(repr(value)), "f") if isinstance(value, float) else str(value)
    whole, _, fraction = text.partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return grouped + ("," + fraction if fraction else "")


def printed_in(number: str, quote: str) -> bool:
    """`number` occurs in `quote` as a whole number: '8' is not found in '80' nor in '1.800'."""
    return re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d]|[.,]\d)", quote) is not None


@pytest.fixture(scope="module")
def doc() -> dict[str, Any]:
    data = yaml.safe_load(PATH.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def figures(doc: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(label, mapping) for every target and every baseline that gives a value."""
    for ind in doc["indicators"]:
        for i, target in enumerate(ind["targets"]):
            yield f"{ind['id']} target {i + 1} ({target['kind']})", target
        baseline = ind.get("baseline")
        if baseline is not None and baseline.get("value") is not None:
            yield f"{ind['id']} baseline", baseline


# ------------------------------------------------------------------ the helpers themselves


@pytest.mark.parametrize(
    ("value", "printed"),
    [(1500, "1.500"), (10, "10"), (7.22, "7,22"), (4000, "4.000"), (7.0, "7,0"), (1650, "1.650"), (98.17, "98,17")],
)
def test_vi_number(value: int | float, printed: str) -> None:
    assert vi_number(value) == printed


def test_printed_in_matches_whole_numbers_only() -> None:
    assert printed_in("80", "đạt 80% trở lên")
    assert printed_in("75", "từ 75-80 triệu đồng")
    assert not printed_in("8", "đạt 80% trở lên")
    assert not printed_in("1.50", "từ 1.500 đến 1.600")
    assert not printed_in("500", "từ 1.500 đến 1.600")
    assert not printed_in("7,2", "ước đạt 7,22%")


# ------------------------------------------------------------------ the file


def test_term_and_kind(doc: dict[str, Any]) -> None:
    assert doc["term"] == {"start": 2025, "end": 2030}
    assert doc["kind"] == "targets"


def test_main_source_is_a_dated_web_document(doc: dict[str, Any]) -> None:
    source = doc["source"]
    assert source["url"].startswith("https://")
    assert isinstance(source["date"], dt.date)
    assert source["title"] and source["publisher"]
    assert "file" not in source


def test_further_sources_are_dated_web_documents_with_unique_ids(doc: dict[str, Any]) -> None:
    ids = [s["id"] for s in doc["sources"]]
    assert len(ids) == len(set(ids))
    for source in doc["sources"]:
        assert source["url"].startswith("https://"), source["id"]
        assert isinstance(source["date"], dt.date), source["id"]
        assert source["title"] and source["publisher"], source["id"]


def test_every_target_and_baseline_figure_has_a_quote(doc: dict[str, Any]) -> None:
    for label, item in figures(doc):
        ref = item.get("ref")
        assert isinstance(ref, dict), f"{label}: no ref"
        assert isinstance(ref.get("quote"), str) and ref["quote"].strip(), f"{label}: empty quote"
        assert "line" not in ref, f"{label}: a web source has no line numbers"


def test_every_ref_source_exists(doc: dict[str, Any]) -> None:
    known = {s["id"] for s in doc["sources"]}
    for label, item in figures(doc):
        source = item["ref"].get("source")
        assert source is None or source in known, f"{label}: unknown source {source!r}"


def test_every_quote_is_on_its_page(doc: dict[str, Any]) -> None:
    for label, item in figures(doc):
        page = item["ref"].get("source", MAIN)
        assert item["ref"]["quote"] in PAGES[page], f"{label}: quote not found in {page}"


def test_every_number_is_printed_in_its_own_quote(doc: dict[str, Any]) -> None:
    checked = 0
    for label, item in figures(doc):
        for key in NUMBER_KEYS:
            value = item.get(key)
            if value is None:
                continue
            assert printed_in(vi_number(value), item["ref"]["quote"]), (
                f"{label}: {key} {value} is not printed as {vi_number(value)!r} in {item['ref']['quote']!r}"
            )
            checked += 1
    # 10, 12, 3, 80, 75 and 80, 1500 and 1600 (targets); 7.22 and 4000 (baselines)
    assert checked == 10


def test_years_are_inside_the_term(doc: dict[str, Any]) -> None:
    start, end = doc["term"]["start"], doc["term"]["end"]
    for label, item in figures(doc):
        for key in YEAR_KEYS:
            if key in item:
                assert start <= item[key] <= end, f"{label}: {key} {item[key]} outside {start}-{end}"
    for ind in doc["indicators"]:
        if ind.get("baseline"):
            assert ind["baseline"]["year"] == start, ind["id"]


def test_ranges_run_low_to_high(doc: dict[str, Any]) -> None:
    ranges = [t for ind in doc["indicators"] for t in ind["targets"] if "low" in t]
    assert [(t["kind"], t["low"], t["high"]) for t in ranges] == [
        ("level_range", 75, 80),  # "từ 75-80 triệu đồng/người"
        ("count_per_year_range", 1500, 1600),  # "từ 1.500 đến 1.600 đảng viên"
    ]


def test_units_used_are_declared_or_built_in(doc: dict[str, Any]) -> None:
    declared = {u["key"] for u in doc["units"]}
    assert declared == {"million_vnd_per_person"}
    income = next(ind for ind in doc["indicators"] if ind["id"] == "income_per_capita")
    assert income["unit"] == "million_vnd_per_person"


def test_ids_shared_with_the_2025_file_keep_its_names_units_areas_and_direction(doc: dict[str, Any]) -> None:
    old = yaml.safe_load((PATH.parent / "targets_2025.yaml").read_text(encoding="utf-8"))
    before = {ind["id"]: ind for ind in old["indicators"]}
    shared = [ind for ind in doc["indicators"] if ind["id"] in before]
    assert {ind["id"] for ind in shared} == {
        "grdp_growth",
        "budget_revenue",
        "poverty_rate",
        "party_organisations_good",
        "new_party_members",
    }
    for ind in shared:
        prev = before[ind["id"]]
        for key in ("name", "unit", "area"):
            assert ind[key] == prev[key], f"{ind['id']}: {key} differs from targets_2025.yaml"
        assert ind.get("direction", "higher") == prev.get("direction", "higher"), ind["id"]


def test_income_is_not_filed_as_grdp_per_capita(doc: dict[str, Any]) -> None:
    # the source says "thu nhập bình quân đầu người" (income), not GRDP per capita
    ids = {ind["id"] for ind in doc["indicators"]}
    assert "grdp_per_capita" not in ids
    assert "income_per_capita" in ids
