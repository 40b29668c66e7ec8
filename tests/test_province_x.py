"""A second, made-up province (tests/fixtures/province_x): its own units, areas, web sources and
range targets validate, report their status and export in every format with no code change.
Also the errors a declaration can make, each located."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cbkpi import formats
from tests.conftest import Cli

PROVINCE = Path(__file__).resolve().parent / "fixtures" / "province_x"
DATA = ["--data-dir", str(PROVINCE)]


def test_validates(cli: Cli) -> None:
    out = cli(["validate", *DATA])
    assert out.exit_code == 0, out.output
    assert "2 file(s) valid" in out.output


@pytest.mark.parametrize("name", formats.STATUS.names)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_status_every_format(cli: Cli, name: str, lang: str) -> None:
    out = cli(["status", *DATA, "--format", name, "--lang", lang])
    assert out.exit_code == 0
    if name not in ("json", "csv-keys"):
        # the declared labels, not the keys (csv is for people; csv-keys keeps the keys)
        assert ("lượt" if lang == "vi" else "visitor") in out.output  # a table may wrap the label
    if name == "table":
        assert ("DU LỊCH" if lang == "vi" else "TOURISM") in out.output  # a declared area


def test_status_figures(cli: Cli) -> None:
    doc = json.loads(cli(["status", *DATA, "--format", "json"]).output)
    inds = {i["id"]: i for i in doc["terms"][0]["indicators"]}
    visitors = inds["visitors"]["targets"][0]
    # 2.000.000 (2025) -> 3.000.000 .. 3.500.000 by 2030:
    # (3/2)^(1/5) - 1 = 8,4472 %/yr; (3,5/2)^(1/5) - 1 = 11,8427 %/yr
    assert visitors["range_required"]["low"] == pytest.approx(8.4472, abs=1e-4)
    assert visitors["range_required"]["high"] == pytest.approx(11.8427, abs=1e-4)
    roads = inds["rural_roads"]["targets"][0]
    # 100-120 km a year over 2025-2030: 500-600 km in all
    assert roads["range_implied_end_value"] == {"low": 500, "high": 600}
    tracking = inds["rural_roads"]["tracking"]["targets"][0]
    # 110 (2026) and 90 (2027): 100 km a year on average, the low end: on track, within the range
    assert (tracking["status"], tracking["range_position"]) == ("on_track", "within")


@pytest.mark.parametrize("name", formats.EXPORT.names)
def test_exports_every_format(cli: Cli, name: str, tmp_path: Path) -> None:
    path = tmp_path / f"x.{name}"
    out = cli(["export", *DATA, "--format", name, "-o", str(path), "--lang", "en"])
    assert out.exit_code == 0, out.output
    assert path.stat().st_size > 0


def test_show_and_audit(cli: Cli) -> None:
    out = cli(["show", "visitors", *DATA, "--lang", "en"])
    assert out.exit_code == 0
    assert "Tourism" in out.output and "visitor trips" in out.output
    assert "source: thong_ke_x: “đón 2.000.000 lượt khách”" in out.output
    assert cli(["audit", *DATA]).exit_code == 0


HEAD = """\
source: {title: T, publisher: P, date: 2025-09-17, url: "https://example.org/a"}
term: {start: 2025, end: 2030}
kind: targets
"""
IND = """\
indicators:
  - id: trips
    name: {vi: A, en: A}
    area: {area}
    unit: {unit}
    targets:
      - {kind: level, value: 5, year: 2030, ref: {quote: q}}
