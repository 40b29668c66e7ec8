"""Options shared by several commands of the CLI (kept light: typer only)."""

from __future__ import annotations

import os
import sys
from enum import Enum
from typing import Annotated

import typer


class Lang(str, Enum):
    vi = "vi"
    en = "en"


LangOpt = Annotated[
    Lang,
    typer.Option(
        "--lang",
        "-l",
        envvar="CBKPI_LANG",
        help="Language of labels, numbers (vi: 1.650,5; en: 1,650.5) and messages.",
    ),
]


WidthOpt = Annotated[
    int | None,
    typer.Option(
        "--width",
        min=20,
        help=(
            "Width in columns (default: the terminal's; 80 when piped). Tables keep every figure "
            "whole; below 60 columns, or when a table cannot fit, one record per block."
        ),
    ),
]


def colour() -> bool:
    """Whether to colour text output: standard output is a terminal and NO_COLOR is not set."""
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


class SchemaOf(str, Enum):
    data = "data"
    observations = "observations"


class BaselineOpt(str, Enum):
    """Which baseline counts: the observation of the baseline year, or the document's figure."""

    observed = "observed"
    published = "published"


StrictOpt = Annotated[
    bool,
    typer.Option(
        "--strict", help="Plausibility warnings (thousands grouping, 5x jumps, unconvertible units) become errors."
    ),
]
