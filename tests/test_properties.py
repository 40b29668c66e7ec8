"""Property tests: whatever YAML, bytes or numbers cbkpi is given, it either succeeds or fails
cleanly (exit 1 or 2, a message, no exception), in-process through tests.conftest.run_cli,
which lets every exception through to fail the example.

Inputs: random nested data dumped with yaml.safe_dump (with the schema's own keys mixed in so
that examples reach past the first check), random bytes, the bundled data files with one key
deleted or one scalar replaced, and number strings for ``cbkpi calc``.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import Result

from tests.conftest import run_cli

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = [ROOT / "data" / "targets_2025.yaml", ROOT / "data" / "results_2020.yaml"]

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

SCHEMA_KEYS = [
    "source",
    "term",
    "kind",
    "indicators",
    "claims",
    "title",
    "publisher",
    "date",
    "file",
    "start",
    "end",
    "id",
    "number",
    "sub",
    "name",
    "vi",
    "en",
    "area",
    "unit",
    "direction",
    "share_group",
    "baseline",
    "targets",
    "year",
    "value",
    "estimate",
    "ref",
    "line",
    "quote",
    "note",
    "comparator",
    "start_year",
    "end_year",
    "result",
    "published_ratio",
    "equivalent",
    "ratio_basis",
    "per_unit",
    "label",
    "description",
    "text",
]
SCHEMA_WORDS = [
    "targets",
    "results",
    "level",
    "growth_rate",
    "count_per_year",
    "points_reduction_per_year",
    "maintain",
    "milestone",
    "qualitative",
    "percent",
    "billion_usd",
    "economy",
    "over",
    "reach",
    "higher",
    "lower",
]


def _finish(result: Result, args: list[str]) -> None:
    """Exit 0, 1 or 2, with a message when it fails. (An exception fails the example by itself:
    run_cli lets it through.)"""
    where = f"cbkpi {' '.join(args)}"
    assert result.exit_code in (0, 1, 2), f"{where} exited {result.exit_code}\n{result.output[:2000]}"
    assert result.exit_code == 0 or result.output.strip(), f"{where} exited {result.exit_code} without a word"


def _strict_json(text: str, where: str) -> None:
    """Valid JSON in the strict sense: no NaN or Infinity, which JSON has not."""

    def refuse(name: str) -> None:
        raise AssertionError(f"{where} printed {name}, which is not JSON")

    json.loads(text, parse_constant=refuse)


def _check_file(text: str | bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "gen.yaml"
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        for args in (
            ["validate", str(path)],
            ["validate", str(path), "--format", "json"],
            ["status", str(path), "--format", "json"],
        ):
            result = run_cli(args)
            _finish(result, args)
            if "json" in args and (args[0] == "validate" or result.exit_code == 0):
                _strict_json(result.stdout, f"cbkpi {' '.join(args)}")


# ------------------------------------------------------------------------------ strategies
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from([10**400, -(10**400), 2**63, -(2**63) - 1]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(SCHEMA_WORDS),
    st.integers(min_value=1890, max_value=2110),
    st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2200, 1, 1)),
)
keys = st.one_of(st.sampled_from(SCHEMA_KEYS), st.text(max_size=10), st.integers(-5, 5))
nested = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(keys, children, max_size=6),
    ),
    max_leaves=40,
)
documents = st.one_of(
    nested,
    st.fixed_dictionaries(
        {},
        optional={
            "source": nested,
            "term": nested,
            "kind": st.sampled_from(["targets", "results"]) | nested,
            "indicators": st.lists(st.dictionaries(keys, nested, max_size=8), max_size=3) | nested,
            "claims": nested,
        },
    ),
)


@SETTINGS
@given(documents)
def test_generated_yaml_fails_cleanly(doc: Any) -> None:
    _check_file(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False))


@SETTINGS
@given(st.binary(max_size=2000))
def test_random_bytes_fail_cleanly(raw: bytes) -> None:
    _check_file(raw)


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("ab: -[]{}&*!|>'\"#%@`,?\n\t\r\\0123456789.e")), max_size=200))
def test_yaml_punctuation_soup_fails_cleanly(text: str) -> None:
    _check_file(text)


# ------------------------------------------------------------------------------ mutations
def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


BUNDLED_DATA = {p.name: _load(p) for p in BUNDLED}


def _paths(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path to a value under ``node`` (the root excepted)."""
    if isinstance(node, dict):
        items: Any = node.items()
    elif isinstance(node, list):
        items = enumerate(node)
    else:
        return
    for k, v in items:
        yield (*path, k)
        yield from _paths(v, (*path, k))