"""


@pytest.mark.parametrize(
    ("declared", "area", "unit", "line", "words"),
    [
        ("units:\n  - {key: trips, vi: l, en: t, kind: counts}\n", "economy", "trips", 5, "'amount'"),
        (
            "units:\n  - {key: trips, vi: l, en: t, kind: amount}\n  - {key: trips, vi: l, en: t, kind: amount}\n",
            "economy",
            "trips",
            6,
            "unit 'trips' is declared twice",
        ),
        (
            "units:\n  - {key: percent, vi: l, en: t, kind: share}\n",
            "economy",
            "percent",
            5,
            "unit 'percent' is built in",
        ),
        ("areas:\n  - {key: economy, vi: K, en: E}\n", "economy", "percent", 5, "area 'economy' is built in"),
        ("", "tourism", "percent", 7, "unknown area 'tourism'"),
        ("", "economy", "trips", 8, "unknown unit 'trips'"),
    ],
)
def test_declaration_errors_are_located(
    cli: Cli, tmp_path: Path, declared: str, area: str, unit: str, line: int, words: str
) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(HEAD + declared + IND.replace("{area}", area).replace("{unit}", unit), encoding="utf-8")
    out = cli(["validate", str(path)])
    assert out.exit_code == 1
    assert f"t.yaml:{line}:" in out.output, out.output
    assert words in out.output


def test_a_unit_declared_in_one_file_serves_the_whole_report(cli: Cli, tmp_path: Path) -> None:
    declares = (
        HEAD
        + "units:\n  - {key: trips, vi: lượt, en: trips, kind: amount}\n"
        + IND.replace("{area}", "economy").replace("{unit}", "trips")
    )
    uses = HEAD.replace("2025, end: 2030", "2020, end: 2025").replace("date: 2025-09-17", "date: 2020-09-17")
    uses += IND.replace("{area}", "economy").replace("{unit}", "trips").replace("year: 2030", "year: 2025")
    (tmp_path / "a.yaml").write_text(declares, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(uses, encoding="utf-8")
    out = cli(["validate", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml")])
    assert out.exit_code == 0, out.output
    # declared differently in a second file: an error at the second declaration
    clash = uses.replace("indicators:", "units:\n  - {key: trips, vi: lượt, en: trips, kind: share}\nindicators:")
    (tmp_path / "b.yaml").write_text(clash, encoding="utf-8")
    out = cli(["validate", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml")])
    assert out.exit_code == 1
    assert "b.yaml:5:" in out.output and "unit 'trips' is declared differently in" in out.output


def test_xlsx_has_both_ends_of_a_range(cli: Cli, tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "x.xlsx"
    assert cli(["export", *DATA, "-o", str(path), "--lang", "en"]).exit_code == 0
    rows = list(openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True))
    header = list(rows[0])
    # f10b's sheet: a level range's paces and a count range's totals in columns of their own
    pace = header.index("Required to the low end (%/yr)")
    total = header.index("End total: low end")
    assert header[pace + 1] == "Required to the high end (%/yr)" and header[total + 1] == "End total: high end"
    by_id = {r[1]: r for r in rows[1:]}
    # (3/2)^(1/5) - 1 = 8,4472 %/yr and (3,5/2)^(1/5) - 1 = 11,8427 %/yr; roads 100 × 5 = 500, 120 × 5 = 600
    assert by_id["visitors"][pace] == pytest.approx(8.4472, abs=1e-4)
    assert by_id["visitors"][pace + 1] == pytest.approx(11.8427, abs=1e-4)
    assert (by_id["rural_roads"][total], by_id["rural_roads"][total + 1]) == (500, 600)
    low = header.index("Target: low end")
    assert (by_id["rural_roads"][low], by_id["rural_roads"][low + 1]) == (100, 120)  # the ends as written


@pytest.mark.parametrize("name", formats.LIST.names)
def test_list_every_format_with_declared_units(cli: Cli, name: str) -> None:
    out = cli(["list", *DATA, "--format", name, "--lang", "en"])
    assert out.exit_code == 0
    assert "visitor" in out.output  # the declared unit's label (json: the key)


def test_status_heading_names_a_web_source_with_or_without_a_date(cli: Cli, tmp_path: Path) -> None:
    out = cli(["status", *DATA, "--lang", "en", "--width", "200"])
    assert out.exit_code == 0
    # targets.yaml line 4: publisher, date and URL of the web source
    assert "(Báo Tỉnh X (giả định), 2025-10-01, https://example.org/tinh-x/nghi-quyet)" in out.output
    # the same file with its source undated (date: null): publisher and URL only
    data = tmp_path / "data"
    shutil.copytree(PROVINCE, data)
    targets = data / "targets.yaml"
    text = targets.read_text(encoding="utf-8")
    targets.write_text(text.replace("date: 2025-10-01, url", "date: null, url"), encoding="utf-8")
    out = cli(["status", "--data-dir", str(data), "--lang", "en", "--width", "200"])
    assert out.exit_code == 0
    assert "(Báo Tỉnh X (giả định), https://example.org/tinh-x/nghi-quyet)" in out.output


DECLARED_KINDS = """\
units:
  - {key: coverage, vi: "% xã", en: "% of communes", kind: share}
  - {key: coops, vi: "hợp tác xã", en: "cooperatives", kind: amount, measure: count}
  - {key: tonnes, vi: "tấn", en: "tonnes", kind: amount}
indicators:
  - id: coverage
    name: {vi: A, en: A}
    area: economy
    unit: coverage
    baseline: {year: 2025, value: 40, ref: {quote: q}}
    targets:
      - {kind: level, value: 60, year: 2030, ref: {quote: q}}
  - id: coops
    name: {vi: B, en: B}
    area: economy
    unit: coops
    baseline: {year: 2025, value: 100, ref: {quote: q}}
    targets:
      - {kind: level, value: 150, year: 2030, ref: {quote: q}}
  - id: tonnes
    name: {vi: C, en: C}
    area: economy
    unit: tonnes
    baseline: {year: 2025, value: 100, ref: {quote: q}}
    targets:
      - {kind: level, value: 150, year: 2030, ref: {quote: q}}
"""


def test_a_declared_unit_is_paced_by_its_kind(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(HEAD + DECLARED_KINDS, encoding="utf-8")
    out = cli(["status", str(path), "--format", "json"])
    assert out.exit_code == 0, out.output
    inds = {i["id"]: i["targets"][0] for i in json.loads(out.output)["terms"][0]["indicators"]}
    # a declared share, 40 -> 60 in 5 years: (60 - 40) / 5 = 4 percentage points a year
    assert (inds["coverage"]["required_pace"], inds["coverage"]["required_pace_unit"]) == (4.0, "pp_per_year")
    # a declared count, 100 -> 150 cooperatives in 5 years: (150 - 100) / 5 = 10 a year
    assert (inds["coops"]["required_pace"], inds["coops"]["required_pace_unit"]) == (10.0, "units_per_year")
    # a declared amount, 100 -> 150 tonnes: (150/100)^(1/5) - 1 = 8.4472 % a year, compound
    assert inds["tonnes"]["required_pace_unit"] == "pct_per_year"
    assert inds["tonnes"]["required_pace"] == pytest.approx(((150 / 100) ** 0.2 - 1) * 100, abs=1e-4)
