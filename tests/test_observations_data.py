"""The shipped observation files (data/observations/*.yaml) are traceable, read with plain PyYAML.

Independent of cbkpi's models on purpose: these checks hold the data to its sources even before
the code that reads the new keys lands. Numbers are read as the text written in the file (a
loader that resolves no int or float), so that 6.70 and 6.7 are different values here.

Each value, written the Vietnamese way (thousands ".", decimal ","), must appear in its own
quote as a whole number: 6.74 -> "6,74", 4200 -> "4.200", 2009.8 -> "2.009,8", 3.70 -> "3,70".
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import DATA, TARGETS

OBSERVATIONS = DATA / "observations"
FILES = sorted(OBSERVATIONS.glob("*.yaml"))

# The keys of the observation format (data/observations/README.md); anything else is a typo.
SOURCE_KEYS = {"id", "title", "publisher", "url", "date"}
REQUIRED_KEYS = {"indicator", "year", "value", "source", "quote", "estimate"}
OPTIONAL_KEYS = {"published", "revises", "comparator", "definition", "series_break", "note", "unit"}
COMPARATORS = {"over", "at_least", "exactly", "at_most", "under", "reach"}
TERM = range(2020, 2026)  # 2020 (baseline revisions) to 2025

# A value the source writes in words, not digits: the words that must then be in the quote.
# 0 communes: "không có xã nào" (no commune), new-rural criteria 2021-2025 (2022.yaml).
NUMBER_WORDS = {"0": ("không có",)}


class TextNumberLoader(yaml.SafeLoader):
    """SafeLoader that leaves ints and floats as the text written in the file."""


TextNumberLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp) for tag, regexp in resolvers if tag not in {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def vietnamese(number: str) -> str:
    """'6.74' -> '6,74'; '4200' -> '4.200'; '2009.8' -> '2.009,8'; '3.70' -> '3,70' (digits kept)."""
    if not re.fullmatch(r"-?\d+(\.\d+)?", number):
        raise ValueError(f"not a plain decimal number: {number!r}")
    sign = "-" if number.startswith("-") else ""
    whole, _, decimals = number.lstrip("-").partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = sign + ".".join(groups)
    return f"{text},{decimals}" if decimals else text


def appears(number: str, quote: str) -> bool:
    """Whether the number, in Vietnamese notation, is in the quote as a whole number (not 16,74 for 6,74)."""
    pattern = r"(?<![\d.,])" + re.escape(vietnamese(number)) + r"(?![\d]|[.,]\d)"
    if re.search(pattern, quote):
        return True
    return any(words in quote for words in NUMBER_WORDS.get(number, ()))


def indicator_ids() -> set[str]:
    targets = yaml.safe_load(TARGETS.read_text(encoding="utf-8"))
    return {ind["id"] for ind in targets["indicators"]}


def problems(text: str, ids: set[str]) -> list[str]:
    """Everything wrong with one observations file's text; empty when it is traceable."""
    doc: Any = yaml.load(text, Loader=TextNumberLoader)
    found: list[str] = []
    sources: dict[str, dict[str, Any]] = {}
    for i, src in enumerate(doc.get("sources") or []):
        where = f"sources[{i}]"
        if set(src) != SOURCE_KEYS:
            found.append(f"{where}: keys {sorted(src)}, expected {sorted(SOURCE_KEYS)}")
        for key in ("id", "title", "publisher", "url"):
            if not isinstance(src.get(key), str) or not src[key].strip():
                found.append(f"{where}: {key} must be a non-empty text")
        if not str(src.get("url", "")).startswith(("http://", "https://")):
            found.append(f"{where}: url must start with http:// or https://")
        if "date" in src and src["date"] is not None and not hasattr(src["date"], "isoformat"):
            found.append(f"{where}: date must be a date (2024-12-29) or null, got {src['date']!r}")
        if src.get("id") in sources:
            found.append(f"{where}: duplicate source id {src['id']!r}")
        sources[str(src.get("id"))] = src
    for i, obs in enumerate(doc.get("observations") or []):
        where = f"observations[{i}] ({obs.get('indicator')} {obs.get('year')})"
        missing = REQUIRED_KEYS - set(obs)
        unknown = set(obs) - REQUIRED_KEYS - OPTIONAL_KEYS
        if missing:
            found.append(f"{where}: missing {sorted(missing)}")
        if unknown:
            found.append(f"{where}: unknown keys {sorted(unknown)}")
        if obs.get("indicator") not in ids:
            found.append(f"{where}: indicator {obs.get('indicator')!r} is not an id of {TARGETS.name}")
        if not re.fullmatch(r"\d{4}", str(obs.get("year"))) or int(obs["year"]) not in TERM:
            found.append(f"{where}: year must be within 2020-2025")
        if obs.get("source") not in sources:
            found.append(f"{where}: source {obs.get('source')!r} is not an id in this file's sources")
        quote = obs.get("quote")
        if not isinstance(quote, str) or not quote.strip():
            found.append(f"{where}: quote must be a non-empty text")
        elif not appears(str(obs.get("value")), quote):
            found.append(f"{where}: value {obs.get('value')} ({vietnamese(str(obs.get('value')))}) is not in its quote")
        if not isinstance(obs.get("estimate"), bool):
            found.append(f"{where}: estimate must be true or false")
        if "comparator" in obs and obs["comparator"] not in COMPARATORS:
            found.append(f"{where}: comparator {obs['comparator']!r} is not one of {sorted(COMPARATORS)}")
        if obs.get("series_break") and not obs.get("definition"):
            found.append(f"{where}: a series break needs the new definition")
    return found


