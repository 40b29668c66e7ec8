"""The console entry point: a fast path for ``--version`` and a last line of defence.

``cbkpi --version`` answers without importing the CLI framework (analysts' scripts call it
often), and so does a command whose result is in the replay cache (:mod:`cbkpi.cache`). Any exception that escapes a command is reported in one line and exit code 3 instead of
a traceback; set ``CBKPI_DEBUG=1`` to see the traceback. Output streams are set up first
(:mod:`cbkpi.streams`): a closed pipe, a failed write or an encoding that cannot hold the text
end with a documented exit code, ``--version`` included.
"""

from __future__ import annotations

import gc
import os
import sys

from cbkpi import __version__, streams

INTERNAL_ERROR = 3


def main() -> None:
    streams.prepare()
    streams.handle(_run)


def _run() -> None:
    if sys.argv[1:] == ["--version"]:
        print(f"cbkpi {__version__}")
        return
    from cbkpi import cache

    run = cache.start(sys.argv[1:])  # a hit replays its result and exits here
    # A command is a short-lived process that builds large acyclic structures (parsed YAML,
    # models): the cyclic garbage collector would rescan them again and again (a third of the
    # time of `status` on 10,000 indicators) and would free nothing, since they live to the end.
    gc.disable()
    try:
        from cbkpi.cli import app

        if run is not None:
            run.capture()
        app(prog_name="cbkpi")
        if run is not None:
            run.finish(0)
    except SystemExit as exc:
        if run is not None:
            run.finish(exc.code)
        raise
    except (streams.PipeClosed, streams.WriteFailed):
        raise
    except KeyboardInterrupt:
        from cbkpi.i18n import message_lang, t

        streams.say("cbkpi: " + t("err_interrupted", message_lang()))
        sys.exit(130)
    except BrokenPipeError:
        raise streams.PipeClosed() from None
    except Exception as exc:
        if os.environ.get("CBKPI_DEBUG"):
            raise
        from cbkpi.i18n import message_lang, t

        streams.say("cbkpi: " + t("err_internal", message_lang(), error=f"{type(exc).__name__}: {exc}"))
        sys.exit(INTERNAL_ERROR)
