"""A fast path for :func:`cbkpi.yamlread.parse`: the YAML people write in cbkpi's data files,
read line by line with regular expressions, or declined.

PyYAML's event stream builds each event and its two marks with Python ``__init__`` calls made
from Cython: at 10,000 indicators that alone is about half of ``cbkpi validate``. This reader
handles the subset the data files are written in, in plain Python without recursion:

- block mappings and sequences by indentation: ``key: value``, ``key:`` and a nested block
  (or nothing: null), ``- value``, ``- key: value`` (a mapping in a sequence item), ``-`` and a
  nested block, a sequence at its key's indentation (``key:`` then ``- item`` lines);
- one-line flow mappings and sequences of scalars: ``{a: 1, b: "x"}``, ``[1, 2]``;
- plain, single-quoted and double-quoted scalars on one line, without escapes;
- literal and folded block scalars (``|``, ``|-``, ``>``, ``>-``) of lines at one indentation;
- comments (whole lines and `` #`` after a value) and blank lines.

Anything else, and anything it is not sure of, makes it *decline the whole document*
(:func:`parse` returns None) and the LibYAML reader runs as before: anchors and aliases, tags,
``?`` keys, directives and ``---``/``...``, scalars over several lines, backslash escapes, tabs,
carriage returns, byte-order marks and characters YAML refuses, plain scalars YAML would cut or
read differently (``: `` or `` #`` inside, a leading indicator, ``key:value``), keys that are not
simple names or that resolve to something other than a string, duplicate keys, lines over
:data:`MAX_LINE` characters, nesting deeper than :data:`MAX_DEPTH`, more than
``yamlread.MAX_VALUES`` values, and any scalar the shared resolution refuses (base 60, out of
range). The fast path never words an error of its own: every message still comes from the
LibYAML reader.

What it returns is what :func:`cbkpi.yamlread._build` returns for the same text on its first,
lazy read: the same values (scalars resolved by :func:`cbkpi.yamlread._scalar`, the same
YAML 1.1 rules), the same key order, the same count of values and the same list of wide
mappings with their marks; the marks of the values are left to :class:`cbkpi.yamlread.Positions`,
which finds them with LibYAML when a message first needs one. ``tests/test_yamlfast.py`` checks
this against the LibYAML reader on every YAML file of the repository and on thousands of
generated documents.
"""

from __future__ import annotations

import re
from itertools import chain
from typing import Any

import yaml

from cbkpi import yamlread
from cbkpi.diagnostics import DataError

MAX_LINE = 4096
"""Longer lines are left to LibYAML (its limit on a key's length, 1,024, and the columns of
messages about huge lines are its own)."""
MAX_DEPTH = 32
"""Deeper nesting is left to LibYAML (``yamlread.MAX_DEPTH`` is 64)."""
_CHUNK = 1 << 20
"""Characters of text split into lines at a time: the lines of a 57 MB file are never all
held at once."""

_UNSURE = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
"""Characters the fast path leaves to LibYAML: tab, carriage return, the characters YAML
refuses, the line breaks of YAML 1.1 other than ``\\n`` (NEL, U+2028, U+2029) and the BOM."""

