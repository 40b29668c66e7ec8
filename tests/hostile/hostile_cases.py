"""Hostile inputs for the cbkpi command line, shared by test_hostile.py and report.py.

Each :class:`Case` builds its input inside a scratch directory, names the command to run there
and says what must come out: the exit code, the text that locates the problem (file name and
``:LINE:``), and the time and memory the child may use. Inputs are generated, never committed.
"""

from __future__ import annotations

import os
import random
import resource
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"
TARGETS = DATA / "targets_2025.yaml"

MEMORY_LIMIT = 1024**3
"""Address-space limit of every child (RLIMIT_AS): a runaway allocation fails instead of
swapping the machine."""
DEFAULT_TIMEOUT = 60.0

# A small valid targets file whose line numbers the cases below rely on.
MINIMAL = """\
source: {title: "T", publisher: "P", date: 2020-05-28}
term: {start: 2020, end: 2025}
kind: targets
indicators:
  - id: forest_cover
    number: "1"
    name: {vi: "Che phu rung", en: "Forest cover"}
    area: environment
    unit: percent
    baseline:
      year: 2020
      value: 55
      estimate: true
      ref: {line: 10, quote: "q"}
    targets:
      - kind: level
        comparator: reach
        value: 60
        year: 2025
        ref: {line: 20, quote: "q"}
"""
MIN_LINES = MINIMAL.splitlines()


def edit(replacements: dict[int, str | None], text: str = MINIMAL) -> str:
    """MINIMAL with 1-based lines replaced (``None`` deletes the line)."""
    lines = text.splitlines()
    out = [replacements.get(i, line) for i, line in enumerate(lines, 1)]
    return "\n".join(line for line in out if line is not None) + "\n"


def insert_after(n: int, new: str, text: str = MINIMAL) -> str:
    lines = text.splitlines()
    return "\n".join([*lines[:n], new, *lines[n:]]) + "\n"


# ------------------------------------------------------------------------------ running
@dataclass
class Run:
    code: int
    """Exit code; negative for a signal (``-9`` killed, ``-6`` aborted)."""
    stdout: str
    stderr: str
    seconds: float
    max_rss_mb: float
    timed_out: bool = False

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_cbkpi(args: Sequence[str], cwd: Path, timeout: float = DEFAULT_TIMEOUT, lang: str | None = None) -> Run:
    """``python -m cbkpi ARGS`` in ``cwd`` under the memory limit; the child's own peak RSS
    comes from ``os.wait4`` on its pid. ``lang``: ``CBKPI_LANG`` for the child (the language
    of its messages, and the default of ``--lang``)."""
    env = {**os.environ, "COLUMNS": "120"}
    env.pop("CBKPI_DEBUG", None)
    if lang is not None:
        env["CBKPI_LANG"] = lang
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, "-m", "cbkpi", *args],
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            env=env,
            preexec_fn=_limit_memory,
        )
        timed_out = False
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - start > timeout:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                timed_out = True
                break
            time.sleep(0.01)
        seconds = time.monotonic() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # keep Popen from waiting again
        out.seek(0)
        err.seek(0)
        return Run(
            proc.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            seconds,
            usage.ru_maxrss / 1024,
            timed_out,
        )


# ------------------------------------------------------------------------------ cases
@dataclass
class Case:
    id: str
    build: Callable[[Path], list[str]]
    """Writes the inputs under the directory and returns the cbkpi arguments."""
    code: int
    lines: tuple[int, ...] = ()
    """``FILE:LINE:`` that must appear (any of these lines), FILE being ``file``."""
    file: str = "in.yaml"
    expect: tuple[str, ...] = ()
    """Text that must appear in the output (case-insensitive)."""
    max_seconds: float = 20.0
    max_rss_mb: float = 400.0
    check: Callable[[Path], str | None] | None = None
    """Extra check after the run: returns a complaint or None."""
    skip: Callable[[], str | None] | None = None
    tags: tuple[str, ...] = field(default_factory=tuple)


def write(text: str | bytes, name: str = "in.yaml") -> Callable[[Path], list[str]]:
    def build(d: Path) -> list[str]:
        p = d / name
        if isinstance(text, bytes):
            p.write_bytes(text)
        else:
            p.write_text(text, encoding="utf-8")
        return ["validate", name]

    return build


def with_command(command: str, build: Callable[[Path], list[str]]) -> Callable[[Path], list[str]]:
    def run(d: Path) -> list[str]:
        args = build(d)
        return [command, *args[1:]]

    return run


