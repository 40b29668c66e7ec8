"""Read a YAML file once into plain Python data and a map of where each value stands.

Built on PyYAML's event stream (LibYAML's parser when present) rather than ``yaml.safe_load``
so that, in a single pass and without recursion:

- every value keeps its line and column (``Positions``) for located error messages;
- duplicate mapping keys are errors (``safe_load`` silently keeps the last one);
- only plain data is built: any tag other than YAML's core ones (``!!python/...``) is refused
  and nothing is ever executed;
- numbers become :class:`~decimal.Decimal` built from their text, keeping printed precision;
- limits on size, nesting depth and alias expansion stop hostile files (the "billion laughs").

:func:`parse` first offers the text to :mod:`cbkpi.yamlfast`, a line reader of the YAML the
data files are written in (block mappings and sequences, one-line flow collections, plain and
quoted scalars without escapes, ``>-``/``|`` block scalars, comments): building every event and
its marks was about half of ``cbkpi validate`` at 10,000 indicators. It returns exactly what the
first (lazy) read below returns, or declines the whole document, which is then read here as
before; every error message is worded here. The marks of valid documents are found by
:class:`Positions` when a message first needs one: by the fast path's read with marks
(:func:`cbkpi.yamlfast.marks`) for a document it reads, else by LibYAML.
"""

from __future__ import annotations

import datetime
import os
import re
import stat
import sys
import zlib
from array import array
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from cbkpi import inputs_seen
from cbkpi.diagnostics import DataError, Diagnostic
from cbkpi.i18n import say as _say
from cbkpi.i18n import say_count, say_libyaml
from cbkpi.safe_text import escape_control, shorten

if TYPE_CHECKING:
    import yaml

# PyYAML (its import: about a tenth of a cold `cbkpi status`) is imported only where LibYAML
# reads: a document the fast path declines, marks it cannot find, a value only PyYAML builds.
# The files people write take the fast path, which needs none of it.


def _loader(text: str) -> Any:
    """LibYAML's parser (several times faster) over ``text``, else PyYAML's pure-Python one."""
    try:
        from yaml import CSafeLoader as Loader
    except ImportError:  # pragma: no cover - depends on how PyYAML was built
        from yaml import SafeLoader as Loader  # type: ignore[assignment]
    return Loader(text)


MAX_FILE_BYTES = 256 * 1024 * 1024
"""The most bytes of one file read by default: 100,000 indicators (a 57 MB targets file) fit,
a device or a hostile file is still cut short. :data:`LIMIT_ENV` sets another limit."""
LIMIT_ENV, LIMIT_CEILING = inputs_seen.LIMIT_ENV, inputs_seen.LIMIT_CEILING
"""Environment variable with another limit in bytes, from 1 to ``LIMIT_CEILING``
(:func:`cbkpi.inputs_seen.size_limit`, which the result cache hashes files by)."""
MAX_DEPTH = 64
MAX_NODES = 2_000_000
"""The most values a document's aliases may expand to (the "billion laughs" guard): only
values reached through an alias count, so a large file written out in full is not refused."""
MAX_VALUES = 10_000_000
"""The most values a document may hold in all (a 20 MB file of ``[1,1,...]`` holds 10 million)."""

Path_ = tuple[str | int, ...]
Mark = tuple[int, int]
"""1-based line and column."""

_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")}
_LARGEST, _SMALLEST = Decimal("1e300"), Decimal("1e-300")
"""Numbers larger or smaller (other than 0) than these are refused: floats cannot hold them."""
_PLAIN_DECIMAL = re.compile(r"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$")


_COL_BITS = 32
"""Bits of a packed mark that hold the column: 2**32 - 1 columns is more than a file within
:data:`LIMIT_CEILING` can have, so a column never saturates (20 bits once named column
1,048,575 for every error far along a long line)."""
_COL_MASK = (1 << _COL_BITS) - 1
assert _COL_MASK >= LIMIT_CEILING


def _pack(m: yaml.Mark) -> int:
    """A mark as one int (1-based line and column), cheaper to keep than a tuple per value."""
    return ((m.line + 1) << _COL_BITS) | min(m.column + 1, _COL_MASK)


def _unpack(packed: int) -> Mark:
    return (packed >> _COL_BITS, packed & _COL_MASK)


