"""click's own words in the message language: the usage line, the help's section headings, the
help option, ``[default: …]`` and ``[required]``, and the usage errors ("No such option",
"Missing argument", "Invalid value for", "Try 'cbkpi --help' for help").

typer 0.29 vendors click as ``typer._click``, with these words written in English in the code
(its gettext calls removed; typer's own ``_()`` calls use gettext's default domain, which no
installed catalogue serves). The hooks used are click's documented extension points, reached
through that private module, so they are all in this one module and
``tests/test_cli_words.py`` fails when typer changes them:

- :class:`LocalisedContext` (``Command.context_class``) makes a :class:`LocalisedFormatter`
  (``Context.formatter_class``): usage prefix, section headings and the help texts' extras;
- :func:`run` runs the command tree with ``standalone_mode=False`` and shows a usage error
  itself, from the exception's public attributes, in the language; pydantic's words for a bad
  value ("Input should be a valid integer") are replaced by :mod:`cbkpi.schema_messages`' plain
  ones in both languages.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import typer
from typer._click import exceptions as click_errors
from typer._click.core import Context
from typer._click.formatting import HelpFormatter

from cbkpi.i18n import t

_LANG: list[str] = ["en"]
"""The language of click's words in this run (:func:`run` sets it)."""

_SECTIONS = {"Arguments": "click_arguments", "Options": "click_options", "Commands": "click_commands"}
# The patterns below are strings, compiled by re (and kept in its cache) on first use: they
# read help texts and usage errors only, never a command that runs (about 4M instructions of
# every start-up when compiled at import).
_EXTRAS = (
    (r"(?s)default: (?P<value>.*)", "click_default"),
    (r"(?s)env var: (?P<value>.*)", "click_env_var"),
    (r"required", "click_required"),
)
_EXTRA = r"\[(?P<inner>[^\[\]]*)\]\s*$"
_HELP_OPTION = "Show this message and exit."


