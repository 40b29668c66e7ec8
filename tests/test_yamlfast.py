"""The YAML fast path (cbkpi.yamlfast) against the LibYAML reader (yamlread.parse_libyaml).

For every document: the fast path either declines (None) or returns exactly what the LibYAML
reader returns (the same values of the same types, the same key order, the same count of values,
the same wide mappings and their marks), and it never accepts a document LibYAML refuses.
The documents: every YAML file of the repository, every YAML example in the docs, thousands of
generated documents mixing what the fast path reads with what it must leave to LibYAML, and
hypothesis' own mixtures of lines.
"""

from __future__ import annotations

import contextlib
import importlib.util
import random
import re
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cbkpi import yamlfast, yamlread
from cbkpi.diagnostics import DataError

REPO = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("cbkpi_bench", REPO / "bench" / "bench.py")
assert _spec is not None and _spec.loader is not None
bench = importlib.util.module_from_spec(_spec)  # the benchmark's data writer, for its files' shape
sys.modules.setdefault("cbkpi_bench", bench)  # dataclasses look their module up there
_spec.loader.exec_module(bench)


def shape(value: Any) -> Any:
    """A value with every type and every key order spelled out (``True == 1`` and
    ``Decimal('1.0') == Decimal('1.00')`` in Python, but not here)."""
    if isinstance(value, dict):
        return ("dict", [(shape(k), shape(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [shape(v) for v in value])
    return (type(value).__name__, repr(value))


def outcome(text: str) -> tuple[str, Any]:
    """('fast', shape) when the fast path reads ``text`` and agrees; ('declined', None) when it
    declines. Fails the test on any disagreement."""
    # The fast path declines or refuses only in its own ways (parse hides any other slip).
    with contextlib.suppress(yamlfast._Decline, DataError):
        yamlfast._read(text, "doc.yaml")
    fast = yamlfast.parse(text, "doc.yaml")
    try:
        slow: yamlread.Document | DataError = yamlread.parse_libyaml(text, "doc.yaml")
    except DataError as exc:
        slow = exc
    if fast is None:
        return "declined", None
    assert isinstance(slow, yamlread.Document), f"fast path accepted what LibYAML refuses: {slow}\n{text}"
    assert shape(fast.data) == shape(slow.data), text
    assert fast.values == slow.values, text
    assert fast.wide == slow.wide, text
    assert fast.file == slow.file
    fast_marks = yamlfast.marks(text, "doc.yaml")
    assert fast_marks is not None, f"the fast path read the document but not its marks\n{text}"
    assert all_marks(text, fast_marks) == all_marks(text, None), text
    return "fast", shape(fast.data)


def all_marks(text: str, found: yamlread.Positions | None) -> list[tuple[Any, ...]]:
    """Every path of the document with the marks ``find`` and ``key`` give for it, from
    ``found`` (the fast path's marks) or, when None, from LibYAML's read with marks."""
    if found is None:
        found = yamlread.libyaml_marks(text, "doc.yaml")
    listed: list[tuple[Any, ...]] = [((), found.find(()))]
    todo: list[tuple[tuple[Any, ...], Any]] = [((), found.root)]
    while todo:
        path, node = todo.pop()
        entries = (
            list(node.items()) if isinstance(node, dict) else list(enumerate(node)) if isinstance(node, list) else []
        )
        for part, child in entries:
            where = (*path, part)
            listed.append((where, found.find(where), found.key(where) if isinstance(node, dict) else None))
            todo.append((where, child))
    return listed


def test_shape_tells_types_apart() -> None:
    # The comparison itself must see what == hides.
    assert shape({"a": True}) != shape({"a": 1})
    assert shape([Decimal("1.0")]) != shape([Decimal("1.00")])
    assert shape({"a": 1, "b": 2}) != shape({"b": 2, "a": 1})


# ------------------------------------------------------------------ the repository's files
def repository_yaml() -> list[Path]:
    found = [*REPO.glob("data/**/*.yaml"), *REPO.glob("tests/**/*.yaml"), *REPO.glob("docs/**/*.yaml")]
    return sorted(found)


def docs_examples() -> list[str]:
    """The ```yaml blocks of README.md and docs/*.md."""
    blocks = []
    for md in [REPO / "README.md", *sorted((REPO / "docs").glob("*.md")), REPO / "bench" / "README.md"]:
        blocks += re.findall(r"```ya?ml\n(.*?)```", md.read_text(encoding="utf-8"), re.S)
    return blocks


@pytest.mark.parametrize("path", repository_yaml(), ids=lambda p: str(p.relative_to(REPO)))
def test_repository_files_agree(path: Path) -> None:
    outcome(yamlread.read_text(path, str(path)))


def test_docs_examples_agree() -> None:
    examples = docs_examples()
    assert len(examples) >= 3  # the docs show the data format
    for text in examples:
        outcome(text)


def test_bundled_data_takes_the_fast_path() -> None:
    """A regression to the LibYAML reader on the files people write would go unseen otherwise."""
    files = sorted((REPO / "data").glob("**/*.yaml"))
    assert len(files) >= 9
    for path in files:
        kind, _ = outcome(yamlread.read_text(path, str(path)))
        assert kind == "fast", path


def test_bench_shape_takes_the_fast_path(tmp_path: Path) -> None:
    targets = bench.write_dataset(30, tmp_path)
    for path in [targets, *sorted((tmp_path / "observations").glob("*.yaml"))]:
        text = path.read_text(encoding="utf-8")
        kind, _ = outcome(text)
        assert kind == "fast", path
    series = bench.write_observation_series(12, tmp_path / "series")
    assert outcome(series.read_text(encoding="utf-8"))[0] == "fast"


def test_parse_uses_the_fast_path_and_keeps_lazy_marks() -> None:
    text = "a: 1\nb:\n  - {c: x, d: 2020-05-28}\n  - e: >-\n      folded\n      text\n"
    doc = yamlread.parse(text, "doc.yaml")
    assert yamlfast.parse(text, "doc.yaml") is not None
    # 1-based (line, column) as LibYAML reports them: "b:" holds a sequence starting at line 3,
    # column 3 (after two spaces); in "  - {c: x, d: 2020-05-28}" the date's "2" is the 15th
    # character; in "  - e: >-" the key "e" is the 5th.
    assert doc.positions.find(("b",)) == (3, 3)
    assert doc.positions.find(("b", 0, "d")) == (3, 15)
    assert doc.positions.key(("b", 1, "e")) == (4, 5)
    assert list(doc.data) == ["a", "b"] and doc.data["b"][1] == {"e": "folded text"}


def test_errors_still_come_from_libyaml() -> None:
    # A duplicate key: the fast path declines, the LibYAML reader words the error with both lines.
    with pytest.raises(DataError) as caught:
        yamlread.parse("a: 1\nb: 2\na: 3\n", "doc.yaml")
    (diag,) = caught.value.diagnostics
    assert (diag.line, diag.column, diag.code) == (3, 1, "duplicate-key")
    # Base 60: refused with its line, as before.
    with pytest.raises(DataError) as caught:
        yamlread.parse("a: 1\nvalue: 5:04\n", "doc.yaml")
    assert caught.value.diagnostics[0].code == "base-60"
    assert caught.value.diagnostics[0].line == 2


def test_values_resolved_as_yaml_1_1() -> None:
    text = "a: yes\nb: 0x1f\nc: 1_000\nd: ~\ne: 7.0\nf: '7.0'\ng: 2020-05-28\nh: url: x\n"  # h declines the document (": " in a plain scalar)
    assert yamlfast.parse(text, "x") is None
    doc = yamlfast.parse(text.replace("h: url: x\n", "h: https://x.org/a#b\n"), "x")
    assert doc is not None
    data = doc.data
    # YAML 1.1: yes is true, 0x1f is 31, 1_000 is 1000, ~ is null, 7.0 keeps its one decimal,
    # a quoted '7.0' stays a string, 2020-05-28 is a date, '#' after a non-space is text.
    assert data["a"] is True and data["b"] == 31 and data["c"] == 1000 and data["d"] is None
    assert repr(data["e"]) == "Decimal('7.0')" and data["f"] == "7.0"
    assert str(data["g"]) == "2020-05-28" and data["h"] == "https://x.org/a#b"


# ------------------------------------------------------------------ generated documents
PLAIN = [
    "x", "hello world", "a#b", "a #b", "https://x.org/p?q=1#f", "a:b", "a: b", "a:", "~", "null", "Null",
    "NULL", "yes", "No", "on", "OFF", "y", "n", "true", "False", "0x1f", "0o17", "017", "0b101", "1_000",
    "5:04", "190:20:30", "1:2.5", ".inf", "-.inf", ".NaN", "1e400", "1e-400", "1.0e+30", "1e3", "1.5e3",
    "-5", "+5", "-x", "- x", "--x", "2020-05-28", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5",
    "2020-13-45", "3.14", "007", "0", "-0", "12", "1.2.3", "7,0", "1.650", "=", "<<", "é", "Đạt 7,0%",
    "Chỉ tiêu số 1", "x,y", "a]", "a}", "a ... b", "-1.5", "+.5", ".5", "1.", "x  ", "it's", 'say "hi"',
    "a | b", "a > b", "50%", "@x", "`x", "%x", "!x", "&a x", "*a", "!!str 5", "? x", "[x", "{x", "x\ty",
    "1" * 400, "9" * 5000, "a" * 5000, "\x85", "a\u2028b", "\ufeffx", "x\r", "\x07",
]  # fmt: skip
QUOTED = [
    '"dq"', '"with # hash"', '"a: b"', '"7,0"', '"1"', '"yes"', '""', "''", "'sq'", "'a#b'", "'it''s'",
    '"esc \\n"', '"tab\\t"', '"unterminated', "'unterminated", '"a" b', '"a"#c', "'x' # c", '"Đạt"',
    '"{a: 1}"', '"[1, 2]"', "'q' ",
]  # fmt: skip
FLOW = [
    "[1, 2]", "[a, b c]", "[]", "{}", "[ ]", "{ }", "{a: 1, b: x}", "{a: 1,b: 2}", "{a: 1, a: 2}", "{a: 1,}",
    "[1,]", "{a: {b: 1}}", "{a: [1, 2], b: {c: d}}", "[a, [b, c]]", "[{a: 1}, {b: 2}]", "{a:1}", "{a}", "{a: }",
    '{a: "x, y", b: \'z}\'}', "{a: b: c}", "{a: 1} # c", "{a: 1}#c", "{a: 1} x", "[a, b", "{a: 1", "{a: [1}",
    "{ a: 1 , b : 2 }", "{a: x #y}", "{a: -1, b: .inf}", "{a: 5:04}", "{a: 2020-05-28}", "{a: yes, b: ~}",
    "{url: https://x}", "{1: a}", "{yes: a}", "[x  , y ]", "{a: 'it''s'}", "{a: \"Đạt\", b: 'ớ'}",
]  # fmt: skip
KEYS = ["a", "b", "c", "id", "name", "value", "year", "note", "x.y", "a-b", "A_1", "1", "yes", "null", "~",
        "a b", '"q"', "'s'", "a:b", "é", "-a", "k" * 200, "on", "0x1", "<<", "1.5"]  # fmt: skip
SAFE_KEYS = ["a", "b", "c", "id", "name", "value", "year", "note", "x.y", "a-b", "A_1", "kind", "ref"]
BLOCK_HEADERS = [">-", "|", ">", "|-", ">+", "|2", ">- # c", "|-  ", ">-#c"]
BLOCK_LINES = ["text", "more text here", "# not a comment", "a: b", "- x", "  deeper", "", "Đạt", "x  "]


class Gen:
    """A document as lines: mostly what people write, with tricky pieces and mistakes mixed in."""

    def __init__(self, rng: random.Random, tricky: float) -> None:
        self.rng = rng
        self.tricky = tricky

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def scalar(self, flow_ok: bool = True) -> str:
        r = self.rng
        if self.chance(self.tricky):
            return r.choice(PLAIN + QUOTED + (FLOW if flow_ok else []))
        return r.choice(["x", "some text", "12", "7.0", "-1.5", "true", "null", "2020-05-28", '"q: #"', "'s'",
                         "Đạt 7,0%", "a#b", "https://x.org/a", "[1, 2]", "{a: 1, b: x}", "{a: {b: c}}"])  # fmt: skip

    def key(self, used: set[str]) -> str:
        if self.chance(self.tricky / 2):
            return self.rng.choice(KEYS)
        free = [k for k in SAFE_KEYS if k not in used] or ["z"]
        key = self.rng.choice(free)
        used.add(key)
        return key

    def block(self, indent: int, depth: int) -> list[str]:
        r = self.rng
        pad = " " * indent
        lines: list[str] = []
        is_map = self.chance(0.6)
        used: set[str] = set()
        for _ in range(r.randint(1, 4)):
            head = f"{pad}{self.key(used)}:" if is_map else f"{pad}-"
            lines += self.entry(head, indent, depth, is_map)
            if self.chance(0.15):
                lines.append(" " * r.randint(0, indent + 4) + r.choice(["# comment", "#", "", "   "]))
        return lines

    def entry(self, head: str, indent: int, depth: int, is_map: bool) -> list[str]:
        r = self.rng
        roll = r.random()
        if roll < 0.45 or depth > 4:
            return [f"{head} {self.scalar()}" + (r.choice([" # c", "  ", "#c", " #"]) if self.chance(0.1) else "")]
        if roll < 0.55:  # a plain scalar over several lines
            more = [" " * (indent + r.choice([1, 2, 2, 4, 0])) + r.choice(["goes on", "and: on", "x # c", "", "- y"])
                    for _ in range(r.randint(1, 3))]  # fmt: skip
            return [f"{head} first line", *more]
        if roll < 0.65:  # a block scalar
            inner = indent + r.choice([2, 2, 4, 1, 0])
            body = [(" " * inner + r.choice(BLOCK_LINES)) if self.chance(0.9) else "" for _ in range(r.randint(0, 4))]
            return [f"{head} {r.choice(BLOCK_HEADERS)}", *body]
        if roll < 0.72 and not is_map:  # "- key: value" and the rest of that mapping
            inner = indent + 2
            used: set[str] = set()
            first = f"{head} {self.key(used)}: {self.scalar()}"
            rest = self.block(inner, depth + 1) if self.chance(0.5) else []
            return [first, *rest]
        if roll < 0.76 and is_map:  # a sequence at its key's indentation
            return (
                [head, *self.block(indent, depth + 1)]
                if self.chance(0.3)
                else [head] + [f"{' ' * indent}- {self.scalar()}" for _ in range(r.randint(1, 3))]
            )
        if roll < 0.8:  # nothing: null
            return [head + r.choice(["", " ", " # c"])]
        step = r.choice([2, 2, 2, 4, 1, 3])
        return [head + ("" if self.chance(0.9) else " # c"), *self.block(indent + step, depth + 1)]

    def document(self) -> str:
        r = self.rng
        lines = self.block(r.choice([0, 0, 0, 2]), 0)
        for _ in range(r.randint(0, 3) if self.chance(self.tricky) else 0):
            self.mutate(lines)
        text = "\n".join(lines) + r.choice(["\n", "", "\n\n", "\n# end\n"])
        if self.chance(self.tricky / 10):
            text = r.choice(["---\n", "%YAML 1.1\n---\n", "\ufeff", "# c\n", "\n"]) + text
        return text

    def mutate(self, lines: list[str]) -> None:
        r = self.rng
        i = r.randrange(len(lines))
        line = lines[i]
        match r.randrange(10):
            case 0:
                lines[i] = " " + line
            case 1:
                lines[i] = line[1:] if line.startswith(" ") else line
            case 2:
                lines.insert(i, line)  # a duplicate key, or a repeated item
            case 3:
                lines[i] = line + r.choice(["  ", "\t", "\r", " #", ":", ": x", " &a", " *a"])
            case 4:
                lines[i] = line.replace(" ", "\t", 1)
            case 5:
                lines.insert(i, r.choice(["---", "...", "? x", ": y", "- - x", "!!map", "*a", "&a b: 1", "x"]))
            case 6:
                lines[i] = line.replace(": ", ":", 1)
            case 7:
                lines[i] = line.replace("- ", "-  ", 1) if "- " in line else "  " + line
            case 8:
                lines.insert(i, " " * r.randint(0, 8))
            case _:
                lines[i] = line + "\n" + " " * r.randint(0, 8) + r.choice(PLAIN)


@pytest.mark.parametrize("tricky", [0.0, 0.15, 0.5])
def test_generated_documents_agree(tricky: float) -> None:
    gen = Gen(random.Random(20261128 + int(tricky * 100)), tricky)
    kinds = {"fast": 0, "declined": 0}
    for _ in range(2500):
        kind, _ = outcome(gen.document())
        kinds[kind] += 1
    # The generated documents must exercise both sides: a fast path that declined everything
    # would pass the comparison without proving anything.
    assert kinds["fast"] >= 250, kinds
    assert kinds["declined"] >= 25, kinds


def test_wide_mappings_agree() -> None:
    """Mappings of more than 16 keys are listed with their marks (the loader reports them)."""
    keys = [f"k{i}" for i in range(20)]
    block = "\n".join(f"  {k}: {i}" for i, k in enumerate(keys))
    flow = "{" + ", ".join(f"{k}: {i}" for i, k in enumerate(keys)) + "}"
    docs = [
        f"top:\n{block}\n",
        f"- {flow}\n- a: {flow}\n",
        f"list:\n  - {keys[0]}: 1\n" + "\n".join(f"    {k}: 1" for k in keys[1:]) + "\n",
        f"a: [1, {flow}]\nb: {{c: {flow}}}\n",
        f'a: {{q: "Đạt", r: {flow}}}\n',  # after non-ASCII text: declined (LibYAML's columns)
    ]
    seen = 0
    for text in docs:
        kind, _ = outcome(text)
        if kind == "fast":
            seen += 1
            assert yamlfast.parse(text, "x").wide  # type: ignore[union-attr]
    assert seen >= 4


LINE_PIECES = st.sampled_from(
    ["a:", "b: 1", "c: x y", "- 1", "-", "- d: 2", "  e: 3", "    f: >-", "      g", "  - h", "  # c", "",
     "i: [1, {j: k}]", "l: 'm'", 'n: "o # p"', "q: 5:04", "r: yes", "  s: a#b", "t: -", "u: {v: w}", "   ",
     "w: |", "  x", "   y: z", "- - 1", "? a", "x: &a 1", "y: *a", "z: !!str 1", "a: 1 # c", "b:\tc"]
)  # fmt: skip


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINE_PIECES, min_size=1, max_size=12))
def test_hypothesis_mixtures_agree(lines: list[str]) -> None:
    outcome("\n".join(lines) + "\n")


HAND_PICKED = [
    # sequences at their key's indentation, ended by a key or by a shallower line
    "a:\n- 1\n- b: 2\n  c: 3\nd: 4\n",
    "- a:\n  - x\n  - y\n  b: 1\n- 2\n",
    "a:\n- |\n  lit\nb: 1\n",
    "a:\n-\n- x\n",
    "-\n-\n- \n",
    "a:\n  -\n    b: 1\n  -\n  - c\n",
    # plain scalars over several lines
    "a: one\n  two\n\n  three\nb: 1\n",
    "- one\n  two\n- three\n",
    "a: one # c\n  two\n",
    "a: one\n  # c\n  two\n",
    "a: 1\n  2\n",
    "a: yes\n  no\n",
    "- a: one\n    two\n  b: x\n",
    "a: one\n two\n",
    "a:\n  b: one\n   two\n",
    "a: one\n\n\n  two\n",
    # block scalars
    "a: >-\n  x\n  y\n\n  z\nb: 1\n",
    "a: |\n  x\n\n  y\n\n\nb: 1\n",
    "a: >\n  x\n  y",
    "a: |-\n  x\n   y\n",
    "a: >-\n  x\n # c\n  y\n",
    "a: >-\n  x\n  # kept\nb: 1\n",
    "a: >-\nb: 1\n",
    "- >-\n  x\n- y\n",
    "a:\n- >-\n  x\n  y\nb: 2\n",
    "a: >-\n\n  x\n",
    "a: |+\n  x\n\n",
    "a: >2\n   x\n",
    # keys and values
    "a: 1\na: 2\n",
    "a: {b: 1, b: 2}\n",
    "a : 1\n",
    "é: 1\n",
    "k" * 1100 + ": 1\n",
    "a: " + "x" * 5000 + "\n",
    "a: =\n",
    "a: <<\n",
    "<<: {a: 1}\n",
    "a: &x 1\nb: *x\n",
    "a: 'x' #c\nb: 'y'#c\n",
    'a: "x" "y"\n',
    'a: "t\tb"\n',
    "a: [1, 2]  # c\nb: [1,\n  2]\n",
    "a: b\n  c: d\n",
    "a:\n  text\n",
    "  a: 1\n  b: 2\n",
    "  a: 1\nb: 2\n",
    "# only a comment\n",
    "",
    "---\na: 1\n",
    "a: 1\n...\n",
    "- - x\n",
    "a: 0x1F\nb: 0b11\nc: 0o7\nd: 012\ne: 1_0.5\nf: -.INF\ng: 190:20:30\n",
    "a: 2001-12-14t21:59:43.10-05:00\nb: 2001-12-14 21:59:43.10 -5\nc: 2002-12-14\n",
    "a: 1e400\n",
    "a: 1.0e-999999999\n",
    "a: [1e400]\n",
    "a: -\nb: 1\n",
    "a: x:y\nb: x: y\n",
    "a: 'it''s'\n",
    "a: {b: [1, {c: [2, 3]}], d: {}}\n",
    "a: [{}, [], [[]]]\n",
    "a: {b: 1}x\n",
    "a: [1, 2]]\n",
    # spaces that are not YAML's: no-break, ideographic, zero-width; a soft hyphen
    "a: x\xa0\n",
    "a: \xa0x\n",
    "- \xa0x\n",
    "\xa0a: 1\n",
    "a: x\u3000y\u3000\n",
    "a: b\xa0#c\n",
    "a: {b: \xa0x, c: x\xa0}\n",
    "a: [x\xa0, y]\n",
    "a: >-\n  x\xa0\n  y\n",
    "a: x\n  \xa0y\n",
    "a: \u00ad\nb: x\u200b\n",
    # flow mappings in the form data rows are written in, and near misses of it (after a
    # first row: the keys are then known to the reader, as in a file of many rows)
    '- {a: 0, b: 0, c: 0, d: 0, e: 0, f: 0, g: 0, h: 0}\n- {a: "x, y", b: 1}\n',
    '- {a: 0, b: 0, c: 0, d: 0, e: 0, f: 0, g: 0, h: 0}\n- {a: "x: y", b: "#"}\n',
    '- {a: 0, b: 0, c: 0, d: 0, e: 0, f: 0, g: 0, h: 0}\n- {a: b"c, d: e}\n',
    "- {a: 0, b: 0, c: 0, d: 0, e: 0, f: 0, g: 0, h: 0}\n- { a: 1 ,b:  2 }\n",
    "- {a: 0, b: 0, c: 0, d: 0, e: 0, f: 0, g: 0, h: 0}\n- {a : 1}\n",
    "- {a: 0, b: 0, c: 0, d: 0, e: 0, f: 0, g: 0, h: 0}\n- {a: 1,, b: 2}\n",
    "- {a: 0, b: 0, c: 0, d: 0, e: 0, f: 0, g: 0, h: 0}\n- {a: ~, b: null, c: yes, d: 0x1f, e: 1_000, f: .inf, g: 2020-05-28, h: 7.0}\n",
    "- {a: 0, b: 0, c: 0, d: 0, e: 0, f: 0, g: 0, h: 0}\n- {a: 5:04}\n",
    '- {a: 0, b: 0, c: 0, d: 0, e: 0, f: 0, g: 0, h: 0}\n- {a: "\\n", b: b\\c}\n',
    '- {a: 0, b: 0, c: 0, d: 0, e: 0, f: 0, g: 0, h: 0}\n- {a: x y  , b: "q"  }\n',
    "- {a: 0, b: 0, c: 0, d: 0, e: 0, f: 0, g: 0, h: 0}\n- {a: -1, b: +1}\n",
    "- {a: 0, b: 0, c: 0, d: 0, e: 0, f: 0, g: 0, h: 0}\n- {1: a}\n",
    "- {a: 0, b: 0, c: 0, d: 0, e: 0, f: 0, g: 0, h: 0}\n- {yes: a}\n",
    '- {a: 0, b: 0, c: 0, d: 0, e: 0, f: 0, g: 0, h: 0}\n- {a: "x"y}\n',
    "- {a: 0, b: 0, c: 0, d: 0, e: 0, f: 0, g: 0, h: 0}\n- {,}\n",
    "- {a: 0, b: 0, c: 0, d: 0, e: 0, f: 0, g: 0, h: 0}\n- {a: 1, b}\n",
    "- {a: 0, b: 0, c: 0, d: 0, e: 0, f: 0, g: 0, h: 0}\n- {a: x#c}\n",
    "- {a: 0, b: 0, c: 0, d: 0, e: 0, f: 0, g: 0, h: 0}\n- {a: Đạt 7,0%}\n",
    "- {a: 0, b: 0, c: 0, d: 0, e: 0, f: 0, g: 0, h: 0}\n- {a: 1}   # c\n- {b: 2}#c\n",
    "- {a: 0, b: 0, c: 0, d: 0, e: 0, f: 0, g: 0, h: 0}\n- {a: 1, b: 2}022, c: 3}\n",
    "- {a: 0, b: 0, c: 0, d: 0, e: 0, f: 0, g: 0, h: 0}\n- {a: x]y, b: 1}\n",
    '- {a: 0, b: 0, c: 0, d: 0, e: 0, f: 0, g: 0, h: 0}\n- {a: "x}", b: "]"}\n',
    "- {a: 0, b: 0, c: 0}\n- {b: \xa0x, c: x\xa0}\n- {a: \u3000x}\n- {a: x\u2003}\n",
    "- {a: 0, b: 0, c: 0}\n- {a: x!y, b: &z}\n",
    "- {a: 0, b: 0, c: 0}\n- {a: @x}\n",
    "- {a: 0, b: 0, c: 0}\n- {a: =, b: <<}\n",
    '- {a: 0, b: 0, c: 0}\n- {a: 1_0.5, b: +.5, c: ""}\n',
    '- {a: 0, b: 0, c: 0}\n- {a: "x\\"}\n',
]


@pytest.mark.parametrize("text", HAND_PICKED)
def test_hand_picked_cases_agree(text: str) -> None:
    outcome(text)


def test_hand_picked_cases_exercise_the_fast_path() -> None:
    kinds = [outcome(text)[0] for text in HAND_PICKED]
    assert kinds.count("fast") >= 20, kinds


def test_chunked_lines_keep_line_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lines are split a chunk at a time: marks of wide mappings after a chunk's end and block
    scalars across one must come out as in one piece."""
    keys = "\n".join(f"      k{i}: {i}" for i in range(20))
    text = f"a: 1\nlist:\n  - x: >-\n      folded\n      text\n  - m:\n{keys}\n  - {{{', '.join(f'f{i}: {i}' for i in range(18))}}}\n"
    whole = outcome(text)
    assert whole[0] == "fast"
    for size in (1, 5, 13, 40):
        monkeypatch.setattr(yamlfast, "_CHUNK", size)
        assert outcome(text) == whole
        doc = yamlfast.parse(text, "x")
        assert doc is not None
        # Lines: 1 "a", 2 "list", 3-5 the folded scalar, 6 "- m:", 7-26 the 20 keys under m
        # (at column 7, after six spaces), 27 the flow mapping of 18 keys ("{" at column 5,
        # after "  - "). The inner mapping closes first.
        assert doc.wide == [((7, 7), 20), ((27, 5), 18)]


MUTATION_PIECES = [
    *" -:#'\"{}[],>|&*!?%@`\n\t\\~.0123456789ayn",
    "  ", ": ", " #", "- ", "\n  ", "\n- ", "yes", "null", "5:04", "0x1f", "1e400", "\xa0", "Đ", "---\n", "\n\n",
]  # fmt: skip


def test_mutated_repository_files_agree() -> None:
    """Windows of the repository's own files with a few characters or lines changed: the
    mistakes people make in these very files (a stray bracket in a row, a lost space)."""
    texts = [path.read_text(encoding="utf-8") for path in repository_yaml()]
    rng = random.Random(20261128)
    kinds = {"fast": 0, "declined": 0}
    for _ in range(3000):
        lines = rng.choice(texts).split("\n")
        at = rng.randrange(len(lines))
        lines = lines[max(0, at - rng.randint(0, 30)) : at + rng.randint(1, 30)]
        for _ in range(rng.randint(1, 3)):
            i = rng.randrange(len(lines))
            line = lines[i]
            match rng.randrange(5):
                case 0:
                    p = rng.randrange(len(line) + 1)
                    lines[i] = line[:p] + rng.choice(MUTATION_PIECES) + line[p:]
                case 1 if line:
                    p = rng.randrange(len(line))
                    lines[i] = line[:p] + line[p + 1 :]
                case 2:
                    lines.insert(i, line)
                case 3:
                    lines[i] = " " * rng.randint(0, 3) + line.lstrip(" ")
                case _:
                    lines[i] = line[rng.randint(0, 2) :]
        kind, _ = outcome("\n".join(lines) + rng.choice(["\n", ""]))
        kinds[kind] += 1
    assert kinds["fast"] >= 300 and kinds["declined"] >= 300, kinds


# Python 3.10 has no possessive quantifiers: the fast path's patterns are written without them,
# but for a flow value's run (possessive from 3.11, greedy on 3.10). Both forms must match alike.
# The reference below is the plain-scalar pattern as first written, with possessive repeats.
_PLAIN_POSSESSIVE = r"""(?:[^-?:,\[\]{}#&*!|>'"%@` ]|-(?=[0-9.]))(?:[^ :#]++|:(?! |$)|#| ++(?=[^ #]))*+"""
_ALPHABET = "ab1.-: #,'\"[]{}x"


def _strings(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 24))) for _ in range(count)]


