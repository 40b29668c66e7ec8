"""Read a YAML file once into plain Python data and a map of where each value stands.

Built on PyYAML's event stream (LibYAML's parser when present) rather than ``yaml.safe_load``
so that, in a single pass and without recursion:

- every value keeps its line and column (``Positions``) for located error messages;
- duplicate mapping keys are errors (``safe_load`` silently keeps the last one);
- only plain data is built: any tag other than YAML's core ones (``!!python/...``) is refused
  and nothing is ever executed;
- numbers become :class:`~decimal.Decimal` built from their text, keeping printed precision;
- limits on size, nesting depth and alias expansion stop hostile files (the "billion laughs").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml
from yaml import events

from cbkpi.diagnostics import DataError, Diagnostic

try:  # LibYAML's parser is several times faster; fall back to the pure-Python one.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 2_000_000
"""The most values a document may hold once its aliases are expanded."""

Path_ = tuple[str | int, ...]
Mark = tuple[int, int]
"""1-based line and column."""

_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {
    _CORE + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
}
_LARGEST, _SMALLEST = Decimal("1e300"), Decimal("1e-300")
"""Numbers larger or smaller (other than 0) than these are refused: floats cannot hold them."""
_PLAIN_DECIMAL = re.compile(r"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$")
_resolver = yaml.resolver.Resolver()
_constructor = yaml.constructor.SafeConstructor()


@dataclass
class Positions:
    """Where each value of a document stands: its path (keys and indexes) to its mark."""

    values: dict[Path_, Mark] = field(default_factory=dict)
    keys: dict[Path_, Mark] = field(default_factory=dict)

    def find(self, path: Path_) -> Mark | None:
        """The mark of ``path``, or of its nearest ancestor that has one."""
        while True:
            mark = self.values.get(path)
            if mark is not None:
                return mark
            if not path:
                return None
            path = path[:-1]

    def key(self, path: Path_) -> Mark | None:
        """The mark of the key that names ``path`` (for unknown or misplaced keys)."""
        return self.keys.get(path) or self.find(path)


@dataclass
class Document:
    file: str
    data: Any
    positions: Positions


def _mark(m: yaml.Mark) -> Mark:
    return (m.line + 1, m.column + 1)


def _one_line(exc: Exception) -> str:
    """The first line of an error's text (PyYAML appends an 'in "<unicode string>"' line)."""
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem:
        return exc.problem
    return str(exc).split("\n", 1)[0]


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _construct(node: yaml.ScalarNode) -> Any:
    """Build one scalar with PyYAML's safe constructor, bypassing ``construct_object``, whose
    cache of constructed nodes is only emptied by ``construct_document`` and would keep every
    node of every file read alive."""
    return _constructor.yaml_constructors[node.tag](_constructor, node)


def _fail(file: str, mark: Mark | None, message: str, code: str, *, unreadable: bool = False) -> DataError:
    line, col = mark if mark else (None, None)
    return DataError([Diagnostic(file, line, col, message, code=code)], unreadable=unreadable)


def read_text(path: Path, display: str) -> str:
    """Read and decode ``path`` as UTF-8 (a byte-order mark is allowed) with clear failures."""
    try:
        if path.is_dir():
            raise _fail(display, None, "is a directory, expected a YAML file", "unreadable", unreadable=True)
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _fail(
                display, None,
                f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,} bytes", "too-large",
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise _fail(display, None, "no such file", "unreadable", unreadable=True) from None
    except PermissionError:
        raise _fail(display, None, "permission denied: cannot read the file", "unreadable", unreadable=True) from None
    except OSError as exc:
        raise _fail(display, None, f"cannot read the file: {exc.strerror}", "unreadable", unreadable=True) from None
    return decode(raw, display)


def decode(raw: bytes, display: str) -> str:
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):  # what Windows editors call "Unicode"
        raise _fail(display, (1, 1), "the file is UTF-16 (or UTF-32) text; save it as UTF-8", "encoding")
    if b"\x00" in raw:
        return _binary(raw, display)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _fail(
            display, (line, col),
            f"byte 0x{raw[exc.start]:02x} is not valid UTF-8; save the file as UTF-8", "encoding",
        ) from None


def _binary(raw: bytes, display: str) -> str:
    at = raw.index(b"\x00")
    line = raw.count(b"\n", 0, at) + 1
    raise _fail(display, (line, 1), "the file contains NUL bytes: it is binary, not YAML text", "encoding")


