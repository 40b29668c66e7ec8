"""Writing output files safely: atomically, and never over the data.

A file is written to a temporary file in the same folder, flushed to disk, then renamed over
the destination in one step (``os.replace``): an interrupted export leaves the old file intact
and no half-written file behind. Destinations inside the data folder, existing YAML files and
the command's own input files are refused, and so is anything but a regular file: a device
such as ``/dev/null``, a named pipe or a socket is never replaced (nor written into).

A destination that is a symbolic link is resolved first: the temporary file is made beside the
real target, in its own folder (so the rename never crosses file systems), and the link is
kept. SIGTERM and SIGHUP during the write remove the temporary file as Ctrl-C does, and the
process exits with 128 + the signal's number.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from cbkpi.i18n import message_lang, t


class OutputRefused(OSError):
    """The destination may not be written (it would overwrite data); the message says why."""


def check_destination(path: Path, protected_dirs: Iterable[Path] = (), inputs: Iterable[Path] = ()) -> None:
    lang = message_lang()
    target = path.resolve()
    if target.is_dir():
        raise OutputRefused(t("err_is_directory", lang, path=path))
    _check_regular(path, target)
    for folder in protected_dirs:
        if folder.exists() and target.is_relative_to(folder.resolve()):
            raise OutputRefused(t("err_in_data_folder", lang, path=path, folder=folder))
    for given in inputs:
        if given.exists() and target == given.resolve():
            raise OutputRefused(t("err_is_input", lang, path=path))
    if target.suffix.lower() in (".yaml", ".yml") and target.exists():
        raise OutputRefused(t("err_existing_yaml", lang, path=path))
    if not target.parent.is_dir():
        raise OutputRefused(t("err_no_folder", lang, folder=path.parent))


def _check_regular(path: Path, target: Path) -> None:
    """Refuse a destination that exists and is not a regular file (a device, a FIFO)."""
    lang = message_lang()
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputRefused(t("err_cannot_write", lang, path=path, reason=exc.strerror)) from None
    if not stat.S_ISREG(mode):
        from cbkpi.yamlread import file_kind

        raise OutputRefused(t("err_not_regular", lang, path=path, kind=t(file_kind(mode), lang)))


_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def _exit_on_signal(signum: int, frame: object) -> None:
    sys.exit(128 + signum)  # SystemExit: the cleanup below runs as for Ctrl-C


@contextlib.contextmanager
def _signals_exit() -> Iterator[None]:
    """While the block runs, SIGTERM and SIGHUP raise SystemExit instead of killing the process
    at once (outside the main thread signals cannot be handled, and nothing changes)."""
    previous = {}
    try:
        for sig in _SIGNALS:
            previous[sig] = signal.signal(sig, _exit_on_signal)
    except ValueError:
        pass
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextlib.contextmanager
def _signals_blocked() -> Iterator[None]:
    """SIGTERM, SIGHUP and SIGINT held back while the block runs, delivered when it ends."""
    held = {*_SIGNALS, signal.SIGINT}
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - Windows
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def write_atomically(path: Path, produce: Callable[[Path], None]) -> None:
    """Call ``produce(tmp)`` to write a temporary file beside ``path``'s real target (the link
    resolved), then move it into place there.

    On any failure (Ctrl-C, SIGTERM, SIGHUP included) the temporary file is removed and
    ``path`` is left as it was."""
    target = path.resolve()
    _check_regular(path, target)
    with _signals_exit():
        tmp: Path | None = None
        try:
            with _signals_blocked():  # a signal now would leave a file not yet named
                fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
                os.close(fd)
                tmp = Path(name)
            produce(tmp)
            with open(tmp, "rb+") as handle:
                os.fsync(handle.fileno())
            if target.exists():
                with contextlib.suppress(OSError):
                    os.chmod(tmp, target.stat().st_mode & 0o777)
            else:
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(tmp, 0o666 & ~umask)
            _check_regular(path, target)  # not replaced by a device while we wrote
            os.replace(tmp, target)
        except BaseException:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    tmp.unlink()
            raise


def write_text_atomically(path: Path, text: str) -> None:
    def produce(tmp: Path) -> None:
        tmp.write_text(text, encoding="utf-8")

    write_atomically(path, produce)