_KEY = r"[A-Za-z0-9_][A-Za-z0-9_.\-]{0,127}"
_PLAIN = r"""(?:[^-?:,\[\]{}#&*!|>'"%@` ]|-(?=[0-9.]))(?:[^ :#]++|:(?! |$)|#| ++(?=[^ #]))*+"""
"""A plain scalar of one line that YAML reads whole: no leading indicator (``-`` only before a
digit or a point), ``:`` only before a non-space, ``#`` only after a non-space, no trailing
space (the spaces before a comment are not part of it)."""
_LINE = re.compile(
    r"( *)(- +|-$)?(?:(" + _KEY + r"):(?: +|$))?"
    r"(?:(" + _PLAIN + r")(?: +#.*)? *$|" + r'"([^"\\]*)"(?: +#.*)? *$|(.*))'
)
"""Indentation, a sequence entry's dash, a mapping key, and the value: a plain scalar, a
double-quoted one, or the rest of the line."""
_CONTINUED = re.compile(r"(" + _PLAIN + r") *$")
"""A line that continues a plain scalar (a comment ends the scalar: such lines are left to LibYAML)."""
_SINGLE = re.compile(r"'([^']*)'(?: +#.*)? *$")
_BLOCK = re.compile(r"([>|])(-?)(?: +#.*)? *$")
_FLOW_VALUE = r"""(?:"[^"\\]*"|'[^']*'|(?:-(?=[0-9.]))?[^\s,\[\]{}#:"'!&*|>%@`?\-][^,\[\]{}#:]*+)"""
_FLOW_ENTRY = r" *" + _KEY + r": +" + _FLOW_VALUE + r" *"
_FLOW_MAP = re.compile(r"\{(?:(?:" + _FLOW_ENTRY + r",)*+" + _FLOW_ENTRY + r"| *)(\})(?: +#.*)? *$")
_FLOW_SEQ = re.compile(r"\[(?:(?: *" + _FLOW_VALUE + r" *,)*+ *" + _FLOW_VALUE + r" *| *)(\])(?: +#.*)? *$")
"""A flow collection of scalars on one line (plain values keep their trailing spaces here)."""
_FLOW_PAIR = re.compile(r" *(" + _KEY + r"): +(" + _FLOW_VALUE + r") *[,}]")
_FLOW_ITEM = re.compile(r" *(" + _FLOW_VALUE + r") *[,\]]")
_FLOW_TOKEN = re.compile(
    r" *(?:([{}\[\],])|(" + _KEY + r"): +|"
    r"""("[^"\\]*"|'[^']*'|(?:-(?=[0-9.]))?[^\s,\[\]{}#:"'!&*|>%@`?\-][^,\[\]{}#:]*+)(?= *[,\]}]))"""
)
"""One token of a flow collection: a bracket or comma, a key and its ``: ``, or a scalar."""
_FLOW_END = re.compile(r"(?: +#.*)? *$")
_START_UNSURE = frozenset("-?:,[]{}#&*!|>'\"%@` ")
"""First characters of a value that the common path leaves to the full line pattern."""
_RESOLVED = frozenset(k for k in yamlread._IMPLICIT if k)
"""First characters of plain scalars that may be something other than a string."""
_MISS = object()


class _Decline(Exception):
    """The document holds something the fast path does not read: LibYAML reads it."""


class _Event:
    """What :func:`cbkpi.yamlread._scalar` reads of a plain scalar's event (the marks only
    serve its error messages, and an error declines the document)."""

    __slots__ = ("value",)
    tag = None
    anchor = None
    implicit = (True, False)
    start_mark = end_mark = yaml.Mark("<fast>", 0, 0, 0, "", 0)

    def __init__(self, value: str) -> None:
        self.value = value


def parse(text: str, file: str) -> yamlread.Document | None:
    """The document as the LibYAML reader's first read gives it, or None: declined."""
    if _UNSURE.search(text):
        return None
    try:
        return _read(text, file)
    except (_Decline, DataError):
        return None


def _lines(text: str) -> Any:
    start, end = 0, len(text)
    while start < end:
        stop = text.find("\n", start + _CHUNK)
        if stop < 0:
            stop = end
        yield text[start:stop].split("\n")
        start = stop + 1


class _Open:
    """An open block collection: its indentation, the collection, and its mark."""

    __slots__ = ("column", "data", "indent", "indentless", "is_map", "key", "line")

    def __init__(self, indent: int, data: Any, line: int, column: int, indentless: bool = False) -> None:
        self.indent = indent
        self.data = data
        self.is_map = isinstance(data, dict)
        self.key = ""
        """A mapping's key that waits for its value (a nested block or null)."""
        self.line = line
        self.column = column
        self.indentless = indentless
        """A sequence at its key's indentation (``key:`` then ``- item`` lines)."""