def _copy(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _copy(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_copy(v) for v in node]
    return node


def _parent(doc: Any, path: tuple[Any, ...]) -> Any:
    for part in path[:-1]:
        doc = doc[part]
    return doc


@SETTINGS
@given(st.sampled_from(sorted(BUNDLED_DATA)), st.data())
def test_bundled_file_with_a_key_deleted(name: str, data: st.DataObject) -> None:
    doc = _copy(BUNDLED_DATA[name])
    paths = [p for p in _paths(doc) if isinstance(_parent(doc, p), dict)]
    path = data.draw(st.sampled_from(paths), label="deleted")
    del _parent(doc, path)[path[-1]]
    _check_file(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False))


RAW_TOKENS = [
    "1.0e+400",
    "-1.0e+400",
    "1.0e-999999999",
    "1.0e+999999",
    "1e400",
    ".nan",
    "-.inf",
    "0x1F",
    "0o17",
    "0b101",
    "1_000.5",
    "190:20:30",
    "9" * 400,
    "-0.0",
    "2020-02-30",
    "2020-05-28 10:00:00",
    "~",
    "!!str 5",
    "!!int 5.5",
    "!!float abc",
    "!!bool maybe",
    "!!null x",
    "!!timestamp 2020-13-45",
    "*undefined",
    "&anchor 5",
    "[]",
    "{}",
    '"\\x00"',
    "'unterminated",
    "|\n  block",
]
SENTINEL = "__raw_token__"


@SETTINGS
@given(st.sampled_from(sorted(BUNDLED_DATA)), st.data(), st.one_of(scalars, nested, st.sampled_from(RAW_TOKENS)))
def test_bundled_file_with_a_value_replaced(name: str, data: st.DataObject, value: Any) -> None:
    """A value replaced by random data, or by a raw YAML token written into the text."""
    doc = _copy(BUNDLED_DATA[name])
    paths = [p for p in _paths(doc) if not isinstance(_parent(doc, p)[p[-1]], (dict, list))]
    path = data.draw(st.sampled_from(paths), label="replaced")
    raw = value if isinstance(value, str) and value in RAW_TOKENS else None
    _parent(doc, path)[path[-1]] = SENTINEL if raw is not None else value
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=10_000)
    _check_file(text.replace(SENTINEL, raw) if raw is not None else text)


@SETTINGS
@given(st.sampled_from(sorted(BUNDLED_DATA)), st.data())
def test_bundled_file_with_a_list_item_duplicated_or_dropped(name: str, data: st.DataObject) -> None:
    doc = _copy(BUNDLED_DATA[name])
    paths = [p for p in _paths(doc) if isinstance(_parent(doc, p), list)]
    path = data.draw(st.sampled_from(paths), label="item")
    items = _parent(doc, path)
    if data.draw(st.booleans(), label="duplicate"):
        items.insert(path[-1], _copy(items[path[-1]]))
    else:
        del items[path[-1]]
    _check_file(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False))


# ------------------------------------------------------------------------------ calc
digits = st.text(alphabet="0123456789", min_size=1, max_size=7)
vi_numbers = st.builds(
    lambda a, b, frac: ".".join([a, *b]) + (f",{frac}" if frac else ""),
    st.text(alphabet="123456789", min_size=1, max_size=3),
    st.lists(st.text(alphabet="0123456789", min_size=3, max_size=3), max_size=3),
    st.text(alphabet="0123456789", max_size=3),
)
number_strings = st.one_of(
    st.just(""),
    digits,
    vi_numbers,
    st.sampled_from(
        [
            "1.650,5",
            "1,650.5",
            "1.650",
            "1,650",
            "4,5",
            "-0",
            "0",
            "nan",
            "inf",
            "-inf",
            "1e400",
            "١٢٣",
            "１２３",
            "12%",
            " 7 ",
            "1 650,5",
            "1\u00a0650",
            "--",
            "+-1",
            ".",
            ",",
        ]
    ),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str),
    st.text(max_size=12),
)


@SETTINGS
@given(
    st.sampled_from(["required", "cagr", "implied", "achieved"]),
    number_strings,
    number_strings,
    number_strings,
    st.sampled_from(["vi", "en", None]),
    st.booleans(),
)
def test_calc_number_strings(command: str, a: str, b: str, years: str, notation: str | None, json_out: bool) -> None:
    args = ["calc", command, "--", a, b] if a.startswith("-") or b.startswith("-") else ["calc", command, a, b]
    options: list[str] = [] if command == "achieved" else [f"--years={years}"]
    if notation:
        options.append(f"--notation={notation}")
    if json_out:
        options.append("--json")
    full = [*args[:2], *options, *args[2:]]
    _finish(run_cli(full), full)
