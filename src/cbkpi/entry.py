"""The console entry point: a fast path for ``--version`` and a last line of defence.

``cbkpi --version`` answers without importing the CLI framework (analysts' scripts call it
often). Any exception that escapes a command is reported in one line and exit code 3 instead of
a traceback; set ``CBKPI_DEBUG=1`` to see the traceback.
"""

from __future__ import annotations

import gc
import os
import sys

from cbkpi import __version__

INTERNAL_ERROR = 3


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        print(f"cbkpi {__version__}")
        return
    # A command is a short-lived process that builds large acyclic structures (parsed YAML,
    # models): the cyclic garbage collector would rescan them again and again (a third of the
    # time of `status` on 10,000 indicators) and would free nothing, since they live to the end.
    gc.disable()
    try:
        from cbkpi.cli import app

        app(prog_name="cbkpi")
    except SystemExit:
        raise
    except KeyboardInterrupt:
        print("cbkpi: interrupted", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:
        # The reader went away (`cbkpi status | head`): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
    except Exception as exc:
        if os.environ.get("CBKPI_DEBUG"):
            raise
        print(
            f"cbkpi: internal error: {type(exc).__name__}: {exc}. "
            "Please report it with the command you ran (CBKPI_DEBUG=1 shows the traceback).",
            file=sys.stderr,
        )
        sys.exit(INTERNAL_ERROR)