def load(path: Path, display: str | None = None) -> Document:
    """Read, decode and parse one YAML file; raise :class:`DataError` with located diagnostics."""
    name = display if display is not None else str(path)
    return parse(read_text(path, name), name)


def parse(text: str, file: str) -> Document:
    builder = _Builder(file)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            builder.feed(event)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        context = ""
        if exc.context and exc.problem:
            # Where the construct that failed began (an unclosed quote or bracket opens there).
            cm = exc.context_mark
            started = f" started at line {cm.line + 1}" if cm and mark and cm.line != mark.line else ""
            context = f" ({exc.context}{started})"
        raise _fail(file, _mark(mark) if mark else None, f"YAML syntax error: {problem}{context}", "syntax") from None
    except yaml.reader.ReaderError as exc:  # control characters: a position, no mark object
        pos = exc.position
        line = text.count("\n", 0, pos) + 1
        col = pos - (text.rfind("\n", 0, pos) + 1) + 1
        what = f"character #x{exc.character:04x}" if isinstance(exc.character, int) else "character"
        raise _fail(file, (line, col), f"YAML error: {what} is not allowed: {exc.reason}", "syntax") from None
    except yaml.YAMLError as exc:
        raise _fail(file, None, f"YAML error: {_one_line(exc)}", "syntax") from None
    except RecursionError:
        raise _fail(file, None, f"nesting deeper than {MAX_DEPTH} levels", "too-deep") from None
    if builder.documents == 0:
        raise _fail(file, (1, 1), "the file is empty (or holds only comments); expected a YAML mapping", "empty")
    return Document(file, builder.result, builder.positions)


