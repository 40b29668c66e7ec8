"""Files named for what they hold: the format of an output file from its extension.

``cbkpi export -o report.html`` writes HTML without ``--format``; ``--format html -o r.xlsx``
is refused rather than writing HTML into a file Excel will fail to open. ``-o -`` is standard
output. The same for charts: ``show --chart t.svg`` writes SVG, ``t.png`` PNG.
"""

from __future__ import annotations

from pathlib import PurePath

STDOUT = "-"
"""The output name that means standard output."""

EXPORT_EXTENSIONS: dict[str, tuple[str, ...]] = {
    ".xlsx": ("xlsx",),
    ".csv": ("csv", "csv-keys"),
    ".json": ("json",),
    ".md": ("markdown",),
    ".markdown": ("markdown",),
    ".html": ("html",),
    ".htm": ("html",),
}
"""Extension → the formats a file with it may hold; the first is chosen when none is given."""

CHART_EXTENSIONS = {".png": "png", ".svg": "svg"}
BINARY_FORMATS = ("xlsx",)


class FormatMismatch(ValueError):
    """The format cannot be told from the file name, or contradicts it (a usage error)."""


def export_format(output: str, given: str | None) -> str:
    """The format to write ``output`` in: ``given`` when it agrees with the extension (or the
    extension is not one cbkpi knows), else the extension's format."""
    if output == STDOUT:
        if given is None:
            raise FormatMismatch("-o - (standard output) needs --format")
        return given
    suffix = PurePath(output).suffix.lower()
    known = EXPORT_EXTENSIONS.get(suffix)
    if given is None:
        if known is None:
            names = ", ".join(EXPORT_EXTENSIONS)
            raise FormatMismatch(f"cannot tell the format of {output!r} from its extension ({names}); give --format")
        return known[0]
    if known is not None and given not in known:
        raise FormatMismatch(
            f"--format {given} contradicts the file name {output!r} ({suffix} holds {' or '.join(known)}); "
            f"name the file *.{_extension(given)} or drop --format"
        )
    return given


def _extension(fmt: str) -> str:
    return next(ext for ext, formats in EXPORT_EXTENSIONS.items() if fmt in formats).lstrip(".")


def chart_format(output: str) -> str:
    """``png`` or ``svg`` from a chart file's extension."""
    fmt = CHART_EXTENSIONS.get(PurePath(output).suffix.lower())
    if fmt is None:
        raise FormatMismatch(f"a chart file must end in .png or .svg, not {output!r}")
    return fmt


def parse_size(text: str) -> tuple[int, int]:
    """``"1200x600"`` → (1200, 600): a chart's size in pixels, each 200 to 4000."""
    width, sep, height = text.lower().partition("x")
    if not sep or not width.isdigit() or not height.isdigit():
        raise FormatMismatch(f"size {text!r} is not WIDTHxHEIGHT in pixels, e.g. 1200x600")
    w, h = int(width), int(height)
    if not (200 <= w <= 4000 and 200 <= h <= 4000):
        raise FormatMismatch(f"size {text!r}: width and height must be 200 to 4000 pixels")
    return w, h