class Positions:
    """Where each value of a document stands.

    All marks live in one array of packed ints: a mapping's marks are its keys' and values'
    marks interleaved (key, value, key, value, ...), a sequence's its items' marks, each
    container's run starting at the offset recorded under the container's identity. A lookup
    walks the data along the path; no path is built per value, no object is kept per mark.

    Made with ``text``, the marks are found on the first lookup, by reading the text again
    with them (:func:`cbkpi.yamlfast.marks`, else LibYAML): most commands never look one up
    (valid data has nothing to locate), and the first read, for the data, is then faster and
    its data can be freed once validated."""

    def __init__(self, text: str | None = None, file: str = "") -> None:
        self.root: Any = None
        self.root_mark: int | None = None
        self.array: array[int] = array("q")
        self.offsets: dict[int, int] = {}
        # Kept as compressed UTF-8 (zlib's fastest level): a tenth of the text, for the rare
        # message that needs a mark (at 100,000 indicators, 100 MB kept to the end otherwise).
        self._pending = None if text is None else (zlib.compress(text.encode("utf-8", "surrogatepass"), 1), file)

    def _ready(self) -> None:
        if self._pending is not None:
            from cbkpi import yamlfast  # imports this module

            packed, file = self._pending
            self._pending = None
            text = zlib.decompress(packed).decode("utf-8", "surrogatepass")
            # The fast path finds the marks of what it reads, without LibYAML's compose of the
            # whole document: the bundled data's warnings need a few marks on every run.
            full = yamlfast.marks(text, file) or libyaml_marks(text, file)
            self.root, self.root_mark, self.array, self.offsets = full.root, full.root_mark, full.array, full.offsets

    def _walk(self, path: Path_, want_key: bool) -> Mark | None:
        self._ready()
        best = self.root_mark
        node = self.root
        array_ = self.array
        for depth, part in enumerate(path):
            offset = self.offsets.get(id(node))
            if offset is None:
                break
            if isinstance(node, dict):
                index = next((i for i, k in enumerate(node) if k == part), None)
                if index is None:
                    break
                if want_key and depth == len(path) - 1:
                    return _unpack(array_[offset + 2 * index])
                mark = array_[offset + 2 * index + 1]
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                mark = array_[offset + part]
                node = node[part]
            else:
                break
            best = mark
        return None if best is None else _unpack(best)

    def find(self, path: Path_) -> Mark | None:
        """The mark of ``path``, or of its nearest ancestor that has one."""
        return self._walk(tuple(path), want_key=False)

    def key(self, path: Path_) -> Mark | None:
        """The mark of the key that names ``path`` (for unknown or misplaced keys)."""
        return self._walk(tuple(path), want_key=True)


def libyaml_marks(text: str, file: str) -> Positions:
    """Every mark of a document (read before without error), found by LibYAML's events."""
    return _build(_loader(text), file).positions


WIDE_MAPPING = 16
"""Mappings with more keys than this are listed in :attr:`Document.wide` as they are read."""


@dataclass
class Document:
    file: str
    data: Any
    positions: Positions
    values: int = 0
    """How many values the document holds, aliases expanded."""
    wide: list[tuple[Mark, int]] | None = None
    """(mark, number of keys) of every mapping with more than :data:`WIDE_MAPPING` keys."""


def _mark(m: Any) -> Mark:
    """A PyYAML mark (or :data:`_NO_MARK`) as 1-based (line, column)."""
    return (m.line + 1, m.column + 1)


def _one_line(exc: Exception) -> str:
    """The first line of an error's text (PyYAML appends an 'in "<unicode string>"' line)."""
    yaml_ = sys.modules.get("yaml")  # not imported: not one of its errors
    if yaml_ is not None and isinstance(exc, yaml_.MarkedYAMLError) and exc.problem:
        return say_libyaml(exc.problem)
    return str(exc).split("\n", 1)[0]


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


_constructors: list[Any] = []


