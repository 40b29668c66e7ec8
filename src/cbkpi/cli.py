"""The command line: a thin layer that parses options, calls the library and renders.

Heavy modules (pydantic models, rich) are imported inside the commands that need them, so that
``cbkpi --help`` and light commands start fast.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from cbkpi import __version__

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
    Optional[list[Path]],
    typer.Argument(
        help="YAML data files. Default: every *.yaml under ./data (observations excepted).",
        show_default=False,
    ),
]
DataDirOpt = Annotated[
    Path, typer.Option("--data-dir", help="Where to look for data files when none are given.")
]


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
    from cbkpi.loader import discover

    found = discover(files or [], data_dir)
    if not found:
        typer.echo(f"cbkpi: no data files given and none found under {data_dir}/", err=True)
        raise typer.Exit(2)
    return found


@app.command()
def validate(
    files: FilesArg = None,
    output_format: Annotated[
        ValidateFormat, typer.Option("--format", "-f", help="text: path:line:col: level message; json; github: Actions annotations.")
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

    report = validate_files(_files(files, data_dir))
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
    lang: Annotated[str, typer.Option("--lang", help="vi or en")] = "vi",
) -> None:
    """List the units a data file may use, with their labels."""
    from cbkpi.units import UNITS

    for unit in UNITS.values():
        typer.echo(f"{unit.key:30} {unit.label(lang):28} {unit.kind}")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
