"""``cbkpi init``: write a starter targets file for a new term or province."""

# No `from __future__ import annotations`: typer reads the commands' annotations with
# get_type_hints, which compiles and evaluates each string at every start; objects cost nothing.
import os
from pathlib import Path
from typing import Annotated

import typer


def init(
    path: Annotated[Path, typer.Argument(help="The file to write; it must not exist.")] = Path("targets.yaml"),
    start: Annotated[int, typer.Option("--start", min=1900, max=2100, help="First year of the term.")] = 2025,
    end: Annotated[int, typer.Option("--end", min=1900, max=2100, help="Last year of the term.")] = 2030,
) -> None:
    """Write a starter targets file (valid as written) for a new term or province.

    It holds the schema line for editors, one indicator to fill in and a commented example of
    every target kind and of a unit and an area declaration. An existing file is never
    overwritten (exit 2).

    Example: cbkpi init data/targets_2030.yaml --start 2025 --end 2030
    """
    from cbkpi.i18n import message_lang, t
    from cbkpi.starter import starter_text

    lang = message_lang()
    if start >= end:
        typer.echo("cbkpi: " + t("err_start_not_before_end", lang, start=start, end=end), err=True)
        raise typer.Exit(2)
    text = starter_text(start, end).encode("utf-8")
    try:
        # O_EXCL: refuse any existing name (a file, a symbolic link, a FIFO), with no race.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        typer.echo("cbkpi: " + t("err_exists_not_overwritten", lang, path=path), err=True)
        raise typer.Exit(2) from None
    except OSError as exc:
        typer.echo("cbkpi: " + t("err_cannot_write", lang, path=path, reason=exc.strerror or exc), err=True)
        raise typer.Exit(2) from None
    with os.fdopen(fd, "wb") as out:
        out.write(text)
    typer.echo(str(path))
