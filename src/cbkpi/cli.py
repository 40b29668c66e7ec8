"""The command line: a thin layer that parses options, calls the library and renders.

Heavy modules (pydantic models, rich) are imported inside the commands that need them, so that
``cbkpi --help`` and light commands start fast.
"""

from __future__ import annotations

import math
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cbkpi import __version__

if TYPE_CHECKING:
    from cbkpi.validation import Report

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


class ValidateFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


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


def _files(files: list[Path] | None, data_dir: Path) -> list[Path]:
    """The files given, or every data and observations file under ``data_dir``."""
    from cbkpi.loader import discover
    from cbkpi.observations import discover_observations

    found = discover(files or [], data_dir)
    if not files:
        found += discover_observations(data_dir)
    if not found:
        typer.echo(f"cbkpi: no data files given and none found under {data_dir}/", err=True)
        raise typer.Exit(2)
    return found


@app.command()
def validate(
    files: FilesArg = None,
    output_format: Annotated[
        ValidateFormat,
        typer.Option("--format", "-f", help="text: path:line:col: level message; json; github: Actions annotations."),
    ] = ValidateFormat.text,
    data_dir: DataDirOpt = Path("data"),
) -> None:
    """Check data files against the schema and the reviewer's rules.

    Checks: YAML syntax, duplicate keys, the schema (types, required keys, known units and target
    kinds), unique ids, years inside the term, baselines before target years, values possible for
    their unit, shares that sum to 100 %. Exit 0 valid, 1 invalid, 2 unreadable file.

    Example: cbkpi validate data/targets_2025.yaml --format github
    """
    from cbkpi.render.diagnostics import FORMATS
    from cbkpi.validation import validate_files

    report = validate_files(_files(files, data_dir), _context(data_dir))
    out = FORMATS[output_format.value](report.diagnostics, report.files)
    typer.echo(out)
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


class StatusFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class AuditFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


LangOpt = Annotated[
    Lang, typer.Option("--lang", "-l", help="Language of labels and numbers (vi: 1.650,5; en: 1,650.5).")
]


def _context(data_dir: Path) -> list[Path]:
    from cbkpi.loader import discover

    return discover([], data_dir) if data_dir.is_dir() else []


def _load_valid(files: list[Path] | None, data_dir: Path) -> Report:
    """Load and validate; on any error print the diagnostics to stderr and exit 1 (or 2)."""
    from cbkpi.validation import validate_files

    report = validate_files(_files(files, data_dir), _context(data_dir))
    if report.exit_code:
        for d in report.diagnostics:
            if d.level == "error":
                typer.echo(d.format(), err=True)
        typer.echo("cbkpi: the data is not valid; run 'cbkpi validate' for the full report", err=True)
        raise typer.Exit(report.exit_code)
    if not report.loaded:
        typer.echo("cbkpi: no targets or results file among the files given (observations need one)", err=True)
        raise typer.Exit(2)
    return report