def _truncated(d: Path) -> list[str]:
    raw = TARGETS.read_bytes()
    mid = len(raw) // 2
    start = raw.rfind(b"\n", 0, mid) + 1
    end = raw.find(b"\n", mid)
    cut = start + (end - start) // 2  # the middle of the line that holds the middle byte
    while raw[cut] & 0xC0 == 0x80:  # not inside a UTF-8 sequence
        cut -= 1
    (d / "in.yaml").write_bytes(raw[:cut])
    return ["validate", "in.yaml"]


def truncated_line() -> int:
    raw = TARGETS.read_bytes()
    return raw.count(b"\n", 0, len(raw) // 2) + 1


def _anchored_copy(d: Path) -> list[str]:
    """The bundled targets file with its term years anchored and every baseline/target year of
    2020 and 2025 written as an alias, plus an anchored mapping reused by alias."""
    text = TARGETS.read_text(encoding="utf-8")
    text = text.replace("term: {start: 2020, end: 2025}", "term: {start: &start 2020, end: &end 2025}", 1)
    text = text.replace("      year: 2020\n", "      year: *start\n")
    text = text.replace("        year: 2025\n", "        year: *end\n")
    assert "*start" in text and "*end" in text
    (d / "in.yaml").write_text(text, encoding="utf-8")
    return ["validate", "in.yaml"]


def _share_line() -> int:
    """The line of the first share of the bundled economic structure (a share group)."""
    lines = TARGETS.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if "share_group: economic_structure" in line)
    return (
        next(
            i
            for i in range(start, len(lines))
            if lines[i].strip().startswith("value:") and "kind: level" in lines[i - 2]
        )
        + 1
    )


def _share_tiny(d: Path) -> list[str]:
    """A share of the 2025 economic structure written as 1.0e-999999999: the sum of the group
    once crashed the checks (decimal.InvalidOperation, exit 3)."""
    lines = TARGETS.read_text(encoding="utf-8").splitlines()
    n = _share_line() - 1
    indent = lines[n][: len(lines[n]) - len(lines[n].lstrip())]
    lines[n] = indent + "value: 1.0e-999999999"
    (d / "in.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ["validate", "in.yaml"]


def _bom_copy(d: Path) -> list[str]:
    (d / "in.yaml").write_bytes(b"\xef\xbb\xbf" + TARGETS.read_bytes())
    return ["validate", "in.yaml"]


def _bomb(levels: int = 9, width: int = 10) -> str:
    lines = [f"a0: &a0 [{', '.join(['lol'] * width)}]"]
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]")
    return "\n".join(lines) + "\n"


def _pwned(d: Path) -> str | None:
    found = [p for p in (d / "PWNED", REPO / "PWNED", Path.cwd() / "PWNED") if p.exists()]
    return f"the tag was executed: {found}" if found else None


def _big_file(d: Path) -> list[str]:
    # 300 MB, beyond the 256 MB limit: a sparse file (no disk used), refused before any read.
    with (d / "in.yaml").open("wb") as f:
        f.write(b"source: x\n")
        f.truncate(300 * 1024 * 1024)
    return ["validate", "in.yaml"]


def _directory(d: Path) -> list[str]:
    (d / "in.yaml").mkdir()
    return ["validate", "in.yaml"]


def _unreadable(d: Path) -> list[str]:
    p = d / "in.yaml"
    p.write_text(MINIMAL, encoding="utf-8")
    p.chmod(0)
    return ["validate", "in.yaml"]


def _root() -> str | None:
    return "running as root: root reads a file without read permission" if os.geteuid() == 0 else None


