"""The file-writing steps of ``cbkpi show --chart`` (``--png``, ``--svg``) and ``cbkpi export -o -`` (kept out of
:mod:`cbkpi.cli` so that it stays a thin list of commands)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from cbkpi.formats import EXPORT
from cbkpi.pipeline import IndicatorView, StatusReport

if TYPE_CHECKING:
    from cbkpi.render.report import SourceIndex


def chart_spec(path: Path | None, size: str) -> tuple[str, tuple[int, int]] | None:
    """(``png`` or ``svg``, (width, height)) for ``show --chart``; a usage error exits 2."""
    from cbkpi.filenames import FormatMismatch, chart_format, parse_size

    if path is None:
        return None
    try:
        return chart_format(str(path)), parse_size(size)
    except FormatMismatch as exc:
        typer.echo(f"cbkpi: {exc}", err=True)
        raise typer.Exit(2) from None


def write_chart(
    path: Path,
    spec: tuple[str, tuple[int, int]],
    view: IndicatorView,
    lang: str,
    files: list[Path] | None,
    data_dir: Path,
    sources: SourceIndex | None = None,
) -> None:
    """Write the chart of ``view`` to ``path`` as ``spec`` says: (``png`` or ``svg``, pixels);
    the caption names the observations' ``sources`` by title and date."""
    from cbkpi import inputs_seen

    inputs_seen.cacheable(False)  # a replay would not write the file
    from cbkpi.outputs import OutputRefused, check_destination, write_atomically, write_text_atomically
    from cbkpi.render.chart import ChartUnavailable, png_chart, svg_chart
    from cbkpi.render.report import chart_caption

    fmt, (width, height) = spec
    ind = view.main.indicator
    title = ind.title(lang)
    term = next(term for term, s in view.found if s is view.main)
    caption = chart_caption(term.data.source, view.observations, lang, sources)
    try:
        check_destination(path, [data_dir], files or [])
        if fmt == "svg":
            svg = svg_chart(view.series, lang, title, width, height, unit=ind.unit, caption=caption, span=view.span)
            write_text_atomically(path, svg + "\n")
        else:
            write_atomically(
                path,
                lambda tmp: png_chart(
                    view.series,
                    lang,
                    title,
                    tmp,
                    unit=ind.unit,
                    caption=caption,
                    size=(width, height),
                    span=view.span,
                    units=term.units,
                ),
            )
    except (OutputRefused, ChartUnavailable) as exc:
        typer.echo(f"cbkpi: {exc}", err=True)
        raise typer.Exit(2) from None
    except OSError as exc:
        from cbkpi.i18n import message_lang, t

        typer.echo("cbkpi: " + t("err_cannot_write", message_lang(), path=path, reason=exc.strerror), err=True)
        raise typer.Exit(2) from None
    typer.echo(str(path))


def export_to_stdout(fmt: str, report: StatusReport, lang: str) -> None:
    """The export written to a private temporary file, then copied to standard output."""
    import tempfile

    from cbkpi.filenames import BINARY_FORMATS

    with tempfile.TemporaryDirectory(prefix="cbkpi-") as tmp:
        path = Path(tmp) / f"export.{fmt}"
        EXPORT.get(fmt)(path, report, lang)
        if fmt in BINARY_FORMATS:
            sys.stdout.flush()
            sys.stdout.buffer.write(path.read_bytes())
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(path.read_text(encoding="utf-8"))
