"""A replay cache of read-only command results (``status``, ``validate``, ``audit``, ``list``
and ``show`` without a chart file).

A command's output is a deterministic function of: its command line, the working directory, the
environment, which standard streams are terminals (and their size), the streams' encodings,
cbkpi's own code and the installed packages, and the content of every input it consulted.
:func:`key` digests all but the last without parsing the command line (the arguments are
opaque text); an entry stored under that key holds the state of every input the recorded run
consulted (:mod:`cbkpi.inputs_seen`), its standard output and error as the bytes written, in
order, and its exit code (0 or 1 only). When every input is still as recorded the entry is
replayed without importing the CLI framework, pydantic or rich; on any difference or doubt the
command runs as usual and its entry is rewritten.

Entries are JSON (never pickle: an entry cannot run code) in ``$XDG_CACHE_HOME/cbkpi`` (else
``~/.cache/cbkpi``), a directory of mode 0700 that is used only when it belongs to the user and
nobody else may write to it. Each entry carries the sha256 of its body, checked on every read
(a damaged entry is removed and counts as a miss); at most :data:`MAX_ENTRIES` entries and
:data:`MAX_BYTES` in all are kept (the least recently used go first); an output over
:data:`MAX_OUTPUT` is not stored. Any failure of the cache itself (read-only or missing home,
full disk) leaves the command working, silently; ``CBKPI_DEBUG=1`` says why on stderr.
``CBKPI_NO_CACHE=1`` or ``--no-cache`` turns it off.

Standard library only (os, sys, io, json, hashlib, stat, time, contextlib; signal on a miss): imported before the CLI.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import stat
import sys
import time

from cbkpi import __version__, inputs_seen, streams

TYPE_CHECKING = False  # not typing's: a replayed result (cbkpi.cache) does not import typing
if TYPE_CHECKING:
    from typing import Any

FORMAT = 1
"""The layout of an entry; part of the key."""
MAX_ENTRIES = 64
MAX_BYTES = 32 * 1024 * 1024
MAX_OUTPUT = 4 * 1024 * 1024
"""Bytes of standard output and error together above which a result is not stored."""
IGNORED_ENV = ("_", "OLDPWD", "SHLVL")
"""Shell bookkeeping that changes between identical commands; every other variable is keyed."""
NO_CACHE_FLAG = "--no-cache"
CACHEABLE_EXITS = (0, 1)
_PREFIX = b'{"sha256":"'
_MIDDLE = b'","body":'


def debug(message: str) -> None:
    if os.environ.get("CBKPI_DEBUG"):
        streams.say(f"cbkpi: cache: {message}")


def enabled(argv: list[str]) -> bool:
    """False when ``CBKPI_NO_CACHE`` is set (to anything but empty or 0) or ``--no-cache`` is
    among the arguments (a token anywhere: bypassing the cache is always safe)."""
    off = os.environ.get("CBKPI_NO_CACHE", "").strip()
    return off in ("", "0") and NO_CACHE_FLAG not in argv


def directory() -> str | None:
    """``$XDG_CACHE_HOME/cbkpi``, else ``$HOME/.cache/cbkpi``; None (no cache) when neither is
    an absolute path (the XDG specification ignores a relative one)."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        home = os.environ.get("HOME", "")
        if not os.path.isabs(home):
            return None
        base = os.path.join(home, ".cache")
    return os.path.join(base, "cbkpi")


def private(path: str) -> bool:
    """Whether ``path`` is a real directory (not a link) of this user that only they can write."""
    try:
        st = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid() and not st.st_mode & 0o022


# ------------------------------------------------------------------------------ the key
def _package_files() -> list[list[object]]:
    """Name, size and modification time of every file of cbkpi's package (compiled modules
    aside): an editable install changes its code without changing its version."""
    root = os.path.dirname(os.path.abspath(__file__))
    out: list[list[object]] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            st = os.stat(os.path.join(folder, name))
            out.append([os.path.relpath(os.path.join(folder, name), root), st.st_size, st.st_mtime_ns])
    return out


def _distributions() -> list[list[str]]:
    """The installed distributions (their versions are in the names) on every ``sys.path`` entry."""
    out = []
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        out.append([entry, *sorted(n for n in names if n.endswith((".dist-info", ".egg-info")))])
    return out