def _greedy(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The 3.10 form of one of the fast path's patterns: every possessive repeat greedy."""
    return re.compile(pattern.pattern.replace("*+", "*").replace("++", "+"))


@pytest.mark.skipif(sys.version_info < (3, 11), reason="the possessive reference needs Python 3.11")
def test_patterns_match_alike_without_possessive_repeats() -> None:
    assert "++" not in yamlfast._PLAIN and "*+" not in yamlfast._PLAIN and "*+" not in yamlfast._KEY
    plain = re.compile("(" + _PLAIN_POSSESSIVE + r")(?: +#.*)? *$")
    continued = re.compile("(" + _PLAIN_POSSESSIVE + r") *$")
    pairs, items, token = (_greedy(p) for p in (yamlfast._FLOW_PAIRS, yamlfast._FLOW_ITEMS, yamlfast._FLOW_TOKEN))
    tricky = ["x " * 50 + ": ", "a: b c, d: 'e f' }", "[1, -2, x y ]", "a #b", "u: http://x"]
    for text in [*_strings(12, 20_000), *tricky]:
        for ours, reference in ((yamlfast._PLAIN_VALUE, plain), (yamlfast._CONTINUED, continued)):
            got, want = ours.match(text), reference.match(text)
            assert (got and got.group(0, 1)) == (want and want.group(0, 1)), text
        for possessive, greedy in ((yamlfast._FLOW_PAIRS, pairs), (yamlfast._FLOW_ITEMS, items)):
            assert possessive.findall(text, 1) == greedy.findall(text, 1), text
        for pos in range(len(text)):
            got, want = token.match(text, pos), yamlfast._FLOW_TOKEN.match(text, pos)
            assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups())), (text, pos)


