"""Writing output files safely: atomically, and never over the data.

A file is written to a temporary file in the same folder, flushed to disk, then renamed over
the destination in one step (``os.replace``): an interrupted export leaves the old file intact
and no half-written file behind. Destinations inside the data folder, existing YAML files and
the command's own input files are refused.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path


class OutputRefused(Exception):
    """The destination may not be written (it would overwrite data); the message says why."""


def check_destination(path: Path, protected_dirs: Iterable[Path] = (), inputs: Iterable[Path] = ()) -> None:
    target = path.resolve()
    if target.is_dir():
        raise OutputRefused(f"{path} is a directory; give a file name")
    for folder in protected_dirs:
        if folder.exists() and target.is_relative_to(folder.resolve()):
            raise OutputRefused(f"{path} is inside the data folder {folder}/; cbkpi never writes there")
    for given in inputs:
        if given.exists() and target == given.resolve():
            raise OutputRefused(f"{path} is one of the input files; cbkpi never overwrites its input")
    if target.suffix.lower() in (".yaml", ".yml") and target.exists():
        raise OutputRefused(f"{path} is an existing YAML file; cbkpi does not overwrite YAML")
    if not target.parent.is_dir():
        raise OutputRefused(f"folder {path.parent} does not exist")


def write_atomically(path: Path, produce: Callable[[Path], None]) -> None:
    """Call ``produce(tmp)`` to write a temporary file beside ``path``, then move it into place.

    On any failure (or Ctrl-C) the temporary file is removed and ``path`` is left as it was."""
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.resolve().parent)
    os.close(fd)
    tmp = Path(name)
    try:
        produce(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def write_text_atomically(path: Path, text: str) -> None:
    def produce(tmp: Path) -> None:
        tmp.write_text(text, encoding="utf-8")

    write_atomically(path, produce)
