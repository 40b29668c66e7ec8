"""Options shared by several commands of the CLI (kept light: typer only)."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer


class Lang(str, Enum):
    vi = "vi"
    en = "en"


LangOpt = Annotated[
    Lang, typer.Option("--lang", "-l", help="Language of labels and numbers (vi: 1.650,5; en: 1,650.5).")
]


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