def test_marks_tell_layouts_apart() -> None:
    # The same data laid out differently has other marks: the comparison above sees them.
    one, two = "a: 1\nb: [x, y]\n", "a:   1\nb: [x,  y]\n"
    assert all_marks(one, None) != all_marks(two, None)
    assert all_marks(one, yamlfast.marks(one, "x")) != all_marks(two, yamlfast.marks(two, "x"))


@pytest.mark.parametrize(
    "args",
    [["status"], ["status", "--format", "json"], ["validate"], ["status", "--lang", "en", "--as-of", "2024"]],
)
def test_bundled_commands_never_compose(cli: Any, args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The bundled data's warning and revisions name lines on every run (results_2020.yaml's
    unauditable claim, a baseline's observation): those marks come from the fast path's
    read with marks, never from LibYAML's compose of a whole file."""
    composed: list[str] = []
    build = yamlread._build

    def counted(loader: Any, file: str, lazy: str | None = None) -> yamlread.Document:
        composed.append(file)
        return build(loader, file, lazy)

    asked: list[str] = []
    marks = yamlfast.marks

    def asked_for(text: str, file: str) -> yamlread.Positions | None:
        asked.append(file)
        return marks(text, file)

    monkeypatch.setattr(yamlread, "_build", counted)
    monkeypatch.setattr(yamlfast, "marks", asked_for)
    result = cli([*args, "--data-dir", str(REPO / "data")])
    assert result.exit_code == 0, result.output
    assert "results_2020.yaml:551:5" in result.output  # the claim's warning, located
    assert composed == []
    assert any(f.endswith("results_2020.yaml") for f in asked)  # the marks were needed


def test_resolvers_are_pyyamls() -> None:
    """The implicit types cbkpi resolves without importing PyYAML are PyYAML's own: the same
    first characters, each with the same tags and patterns (text and flags), in the same order."""
    import yaml

    theirs = yaml.resolver.Resolver.yaml_implicit_resolvers
    ours = yamlread._IMPLICIT
    assert list(ours) == list(theirs)
    for first, entries in theirs.items():
        assert [(tag, rx.pattern, rx.flags) for tag, rx in ours[first]] == [
            (tag, rx.pattern, rx.flags) for tag, rx in entries
        ], first
    assert len(ours["n"]) == 2 and len(ours["0"]) == 3  # bool then null; float, int, timestamp


@pytest.mark.parametrize(
    "text",
    ["a: yes", "a: No", "a: off", "a: ~", "a: null", "a: NULL", "a:", "a: 2020-05-28", "a: 2020-02-30",
     "a: 2020-13-01", "a: !!bool maybe", "a: !!null x", "a: !!timestamp 2020-5-28", "a: 2001-12-14 21:59:43.10",
     "a: 0x1f", "a: 0o17", "a: 017", "a: .inf", "a: -.Inf", "a: .NaN", "a: 1_000", "a: 0b101", "a: =", "a: <<",
     "a: !!int 5", "a: !!float 1", "a: !!str 1"],
)  # fmt: skip
def test_scalars_built_without_pyyaml_as_pyyaml_builds_them(text: str) -> None:
    """null, bool and dates are built by cbkpi itself: the value (or the error) must be what
    PyYAML's SafeConstructor gives for the same text."""
    import yaml

    try:
        got: Any = shape(yamlread.parse_libyaml(text + "\n", "x").data)
    except DataError as exc:
        got = [(d.line, d.code, d.message) for d in exc.diagnostics]
    try:
        value = yaml.safe_load(text)["a"]
    except (yaml.YAMLError, ValueError, KeyError) as exc:  # PyYAML refuses it: so does cbkpi, with its line and reason
        assert isinstance(got, list) and got[0][0] == 1, (text, got)
        if type(exc) is ValueError:  # a date that does not exist: the reason is datetime's
            assert str(exc) in got[0][2], (text, got)
        return
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return  # numbers: cbkpi's own Decimal reading, pinned by the tests above
    assert got == shape({"a": value}), text


def test_an_explicit_timestamp_that_is_none_is_refused_with_its_line() -> None:
    # PyYAML's own constructor fails on it with an AttributeError (exit 3 before).
    with pytest.raises(DataError) as caught:
        yamlread.parse("a: 1\nb: !!timestamp x\n", "doc.yaml")
    (diag,) = caught.value.diagnostics
    assert (diag.line, diag.code) == (2, "value")
    assert "not a timestamp" in diag.message