def _construct(tag: str, text: str) -> Any:
    """Build one scalar with PyYAML's safe constructor, bypassing ``construct_object``, whose
    cache of constructed nodes is only emptied by ``construct_document`` and would keep every
    node of every file read alive. What PyYAML refuses raises ``ValueError`` with its message."""
    import yaml

    if not _constructors:
        _constructors.append(yaml.constructor.SafeConstructor())
    constructor = _constructors[0]
    try:
        return constructor.yaml_constructors[tag](constructor, yaml.ScalarNode(tag, text, None, None))
    except yaml.YAMLError as exc:
        raise ValueError(_one_line(exc)) from None
    except (AttributeError, IndexError, KeyError, TypeError, ValueError):
        # PyYAML's constructors fail with Python's own errors on text their tag cannot hold:
        # ``!!timestamp x`` (AttributeError), ``!!int ""`` (IndexError), ``!!bool maybe``
        # (KeyError), ``!!int abc`` (ValueError: "invalid literal for int() with base 10").
        raise ValueError(_say(_NOT_A.get(tag, "yr_not_tag"), tag=tag.rsplit(":", 1)[-1])) from None


_NOT_A = {
    "tag:yaml.org,2002:int": "yr_not_int",
    "tag:yaml.org,2002:float": "yr_not_float",
    "tag:yaml.org,2002:timestamp": "yr_not_timestamp",
    "tag:yaml.org,2002:bool": "yr_not_bool",
}
"""The message that says why a scalar's text is not what its explicit tag asks for."""


def _fail(file: str, mark: Mark | None, message: str, code: str, *, unreadable: bool = False) -> DataError:
    line, col = mark if mark else (None, None)
    return DataError([Diagnostic(file, line, col, message, code=code)], unreadable=unreadable)


_KINDS = (
    (stat.S_ISFIFO, "kind_fifo"),
    (stat.S_ISCHR, "kind_char_device"),
    (stat.S_ISBLK, "kind_block_device"),
    (stat.S_ISSOCK, "kind_socket"),
)


def file_kind(mode: int) -> str:
    """The label key of what a non-regular file is (``kind_fifo``: a named pipe)."""
    return next((key for test, key in _KINDS if test(mode)), "kind_not_regular")


def read_text(path: Path, display: str) -> str:
    """Read and decode ``path`` as UTF-8 (a byte-order mark is allowed) with clear failures.

    Only regular files are read: named pipes, devices and sockets are refused from their
    ``stat`` (a FIFO is never opened, so nothing blocks), and at most the limit + 1
    bytes are ever read, whatever the size the file claims (``/dev/zero`` behind a symlink)."""
    limit = max_file_bytes(display)
    inputs_seen.read(path)
    try:
        st = os.stat(path)
        mode = st.st_mode
        if stat.S_ISDIR(mode):
            raise _fail(display, None, _say("yr_is_directory"), "unreadable", unreadable=True)
        if not stat.S_ISREG(mode):
            raise _not_regular(display, mode)
        if st.st_size > limit:
            raise _too_large(display, _say("yr_size_bytes", size=say_count(st.st_size)), limit)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as handle:
            mode = os.fstat(fd).st_mode  # the file opened may not be the one stat saw
            if not stat.S_ISREG(mode):
                raise _not_regular(display, mode)
            raw = handle.read(limit + 1)
    except FileNotFoundError:
        raise _fail(display, None, _say("yr_no_such_file"), "unreadable", unreadable=True) from None
    except PermissionError:
        raise _fail(display, None, _say("yr_permission"), "unreadable", unreadable=True) from None
    except OSError as exc:
        raise _fail(display, None, _say("yr_cannot_read", reason=exc.strerror), "unreadable", unreadable=True) from None
    if len(raw) > limit:
        raise _too_large(display, _say("yr_size_more", size=say_count(limit)), limit)
    return decode(raw, display)


def max_file_bytes(display: str) -> int:
    """The size limit: :data:`LIMIT_ENV` when set, else :data:`MAX_FILE_BYTES`. A value that is
    not a whole number from 1 to :data:`LIMIT_CEILING` makes the file unreadable (exit 2)."""
    limit = inputs_seen.size_limit()
    if limit is not None:
        return limit
    text = os.environ.get(LIMIT_ENV, "").strip()
    message = _say(
        "yr_limit_env",
        env=LIMIT_ENV,
        value=repr(escape_control(shorten(text, 40))),
        ceiling=say_count(LIMIT_CEILING),
        default=say_count(MAX_FILE_BYTES),
    )
    raise _fail(display, None, message, "unreadable", unreadable=True)


