"""The bundled data against the source document: counts, traceability, validity."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from cbkpi.loader import load_data_file
from cbkpi.models import DataFile, GrowthRateTarget, LevelTarget, Ref
from tests.conftest import RESULTS, TARGETS

# Counted by hand from the source text, not from the data files.
# Appendix (lines 543-905): rows 1..17; rows with sub-rows: 6 (grain, value/ha), 8 (quality,
# schools, universalisation), 9 (doctors, health communes, insurance), 11 (four culture rows),
# 12 (trained labour, of which vocational), 16 (urban water, rural water), 17 (party bases,
# new members).
APPENDIX_SUBROWS = {str(n): 1 for n in range(1, 18)} | {"6": 2, "8": 3, "9": 3, "11": 4, "12": 2, "16": 2, "17": 2}
# Part two, lines 335-375: sub-targets of each numbered group. (1): growth + 4 shares;
# (7): expressway, district/commune roads, commune-centre roads; (8): quality, schools;
# (9): health communes, doctors, beds, insurance; (10): four culture rates; (12): trained
# labour, vocational, urban unemployment; (13): new-rural communes, advanced; (15): urban,
# rural water; (17): solid waste, polluting facilities; (18): party bases, new members.
TARGET_SUBTARGETS = {str(n): 1 for n in range(1, 19)} | {
    "1": 5,
    "7": 3,
    "8": 2,
    "9": 4,
    "10": 4,
    "12": 3,
    "13": 2,
    "15": 2,
    "17": 2,
    "18": 2,
}
FIXED_IDS = {
    "grdp_growth",
    "grdp_per_capita",
    "crop_aquaculture_value_per_ha",
    "trade_turnover",
    "budget_revenue",
    "social_investment",
    "new_rural_communes",
    "forest_cover",
    "poverty_rate",
    "health_insurance_coverage",
    "urban_unemployment",
}


@pytest.fixture(scope="module")
def targets() -> DataFile:
    return load_data_file(TARGETS).model


@pytest.fixture(scope="module")
def results() -> DataFile:
    return load_data_file(RESULTS).model


def test_appendix_has_17_indicators_with_every_subrow(results: DataFile) -> None:
    counts = Counter(ind.number for ind in results.indicators)
    assert dict(counts) == APPENDIX_SUBROWS
    assert sum(APPENDIX_SUBROWS.values()) == 28


def test_targets_have_18_groups_with_every_subtarget(targets: DataFile) -> None:
    numbered = Counter(ind.number for ind in targets.indicators if ind.number != "x")
    assert dict(numbered) == TARGET_SUBTARGETS
    assert sum(TARGET_SUBTARGETS.values()) == 37


def test_targets_stated_outside_the_numbered_list(targets: DataFile) -> None:
    by_id = {ind.id: ind for ind in targets.indicators}
    trade_levels = [t for t in by_id["trade_turnover"].targets if isinstance(t, LevelTarget)]
    assert [(t.comparator, t.value, t.year, t.ref.line) for t in trade_levels] == [("over", Decimal("4.5"), 2025, 415)]
    border = by_id["border_gate_revenue_share"].targets[0]
    assert isinstance(border, LevelTarget)
    assert (border.kind, border.comparator, border.value, border.ref.line) == ("level", "over", Decimal("30"), 415)


def test_fixed_ids_are_present(targets: DataFile, results: DataFile) -> None:
    ids = {ind.id for ind in targets.indicators}
    assert ids >= FIXED_IDS
    shared = ids & {ind.id for ind in results.indicators}
    assert {"grdp_growth", "grdp_per_capita", "trade_turnover", "forest_cover", "poverty_rate"} <= shared


def test_labels_are_unique(targets: DataFile, results: DataFile) -> None:
    for data in (targets, results):
        labels = [ind.label for ind in data.indicators]
        assert len(labels) == len(set(labels))


def test_printed_precision_is_kept(results: DataFile) -> None:
    by_id = {ind.id: ind for ind in results.indicators}
    ratio = by_id["grdp_per_capita"].targets[0].published_ratio
    assert ratio is not None and str(ratio.value) == "111"  # printed "111%", not 111.0
    growth = by_id["grdp_growth"].targets[0]
    assert isinstance(growth, GrowthRateTarget)
    assert str(growth.value) == "7.0"  # printed "7,0"


def test_economic_structure_sums_to_100(targets: DataFile) -> None:
    shares = [
        t.value
        for ind in targets.indicators
        if ind.share_group == "economic_structure"
        for t in ind.targets
        if isinstance(t, LevelTarget)
    ]
    assert None not in shares
    assert sum(v for v in shares if v is not None) == Decimal("100.0")  # 16,4 + 32,4 + 48,2 + 3 (line 335)


def _vi(value: Decimal) -> str:
    """Vietnamese notation of a figure as the source prints it: 1650 -> 1.650, 98.17 -> 98,17."""
    text = format(value, "f")
    whole, _, frac = text.partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return ".".join(groups) + ("," + frac if frac else "")


def _figures(data: DataFile) -> Iterator[tuple[str, Decimal, Ref]]:
    """(what, value, ref) for every figure of a data file that cites a line."""
    for ind in data.indicators:
        b = ind.baseline
        if b is not None and b.value is not None and b.ref is not None:
            yield f"{ind.id}.baseline", b.value, b.ref
        for t in ind.targets:
            value = getattr(t, "value", None)
            if value is not None:
                yield f"{ind.id}.{t.kind}", value, t.ref
            if t.result is not None and t.result.value is not None:
                yield f"{ind.id}.result", t.result.value, t.result.ref
            if t.published_ratio is not None:
                yield f"{ind.id}.ratio", t.published_ratio.value, t.published_ratio.ref
    for c in data.claims:
        for name in ("end_value", "increase_pct", "multiple", "average_annual_pct"):
            value = getattr(c, name)
            if value is not None:
                yield f"{c.id}.{name}", value, c.ref


# Figures that are not printed as such on their line, each with the reason.
DERIVED = {
    # 1 school per district per year x 10 district-level units (line 179): see the note in the file.
    "national_standard_schools.count_per_year",
}


@pytest.mark.parametrize("path", [TARGETS, RESULTS], ids=["targets", "results"])
def test_every_figure_is_on_its_cited_line(path: Path, source_lines: list[str]) -> None:
    data = load_data_file(path).model
    missing = []
    for what, value, ref in _figures(data):
        assert ref.line is not None, f"{what}: a ref into the source text needs its line"
        line = source_lines[ref.line - 1]
        if ref.quote is not None and ref.quote.strip() not in line:
            missing.append(f"{what}: quote {ref.quote!r} not on line {ref.line}")
        if what not in DERIVED and _vi(value) not in line:
            missing.append(f"{what}: {_vi(value)} not on line {ref.line}")
    assert missing == []


def test_bundled_data_is_valid() -> None:
    from cbkpi.validation import validate_files

    report = validate_files([TARGETS, RESULTS, TARGETS_2030])
    assert report.errors == []
    assert report.exit_code == 0


TARGETS_2030 = TARGETS.parent / "targets_2030.yaml"


@pytest.mark.parametrize("path", sorted(TARGETS.parent.glob("*.yaml")), ids=lambda p: p.name)
def test_every_figure_has_a_source_and_a_quote_or_line(path: Path) -> None:
    """Figures from a text file under ../shared/source/ cite its line (checked against the text
    above); figures from any other source (a web page) give the exact quote and a source that
    has a title, a publisher and a URL."""
    data = load_data_file(path).model
    problems = []
    for what, _value, ref in _figures(data):
        source = data.source_of(ref)
        if source is None:
            problems.append(f"{what}: unknown source {ref.source!r}")
            continue
        if source.file is not None:  # the text (when present) is checked by the test above
            if ref.line is None:
                problems.append(f"{what}: no line in {source.file}")
        elif not (ref.quote and ref.quote.strip()):
            problems.append(f"{what}: a web source needs the exact quote")
        elif source.url is None:
            problems.append(f"{what}: source {source.title!r} has neither a text file nor a URL")
    assert problems == []
