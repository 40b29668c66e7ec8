"""A fast path for :func:`cbkpi.yamlread.parse`: the YAML people write in cbkpi's data files,
read line by line with regular expressions, or declined.

PyYAML's event stream builds each event and its two marks with Python ``__init__`` calls made
from Cython: at 10,000 indicators that alone is about half of ``cbkpi validate``. This reader
handles the subset the data files are written in, in plain Python without recursion:

- block mappings and sequences by indentation: ``key: value``, ``key:`` and a nested block
  (or nothing: null), ``- value``, ``- key: value`` (a mapping in a sequence item), ``-`` and a
  nested block, a sequence at its key's indentation (``key:`` then ``- item`` lines);
- one-line flow mappings and sequences of scalars: ``{a: 1, b: "x"}``, ``[1, 2]``;
- single-quoted and double-quoted scalars on one line, without escapes; plain scalars, also
  continued on more deeply indented lines (joined by one space, as YAML folds them) when no
  comment comes between;
- literal and folded block scalars (``|``, ``|-``, ``>``, ``>-``) of lines at one indentation;
- comments (whole lines and `` #`` after a value) and blank lines.

Anything else, and anything it is not sure of, makes it *decline the whole document*
(:func:`parse` returns None) and the LibYAML reader runs as before: anchors and aliases, tags,
``?`` keys, directives and ``---``/``...``, quoted scalars over several lines, backslash escapes, tabs,
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
mappings with their marks. The marks of the values and keys are found when a message first
needs one (:class:`cbkpi.yamlread.Positions`) by reading the text again, :func:`marks`: what
LibYAML's read with marks gives, without LibYAML's compose of the whole document (the bundled
data's warnings need a few marks on every run). ``tests/test_yamlfast.py`` checks both reads
against the LibYAML reader on every YAML file of the repository and on thousands of generated
documents.
"""

from __future__ import annotations

import re
import sys
from typing import Any

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

_UNSURE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
"""Characters the fast path leaves to LibYAML: tab, carriage return, the characters YAML
refuses, the line breaks of YAML 1.1 other than ``\\n`` (NEL, U+2028, U+2029) and the BOM."""

# Python's re has possessive quantifiers (``*+``) only from 3.11, and cbkpi runs on 3.10:
# _PLAIN and _KEY need none (after each repeat comes a character the repeat cannot take, and
# _PLAIN's repeat takes one character, or one whole run of spaces, per turn, in one way only, so a
# line that fails does not backtrack exponentially); a flow value's run is possessive where re
# has it (a hostile flow line of 3,600 characters: 50 ms instead of 600) and greedy on 3.10,
# with the same matches (tests/test_yamlfast.py compares both forms).
_RUN = "*+" if sys.version_info >= (3, 11) else "*"
_KEY = r"[A-Za-z0-9_][A-Za-z0-9_.\-]*"
MAX_KEY = 128
"""Longer keys are left to LibYAML (it refuses keys over 1,024 characters)."""
_PLAIN = r"""(?:[^-?:,\[\]{}#&*!|>'"%@` ]|-(?=[0-9.]))(?:[^ :#]|:(?! |$)|#| +(?=[^ #]))*"""
"""A plain scalar of one line that YAML reads whole: no leading indicator (``-`` only before a
digit or a point), ``:`` only before a non-space, ``#`` only after a non-space, no trailing
space (the spaces before a comment are not part of it)."""
_KEY_NAME = re.compile(_KEY)
_PLAIN_VALUE = re.compile("(" + _PLAIN + r")(?: +#.*)? *$")
"""A plain scalar and perhaps a comment: the value of a line that is not in the common form."""
_DOUBLE = re.compile(r'"([^"\\]*)"(?: +#.*)? *$')
_CONTINUED = re.compile(r"(" + _PLAIN + r") *$")
"""A line that continues a plain scalar (a comment ends the scalar: such lines are left to LibYAML)."""
_SINGLE = re.compile(r"'([^']*)'(?: +#.*)? *$")
_BLOCK = re.compile(r"([>|])(-?)(?: +#.*)? *$")
_FLOW_VALUE = r"""(?:"[^"\\]*"|'[^']*'|(?:-(?=[0-9.]))?[^\s,\[\]{}#:"'!&*|>%@`?\-][^,\[\]{}#:]""" + _RUN + ")"
_FLOW_PAIRS = re.compile(r" *(" + _KEY + r"): +(" + _FLOW_VALUE + r") *(?:,|(\})$)|(.)")
_FLOW_ITEMS = re.compile(r" *(" + _FLOW_VALUE + r") *(?:,|(\])$)|(.)")
"""The entries of a flow collection of scalars (search to the closing bracket): anything else
is caught by the last group, one character at a time, and declines (plain values keep their
trailing spaces here)."""
_FLOW_TOKEN = re.compile(
    r" *(?:([{}\[\],])|(" + _KEY + r"): +|"
    r"""("[^"\\]*"|'[^']*'|(?:-(?=[0-9.]))?[^\s,\[\]{}#:"'!&*|>%@`?\-][^,\[\]{}#:]""" + _RUN + r""")(?= *[,\]}]))"""
)
"""One token of a flow collection: a bracket or comma, a key and its ``: ``, or a scalar."""
_FLOW_END = re.compile(r"(?: +#.*)? *$")
_START_UNSURE = frozenset("-?:,[]{}#&*!|>'\"%@` ")
"""First characters of a value that is not a plain scalar in the common form."""
_NUMBER_START = frozenset("0123456789.")
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
    start_mark = end_mark = yamlread._NO_MARK

    def __init__(self, value: str) -> None:
        self.value = value


