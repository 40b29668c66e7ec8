"""Files named for what they hold: the format of an output file from its extension.

``cbkpi export -o report.html`` writes HTML without ``--format``; ``--format html -o r.xlsx``
is refused rather than writing HTML into a file Excel will fail to open. ``-o -`` is standard
output. The same for charts: ``show --chart t.svg`` writes SVG, ``t.png`` PNG.
"""

from __future__ import annotations

from pathlib import PurePath

from cbkpi.i18n import message_lang, t

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
            raise FormatMismatch(t("err_stdout_needs_format", message_lang()))
        return given
    suffix = PurePath(output).suffix.lower()
    known = EXPORT_EXTENSIONS.get(suffix)
    if given is None:
        if known is None:
            names = ", ".join(EXPORT_EXTENSIONS)
            raise FormatMismatch(t("err_unknown_extension", message_lang(), output=output, names=names))
        return known[0]
    if known is not None and given not in known:
        lang = message_lang()
        holds = f" {t('or', lang)} ".join(known)
        raise FormatMismatch(
            t(
                "err_format_contradicts",
                lang,
                given=given,
                output=output,
                suffix=suffix,
                holds=holds,
                extension=_extension(given),
            )
        )
    return given


def _extension(fmt: str) -> str:
    return next(ext for ext, formats in EXPORT_EXTENSIONS.items() if fmt in formats).lstrip(".")


def chart_format(output: str) -> str:
    """``png`` or ``svg`` from a chart file's extension."""
    fmt = CHART_EXTENSIONS.get(PurePath(output).suffix.lower())
    if fmt is None:
        raise FormatMismatch(t("err_chart_extension", message_lang(), output=output))
    return fmt


def parse_size(text: str) -> tuple[int, int]:
    """``"1200x600"`` → (1200, 600): a chart's size in pixels, each 200 to 4000."""
    width, sep, height = text.lower().partition("x")
    if not sep or not width.isdigit() or not height.isdigit():
        raise FormatMismatch(t("err_size_form", message_lang(), text=text))
    w, h = int(width), int(height)
    if not (200 <= w <= 4000 and 200 <= h <= 4000):
        raise FormatMismatch(t("err_size_range", message_lang(), text=text))
    return w, h