def _too_large(display: str, size: str, limit: int) -> DataError:
    hint = "" if os.environ.get(LIMIT_ENV, "").strip() else _say("yr_limit_hint", env=LIMIT_ENV)
    return _fail(display, None, _say("yr_too_large", size=size, limit=say_count(limit)) + hint, "too-large")


def _not_regular(display: str, mode: int) -> DataError:
    return _fail(
        display,
        None,
        _say("yr_not_regular", kind=_say(file_kind(mode))),
        "unreadable",
        unreadable=True,
    )


def decode(raw: bytes, display: str) -> str:
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):  # what Windows editors call "Unicode"
        raise _fail(display, (1, 1), _say("yr_utf16"), "encoding")
    if b"\x00" in raw:
        return _binary(raw, display)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _fail(
            display,
            (line, col),
            _say("yr_bad_byte", byte=f"{raw[exc.start]:02x}"),
            "encoding",
        ) from None


def _binary(raw: bytes, display: str) -> str:
    at = raw.index(b"\x00")
    line = raw.count(b"\n", 0, at) + 1
    raise _fail(display, (line, 1), _say("yr_nul"), "encoding")


def load(path: Path, display: str | None = None) -> Document:
    """Read, decode and parse one YAML file; raise :class:`DataError` with located diagnostics."""
    name = display if display is not None else str(path)
    return parse(read_text(path, name), name)


class _NeedMarks(Exception):
    """Raised by a read without marks where a message needs one: read again with them."""


def parse(text: str, file: str) -> Document:
    """The document's data, its marks found when first looked up (:class:`Positions`).

    The subset of YAML the data files are written in is read by :mod:`cbkpi.yamlfast`, line by
    line; a document it declines (anything else, or anything invalid) is read with LibYAML."""
    from cbkpi import yamlfast  # imports this module

    fast = yamlfast.parse(text, file)
    if fast is not None:
        return fast
    return parse_libyaml(text, file)


def parse_libyaml(text: str, file: str) -> Document:
    """:func:`parse` without the fast path: LibYAML's events, every error worded and located."""
    import yaml

    try:
        try:
            return _build(_loader(text), file, lazy=text)
        except _NeedMarks:
            return _build(_loader(text), file)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = say_libyaml(exc.problem or exc.context or "invalid YAML")
        context = ""
        if exc.context and exc.problem:
            # Where the construct that failed began (an unclosed quote or bracket opens there).
            cm = exc.context_mark
            started = _say("yr_started_at", line=cm.line + 1) if cm and mark and cm.line != mark.line else ""
            context = f" ({say_libyaml(exc.context)}{started})"
        raise _fail(
            file, _mark(mark) if mark else None, _say("yr_syntax", problem=problem, context=context), "syntax"
        ) from None
    except yaml.reader.ReaderError as exc:  # control characters: a position, no mark object
        pos = exc.position
        line = text.count("\n", 0, pos) + 1
        col = pos - (text.rfind("\n", 0, pos) + 1) + 1
        what = (
            _say("yr_character", code=f"{exc.character:04x}")
            if isinstance(exc.character, int)
            else _say("yr_a_character")
        )
        raise _fail(file, (line, col), _say("yr_not_allowed", what=what, reason=exc.reason), "syntax") from None
    except yaml.YAMLError as exc:
        raise _fail(file, None, _say("yr_error", error=_one_line(exc)), "syntax") from None
    except RecursionError:
        raise _fail(file, None, _say("yr_too_deep", depth=MAX_DEPTH), "too-deep") from None