class _Builder:
    """Turns parser events into Python data, without recursion."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.positions = Positions()
        self.result: Any = None
        self.documents = 0
        # Stack of open containers: (container, path, pending key or None, key mark, keys seen).
        self.stack: list[list[Any]] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.sizes: list[int] = []
        self.nodes = 0

    # -- events ---------------------------------------------------------------------------
    def feed(self, event: events.Event) -> None:
        if isinstance(event, events.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise _fail(self.file, _mark(event.start_mark), "a second YAML document (---); expected one", "multi-document")
        elif isinstance(event, events.ScalarEvent):
            self._value(self._scalar(event), event, 1)
        elif isinstance(event, events.AliasEvent):
            if event.anchor not in self.anchors:
                raise _fail(self.file, _mark(event.start_mark), f"unknown alias *{event.anchor}", "alias")
            value, size = self.anchors[event.anchor]
            self._value(value, event, size)
        elif isinstance(event, (events.MappingStartEvent, events.SequenceStartEvent)):
            self._check_tag(event, "map" if isinstance(event, events.MappingStartEvent) else "seq")
            if len(self.stack) >= MAX_DEPTH:
                raise _fail(self.file, _mark(event.start_mark), f"nesting deeper than {MAX_DEPTH} levels", "too-deep")
            if self.stack and isinstance(self.stack[-1][0], dict) and self.stack[-1][2] is None:
                raise _fail(self.file, _mark(event.start_mark), "a mapping key must be a plain scalar", "key")
            container: Any = {} if isinstance(event, events.MappingStartEvent) else []
            path = self._child_path()
            self.positions.values[path] = _mark(event.start_mark)
            self.stack.append([container, path, None, None, event.anchor])
            self.sizes.append(1)
        elif isinstance(event, (events.MappingEndEvent, events.SequenceEndEvent)):
            container, path, _key, _kmark, anchor = self.stack.pop()
            size = self.sizes.pop()
            if anchor is not None:
                self.anchors[anchor] = (container, size)
            self._attach(container, path, size, event, new=1)

    # -- helpers --------------------------------------------------------------------------
    def _child_path(self) -> Path_:
        if not self.stack:
            return ()
        container, path, key, _kmark, _anchor = self.stack[-1]
        if isinstance(container, dict):
            return (*path, key) if key is not None else path
        return (*path, len(container))

    def _value(self, value: Any, event: events.Event, size: int) -> None:
        if self.stack and isinstance(self.stack[-1][0], dict) and self.stack[-1][2] is None:
            self._key(value, event)
            return
        path = self._child_path()
        self.positions.values[path] = _mark(event.start_mark)
        anchor = getattr(event, "anchor", None)
        if anchor is not None and isinstance(event, events.ScalarEvent):
            self.anchors[anchor] = (value, 1)
        self._attach(value, path, size, event)

    def _key(self, key: Any, event: events.Event) -> None:
        top = self.stack[-1]
        if isinstance(key, (dict, list)) or not isinstance(key, (str, int, bool, type(None), Decimal)):
            raise _fail(self.file, _mark(event.start_mark), "a mapping key must be a plain scalar", "key")
        name = str(key) if not isinstance(key, str) else key
        if name in top[0]:
            first = self.positions.keys.get((*top[1], name))
            where = f" (first at line {first[0]})" if first else ""
            raise _fail(self.file, _mark(event.start_mark), f"duplicate key {name!r}{where}; each key may appear once", "duplicate-key")
        top[2] = name
        top[3] = _mark(event.start_mark)
        self.positions.keys[(*top[1], name)] = top[3]

    def _attach(self, value: Any, path: Path_, size: int, event: events.Event, new: int | None = None) -> None:
        """Attach ``value`` (``size`` values in all) to the open container. ``new`` is how many
        of them are not counted yet: a closing container's contents were counted as they came."""
        self.nodes += size if new is None else new
        if self.nodes > MAX_NODES:
            raise _fail(
                self.file, _mark(event.start_mark),
                f"the document expands to more than {MAX_NODES:,} values (aliases that multiply, a \"billion laughs\"?)",
                "too-large",
            )
        if not self.stack:
            self.result = value
            return
        top = self.stack[-1]
        self.sizes[-1] += size
        if isinstance(top[0], dict):
            top[0][top[2]] = value
            top[2] = None
        else:
            top[0].append(value)

    def _check_tag(self, event: events.NodeEvent, kind: str) -> None:
        tag = getattr(event, "tag", None)
        if tag in (None, "!") or tag == _CORE + kind:
            return
        raise _fail(self.file, _mark(event.start_mark), f"tag {tag!r} is not allowed; use plain YAML data", "tag")

    def _scalar(self, event: events.ScalarEvent) -> Any:
        text = event.value
        if event.tag in (None, "!"):
            tag = _resolver.resolve(yaml.ScalarNode, text, event.implicit) if event.tag is None else _CORE + "str"
        else:
            tag = event.tag
            if tag not in _ALLOWED_TAGS or tag in (_CORE + "map", _CORE + "seq"):
                raise _fail(self.file, _mark(event.start_mark), f"tag {tag!r} is not allowed; use plain YAML data", "tag")
        if tag == _CORE + "merge":
            raise _fail(
                self.file, _mark(event.start_mark),
                "merge keys ('<<') are not supported; write the keys out (anchors and aliases are allowed)", "tag",
            )
        if tag == _CORE + "str":
            return text
        if tag in (_CORE + "int", _CORE + "float"):
            return self._number(text, tag, event)
        node = yaml.ScalarNode(tag, text, event.start_mark, event.end_mark)
        try:
            return _construct(node)
        except (yaml.YAMLError, ValueError, OverflowError, KeyError) as exc:
            raise _fail(
                self.file, _mark(event.start_mark),
                f"invalid {tag.rsplit(':', 1)[-1]} {_short(text)!r}: {_one_line(exc)}", "value",
            ) from None

    def _number(self, text: str, tag: str, event: events.ScalarEvent) -> Decimal | float | int:
        """Integers stay ``int``; other numbers become Decimals from their text (``7.0`` keeps
        its one decimal), except ``.inf``/``.nan`` which stay floats for the model to refuse."""
        clean = text.replace("_", "")
        if tag == _CORE + "float" and _PLAIN_DECIMAL.match(clean):
            try:
                return self._in_range(Decimal(clean), text, event)
            except InvalidOperation:  # pragma: no cover - the pattern admits only valid text
                pass
        node = yaml.ScalarNode(tag, text, event.start_mark, event.end_mark)
        try:
            value = _construct(node)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            raise _fail(self.file, _mark(event.start_mark), f"invalid number {_short(text)!r}: {_one_line(exc)}", "value") from None
        if isinstance(value, int):
            return self._in_range(value, text, event)
        if isinstance(value, float):
            return value
        raise _fail(self.file, _mark(event.start_mark), f"invalid number {_short(text)!r}", "value")  # pragma: no cover

    def _in_range(self, value: Decimal | int, text: str, event: events.ScalarEvent) -> Decimal | int:
        """Refuse numbers no computation can use: beyond a float's range (``1.0e+400``, a
        400-digit integer) or so small that they vanish (``1.0e-999999999``)."""
        if value and not _SMALLEST <= abs(Decimal(value)) <= _LARGEST:
            raise _fail(
                self.file, _mark(event.start_mark),
                f"number {_short(text)!r} is out of range; numbers must lie between 1e-300 and 1e300 in size",
                "value",
            )
        return value
