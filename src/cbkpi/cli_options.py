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


def _cache_choice(no_cache: bool) -> bool:
    """The command's result may be replayed from the cache unless ``--no-cache`` is given."""
    from cbkpi import inputs_seen

    inputs_seen.cacheable(not no_cache)
    return no_cache


NoCacheOpt = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        callback=_cache_choice,
        help="Neither replay this command's result from the cache nor store it (also: CBKPI_NO_CACHE=1).",
    ),
]
"""On the commands whose result the replay cache may store (:mod:`cbkpi.cache`); its callback,
called on every run of the command, is what marks the command cacheable."""
