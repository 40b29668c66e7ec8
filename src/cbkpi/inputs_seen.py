"""Every input a command consults, in one place: what the result cache (:mod:`cbkpi.cache`)
verifies before it replays a result.

The pipeline calls :func:`read` before reading a file, :func:`tree` before walking a folder
(or testing that it is one) and :func:`identity` before comparing two paths. While a command
is recorded (:func:`start`), each call notes the path's state at that moment: its kind
(regular file, directory, missing, other) and resolved path; for a file its device, inode, size
and the sha256 of its content; for a folder the kind of every entry below it. Otherwise the
calls do nothing. A state that cannot be taken (permission denied, too many entries) makes the
run uncacheable: when in doubt, nothing is stored.

Standard library only (os, stat, hashlib): the cache's fast path imports it before the CLI.
"""

from __future__ import annotations

import hashlib
import os
import stat

PathArg = str | os.PathLike[str]
State = list[object]
"""A path's state as JSON-ready data (lists, strings, integers, None): compared with ``==``."""

HASH_LIMIT = 256 * 1024 * 1024
"""cbkpi.yamlread.MAX_FILE_BYTES (a test checks they agree; that module is too heavy to import
here): the reader's default size limit. The reader refuses a file larger than its limit
(:func:`size_limit`) from its size alone, so the size (in every file's state) decides the
outcome and such a file is not hashed; of any other file the bytes the reader reads at most,
the limit plus one, are hashed."""
LIMIT_ENV = "CBKPI_MAX_FILE_BYTES"
"""Environment variable with another size limit in bytes, from 1 to :data:`LIMIT_CEILING`."""
LIMIT_CEILING = (1 << 32) - 1


def size_limit() -> int | None:
    """The reader's size limit: :data:`LIMIT_ENV` when set, else :data:`HASH_LIMIT`; None when
    the variable is not a whole number from 1 to :data:`LIMIT_CEILING` (the reader refuses)."""
    text = os.environ.get(LIMIT_ENV, "").strip()
    if not text:
        return HASH_LIMIT
    if text.isascii() and text.isdigit() and len(text) <= 10 and 1 <= int(text) <= LIMIT_CEILING:
        return int(text)
    return None


_CHUNK = 1024 * 1024
MAX_ENTRIES = 100_000
"""Entries of a walked folder recorded at most; a larger tree makes the run uncacheable."""


class Doubt(Exception):
    """A state could not be taken: the run is not stored (recording) or is a miss (verifying)."""


def _kind(mode: int) -> str:
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "dir"
    return "other"


def _stat(path: str) -> os.stat_result | None:
    """``os.stat`` (following links); None when nothing is there."""
    try:
        return os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except (OSError, ValueError) as exc:
        raise Doubt(f"{path}: {exc}") from None


def _digest(path: str, st: os.stat_result) -> str | None:
    limit = size_limit() or 0  # an invalid limit refuses every file: no content matters
    if st.st_size > limit:
        return None
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise Doubt(f"{path}: {exc}") from None
    digest = hashlib.sha256()
    left = limit + 1
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise Doubt(f"{path}: no longer a regular file")
        while left > 0:
            chunk = handle.read(min(left, _CHUNK))
            if not chunk:
                break
            digest.update(chunk)
            left -= len(chunk)
    return digest.hexdigest()


def identity_state(path: str) -> State:
    """Kind, resolved path, device and inode (what tells two names of one file apart)."""
    st = _stat(path)
    if st is None:
        return ["missing", os.path.realpath(path)]
    return [_kind(st.st_mode), os.path.realpath(path), st.st_dev, st.st_ino]


def read_state(path: str) -> State:
    """:func:`identity_state`, and for a regular file its size and the sha256 of its content."""
    st = _stat(path)
    if st is None or not stat.S_ISREG(st.st_mode):  # never opened: a FIFO would block
        return identity_state(path)
    return ["file", os.path.realpath(path), st.st_dev, st.st_ino, st.st_size, _digest(path, st)]


def tree_state(path: str) -> State:
    """:func:`identity_state`, and for a directory every entry below it, symbolic links to
    folders followed (once each), with whether it is a link and the kind it leads to."""
    state = identity_state(path)
    if state[0] != "dir":
        return state
    entries: list[list[object]] = []
    seen: set[str] = set()
    _walk(path, "", entries, seen)
    return [*state, entries]


def _walk(root: str, rel: str, entries: list[list[object]], seen: set[str]) -> None:
    folder = os.path.join(root, rel) if rel else root
    real = os.path.realpath(folder)
    if real in seen:
        entries.append([rel, "loop"])
        return
    seen.add(real)
    try:
        with os.scandir(folder) as it:
            names = sorted((e.name, e.is_symlink()) for e in it)
    except OSError as exc:
        raise Doubt(f"{folder}: {exc}") from None
    for name, link in names:
        sub = f"{rel}/{name}" if rel else name
        st = _stat(os.path.join(root, sub))
        kind = "missing" if st is None else _kind(st.st_mode)
        entries.append([sub, kind, link])
        if len(entries) > MAX_ENTRIES:
            raise Doubt(f"{root}: more than {MAX_ENTRIES:,} entries")
        if kind == "dir":
            _walk(root, sub, entries, seen)


HOW = {"read": read_state, "tree": tree_state, "identity": identity_state}
"""The ways a path is consulted, by name (as stored in a cache entry)."""


class Recorder:
    """The inputs one run consulted, each with its state when first consulted."""

    def __init__(self) -> None:
        self.seen: dict[tuple[str, str], State] = {}
        self.cacheable: bool | None = None
        """None: the command did not say (not stored); True: it may be; False: it may not."""
        self.doubt: str | None = None

    def note(self, how: str, path: PathArg) -> None:
        key = (how, os.fspath(path))
        if key in self.seen or self.doubt is not None:
            return
        try:
            self.seen[key] = HOW[how](key[1])
        except (Doubt, OSError, ValueError) as exc:
            self.doubt = str(exc)

    def unchanged(self) -> bool:
        """Whether every input is still as it was first seen (nothing changed during the run)."""
        try:
            return all(HOW[how](path) == state for (how, path), state in self.seen.items())
        except (Doubt, OSError, ValueError):
            return False


_recorder: Recorder | None = None


def start() -> Recorder:
    """Record the inputs of this process's command from now on."""
    global _recorder
    _recorder = Recorder()
    return _recorder


def read(path: PathArg) -> None:
    """``path`` is about to be read as a data file."""
    if _recorder is not None:
        _recorder.note("read", path)


def tree(path: PathArg) -> None:
    """The folder ``path`` (or its absence) is about to be consulted or walked."""
    if _recorder is not None:
        _recorder.note("tree", path)


def identity(path: PathArg) -> None:
    """Which file ``path`` names is about to be consulted (files given twice)."""
    if _recorder is not None:
        _recorder.note("identity", path)


def cacheable(allowed: bool) -> None:
    """The command says whether its result may be cached (``--no-cache`` says no); a no stays."""
    if _recorder is not None and _recorder.cacheable is not False:
        _recorder.cacheable = allowed