_NO_KEY = object()
_NO_MARK = SimpleNamespace(line=0, column=0)
"""The mark of a value built without one (the fast path's): its errors decline the document."""
_RESOLVERS: tuple[tuple[str, str, str | tuple[str, ...]], ...] = (
    (
        "bool",
        "^(?:yes|Yes|YES|no|No|NO\n"
        "                    |true|True|TRUE|false|False|FALSE\n"
        "                    |on|On|ON|off|Off|OFF)$",
        "yYnNtTfFoO",
    ),
    (
        "float",
        "^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?\n"
        "                    |\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?\n"
        "                    |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*\n"
        "                    |[-+]?\\.(?:inf|Inf|INF)\n"
        "                    |\\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
    (
        "int",
        "^(?:[-+]?0b[0-1_]+\n"
        "                    |[-+]?0[0-7_]+\n"
        "                    |[-+]?(?:0|[1-9][0-9_]*)\n"
        "                    |[-+]?0x[0-9a-fA-F_]+\n"
        "                    |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$",
        "-+0123456789",
    ),
    (
        "merge",
        "^(?:<<)$",
        "<",
    ),
    (
        "null",
        "^(?: ~\n                    |null|Null|NULL\n                    | )$",
        ("~", "n", "N", ""),
    ),
    (
        "timestamp",
        "^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]\n"
        "                    |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?\n"
        "                     (?:[Tt]|[ \\t]+)[0-9][0-9]?\n"
        "                     :[0-9][0-9] :[0-9][0-9] (?:\\.[0-9]*)?\n"
        "                     (?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$",
        "0123456789",
    ),
    (
        "value",
        "^(?:=)$",
        "=",
    ),
    (
        "yaml",
        "^(?:!|&|\\*)$",
        "!&*",
    ),
)
"""YAML 1.1's implicit types as PyYAML's ``Resolver`` has them (tag, pattern, first characters),
so that resolving a plain scalar needs no PyYAML: ``tests/test_yamlfast.py`` checks that the
table built here is PyYAML's, pattern by pattern, in the same order."""


def _implicit() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """First character -> [(tag, compiled pattern)], in PyYAML's ``yaml_implicit_resolvers`` order."""
    table: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for tag, pattern, firsts in _RESOLVERS:
        compiled = re.compile(pattern, re.X if "\n" in pattern else 0)  # as PyYAML compiles them
        for first in firsts:
            table.setdefault(first, []).append((_CORE + tag, compiled))
    return table


_IMPLICIT = _implicit()
_NULL, _BOOL, _TIMESTAMP = _CORE + "null", _CORE + "bool", _CORE + "timestamp"
_DATE = re.compile(r"[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]\Z")
"""A timestamp that is a date alone, which PyYAML builds as ``datetime.date(year, month, day)``."""
_BOOLS = {"yes": True, "no": False, "true": True, "false": False, "on": True, "off": False}
"""PyYAML's ``SafeConstructor.bool_values``: what a resolved ``bool`` means."""
_STR, _INT, _FLOAT = _CORE + "str", _CORE + "int", _CORE + "float"
_KEY_TYPES = (str, int, bool, type(None), Decimal)


def _build(loader: Any, file: str, lazy: str | None = None) -> Document:
    """Turn the parser's events into Python data in one loop, without recursion.

    The open container's state lives in local variables (``cur``: the container,
    ``cur_marks``: the marks of its keys and values, ``cur_key``: a mapping's pending key);
    opening a container pushes the parent's state, closing it pops it back. ``nodes`` counts
    the values read, aliases expanded, for the alias-bomb limit; a container's size is the
    count grown while it was open; ``aliased`` counts only what aliases add.

    ``lazy``: the text, for a read without the values' marks (:class:`Positions` finds them
    when first asked); only containers and aliases keep theirs, for the messages of this read."""
    from yaml import events

    scalar_event, alias_event = events.ScalarEvent, events.AliasEvent
    mapping_start, sequence_start = events.MappingStartEvent, events.SequenceStartEvent
    mapping_end, sequence_end = events.MappingEndEvent, events.SequenceEndEvent
    document_start, stream_end = events.DocumentStartEvent, events.StreamEndEvent
    positions = Positions(lazy, file)
    marks = lazy is None
    offsets = positions.offsets
    all_marks = positions.array
    stack: list[tuple[Any, ...]] = []
    anchors: dict[str, tuple[Any, int]] = {}
    wide: list[tuple[Mark, int]] = []
    nodes = 0
    aliased = 0  # values reached through aliases, for the alias-bomb limit
    documents = 0
    get_event = loader.get_event
    implicit_resolvers = _IMPLICIT.get
    plain: dict[str, Any] = {}  # text -> value of plain scalars (all immutable: str, int, ...)
    cur: Any = None
    cur_marks: list[int] = []  # the open container's marks, moved to all_marks when it closes
    cur_key: Any = _NO_KEY
    cur_map = False
    root: Any = None
    root_mark: int | None = None
    try:
        while True:
            event = get_event()
            cls = event.__class__
            if cls is scalar_event:
                # Inlined fast path for the common case, a plain or quoted string; the rest
                # (numbers, booleans, dates, tags) goes through _scalar.
                if event.tag is None and event.anchor is None:
                    text = event.value
                    if not event.implicit[0] or not implicit_resolvers(text[:1] if text else ""):
                        value = text
                    elif text in plain:  # keys and years repeat: resolve each text once
                        value = plain[text]
                    else:
                        value = plain[text] = _scalar(event, file)
                else:
                    value = _scalar(event, file)
                    if event.anchor is not None:
                        anchors[event.anchor] = (value, 1)
                if marks:
                    start = event.start_mark
                    column = start.column + 1
                    mark = ((start.line + 1) << _COL_BITS) | (column if column < _COL_MASK else _COL_MASK)
                else:
                    mark = 0
                new = 1
            elif cls is mapping_start or cls is sequence_start:
                is_map = cls is mapping_start
                _check_tag(event, "map" if is_map else "seq", file)
                if len(stack) >= MAX_DEPTH:
                    raise _fail(file, _mark(event.start_mark), _say("yr_too_deep", depth=MAX_DEPTH), "too-deep")
                if cur_map and cur_key is _NO_KEY:
                    raise _fail(file, _mark(event.start_mark), _say("yr_key_scalar"), "key")
                stack.append((cur, cur_marks, cur_key, cur_map, event.anchor, nodes, _pack(event.start_mark)))
                cur = {} if is_map else []
                cur_marks = []
                cur_key = _NO_KEY
                cur_map = is_map
                continue
            elif cls is mapping_end or cls is sequence_end:
                value = cur
                if cur_map and len(value) > WIDE_MAPPING:
                    wide.append((_unpack(stack[-1][6]), len(value)))
                if marks:
                    offsets[id(value)] = len(all_marks)
                    all_marks.extend(cur_marks)
                cur, cur_marks, cur_key, cur_map, anchor, opened, mark = stack.pop()
                if anchor is not None:
                    anchors[anchor] = (value, nodes - opened + 1)
                new = 1  # its contents were counted as they came
            elif cls is alias_event:
                if event.anchor not in anchors:
                    raise _fail(file, _mark(event.start_mark), _say("yr_unknown_alias", anchor=event.anchor), "alias")
                value, new = anchors[event.anchor]
                mark = _pack(event.start_mark)
                aliased += new
                if aliased > MAX_NODES:
                    raise _fail(
                        file,
                        _mark(event.start_mark),
                        _say("yr_aliases_expand", limit=say_count(MAX_NODES)),
                        "too-large",
                    )
            elif cls is document_start:
                documents += 1
                if documents > 1:
                    raise _fail(file, _mark(event.start_mark), _say("yr_second_document"), "multi-document")
                continue
            elif cls is stream_end:
                break
            else:
                continue
            if cur_map and cur_key is _NO_KEY:
                if not isinstance(value, _KEY_TYPES):
                    raise _fail(file, _mark(event.start_mark), _say("yr_key_scalar"), "key")
                name = value if isinstance(value, str) else str(value)
                if name in cur:
                    if not marks:
                        raise _NeedMarks  # the message names the first key's line
                    index = next(i for i, k in enumerate(cur) if k == name)
                    where = _say("yr_first_at", line=cur_marks[2 * index] >> _COL_BITS)
                    raise _fail(
                        file,
                        _mark(event.start_mark),
                        _say("yr_duplicate_key", name=name, where=where),
                        "duplicate-key",
                    )
                cur_key = name
                cur_marks.append(mark)
                continue
            nodes += new
            if nodes > MAX_VALUES:
                raise _fail(
                    file, _mark(event.start_mark), _say("yr_too_many_values", limit=say_count(MAX_VALUES)), "too-large"
                )
            if cur_map:
                cur[cur_key] = value
                cur_marks.append(mark)
                cur_key = _NO_KEY
            elif cur is not None:
                cur.append(value)
                cur_marks.append(mark)
            else:
                root, root_mark = value, mark
    finally:
        loader.dispose()
    if documents == 0:
        raise _fail(file, (1, 1), _say("yr_empty"), "empty")
    # A lazy read keeps no data: the marks' read builds its own, so the data is freed with the
    # document once validated (at 100,000 indicators it would hold ~700 MB to the end).
    positions.root, positions.root_mark = (root if marks else None), root_mark
    return Document(file, root, positions, nodes, wide)


def _check_tag(event: Any, kind: str, file: str) -> None:
    tag = event.tag
    if tag is None or tag == "!" or tag == _CORE + kind:
        return
    raise _fail(file, _mark(event.start_mark), _say("yr_tag", tag=tag), "tag")


def _scalar(event: Any, file: str) -> Any:
    text = event.value
    tag = event.tag
    if tag is None:
        if not event.implicit[0]:
            return text  # quoted: a string
        for candidate, regexp in _IMPLICIT.get(text[:1] if text else "", ()):
            if regexp.match(text):
                tag = candidate
                break
        else:
            return text
    elif tag == "!":
        return text
    elif tag not in _ALLOWED_TAGS or tag in (_CORE + "map", _CORE + "seq"):
        raise _fail(file, _mark(event.start_mark), _say("yr_tag", tag=tag), "tag")
    if tag == _STR:
        return text
    if tag in (_INT, _FLOAT):
        return _number(text, tag, event, file)
    if tag == _CORE + "merge":
        raise _fail(
            file,
            _mark(event.start_mark),
            _say("yr_merge"),
            "tag",
        )
    try:
        # null, bool and dates (``date: 2020-05-28``) as PyYAML's SafeConstructor builds
        # them, without importing it; anything else (an explicit tag, a time) by PyYAML.
        if tag == _NULL:
            return None
        if tag == _BOOL and text.lower() in _BOOLS:
            return _BOOLS[text.lower()]
        if tag == _TIMESTAMP and _DATE.match(text):
            return datetime.date(int(text[:4]), int(text[5:7]), int(text[8:]))
        return _construct(tag, text)
    except (ValueError, OverflowError, KeyError) as exc:
        raise _fail(
            file,
            _mark(event.start_mark),
            _say("yr_invalid", what=tag.rsplit(":", 1)[-1], text=_short(text), error=_one_line(exc)),
            "value",
        ) from None


def _number(text: str, tag: str, event: Any, file: str) -> Decimal | float | int:
    """Integers stay ``int``; other numbers become Decimals from their text (``7.0`` keeps its
    one decimal), except ``.inf``/``.nan`` which stay floats for the model to refuse."""
    if tag == _INT and text.isascii() and text.isdigit() and (text[0] != "0" or len(text) == 1) and len(text) < 300:
        return int(text)  # the common case: a plain decimal integer
    if ":" in text:
        raise _fail(
            file,
            _mark(event.start_mark),
            _say("yr_base60", text=_short(text)),
            "base-60",
        )
    clean = text.replace("_", "")
    if tag == _FLOAT and _PLAIN_DECIMAL.match(clean):
        try:
            return _in_range(Decimal(clean), text, event, file)
        except InvalidOperation:  # pragma: no cover - the pattern admits only valid text
            pass
    try:
        value = _construct(tag, text)
    except (ValueError, OverflowError) as exc:
        raise _fail(
            file, _mark(event.start_mark), _say("yr_invalid_number", text=_short(text), error=_one_line(exc)), "value"
        ) from None
    if isinstance(value, int):
        return _in_range(value, text, event, file)
    if isinstance(value, float):
        return value
    raise _fail(file, _mark(event.start_mark), f"invalid number {_short(text)!r}", "value")  # pragma: no cover


def _in_range(value: Decimal | int, text: str, event: Any, file: str) -> Decimal | int:
    """Refuse numbers no computation can use: beyond a float's range (``1.0e+400``, a 400-digit
    integer) or so small that they vanish (``1.0e-999999999``)."""
    if value and not _SMALLEST <= abs(Decimal(value)) <= _LARGEST:
        raise _fail(
            file,
            _mark(event.start_mark),
            _say("yr_out_of_range", text=_short(text)),
            "value",
        )
    return value