def parse(text: str, file: str) -> yamlread.Document | None:
    """The document as the LibYAML reader's first read gives it, or None: declined."""
    if _UNSURE.search(text):
        return None
    try:
        found = _read(text, file)
    except (_Decline, DataError):
        return None
    except MemoryError:
        raise
    except Exception:  # a slip of this reader must not cost the user a traceback: LibYAML reads
        return None  # pragma: no cover - tests/test_yamlfast.py calls _read to see any
    assert isinstance(found, yamlread.Document)
    return found


def marks(text: str, file: str) -> yamlread.Positions | None:
    """The marks of every value and key (1-based lines and columns, in characters) as the
    LibYAML reader's read with marks finds them, or None: declined. :class:`cbkpi.yamlread.Positions`
    asks here first when a message needs a mark, so a document the fast path reads is never
    composed by LibYAML."""
    if _UNSURE.search(text):
        return None
    try:
        found = _read(text, file, with_marks=True)
    except (_Decline, DataError):
        return None
    except MemoryError:
        raise
    except Exception:  # pragma: no cover - as in parse
        return None
    assert isinstance(found, yamlread.Positions)
    return found


def _lines(text: str) -> Any:
    """The lines of ``text``, split a chunk at a time; a line over :data:`MAX_LINE` declines."""
    start, end = 0, len(text)
    while start < end:
        stop = text.find("\n", start + _CHUNK)
        if stop < 0:
            stop = end
        lines = text[start:stop].split("\n")
        if max(map(len, lines)) > MAX_LINE:
            raise _Decline
        yield lines
        start = stop + 1


_Open = tuple[int, Any, bool, int, int, bool]
"""An open block collection: its indentation, the collection, whether it is a mapping, its
mark (line, column), and whether it is a sequence at its key's indentation (``key:`` then
``- item`` lines)."""