def _terminal() -> list[object]:
    out: list[object] = []
    for fd in (0, 1, 2):
        try:
            tty = os.isatty(fd)
        except OSError:
            tty = False
        try:
            size: object = list(os.get_terminal_size(fd))
        except (OSError, ValueError):
            size = None
        out.append([tty, size])
    for stream in (sys.stdout, sys.stderr):
        out.append([getattr(stream, "encoding", None), getattr(stream, "errors", None)])
    return out


def key(argv: list[str]) -> str:
    """The hex digest of everything but the consulted inputs a result depends on."""
    material = [
        FORMAT,
        __version__,
        sys.version,
        sys.executable,
        list(sys.flags),
        sys.path,
        _package_files(),
        _distributions(),
        argv,
        os.getcwd(),
        sorted([k, v] for k, v in os.environ.items() if k not in IGNORED_ENV),
        _terminal(),
    ]
    text = json.dumps(material, ensure_ascii=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("ascii")).hexdigest()


# ------------------------------------------------------------------------------ entries
def encode_entry(body: dict[str, Any]) -> bytes:
    """The bytes of an entry: ``{"sha256":"<digest of the body>","body":<body>}`` (valid JSON)."""
    raw = json.dumps(body, ensure_ascii=True, separators=(",", ":")).encode("ascii")
    return _PREFIX + hashlib.sha256(raw).hexdigest().encode("ascii") + _MIDDLE + raw + b"}"


def decode_entry(data: bytes) -> dict[str, Any] | None:
    """The body of an entry whose checksum holds, else None."""
    start = len(_PREFIX) + 64
    if not (data.startswith(_PREFIX) and data[start:].startswith(_MIDDLE) and data.endswith(b"}")):
        return None
    raw = data[start + len(_MIDDLE) : -1]
    if hashlib.sha256(raw).hexdigest().encode("ascii") != data[len(_PREFIX) : start]:
        return None
    try:
        body = json.loads(raw)
    except ValueError:
        return None
    return body if isinstance(body, dict) else None


def _events(body: dict[str, Any], digest: str) -> list[tuple[int, bytes | None]] | None:
    """The output events of a checked body, as bytes, if it has the shape this version writes
    and is the entry of ``digest``; else None."""
    events, inputs = body.get("events"), body.get("inputs")
    if not (
        body.get("key") == digest
        and body.get("exit") in CACHEABLE_EXITS
        and isinstance(events, list)
        and isinstance(inputs, list)
        and all(
            isinstance(i, list) and len(i) == 3 and i[0] in inputs_seen.HOW and isinstance(i[1], str) for i in inputs
        )
    ):
        return None
    out: list[tuple[int, bytes | None]] = []
    for event in events:
        if not (isinstance(event, list) and len(event) == 2 and event[0] in (1, 2)):
            return None
        fd, data = event
        if data is None:
            out.append((fd, None))
        elif isinstance(data, str):
            try:
                out.append((fd, data.encode("utf-8", "surrogateescape")))
            except UnicodeEncodeError:
                return None
        else:
            return None
    return out


def _entry_path(folder: str, digest: str) -> str:
    return os.path.join(folder, digest + ".json")


class Hit:
    """A verified entry: the output to write and the exit code."""

    def __init__(self, events: list[tuple[int, bytes | None]], code: int) -> None:
        self.events, self.code = events, code


