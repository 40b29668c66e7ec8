"""Text from the data (names, sources, file names) made safe for the places it is printed.

- :func:`escape_control`: control characters written visibly (``\\x1b``, ``\\n``), so that a
  name can neither send escape sequences to a terminal nor break one line of output in two;
- :func:`github_property` and :func:`github_data`: GitHub Actions workflow-command escaping;
- :func:`neutralise_formula`: spreadsheet cells that would start a formula kept as text.

Every renderer that prints text taken from the data should pass it through one of these.
"""

from __future__ import annotations

import re

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_table() -> dict[int, str]:
    table: dict[int, str] = {}
    # C0 controls, DEL and C1 controls (0x9b is a one-byte CSI on some terminals).
    for code in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]:
        table[code] = _NAMED.get(chr(code), f"\\x{code:02x}")
    # Line and paragraph separators (new lines to some readers) and the bidirectional
    # controls that reorder what is displayed ("Trojan source").
    for code in [0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]:
        table[code] = f"\\u{code:04x}"
    return table


_ESCAPES = _escape_table()


def escape_control(text: str) -> str:
    """``text`` with every control character written as a visible escape.

    ``"a\\x1b[31mb\\nc"`` becomes ``'a\\\\x1b[31mb\\\\nc'`` (one line, no escape sequence). Printable
    text, Vietnamese included, is unchanged; the result never contains a line break."""
    return text.translate(_ESCAPES)


ECHO_LIMIT = 200
"""The most characters of a value from the data echoed in a message."""


def shorten(text: str, limit: int = ECHO_LIMIT) -> str:
    """``text`` cut to ``limit`` characters, the cut marked with ``…``."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def github_data(text: str) -> str:
    """The message of a GitHub Actions workflow command (after ``::``), on one line."""
    return escape_control(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def github_property(text: str) -> str:
    """A property value of a workflow command (``file=...``): also ``:`` and ``,`` escaped."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula."""
_NUMBER = re.compile(r"[-+]?[\d.,\s]*\d[\d.,\s]*%?")


def is_formula_like(value: object) -> bool:
    """True for text a spreadsheet would run as a formula: it starts with one of
    :data:`FORMULA_START` and is not simply a signed number such as ``-1,5`` or ``+3 %``."""
    return isinstance(value, str) and value.startswith(FORMULA_START) and not _NUMBER.fullmatch(value)


def neutralise_formula(cell: str) -> str:
    """A CSV cell that a spreadsheet would read as a formula, prefixed with ``'`` so it stays
    text (OWASP's advice); any other cell unchanged."""
    return "'" + cell if is_formula_like(cell) else cell
