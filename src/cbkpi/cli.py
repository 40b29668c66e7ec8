"""The command line: a thin layer that parses options, calls the library and renders.

Heavy modules (pydantic models, rich) are imported inside the commands that need them, so that
``cbkpi --help`` and light commands start fast.
"""

from __future__ import annotations

import math
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from cbkpi import __version__
from cbkpi.formats import AUDIT, EXPORT, STATUS, VALIDATE, Registry

if TYPE_CHECKING:
    from cbkpi.calc import Figure
    from cbkpi.pipeline import PipelineError
    from cbkpi.series import Series

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
)

FilesArg = Annotated[
    list[Path] | None,
    typer.Argument(
        help="YAML files: data files and observation files. Default: every *.yaml under ./data, observations/ included.",
        show_default=False,
    ),
]
DataDirOpt = Annotated[Path, typer.Option("--data-dir", help="Where to look for data files when none are given.")]


class Lang(str, Enum):
    vi = "vi"
    en = "en"


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


def _choices(registry: Registry[Any]) -> Any:
    """A str Enum of the registry's format names: the choices of ``--format``. Its members are
    strings, so the chosen one looks its renderer up in the registry directly."""
    return Enum(f"{registry.command.title()}Format", {name: name for name in registry.names}, type=str)


if TYPE_CHECKING:
    StatusFormat = str
    AuditFormat = str
    ExportFormat = str
    ValidateFormat = str
else:
    StatusFormat, AuditFormat = _choices(STATUS), _choices(AUDIT)
    ExportFormat, ValidateFormat = _choices(EXPORT), _choices(VALIDATE)


def _format_option(help_text: str) -> Any:
    return typer.Option("--format", "-f", help=help_text)


def _fail(exc: PipelineError) -> typer.Exit:
    for message in exc.messages:
        typer.echo(message, err=True)
    return typer.Exit(exc.exit_code)


@app.command()
def validate(
    files: FilesArg = None,
    output_format: Annotated[
        ValidateFormat, _format_option("text: path:line:col: level message; json; github: Actions annotations.")
    ] = "text",
    data_dir: DataDirOpt = Path("data"),
) -> None:
    """Check data files against the schema and the reviewer's rules.

    Checks: YAML syntax, duplicate keys, the schema (types, required keys, known units and target
    kinds), unique ids, years inside the term, baselines before target years, values possible for
    their unit, shares that sum to 100 %. Exit 0 valid, 1 invalid, 2 unreadable file.

    Example: cbkpi validate data/targets_2025.yaml --format github
    """
    from cbkpi.pipeline import PipelineError, validate

    try:
        report = validate(files, data_dir)
    except PipelineError as exc:
        raise _fail(exc) from None
    typer.echo(VALIDATE.get(output_format)(report.diagnostics, report.files))
    raise typer.Exit(report.exit_code)