def _two_files(d: Path) -> list[str]:
    (d / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    (d / "in.yaml").write_text(MINIMAL, encoding="utf-8")
    return ["validate", "a.yaml", "in.yaml"]


def _random_bytes(nul: bool) -> bytes:
    rng = random.Random(20250101 + nul)
    raw = bytearray(rng.randbytes(8192))
    if nul:
        raw[100] = 0
    else:
        raw = bytearray(b or 1 for b in raw)
    return bytes(raw)


def _head() -> str:
    return "\n".join(MIN_LINES[:3]) + "\n"


CASES: list[Case] = [
    # -- YAML syntax --------------------------------------------------------------------
    Case(
        "syntax-unclosed-flow-mapping",
        write(edit({7: '    name: {vi: "Che phu rung", en: "Forest cover"'})),
        1,
        lines=(7, 8),
        expect=("syntax error", "started at line 7"),
    ),
    Case(
        "syntax-unclosed-flow-sequence",
        write(edit({14: '      ref: [10, "q"'})),
        1,
        lines=(14, 15),
        expect=("syntax error", "started at line 14"),
    ),
    Case(
        "syntax-bad-indentation-dedent", write(edit({9: "   unit: percent"})), 1, lines=(9,), expect=("syntax error",)
    ),
    Case(
        "syntax-bad-indentation-indent",
        write(edit({9: "      unit: percent"})),
        1,
        lines=(9,),
        expect=("syntax error",),
    ),
    # A quote left open mid-file is closed by the next quote (line 7): YAML only notices there.
    Case("syntax-unclosed-quote", write(edit({6: '    number: "1'})), 1, lines=(6, 7), expect=("syntax error",)),
    Case(
        "syntax-unclosed-quote-at-end",
        write(MINIMAL + '        note: "never closed\n'),
        1,
        lines=(21, 22),
        expect=("syntax error", "quoted scalar started at line 21"),
    ),
    Case("syntax-stray-colon", write(edit({8: "    area: environment: x"})), 1, lines=(8,), expect=("syntax error",)),
    Case("syntax-tab-indentation", write(edit({9: "\tunit: percent"})), 1, lines=(9,), expect=("tab",)),
    Case("syntax-tab-after-dash", write(edit({16: "      -\tkind: level"})), 1, lines=(16,), expect=("syntax error",)),
    Case("syntax-tabs-everywhere", write(MINIMAL.replace("  ", "\t")), 1, lines=(5,), expect=("syntax error",)),
    Case(
        "syntax-control-character",
        write(edit({7: '    name: {vi: "Che \x07phu", en: "Forest cover"}'})),
        1,
        lines=(7,),
        expect=("#x0007",),
    ),
    Case("syntax-unknown-alias", write(edit({12: "      value: *nowhere"})), 1, lines=(12,), expect=("unknown alias",)),
    Case(
        "syntax-complex-key",
        write(edit({8: "    ? [area]\n    : environment"})),
        1,
        lines=(8,),
        expect=("plain scalar",),
    ),
    Case("syntax-merge-key", write(insert_after(8, "    <<: {unit: percent}")), 1, lines=(9,), expect=("merge keys",)),
    Case(
        "syntax-error-json-format",
        with_command("validate", write(edit({8: "    area: environment: x"}))),
        1,
        expect=('"line": 8', '"file": "in.yaml"'),
    ),
    Case(
        "syntax-error-github-format",
        write(edit({8: "    area: environment: x"})),
        1,
        expect=("::error file=in.yaml,line=8",),
    ),
    Case("truncated-mid-line", _truncated, 1, lines=tuple(range(truncated_line() - 12, truncated_line() + 2))),
    # -- empty and wrong shapes -----------------------------------------------------------
    Case("empty-file", write(""), 1, lines=(1,), expect=("empty",)),
    Case("only-comments", write("# nothing\n# here\n"), 1, lines=(1,), expect=("empty",)),
    Case("top-level-list", write("- a\n- b\n"), 1, lines=(1,), expect=("top level is a list",)),
    Case("top-level-scalar", write("hello\n"), 1, lines=(1,), expect=("top level",)),
    Case("multi-document", write(MINIMAL + "---\n" + MINIMAL), 1, lines=(21,), expect=("second yaml document",)),
    # -- wrong types at several levels ----------------------------------------------------
    Case("type-indicators-string", write(_head() + 'indicators: "none"\n'), 1, lines=(4,), expect=("expected a list",)),
    Case(
        "type-target-value-string",
        write(edit({18: '        value: "sixty"'})),
        1,
        lines=(18,),
        expect=("expected a number",),
    ),
    Case("type-year-float", write(edit({19: "        year: 2025.0"})), 1, lines=(19,), expect=("whole number",)),
    Case(
        "type-ref-line-string",
        write(edit({20: '        ref: {line: "20", quote: "q"}'})),
        1,
        lines=(20,),
        expect=("whole number",),
    ),
    Case(
        "type-baseline-list",
        write(edit({10: "    baseline: [2020, 55]", 11: None, 12: None, 13: None, 14: None})),
        1,
        lines=(10,),
        expect=("baseline",),
    ),
    Case("type-name-scalar", write(edit({7: "    name: Forest cover"})), 1, lines=(7,), expect=("name",)),
    # -- numbers that make no sense -------------------------------------------------------
    Case("number-nan", write(edit({18: "        value: .nan"})), 1, lines=(18,), expect=("finite",)),
    Case("number-inf", write(edit({18: "        value: .inf"})), 1, lines=(18,), expect=("finite",)),
    Case("number-minus-inf", write(edit({12: "      value: -.inf"})), 1, lines=(12,), expect=("finite",)),
    Case(
        "number-1e400-plain", write(edit({18: "        value: 1e400"})), 1, lines=(18,), expect=("expected a number",)
    ),
    Case(
        "number-1.0e+400",
        write(edit({9: "    unit: billion_usd", 18: "        value: 1.0e+400"})),
        1,
        lines=(18,),
        expect=("out of range",),
    ),
    Case(
        "number-400-digit-integer",
        write(edit({9: "    unit: billion_usd", 18: "        value: " + "9" * 400})),
        1,
        lines=(18,),
        expect=("out of range",),
    ),
    Case(
        "number-5000-digit-integer",
        write(edit({18: "        value: " + "9" * 5000})),
        1,
        lines=(18,),
        expect=("invalid number",),
    ),
    Case(
        "number-tiny-1.0e-999999999",
        write(edit({12: "      value: 1.0e-999999999"})),
        1,
        lines=(12,),
        expect=("out of range",),
    ),
    Case("number-tiny-in-share-group-bundled-copy", _share_tiny, 1, lines=(_share_line(),), expect=("out of range",)),
    Case(
        "number-1.0e+400-status-json",
        with_command("status", write(edit({9: "    unit: billion_usd", 18: "        value: 1.0e+400"}))),
        1,
        lines=(18,),
        expect=("out of range",),
    ),
    Case("number-negative-percent", write(edit({12: "      value: -5"})), 1, lines=(12,), expect=("below 0",)),
    Case("number-share-over-100", write(edit({18: "        value: 150"})), 1, lines=(18,), expect=("above 100",)),
    Case(
        "number-negative-ref-line",
        write(edit({20: "        ref: {line: -3, quote: q}"})),
        1,
        lines=(20,),
        expect=("-3 is too small: expected at least 1",),
    ),
    # -- duplicates -----------------------------------------------------------------------
    Case(
        "duplicate-key-top-level",
        write(insert_after(3, "kind: results")),
        1,
        lines=(4,),
        expect=("duplicate key 'kind'", "first at line 3"),
    ),
    Case(
        "duplicate-key-in-indicator",
        write(insert_after(8, "    area: economy")),
        1,
        lines=(9,),
        expect=("duplicate key 'area'", "first at line 8"),
    ),
    Case(
        "duplicate-key-in-target",
        write(insert_after(19, "        year: 2024")),
        1,
        lines=(20,),
        expect=("duplicate key 'year'", "first at line 19"),
    ),
    Case(
        "duplicate-id-in-file",
        write(MINIMAL + "\n".join(MIN_LINES[4:]) + "\n"),
        1,
        lines=(21,),
        expect=("duplicate indicator id 'forest_cover'", "first at line 5"),
    ),
    Case("duplicate-id-across-files", _two_files, 1, lines=(5,), expect=("also defined in a.yaml:5",)),
    # -- anchors, aliases, tags -----------------------------------------------------------
    Case("anchors-aliases-legit-bundled-copy", _anchored_copy, 0, expect=("ok: 1 file(s) valid",)),
    Case(
        "anchors-aliases-legit-mapping",
        write(edit({14: "      ref: &r {line: 10, quote: q}", 20: "        ref: *r"})),
        0,
        expect=("ok: 1 file(s) valid",),
    ),
    Case(
        "alias-bomb-billion-laughs",
        write(_bomb()),
        1,
        lines=tuple(range(1, 10)),
        expect=("2,000,000 values",),
        max_seconds=5,
        max_rss_mb=250,
    ),
    Case(
        "tag-python-object-apply",
        write('x: !!python/object/apply:os.system ["touch PWNED"]\n'),
        1,
        lines=(1,),
        expect=("not allowed",),
        check=_pwned,
    ),
    Case(
        "tag-python-object-apply-top-level",
        write('!!python/object/apply:os.system ["touch PWNED"]\n'),
        1,
        lines=(1,),
        expect=("not allowed",),
        check=_pwned,
    ),
    Case(
        "tag-python-object-apply-mapping",
        write("x: !!python/object/apply:os.system\n  args: [touch PWNED]\n"),
        1,
        lines=(1,),
        expect=("not allowed",),
        check=_pwned,
    ),
    Case(
        "tag-python-object-new",
        write('x: !!python/object/new:os.system ["touch PWNED"]\n'),
        1,
        lines=(1,),
        expect=("not allowed",),
        check=_pwned,
    ),
    Case("tag-python-name", write("x: !!python/name:os.system\n"), 1, lines=(1,), expect=("not allowed",)),
    Case("tag-custom-local", write(edit({18: "        value: !custom 60"})), 1, lines=(18,), expect=("not allowed",)),
    # -- nesting --------------------------------------------------------------------------
    Case(
        "deep-nested-flow-lists-10000",
        write("[" * 10_000 + "]" * 10_000 + "\n"),
        1,
        lines=(1,),
        expect=("nesting",),
        max_seconds=5,
    ),
    Case(
        "deep-nested-flow-mappings-10000",
        write("{a: " * 10_000 + "1" + "}" * 10_000 + "\n"),
        1,
        lines=(1,),
        expect=("nesting",),
        max_seconds=5,
    ),
    Case(
        "deep-nested-block-mappings-3000",
        write("".join(" " * i + "k:\n" for i in range(3000)) + " " * 3000 + "v\n"),
        1,
        lines=(65,),
        expect=("deeper than 64",),
        max_seconds=5,
    ),
    Case(
        "deep-nested-block-sequences-10000",
        write("- " * 10_000 + "x\n"),
        1,
        lines=(1,),
        expect=("deeper than 64",),
        max_seconds=5,
    ),
    # -- encodings and bytes --------------------------------------------------------------
    Case("utf8-bom-bundled-copy", _bom_copy, 0, expect=("ok: 1 file(s) valid",)),
    Case(
        "latin1-bytes",
        write(edit({7: '    name: {vi: "Cao B\udce8ng", en: "x"}'}).encode("utf-8", "surrogateescape")),
        1,
        lines=(7,),
        expect=("not valid utf-8",),
    ),
    Case("latin1-bytes-first-line", write(b"name: Cao B\xe8ng"), 1, lines=(1,), expect=("0xe8",)),
    Case("utf16-file", write(MINIMAL.encode("utf-16")), 1, lines=(1,), expect=("save it as utf-8",)),
    Case("binary-garbage-with-nul", write(_random_bytes(nul=True)), 1, expect=("in.yaml:", "binary")),
    Case("binary-garbage-no-nul", write(_random_bytes(nul=False)), 1, expect=("in.yaml:",)),
    # -- size -----------------------------------------------------------------------------
    Case(
        "file-300mb",
        _big_file,
        1,
        # 256 MB = 256 * 1024 * 1024 = 268,435,456 bytes; 300 MB = 314,572,800 bytes
        expect=("in.yaml", "file is 314,572,800 bytes; the limit is 268,435,456 bytes"),
        max_seconds=5,
        max_rss_mb=150,
    ),
    Case(
        "junk-list-300k-empty-mappings",
        write(_head() + "indicators: [" + "{}," * 300_000 + "{}]\n"),
        1,
        lines=(4,),
        expect=("checking stopped at the first errors",),
        max_seconds=20,
        max_rss_mb=500,
    ),
    Case(
        "junk-list-500k-integers",
        write(_head() + "indicators: [" + "1," * 500_000 + "1]\n"),
        1,
        lines=(4,),
        expect=("checking stopped at the first errors",),
        max_seconds=20,
        max_rss_mb=500,
    ),
    Case(
        "junk-mapping-200k-keys",
        write(
            _head().replace("source: {", "source: {" + "".join(f"k{i}: 1, " for i in range(200_000)), 1)
            + "indicators: []\n"
        ),
        1,
        lines=(1,),
        expect=("200,003 keys",),
        max_seconds=20,
        max_rss_mb=500,
    ),
    # -- files that cannot be read --------------------------------------------------------
    Case("directory-as-file", _directory, 2, expect=("in.yaml", "is a directory")),
    Case("missing-file", lambda d: ["validate", "in.yaml"], 2, expect=("in.yaml", "no such file")),
    Case("no-read-permission", _unreadable, 2, expect=("in.yaml", "permission denied"), skip=_root),
    # -- the other commands on a broken file ----------------------------------------------
    Case(
        "status-json-broken-file",
        with_command("status", write(edit({8: "    area: environment: x"}))),
        1,
        lines=(8,),
        expect=("syntax error",),
    ),
    Case(
        "status-table-bad-value",
        with_command("status", write(edit({18: '        value: "sixty"'}))),
        1,
        lines=(18,),
        expect=("not valid",),
    ),
    Case("status-missing-file", lambda d: ["status", "in.yaml", "--format", "json"], 2, expect=("no such file",)),
    Case(
        "audit-broken-file",
        with_command("audit", write(edit({8: "    area: environment: x"}))),
        1,
        lines=(8,),
        expect=("syntax error",),
    ),
    Case(
        "audit-duplicate-key",
        with_command("audit", write(insert_after(3, "kind: results"))),
        1,
        lines=(4,),
        expect=("duplicate key",),
    ),
]

# Options some cases add to the command built above.
_EXTRA_ARGS = {
    "syntax-error-json-format": ["--format", "json"],
    "syntax-error-github-format": ["--format", "github"],
    "status-json-broken-file": ["--format", "json"],
    "number-1.0e+400-status-json": ["--format", "json"],
}


# -- issue 12: special files, injection, extremes --------------------------------------------
def _fifo(d: Path) -> list[str]:
    os.mkfifo(d / "in.yaml")
    return ["validate", "in.yaml"]


def _socket(d: Path) -> list[str]:
    import socket

    here = Path.cwd()
    os.chdir(d)  # a relative name: socket paths are limited to about 100 bytes
    try:
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind("in.yaml")
    finally:
        os.chdir(here)
    return ["validate", "in.yaml"]


def _dev_zero_in_data(d: Path) -> list[str]:
    (d / "data").mkdir()
    (d / "data" / "in.yaml").symlink_to("/dev/zero")
    return ["validate", "--data-dir", "data"]


def _export_onto(make_node: Callable[[Path], None]) -> Callable[[Path], list[str]]:
    """``export -o node`` where ``node`` is made by ``make_node`` in the scratch directory (never
    /dev/null itself: code that replaced the node would break the machine's /dev/null)."""

    def build(d: Path) -> list[str]:
        (d / "t.yaml").write_text(MINIMAL, encoding="utf-8")
        make_node(d / "node")
        return ["export", "t.yaml", "--format", "csv", "-o", "node"]

    return build


def _null_device(path: Path) -> None:
    os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # the same device as /dev/null


def _node_intact(test: Callable[[int], bool], what: str) -> Callable[[Path], str | None]:
    def check(d: Path) -> str | None:
        return None if test(os.lstat(d / "node").st_mode) else f"the output node is no longer {what}"

    return check


def _not_root() -> str | None:
    return None if os.geteuid() == 0 else "making a device node needs root"


def _evil_name(d: Path) -> list[str]:
    name = "in.yaml\n::error file=forged.yaml,line=1::forged\x1b[2J"
    (d / name).write_text(edit({8: "    area: environment: x"}), encoding="utf-8")
    return ["validate", name]


_LONG_TITLE = "x" * 10_000_000
_LONG_LINE = 'source: {title: "' + _LONG_TITLE + '", publisher: "P", date: 2020-05-28, bogus: 1}'
# 'source: {title: "' is 17 characters, then the title, then '", publisher: "P", date: 2020-05-28, '
# (37 characters): 'bogus' starts at column 17 + 10,000,000 + 37 + 1 = 10,000,055.
_LONG_COLUMN = 17 + 10_000_000 + 37 + 1


def _huge_line(d: Path) -> list[str]:
    assert _LONG_LINE.index("bogus") + 1 == _LONG_COLUMN
    (d / "in.yaml").write_text(_LONG_LINE + "\n" + "\n".join(MIN_LINES[1:]) + "\n", encoding="utf-8")
    return ["validate", "in.yaml"]


CASES += [
    # -- special files (exit 2, never blocking, never reading without limit) ---------------
    Case("fifo-as-data-file", _fifo, 2, expect=("in.yaml", "named pipe"), max_seconds=10),
    Case("socket-as-data-file", _socket, 2, expect=("in.yaml", "socket"), max_seconds=10),
    Case(
        "data-dir-symlink-to-dev-zero",
        _dev_zero_in_data,
        2,
        expect=("in.yaml", "character device"),
        max_seconds=10,
        max_rss_mb=150,
    ),
    Case(
        "export-onto-character-device",
        _export_onto(_null_device),
        2,
        expect=("node is a character device",),
        check=_node_intact(stat.S_ISCHR, "a character device"),
        skip=_not_root,
    ),
    Case(
        "export-onto-fifo",
        _export_onto(os.mkfifo),
        2,
        expect=("node is a named pipe",),
        check=_node_intact(stat.S_ISFIFO, "a named pipe"),
        max_seconds=10,
    ),
    # -- injection: a file name cannot forge a diagnostic or a GitHub command ---------------
    Case(
        "file-name-with-newline-and-escape",
        _evil_name,
        1,
        expect=("in.yaml\\n::error file=forged.yaml,line=1::forged\\x1b[2J:8:",),
    ),
    Case(
        "file-name-with-newline-github",
        with_command("validate", _evil_name),
        1,
        expect=("::error file=in.yaml%0A%3A%3Aerror file=forged.yaml%2Cline=1%3A%3Aforged\\x1b[2J,line=8,",),
    ),
    # -- extremes ---------------------------------------------------------------------------
    Case(
        "number-base-60-int",
        write(edit({18: "        value: 5:04"})),
        1,
        lines=(18,),
        expect=("'5:04' is a base-60 number", "quote it"),
    ),
    Case(
        "number-base-60-three-parts",
        write(edit({12: "      value: 1:30:00"})),
        1,
        lines=(12,),
        expect=("'1:30:00' is a base-60 number",),
    ),
    Case(
        "number-base-60-float",
        write(edit({12: "      value: 1:30.5"})),
        1,
        lines=(12,),
        expect=("'1:30.5' is a base-60 number",),
    ),
    Case(
        "huge-line-real-column",
        _huge_line,
        1,
        lines=(1,),
        expect=(f"in.yaml:1:{_LONG_COLUMN}:", "unknown key 'bogus'"),
        max_seconds=30,
        max_rss_mb=600,
    ),
    Case(
        "huge-value-echo-capped",
        write(edit({8: '    area: "' + "y" * 5_000_000 + '"'})),
        1,
        lines=(8,),
        expect=("yyyy…",),
        max_seconds=30,
        max_rss_mb=600,
    ),
]
_EXTRA_ARGS["file-name-with-newline-github"] = ["--format", "github"]


def arguments(case: Case, d: Path) -> list[str]:
    return [*case.build(d), *_EXTRA_ARGS.get(case.id, [])]


def problems(case: Case, run: Run, d: Path) -> list[str]:
    """What is wrong with a run of ``case``; empty when it behaved."""
    out: list[str] = []
    text = run.output
    if run.timed_out:
        out.append(f"timed out after {run.seconds:.1f} s")
    if run.code != case.code:
        out.append(f"exit code {run.code}, expected {case.code}")
    if "Traceback" in text:
        out.append("a traceback was printed")
    if "internal error" in text:
        out.append("an internal error was reported")
    if case.lines and not any(f"{case.file}:{n}:" in text for n in case.lines):
        want = " or ".join(f"{case.file}:{n}:" for n in case.lines[:4]) + (" ..." if len(case.lines) > 4 else "")
        out.append(f"no location {want} in the output")
    for needle in case.expect:
        if needle.lower() not in text.lower():
            out.append(f"{needle!r} not in the output")
    if run.seconds > case.max_seconds:
        out.append(f"took {run.seconds:.1f} s, more than {case.max_seconds} s")
    if run.max_rss_mb > case.max_rss_mb:
        out.append(f"peak RSS {run.max_rss_mb:.0f} MB, more than {case.max_rss_mb} MB")
    if case.check is not None:
        complaint = case.check(d)
        if complaint:
            out.append(complaint)
    return out


def excerpt(run: Run, limit: int = 110) -> str:
    """The line of the output that names the problem, shortened for a table."""
    lines = [line.strip() for line in run.output.splitlines() if line.strip()]
    pick = next((line for line in lines if " error " in line or line.startswith(("::error", '"message"'))), None)
    pick = pick or next(
        (line for line in lines if "error" in line.lower() or line.startswith("ok:")), lines[0] if lines else ""
    )
    pick = pick.replace("|", "\\|")
    return pick if len(pick) <= limit else pick[: limit - 1] + "…"
