"""The command line: a thin layer that parses options, calls the library and renders.

Heavy modules (pydantic models, rich) are imported inside the commands that need them, so that
``cbkpi --help`` and light commands start fast.
"""

# No `from __future__ import annotations`: typer reads the commands' annotations with
# get_type_hints, which compiles and evaluates each string at every start; objects cost nothing.
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from cbkpi import __version__, startup
from cbkpi.cli_cache import cache_app
from cbkpi.cli_calc import calc_app
from cbkpi.cli_help import LocalisedGroup
from cbkpi.cli_init import init
from cbkpi.cli_options import BaselineOpt, Lang, LangOpt, NoCacheOpt, SchemaOf, StrictOpt, WidthOpt, colour
from cbkpi.formats import AUDIT, EXPORT, LIST, STATUS, VALIDATE, Registry

if TYPE_CHECKING:
    from cbkpi.pipeline import PipelineError

startup.skip_pydantic_plugins()  # before typer's option adapters or the models build a validator

app = typer.Typer(
    name="cbkpi",
    help=(
        "Indicators and targets of Cao Bằng province's Political Report 2020-2025: validate the "
        "data, compute growth rates and achievement, audit the report's printed ratios.\n\n"
        "Exit codes: 0 success, 1 invalid data (or --strict findings), 2 bad invocation or "
        "unreadable file, 3 internal error."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    cls=LocalisedGroup,
)

FilesArg = Annotated[
    list[Path] | None,
    typer.Argument(
        help="YAML files: data files and observation files. Default: every *.yaml under ./data, observations/ included.",
        show_default=False,
    ),
]
DataDirOpt = Annotated[Path, typer.Option("--data-dir", help="Where to look for data files when none are given.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cbkpi {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """cbkpi: indicators and targets of Cao Bằng province."""
    from cbkpi.i18n import set_message_lang

    set_message_lang(None)  # CBKPI_LANG, else English, unless the command has --lang


def _choices(registry: Registry[Any]) -> Any:
    """A str Enum of the registry's format names: the choices of ``--format``. Its members are
    strings, so the chosen one looks its renderer up in the registry directly."""
    return Enum(f"{registry.command.title()}Format", {name: name for name in registry.names}, type=str)


if TYPE_CHECKING:
    StatusFormat = str
    ListFormat = str
    AuditFormat = str
    ExportFormat = str
    ValidateFormat = str
else:
    StatusFormat, AuditFormat, ListFormat = _choices(STATUS), _choices(AUDIT), _choices(LIST)
    ExportFormat, ValidateFormat = _choices(EXPORT), _choices(VALIDATE)


def _format_option(help_text: str) -> Any:
    return typer.Option("--format", "-f", help=help_text)


def _use_lang(lang: Lang) -> None:
    from cbkpi.i18n import set_message_lang

    set_message_lang(lang.value)


def _fail(exc: "PipelineError") -> typer.Exit:
    for message in exc.messages:
        typer.echo(message, err=True)
    return typer.Exit(exc.exit_code)


@app.command()
def validate(
    files: FilesArg = None,
    output_format: Annotated[
        ValidateFormat, _format_option("text: path:line:col: level message; json; github: Actions annotations.")
    ] = "text",
    strict: StrictOpt = False,
    data_dir: DataDirOpt = Path("data"),
    no_cache: NoCacheOpt = False,
) -> None:
    """Check data files against the schema and the reviewer's rules.

    Checks: YAML syntax, duplicate keys, the schema (types, required keys, known units and target
    kinds), unique ids, years inside the term, baselines before target years, values possible for
    their unit, shares that sum to 100 %; for observations, source ids, conflicting values and
    the plausibility warnings (docs/methodology.md). Exit 0 valid, 1 invalid, 2 unreadable file.

    Example: cbkpi validate data/targets_2025.yaml --format github
    """
    from cbkpi.pipeline import PipelineError, validate

    try:
        report = validate(files, data_dir, strict)
    except PipelineError as exc:
        raise _fail(exc) from None
    typer.echo(VALIDATE.get(output_format)(report.diagnostics, report.files))
    raise typer.Exit(report.exit_code)


@app.command()
def schema(
    of: Annotated[
        SchemaOf, typer.Argument(help="data: targets and results files; observations: observation files.")
    ] = SchemaOf.data,
) -> None:
    """Print the JSON Schema (draft 2020-12) of the data files or of the observation files.

    The same schemas are committed as schema/cbkpi-data.schema.json and
    schema/cbkpi-observations.schema.json; editors use them through the
    '# yaml-language-server: $schema=...' line at the top of each file.
    """
    from cbkpi.schema import schema_json

    typer.echo(schema_json(of.value), nl=False)


@app.command()
def units(lang: LangOpt = Lang.vi) -> None:
    """List the built-in units, with their labels (a data file may declare more under `units`)."""
    from cbkpi.units import BUILTIN_UNITS

    for unit in BUILTIN_UNITS.units.values():
        typer.echo(f"{unit.key:30} {unit.label(lang.value):28} {unit.kind}")


@app.command()
def status(
    files: FilesArg = None,
    lang: LangOpt = Lang.vi,
    output_format: Annotated[
        StatusFormat, _format_option("table (rich), json (raw numbers), csv, markdown.")
    ] = "table",
    width: WidthOpt = None,
    as_of: Annotated[
        int | None,
        typer.Option(
            "--as-of",
            min=1900,
            max=2100,
            help="Track progress up to this year, within the term (default: the latest year observed).",
        ),
    ] = None,
    term: Annotated[
        str | None,
        typer.Option(
            "--term", help="Only this term: START-END (2025-2030) or its end year (2030). Default: every term."
        ),
    ] = None,
    baseline: Annotated[
        BaselineOpt,
        typer.Option(
            "--baseline",
            help="observed: an observation of the baseline year replaces the document's figure; "
            "published: keep the document's figures.",
        ),
    ] = BaselineOpt.observed,
    strict: StrictOpt = False,
    data_dir: DataDirOpt = Path("data"),
    no_cache: NoCacheOpt = False,
) -> None:
    """Where every indicator stands.

    Targets files: baseline, targets, the annual growth each level target requires, the end
    value each growth target implies, and whether an indicator's targets agree. Results files:
    target, result, achievement and the ratio the report printed. JSON keys are documented in
    docs/json-output.md.

    With yearly observations (data/observations/*.yaml, or observation files given as FILES)
    the targets are also tracked up to --as-of: latest value, observed and required pace,
    status (met, on track >= 95 % of the required pace, moderate 60-95 %, insufficient 0-60 %,
    moving away, no longer reachable, no data, not comparable across a series break), projected
    end value and the pace still needed. Once the target year is assessed: met, not met or target
    year unobserved, and "x of N quantified targets met". Baseline revisions and data warnings
    are listed below the tables.
    Each term is tracked with the observations of its own years (2025 counts for 2020-2025 and
    for 2025-2030) up to --as-of, capped at the term's end.

    Terms are reported by start year, each headed with its source; --term picks one.

    Example: cbkpi status --lang en --format json
    """
    _use_lang(lang)
    from cbkpi.pipeline import PipelineError, build_report

    try:
        report = build_report(
            files,
            data_dir,
            as_of,
            strict=strict,
            baseline="published" if baseline is BaselineOpt.published else "observed",
            term=term,
        )
    except PipelineError as exc:
        raise _fail(exc) from None
    STATUS.get(output_format)(report, lang.value, width, sys.stdout)


@app.command("list")
def list_indicators(
    files: FilesArg = None,
    lang: LangOpt = Lang.vi,
    output_format: Annotated[ListFormat, _format_option("table, json or csv.")] = "table",
    width: WidthOpt = None,
    data_dir: DataDirOpt = Path("data"),
    no_cache: NoCacheOpt = False,
) -> None:
    """Every indicator: id, number, name, unit and the terms that have it.

    `cbkpi show` takes any of them: the id, the number (14, 9b) or a piece of the name without
    accents ("che phu rung"). Example: cbkpi list --format csv
    """
    _use_lang(lang)
    from cbkpi.lookup import entries
    from cbkpi.pipeline import PipelineError, load_valid

    try:
        report = load_valid(files, data_dir)
    except PipelineError as exc:
        raise _fail(exc) from None
    LIST.get(output_format)(entries(report.loaded), lang.value, width, sys.stdout)


@app.command()
def audit(
    files: FilesArg = None,
    lang: LangOpt = Lang.vi,
    output_format: Annotated[AuditFormat, _format_option("text, json or markdown.")] = "text",
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when any figure does not agree (for CI).")] = False,
    width: WidthOpt = None,
    data_dir: DataDirOpt = Path("data"),
    no_cache: NoCacheOpt = False,
) -> None:
    """Recompute every printed ratio and growth claim and say whether the print is right.

    Verdicts: agrees (equal when rounded as printed), within_rounding (equal only allowing for
    the rounding of the printed inputs), disagrees, not_computable. The data is never changed.

    Example: cbkpi audit --strict --format json
    """
    _use_lang(lang)
    from cbkpi.audit import AGREES
    from cbkpi.pipeline import PipelineError, build_report

    try:
        items = build_report(files, data_dir).audit_items()
    except PipelineError as exc:
        raise _fail(exc) from None
    from cbkpi.render.audit import highlight
    from cbkpi.render.fit import terminal_width

    cols = width or terminal_width()
    text = AUDIT.get(output_format)(items, lang.value, cols)
    typer.echo(highlight(text) if output_format == "text" and colour() else text, nl=False)
    if strict and any(item.verdict != AGREES for item in items):
        raise typer.Exit(1)


app.add_typer(calc_app, name="calc")
app.add_typer(cache_app, name="cache")
app.command()(init)


@app.command()
def show(
    indicator_id: Annotated[
        str,
        typer.Argument(
            metavar="INDICATOR",
            help="Id (trade_turnover), number as printed (14, 9b) or part of the name, accents optional.",
        ),
    ],
    files: Annotated[
        list[Path] | None, typer.Option("--file", help="Data or observations file (repeatable). Default: ./data.")
    ] = None,
    lang: LangOpt = Lang.vi,
    as_of: Annotated[int | None, typer.Option("--as-of", min=1900, max=2100, help="Track up to this year.")] = None,
    chart: Annotated[
        Path | None,
        typer.Option(
            "--chart",
            "--png",
            "--svg",
            help="Also write the chart to this file: PNG (.png, needs cbkpi[charts]) or SVG (.svg), by extension.",
        ),
    ] = None,
    chart_size: Annotated[
        str, typer.Option("--chart-size", help="The chart file's size in pixels, WIDTHxHEIGHT.")
    ] = "800x400",
    width: WidthOpt = None,
    data_dir: DataDirOpt = Path("data"),
    no_cache: NoCacheOpt = False,
) -> None:
    """One indicator in full across its terms, linked by its id: each term's targets or
    results with their source, every observation with its source, every computed figure, and
    one chart across the terms of baselines, observations, required paths and each term's target.

    Example: cbkpi show trade_turnover --lang en --chart trade.svg --chart-size 1200x600
    """
    _use_lang(lang)
    from cbkpi.pipeline import PipelineError, build_report, find_indicator
    from cbkpi.render.fit import make_console
    from cbkpi.render.show import print_show

    try:
        report = build_report(files, data_dir, as_of)
        view = find_indicator(report, indicator_id, lang.value)
    except PipelineError as exc:
        raise _fail(exc) from None
    from cbkpi.cli_files import chart_spec, write_chart

    spec = chart_spec(chart, chart_size)  # a bad name or size: exit 2 before printing anything
    print_show(make_console(width), view, lang.value, report.revisions)
    if chart is not None and spec is not None:
        write_chart(chart, spec, view, lang.value, files, data_dir, report.observation_sources)


@app.command()
def export(
    files: FilesArg = None,
    output_format: Annotated[
        ExportFormat | None,
        _format_option(
            "xlsx, csv (headers in --lang, byte-order mark for Excel), csv-keys (machine keys, for "
            "scripts), json, markdown or html. Default: from the extension of -o."
        ),
    ] = None,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="File to write (written atomically); - for standard output.")
    ] = Path("cbkpi.xlsx"),
    lang: LangOpt = Lang.vi,
    as_of: Annotated[int | None, typer.Option("--as-of", min=1900, max=2100, help="Track up to this year.")] = None,
    data_dir: DataDirOpt = Path("data"),
) -> None:
    """Write the status of every indicator to a file for people who read it in Excel or a browser.

    The format follows the extension of -o (.xlsx .csv .json .md .html); a contradicting
    --format is refused. xlsx: sheets per term, tracking and observations, numbers formatted by
    unit, comparators in columns, filters. html: a printable report with a summary and charts.
    Written atomically, never into the data folder or over an input; -o - is standard output.

    Example: cbkpi export -o report.html --lang en
    """
    _use_lang(lang)
    from cbkpi.cli_files import export_to_stdout
    from cbkpi.filenames import BINARY_FORMATS, STDOUT, FormatMismatch, export_format
    from cbkpi.i18n import message_lang, t
    from cbkpi.outputs import OutputRefused, check_destination
    from cbkpi.pipeline import PipelineError, build_report

    to_stdout = str(output) == STDOUT
    given = None if output_format is None else str(getattr(output_format, "value", output_format))
    try:
        fmt = export_format(str(output), given)
        if to_stdout and fmt in BINARY_FORMATS and sys.stdout.isatty():
            raise FormatMismatch(t("err_binary_to_terminal", message_lang(), fmt=fmt))
        if not to_stdout:
            check_destination(output, [data_dir], files or [])
        report = build_report(files, data_dir, as_of)
    except (OutputRefused, FormatMismatch) as exc:
        typer.echo(f"cbkpi: {exc}", err=True)
        raise typer.Exit(2) from None
    except PipelineError as exc:
        raise _fail(exc) from None
    if to_stdout:
        export_to_stdout(fmt, report, lang.value)
        return
    try:
        EXPORT.get(fmt)(output, report, lang.value)
    except OSError as exc:
        typer.echo("cbkpi: " + t("err_cannot_write", message_lang(), path=output, reason=exc.strerror or exc), err=True)
        raise typer.Exit(2) from None
    typer.echo(str(output))