def lang_of(args: Sequence[str], default: str) -> str:
    """The language ``--lang``/``-l`` names among ``args`` (the command line), else ``default``:
    a usage error or ``--help`` speaks the language asked for, even before the command runs."""
    for n, arg in enumerate(args):
        if arg == "--":
            break
        value = None
        if arg in ("--lang", "-l") and n + 1 < len(args):
            value = args[n + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value in ("vi", "en"):
            return value
    return default


def _extras(text: str, lang: str) -> str:
    """``… [env var: CBKPI_LANG; default: vi]`` with the bracket's words in ``lang``."""
    if text == _HELP_OPTION:
        return t("click_help_option", lang)
    found = re.search(_EXTRA, text)
    if found is None:
        return text
    parts = []
    for part in found.group("inner").split("; "):
        for pattern, key in _EXTRAS:
            said = re.fullmatch(pattern, part)
            if said is not None:
                part = t(key, lang, **said.groupdict())
                break
        parts.append(part)
    return text[: found.start()] + "[" + "; ".join(parts) + "]"


class LocalisedFormatter(HelpFormatter):
    """click's help formatter with its words in the run's language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, t("click_usage", _LANG[0]) if prefix is None else prefix)

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        key = _SECTIONS.get(name)
        with super().section(t(key, _LANG[0]) if key else name):
            yield

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        if _LANG[0] != "en":
            rows = [(term, _extras(text, _LANG[0])) for term, text in rows]
        super().write_dl(rows, col_max, col_spacing)


class LocalisedContext(Context):
    formatter_class = LocalisedFormatter


def use_context(command: Any) -> None:
    """``command`` and its subcommands make :class:`LocalisedContext` contexts."""
    command.context_class = LocalisedContext
    for sub in getattr(command, "commands", {}).values():
        use_context(sub)


def _invalid_value(exc: click_errors.BadParameter, lang: str) -> str:
    """ "Invalid value for '--width': 'abc' is not a whole number" without pydantic's words."""
    from pydantic import ValidationError

    from cbkpi.schema_messages import plain

    said: str | None = None
    cause = exc.__cause__
    if isinstance(cause, ValidationError) and cause.errors():
        error = cause.errors(include_url=False)[0]
        said = plain(dict(error), lang)
        choice = re.fullmatch(r"(?:Value error, )?'(?P<got>.*)' is not one of (?P<expected>.*?)\.?", str(error["msg"]))
        if said is None and choice is not None:
            said = t("msg_choice", lang, got=choice["got"], expected=choice["expected"])
    if said is None:
        said = exc.message.removeprefix("Value error, ")
    english = exc.format_message()
    head = "Invalid value for "
    tail = f": {exc.message}"
    if not (english.startswith(head) and english.endswith(tail)):
        return said
    hint = english[len(head) : -len(tail)].replace("(env var: ", "(" + t("click_env_var", lang, value=""))
    return t("click_invalid_value", lang, name=hint, message=said)


_USAGE = (
    (r"(?s)No such command (?P<name>'.*')\.(?P<rest>.*)", "click_no_such_command"),
    (r"(?s)Missing command\.(?P<rest>.*)", "click_missing_command"),
    (r"(?s)Missing argument (?P<name>\S+)\.(?P<rest>.*)", "click_missing_argument"),
    (r"(?s)Missing option (?P<name>\S+)\.(?P<rest>.*)", "click_missing_option"),
    (r"(?s)Option (?P<name>'\S+') requires an argument\.(?P<rest>.*)", "click_needs_value"),
)
_DID_YOU_MEAN = r" Did you mean (?P<names>.*)\?$"


def message(exc: click_errors.ClickException, lang: str) -> str:
    """The error's message in ``lang`` (English: click's, without pydantic's jargon)."""
    if isinstance(exc, click_errors.NoSuchOption):
        text = t("click_no_such_option", lang, name=exc.option_name)
        if exc.possibilities:
            text += " " + t("click_possible_options", lang, names=", ".join(sorted(exc.possibilities)))
        return text
    if isinstance(exc, click_errors.BadParameter) and not isinstance(exc, click_errors.MissingParameter):
        return _invalid_value(exc, lang)
    english = exc.format_message()
    if lang == "en":
        return english
    for pattern, key in _USAGE:
        found = re.fullmatch(pattern, english)
        if found is not None:
            fields = found.groupdict()
            rest = fields.pop("rest")
            mean = re.fullmatch(_DID_YOU_MEAN, rest)
            if mean is not None:
                rest = f" {t('did_you_mean', lang).capitalize()} {mean['names']}?"
            return t(key, lang, **fields) + rest
    return english


def show(exc: click_errors.ClickException, lang: str) -> None:
    """What click's ``UsageError.show`` prints (usage, the help hint, ``Error: …``), in ``lang``."""
    if isinstance(exc, click_errors.NoArgsIsHelpError):
        exc.show()  # the help itself, already in the language
        return
    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, click_errors.UsageError) and ctx is not None:
        hint = ""
        if ctx.command.get_help_option(ctx) is not None:
            hint = t("click_try_help", lang, command=ctx.command_path, option=ctx.help_option_names[0]) + "\n"
        typer.echo(f"{ctx.get_usage()}\n{hint}", err=True, color=ctx.color)
    typer.echo(t("click_error", lang, message=message(exc, lang)), err=True)


def run(main: Callable[..., Any], lang: str, standalone_mode: bool, **kwargs: Any) -> Any:
    """``main(**kwargs)`` (click's ``Command.main``) with click's words in ``lang``: as
    click's standalone mode does, but showing usage errors with :func:`show`."""
    from cbkpi.i18n import set_command_line_lang

    _LANG[0] = lang
    set_command_line_lang(lang)
    try:
        if not standalone_mode:
            return main(standalone_mode=False, **kwargs)
        try:
            code = main(standalone_mode=False, **kwargs)
        except click_errors.ClickException as exc:
            show(exc, lang)
            sys.exit(exc.exit_code)
        except typer.Abort:
            typer.echo(t("click_aborted", lang), err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)
    finally:
        set_command_line_lang(None)
