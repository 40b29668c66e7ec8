"""xlsx: a unit a data file declares gets a number format by its kind, as a built-in unit does
(issue 10): a declared share shows its label after the number like ``percent``'s ``" %"``."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Cli

# A made-up targets file (figures invented for the test): a declared share, a declared rate and
# a declared amount.
DECLARED = """\
source: {title: "Nghị quyết giả định", publisher: "Báo giả định", date: 2025-10-01, url: "https://example.org/nq"}
term: {start: 2025, end: 2030}
kind: targets
units:
  - {key: share_households, vi: "% số hộ", en: "% of households", kind: share}
  - {key: growth_index, vi: "%/năm (chỉ số)", en: "%/yr (index)", kind: rate}
  - {key: visitor_trips, vi: "lượt khách", en: "visitor trips", kind: amount}
indicators:
  - id: internet_households
    name: {vi: "Hộ dùng internet", en: "Households with internet"}
    area: economy
    unit: share_households
    baseline: {year: 2025, value: 62.5, ref: {quote: "62,5% số hộ"}}
    targets:
      - {kind: level, comparator: at_least, value: 80, year: 2030, ref: {quote: "80% số hộ trở lên"}}
  - id: output_growth
    name: {vi: "Tăng trưởng sản lượng", en: "Output growth"}
    area: economy
    unit: growth_index
    baseline: {year: 2025, value: 6.5, ref: {quote: "tăng 6,5%"}}
    targets:
      - {kind: level, comparator: reach, value: 8, year: 2030, ref: {quote: "tăng 8%"}}
  - id: visitors
    name: {vi: "Lượt khách", en: "Visitors"}
    area: economy
    unit: visitor_trips
    baseline: {year: 2025, value: 2000000, ref: {quote: "2.000.000 lượt khách"}}
    targets:
      - {kind: level, comparator: reach, value: 3000000, year: 2030, ref: {quote: "3.000.000 lượt khách"}}
"""


@pytest.mark.parametrize(
    ("lang", "share", "rate"),
    [
        # as percent's '#,##0.0" %"': the declared unit's label after the number, in the language
        ("vi", '#,##0.0" % số hộ"', '#,##0.0" %/năm (chỉ số)"'),
        ("en", '#,##0.0" % of households"', '#,##0.0" %/yr (index)"'),
    ],
)
def test_declared_units_formatted_by_kind(lang: str, share: str, rate: str, tmp_path: Path, cli: Cli) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    data = tmp_path / "t.yaml"
    data.write_text(DECLARED, encoding="utf-8")
    out = tmp_path / "t.xlsx"
    result = cli(["export", str(data), "-o", str(out), "--lang", lang])
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(out).worksheets[0]
    headers = [c.value for c in sheet[1]]
    baseline = headers.index("Giá trị cơ sở" if lang == "vi" else "Baseline value")
    formats = {row[1].value: row[baseline].number_format for row in sheet.iter_rows(min_row=2)}
    assert formats == {"internet_households": share, "output_growth": rate, "visitors": "#,##0"}