def _read(text: str, file: str) -> yamlread.Document:
    scalar = yamlread._scalar
    wide_limit = yamlread.WIDE_MAPPING
    max_values = yamlread.MAX_VALUES
    line_match = _LINE.match
    resolved: dict[str, Any] = {}  # text -> value of plain scalars that may not be strings
    resolved_get = resolved.get
    keys: dict[str, str] = {}  # the key names seen, each checked once and kept as one str
    keys_get = keys.get
    wide: list[tuple[tuple[int, int], int]] = []

    def plain(text: str) -> Any:
        if text[0] not in _RESOLVED:
            return text
        value = resolved_get(text, _MISS)
        if value is _MISS:
            value = resolved[text] = scalar(_Event(text), file)
        return value

    def key_of(name: str) -> str:
        key = keys_get(name)
        if key is None:
            if type(plain(name)) is not str:  # 'yes', 'null', '1': not a string key
                raise _Decline
            key = keys[name] = name
        return key

    def flow(rest: str, line: int, column: int) -> tuple[Any, int]:
        """A one-line flow collection and how many values it holds, itself included."""
        if rest[0] == "{":
            m = _FLOW_MAP.match(rest)
            if m is None:
                return nested_flow(rest, line, column)
            mapping: dict[str, Any] = {}
            for name, value in _FLOW_PAIR.findall(rest, 1, m.end(1)):
                key = key_of(name)
                if key in mapping:
                    raise _Decline
                first = value[0]
                mapping[key] = value[1:-1] if first == '"' or first == "'" else plain(value.rstrip(" "))
            if len(mapping) > wide_limit:
                wide.append(((line, column), len(mapping)))
            return mapping, len(mapping) + 1
        m = _FLOW_SEQ.match(rest)
        if m is None:
            return nested_flow(rest, line, column)
        items = [
            v[1:-1] if v[0] == '"' or v[0] == "'" else plain(v.rstrip(" "))
            for v in _FLOW_ITEM.findall(rest, 1, m.end(1))
        ]
        return items, len(items) + 1

    def nested_flow(rest: str, line: int, column: int) -> tuple[Any, int]:
        """A one-line flow collection with collections inside, token by token (no recursion).

        ``state``: 0 after an opening bracket (an entry or the end), 1 after a comma (an
        entry), 2 after a key (its value), 3 after an entry (a comma or the end)."""
        match = _FLOW_TOKEN.match
        outer: list[tuple[Any, str, int]] = []  # (collection, its pending key, its column)
        cur: Any = None
        key = ""
        state = 0
        start = 0
        count = 0
        pos = 0
        while True:
            m = match(rest, pos)
            if m is None:
                raise _Decline
            pos = m.end()
            bracket, name, text = m.groups()
            is_map = isinstance(cur, dict)
            if name is not None:
                if not is_map or state == 2 or state == 3:
                    raise _Decline
                key = key_of(name)
                if key in cur:
                    raise _Decline
                state = 2
                continue
            if bracket == "{" or bracket == "[":
                if cur is not None:
                    if state != 2 if is_map else state == 3:
                        raise _Decline
                    outer.append((cur, key, start))
                if len(outer) + len(stack) >= MAX_DEPTH:
                    raise _Decline
                cur = {} if bracket == "{" else []
                start = m.start(1)
                state = 0
                count += 1
                continue
            if bracket == ",":
                if state != 3:
                    raise _Decline
                state = 1
                continue
            if bracket is not None:  # a closing bracket
                if state == 1 or state == 2 or (bracket == "}") != is_map:
                    raise _Decline
                if is_map and len(cur) > wide_limit:
                    if not rest[:start].isascii():
                        raise _Decline  # LibYAML's column after non-ASCII text: left to it
                    wide.append(((line, column + start), len(cur)))
                if not outer:
                    break
                value: Any = cur
                cur, key, start = outer.pop()
                is_map = isinstance(cur, dict)
            else:
                if cur is None or (state != 2 if is_map else state == 3):
                    raise _Decline
                first = text[0]
                value = text[1:-1] if first == '"' or first == "'" else plain(text.rstrip(" "))
                count += 1
            if is_map:
                cur[key] = value
            else:
                cur.append(value)
            state = 3
        if _FLOW_END.match(rest, pos) is None:
            raise _Decline
        return cur, count

    def other(rest: str, line: int, column: int) -> tuple[Any, int]:
        """A value after ``key:`` or ``-`` that is neither a plain nor a double-quoted scalar,
        and how many values it holds (0: none, a nested block or null follows; -1: a block
        scalar's header, its lines follow)."""
        first = rest[:1]
        if not first or first == "#":
            return None, 0
        if first == "{" or first == "[":
            return flow(rest, line, column)
        if first == "'":
            m = _SINGLE.match(rest)
            if m is not None:
                return m.group(1), 1
        elif first == ">" or first == "|":
            m = _BLOCK.match(rest)
            if m is not None:
                return m.group(1) + m.group(2), -1
        raise _Decline

    stack: list[_Open] = []
    top: _Open | None = None
    t_indent, t_map = -1, False  # the top's, at hand
    t_data: Any = None
    root: Any = None
    values = 0
    pending = False  # the top collection waits for the value of its key or item
    block: list[Any] | None = None  # an open block scalar: [owner, key or index, header, threshold]
    block_lines: list[str] = []
    block_indent = 0
    scalar_at: list[Any] | None = None  # the last plain scalar: [collection, key or index, threshold, text]
    blanks = 0  # blank lines since the last line with content

    def close() -> _Open | None:
        done = stack.pop()
        if done.is_map and len(done.data) > wide_limit:
            wide.append(((done.line, done.column), len(done.data)))
        return stack[-1] if stack else None

    def finish_block(broken: bool = True) -> None:
        """Fold or keep the block scalar's lines; ``broken``: its last line ends with a line
        break (which clipping keeps), as every line but a file's unterminated last one does."""
        assert block is not None
        owner, slot, header, _threshold = block
        lines = block_lines
        while lines and not lines[-1]:
            lines.pop()
        if not lines:
            raise _Decline
        if header[0] == "|":
            value = "\n".join(lines)
        else:
            parts = [lines[0]]
            empty = 0  # a line break per empty line between two lines, else a space
            for part in lines[1:]:
                if part:
                    parts.append("\n" * empty if empty else " ")
                    parts.append(part)
                    empty = 0
                else:
                    empty += 1
            value = "".join(parts)
        if len(header) == 1 and broken:
            value += "\n"
        owner.data[slot] = value

    number = 0
    for line in chain.from_iterable(_lines(text)):
        number += 1
        if block is not None:
            content = line.lstrip(" ")
            if not content:
                if line:
                    raise _Decline  # spaces only: content or not, by rules not worth following
                if block_indent:
                    block_lines.append("")
                    continue
                raise _Decline  # empty lines before the first: the indentation rules differ
            indent = len(line) - len(content)
            if not block_indent:
                if indent <= block[3]:
                    raise _Decline
                block_indent = indent
            if indent >= block_indent:
                if indent > block_indent or content[-1] == " ":
                    raise _Decline
                block_lines.append(content)
                continue
            finish_block()
            block, block_lines, block_indent = None, [], 0
            if content[0] == "#":
                continue
        else:
            content = line.lstrip(" ")
            if not content:
                blanks += 1
                continue
            if content[0] == "#":
                scalar_at = None  # a comment ends a plain scalar
                continue
            indent = len(line) - len(content)
        if scalar_at is not None:
            if indent > scalar_at[2]:  # the plain scalar goes on (folded: a space, or a line break per blank line)
                m = _CONTINUED.match(content)
                if m is None or len(line) > MAX_LINE:
                    raise _Decline
                scalar_at[3] += ("\n" * blanks if blanks else " ") + m.group(1)
                scalar_at[0][scalar_at[1]] = plain(scalar_at[3])
                blanks = 0
                continue
            scalar_at = None
        blanks = 0
        if len(line) > MAX_LINE:
            raise _Decline
        if t_map and indent == t_indent and not pending:
            # The common case, ``key: value`` in the open mapping, with string methods only.
            name, sep, value = content.partition(": ")
            key = keys_get(name) if sep else None
            if key is not None and key not in t_data:
                first = value[:1]
                if first and first not in _START_UNSURE:
                    if ": " not in value and " #" not in value and value[-1] != " " and value[-1] != ":":
                        if first in _RESOLVED:
                            got = resolved_get(value, _MISS)
                            t_data[key] = plain(value) if got is _MISS else got
                        else:
                            t_data[key] = value
                        values += 1
                        scalar_at = [t_data, key, t_indent, value]
                        continue
                elif first == "{" or first == "[":
                    t_data[key], count = flow(value, number, len(line) - len(value) + 1)
                    values += count
                    continue
        m = line_match(line)
        assert m is not None  # the pattern matches any line
        _, dash, name, plain_text, quoted, rest = m.groups()
        if dash is None and name is None:
            raise _Decline  # a line that is neither a key nor an entry (blank lines are skipped)
        if pending:
            assert top is not None
            if indent > t_indent or (indent == t_indent and dash and t_map):
                data: Any = [] if dash else {}
                new = _Open(indent, data, number, indent + 1, indent == t_indent)
                if t_map:
                    t_data[top.key] = data
                else:
                    t_data.append(data)
                stack.append(new)
                top = new
                values += 1
            else:
                if not t_map:
                    t_data.append(None)
                values += 1
            pending = False
        while top is not None and top.indent > indent:
            top = close()
        if top is None:
            if root is not None:
                raise _Decline  # less indented than the document's first line
            root = [] if dash else {}
            top = _Open(indent, root, number, indent + 1)
            stack.append(top)
            values += 1
        elif top.indent != indent:
            raise _Decline
        elif top.indentless and not dash:
            top = close()
            assert top is not None
        if len(stack) > MAX_DEPTH or values > max_values:
            raise _Decline
        if top.is_map:
            if dash or name is None:
                raise _Decline
            owner = top
        elif not dash:
            raise _Decline
        elif name is None:  # an entry's value
            items = top.data
            if plain_text is not None:
                if m.end(4) == len(line.rstrip(" ")):  # no comment after it: it may go on
                    scalar_at = [items, len(items), top.indent, plain_text]
                items.append(plain(plain_text))
                values += 1
            elif quoted is not None:
                items.append(quoted)
                values += 1
            else:
                value, count = other(rest, number, m.start(6) + 1)
                if count > 0:
                    items.append(value)
                    values += count
                elif count == 0:
                    pending = True
                else:
                    block = [top, len(items), value, top.indent]
                    items.append(None)
                    values += 1
            t_indent, t_data, t_map = top.indent, top.data, top.is_map
            continue
        else:  # an entry that is a mapping: ``- key: ...``
            owner = _Open(m.start(3), {}, number, m.start(3) + 1)
            top.data.append(owner.data)
            stack.append(owner)
            top = owner
            values += 1
        t_indent, t_data, t_map = top.indent, top.data, top.is_map
        key = key_of(name)
        if key in t_data:
            raise _Decline
        if plain_text is not None:
            if m.end(4) == len(line.rstrip(" ")):  # no comment after it: it may go on
                scalar_at = [t_data, key, t_indent, plain_text]
            t_data[key] = plain(plain_text)
            values += 1
        elif quoted is not None:
            t_data[key] = quoted
            values += 1
        else:
            value, count = other(rest, number, m.start(6) + 1)
            t_data[key] = value  # a nested block's or a block scalar's place in the key order
            if count > 0:
                values += count
            elif count == 0:
                owner.key = key
                pending = True
            else:
                block = [owner, key, value, owner.indent]
                values += 1
    if block is not None:
        finish_block(text.endswith("\n"))
    if pending:
        assert top is not None
        if not top.is_map:
            top.data.append(None)
        values += 1
    while stack:
        close()
    if root is None or values > max_values:
        raise _Decline
    return yamlread.Document(file, root, yamlread.Positions(text, file), values, wide)
