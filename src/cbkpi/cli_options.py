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