@app.command()
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of the data files.

    The same schema is committed as schema/cbkpi-data.schema.json; editors use it through the
    '# yaml-language-server: $schema=...' line at the top of each data file.
    """
    from cbkpi.schema import schema_json

    typer.echo(schema_json(), nl=False)


@app.command()
def units(
    lang: Annotated[Lang, typer.Option("--lang", "-l", help="Language of the labels.")] = Lang.vi,
) -> None:
    """List the units a data file may use, with their labels."""
    from cbkpi.units import UNITS

    for unit in UNITS.values():
        typer.echo(f"{unit.key:30} {unit.label(lang.value):28} {unit.kind}")


LangOpt = Annotated[
    Lang, typer.Option("--lang", "-l", help="Language of labels and numbers (vi: 1.650,5; en: 1,650.5).")
]


@app.command()
def status(
    files: FilesArg = None,
    lang: LangOpt = Lang.vi,
    output_format: Annotated[
        StatusFormat, _format_option("table (rich), json (raw numbers), csv, markdown.")
    ] = "table",
    width: Annotated[
        int | None,
        typer.Option("--width", min=40, help="Table width in columns (default: the terminal's; 100 when piped)."),
    ] = None,
    as_of: Annotated[
        int | None,
        typer.Option(
            "--as-of", min=1900, max=2100, help="Track progress up to this year (default: the latest year observed)."
        ),
    ] = None,
    data_dir: DataDirOpt = Path("data"),
) -> None:
    """Where every indicator stands.

    Targets files: baseline, targets, the annual growth each level target requires, the end
    value each growth target implies, and whether an indicator's targets agree. Results files:
    target, result, achievement and the ratio the report printed. JSON keys are documented in
    docs/json-output.md.

    With yearly observations (data/observations/*.yaml, or observation files given as FILES)
    the targets are also tracked up to --as-of: latest value, observed and required pace,
    status (met, on track >= 95 % of the required pace, moderate 60-95 %, insufficient 0-60 %,
    moving away, no longer reachable, no data), projected end value and the pace still needed.

    Example: cbkpi status --lang en --format json
    """
    from cbkpi.pipeline import PipelineError, build_report

    try:
        report = build_report(files, data_dir, as_of)
    except PipelineError as exc:
        raise _fail(exc) from None
    STATUS.get(output_format)(report, lang.value, width, sys.stdout)


@app.command()
def audit(
    files: FilesArg = None,
    lang: LangOpt = Lang.vi,
    output_format: Annotated[AuditFormat, _format_option("text, json or markdown.")] = "text",
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when any figure does not agree (for CI).")] = False,
    data_dir: DataDirOpt = Path("data"),
) -> None:
    """Recompute every printed ratio and growth claim and say whether the print is right.

    Verdicts: agrees (equal when rounded as printed), within_rounding (equal only allowing for
    the rounding of the printed inputs), disagrees, not_computable. The data is never changed.

    Example: cbkpi audit --strict --format json
    """
    from cbkpi.audit import AGREES
    from cbkpi.pipeline import PipelineError, build_report

    try:
        items = build_report(files, data_dir).audit_items()
    except PipelineError as exc:
        raise _fail(exc) from None
    typer.echo(AUDIT.get(output_format)(items, lang.value), nl=False)
    if strict and any(item.verdict != AGREES for item in items):
        raise typer.Exit(1)


calc_app = typer.Typer(
    help=(
        "The formulas of docs/methodology.md on numbers typed on the command line. Numbers may be "
        "written in Vietnamese (4,5  1.650) or English (4.5  1,650) notation; text that reads "
        "differently in the two (1.650) is refused unless --notation says which."
    ),
    no_args_is_help=True,
)
app.add_typer(calc_app, name="calc")

NotationOpt = Annotated[
    Lang | None,
    typer.Option("--notation", help="How the numbers are written: vi (4,5) or en (4.5). Default: inferred."),
]


def _finite_years(value: float) -> float:
    if not math.isfinite(value):
        raise typer.BadParameter(f"{value} is not a number of years; give a finite number such as 5")
    return value


YearsOpt = Annotated[
    float, typer.Option("--years", "-n", min=0, callback=_finite_years, help="Number of years (finite, ≥ 0).")
]


def _parse_arg(text: str, notation: Lang | None, name: str) -> float:
    from cbkpi.i18n import NumberFormatError, parse_number

    try:
        return parse_number(text, notation.value if notation else None)
    except NumberFormatError as exc:
        raise typer.BadParameter(str(exc), param_hint=name) from None


def _show(fig: Figure, lang: Lang, unit_key: str | None, json_out: bool) -> None:
    """Print a figure with its unit's label (the unit registry holds the words), or as JSON."""
    import json

    from cbkpi.i18n import format_number, t
    from cbkpi.units import get_unit

    if json_out:
        typer.echo(json.dumps({"value": fig.value, "reason": fig.reason, "note": fig.note}))
    elif fig.value is None:
        typer.echo(f"{t('not_computable', lang.value)}: {t(fig.reason or 'unknown_input', lang.value)}")
    else:
        note = f" ({t(fig.note, lang.value)})" if fig.note else ""
        unit = f" {get_unit(unit_key).label(lang.value)}" if unit_key else ""
        typer.echo(f"{format_number(fig.value, lang.value, 2)}{unit}{note}")
    if fig.value is None:
        raise typer.Exit(1)


JsonOpt = Annotated[bool, typer.Option("--json", help="Print {value, reason, note} as JSON.")]


@calc_app.command("required")
def calc_required(
    baseline: Annotated[str, typer.Argument(help="Start value.")],
    target: Annotated[str, typer.Argument(help="Target value.")],
    years: YearsOpt = 5,
    notation: NotationOpt = None,
    lang: LangOpt = Lang.vi,
    json_out: JsonOpt = False,
) -> None:
    """Annual growth rate needed to go from BASELINE to TARGET in --years years.

    Example: cbkpi calc required 3 4,5 --years 5   →  8,45 %/năm
    """
    from cbkpi.calc import required_growth

    _show(
        required_growth(_parse_arg(baseline, notation, "BASELINE"), _parse_arg(target, notation, "TARGET"), years),
        lang,
        "percent_per_year",
        json_out,
    )


@calc_app.command("cagr")
def calc_cagr(
    start: Annotated[str, typer.Argument(help="Start value.")],
    end: Annotated[str, typer.Argument(help="End value.")],
    years: YearsOpt = 5,
    notation: NotationOpt = None,
    lang: LangOpt = Lang.vi,
    json_out: JsonOpt = False,
) -> None:
    """Compound annual growth rate from START to END over --years years.

    Example: cbkpi calc cagr 1.5 3 --years 5   →  14,87 %/năm
    """
    from cbkpi.calc import cagr

    _show(
        cagr(_parse_arg(start, notation, "START"), _parse_arg(end, notation, "END"), years),
        lang,
        "percent_per_year",
        json_out,
    )


@calc_app.command("implied")
def calc_implied(
    baseline: Annotated[str, typer.Argument(help="Start value.")],
    rate: Annotated[str, typer.Argument(help="Growth rate in % per year.")],
    years: YearsOpt = 5,
    notation: NotationOpt = None,
    lang: LangOpt = Lang.vi,
    json_out: JsonOpt = False,
) -> None:
    """End value reached by growing BASELINE at RATE %/year for --years years.

    Example: cbkpi calc implied 3 10 --years 5   →  4,83
    """
    from cbkpi.calc import implied_end_value

    _show(
        implied_end_value(_parse_arg(baseline, notation, "BASELINE"), _parse_arg(rate, notation, "RATE"), years),
        lang,
        None,
        json_out,
    )


class DirectionOpt(str, Enum):
    up = "higher"
    down = "lower"


@calc_app.command("achieved")
def calc_achieved(
    actual: Annotated[str, typer.Argument(help="Result (a level, or an achieved rate).")],
    target: Annotated[str, typer.Argument(help="Target (a level, or a target rate).")],
    direction: Annotated[
        DirectionOpt, typer.Option("--direction", help="lower: lower is better (target/actual).")
    ] = DirectionOpt.up,
    notation: NotationOpt = None,
    lang: LangOpt = Lang.vi,
    json_out: JsonOpt = False,
) -> None:
    """Achievement in percent: ACTUAL / TARGET × 100 (TARGET / ACTUAL for --direction lower).

    The appendix's convention for growth targets too: cbkpi calc achieved 13 10  →  130,00 %
    """
    from cbkpi.calc import level_achievement

    _show(
        level_achievement(
            _parse_arg(actual, notation, "ACTUAL"), _parse_arg(target, notation, "TARGET"), direction.value
        ),
        lang,
        "percent",
        json_out,
    )


@app.command()
def show(
    indicator_id: Annotated[str, typer.Argument(metavar="ID", help="Indicator id, e.g. trade_turnover.")],
    files: Annotated[
        list[Path] | None, typer.Option("--file", help="Data or observations file (repeatable). Default: ./data.")
    ] = None,
    lang: LangOpt = Lang.vi,
    as_of: Annotated[int | None, typer.Option("--as-of", min=1900, max=2100, help="Track up to this year.")] = None,
    png: Annotated[
        Path | None, typer.Option("--png", help="Also write the chart to this PNG file (needs cbkpi[charts]).")
    ] = None,
    data_dir: DataDirOpt = Path("data"),
) -> None:
    """One indicator in full: targets, results, every observation with its source, every
    computed figure, and a chart of baseline, observations, the required path and the target.

    Example: cbkpi show trade_turnover --lang en --png trade.png
    """
    from rich.console import Console

    from cbkpi.pipeline import PipelineError, build_report, find_indicator
    from cbkpi.render.show import print_show

    try:
        view = find_indicator(build_report(files, data_dir, as_of), indicator_id)
    except PipelineError as exc:
        raise _fail(exc) from None
    print_show(Console(), view.found, view.observations, view.effective, view.tracking, view.series, lang.value)
    if png is not None:
        title = f"{view.main.indicator.label}. {view.main.indicator.name.get(lang.value)}"
        _write_png(png, view.series, lang, title, files, data_dir)


def _write_png(
    path: Path, series: list[Series], lang: Lang, title: str, files: list[Path] | None, data_dir: Path
) -> None:
    from cbkpi.outputs import OutputRefused, check_destination, write_atomically
    from cbkpi.render.chart import ChartUnavailable, png_chart

    try:
        check_destination(path, [data_dir], files or [])
        write_atomically(path, lambda tmp: png_chart(series, lang.value, title, tmp))
    except (OutputRefused, ChartUnavailable) as exc:
        typer.echo(f"cbkpi: {exc}", err=True)
        raise typer.Exit(2) from None
    except OSError as exc:
        typer.echo(f"cbkpi: cannot write {path}: {exc.strerror}", err=True)
        raise typer.Exit(2) from None
    typer.echo(str(path))


@app.command()
def export(
    files: FilesArg = None,
    output_format: Annotated[ExportFormat, _format_option("xlsx, csv, json, markdown or html.")] = "xlsx",
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write (written atomically).")] = Path(
        "cbkpi.xlsx"
    ),
    lang: LangOpt = Lang.vi,
    as_of: Annotated[int | None, typer.Option("--as-of", min=1900, max=2100, help="Track up to this year.")] = None,
    data_dir: DataDirOpt = Path("data"),
) -> None:
    """Write the status of every indicator to a file for people who read it in Excel or a browser.

    xlsx: one sheet per term and one for observations, numbers stored as numbers, frozen header
    row. html: one self-contained page with tables and charts (no network needed). csv, json,
    markdown: as `cbkpi status --format`. The file is written atomically; the data folder, YAML
    files and the input files are never overwritten.

    Example: cbkpi export --format html -o report.html --lang en
    """
    from cbkpi.outputs import OutputRefused, check_destination
    from cbkpi.pipeline import PipelineError, build_report

    try:
        check_destination(output, [data_dir], files or [])
        report = build_report(files, data_dir, as_of)
    except OutputRefused as exc:
        typer.echo(f"cbkpi: {exc}", err=True)
        raise typer.Exit(2) from None
    except PipelineError as exc:
        raise _fail(exc) from None
    try:
        EXPORT.get(output_format)(output, report, lang.value)
    except OSError as exc:
        typer.echo(f"cbkpi: cannot write {output}: {exc.strerror or exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(str(output))