def _read(text: str, file: str, with_marks: bool = False) -> yamlread.Document | yamlread.Positions:
    """The document (``with_marks``: the marks of its values and keys instead, in
    :class:`cbkpi.yamlread.Positions`' layout: each container's marks under its identity, a
    mapping's keys' and values' interleaved)."""
    scalar = yamlread._scalar
    wide_limit = yamlread.WIDE_MAPPING
    max_values = yamlread.MAX_VALUES
    resolved: dict[str, Any] = {}  # text -> value of plain scalars that may not be strings
    resolved_get = resolved.get
    keys: dict[str, str] = {}  # the key names seen, each checked once and kept as one str
    keys_get = keys.get
    wide: list[tuple[tuple[int, int], int]] = []
    held: dict[int, list[int]] = {}  # with_marks: id(container) -> its marks, packed
    bits = yamlread._COL_BITS

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
            if len(name) > MAX_KEY or type(plain(name)) is not str:  # 'yes', 'null', '1': not a string key
                raise _Decline
            key = keys[name] = name
        return key

    def flow(rest: str, line: int, column: int) -> tuple[Any, int]:
        """A one-line flow collection and how many values it holds, itself included."""
        is_map = rest[0] == "{"
        end = rest.rfind("}" if is_map else "]") + 1
        if not end or (end < len(rest) and _FLOW_END.match(rest, end) is None):
            raise _Decline
        inner = rest[1 : end - 1]
        if "{" in inner or "[" in inner:
            return nested_flow(rest, line, column)
        if not inner.strip(" "):
            return ({} if is_map else []), 1
        entries = (_FLOW_PAIRS if is_map else _FLOW_ITEMS).findall(rest, 1, end)
        if is_map:
            mapping: dict[str, Any] = {}
            for name, value, _end, junk in entries:
                if junk:
                    raise _Decline
                key = keys_get(name) or key_of(name)
                if key in mapping:
                    raise _Decline
                first = value[0]
                if first == '"' or first == "'":
                    mapping[key] = value[1:-1]
                else:
                    if value[-1] == " ":
                        value = value.rstrip(" ")
                    if first in _RESOLVED:
                        got = resolved_get(value, _MISS)
                        mapping[key] = plain(value) if got is _MISS else got
                    else:
                        mapping[key] = value
            if len(mapping) > wide_limit:
                wide.append(((line, column), len(mapping)))
            if with_marks:
                held[id(mapping)] = [
                    (line << bits) | (column + m.start(g)) for m in _FLOW_PAIRS.finditer(rest, 1, end) for g in (1, 2)
                ]
            return mapping, len(mapping) + 1
        items = []
        for value, _end, junk in entries:
            if junk:
                raise _Decline
            first = value[0]
            items.append(value[1:-1] if first == '"' or first == "'" else plain(value.rstrip(" ")))
        if with_marks:
            held[id(items)] = [(line << bits) | (column + m.start(1)) for m in _FLOW_ITEMS.finditer(rest, 1, end)]
        return items, len(items) + 1

    def nested_flow(rest: str, line: int, column: int) -> tuple[Any, int]:
        """A one-line flow collection with collections inside, token by token (no recursion).

        ``state``: 0 after an opening bracket (an entry or the end), 1 after a comma (an
        entry), 2 after a key (its value), 3 after an entry (a comma or the end)."""
        match = _FLOW_TOKEN.match
        outer: list[tuple[Any, str, int]] = []  # (collection, its pending key, its column)
        at = line << bits  # with_marks: a mark on this line is at | column

        def mark_at(start: int) -> None:
            held.setdefault(id(cur), []).append(at | (column + start))

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
                if with_marks:
                    mark_at(m.start(2))
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
                value_start = start
                cur, key, start = outer.pop()
                is_map = isinstance(cur, dict)
            else:
                if cur is None or (state != 2 if is_map else state == 3):
                    raise _Decline
                first = text[0]
                value = text[1:-1] if first == '"' or first == "'" else plain(text.rstrip(" "))
                value_start = m.start(3)
                count += 1
            if is_map:
                cur[key] = value
            else:
                cur.append(value)
            if with_marks:
                mark_at(value_start)
            state = 3
        if _FLOW_END.match(rest, pos) is None:
            raise _Decline
        return cur, count

    def special(value: str, line: int, column: int) -> tuple[Any, int, bool]:
        """A value after ``key:`` or ``-`` that is not in the common form: the value, how many
        values it holds (0: none, a nested block or null follows; -1: a block scalar's header,
        its lines follow), and whether it is a plain scalar that the next lines may continue."""
        first = value[:1]
        if not first or first == "#":
            return None, 0, False
        if first not in _START_UNSURE or (first == "-" and value[1:2] in _NUMBER_START):
            m = _PLAIN_VALUE.match(value)
            if m is not None:
                text = m.group(1)
                return plain(text), 1, m.end(1) == len(value.rstrip(" "))
        elif first == '"':
            m = _DOUBLE.match(value)
            if m is not None:
                return m.group(1), 1, False
        elif first == "{" or first == "[":
            data, count = flow(value, line, column)
            return data, count, False
        elif first == "'":
            m = _SINGLE.match(value)
            if m is not None:
                return m.group(1), 1, False
        elif first == ">" or first == "|":
            m = _BLOCK.match(value)
            if m is not None:
                return m.group(1) + m.group(2), -1, False
        raise _Decline

    stack: list[_Open] = []
    top: _Open | None = None
    pending_key = ""  # the key of the top mapping that waits for its value
    t_indent, t_map, t_indentless = -1, False, False  # the top's, at hand
    t_data: Any = None
    root: Any = None
    values = 0
    pending = False  # the top collection waits for the value of its key or item
    pending_mark = 0  # with_marks: the mark of a null item ("-" and nothing), after its dash
    root_mark = 0
    block: list[Any] | None = None  # an open block scalar: [owner, key or index, header, threshold]
    block_lines: list[str] = []
    block_indent = 0
    cont_slot: Any = None  # the key (or index) of the last plain scalar, which more lines may continue
    cont_text = ""  # its text so far
    cont_indent = 0  # continuation lines are more indented than this
    blanks = 0  # blank lines since the last continuation

    def close() -> _Open | None:
        _indent, data, is_map, line, column, _indentless = stack.pop()
        if is_map and len(data) > wide_limit:
            wide.append(((line, column), len(data)))
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
        owner[slot] = value

    first_line = 1
    for chunk in _lines(text):
        if values > max_values:  # checked a chunk at a time: at most a chunk's lines more
            raise _Decline
        for number, line in enumerate(chunk, first_line):
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
                    cont_slot = None  # a comment ends a plain scalar
                    continue
                indent = len(line) - len(content)
            if cont_slot is not None:
                if indent > cont_indent:  # the plain scalar goes on (folded: a space, or a line break per blank line)
                    m = _CONTINUED.match(content)
                    if m is None:
                        raise _Decline
                    cont_text += ("\n" * blanks if blanks else " ") + m.group(1)
                    t_data[cont_slot] = plain(cont_text)
                    blanks = 0
                    continue
                cont_slot = None
            dash = content[0] == "-" and (len(content) == 1 or content[1] == " ")

            # Structure: which collection the line belongs to, from its indentation alone.
            if pending:
                assert top is not None
                pending = False
                if indent > t_indent or (indent == t_indent and dash and t_map):
                    data: Any = [] if dash else {}
                    top = (indent, data, not dash, number, indent + 1, indent == t_indent)
                    if t_map:
                        t_data[pending_key] = data
                    else:
                        t_data.append(data)
                    if with_marks:  # the nested block's mark replaces the null's (a mapping's) or is added
                        owner = held[id(t_data)]
                        if t_map:
                            owner.pop()
                        owner.append((number << bits) | (indent + 1))
                        held[id(data)] = []
                    stack.append(top)
                    t_indent, t_data, t_map, t_indentless = top[0], data, not dash, top[5]
                    values += 1
                    if len(stack) > MAX_DEPTH:
                        raise _Decline
                else:
                    if not t_map:
                        t_data.append(None)
                        if with_marks:
                            held[id(t_data)].append(pending_mark)
                    values += 1
            if indent != t_indent:
                while top is not None and top[0] > indent:
                    top = close()
                if top is None:
                    if root is not None:
                        raise _Decline  # less indented than the document's first line
                    root = [] if dash else {}
                    if with_marks:
                        root_mark = (number << bits) | (indent + 1)
                        held[id(root)] = []
                    top = (indent, root, not dash, number, indent + 1, False)
                    stack.append(top)
                    values += 1
                elif top[0] != indent:
                    raise _Decline
                t_indent, t_data, t_map, t_indentless = top[0], top[1], top[2], top[5]
            if t_indentless and not dash:
                top = close()
                assert top is not None
                t_indent, t_data, t_map, t_indentless = top[0], top[1], top[2], top[5]

            # Content: a key and its value, or an entry.
            if t_map:
                if dash:
                    raise _Decline
                body = content
            else:
                if not dash:
                    raise _Decline
                body = content[1:].lstrip(" ")
                if not body or body[0] == "#":
                    pending = True
                    pending_mark = (number << bits) | (indent + 2)
                    continue
            name, sep, value = body.partition(": ")
            if not sep:
                name, value = (body[:-1], "") if body[-1] == ":" else ("", body)
            key: Any = keys_get(name)
            if key is None and _KEY_NAME.fullmatch(name) is not None:
                key = key_of(name)
            if key is None:
                if t_map:
                    raise _Decline
                value = body
            elif value[:1] == " ":
                value = value.lstrip(" ")
            if not t_map:
                if key is not None:  # an entry that is a mapping: "- key: ..."
                    column = len(line) - len(body)
                    data = {}
                    top = (column, data, True, number, column + 1, False)
                    t_data.append(data)
                    if with_marks:
                        held[id(t_data)].append((number << bits) | (column + 1))
                        held[id(data)] = []
                    stack.append(top)
                    t_indent, t_data, t_map, t_indentless = column, data, True, False
                    values += 1
                    if len(stack) > MAX_DEPTH:
                        raise _Decline
                else:  # an entry's value
                    key = len(t_data)
                    t_data.append(None)
            elif key in t_data:
                raise _Decline
            if with_marks:
                owner = held[id(t_data)]
                start = len(line) - len(body)
                if t_map:
                    owner.append((number << bits) | (start + 1))
                if not t_map or value[:1] not in ("", "#"):
                    owner.append((number << bits) | (len(line) - len(value) + 1))
                else:  # a null (or a nested block, which replaces it): just after the colon
                    owner.append((number << bits) | (start + len(name) + 2))
            # The value: the common forms first, with string methods only.
            first = value[:1]
            if (
                first
                and first not in _START_UNSURE
                and ": " not in value
                and " #" not in value
                and value[-1] != " "
                and value[-1] != ":"
            ):
                if first in _RESOLVED:
                    got = resolved_get(value, _MISS)
                    t_data[key] = plain(value) if got is _MISS else got
                else:
                    t_data[key] = value
                values += 1
                cont_slot, cont_text, cont_indent, blanks = key, value, t_indent, 0
            elif first == '"' and value[-1] == '"' and value.count('"') == 2 and "\\" not in value:
                t_data[key] = value[1:-1]
                values += 1
            elif first == "{" or first == "[":
                t_data[key], count = flow(value, number, len(line) - len(value) + 1)
                values += count
            elif not first:  # "key:": a nested block follows, or nothing (null)
                t_data[key] = None  # its place in the key order
                pending_key = key
                pending = True
            else:
                got, count, goes_on = special(value, number, len(line) - len(value) + 1)
                t_data[key] = got  # a nested block's or a block scalar's place in the key order
                if count > 0:
                    values += count
                    if goes_on:
                        cont_slot, cont_text, cont_indent, blanks = key, value.rstrip(" "), t_indent, 0
                elif count == 0:
                    if t_map:
                        pending_key = key
                    else:
                        t_data.pop()
                    pending = True
                else:
                    block = [t_data, key, got, t_indent]
                    values += 1
        first_line += len(chunk)
    if block is not None:
        finish_block(text.endswith("\n"))
    if pending:
        if not t_map:
            t_data.append(None)
            if with_marks:
                held[id(t_data)].append(pending_mark)
        values += 1
    while stack:
        close()
    if root is None or values > max_values:
        raise _Decline
    if with_marks:
        positions = yamlread.Positions()
        positions.root, positions.root_mark = root, root_mark
        for container, owned in held.items():
            positions.offsets[container] = len(positions.array)
            positions.array.extend(owned)
        return positions
    return yamlread.Document(file, root, yamlread.Positions(text, file), values, wide)