def test_vietnamese_notation_by_hand() -> None:
    assert vietnamese("6.74") == "6,74"
    assert vietnamese("4200") == "4.200"
    assert vietnamese("35.62") == "35,62"
    assert vietnamese("2009.8") == "2.009,8"
    assert vietnamese("3.70") == "3,70"  # printed precision kept
    assert vietnamese("661") == "661"
    assert vietnamese("1234567.5") == "1.234.567,5"


def test_a_value_must_be_a_whole_number_of_the_quote() -> None:
    assert appears("6.74", "tăng 6,74% so với")
    assert not appears("6.74", "tăng 16,74%")  # inside a longer number
    assert not appears("6.7", "tăng 6,74%")  # a shorter precision
    assert not appears("3.7", "chiếm 3,70%")
    assert appears("4200", "là gần 4.200 tỷ đồng")
    assert not appears("4200", "là 4.200,5 tỷ")


def test_observation_files_are_shipped() -> None:
    names = {f.name for f in FILES}
    assert {"2020.yaml", "2021.yaml", "2022.yaml", "2023.yaml", "2024.yaml", "2025.yaml"} <= names


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_observation_is_traceable(path: Path) -> None:
    assert problems(path.read_text(encoding="utf-8"), indicator_ids()) == []


def test_changing_one_value_fails() -> None:
    # GRDP growth 2024 is 6,74 in the statistics office's quote; 6.70 is not in it.
    text = (OBSERVATIONS / "2024.yaml").read_text(encoding="utf-8")
    assert "    value: 6.74\n" in text
    found = problems(text.replace("    value: 6.74\n", "    value: 6.70\n", 1), indicator_ids())
    assert found == ["observations[0] (grdp_growth 2024): value 6.70 (6,70) is not in its quote"]


def test_dropping_printed_precision_fails() -> None:
    # The product-tax share is printed 3,70; 3.7 would be read as another figure.
    text = (OBSERVATIONS / "2024.yaml").read_text(encoding="utf-8")
    found = problems(text.replace("    value: 3.70\n", "    value: 3.7\n", 1), indicator_ids())
    assert found == ["observations[4] (grdp_share_product_taxes 2024): value 3.7 (3,7) is not in its quote"]


def test_unknown_source_and_indicator_fail() -> None:
    text = (OBSERVATIONS / "2025.yaml").read_text(encoding="utf-8")
    text = text.replace("    source: sggp_2025_12_21\n", "    source: nowhere\n", 1)
    text = text.replace("  - indicator: grdp_growth\n", "  - indicator: grdp_growht\n", 1)
    found = problems(text, indicator_ids())
    assert found == [
        "observations[0] (grdp_growht 2025): indicator 'grdp_growht' is not an id of targets_2025.yaml",
        "observations[0] (grdp_growht 2025): source 'nowhere' is not an id in this file's sources",
    ]
