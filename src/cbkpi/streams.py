"""Standard output that fails loudly and correctly, set up once before any command runs.

- A reader that went away (``cbkpi status | head -1``): :class:`PipeClosed`, and the process
  ends quietly with :data:`EXIT_BROKEN_PIPE` (141 = 128 + SIGPIPE, what a shell reports for a
  program stopped by a closed pipe; never 0, since nobody read the report).
- Any other failed write (``> /dev/full``, a closed or revoked descriptor): :class:`WriteFailed`,
  one line on stderr and exit 2. Standard output closed from the start (``>&-``) is refused
  before anything runs, so a report is never lost with exit 0.
- Text the stream's encoding cannot hold (``PYTHONIOENCODING=cp1252``): written with
  ``errors="backslashreplace"`` (``Bằng`` → ``B\\u1eb1ng``, still valid inside a JSON string).
- ``COLUMNS`` that is not a usable width (``0``, ``-5``, ``abc``) is ignored; a positive value
  below :data:`MIN_COLUMNS` is raised to it.
"""

from __future__ import annotations

import contextlib
import os
import sys

TYPE_CHECKING = False  # not typing's: a replayed result (cbkpi.cache) does not import typing
if TYPE_CHECKING:
    from typing import Any, TextIO

EXIT_BROKEN_PIPE = 141
EXIT_WRITE_FAILED = 2
MIN_COLUMNS = 40
"""The narrowest table layout cbkpi draws (``status --width`` has the same minimum)."""


class PipeClosed(Exception):
    """The reader of standard output went away."""


class WriteFailed(Exception):
    """Standard output could not be written (full disk, bad descriptor); the message says why."""


class GuardedStream:
    """A text stream whose failed writes raise :class:`PipeClosed` or :class:`WriteFailed`
    (not ``OSError``, which the CLI framework turns into exit 1); everything else is the
    wrapped stream's."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def _guard(self, exc: OSError) -> Exception:
        if isinstance(exc, BrokenPipeError):
            return PipeClosed()
        return WriteFailed(exc.strerror or str(exc))

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as exc:
            raise self._guard(exc) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            raise self._guard(exc) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def usable_columns(value: str | None) -> str | None:
    """``COLUMNS`` as cbkpi will use it: None (ignore it) unless it is a positive integer;
    at least :data:`MIN_COLUMNS`."""
    if value is None:
        return None
    try:
        columns = int(value.strip())
    except ValueError:
        return None
    if columns <= 0:
        return None
    return str(max(columns, MIN_COLUMNS))


def say(message: str) -> None:
    """One line on stderr, if stderr can still be written."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.write(message + "\n")
        sys.stderr.flush()


def prepare() -> None:
    """Set the process's streams and ``COLUMNS`` up as described above; exits 2 when standard
    output is closed."""
    columns = usable_columns(os.environ.get("COLUMNS"))
    if columns is None:
        os.environ.pop("COLUMNS", None)
    else:
        os.environ["COLUMNS"] = columns
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")
    if sys.stdout is None:  # the descriptor was closed when the process started (`>&-`)
        from cbkpi.i18n import message_lang, t

        say("cbkpi: " + t("err_stdout_closed", message_lang()))
        sys.exit(EXIT_WRITE_FAILED)
    if not isinstance(sys.stdout, GuardedStream):
        sys.stdout = GuardedStream(sys.stdout)


def finish() -> None:
    """Flush standard output (a pipe's buffered text is written here); raises like a write."""
    sys.stdout.flush()


def quiet_after_broken_pipe() -> None:
    """Point standard output at /dev/null so that the interpreter's last flush is silent."""
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)


def handle(run: Any) -> None:
    """Run ``run()`` (which may exit), flush, and turn stream failures into exit codes."""
    try:
        try:
            run()
        except SystemExit:
            finish()
            raise
        finish()
    except PipeClosed:
        quiet_after_broken_pipe()
        sys.exit(EXIT_BROKEN_PIPE)
    except WriteFailed as exc:
        quiet_after_broken_pipe()  # the buffered text cannot be written either
        from cbkpi.i18n import message_lang, t

        say("cbkpi: " + t("err_write_output", message_lang(), error=exc))
        sys.exit(EXIT_WRITE_FAILED)
