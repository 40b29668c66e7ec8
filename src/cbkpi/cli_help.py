"""``--help`` in Vietnamese when ``CBKPI_LANG=vi``.

typer's help texts are fixed when the command is built; :class:`LocalisedGroup` (the root
group's class) swaps in the Vietnamese texts of :data:`cbkpi.i18n.HELP_VI` for the command tree
before it runs. Without ``CBKPI_LANG=vi`` help stays English (and so does the generated CLI
reference, docs/cli-reference.md)."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any

from typer.core import TyperGroup


def help_lang() -> str:
    return "vi" if os.environ.get("CBKPI_LANG", "").strip().lower() == "vi" else "en"


def localise(command: Any, path: str = "") -> None:
    """Vietnamese help for ``command``, its parameters and its subcommands, where translated."""
    from cbkpi.i18n import HELP_VI

    # click's usage line (``cbkpi status [OPTIONS] [FILES]...``) in the words of GNU's Vietnamese
    # translations (coreutils: ``Cách dùng: ls [TÙY_CHỌN]... [TẬP_TIN]...``).
    command.options_metavar = "[TÙY_CHỌN]"
    if hasattr(command, "subcommand_metavar"):
        command.subcommand_metavar = "LỆNH [ĐỐI_SỐ]..."
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
    """The root group: translates the tree's help texts once, before running, and click's own
    words (:mod:`cbkpi.cli_words`) in the language of ``--lang`` on the command line, else of
    ``CBKPI_LANG``."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        from cbkpi import cli_words

        given = list(sys.argv[1:] if args is None else args)
        lang = cli_words.lang_of(given, help_lang())
        if lang == "vi":
            localise(self)
        cli_words.use_context(self)
        return cli_words.run(
            super().main,
            lang,
            standalone_mode,
            args=given,
            prog_name=prog_name,
            complete_var=complete_var,
            windows_expand_args=windows_expand_args,
            **extra,
        )
