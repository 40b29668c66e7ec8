"""``cbkpi cache info`` and ``cbkpi cache clear``: the result cache (:mod:`cbkpi.cache`)."""

from __future__ import annotations

import os

import typer

cache_app = typer.Typer(
    help="The result cache of status, validate, audit, list and show (README, 'The result cache').",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


def _folder() -> str:
    from cbkpi import cache

    folder = cache.directory()
    if folder is None:
        typer.echo("cbkpi: no cache: neither XDG_CACHE_HOME nor HOME is an absolute path", err=True)
        raise typer.Exit(2)
    return folder


@cache_app.command("info")
def show_info() -> None:
    """Print the cache's folder, its entries, their size in bytes, and whether it is used."""
    from cbkpi import cache

    folder = _folder()
    entries, size = cache.info(folder)
    if not cache.enabled([]):
        used = "no (CBKPI_NO_CACHE is set)"
    elif os.path.lexists(folder) and not cache.private(folder):
        used = "no (not a private folder of this user: others may write to it, or it is not a folder)"
    else:
        used = "yes"
    typer.echo(f"path: {folder}\nentries: {entries}\nbytes: {size}\nused: {used}")


@cache_app.command("clear")
def clear() -> None:
    """Remove every entry of the cache (always safe: results are computed again)."""
    from cbkpi import cache

    folder = _folder()
    if os.path.lexists(folder) and not cache.private(folder):
        typer.echo(f"cbkpi: {folder} is not a private folder of this user; nothing removed", err=True)
        raise typer.Exit(2)
    typer.echo(f"removed: {cache.clear(folder)}")
