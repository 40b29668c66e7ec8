"""``--help`` in Vietnamese when ``CBKPI_LANG=vi``.

typer's help texts are fixed when the command is built; :class:`LocalisedGroup` (the root
group's class) swaps in the Vietnamese texts of :data:`cbkpi.i18n.HELP_VI` for the command tree
before it runs. Without ``CBKPI_LANG=vi`` help stays English (and so does the generated CLI
reference, docs/cli-reference.md)."""

from __future__ import annotations

import os
from typing import Any

from typer.core import TyperGroup


def help_lang() -> str:
    return "vi" if os.environ.get("CBKPI_LANG", "").strip().lower() == "vi" else "en"


def localise(command: Any, path: str = "") -> None:
    """Vietnamese help for ``command``, its parameters and its subcommands, where translated."""
    from cbkpi.i18n import HELP_VI

    text = HELP_VI.get(path or "cbkpi")
    if text is not None:
        command.help = text
        command.short_help = None
    for param in command.params:
        said = HELP_VI.get(f"{path}:{param.name}") or HELP_VI.get(f"*:{param.name}")
        if said is not None and hasattr(param, "help"):  # options and typer's arguments
            param.help = said
    for name, sub in getattr(command, "commands", {}).items():
        localise(sub, f"{path} {name}".strip())


class LocalisedGroup(TyperGroup):
    """The root group: translates the tree's help texts once, before running."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        if help_lang() == "vi":
            localise(self)
        return super().main(*args, **kwargs)