def lookup(folder: str, digest: str) -> Hit | None:
    """The entry of ``digest`` if it exists, is intact and every input it recorded is unchanged."""
    path = _entry_path(folder, digest)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None  # no entry (the usual miss)
    try:
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        debug(f"cannot read {path}: {exc}")
        return None
    body = decode_entry(data)
    events = None if body is None else _events(body, digest)
    if body is None or events is None:
        debug(f"damaged entry removed: {path}")
        _remove(path)
        return None
    for how, name, state in body["inputs"]:
        try:
            now = inputs_seen.HOW[how](name)
        except (inputs_seen.Doubt, OSError, ValueError) as exc:
            debug(f"miss: {exc}")
            return None
        if now != state:
            debug(f"miss: {name} changed")
            return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: evicted last
    return Hit(events, body["exit"])


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def store(folder: str, digest: str, body: dict[str, Any]) -> None:
    """Write the entry atomically (a temporary file renamed in the folder), then evict."""
    os.makedirs(folder, mode=0o700, exist_ok=True)
    if not private(folder):
        debug(f"not used: {folder} is not a private directory of this user")
        return
    data = encode_entry(body)
    if len(data) > MAX_BYTES:
        return
    tmp = os.path.join(folder, f".{digest}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, _entry_path(folder, digest))
    except BaseException:
        _remove(tmp)
        raise
    evict(folder)


def evict(folder: str) -> None:
    """Remove the least recently used entries beyond :data:`MAX_ENTRIES` or :data:`MAX_BYTES`,
    and temporary files older than an hour (left by a process killed while writing)."""
    entries = []
    with os.scandir(folder) as it:
        for e in it:
            try:
                st = e.stat(follow_symlinks=False)
            except OSError:
                continue
            if e.name.endswith(".tmp"):
                if st.st_mtime_ns < time.time_ns() - 3600 * 10**9:
                    _remove(e.path)
            elif e.name.endswith(".json"):
                entries.append((st.st_mtime_ns, st.st_size, e.path))
    entries.sort(reverse=True)
    total = 0
    for i, (_mtime, size, path) in enumerate(entries):
        total += size
        if i >= MAX_ENTRIES or total > MAX_BYTES:
            _remove(path)


def clear(folder: str) -> int:
    """Remove every entry (and temporary file) of ``folder``; the number removed."""
    removed = 0
    try:
        with os.scandir(folder) as it:
            names = [e.path for e in it if e.name.endswith((".json", ".tmp"))]
    except OSError:
        return 0
    for path in names:
        _remove(path)
        removed += 1
    return removed


def info(folder: str) -> tuple[int, int]:
    """(entries, bytes) in the cache folder."""
    count = size = 0
    try:
        with os.scandir(folder) as it:
            for e in it:
                if e.name.endswith(".json"):
                    count += 1
                    size += e.stat(follow_symlinks=False).st_size
    except OSError:
        pass
    return count, size


# ------------------------------------------------------------------------------ replay
def replay(hit: Hit) -> None:
    """Write the recorded output as it was written (through the same buffers, flushed at the
    same points) and exit with the recorded code; a closed pipe or a failed write ends as on a
    miss (:mod:`cbkpi.streams`)."""
    for fd, data in hit.events:
        stream = (sys.stdout if fd == 1 else sys.stderr).buffer
        try:
            if data is None:
                stream.flush()
            else:
                stream.write(data)
        except BrokenPipeError:
            if fd == 1:
                raise streams.PipeClosed() from None
        except OSError as exc:
            if fd == 1:
                raise streams.WriteFailed(exc.strerror or str(exc)) from None
    sys.exit(hit.code)


# ------------------------------------------------------------------------------ recording
class _Tee(io.BufferedIOBase):
    """A binary stream that passes every write and flush to ``out`` and notes it."""

    def __init__(self, out: Any, fd: int, run: Run) -> None:
        super().__init__()
        self._out, self._fd, self._run = out, fd, run

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        try:
            written: int = self._out.write(data)
        except BaseException:
            self._run.broken = True
            raise
        self._run.note(self._fd, bytes(data))
        return len(data) if written is None else written

    def flush(self) -> None:
        if not self.closed:
            self._run.note(self._fd, None)
            try:
                self._out.flush()
            except BaseException:
                self._run.broken = True
                raise

    def isatty(self) -> bool:
        return bool(self._out.isatty())

    def fileno(self) -> int:
        return int(self._out.fileno())

    def close(self) -> None:  # the real stream stays open: the interpreter closes it
        if not self.closed:
            self.flush()
        super().close()


def _teed(stream: Any, fd: int, run: Run) -> io.TextIOWrapper:
    tee: Any = _Tee(stream.buffer, fd, run)
    return io.TextIOWrapper(
        tee,
        encoding=stream.encoding,
        errors=stream.errors,
        line_buffering=stream.line_buffering,
        write_through=stream.write_through,
    )


class Run:
    """A command run on a miss: its output is noted as written, its inputs as consulted."""

    def __init__(self, folder: str, digest: str) -> None:
        self.folder, self.digest = folder, digest
        self.events: list[list[Any]] = []
        self.size = 0
        self.captured = False
        self.watching = False
        self.broken = False
        """A write or flush failed: the exit code may say so (click turns a broken pipe into 1)."""
        self.interrupted = False
        """Ctrl-C: click may turn it into "Aborted!" and exit 1, which is no result."""
        self.inputs = inputs_seen.start()

    def note(self, fd: int, data: bytes | None) -> None:
        """A write (``data``) or a flush (None) of standard output (1) or error (2)."""
        if self.size > MAX_OUTPUT:
            return
        if data is None:
            self.events.append([fd, None])
            return
        self.size += len(data)
        if self.size > MAX_OUTPUT:
            self.events.clear()  # not stored: no need to hold it
        elif self.events and self.events[-1][0] == fd and self.events[-1][1] is not None:
            self.events[-1][1].append(data)
        else:
            self.events.append([fd, [data]])

    def recorded(self) -> list[list[Any]]:
        """The events as stored: each run of writes joined, as text (undecodable bytes kept as
        surrogates, so that the bytes come back exactly)."""
        return [
            [fd, None if chunks is None else b"".join(chunks).decode("utf-8", "surrogateescape")]
            for fd, chunks in self.events
        ]

    def capture(self) -> None:
        """Tee standard output and error from now on (behind :mod:`cbkpi.streams`' guard);
        streams that are not the interpreter's usual text files are left alone (not stored)."""
        inner = getattr(sys.stdout, "_stream", sys.stdout)
        try:
            out, err = _teed(inner, 1, self), _teed(sys.stderr, 2, self)
            inner.flush()
            sys.stderr.flush()
        except (AttributeError, OSError, ValueError) as exc:
            debug(f"not recorded: {exc}")
            return
        sys.stdout, sys.stderr = streams.GuardedStream(out), err
        self.captured = True
        import signal

        with contextlib.suppress(ValueError, OSError):  # not the main thread: no handler, no store
            signal.signal(signal.SIGINT, self._interrupt)
            self.watching = True

    def _interrupt(self, signum: int, frame: Any) -> None:
        import signal

        self.interrupted = True
        signal.default_int_handler(signum, frame)

    def finish(self, code: object) -> None:
        """Store the result if the command allowed it, exited 0 or 1, and its inputs did not
        change while it ran. Flushes both streams first (their failures propagate)."""
        sys.stdout.flush()
        try:
            sys.stderr.flush()
        except (OSError, ValueError):
            return
        code = 0 if code is None else code
        try:
            self._store(code)
        except Exception as exc:  # the cache must never break a command that worked
            debug(f"not stored: {type(exc).__name__}: {exc}")

    def _store(self, code: object) -> None:
        why = self._refusal(code)
        if why is not None:
            debug(f"not stored: {why}")
            return
        body = {
            "key": self.digest,
            "version": __version__,
            "inputs": [[how, path, state] for (how, path), state in self.inputs.seen.items()],
            "events": self.recorded(),
            "exit": code,
        }
        try:
            store(self.folder, self.digest, body)
        except (OSError, ValueError) as exc:
            debug(f"not stored: {exc}")

    def _refusal(self, code: object) -> str | None:
        if not (self.captured and self.watching):
            return "the output was not recorded"
        if self.broken or self.interrupted:
            return "a write failed or the command was interrupted"
        if self.inputs.cacheable is not True:
            return "the command is not cacheable"
        if code not in CACHEABLE_EXITS:
            return f"exit code {code}"
        if self.size > MAX_OUTPUT:
            return "output too large"
        if self.inputs.doubt is not None:
            return self.inputs.doubt
        if not self.inputs.unchanged():
            return "an input changed while the command ran"
        return None


def start(argv: list[str]) -> Run | None:
    """On a hit, replay and exit; on a miss, the :class:`Run` to record (None: no cache)."""
    if not enabled(argv) or not argv:
        return None
    folder = directory()
    if folder is None:
        debug("not used: no home directory")
        return None
    try:
        digest = key(argv)
    except (OSError, ValueError) as exc:
        debug(f"not used: {exc}")
        return None
    if private(folder):
        hit = lookup(folder, digest)
        if hit is not None:
            replay(hit)
    elif os.path.lexists(folder):
        debug(f"not used: {folder} is not a private directory of this user")
        return None
    return Run(folder, digest)