@app.command()
def status(
    files: FilesArg = None,
    lang: LangOpt = Lang.vi,
    output_format: Annotated[
        StatusFormat, typer.Option("--format", "-f", help="table (rich), json (raw numbers), csv, markdown.")
    ] = StatusFormat.table,
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
    from cbkpi.observations import values_by_indicator
    from cbkpi.status import term_status
    from cbkpi.tracking import latest_year

    report = _load_valid(files, data_dir)
    observed = values_by_indicator(report.observations)  # type: ignore[arg-type]
    year = as_of if as_of is not None else latest_year(observed)
    terms = [term_status(f.file, f.model, observed, year) for f in report.loaded]
    if output_format is StatusFormat.table:
        from cbkpi.render.status import print_tables

        print_tables(terms, lang.value, width)
        return
    from cbkpi.render import status as render

    if output_format is StatusFormat.json:
        out = sys.stdout
        for chunk in render.iter_json(terms):
            out.write(chunk)
    elif output_format is StatusFormat.csv:
        typer.echo(render.as_csv(terms, lang.value), nl=False)
    else:
        typer.echo(render.as_markdown(terms, lang.value), nl=False)


@app.command()
def audit(
    files: FilesArg = None,
    lang: LangOpt = Lang.vi,
    output_format: Annotated[
        AuditFormat, typer.Option("--format", "-f", help="text, json or markdown.")
    ] = AuditFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when any figure does not agree (for CI).")] = False,
    data_dir: DataDirOpt = Path("data"),
) -> None:
    """Recompute every printed ratio and growth claim and say whether the print is right.

    Verdicts: agrees (equal when rounded as printed), within_rounding (equal only allowing for
    the rounding of the printed inputs), disagrees, not_computable. The data is never changed.

    Example: cbkpi audit --strict --format json
    """
    from cbkpi.audit import AGREES, audit_file
    from cbkpi.render import audit as render

    items = [item for f in _load_valid(files, data_dir).loaded for item in audit_file(f.file, f.model)]
    if output_format is AuditFormat.json:
        typer.echo(render.as_json(items))
    elif output_format is AuditFormat.markdown:
        typer.echo(render.as_markdown(items, lang.value), nl=False)
    else:
        typer.echo(render.as_text(items, lang.value), nl=False)
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


def _num(text: str, notation: Lang | None, name: str) -> float:
    from cbkpi.i18n import NumberFormatError, parse_number

    try:
        return parse_number(text, notation.value if notation else None)
    except NumberFormatError as exc:
        raise typer.BadParameter(str(exc), param_hint=name) from None


def _show(fig: object, lang: Lang, unit_key: str | None, json_out: bool) -> None:
    """Print a figure with its unit's label (the unit registry holds the words), or as JSON."""
    import json

    from cbkpi.calc import Figure
    from cbkpi.i18n import format_number, t
    from cbkpi.units import get_unit

    assert isinstance(fig, Figure)
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
        required_growth(_num(baseline, notation, "BASELINE"), _num(target, notation, "TARGET"), years),
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
        cagr(_num(start, notation, "START"), _num(end, notation, "END"), years),
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
        implied_end_value(_num(baseline, notation, "BASELINE"), _num(rate, notation, "RATE"), years), lang, None, json_out
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
        level_achievement(_num(actual, notation, "ACTUAL"), _num(target, notation, "TARGET"), direction.value),
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

    from cbkpi.observations import effective, located, values_by_indicator
    from cbkpi.render.show import print_show
    from cbkpi.series import chart_series
    from cbkpi.status import term_status
    from cbkpi.tracking import latest_year

    report = _load_valid(files, data_dir)
    observed = values_by_indicator(report.observations)  # type: ignore[arg-type]
    year = as_of if as_of is not None else latest_year(observed)
    found = []
    for f in report.loaded:
        term = term_status(f.file, f.model, observed, year)
        found += [(term, ind) for ind in term.indicators if ind.indicator.id == indicator_id]
    if not found:
        import difflib

        ids = sorted({ind.id for f in report.loaded for ind in f.model.indicators})
        close = difflib.get_close_matches(indicator_id, ids, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else "; `cbkpi status --format csv` lists the ids"
        typer.echo(f"cbkpi: no indicator with id {indicator_id!r}{hint}", err=True)
        raise typer.Exit(2)
    items = [o for o in located(report.observations) if o.obs.indicator == indicator_id]  # type: ignore[arg-type]
    current = effective(items).get(indicator_id, {})
    tracking = next((term.tracking.indicators.get(indicator_id) for term, _ in found if term.tracking), None)
    target_status = next((s for term, s in found if term.data.kind == "targets"), found[0][1])
    series = chart_series(target_status.indicator, observed.get(indicator_id, {}))
    print_show(Console(), found, items, current, tracking, series, lang.value)
    if png is not None:
        _write_png(
            png,
            series,
            lang,
            f"{target_status.indicator.label}. {target_status.indicator.name.get(lang.value)}",
            files,
            data_dir,
        )


def _write_png(path: Path, series: list, lang: Lang, title: str, files: list[Path] | None, data_dir: Path) -> None:  # type: ignore[type-arg]
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


class ExportFormat(str, Enum):
    xlsx = "xlsx"
    csv = "csv"
    json = "json"
    markdown = "markdown"
    html = "html"


@app.command()
def export(
    files: FilesArg = None,
    output_format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="xlsx, csv, json, markdown or html.")
    ] = ExportFormat.xlsx,
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
    from cbkpi.observations import located, values_by_indicator
    from cbkpi.outputs import OutputRefused, check_destination, write_atomically, write_text_atomically
    from cbkpi.render import status as render
    from cbkpi.status import term_status
    from cbkpi.tracking import latest_year

    try:
        check_destination(output, [data_dir], files or [])
    except OutputRefused as exc:
        typer.echo(f"cbkpi: {exc}", err=True)
        raise typer.Exit(2) from None
    report = _load_valid(files, data_dir)
    observed = values_by_indicator(report.observations)  # type: ignore[arg-type]
    year = as_of if as_of is not None else latest_year(observed)
    terms = [term_status(f.file, f.model, observed, year) for f in report.loaded]
    try:
        if output_format is ExportFormat.xlsx:
            from cbkpi.render.export import write_xlsx

            items = located(report.observations)  # type: ignore[arg-type]
            write_atomically(output, lambda tmp: write_xlsx(tmp, terms, items, lang.value))
        elif output_format is ExportFormat.html:
            from cbkpi.render.export import html_report

            write_text_atomically(output, html_report(terms, observed, lang.value))
        elif output_format is ExportFormat.json:
            write_text_atomically(output, render.as_json(terms))
        elif output_format is ExportFormat.csv:
            write_text_atomically(output, render.as_csv(terms, lang.value))
        else:
            write_text_atomically(output, render.as_markdown(terms, lang.value))
    except OSError as exc:
        typer.echo(f"cbkpi: cannot write {output}: {exc.strerror or exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(str(output))
